import Pipeline

/// `temuan.csv`: every finding, one RFC 4180 record each, UTF-8 with a BOM so
/// spreadsheet programs open it right; values that a spreadsheet would run as a
/// formula are written as text.
public enum FindingsCSV {
  public static let header = [
    "id", "jenis", "tingkat", "berkas", "lembar", "sel", "baris", "kolom", "bidang", "nilai",
    "pesan", "saran",
  ]

  public static func render(_ findings: [Finding], lang: Language) -> String {
    var out = "\u{FEFF}"
    out += header.map(field).joined(separator: ",") + "\r\n"
    for (i, f) in findings.enumerated() {
      let (message, fix) = Catalog.render(f, lang: lang)
      let row = [
        ArchitectureDocument.findingID(i), f.type.rawValue, f.severity.rawValue, f.location.file,
        f.location.sheet ?? "", f.location.cell ?? "", f.location.row.map(String.init) ?? "",
        f.columnLabel ?? "", f.field ?? "", f.value ?? "", message, fix ?? "",
      ]
      out += row.map(field).joined(separator: ",") + "\r\n"
    }
    return out
  }

  /// Quoted when it must be; a leading `=`, `+`, `-`, `@`, tab or CR gets an
  /// apostrophe so no spreadsheet program evaluates it.
  static func field(_ raw: String) -> String {
    var s = raw
    if let first = s.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) {
      s = "'" + s
    }
    if s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
      return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
    return s
  }
}
