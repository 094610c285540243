import Foundation
import Pipeline
import Standard

/// `arsitektur-nasional.json` (format `spbe-nasional/1`): the instansi merged,
/// then the six domain arrays with every instansi's accepted records, each
/// with its `kode_wilayah`, by `kode_wilayah` and then the document's order.
/// A record is one line, as its instansi wrote it with `kode_wilayah` put first.
public struct NationalDocument {
  public static let fileName = "arsitektur-nasional.json"
  public static let format = "spbe-nasional/1"

  let rollup: NationalRollup
  let createdAt: Date

  public init(_ rollup: NationalRollup, createdAt: Date) {
    self.rollup = rollup
    self.createdAt = createdAt
  }

  public func write(to out: ByteSink) {
    let w = JSONWriter()
    let docs = rollup.documents
    out.append(byte: UInt8(ascii: "{"))
    w.key("format", first: true, out, indent: 0)
    w.write(.string(Self.format), into: out, indent: 1)
    w.key("dibuat_pada", first: false, out, indent: 0)
    w.write(.string(ArchitectureDocument.rfc3339(createdAt)), into: out, indent: 1)
    w.key("alat", first: false, out, indent: 0)
    w.write(
      .object([("nama", .string("pipeline")), ("versi", .string(ToolVersion.current))]),
      into: out, indent: 1)
    w.key("instansi", first: false, out, indent: 0)
    w.write(.array(docs.map(entry)), into: out, indent: 1)
    w.key("diganti", first: false, out, indent: 0)
    w.write(
      .array(
        rollup.replacedInOrder.map { r in
          .object([
            ("kode_wilayah", .string(r.regionCode)),
            ("berkas", .string((r.path as NSString).lastPathComponent)),
            ("dibuat_pada", .string(r.createdAt)),
            ("diganti_oleh", .string((r.keptPath as NSString).lastPathComponent)),
          ])
        }), into: out, indent: 1)
    for d in rollup.domains {
      w.key(d.key, first: false, out, indent: 0)
      w.openArray(out)
      var n = 0
      for doc in docs {
        var prefix: [UInt8] = Array("{\"kode_wilayah\":".utf8)
        let sink = ByteSink()
        JSONWriter.quote(doc.regionCode, into: sink)
        prefix += sink.bytes
        for record in doc.records[d.key] ?? [] {
          w.element(n, out, indent: 1)
          n += 1
          prefix.withUnsafeBufferPointer { out.append($0) }
          // The record's own members follow after its `{` (none: just `}`).
          record.withUnsafeBufferPointer { r in
            if r.count > 2 { out.append(byte: UInt8(ascii: ",")) }
            out.append(UnsafeBufferPointer(rebasing: r[(r.count > 2 ? 1 : r.count - 1)...]))
          }
        }
      }
      w.closeArray(n, out, indent: 1)
    }
    w.key("ringkasan", first: false, out, indent: 0)
    w.write(summary(docs), into: out, indent: 1)
    w.newline(out, 0)
    out.append(ascii: "}\n")
  }

  private func entry(_ d: InstansiDocument) -> JSON {
    .object([
      ("kode_wilayah", .string(d.regionCode)),
      ("nama", .string(d.name)),
      ("periode", .string(d.period)),
      ("dibuat_pada", .string(d.createdAt)),
      ("berkas", .string(d.fileName)),
      (
        "daftar_kode",
        .array(
          d.codelists.map { .object([("nama", .string($0.name)), ("edisi", .string($0.edition))]) })
      ),
      ("opd", .int(d.offices)),
      ("jumlah", .object(rollup.domains.map { ($0.key, .int(d.count($0.key))) })),
      ("ringkasan", d.summary),
    ])
  }

  private func summary(_ docs: [InstansiDocument]) -> JSON {
    let perDomain = rollup.domains.map { d in (d.key, docs.reduce(0) { $0 + $1.count(d.key) }) }
    return .object([
      ("instansi", .int(docs.count)),
      ("diganti", .int(rollup.replaced.count)),
      ("diterima", .int(perDomain.reduce(0) { $0 + $1.1 })),
      ("ditolak", .int(docs.reduce(0) { $0 + $1.summaryCount("ditolak") })),
      (
        "temuan",
        .object(
          Severity.allCases.map { l in (l.rawValue, .int(docs.reduce(0) { $0 + $1.findings(l) })) })
      ),
      ("opd_tanpa_kiriman", .int(docs.reduce(0) { $0 + $1.silentOffices })),
      ("per_domain", .object(perDomain.map { ($0.0, .int($0.1)) })),
    ])
  }
}

/// The three outputs of `pipeline gabung`, written into `folder` and
/// committed as one set.
public enum NationalOutputs {
  public static func write(
    _ rollup: NationalRollup, createdAt: Date, language: Language, into folder: OutputFolder
  ) throws {
    try folder.open()
    try folder.write(NationalDocument.fileName) { put in
      try Emitters.stream(put) { NationalDocument(rollup, createdAt: createdAt).write(to: $0) }
    }
    let book = NationalWorkbook(rollup, createdAt: createdAt, language: language)
    try folder.write(NationalWorkbook.fileName) { (temp: String) in
      do {
        try book.write(to: temp)
      } catch let e as XLSXWriterError {
        throw OutputFolder.Failure.unwritable(path: NationalWorkbook.fileName, code: e.code)
      }
    }
    try folder.write(
      NationalPage.fileName, NationalPage(rollup, createdAt: createdAt, language: language).render()
    )
    try folder.commit()
  }
}
