import Spreadsheet
import Standard

/// What reading one cell as its field's type gave: a value in the standard's
/// form (or none), and the problems met on the way (SPEC §4).
struct FieldReading {
  var value: Value?
  var problems: [Problem] = []

  struct Problem {
    let type: FindingType
    var severity: Severity?
    var params: [String: String] = [:]
    var suggestions: [String] = []
  }

  static let empty = FieldReading(value: nil)
  static func problem(
    _ type: FindingType, severity: Severity? = nil, params: [String: String] = [:],
    suggestions: [String] = []
  ) -> FieldReading {
    FieldReading(
      value: nil,
      problems: [Problem(type: type, severity: severity, params: params, suggestions: suggestions)])
  }
}

/// Normalization: turns a cell into the value form of its field's type.
struct FieldReader {
  let standard: Standard
  /// Workbook date system, for bare serials in date columns.
  var date1904 = false

  /// Excel serials of 1950-01-01 and 2100-12-31: a bare number in this range in
  /// a date column is read as a date.
  static let serialRange = 18264.0...73415.0

  func read(_ cell: Cell, as field: Field) -> FieldReading {
    switch cell {
    case .empty: return .empty
    case .uncachedFormula(let f):
      return .problem(.formulaTanpaNilai, params: ["formula": f])
    case .error(let e):
      return .problem(.nilaiGalatExcel, params: ["galat": e])
    default: break
    }
    let text = TextCleaner.clean(cell.plainText)
    if text.isEmpty { return .empty }

    switch field.type {
    case .text, .opd:
      return FieldReading(value: .text(text))
    case .reference:
      let ids = Self.linkIDs(cell.plainText)
      return FieldReading(value: ids.isEmpty ? nil : .list(ids))
    case .code(let list, let level, let childless):
      return readCode(text, list: list, level: level, childlessAbove: childless)
    case .choice(let list):
      return readChoice(cell, text: text, list: list)
    case .number(let lo, let hi, let whole):
      guard let n = number(cell, text) else {
        return .problem(.tipeTidakSesuai, params: ["tipe": "bilangan"])
      }
      if whole, n != n.rounded() {
        return .problem(.tipeTidakSesuai, params: ["tipe": "bilangan-bulat"])
      }
      if let lo, n < lo { return rangeProblem(lo, hi) }
      if let hi, n > hi { return rangeProblem(lo, hi) }
      return FieldReading(value: whole ? .integer(Int(n)) : .number(n))
    case .rupiah:
      guard let n = number(cell, text) else {
        return .problem(.tipeTidakSesuai, params: ["tipe": "rupiah"])
      }
      if n < 0 || n > 1e15 { return rangeProblem(0, nil) }
      return FieldReading(value: .integer(Int(n.rounded())))
    case .year:
      return readYear(cell, text: text)
    case .date:
      return readDate(cell, text: text)
    case .url:
      guard let u = URLReader.normalize(text) else {
        return .problem(.tipeTidakSesuai, params: ["tipe": "url"])
      }
      return FieldReading(value: .text(u))
    }
  }

  /// The ids of a link cell (SPEC §3): split on `;`, `,` and line breaks before
  /// whitespace is collapsed (Alt+Enter separates, as the official forms write
  /// their links); an `ID Nama` pair gives its id. A comma inside the name of
  /// a pair (`LY-03 Paket A, B dan C`) does not start a link: what follows it
  /// up to the next `;` or line break is the name's, unless it starts with an id.
  static func linkIDs(_ raw: String) -> [String] {
    var ids: [String] = []
    for piece in raw.split(whereSeparator: { $0.isNewline || $0 == ";" }) {
      var inName = false
      for part in piece.split(separator: ",") {
        let text = TextCleaner.clean(String(part))
        guard !text.isEmpty else { continue }
        let first = text.firstIndex(of: " ").map { text[..<$0] }
        // `PB-01 Penyusunan Ranperda`: ids carry a digit, names start with a word.
        let startsWithID = (first ?? Substring(text)).contains(where: \.isNumber)
        if inName && !startsWithID { continue }
        guard let first else {
          ids.append(text)
          inName = false
          continue
        }
        inName = startsWithID
        ids.append(startsWithID ? String(first) : text)
      }
    }
    return ids
  }

  private func rangeProblem(_ lo: Double?, _ hi: Double?) -> FieldReading {
    var p: [String: String] = [:]
    if let lo { p["min"] = Cell.numberText(lo) }
    if let hi { p["max"] = Cell.numberText(hi) }
    return .problem(.diLuarRentang, params: p)
  }

  private func number(_ cell: Cell, _ text: String) -> Double? {
    if case .number(let d) = cell { return d }
    return NumberReader.parse(text)
  }

  private func readYear(_ cell: Cell, text: String) -> FieldReading {
    var year: Int?
    switch cell {
    case .number(let d) where d == d.rounded() && abs(d) < 1e6: year = Int(d)
    case .date(let d): year = d.year
    case .dateTime(let t): year = t.date.year
    default: year = DateReader.year(text)
    }
    guard let y = year else { return .problem(.tipeTidakSesuai, params: ["tipe": "tahun"]) }
    guard (1950...2100).contains(y) else { return rangeProblem(1950, 2100) }
    return FieldReading(value: .integer(y))
  }

  private func readDate(_ cell: Cell, text: String) -> FieldReading {
    switch cell {
    case .date(let d): return FieldReading(value: .date(d))
    case .dateTime(let t): return FieldReading(value: .date(t.date))
    case .number(let d):
      if Self.serialRange.contains(d),
        let date = ExcelDate.civilDate(serial: d.rounded(.down), date1904: date1904)
      {
        var r = FieldReading(value: .date(date))
        r.problems.append(
          .init(type: .nilaiDinormalisasi, params: ["menjadi": date.iso, "cara": "serial"]))
        return r
      }
      return .problem(.tipeTidakSesuai, params: ["tipe": "tanggal"])
    default:
      guard let d = DateReader.parse(text) else {
        return .problem(.tipeTidakSesuai, params: ["tipe": "tanggal"])
      }
      guard (1950...2100).contains(d.year) else { return rangeProblem(nil, nil) }
      return FieldReading(value: .date(d))
    }
  }

  func readCode(_ text: String, list: String, level: Int, childlessAbove: Bool) -> FieldReading {
    guard let codelist = standard.codelists[list] else { return .empty }
    let provisional = standard.info(list)?.isProvisional ?? false
    let matcher = CodeMatcher(list: codelist, level: level, childlessAbove: childlessAbove)
    switch matcher.resolve(text) {
    case .accepted(let code, _, let fromName, let repaired):
      var r = FieldReading(value: .text(code))
      if fromName || repaired {
        r.problems.append(
          .init(
            type: .nilaiDinormalisasi,
            params: ["menjadi": code, "cara": fromName ? "nama" : "kode"]))
      }
      return r
    case .wrongLevel(let code, let codeLevel):
      return .problem(
        .kodeTingkatTidakSesuai,
        params: [
          "kode": code, "tingkat": String(codeLevel), "tingkat_diminta": String(level),
          "daftar": list.uppercased(),
        ],
        suggestions: codelist.entries.filter { $0.parent == code && matcher.accepts($0) }.prefix(3)
          .map(\.code))
    case .unknown(let s), .notACode(let s):
      return .problem(
        .kodeTidakDikenal, severity: provisional ? .peringatan : nil,
        params: ["daftar": list.uppercased()], suggestions: s)
    }
  }

  private func readChoice(_ cell: Cell, text: String, list: String) -> FieldReading {
    guard let e = standard.enumerations[list] else { return .empty }
    if case .boolean(let b) = cell, let v = e.match(b ? "Ya" : "Tidak") {
      return FieldReading(value: .text(v.code))
    }
    if let v = e.match(text) { return FieldReading(value: .text(v.code)) }
    // Several values in one cell: name them all, accept none.
    let parts = text.split(whereSeparator: { ",;/\n".contains($0) }).map {
      TextCleaner.clean(String($0))
    }.filter { !$0.isEmpty }
    let labels = e.values.map(\.label)
    if parts.count > 1, parts.allSatisfy({ e.match($0) != nil }) {
      return .problem(
        .pilihanTidakDikenal, params: ["daftar": list, "ganda": "1"],
        suggestions: parts.compactMap { e.match($0)?.label })
    }
    let close = e.suggestions(for: text)
    return .problem(
      .pilihanTidakDikenal, params: ["daftar": list, "pilihan": labels.joined(separator: ", ")],
      suggestions: close)
  }
}
