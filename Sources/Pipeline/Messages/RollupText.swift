import Foundation

/// What `pipeline gabung` says, on the terminal and in `nasional.xlsx` and
/// `nasional.html`, in both languages.
public enum RollupText {
  /// Why a document was not merged (or, for another format, why nothing was).
  public static func error(_ e: RollupError, lang: Language) -> String {
    let id = lang == .id
    switch e {
    case .otherFormat(let p, let f):
      return id
        ? "dokumen \(p) berformat \(f), bukan \(expectedFormat); gabung hanya menerima \(expectedFormat). Buat ulang dokumen itu dengan pipeline run versi ini. Tidak ada yang ditulis."
        : "the document \(p) has format \(f), not \(expectedFormat); gabung accepts only \(expectedFormat). Make the document again with this version's pipeline run. Nothing was written."
    case .unreadable(let p, let code):
      let why: String
      switch code {
      case ENOENT: why = id ? "tidak ada" : "does not exist"
      case EACCES, EPERM: why = id ? "tidak boleh dibaca (izin)" : "may not be read (permissions)"
      case EISDIR: why = id ? "bukan berkas biasa" : "is not a regular file"
      default: why = id ? "gagal dibaca" : "could not be read"
      }
      return id ? "berkas \(p) \(why); dilewati." : "the file \(p) \(why); skipped."
    case .malformed(let p, let j):
      return id
        ? "dokumen \(p) tidak dapat dibaca pada byte \(j.offset): \(reason(j.reason, lang)); dilewati."
        : "the document \(p) cannot be read at byte \(j.offset): \(reason(j.reason, lang)); skipped."
    case .missingMember(let p, let m):
      return id
        ? "berkas \(p) bukan dokumen arsitektur SPBE: tidak ada `\(m)`; dilewati."
        : "the file \(p) is not an SPBE architecture document: it has no `\(m)`; skipped."
    }
  }

  static let expectedFormat = "spbe-arsitektur/1"

  public static func reason(_ r: JSONReadError.Reason, _ lang: Language) -> String {
    let id = lang == .id
    switch r {
    case .unexpectedEnd:
      return id ? "berkas berakhir di tengah (terpotong?)" : "the file ends halfway (truncated?)"
    case .unexpectedByte(let b):
      let shown = (0x21..<0x7F).contains(b) ? "'\(Character(Unicode.Scalar(b)))'" : "0x" + hex(b)
      return id ? "karakter \(shown) tidak diharapkan di sini" : "unexpected character \(shown)"
    case .wrongType(let k):
      let kind: [JSONKind: (String, String)] = [
        .object: ("objek", "an object"), .array: ("larik", "an array"),
        .string: ("teks", "a string"), .number: ("bilangan", "a number"),
        .bool: ("true/false", "true/false"), .null: ("null", "null"),
      ]
      let k = kind[k] ?? ("?", "?")
      return id ? "di sini seharusnya \(k.0)" : "\(k.1) was expected here"
    case .badEscape: return id ? "escape \\ tidak sah" : "invalid \\ escape"
    case .badUTF8: return id ? "teks bukan UTF-8 yang sah" : "text is not valid UTF-8"
    case .badNumber: return id ? "bilangan tidak sah" : "invalid number"
    case .tooDeep(let n):
      return id ? "bersarang lebih dalam dari \(n) tingkat" : "nested deeper than \(n) levels"
    case .stringTooLong(let n):
      return id ? "teks lebih panjang dari \(n) byte" : "a string longer than \(n) bytes"
    case .trailingData:
      return id ? "ada isi lain setelah dokumen" : "something else follows the document"
    case .readFailed:
      return id ? "berkas gagal dibaca dari disk" : "the file could not be read from disk"
    }
  }

  private static func hex(_ b: UInt8) -> String {
    let s = String(b, radix: 16, uppercase: true)
    return s.count == 1 ? "0" + s : s
  }

  public static func replaced(
    region: String, dropped: String, droppedAt: String, kept: String, keptAt: String,
    lang: Language
  ) -> String {
    lang == .id
      ? "instansi \(region) ada dua kali: \(dropped) (dibuat \(droppedAt)) diganti \(kept) (dibuat \(keptAt)), yang lebih baru."
      : "the instansi \(region) came twice: \(dropped) (made \(droppedAt)) was replaced by \(kept) (made \(keptAt)), the later one."
  }

  public static func otherEdition(
    file: String, region: String, codelist: String, edition: String, ours: String,
    lang: Language
  ) -> String {
    lang == .id
      ? "catatan: dokumen \(file) (\(region)) memakai daftar kode \(codelist) edisi \(edition), alat ini edisi \(ours); tetap digabung."
      : "note: the document \(file) (\(region)) used codelist \(codelist) edition \(edition), this tool has \(ours); merged all the same."
  }

  public static func noneReadable(lang: Language) -> String {
    lang == .id
      ? "tidak ada dokumen arsitektur-spbe.json yang terbaca; keluaran tidak diubah. Sebutkan berkas .json atau folder yang memuatnya."
      : "no arsitektur-spbe.json document could be read; the outputs were not changed. Name .json files or folders that hold them."
  }

  public static func merged(instansi: Int, records: Int, folder: String, lang: Language)
    -> String
  {
    lang == .id
      ? "\(instansi) instansi digabung, \(records) rekaman; keluaran di \(folder) (mulai dari nasional.html).\n"
      : "\(instansi) instansi merged, \(records) records; outputs in \(folder) (start with nasional.html).\n"
  }

  /// The labels of `nasional.xlsx` and `nasional.html`.
  public enum Label: Sendable {
    case title, createdAt, regionCode, instansi, period, accepted, rejected, errors, warnings
    case infos, silentOffices, file, total, offices, instansiCount, replacedCount
    case otherEditionCount, completeness, completenessLead, recordsPerInstansi
    case recordsLead, editions, editionsLead, codelist, ourEdition, edition, usedBy
    case replaced, replacedLead, keptFile, unreadable, unreadableLead, sheetFull, extraColumns,
      originFile, originSheet
    case originRow
  }

  public static func label(_ l: Label, _ lang: Language) -> String {
    let (id, en): (String, String)
    switch l {
    case .title: (id, en) = ("Arsitektur SPBE nasional", "National SPBE architecture")
    case .createdAt: (id, en) = ("Dibuat pada", "Generated")
    case .regionCode: (id, en) = ("Kode wilayah", "Region code")
    case .instansi: (id, en) = ("Instansi", "Institution")
    case .period: (id, en) = ("Periode", "Period")
    case .accepted: (id, en) = ("Diterima", "Accepted")
    case .rejected: (id, en) = ("Ditolak", "Rejected")
    case .errors: (id, en) = ("Temuan kesalahan", "Error findings")
    case .warnings: (id, en) = ("Temuan peringatan", "Warning findings")
    case .infos: (id, en) = ("Temuan info", "Info findings")
    case .silentOffices: (id, en) = ("OPD tanpa kiriman", "OPDs that sent nothing")
    case .file: (id, en) = ("Berkas", "File")
    case .total: (id, en) = ("Jumlah", "Total")
    case .offices: (id, en) = ("OPD", "OPDs")
    case .instansiCount: (id, en) = ("Instansi digabung", "Institutions merged")
    case .replacedCount: (id, en) = ("Dokumen diganti", "Documents replaced")
    case .otherEditionCount:
      (id, en) = (
        "Instansi dengan edisi daftar kode lain", "Institutions on other codelist editions"
      )
    case .completeness:
      (id, en) = ("Kelengkapan instansi × domain", "Completeness, institution × domain")
    case .completenessLead:
      (id, en) = (
        "Jumlah rekaman per domain, dan berapa OPD instansi itu yang mengisi domain tersebut. Sel merah: domain tanpa rekaman sama sekali.",
        "Records per domain, and how many of the institution's OPDs filled in that domain. Red cell: a domain with no record at all."
      )
    case .recordsPerInstansi: (id, en) = ("Rekaman per instansi", "Records per institution")
    case .recordsLead:
      (id, en) = (
        "Rekaman yang diterima, per domain, dari setiap instansi.",
        "Accepted records, per domain, from each institution."
      )
    case .editions: (id, en) = ("Edisi daftar kode", "Codelist editions")
    case .editionsLead:
      (id, en) = (
        "Edisi daftar kode yang dipakai setiap instansi; edisi yang berbeda dari alat ini ditandai. Rekamannya tetap digabung.",
        "The codelist editions each institution used; editions other than this tool's are marked. Their records are merged all the same."
      )
    case .codelist: (id, en) = ("Daftar kode", "Codelist")
    case .ourEdition: (id, en) = ("Edisi alat ini", "This tool's edition")
    case .edition: (id, en) = ("Edisi dipakai", "Edition used")
    case .usedBy: (id, en) = ("Instansi", "Institutions")
    case .replaced: (id, en) = ("Dokumen yang diganti", "Documents replaced")
    case .replacedLead:
      (id, en) = (
        "Instansi yang dokumennya datang lebih dari sekali: yang dibuat paling akhir dipakai.",
        "Institutions whose document came more than once: the one made last is used."
      )
    case .keptFile: (id, en) = ("Diganti oleh", "Replaced by")
    case .unreadable: (id, en) = ("Dokumen tidak terbaca", "Documents not read")
    case .unreadableLead:
      (id, en) = (
        "Berkas ini tidak digabung; minta instansinya mengirim ulang.",
        "These files were not merged; ask their institutions to send them again."
      )
    case .extraColumns: (id, en) = ("Kolom tambahan", "Extra columns")
    case .originFile: (id, en) = ("Berkas asal", "Source file")
    case .originSheet: (id, en) = ("Lembar asal", "Source sheet")
    case .originRow: (id, en) = ("Baris asal", "Source row")
    case .sheetFull:
      (id, en) = (
        "Lembar penuh: {n} rekaman lagi ada di arsitektur-nasional.json.",
        "Sheet full: {n} more records are in arsitektur-nasional.json."
      )
    }
    return lang == .id ? id : en
  }
}
