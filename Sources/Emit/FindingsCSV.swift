import Pipeline

/// `temuan.csv`: every finding, one RFC 4180 record each, UTF-8 with a BOM so
/// spreadsheet programs open it right; values that a spreadsheet would run as a
/// formula are written as text.
public struct FindingsCSV: Emitter {
  let context: EmitContext

  public init(_ context: EmitContext) { self.context = context }

  public static let header = [
    "id", "jenis", "tingkat", "berkas", "lembar", "sel", "baris", "kolom", "bidang", "nilai",
    "pesan", "saran", "kunci", "opd",
  ]

  /// The file, record by record (a large run's findings stream to the file);
  /// `jobs` workers render them (0: one per core), the bytes do not depend on it.
  public func write(to out: ByteSink) {
    let findings = architecture.findings
    let lang = configuration.language
    let keys = context.findingKeys
    let a = architecture
    out.append("\u{FEFF}")
    Self.record(Self.header, to: out)
    out.append(findings.count, workers: configuration.jobs) { i, sink in
      let f = findings[i]
      let (message, fix) = Catalog.render(f, lang: lang)
      Self.record(
        [
          ArchitectureDocument.findingID(i), f.type.rawValue, f.severity.rawValue,
          f.location.file, f.location.sheet ?? "", f.location.cell ?? "",
          f.location.row.map(String.init) ?? "", f.columnLabel ?? "", f.field ?? "",
          f.value ?? "", message, fix ?? "", keys[i], a.findingOPD(i) ?? "",
        ], to: sink)
    }
  }

  private static func record(_ fields: [String], to out: ByteSink) {
    for (i, f) in fields.enumerated() {
      if i > 0 { out.append(byte: UInt8(ascii: ",")) }
      field(f, to: out)
    }
    out.append(ascii: "\r\n")
  }

  /// Quoted when it must be; a leading `=`, `+`, `-`, `@`, tab or CR gets an
  /// apostrophe so no spreadsheet program evaluates it.
  static func field(_ raw: String, to out: ByteSink) {
    var s = raw
    s.withUTF8 { u in
      let formula = u.first.map { "=+-@\t\r".utf8.contains($0) } ?? false
      let quoted = u.contains {
        $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D
      }
      if quoted { out.append(byte: UInt8(ascii: "\"")) }
      if formula { out.append(byte: UInt8(ascii: "'")) }
      guard quoted else {
        out.append(u)
        return
      }
      var start = 0
      for (i, b) in u.enumerated() where b == UInt8(ascii: "\"") {
        // The quote is copied with its run, then written once more.
        out.append(UnsafeBufferPointer(rebasing: u[start...i]))
        out.append(byte: b)
        start = i + 1
      }
      out.append(UnsafeBufferPointer(rebasing: u[start...]))
      out.append(byte: UInt8(ascii: "\""))
    }
  }
}
