import Pipeline

/// Every text of `profil.html` (and the link to it from `laporan.html`), one
/// case each, in Bahasa Indonesia and English side by side, like `PageText`.
enum ProfileText: CaseIterable {
  case title
  case eyebrow
  case lead
  case toReport
  case toProfile
  case numbersHeading
  case numbersLead
  case acceptedRecords
  case budgetTotal
  case appsWithoutAmount
  case otherRecordsWithoutAmount
  case commonInUse
  case ofCommonListed
  case migrationCandidates
  case consolidationGroups
  case gaps
  case flows
  case recordsPerDomain
  case recordsLegend
  case budgetHeading
  case budgetLead
  case budgetPerOPD
  case budgetPerRAA
  case budgetPerYear
  case topTen
  case noBudget
  case noYear
  case noRAA
  case amount
  case withoutAmount
  case records
  case domain
  case raaArea
  case year
  case application
  case share
  case number
  case commonHeading
  case commonLead
  case adoption
  case usedLegend
  case notUsedLegend
  case classes
  case classUmum
  case classNational
  case classLocal
  case kind
  case owner
  case users
  case nonUsers
  case noCommon
  case migrationHeading
  case migrationLead
  case commonApplication
  case localApplication
  case noMigration
  case consolidationHeading
  case consolidationLead
  case group
  case applications
  case reason
  case noConsolidation
  case noAmount
  case gapsHeading
  case gapsLead
  case gapsPerOPD
  case gapsList
  case noGaps
  case gapProcessWithoutService
  case gapServiceWithoutApplication
  case gapApplicationWithoutData
  case gapApplicationWithoutInfrastructure
  case gapApplicationWithoutSecurity
  case gapDataNotUsed
  case gapDomainNotSent
  case flowsHeading
  case flowsLead
  case flowMatrix
  case fromOPD
  case toOPD
  case dataCount
  case data
  case flowList
  case mostShared
  case usedBy
  case isolated
  case isolatedNone
  case noFlows
  case hostingHeading
  case hostingLead
  case hostingShares
  case hostingPerOPD
  case location
  case outsideHeading
  case outsideLead
  case noOutside
  case noHosting
  case hostPDN
  case hostPDD
  case hostGovCloud
  case hostPrivateCloud
  case hostOPDServer
  case hostUnknown
  case moreRows
  case footer

  /// The text in Bahasa Indonesia and in English.
  var words: (id: String, en: String) {
    switch self {
    case .title: return ("Profil Arsitektur SPBE", "SPBE Architecture Profile")
    case .eyebrow: return ("Profil SPBE", "SPBE profile")
    case .lead:
      return (
        "Apa yang dikatakan rekaman yang diterima tentang SPBE {instansi}: anggaran, Aplikasi Umum, kandidat konsolidasi, celah, interoperabilitas dan hosting. Setiap angka dapat ditelusuri ke rekamannya di arsitektur-spbe.json (analisis).",
        "What the accepted records say about the SPBE of {instansi}: budget, common applications, consolidation candidates, gaps, interoperability and hosting. Every number can be traced to its records in arsitektur-spbe.json (analisis)."
      )
    case .toReport: return ("Laporan pemeriksaan data", "Data check report")
    case .toProfile: return ("Profil Arsitektur SPBE", "SPBE Architecture Profile")
    case .numbersHeading: return ("{instansi} dalam angka", "{instansi} in numbers")
    case .numbersLead:
      return (
        "Dihitung dari rekaman yang diterima saja; rekaman yang ditolak ada di laporan pemeriksaan.",
        "Counted from accepted records only; rejected records are in the data check report."
      )
    case .acceptedRecords: return ("Rekaman diterima", "Accepted records")
    case .budgetTotal: return ("Total anggaran", "Total budget")
    case .appsWithoutAmount:
      return ("{n} aplikasi tanpa nilai anggaran", "{n} applications without a budget amount")
    case .otherRecordsWithoutAmount:
      return ("{n} rekaman lain tanpa nilai", "{n} other records without an amount")
    case .commonInUse: return ("Aplikasi Umum dipakai", "Common applications in use")
    case .ofCommonListed: return ("dari {n} dalam daftar", "of {n} listed")
    case .migrationCandidates: return ("Kandidat migrasi", "Migration candidates")
    case .consolidationGroups: return ("Kandidat konsolidasi", "Consolidation candidates")
    case .gaps: return ("Celah", "Gaps")
    case .flows: return ("Aliran data antar-OPD", "Data flows between OPDs")
    case .recordsPerDomain: return ("Rekaman diterima per domain", "Accepted records per domain")
    case .recordsLegend: return ("rekaman", "records")
    case .budgetHeading: return ("Anggaran", "Budget")
    case .budgetLead:
      return (
        "Jumlah dalam rupiah dari nilai yang diisi OPD (anggaran aplikasi, biaya pemeliharaan dan layanan infrastruktur bila ada). Rekaman tanpa nilai dihitung terpisah, tidak sebagai nol.",
        "Sums in rupiah of the amounts OPDs filled in (application budgets, maintenance and infrastructure service costs where present). Records without an amount are counted apart, never as zero."
      )
    case .budgetPerOPD: return ("Anggaran per OPD", "Budget per OPD")
    case .budgetPerRAA: return ("Anggaran per area RAA", "Budget per RAA area")
    case .budgetPerYear: return ("Anggaran per tahun", "Budget per year")
    case .topTen: return ("Sepuluh aplikasi termahal", "The ten most costly applications")
    case .noBudget:
      return (
        "Belum ada nilai anggaran pada rekaman yang diterima.",
        "No accepted record carries a budget amount yet."
      )
    case .noYear:
      return ("Tidak ada rekaman dengan tahun anggaran.", "No record carries a budget year.")
    case .noRAA:
      return (
        "Tidak ada aplikasi dengan kode RAA dan nilai.",
        "No application with an RAA code and an amount."
      )
    case .amount: return ("Jumlah (Rp)", "Amount (Rp)")
    case .withoutAmount: return ("Tanpa nilai", "Without amount")
    case .records: return ("Rekaman", "Records")
    case .domain: return ("Domain", "Domain")
    case .raaArea: return ("Area RAA", "RAA area")
    case .year: return ("Tahun", "Year")
    case .application: return ("Aplikasi", "Application")
    case .share: return ("Bagian", "Share")
    case .number: return ("Jumlah", "Count")
    case .commonHeading:
      return ("Aplikasi Umum dan aplikasi nasional", "Common and national applications")
    case .commonLead:
      return (
        "Aplikasi Umum ditetapkan KemenPAN RB; pemerintah daerah tidak membangun aplikasi yang fungsinya sama. Matriks: kotak terisi bila aplikasi OPD itu menyebut aplikasi tersebut. Daftar aplikasi-umum.csv masih indikatif.",
        "Common applications are designated by KemenPAN RB; a regency does not build one that does the same. Matrix: a filled square when an application of that OPD names it. The list aplikasi-umum.csv is still indicative."
      )
    case .adoption: return ("Pemakaian Aplikasi Umum per OPD", "Common applications used per OPD")
    case .usedLegend: return ("dipakai", "used")
    case .notUsedLegend: return ("tidak dipakai", "not used")
    case .classes: return ("Aplikasi menurut kelas", "Applications by class")
    case .classUmum: return ("Aplikasi Umum", "common application")
    case .classNational: return ("khusus nasional", "national (ministry) application")
    case .classLocal: return ("khusus daerah", "local application")
    case .kind: return ("Kelas", "Class")
    case .owner: return ("Pemilik", "Owner")
    case .users: return ("OPD pengguna", "OPDs using it")
    case .nonUsers: return ("OPD bukan pengguna", "OPDs not using it")
    case .noCommon:
      return (
        "Tidak ada Aplikasi Umum atau aplikasi nasional yang dikenali pada rekaman yang diterima.",
        "No common or national application was recognised in the accepted records."
      )
    case .migrationHeading: return ("Kandidat migrasi", "Migration candidates")
    case .migrationLead:
      return (
        "Aplikasi daerah dengan kode RAA yang sama dan kata yang cocok pada nama atau fungsi dengan suatu Aplikasi Umum: calon untuk beralih ke Aplikasi Umum itu.",
        "Local applications with the same RAA code and matching words in name or function as a common application: candidates to move to it."
      )
    case .commonApplication: return ("Aplikasi Umum", "Common application")
    case .localApplication: return ("Aplikasi daerah", "Local application")
    case .noMigration: return ("Tidak ada kandidat migrasi.", "No migration candidates.")
    case .consolidationHeading: return ("Kandidat konsolidasi", "Consolidation candidates")
    case .consolidationLead:
      return (
        "Aplikasi daerah di beberapa OPD yang mengerjakan hal yang sama (kode RAA sama, nama atau fungsi mirip), dengan jumlah anggarannya.",
        "Local applications in several OPDs that do the same job (the same RAA code, similar names or functions), with their summed budget."
      )
    case .group: return ("Kelompok", "Group")
    case .applications: return ("Aplikasi", "Applications")
    case .reason: return ("Alasan", "Reason")
    case .noConsolidation:
      return ("Tidak ada kandidat konsolidasi.", "No consolidation candidates.")
    case .noAmount: return ("tanpa nilai", "no amount")
    case .gapsHeading: return ("Celah", "Gaps")
    case .gapsLead:
      return (
        "Mata rantai arsitektur yang putus, per OPD: proses bisnis tanpa layanan, layanan tanpa aplikasi, aplikasi tanpa data, infrastruktur atau kegiatan keamanan, data interoperabel yang tidak dipakai OPD lain, dan domain yang belum dikirim.",
        "Broken links along the architecture's chain, per OPD: business processes no service refers to, services no application supports, applications with no data, infrastructure or security activity, interoperable data no other OPD uses, and domains not sent."
      )
    case .gapsPerOPD: return ("Celah per OPD dan jenis", "Gaps per OPD and kind")
    case .gapsList: return ("Daftar celah", "List of gaps")
    case .noGaps: return ("Tidak ada celah.", "No gaps.")
    case .gapProcessWithoutService:
      return ("proses bisnis tanpa layanan", "business process with no service")
    case .gapServiceWithoutApplication:
      return ("layanan tanpa aplikasi", "service with no application")
    case .gapApplicationWithoutData: return ("aplikasi tanpa data", "application with no data")
    case .gapApplicationWithoutInfrastructure:
      return ("aplikasi tanpa infrastruktur", "application with no infrastructure")
    case .gapApplicationWithoutSecurity:
      return ("aplikasi tanpa kegiatan keamanan", "application with no security activity")
    case .gapDataNotUsed:
      return ("data interoperabel tidak dipakai", "interoperable data nobody uses")
    case .gapDomainNotSent: return ("domain belum dikirim", "domain not sent")
    case .flowsHeading: return ("Interoperabilitas", "Interoperability")
    case .flowsLead:
      return (
        "Data yang dihasilkan satu OPD dan dipegang atau dipakai OPD lain, melalui tautan data dan aplikasi. Baris: OPD penghasil; kolom: OPD pemakai; angka: jumlah data.",
        "Data produced by one OPD and held or used by another, through the data and application links. Rows: producing OPD; columns: using OPD; number: data sets."
      )
    case .flowMatrix: return ("Aliran data OPD × OPD", "Data flows OPD × OPD")
    case .fromOPD: return ("Dari OPD", "From OPD")
    case .toOPD: return ("Ke OPD", "To OPD")
    case .dataCount: return ("Jumlah data", "Data sets")
    case .data: return ("Data", "Data")
    case .flowList: return ("Aliran data", "Data flows")
    case .mostShared: return ("Data yang paling banyak dibagi", "The most shared data")
    case .usedBy: return ("Dipakai OPD", "Used by OPDs")
    case .isolated: return ("OPD yang tidak berbagi data", "OPDs that share nothing")
    case .isolatedNone:
      return (
        "Setiap OPD yang mengirim data ikut dalam aliran data.",
        "Every OPD that sent data takes part in a flow."
      )
    case .noFlows: return ("Tidak ada aliran data antar-OPD.", "No data flows between OPDs.")
    case .hostingHeading: return ("Hosting", "Hosting")
    case .hostingLead:
      return (
        "Tempat aplikasi dijalankan: Pusat Data Nasional, pusat data daerah, cloud pemerintah, cloud swasta, atau server di OPD.",
        "Where applications run: the National Data Centre, the regency's data centre, government cloud, private cloud, or a server inside the OPD."
      )
    case .hostingShares:
      return ("Aplikasi menurut tempat hosting", "Applications by hosting location")
    case .hostingPerOPD: return ("Hosting per OPD", "Hosting per OPD")
    case .location: return ("Lokasi", "Location")
    case .outsideHeading:
      return (
        "Aplikasi di luar pusat data pemerintah", "Applications outside government data centres"
      )
    case .outsideLead:
      return (
        "{n} aplikasi belum berjalan di Pusat Data Nasional, pusat data daerah atau cloud pemerintah.",
        "{n} applications do not run in the National Data Centre, the regency's data centre or government cloud yet."
      )
    case .noOutside:
      return (
        "Semua aplikasi yang diketahui tempatnya berjalan di pusat data pemerintah.",
        "Every application whose location is known runs in a government data centre."
      )
    case .noHosting: return ("Tidak ada data hosting.", "No hosting data.")
    case .hostPDN: return ("Pusat Data Nasional", "National Data Centre")
    case .hostPDD: return ("Pusat data daerah", "Regional data centre")
    case .hostGovCloud: return ("Cloud pemerintah", "Government cloud")
    case .hostPrivateCloud: return ("Cloud swasta", "Private cloud")
    case .hostOPDServer: return ("Server di OPD", "Server inside the OPD")
    case .hostUnknown: return ("Tidak diketahui", "Unknown")
    case .moreRows:
      return (
        "{n} baris lainnya ada di arsitektur-spbe.json (analisis).",
        "{n} more rows are in arsitektur-spbe.json (analisis)."
      )
    case .footer:
      return (
        "Dibuat oleh pipeline {versi} dari rekaman yang diterima. Nomor yang berbentuk NIK (16 digit) atau NIP (18 digit) disamarkan di halaman ini.",
        "Generated by pipeline {versi} from the accepted records. Numbers shaped like a NIK (16 digits) or NIP (18 digits) are masked on this page."
      )
    }
  }

  /// The text in `lang`, its placeholders filled from `values`.
  func callAsFunction(_ lang: Language, _ values: [String: String] = [:]) -> String {
    let w = words
    let text = lang == .en ? w.en : w.id
    return values.isEmpty ? text : fill(text, values)
  }
}
