import Crypto
import Foundation
import Pipeline
import Spreadsheet
import Standard

/// `arsitektur-spbe.json` for KemenPAN RB (SPEC §7), built from the
/// consolidated architecture. Deterministic: same inputs, same bytes (with
/// `SOURCE_DATE_EPOCH` fixing `dibuat_pada`).
public struct ArchitectureDocument: Emitter {
  let context: EmitContext

  public init(_ context: EmitContext) { self.context = context }

  public static func findingID(_ index: Int) -> String {
    let n = String(index + 1)
    return "T" + String(repeating: "0", count: max(0, 5 - n.count)) + n
  }

  /// A top-level member: a value, or an array whose elements are made one at a
  /// time (records and findings: the large parts, streamed).
  private enum Member {
    case value(JSON)
    case array(count: Int, element: @Sendable (Int) -> JSON)
  }

  private func members() -> [(String, Member)] {
    let a = architecture
    var members: [(String, Member)] = [
      ("format", .value(.string("spbe-arsitektur/1"))),
      (
        "instansi",
        .value(
          .object([
            ("nama", .string(configuration.institutionName)),
            ("kode_wilayah", .string(configuration.regionCode)),
          ]))
      ),
      ("periode", .value(.string(configuration.period))),
      ("dibuat_pada", .value(.string(Self.rfc3339(createdAt)))),
      (
        "alat",
        .value(.object([("nama", .string("pipeline")), ("versi", .string(ToolVersion.current))]))
      ),
      ("daftar_kode", .value(.array(standard.lists.map(codelistEntry)))),
      ("sumber", .value(.array(a.sources.map(sourceEntry)))),
      ("opd", .value(.array(opdEntries()))),
    ]
    var byDomain: [String: [Int]] = [:]
    var rejected: [Int] = []
    for (i, r) in a.records.enumerated() {
      if r.rejected { rejected.append(i) } else { byDomain[r.domain, default: []].append(i) }
    }
    for d in standard.domains {
      let indices = byDomain[d.key] ?? []
      members.append((d.key, .array(count: indices.count) { record(a.records[indices[$0]], d) }))
    }
    let rejectedRows = rejected
    members.append(
      ("ditolak", .array(count: rejectedRows.count) { self.rejected(a.records[rejectedRows[$0]]) }))
    members.append(
      ("temuan", .array(count: a.findings.count) { finding(a.findings[$0], index: $0) }))
    members.append(("ringkasan", .value(summary())))
    members.append(("analisis", .value(AnalysisJSON.encode(a.analysis))))
    return members
  }

  /// The document, written record by record so it is never held whole.
  public func write(to out: ByteSink) {
    let w = JSONWriter()
    out.append(byte: UInt8(ascii: "{"))
    for (n, (key, member)) in members().enumerated() {
      w.key(key, first: n == 0, out, indent: 0)
      switch member {
      case .value(let v): w.write(v, into: out, indent: 1)
      case .array(let count, let element):
        w.openArray(out)
        writeElements(count, element, w, out)
        w.closeArray(count, out, indent: 1)
      }
    }
    w.newline(out, 0)
    out.append(ascii: "}\n")
  }

  /// Elements rendered side by side (`paralel` workers; the messages of
  /// findings are most of the cost), appended in order.
  private func writeElements(
    _ count: Int, _ element: @Sendable (Int) -> JSON, _ w: JSONWriter, _ out: ByteSink
  ) {
    out.append(count, workers: configuration.jobs) { i, sink in
      w.element(i, sink, indent: 1)
      w.write(element(i), into: sink, indent: 2)
    }
  }

  static func rfc3339(_ d: Date) -> String {
    let f = DateFormatter()
    f.locale = Locale(identifier: "en_US_POSIX")
    f.timeZone = TimeZone(identifier: "UTC")
    f.dateFormat = "yyyy-MM-dd'T'HH:mm:ss'Z'"
    return f.string(from: d)
  }

  private func codelistEntry(_ l: Standard.ListInfo) -> JSON {
    let data = FileManager.default.contents(atPath: l.path) ?? Data()
    let sha = SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
    return .object([
      ("nama", .string(l.name)), ("edisi", .string(l.edition)), ("status", .string(l.status)),
      ("sha256", .string(sha)),
    ])
  }

  private func sourceEntry(_ s: SourceFile) -> JSON {
    .object([
      ("berkas", .string(s.path)),
      ("sha256", s.sha256.map { .string($0) } ?? .null),
      ("status", .string(s.readable ? "terbaca" : "gagal")),
      ("format", .string(s.format?.rawValue)),
      (
        "tabel",
        .array(
          s.tables.map { t in
            .object([
              ("lembar", .string(t.sheet)),
              ("domain", .string(t.domain)),
              ("baris_header", t.headerRow.map(JSON.int) ?? .null),
              ("baris_data", .int(t.dataRows)),
              ("diterima", .int(t.accepted)),
              ("ditolak", .int(t.rejected)),
              ("kosong", .int(t.blank)),
            ])
          })
      ),
    ])
  }

  private func opdEntries() -> [JSON] {
    let tally = architecture.byOPD
    let contacts = architecture.contacts()
    return standard.opds.offices.map { o in
      .object([
        ("kode", .string(o.code)),
        ("nama", .string(o.name)),
        ("singkatan", .string(o.abbreviation)),
        ("berkas", .array((tally.files[o.code] ?? []).map(JSON.string))),
        (
          "jumlah",
          .object(standard.domains.map { ($0.key, .int(tally.count(o.code, $0.key).accepted)) })
        ),
        ("kontak", contacts[o.code].map(Self.contact) ?? .null),
      ])
    }
  }

  /// `opd[].kontak`: the Identitas contact, keys as `domains.json` names its rows.
  static func contact(_ c: Contact) -> JSON {
    .object([
      ("nama_pengisi", .string(c.name)), ("jabatan", .string(c.position)),
      ("kontak", .string(c.contact)), ("tanggal_pengisian", .string(c.filledOn)),
    ])
  }

  static func value(_ v: Value?, _ field: Field) -> JSON {
    guard let v else {
      if case .reference = field.type { return .array([]) }
      return .null
    }
    switch v {
    case .text(let s): return .string(s)
    case .number(let d): return .double(d)
    case .integer(let i): return .int(i)
    case .date(let d): return .string(d.iso)
    case .list(let l): return .array(l.map(JSON.string))
    }
  }

  private func origin(_ o: Origin) -> JSON {
    .object([("berkas", .string(o.file)), ("lembar", .string(o.sheet)), ("baris", .int(o.row))])
  }

  private func record(_ r: Record, _ d: Domain) -> JSON {
    var m: [(String, JSON)] = d.fields.map { f in
      f.key == "opd" ? (f.key, .string(r.opd)) : (f.key, Self.value(r.values[f.key], f))
    }
    m.append(("tambahan", .object(r.extra.map { ($0.0, CellJSON.encode($0.1)) })))
    m.append(("asal", origin(r.origin)))
    return .object(m)
  }

  private func rejected(_ r: Record) -> JSON {
    .object([
      ("domain", .string(r.domain)),
      ("opd", .string(r.opd)),
      ("nilai", .object(r.raw.map { ($0.0, CellJSON.encode($0.1)) })),
      ("temuan", .array(r.findings.map { .string(Self.findingID($0)) })),
      ("asal", origin(r.origin)),
    ])
  }

  private func finding(_ f: Finding, index: Int) -> JSON {
    let (message, fix) = Catalog.render(f, lang: configuration.language)
    return .object([
      ("id", .string(Self.findingID(index))),
      ("jenis", .string(f.type.rawValue)),
      ("tingkat", .string(f.severity.rawValue)),
      ("berkas", .string(f.location.file)),
      ("lembar", .string(f.location.sheet)),
      ("sel", .string(f.location.cell)),
      ("baris", f.location.row.map(JSON.int) ?? .null),
      ("kolom", .string(f.columnLabel)),
      ("bidang", .string(f.field)),
      ("nilai", .string(f.value)),
      ("pesan", .string(message)),
      ("saran", .string(fix)),
      ("kunci", .string(context.findingKeys[index])),
      ("opd", .string(architecture.findingOPD(index))),
    ])
  }

  private func summary() -> JSON {
    let a = architecture
    let tables = a.sources.flatMap(\.tables)
    let counts = a.findingCounts
    return .object([
      ("berkas", .int(a.sources.count)),
      ("berkas_gagal", .int(a.sources.filter { !$0.readable }.count)),
      ("tabel", .int(tables.count)),
      ("baris", .int(tables.reduce(0) { $0 + $1.dataRows })),
      ("diterima", .int(tables.reduce(0) { $0 + $1.accepted })),
      ("ditolak", .int(tables.reduce(0) { $0 + $1.rejected })),
      ("kosong", .int(tables.reduce(0) { $0 + $1.blank })),
      ("temuan", .object(Severity.allCases.map { ($0.rawValue, .int(counts.count($0))) })),
      (
        "per_jenis",
        .object(
          counts.byType.keys.sorted { $0.rawValue < $1.rawValue }.map {
            ($0.rawValue, .int(counts.count($0)))
          })
      ),
      (
        "opd_tanpa_kiriman",
        .array(
          standard.opds.offices.filter { a.byOPD.files[$0.code] == nil }.map { .string($0.code) })
      ),
    ])
  }
}
