import CZlib
import Foundation
import Spreadsheet

/// Writes the rows of one sheet, in order, into a deflate stream; the part
/// before the rows (dimension, frozen pane, column widths) is only known at
/// the end, so it is deflated last as a stream of its own that ends on a
/// byte boundary without a final block, and put in front (deflate streams
/// concatenate that way; the CRCs combine).
final class SheetWriter {
  typealias Style = StreamingWorkbook.Style

  private let level: Int32
  // The deflate stream and the spill file, kept by SheetDeflate.swift.
  var stream = z_stream()
  let capacity = 1 << 20
  let buffer: UnsafeMutablePointer<UInt8>
  var count = 0
  let out: UnsafeMutablePointer<UInt8>
  let outCapacity = 1 << 18
  /// The deflated bytes, in the pieces zlib produced (no copy to grow an array).
  var body: [[UInt8]] = []
  var bodyBytes = 0
  /// Past `spillAfter` deflated bytes the rows go to an unlinked temporary
  /// file beside the workbook, so a large run does not hold its workbook in
  /// memory (the 200,000-row benchmark's is 50 MB); -1 until then.
  var spill: Int32 = -1
  var spillSize = 0
  let spillPath: String
  /// The head is being deflated: its bytes stay in memory, in front of the rows.
  var headPhase = false
  let spillAfter: Int
  var crc: UInt = 0
  var size: UInt64 = 0

  private var currentRow = -1
  private var lastRow = -1
  private var lastCol = -1
  private var frozenRows = 0
  private var active = false
  private var filter: (firstRow: Int, firstCol: Int, lastRow: Int, lastCol: Int)?
  private var fit: (min: Int, max: Int)?
  /// The widest text seen per column, in characters (for readable widths).
  private(set) var widths: [Int] = []
  private var letters: [[UInt8]] = []
  /// A zlib failure on the way, thrown by `finish`.
  var failure: XLSXWriterError?

  /// `spillBeside`: the workbook's path; a temporary file is made in its folder.
  init(level: Int32, spillBeside path: String, after bytes: Int = 4 << 20) throws {
    self.level = level
    spillPath = path
    spillAfter = bytes
    buffer = .allocate(capacity: capacity)
    out = .allocate(capacity: outCapacity)
    crc = CZlib.crc32(0, nil, 0)
    guard
      deflateInit2_(
        &stream, level, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY, zlibVersion(),
        Int32(MemoryLayout<z_stream>.size)) == Z_OK
    else {
      buffer.deallocate()
      out.deallocate()
      throw XLSXWriterError(detail: "zlib tidak dapat dimulai", code: ENOMEM)
    }
    put("<sheetData>")
  }

  deinit {
    if spill >= 0 { close(spill) }
    deflateEnd(&stream)
    buffer.deallocate()
    out.deallocate()
  }

  // MARK: Cells

  /// A string cell, whatever it starts with; an empty string leaves the cell empty.
  func string(_ row: Int, _ col: Int, _ text: String, _ style: Style = .normal) {
    var s = XLSXWriter.cellText(text)
    s.withUTF8 { bytes in
      note(col, bytes)
      if bytes.isEmpty { return }
      cell(row, col, style)
      reserve(bytes.count * 5 + 64)
      put(" t=\"inlineStr\"><is><t")
      if Self.isSpace(bytes.first!) || Self.isSpace(bytes.last!) {
        put(" xml:space=\"preserve\"")
      }
      put(">")
      var i = count
      for b in bytes {
        switch b {
        case UInt8(ascii: "&"):
          for c in "&amp;".utf8 {
            buffer[i] = c
            i += 1
          }
        case UInt8(ascii: "<"):
          for c in "&lt;".utf8 {
            buffer[i] = c
            i += 1
          }
        case UInt8(ascii: ">"):
          for c in "&gt;".utf8 {
            buffer[i] = c
            i += 1
          }
        default:
          buffer[i] = b
          i += 1
        }
      }
      count = i
      put("</t></is></c>")
    }
  }

  func number(_ row: Int, _ col: Int, _ value: Double, _ style: Style = .normal) {
    guard value.isFinite else { return }
    cell(row, col, style)
    let start: Int
    if value == value.rounded(), abs(value) < 1e15 {
      put("><v>")
      start = count
      integer(Int64(value))
    } else {
      put("><v>")
      start = count
      text(String(value))
    }
    let digits = count - start
    put("</v></c>")
    widen(col, digits)
  }

  /// A date: Excel's serial day (1900 system) shown with the date style given.
  func date(_ row: Int, _ col: Int, _ d: CivilDate, _ style: Style = .date) {
    widen(col, 10)
    var serial = ExcelDate.days(from: d) + 25_569
    // Excel counts the phantom 1900-02-29: its serials before March are one less.
    if serial < 61 { serial -= 1 }
    cell(row, col, style)
    put("><v>")
    integer(serial)
    put("</v></c>")
  }

  /// Freezes the rows above `row`.
  func freeze(row: Int) { frozenRows = row }

  func autofilter(firstRow: Int, firstCol: Int, lastRow: Int, lastCol: Int) {
    filter = (firstRow, firstCol, lastRow, lastCol)
  }

  /// Column widths from the widest text seen, within `min`…`max` characters.
  func fitColumns(min: Int, max: Int) { fit = (min, max) }

  /// The sheet shown when the workbook opens.
  func activate() { active = true }

  // MARK: Finishing

  func finish() throws -> SheetPart {
    if let failure { throw failure }
    if currentRow >= 0 { put("</row>") }
    put("</sheetData>")
    if let f = filter {
      put("<autoFilter ref=\"")
      ref(f.firstRow, f.firstCol)
      put(":")
      ref(f.lastRow, f.lastCol)
      put("\"/>")
    }
    put(
      "<pageMargins left=\"0.7\" right=\"0.7\" top=\"0.75\" bottom=\"0.75\" header=\"0.3\" footer=\"0.3\"/></worksheet>"
    )
    try deflateBuffer(Z_FINISH)
    let bodyCRC = crc
    let bodySize = size

    // The head, now that the rows are known.
    crc = CZlib.crc32(0, nil, 0)
    size = 0
    let rows = body
    body = []
    headPhase = true
    guard deflateReset(&stream) == Z_OK else { throw zlibFailure() }
    text(StreamingWorkbook.declaration)
    text(
      "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"\(StreamingWorkbook.relsNS)\">"
    )
    put("<dimension ref=\"A1")
    if lastRow >= 0, lastRow > 0 || lastCol > 0 {
      put(":")
      ref(lastRow, lastCol)
    }
    put("\"/><sheetViews><sheetView")
    if active { put(" tabSelected=\"1\"") }
    put(" workbookViewId=\"0\"")
    if frozenRows > 0 {
      put("><pane ySplit=\"")
      integer(Int64(frozenRows))
      put("\" topLeftCell=\"")
      ref(frozenRows, 0)
      put(
        "\" activePane=\"bottomLeft\" state=\"frozen\"/><selection pane=\"bottomLeft\"/></sheetView>"
      )
    } else {
      put("/>")
    }
    put("</sheetViews><sheetFormatPr defaultRowHeight=\"15\"/>")
    if let fit, !widths.isEmpty {
      put("<cols>")
      for (c, w) in widths.enumerated() {
        let chars = Swift.min(fit.max, Swift.max(fit.min, w + 2))
        // libxlsxwriter's width: characters to pixels (7 each, 5 padding) and back.
        let width = Double(Int(Double(chars * 7 + 5) / 7 * 256)) / 256
        text("<col min=\"\(c + 1)\" max=\"\(c + 1)\" width=\"\(width)\" customWidth=\"1\"/>")
      }
      put("</cols>")
    }
    try deflateBuffer(Z_SYNC_FLUSH)

    let part = SheetPart()
    part.segments = body + rows
    part.spill = spill
    part.spillSize = spillSize
    spill = -1
    part.size = size + bodySize
    part.crc = crc32_combine(crc, bodyCRC, .init(bodySize))
    part.active = active
    if let f = filter {
      part.filter = (f.firstRow, column(f.firstCol), f.lastRow, column(f.lastCol))
    }
    body = []
    return part
  }

  // MARK: Bytes

  private func cell(_ row: Int, _ col: Int, _ style: Style) {
    precondition(row >= currentRow, "rows in order")
    if row != currentRow {
      if currentRow >= 0 { put("</row>") }
      put("<row r=\"")
      integer(Int64(row + 1))
      put("\">")
      currentRow = row
    }
    lastRow = row
    lastCol = Swift.max(lastCol, col)
    put("<c r=\"")
    ref(row, col)
    put("\"")
    if style != .normal {
      put(" s=\"")
      integer(Int64(style.rawValue))
      put("\"")
    }
  }

  private func column(_ col: Int) -> String { CellAddress.columnLetters(col + 1) }

  private func ref(_ row: Int, _ col: Int) {
    while col >= letters.count { letters.append(Array(column(letters.count).utf8)) }
    append(letters[col])
    integer(Int64(row + 1))
  }

  private func integer(_ v: Int64) {
    reserve(24)
    var m = v.magnitude
    if v < 0 {
      buffer[count] = UInt8(ascii: "-")
      count += 1
    }
    var digits = 1
    var p: UInt64 = 10
    while m >= p, digits < 20 {
      digits += 1
      if p > UInt64.max / 10 { break }
      p *= 10
    }
    var i = count + digits
    count = i
    repeat {
      i -= 1
      buffer[i] = UInt8(ascii: "0") + UInt8(m % 10)
      m /= 10
    } while m > 0
  }

  private func put(_ s: StaticString) {
    reserve(s.utf8CodeUnitCount)
    (buffer + count).update(from: s.utf8Start, count: s.utf8CodeUnitCount)
    count += s.utf8CodeUnitCount
  }

  private func text(_ s: String) { append(s.utf8) }

  private func append<C: Collection>(_ bytes: C) where C.Element == UInt8 {
    reserve(bytes.count)
    for b in bytes {
      buffer[count] = b
      count += 1
    }
  }

  private static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || (b >= 0x09 && b <= 0x0D) }

  private func note(_ col: Int, _ bytes: UnsafeBufferPointer<UInt8>) {
    // The longest line of the cell counts, in characters (UTF-8 lead bytes).
    var longest = 0
    var current = 0
    for b in bytes {
      if b == 0x0A {
        longest = Swift.max(longest, current)
        current = 0
      } else if b & 0xC0 != 0x80 {
        current += 1
      }
    }
    widen(col, Swift.max(longest, current))
  }

  private func widen(_ col: Int, _ n: Int) {
    if col >= widths.count { widths += Array(repeating: 0, count: col + 1 - widths.count) }
    if n > widths[col] { widths[col] = n }
  }
}
