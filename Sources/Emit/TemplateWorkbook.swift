import Foundation
import Pipeline
import Spreadsheet
import Standard

/// The blank workbook of `pipeline template` (SPEC §6): the `Identitas` sheet
/// and the six domain sheets laid out as the reader expects (labels of
/// `domains.json` in row 1, frozen), a note in Bahasa Indonesia on every header
/// cell, dropdowns fed from the codelists through a hidden sheet and defined
/// names, and the template version stamped in that hidden sheet.
public struct TemplateWorkbook {
  public let standard: Standard
  /// The OPD pre-filled in `Identitas`, when the template is for one office.
  public let opd: OPDRegistry.OPD?
  /// Where the filled-in workbook goes (`instansi.pengelola`).
  public let collectingOffice: String

  public init(
    standard: Standard, opd: OPDRegistry.OPD? = nil,
    collectingOffice: String = Standard.bundledInstitution.collectingOffice
  ) {
    self.standard = standard
    self.opd = opd
    self.collectingOffice = collectingOffice.isEmpty ? "pengelola SPBE" : collectingOffice
  }

  /// Rows of each domain sheet that carry the dropdowns and checks.
  public static let dataRows = 1000
  static let author = "pipeline"

  /// `templat-spbe.xlsx`, or `templat-spbe-<singkatan>.xlsx` for one OPD (the
  /// file name then also tells the reader the OPD).
  public static func fileName(for opd: OPDRegistry.OPD?) -> String {
    guard let opd else { return "templat-spbe.xlsx" }
    let tag = (opd.abbreviation.isEmpty ? opd.code : opd.abbreviation).unicodeScalars.filter {
      CharacterSet.alphanumerics.contains($0) || $0 == "."
    }
    return "templat-spbe-\(String(String.UnicodeScalarView(tag))).xlsx"
  }

  static let header = XLSXWriter.Style(
    bold: true, wrap: true, fill: 0xDDEBF7, top: true, border: true)
  static let requiredHeader = XLSXWriter.Style(
    bold: true, wrap: true, fill: 0xFCE4D6, top: true, border: true)
  static let textColumn = XLSXWriter.Style(numberFormat: "@")
  static let dateColumn = XLSXWriter.Style(numberFormat: "yyyy-mm-dd")
  static let rupiahColumn = XLSXWriter.Style(numberFormat: "#,##0")
  static let yearColumn = XLSXWriter.Style(numberFormat: "0")

  /// One dropdown source: a column of the hidden sheet and its defined name.
  struct ListColumn {
    let name: String
    let title: String
    let values: [String]
    var column = 0
  }

  public func write(to path: String) throws {
    let w = try XLSXWriter(path: path)
    w.setProperties(
      title: "Templat inventaris SPBE", subject: opd?.name ?? "Perangkat daerah",
      creator: "pipeline \(ToolVersion.current) (templat versi \(ToolVersion.template))")

    // The dropdown sources, by the key of what they list.
    var lists: [ListColumn] = []
    var listIndex: [String: Int] = [:]
    func list(_ key: String, _ base: String, _ values: () -> [String]) -> String {
      if let i = listIndex[key] { return lists[i].name }
      var name = "daftar_" + base.lowercased().map { $0.isLetter || $0.isNumber ? $0 : "_" }
      while lists.contains(where: { $0.name == name }) { name += "_" }
      listIndex[key] = lists.count
      lists.append(ListColumn(name: String(name), title: base, values: values()))
      return lists[lists.count - 1].name
    }
    func listFor(_ f: Field) -> String? {
      switch f.type {
      case .code(let l, let level, let childless):
        guard let codelist = standard.codelists[l] else { return nil }
        let matcher = CodeMatcher(list: codelist, level: level, childlessAbove: childless)
        return list("kode:\(l):\(level):\(childless)", l) {
          codelist.entries.filter(matcher.accepts).map { "\($0.code) \($0.name)" }
        }
      case .choice(let l):
        guard let e = standard.enumerations[l] else { return nil }
        return list("pilihan:\(l)", l) { e.values.map(\.label) }
      default:
        return nil
      }
    }

    let identity = try w.addSheet("Identitas")
    let domainSheets = try standard.domains.map { try w.addSheet(String($0.label.prefix(31))) }
    let hidden = try w.addSheet(TemplateStamp.sheetName)

    try writeIdentity(identity) { key in
      key == "opd" ? list("opd", "opd") { standard.opds.offices.map(\.name) } : nil
    }
    for (d, sheet) in zip(standard.domains, domainSheets) {
      try writeDomain(d, sheet, listFor: listFor)
    }

    // The hidden sheet: the stamp in column A, one list per column after it.
    try hidden.string(0, 0, TemplateStamp.label, .init(bold: true))
    try hidden.number(1, 0, Double(ToolVersion.template))
    let sheetRef = "'" + TemplateStamp.sheetName.replacingOccurrences(of: "'", with: "''") + "'"
    for (i, l) in lists.enumerated() {
      let col = i + 1
      try hidden.string(0, col, l.title, .init(bold: true))
      for (r, v) in l.values.enumerated() { try hidden.string(r + 1, col, v) }
      let letters = CellAddress.columnLetters(col + 1)
      try w.defineName(
        l.name, "=\(sheetRef)!$\(letters)$2:$\(letters)$\(max(2, l.values.count + 1))")
    }
    hidden.fitColumns(min: 8, max: 80)
    hidden.hide()
    identity.activate()
    try w.close()
  }

  // MARK: - Identitas

  private func writeIdentity(_ s: XLSXWriter.Sheet, listName: (String) -> String?) throws {
    try s.string(0, 0, "Identitas Perangkat Daerah", .init(bold: true))
    s.column(0, width: 28)
    s.column(1, width: 60)
    let first = 2
    for (i, f) in standard.identity.enumerated() {
      let row = first + i
      try s.string(row, 0, f.label, f.required ? Self.requiredHeader : Self.header)
      try s.comment(
        row, 0,
        note(
          title: f.label, description: f.description, required: f.required, type: nil,
          aliases: []), author: Self.author, width: 300, height: 110)
      let valueStyle =
        f.type == "tanggal"
        ? XLSXWriter.Style(numberFormat: "yyyy-mm-dd", border: true, locked: false)
        : XLSXWriter.Style(numberFormat: "@", border: true, locked: false)
      switch f.key {
      case "nama_opd" where opd != nil: try s.string(row, 1, opd!.name, valueStyle)
      case "kode_opd" where opd != nil: try s.string(row, 1, opd!.code, valueStyle)
      default: s.blank(row, 1, valueStyle)
      }
      if let l = f.list, let name = listName(l) {
        try s.validate(
          col: 1, firstRow: row, lastRow: row, .list(formula: "=" + name), error: .warning,
          errorTitle: "Perangkat daerah", errorMessage: "Pilih nama perangkat daerah dari daftar.")
      }
    }
    var row = first + standard.identity.count + 1
    try s.string(row, 0, "Petunjuk pengisian", .init(bold: true))
    let steps = [
      "1. Isi lembar ini, lalu setiap lembar domain mulai baris 2: satu baris untuk setiap proses bisnis, layanan, data, aplikasi, infrastruktur, atau kegiatan keamanan.",
      "2. Arahkan penunjuk ke judul kolom untuk membaca keterangannya: isi yang diminta, wajib atau tidak, dan pilihan yang tersedia. Judul berwarna jingga wajib diisi.",
      "3. Pada kolom berdaftar tarik-turun, pilih salah satu isian. Kolom ID boleh dikosongkan.",
      "4. Jangan mengubah judul kolom, nama lembar, atau lembar tersembunyi \"\(TemplateStamp.sheetName)\". Kolom tambahan boleh ditambahkan di sebelah kanan.",
      "5. Simpan sebagai .xlsx dan kirim kembali ke \(collectingOffice).",
    ]
    for step in steps {
      row += 1
      try s.string(row, 0, step)
    }
    row += 2
    try s.string(
      row, 0, "Templat versi \(ToolVersion.template), pipeline \(ToolVersion.current)",
      .init(fontColor: 0x808080))
  }

  // MARK: - Domain sheets

  private func writeDomain(
    _ d: Domain, _ s: XLSXWriter.Sheet, listFor: (Field) -> String?
  ) throws {
    let fields = d.fields.filter { $0.key != "opd" }
    for (c, f) in fields.enumerated() {
      try s.string(0, c, f.label, f.required ? Self.requiredHeader : Self.header)
      let text = note(
        title: f.label, description: f.description, required: f.required, type: f,
        aliases: f.aliases)
      let lines = text.split(separator: "\n").reduce(0) { $0 + ($1.count + 49) / 50 }
      try s.comment(
        0, c, text, author: Self.author, width: 340, height: min(400, max(110, lines * 16 + 24)))
      var width = max(12, f.label.count + 4)
      var style = Self.textColumn
      let last = Self.dataRows
      switch f.type {
      case .code:
        width = max(width, 40)
        if let name = listFor(f) {
          try s.validate(
            col: c, firstRow: 1, lastRow: last, .list(formula: "=" + name), error: .warning,
            errorTitle: f.label,
            errorMessage:
              "Kode tidak ada di daftar. Kode lokal di bawah kode nasional boleh; selain itu pilih dari daftar."
          )
        }
      case .choice:
        width = max(width, 22)
        if let name = listFor(f) {
          try s.validate(
            col: c, firstRow: 1, lastRow: last, .list(formula: "=" + name), error: .stop,
            errorTitle: f.label, errorMessage: "Pilih salah satu isian dari daftar.")
        }
      case .number(let lo, let hi, let whole):
        style = .init()
        if lo != nil || hi != nil {
          let range = (lo ?? -1e15, hi ?? 1e15)
          try s.validate(
            col: c, firstRow: 1, lastRow: last,
            whole ? .wholeNumber(min: range.0, max: range.1) : .decimal(min: range.0, max: range.1),
            error: .stop, errorTitle: f.label,
            errorMessage: lo != nil && hi != nil
              ? "Isi bilangan antara \(Self.number(lo!)) dan \(Self.number(hi!))."
              : "Isi bilangan paling kecil \(Self.number(lo ?? 0)).")
        }
      case .rupiah:
        style = Self.rupiahColumn
        width = max(width, 18)
      case .year:
        style = Self.yearColumn
        try s.validate(
          col: c, firstRow: 1, lastRow: last, .wholeNumber(min: 1950, max: 2100), error: .stop,
          errorTitle: f.label, errorMessage: "Isi tahun empat angka antara 1950 dan 2100.")
      case .date:
        style = Self.dateColumn
        width = max(width, 14)
        try s.validate(
          col: c, firstRow: 1, lastRow: last, .date, error: .warning, errorTitle: f.label,
          errorMessage: "Isi tanggal, mis. 17/08/2024.")
      case .text:
        if f.key != "id" { width = max(width, 30) }
      case .url:
        width = max(width, 30)
      case .reference, .opd:
        width = max(width, 20)
      }
      s.column(c, width: Double(width), style)
    }
    s.row(0, height: 32)
    s.freeze(row: 1)
  }

  // MARK: - Notes

  /// A header's note: what the column holds, whether it is required, its type
  /// and allowed values, and the other headings the reader also recognizes.
  func note(title: String, description: String, required: Bool, type f: Field?, aliases: [String])
    -> String
  {
    let t = standard.typeNotes
    var lines = [title]
    if !description.isEmpty { lines.append(description) }
    lines.append((required ? t["wajib"] : t["tidak_wajib"]).map { $0 + "." } ?? "")
    if let f, let phrase = typePhrase(f) {
      lines.append("Isian: \(phrase).")
    }
    if !aliases.isEmpty, let a = t["alias"] {
      lines.append("\(a): \(aliases.joined(separator: ", ")).")
    }
    return lines.filter { !$0.isEmpty }.joined(separator: "\n")
  }

  func typePhrase(_ f: Field) -> String? {
    let t = standard.typeNotes
    switch f.type {
    case .text: return t["teks"]
    case .code(let l, let level, _):
      let codelist = standard.codelists[l]
      let example = codelist.flatMap { list in
        list.entries.first {
          CodeMatcher(list: list, level: level, childlessAbove: false).accepts($0)
        }
      }?.code
      return t["kode"].map {
        Self.fill(
          $0, ["daftar": l.uppercased(), "tingkat": String(level), "contoh": example ?? ""])
      }
    case .choice(let l):
      let labels = standard.enumerations[l]?.values.map(\.label) ?? []
      return t["pilihan"].map { Self.fill($0, ["pilihan": labels.joined(separator: ", ")]) }
    case .number(let lo, let hi, let whole):
      var s = (whole ? t["bilangan_bulat"] : t["bilangan"]) ?? ""
      if let lo, let hi, let r = t["rentang"] {
        s += ", " + Self.fill(r, ["min": Self.number(lo), "max": Self.number(hi)])
      } else if let lo, let m = t["minimal"] {
        s += ", " + Self.fill(m, ["min": Self.number(lo)])
      }
      return s
    case .rupiah: return t["rupiah"]
    case .year: return t["tahun"]
    case .date: return t["tanggal"]
    case .url: return t["url"]
    case .reference(let targets):
      let labels = targets.compactMap { standard.domain($0)?.label }
      return t["ref"].map {
        Self.fill(
          $0,
          ["domain": labels.joined(separator: " atau "), "lembar": labels.joined(separator: " / ")])
      }
    case .opd: return t["opd"]
    }
  }

  static func fill(_ template: String, _ values: [String: String]) -> String {
    var out = template
    for (k, v) in values { out = out.replacingOccurrences(of: "{\(k)}", with: v) }
    return out
  }

  static func number(_ d: Double) -> String {
    d == d.rounded() && abs(d) < 1e15 ? String(Int64(d)) : String(d)
  }
}
