import CLibXlsxWriter
import Foundation
import Spreadsheet

/// Why a workbook could not be written (libxlsxwriter, or `StreamingWorkbook`).
public struct XLSXWriterError: Error, CustomStringConvertible {
  public let detail: String
  /// The `errno` of the failure (a full disk is `ENOSPC`), `EIO` when the
  /// library failed without one.
  public let code: Int32
  public var description: String { detail }

  init(detail: String) {
    self.detail = detail
    code = errno != 0 ? errno : EIO
  }
}

/// A small Swift face over libxlsxwriter, enough for the blank template (the
/// consolidated workbook has its own streaming writer, `StreamingWorkbook`).
/// Strings are always written as strings (never as formulas), so a value such
/// as `=HYPERLINK(…)` stays text in every program.
final class XLSXWriter {
  typealias Failure = XLSXWriterError

  /// How a cell or a column looks.
  struct Style: Hashable {
    var bold = false
    var wrap = false
    var fill: UInt32? = nil
    var fontColor: UInt32? = nil
    var numberFormat: String? = nil
    var top = false
    var border = false
    var locked = true
  }

  /// The largest string a cell holds (Excel's limit, in characters).
  static let maxString = 32_767

  private var workbook: UnsafeMutablePointer<lxw_workbook>?
  private var formats: [Style: UnsafeMutablePointer<lxw_format>] = [:]
  private(set) var sheets: [Sheet] = []

  init(path: String) throws {
    var options = lxw_workbook_options()
    options.use_zip64 = 1
    workbook = workbook_new_opt(path, &options)
    guard workbook != nil else { throw Failure(detail: "tidak dapat membuat \(path)") }
  }

  deinit {
    // A workbook never closed (an error on the way) still frees its memory;
    // the half-written file is the caller's to remove.
    if let wb = workbook { _ = workbook_close(wb) }
  }

  func addSheet(_ name: String) throws -> Sheet {
    guard let wb = workbook, let ws = workbook_add_worksheet(wb, name) else {
      throw Failure(detail: "lembar \"\(name)\" tidak dapat dibuat")
    }
    let sheet = Sheet(ws, writer: self)
    sheets.append(sheet)
    return sheet
  }

  /// A resolved style, for writers of many cells (no lookup per cell).
  struct Format {
    fileprivate let pointer: UnsafeMutablePointer<lxw_format>?
    static var none: Format { Format(pointer: nil) }
  }

  func format(_ style: Style) -> Format { Format(pointer: lxwFormat(style)) }

  private func lxwFormat(_ style: Style) -> UnsafeMutablePointer<lxw_format>? {
    if style == Style() { return nil }
    if let f = formats[style] { return f }
    guard let wb = workbook, let f = workbook_add_format(wb) else { return nil }
    if style.bold { format_set_bold(f) }
    if style.wrap { format_set_text_wrap(f) }
    if let c = style.fill {
      format_set_pattern(f, UInt8(LXW_PATTERN_SOLID.rawValue))
      format_set_bg_color(f, c)
    }
    if let c = style.fontColor { format_set_font_color(f, c) }
    if let n = style.numberFormat { format_set_num_format(f, n) }
    if style.top { format_set_align(f, UInt8(LXW_ALIGN_VERTICAL_TOP.rawValue)) }
    if style.border {
      format_set_border(f, UInt8(LXW_BORDER_THIN.rawValue))
      format_set_border_color(f, 0xB4C6E7)
    }
    if !style.locked { format_set_unlocked(f) }
    formats[style] = f
    return f
  }

  /// A workbook-level defined name, e.g. `daftar_rab` → `='Daftar Pilihan'!$B$2:$B$262`.
  func defineName(_ name: String, _ formula: String) throws {
    guard let wb = workbook else { return }
    try check(workbook_define_name(wb, name, formula), "nama \(name)")
  }

  /// Title, subject and author of the document; `created` (when given) also
  /// dates the parts of the package, so the same inputs give the same bytes.
  func setProperties(title: String, subject: String, creator: String, created: Date? = nil) {
    guard let wb = workbook else { return }
    title.withCString { t in
      subject.withCString { s in
        creator.withCString { c in
          var p = lxw_doc_properties()
          p.title = UnsafeMutablePointer(mutating: t)
          p.subject = UnsafeMutablePointer(mutating: s)
          p.author = UnsafeMutablePointer(mutating: c)
          if let created { p.created = time_t(created.timeIntervalSince1970) }
          _ = workbook_set_properties(wb, &p)
        }
      }
    }
  }

  /// Writes the file; the writer cannot be used afterwards.
  func close() throws {
    guard let wb = workbook else { return }
    workbook = nil
    try check(workbook_close(wb), "menulis buku kerja")
  }

  fileprivate func check(_ e: lxw_error, _ what: @autoclosure () -> String) throws {
    guard e != LXW_NO_ERROR else { return }
    throw Failure(detail: "\(what()): \(String(cString: lxw_strerror(e)))")
  }

  /// A value made safe for a cell: no NUL (C strings end there), other
  /// control characters replaced, a carriage return turned into the line break
  /// spreadsheet programs use (`\n`), text that reads as an OOXML escape
  /// (`_x0041_`) escaped itself (`_x005F_x0041_`, as Excel writes it) so that it
  /// reads back as written, and at most Excel's 32,767 characters. Neither
  /// writer escapes that itself: libxlsxwriter 1.1.4 writes `_x0041_` as it is.
  static func cellText(_ s: String) -> String {
    // Nearly every value is plain: no control character but tab and line feed
    // (kept as they are), no U+FFFE/FFFF (whose UTF-8 starts with 0xEF), no
    // escape look-alike, and short enough. Over the contiguous bytes: the
    // `utf8` view costs far more.
    var s = s
    let plain = s.withUTF8 { b in
      b.count < maxString
        && !b.indices.contains { i in
          let c = b[i]
          return c == 0xEF || (c < 0x20 && c != 0x09 && c != 0x0A)
            || (c == 0x5F && startsEscape(b, at: i))
        }
    }
    if plain { return s }
    let scalars = Array(s.unicodeScalars)
    var out = String.UnicodeScalarView()
    var count = 0
    var afterCR = false
    for (i, u) in scalars.enumerated() {
      let lookalike = u == "_" && startsEscape(scalars.lazy.map(\.value), at: i)
      // An escaped underscore counts as the seven characters it is written as.
      if count + (lookalike ? 6 : 0) >= maxString - 1 {
        out.append("…")
        break
      }
      defer { afterCR = u.value == 0x0D }
      switch u.value {
      case 0x0A where afterCR: continue
      case 0x0D: out.append("\n")
      case 0x09, 0x0A: out.append(u)
      case 0..<0x20, 0xFFFE, 0xFFFF: out.append("\u{FFFD}")
      case 0x5F where lookalike:
        out.append(contentsOf: "_x005F_".unicodeScalars)
        count += 6
      default: out.append(u)
      }
      count += 1
    }
    return String(out)
  }

  /// Whether `text[i]`, an underscore, starts `_xHHHH_`: what readers decode
  /// as an escaped character (the hex digits in either case).
  private static func startsEscape<C: RandomAccessCollection>(_ text: C, at i: C.Index) -> Bool
  where C.Element: BinaryInteger, C.Index == Int {
    guard i + 6 < text.endIndex, text[i + 1] == 0x78, text[i + 6] == 0x5F else { return false }
    return (i + 2..<i + 6).allSatisfy { k in
      let c = text[k]
      return (0x30...0x39).contains(c) || (0x41...0x46).contains(c) || (0x61...0x66).contains(c)
    }
  }

  final class Sheet {
    fileprivate let ws: UnsafeMutablePointer<lxw_worksheet>
    private unowned let writer: XLSXWriter
    /// The widest text seen per column, in characters (for readable widths).
    private(set) var widths: [Int] = []

    fileprivate init(_ ws: UnsafeMutablePointer<lxw_worksheet>, writer: XLSXWriter) {
      self.ws = ws
      self.writer = writer
    }

    /// A string cell, whatever it starts with; an empty string leaves the cell empty.
    func string(_ row: Int, _ col: Int, _ text: String, _ style: XLSXWriter.Style = .init()) throws
    {
      try string(row, col, text, format: writer.format(style))
    }

    func string(_ row: Int, _ col: Int, _ text: String, format: XLSXWriter.Format) throws {
      let s = XLSXWriter.cellText(text)
      note(col, s)
      if s.isEmpty { return }
      try writer.check(
        worksheet_write_string(ws, lxw_row_t(row), lxw_col_t(col), s, format.pointer),
        "sel \(CellAddress.a1(row: row + 1, column: col + 1))")
    }

    func number(_ row: Int, _ col: Int, _ value: Double, _ style: XLSXWriter.Style = .init())
      throws
    {
      try number(row, col, value, format: writer.format(style))
    }

    func number(_ row: Int, _ col: Int, _ value: Double, format: XLSXWriter.Format) throws {
      note(col, Cell.numberText(value))
      try writer.check(
        worksheet_write_number(ws, lxw_row_t(row), lxw_col_t(col), value, format.pointer),
        "sel \(CellAddress.a1(row: row + 1, column: col + 1))")
    }

    func blank(_ row: Int, _ col: Int, _ style: XLSXWriter.Style) {
      _ = worksheet_write_blank(ws, lxw_row_t(row), lxw_col_t(col), writer.format(style).pointer)
    }

    private func note(_ col: Int, _ s: String) {
      // The longest line of the cell counts, in characters (UTF-8 lead bytes).
      var longest = 0
      var current = 0
      var s = s
      // Over the contiguous bytes: iterating `s.utf8` costs several times more.
      s.withUTF8 { bytes in
        for b in bytes {
          if b == 0x0A {
            longest = max(longest, current)
            current = 0
          } else if b & 0xC0 != 0x80 {
            current += 1
          }
        }
      }
      longest = max(longest, current)
      if col >= widths.count { widths += Array(repeating: 0, count: col + 1 - widths.count) }
      if longest > widths[col] { widths[col] = longest }
    }

    /// Column widths from the widest text seen, within `min`…`max` characters.
    func fitColumns(min lo: Int = 6, max hi: Int = 60, styles: [Int: XLSXWriter.Style] = [:]) {
      let last = max(widths.count - 1, styles.keys.max() ?? -1)
      guard last >= 0 else { return }
      for col in 0...last {
        let w = Swift.min(hi, Swift.max(lo, (col < widths.count ? widths[col] : 0) + 2))
        column(col, width: Double(w), styles[col] ?? .init())
      }
    }

    func column(_ col: Int, width: Double, _ style: XLSXWriter.Style = .init()) {
      _ = worksheet_set_column(
        ws, lxw_col_t(col), lxw_col_t(col), width, writer.format(style).pointer)
    }

    func row(_ row: Int, height: Double, _ style: XLSXWriter.Style = .init()) {
      _ = worksheet_set_row(ws, lxw_row_t(row), height, writer.format(style).pointer)
    }

    /// Freezes the rows above `row` and the columns left of `col`.
    func freeze(row: Int, col: Int = 0) {
      worksheet_freeze_panes(ws, lxw_row_t(row), lxw_col_t(col))
    }

    func autofilter(firstRow: Int, firstCol: Int, lastRow: Int, lastCol: Int) throws {
      try writer.check(
        worksheet_autofilter(
          ws, lxw_row_t(firstRow), lxw_col_t(firstCol), lxw_row_t(lastRow), lxw_col_t(lastCol)),
        "filter")
    }

    func hide() { worksheet_hide(ws) }
    func activate() { worksheet_activate(ws) }

    /// A note (cell comment) shown when the pointer rests on the cell.
    func comment(
      _ row: Int, _ col: Int, _ text: String, author: String, width: Int = 320, height: Int = 200
    ) throws {
      let body = XLSXWriter.cellText(text)
      try author.withCString { a in
        var o = lxw_comment_options()
        o.author = UnsafeMutablePointer(mutating: a)
        o.width = UInt16(width)
        o.height = UInt16(height)
        try writer.check(
          worksheet_write_comment_opt(ws, lxw_row_t(row), lxw_col_t(col), body, &o),
          "catatan \(CellAddress.a1(row: row + 1, column: col + 1))")
      }
    }

    enum ErrorStyle {
      case stop, warning, information
      var raw: UInt8 {
        switch self {
        case .stop: return UInt8(LXW_VALIDATION_ERROR_TYPE_STOP.rawValue)
        case .warning: return UInt8(LXW_VALIDATION_ERROR_TYPE_WARNING.rawValue)
        case .information: return UInt8(LXW_VALIDATION_ERROR_TYPE_INFORMATION.rawValue)
        }
      }
    }

    enum Rule {
      /// A dropdown fed by a formula (a defined name or a range), not a literal list.
      case list(formula: String)
      case wholeNumber(min: Double, max: Double)
      case decimal(min: Double, max: Double)
      case date
    }

    /// Data validation on rows `firstRow…lastRow` of column `col`.
    func validate(
      col: Int, firstRow: Int, lastRow: Int, _ rule: Rule, error: ErrorStyle,
      errorTitle: String, errorMessage: String
    ) throws {
      var dv = lxw_data_validation()
      dv.error_type = error.raw
      dv.ignore_blank = UInt8(LXW_VALIDATION_ON.rawValue)
      dv.show_error = UInt8(LXW_VALIDATION_ON.rawValue)
      var owned: [UnsafeMutablePointer<CChar>] = []
      defer { owned.forEach { free($0) } }
      func c(_ s: String) -> UnsafeMutablePointer<CChar> {
        let p = strdup(s)!
        owned.append(p)
        return p
      }
      switch rule {
      case .list(let formula):
        dv.validate = UInt8(LXW_VALIDATION_TYPE_LIST_FORMULA.rawValue)
        dv.value_formula = c(formula)
      case .wholeNumber(let lo, let hi):
        dv.validate = UInt8(LXW_VALIDATION_TYPE_INTEGER.rawValue)
        dv.criteria = UInt8(LXW_VALIDATION_CRITERIA_BETWEEN.rawValue)
        dv.minimum_number = lo
        dv.maximum_number = hi
      case .decimal(let lo, let hi):
        dv.validate = UInt8(LXW_VALIDATION_TYPE_DECIMAL.rawValue)
        dv.criteria = UInt8(LXW_VALIDATION_CRITERIA_BETWEEN.rawValue)
        dv.minimum_number = lo
        dv.maximum_number = hi
      case .date:
        dv.validate = UInt8(LXW_VALIDATION_TYPE_DATE.rawValue)
        dv.criteria = UInt8(LXW_VALIDATION_CRITERIA_BETWEEN.rawValue)
        dv.minimum_datetime = lxw_datetime(year: 1950, month: 1, day: 1, hour: 0, min: 0, sec: 0)
        dv.maximum_datetime = lxw_datetime(
          year: 2100, month: 12, day: 31, hour: 0, min: 0, sec: 0)
      }
      dv.error_title = c(String(errorTitle.prefix(32)))
      dv.error_message = c(String(errorMessage.prefix(255)))
      try writer.check(
        worksheet_data_validation_range(
          ws, lxw_row_t(firstRow), lxw_col_t(col), lxw_row_t(lastRow), lxw_col_t(col), &dv),
        "validasi kolom \(CellAddress.columnLetters(col + 1))")
    }
  }
}
