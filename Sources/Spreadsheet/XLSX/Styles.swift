import Foundation

/// How a cell's number format presents a number.
enum FormatClass: UInt8 {
  case plain
  /// A date or time of day (`dd/mm/yyyy`, `h:mm`).
  case dateTime
  /// Elapsed time (`[h]:mm:ss`).
  case duration
}

/// The styles part: each cell format's (`cellXfs/xf`) number format.
final class StylesHandler: SAXHandler {
  var customFormats: [Int: String] = [:]
  var formatIDs: [Int] = []
  private var inCellXfs = false
  private var namespaces = NamespaceFilter(Namespace.spreadsheet)

  override func start(_ name: XMLName, _ uri: XMLName?, _ count: Int, _ attrs: XMLAttributes?) {
    guard namespaces.accepts(uri) else { return }
    if nameIs(name, "numFmt") {
      var id: Int?
      var code = ""
      forEachAttribute(count, attrs) { a in
        if nameIs(a.name, "numFmtId") { id = Int(a.string) }
        if nameIs(a.name, "formatCode") { code = a.string }
      }
      if let id { customFormats[id] = code }
    } else if nameIs(name, "cellXfs") {
      inCellXfs = true
    } else if inCellXfs, nameIs(name, "xf") {
      var id = 0
      forEachAttribute(count, attrs) { a in
        if nameIs(a.name, "numFmtId") { id = Int(a.string) ?? 0 }
      }
      formatIDs.append(id)
    }
  }

  override func end(_ name: XMLName, _ uri: XMLName?) {
    guard namespaces.accepts(uri) else { return }
    if nameIs(name, "cellXfs") { inCellXfs = false }
  }

  /// The class of every cell format, indexed by the `s` attribute of cells.
  func classes() -> [FormatClass] {
    formatIDs.map { id in
      if let code = customFormats[id] { return NumberFormat.classify(code) }
      return NumberFormat.builtin(id)
    }
  }
}

/// Number-format codes read the way calamine reads them, so that dates, times
/// and durations come out as the reference reader gives them.
enum NumberFormat {
  /// Built-in formats: 14–22 and 45–47 are dates and times (46 is `[h]:mm:ss`);
  /// 27–36 and 50–58 are the East-Asian locale date formats.
  static func builtin(_ id: Int) -> FormatClass {
    switch id {
    case 14...22, 45, 47, 27...36, 50...58: return .dateTime
    case 46: return .duration
    default: return .plain
    }
  }

  /// A custom format code: only its first section counts; quoted text, `\x` and
  /// `_x` escapes and bracketed parts (`[Red]`, `[$-409]`) are skipped; a d, m,
  /// y, h or s outside them makes a date; `[h]`, `[mm]`, `[ss]` make a duration.
  static func classify(_ code: String) -> FormatClass {
    var escaped = false
    var quoted = false
    var brackets = 0
    var prev: UInt8 = 0x20
    var elapsed = false
    var ampm = false
    for c in code.utf8 {
      if escaped {
        escaped = false
        prev = c
        continue
      }
      if c == UInt8(ascii: "_") || c == UInt8(ascii: "\\") {
        escaped = true
        prev = c
        continue
      }
      if quoted {
        if c == UInt8(ascii: "\"") { quoted = false }
        prev = c
        continue
      }
      let lower = c | 0x20
      switch c {
      case UInt8(ascii: "\""):
        quoted = true
      case UInt8(ascii: ";"):
        return .plain
      case UInt8(ascii: "["):
        brackets += 1
      case UInt8(ascii: "]"):
        if brackets == 1, elapsed { return .duration }
        brackets = max(0, brackets - 1)
      default:
        if brackets == 0, !ampm, lower == UInt8(ascii: "a") {
          ampm = true
        } else if brackets == 0, ampm,
          lower == UInt8(ascii: "p") || lower == UInt8(ascii: "m") || c == UInt8(ascii: "/")
        {
          return .dateTime
        } else if brackets == 0, !ampm, isDatePart(lower) {
          return .dateTime
        } else if elapsed, lower == prev | 0x20 {
          // still inside `[hh…]`
        } else {
          elapsed = prev == UInt8(ascii: "[") && isElapsedPart(lower)
        }
      }
      prev = c
    }
    return .plain
  }

  private static func isDatePart(_ c: UInt8) -> Bool {
    c == UInt8(ascii: "d") || c == UInt8(ascii: "m") || c == UInt8(ascii: "h")
      || c == UInt8(ascii: "y") || c == UInt8(ascii: "s")
  }

  private static func isElapsedPart(_ c: UInt8) -> Bool {
    c == UInt8(ascii: "m") || c == UInt8(ascii: "h") || c == UInt8(ascii: "s")
  }
}
