import Pipeline
import Standard

/// Per OPD of the registry, what staff need to send it its feedback: its page,
/// who filled its workbook in, the errors it has to fix, the domains it has not
/// sent and where it stands. `daftar-kirim.csv`, the `Daftar Kirim` sheet of
/// `konsolidasi.xlsx` and the store's `opd` table read it.
struct SendList: Sendable {
  enum Status: String, Sendable {
    /// No file of this OPD was received.
    case belumMengirim = "belum-mengirim"
    /// Files received, but with errors to fix or domains not sent.
    case perluPerbaikan = "perlu-perbaikan"
    /// Every domain sent, no error left.
    case lengkap
  }

  struct Entry: Sendable {
    let office: OPDRegistry.OPD
    /// `umpan-balik/<name>.html`, relative to the outputs folder.
    let page: String
    let contact: Contact?
    let errors: Int
    /// Domain keys in standard order.
    let missing: [String]
    let status: Status
  }

  let entries: [Entry]

  init(_ a: Architecture, standard: Standard) {
    var errors: [String: Int] = [:]
    for (i, f) in a.findings.enumerated() where f.severity == .kesalahan {
      for o in a.findingOPDs[i] { errors[o, default: 0] += 1 }
    }
    let contacts = a.contacts()
    let pages = Dictionary(
      uniqueKeysWithValues: FeedbackPages.pageNames(standard.opds.offices).map {
        ($0.code, FeedbackPages.folder + "/" + $0.name)
      })
    entries = standard.opds.offices.map { o in
      let missing = standard.domains.map(\.key).filter {
        let c = a.byOPD.count(o.code, $0)
        return c.accepted + c.rejected == 0
      }
      let e = errors[o.code] ?? 0
      let status: Status =
        a.byOPD.files[o.code] == nil
        ? .belumMengirim : (e > 0 || !missing.isEmpty ? .perluPerbaikan : .lengkap)
      return Entry(
        office: o, page: pages[o.code] ?? "", contact: contacts[o.code], errors: e,
        missing: missing, status: status)
    }
  }

  static let header = [
    "kode_opd", "nama_opd", "singkatan", "halaman", "nama_pengisi", "jabatan", "kontak",
    "tanggal_pengisian", "kesalahan", "domain_belum_dikirim", "status",
  ]

  /// One entry as the CSV and the sheet write it (domains joined by `;`).
  static func fields(_ e: Entry) -> [String] {
    [
      e.office.code, e.office.name, e.office.abbreviation, e.page, e.contact?.name ?? "",
      e.contact?.position ?? "", e.contact?.contact ?? "", e.contact?.filledOn ?? "",
      String(e.errors), e.missing.joined(separator: ";"), e.status.rawValue,
    ]
  }
}

/// `daftar-kirim.csv`: the send list, one RFC 4180 record per OPD of the
/// registry, UTF-8 with a BOM, formula-looking values as text (as `temuan.csv`).
/// Contacts are kept as written (like the JSON); the pages mask NIK/NIP.
struct SendListCSV: Emitter {
  static let name = "daftar-kirim.csv"
  let context: EmitContext

  func write(to out: ByteSink) {
    let list = SendList(architecture, standard: standard)
    out.append("\u{FEFF}")
    record(SendList.header, out)
    for e in list.entries { record(SendList.fields(e), out) }
  }

  private func record(_ fields: [String], _ out: ByteSink) {
    for (i, f) in fields.enumerated() {
      if i > 0 { out.append(byte: UInt8(ascii: ",")) }
      FindingsCSV.field(f, to: out)
    }
    out.append(ascii: "\r\n")
  }
}
