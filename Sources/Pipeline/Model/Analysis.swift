/// What the accepted records say about the regency's SPBE (the `analisis` of
/// `arsitektur-spbe.json`): budget, common applications, consolidation
/// candidates, gaps, data flows between OPDs and hosting. Every entry points
/// back at the records behind it (`RecordRef`), so each number can be traced.
/// Computed by `Analyze` from the consolidated records; the emitters only
/// render it. Names follow the JSON keys.
public struct Analysis: Sendable, Equatable {
  public var anggaran: Budget
  public var aplikasiUmum: [CommonApplication]
  public var kandidatKonsolidasi: [ConsolidationGroup]
  public var celah: [Gap]
  public var interoperabilitas: [DataFlow]
  public var hosting: [HostingShare]
  public var kelasAplikasi: [ApplicationClass]

  public init(
    anggaran: Budget = Budget(), aplikasiUmum: [CommonApplication] = [],
    kandidatKonsolidasi: [ConsolidationGroup] = [], celah: [Gap] = [],
    interoperabilitas: [DataFlow] = [], hosting: [HostingShare] = [],
    kelasAplikasi: [ApplicationClass] = []
  ) {
    self.anggaran = anggaran
    self.aplikasiUmum = aplikasiUmum
    self.kandidatKonsolidasi = kandidatKonsolidasi
    self.celah = celah
    self.interoperabilitas = interoperabilitas
    self.hosting = hosting
    self.kelasAplikasi = kelasAplikasi
  }

  /// No accepted records: nothing to say.
  public static let empty = Analysis()
}

/// A record by its domain, OPD code and id (`{domain, opd, id}` in the JSON).
public struct RecordRef: Sendable, Hashable, Comparable {
  public var domain: String
  public var opd: String
  public var id: String
  public init(domain: String, opd: String, id: String) {
    self.domain = domain
    self.opd = opd
    self.id = id
  }
  public static func < (a: RecordRef, b: RecordRef) -> Bool {
    (a.domain, a.opd, a.id) < (b.domain, b.opd, b.id)
  }
}

extension Analysis {
  /// Amounts in whole rupiah. Records with no amount are counted apart
  /// (`tanpaNilai`), never as zero.
  public struct Budget: Sendable, Equatable {
    public var total: Int
    /// Records that carry an amount field of their domain but leave it empty.
    public var tanpaNilai: Int
    /// Per OPD × domain, OPD codes then domains in standard order.
    public var perOPD: [Line]
    /// Per RAA area (applications), by code.
    public var perRAA: [Line]
    /// Per year, where a year field exists.
    public var perTahun: [Line]
    /// The ten most costly applications, most costly first.
    public var termahal: [Item]

    public init(
      total: Int = 0, tanpaNilai: Int = 0, perOPD: [Line] = [], perRAA: [Line] = [],
      perTahun: [Line] = [], termahal: [Item] = []
    ) {
      self.total = total
      self.tanpaNilai = tanpaNilai
      self.perOPD = perOPD
      self.perRAA = perRAA
      self.perTahun = perTahun
      self.termahal = termahal
    }

    /// One row of a breakdown. `kunci` is what the row is about: an OPD code
    /// (with `domain`), an RAA code or a year.
    public struct Line: Sendable, Equatable {
      public var kunci: String
      public var domain: String?
      public var jumlah: Int
      public var tanpaNilai: Int
      public var rekaman: Int
      public init(kunci: String, domain: String? = nil, jumlah: Int, tanpaNilai: Int, rekaman: Int)
      {
        self.kunci = kunci
        self.domain = domain
        self.jumlah = jumlah
        self.tanpaNilai = tanpaNilai
        self.rekaman = rekaman
      }
    }

    public struct Item: Sendable, Equatable {
      public var ref: RecordRef
      public var nama: String
      public var jumlah: Int
      public init(ref: RecordRef, nama: String, jumlah: Int) {
        self.ref = ref
        self.nama = nama
        self.jumlah = jumlah
      }
    }
  }

  /// An Aplikasi Umum (or a national application) of `aplikasi-umum.csv` and
  /// who uses it.
  public struct CommonApplication: Sendable, Equatable {
    public var nama: String
    /// `umum` or `khusus-nasional`.
    public var kelas: String
    public var pemilik: String
    /// OPD codes whose applications name it, sorted.
    public var opdPengguna: [String]
    /// OPD codes that sent applications but none of them is this one, sorted.
    public var opdBukanPengguna: [String]
    /// Local applications that do what this one does.
    public var kandidatMigrasi: [RecordRef]
    public init(
      nama: String, kelas: String, pemilik: String, opdPengguna: [String],
      opdBukanPengguna: [String], kandidatMigrasi: [RecordRef]
    ) {
      self.nama = nama
      self.kelas = kelas
      self.pemilik = pemilik
      self.opdPengguna = opdPengguna
      self.opdBukanPengguna = opdBukanPengguna
      self.kandidatMigrasi = kandidatMigrasi
    }
  }

  /// Local applications in several OPDs that do the same job.
  public struct ConsolidationGroup: Sendable, Equatable {
    public var aplikasi: [RecordRef]
    public var opd: [String]
    /// Why they were grouped, in words (the shared RAA code and words).
    public var alasan: String
    /// Their summed amounts; nil when none carries one.
    public var anggaran: Int?
    /// The RAA code (level 2) they share.
    public var raa: String = ""
    /// The content words their names share (the words behind `alasan`).
    public var kataSama: [String] = []
    public init(aplikasi: [RecordRef], opd: [String], alasan: String, anggaran: Int?) {
      self.aplikasi = aplikasi
      self.opd = opd
      self.alasan = alasan
      self.anggaran = anggaran
    }
  }

  /// A missing link along the architecture's chain, or a domain an OPD has
  /// not sent (`id` nil).
  public struct Gap: Sendable, Equatable {
    /// e.g. `proses-tanpa-layanan`, `layanan-tanpa-aplikasi`,
    /// `aplikasi-tanpa-data`, `aplikasi-tanpa-infrastruktur`,
    /// `aplikasi-tanpa-keamanan`, `data-interoperabel-tidak-dipakai`,
    /// `domain-belum-dikirim`.
    public var jenis: String
    public var opd: String
    public var domain: String
    public var id: String?
    public init(jenis: String, opd: String, domain: String, id: String?) {
      self.jenis = jenis
      self.opd = opd
      self.domain = domain
      self.id = id
    }
  }

  /// Data produced by one OPD and held or used by another.
  public struct DataFlow: Sendable, Equatable {
    public var dariOPD: String
    public var keOPD: String
    /// Data record ids, sorted.
    public var data: [String]
    public init(dariOPD: String, keOPD: String, data: [String]) {
      self.dariOPD = dariOPD
      self.keOPD = keOPD
      self.data = data
    }
  }

  /// How many applications of an OPD run where (`lokasi`: e.g.
  /// `pusat-data-nasional`, `pusat-data-daerah`, `cloud-pemerintah`,
  /// `cloud-swasta`, `server-opd`, `tidak-diketahui`).
  public struct HostingShare: Sendable, Equatable {
    public var lokasi: String
    public var opd: String
    public var jumlah: Int
    /// The applications behind the count.
    public var aplikasi: [RecordRef]
    public init(lokasi: String, opd: String, jumlah: Int, aplikasi: [RecordRef]) {
      self.lokasi = lokasi
      self.opd = opd
      self.jumlah = jumlah
      self.aplikasi = aplikasi
    }
  }

  /// Every application's class: `umum`, `khusus-nasional` or `khusus-daerah`,
  /// with the Aplikasi Umum it is (or nil).
  public struct ApplicationClass: Sendable, Equatable {
    public var ref: RecordRef
    public var kelas: String
    public var aplikasiUmum: String?
    public init(ref: RecordRef, kelas: String, aplikasiUmum: String?) {
      self.ref = ref
      self.kelas = kelas
      self.aplikasiUmum = aplikasiUmum
    }
  }
}
