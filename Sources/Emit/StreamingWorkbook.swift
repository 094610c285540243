import CLibZip
import CZlib
import Foundation
import Pipeline
import Spreadsheet

/// An xlsx writer for large, plain tables: every sheet is rendered on its own
/// thread and its XML deflated as it is generated, so only compressed bytes
/// are held; libzip then copies them into the package without recompressing.
/// Strings are inline strings (never formulas), styles come from a fixed set.
struct StreamingWorkbook {
  /// The cell styles of the workbook (their index is the `s` of a cell).
  enum Style: Int, CaseIterable {
    case normal, bold, text, header, top, wrapTop, whole, rupiah, date
  }

  struct Sheet {
    let name: String
    /// Rows, in order; runs on a thread of its own.
    let render: (SheetWriter) throws -> Void
    /// A guess at the work, so the largest sheets start first.
    var weight = 0
  }

  var title = ""
  var subject = ""
  var creator = ""
  var created = Date(timeIntervalSince1970: 0)
  /// zlib level of the sheets: 2 costs what 1 costs (a third of the usual 6)
  /// and the file is 7 % smaller; 3 costs a quarter more for 5 % less.
  var level: Int32 = 2
  /// Threads rendering sheets (0: one per core).
  var jobs = 0
  /// Deflated bytes of a sheet's rows held in memory before they go to a
  /// temporary file beside the workbook.
  var spillAfter = 4 << 20
  var sheets: [Sheet] = []

  /// Writes the package to `path`.
  func write(to path: String) throws {
    var parts = [SheetPart?](repeating: nil, count: sheets.count)
    let lock = NSLock()
    let order = sheets.indices.sorted { sheets[$0].weight > sheets[$1].weight }
    try Parallel.forEach(sheets.count, workers: jobs, order: order) { i in
      let w = try SheetWriter(level: level, spillBeside: path, after: spillAfter)
      try sheets[i].render(w)
      let part = try w.finish()
      lock.withLock { parts[i] = part }
    }
    try assemble(path, parts.map { $0! })
  }

  // MARK: - The package

  private func assemble(_ path: String, _ parts: [SheetPart]) throws {
    var err: Int32 = 0
    guard let za = zip_open(path, ZIP_CREATE | ZIP_TRUNCATE, &err) else {
      var e = zip_error_t()
      zip_error_init_with_code(&e, err)
      defer { zip_error_fini(&e) }
      throw XLSXWriterError(detail: "tidak dapat membuat \(path)", code: systemCode(&e))
    }
    var closed = false
    defer { if !closed { zip_discard(za) } }
    let (time, date) = dosTime(created)
    func added(_ name: String, _ source: OpaquePointer) throws {
      let i = zip_file_add(za, name, source, zip_flags_t(ZIP_FL_ENC_UTF_8))
      guard i >= 0 else {
        zip_source_free(source)
        throw failure(za, name)
      }
      guard zip_file_set_dostime(za, zip_uint64_t(i), time, date, 0) == 0 else {
        throw failure(za, name)
      }
    }
    func add(_ name: String, _ text: String) throws {
      var bytes = Array(text.utf8)
      let copy = malloc(max(bytes.count, 1))!
      bytes.withUnsafeMutableBytes { copy.copyMemory(from: $0.baseAddress!, byteCount: $0.count) }
      guard let s = zip_source_buffer(za, copy, zip_uint64_t(bytes.count), 1) else {
        free(copy)
        throw failure(za, name)
      }
      bytes = []
      try added(name, s)
    }
    try add("[Content_Types].xml", contentTypes)
    try add("_rels/.rels", Self.packageRels)
    try add("docProps/app.xml", app)
    try add("docProps/core.xml", core)
    try add("xl/workbook.xml", workbook(parts))
    try add("xl/_rels/workbook.xml.rels", workbookRels)
    try add("xl/styles.xml", Self.styles)
    for (i, part) in parts.enumerated() {
      let name = "xl/worksheets/sheet\(i + 1).xml"
      let box = Unmanaged.passRetained(part).toOpaque()
      var e = zip_error_t()
      zip_error_init(&e)
      guard let s = zip_source_function_create(deflatedSource, box, &e) else {
        Unmanaged<SheetPart>.fromOpaque(box).release()
        zip_error_fini(&e)
        throw failure(za, name)
      }
      try added(name, s)
    }
    closed = true
    guard zip_close(za) == 0 else {
      let f = failure(za, "menulis buku kerja")
      zip_discard(za)
      throw f
    }
  }

  private func failure(_ za: OpaquePointer, _ what: String) -> XLSXWriterError {
    let e = zip_get_error(za)!
    return XLSXWriterError(
      detail: "\(what): \(String(cString: zip_error_strerror(e)))", code: systemCode(e))
  }

  private func systemCode(_ e: UnsafeMutablePointer<zip_error_t>) -> Int32 {
    zip_error_system_type(e) == ZIP_ET_SYS ? zip_error_code_system(e) : EIO
  }

  /// MS-DOS time and date of `d` in UTC (so that the bytes do not depend on the
  /// time zone); the format runs from 1980 to the end of 2107, and a time
  /// outside is taken as the nearest it can hold.
  private func dosTime(_ d: Date) -> (UInt16, UInt16) {
    var t = time_t(min(max(d.timeIntervalSince1970, 315_532_800), 4_354_819_198))
    var tm = tm()
    gmtime_r(&t, &tm)
    let time = (tm.tm_hour << 11) | (tm.tm_min << 5) | (tm.tm_sec / 2)
    let date = ((tm.tm_year - 80) << 9) | ((tm.tm_mon + 1) << 5) | tm.tm_mday
    return (UInt16(time), UInt16(date))
  }

  private var contentTypes: String {
    let ct = "application/vnd.openxmlformats-officedocument."
    var s =
      Self.declaration
      + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
      + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
      + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
      + "<Override PartName=\"/docProps/app.xml\" ContentType=\"\(ct)extended-properties+xml\"/>"
      + "<Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>"
      + "<Override PartName=\"/xl/styles.xml\" ContentType=\"\(ct)spreadsheetml.styles+xml\"/>"
      + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"\(ct)spreadsheetml.sheet.main+xml\"/>"
    for i in sheets.indices {
      s +=
        "<Override PartName=\"/xl/worksheets/sheet\(i + 1).xml\" ContentType=\"\(ct)spreadsheetml.worksheet+xml\"/>"
    }
    return s + "</Types>"
  }

  static let declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
  static let relsNS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

  static let packageRels =
    declaration
    + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
    + "<Relationship Id=\"rId1\" Type=\"\(relsNS)/officeDocument\" Target=\"xl/workbook.xml\"/>"
    + "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/>"
    + "<Relationship Id=\"rId3\" Type=\"\(relsNS)/extended-properties\" Target=\"docProps/app.xml\"/>"
    + "</Relationships>"

  private var workbookRels: String {
    var s =
      Self.declaration
      + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
    for i in sheets.indices {
      s +=
        "<Relationship Id=\"rId\(i + 1)\" Type=\"\(Self.relsNS)/worksheet\" Target=\"worksheets/sheet\(i + 1).xml\"/>"
    }
    return s
      + "<Relationship Id=\"rId\(sheets.count + 1)\" Type=\"\(Self.relsNS)/styles\" Target=\"styles.xml\"/>"
      + "</Relationships>"
  }

  private var app: String {
    var s =
      Self.declaration
      + "<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\" "
      + "xmlns:vt=\"http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes\">"
      + "<Application>Microsoft Excel</Application><DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop>"
      + "<HeadingPairs><vt:vector size=\"2\" baseType=\"variant\"><vt:variant><vt:lpstr>Worksheets</vt:lpstr>"
      + "</vt:variant><vt:variant><vt:i4>\(sheets.count)</vt:i4></vt:variant></vt:vector></HeadingPairs>"
      + "<TitlesOfParts><vt:vector size=\"\(sheets.count)\" baseType=\"lpstr\">"
    for sheet in sheets { s += "<vt:lpstr>\(Self.escaped(sheet.name))</vt:lpstr>" }
    return s
      + "</vt:vector></TitlesOfParts><LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc>"
      + "<HyperlinksChanged>false</HyperlinksChanged><AppVersion>12.0000</AppVersion></Properties>"
  }

  private var core: String {
    let when = ArchitectureDocument.rfc3339(created)
    return Self.declaration
      + "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" "
      + "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" "
      + "xmlns:dcmitype=\"http://purl.org/dc/dcmitype/\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">"
      + "<dc:title>\(Self.escaped(title))</dc:title><dc:subject>\(Self.escaped(subject))</dc:subject>"
      + "<dc:creator>\(Self.escaped(creator))</dc:creator>"
      + "<cp:lastModifiedBy>\(Self.escaped(creator))</cp:lastModifiedBy>"
      + "<dcterms:created xsi:type=\"dcterms:W3CDTF\">\(when)</dcterms:created>"
      + "<dcterms:modified xsi:type=\"dcterms:W3CDTF\">\(when)</dcterms:modified></cp:coreProperties>"
  }

  private func workbook(_ parts: [SheetPart]) -> String {
    let active = parts.firstIndex { $0.active } ?? 0
    var s =
      Self.declaration
      + "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"\(Self.relsNS)\">"
      + "<workbookPr/><bookViews><workbookView xWindow=\"240\" yWindow=\"15\" windowWidth=\"16095\" "
      + "windowHeight=\"9660\"\(active > 0 ? " activeTab=\"\(active)\"" : "")/></bookViews><sheets>"
    for (i, sheet) in sheets.enumerated() {
      s += "<sheet name=\"\(Self.escaped(sheet.name))\" sheetId=\"\(i + 1)\" r:id=\"rId\(i + 1)\"/>"
    }
    s += "</sheets>"
    // Excel wants the range of each sheet's filter as a hidden name as well.
    let filtered = parts.enumerated().filter { $0.element.filter != nil }
    if !filtered.isEmpty {
      s += "<definedNames>"
      for (i, part) in filtered {
        let name = sheets[i].name
        let quoted =
          name.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" }
          ? name : "'" + name.replacingOccurrences(of: "'", with: "''") + "'"
        let f = part.filter!
        s +=
          "<definedName name=\"_xlnm._FilterDatabase\" localSheetId=\"\(i)\" hidden=\"1\">"
          + Self.escaped(
            "\(quoted)!$\(f.firstCol)$\(f.firstRow + 1):$\(f.lastCol)$\(f.lastRow + 1)")
          + "</definedName>"
      }
      s += "</definedNames>"
    }
    return s + "<calcPr calcId=\"124519\" fullCalcOnLoad=\"1\"/></workbook>"
  }

  /// The styles, in the order of `Style`.
  static let styles: String = {
    let top = "<alignment vertical=\"top\"/>"
    let wrapTop = "<alignment vertical=\"top\" wrapText=\"1\"/>"
    func xf(_ numFmt: Int, font: Int = 0, fill: Int = 0, border: Int = 0, _ align: String?)
      -> String
    {
      var a =
        "<xf numFmtId=\"\(numFmt)\" fontId=\"\(font)\" fillId=\"\(fill)\" borderId=\"\(border)\" xfId=\"0\""
      if numFmt != 0 { a += " applyNumberFormat=\"1\"" }
      if font != 0 { a += " applyFont=\"1\"" }
      if fill != 0 { a += " applyFill=\"1\"" }
      if border != 0 { a += " applyBorder=\"1\"" }
      guard let align else { return a + "/>" }
      return a + " applyAlignment=\"1\">\(align)</xf>"
    }
    let xfs: [String] = Style.allCases.map {
      switch $0 {
      case .normal: return xf(0, nil)
      case .bold: return xf(0, font: 1, nil)
      case .text: return xf(164, top)
      case .header: return xf(0, font: 1, fill: 2, border: 1, wrapTop)
      case .top: return xf(0, top)
      case .wrapTop: return xf(0, wrapTop)
      case .whole: return xf(165, top)
      case .rupiah: return xf(166, top)
      case .date: return xf(167, top)
      }
    }
    let color = "<color rgb=\"FFB4C6E7\"/>"
    return declaration
      + "<styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
      + "<numFmts count=\"4\"><numFmt numFmtId=\"164\" formatCode=\"@\"/><numFmt numFmtId=\"165\" formatCode=\"0\"/>"
      + "<numFmt numFmtId=\"166\" formatCode=\"#,##0\"/><numFmt numFmtId=\"167\" formatCode=\"yyyy-mm-dd\"/></numFmts>"
      + "<fonts count=\"2\"><font><sz val=\"11\"/><name val=\"Calibri\"/><family val=\"2\"/></font>"
      + "<font><b/><sz val=\"11\"/><name val=\"Calibri\"/><family val=\"2\"/></font></fonts>"
      + "<fills count=\"3\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill>"
      + "<fill><patternFill patternType=\"solid\"><fgColor rgb=\"FFDDEBF7\"/><bgColor indexed=\"64\"/></patternFill></fill></fills>"
      + "<borders count=\"2\"><border><left/><right/><top/><bottom/><diagonal/></border>"
      + "<border><left style=\"thin\">\(color)</left><right style=\"thin\">\(color)</right>"
      + "<top style=\"thin\">\(color)</top><bottom style=\"thin\">\(color)</bottom><diagonal/></border></borders>"
      + "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
      + "<cellXfs count=\"\(xfs.count)\">\(xfs.joined())</cellXfs>"
      + "<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>"
      + "<dxfs count=\"0\"/><tableStyles count=\"0\" defaultTableStyle=\"TableStyleMedium9\" "
      + "defaultPivotStyle=\"PivotStyleLight16\"/></styleSheet>"
  }()

  /// Text for XML content and attribute values.
  static func escaped(_ s: String) -> String {
    var out = ""
    for c in s.unicodeScalars {
      switch c {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      default: out.unicodeScalars.append(c)
      }
    }
    return out
  }
}

extension XLSXWriterError {
  init(detail: String, code: Int32) {
    self.detail = detail
    self.code = code != 0 ? code : EIO
  }
}

// MARK: - A sheet, deflated as it is written

/// A rendered sheet: its deflated XML (the head, written last, then the body)
/// with the sizes and CRC the zip entry needs.
final class SheetPart {
  /// The deflated head, then the rows held in memory (small sheets).
  var segments: [[UInt8]] = []
  /// The deflated rows of a large sheet, in an unlinked file beside the
  /// workbook (`spill`, -1 if none) after `segments`.
  var spill: Int32 = -1
  var spillSize = 0
  var size: UInt64 = 0
  var crc: UInt = 0
  var active = false
  var filter: (firstRow: Int, firstCol: String, lastRow: Int, lastCol: String)?
  /// Where the zip source is reading.
  var segment = 0
  var offset = 0

  var compressedSize: UInt64 {
    segments.reduce(UInt64(spillSize)) { $0 + UInt64($1.count) }
  }

  deinit { if spill >= 0 { close(spill) } }
}

/// The zip source of a sheet: already deflated, so libzip copies the bytes
/// (the stat says `ZIP_CM_DEFLATE`, with the sizes and the CRC).
private func deflatedSource(
  _ state: UnsafeMutableRawPointer?, _ data: UnsafeMutableRawPointer?, _ len: zip_uint64_t,
  _ cmd: zip_source_cmd_t
) -> zip_int64_t {
  let part = Unmanaged<SheetPart>.fromOpaque(state!).takeUnretainedValue()
  switch cmd {
  case ZIP_SOURCE_OPEN:
    part.segment = 0
    part.offset = 0
    return 0
  case ZIP_SOURCE_READ:
    var done = 0
    let want = Int(len)
    while done < want, part.segment < part.segments.count {
      let seg = part.segments[part.segment]
      let n = min(want - done, seg.count - part.offset)
      seg.withUnsafeBytes {
        (data! + done).copyMemory(from: $0.baseAddress! + part.offset, byteCount: n)
      }
      done += n
      part.offset += n
      if part.offset == seg.count {
        part.segment += 1
        part.offset = 0
      }
    }
    // Then the spilled rows: `offset` counts into the file once the segments are done.
    while done < want, part.segment == part.segments.count, part.offset < part.spillSize {
      let n = pread(
        part.spill, data! + done, min(want - done, part.spillSize - part.offset),
        off_t(part.offset))
      guard n > 0 else { return -1 }
      done += n
      part.offset += n
    }
    return zip_int64_t(done)
  case ZIP_SOURCE_CLOSE:
    return 0
  case ZIP_SOURCE_STAT:
    let st = data!.assumingMemoryBound(to: zip_stat_t.self)
    zip_stat_init(st)
    st.pointee.valid =
      zip_uint64_t(ZIP_STAT_SIZE) | zip_uint64_t(ZIP_STAT_COMP_SIZE)
      | zip_uint64_t(ZIP_STAT_COMP_METHOD) | zip_uint64_t(ZIP_STAT_CRC)
    st.pointee.size = part.size
    st.pointee.comp_size = part.compressedSize
    st.pointee.comp_method = zip_uint16_t(ZIP_CM_DEFLATE)
    st.pointee.crc = zip_uint32_t(part.crc)
    return zip_int64_t(MemoryLayout<zip_stat_t>.size)
  case ZIP_SOURCE_ERROR:
    var e = zip_error_t()
    zip_error_init(&e)
    defer { zip_error_fini(&e) }
    return zip_error_to_data(&e, data, len)
  case ZIP_SOURCE_FREE:
    Unmanaged<SheetPart>.fromOpaque(state!).release()
    return 0
  case ZIP_SOURCE_SUPPORTS:
    let supported = [
      ZIP_SOURCE_OPEN, ZIP_SOURCE_READ, ZIP_SOURCE_CLOSE, ZIP_SOURCE_STAT, ZIP_SOURCE_ERROR,
      ZIP_SOURCE_FREE, ZIP_SOURCE_SUPPORTS,
    ]
    return supported.reduce(0) { $0 | (zip_int64_t(1) << zip_int64_t($1.rawValue)) }
  default:
    return -1
  }
}

/// Writes the rows of one sheet, in order, into a deflate stream; the part
/// before the rows (dimension, frozen pane, column widths) is only known at
/// the end, so it is deflated last as a stream of its own that ends on a
/// byte boundary without a final block, and put in front (deflate streams
/// concatenate that way; the CRCs combine).
final class SheetWriter {
  typealias Style = StreamingWorkbook.Style

  private let level: Int32
  private var stream = z_stream()
  private let capacity = 1 << 20
  private let buffer: UnsafeMutablePointer<UInt8>
  private var count = 0
  private let out: UnsafeMutablePointer<UInt8>
  private let outCapacity = 1 << 18
  /// The deflated bytes, in the pieces zlib produced (no copy to grow an array).
  private var body: [[UInt8]] = []
  private var bodyBytes = 0
  /// Past `spillAfter` deflated bytes the rows go to an unlinked temporary
  /// file beside the workbook, so a large run does not hold its workbook in
  /// memory (the 200,000-row benchmark's is 50 MB); -1 until then.
  private var spill: Int32 = -1
  private var spillSize = 0
  private let spillPath: String
  /// The head is being deflated: its bytes stay in memory, in front of the rows.
  private var headPhase = false
  private let spillAfter: Int
  private var crc: UInt = 0
  private var size: UInt64 = 0

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
  private var failure: XLSXWriterError?

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

  private func reserve(_ n: Int) {
    precondition(n <= capacity)
    guard count + n > capacity else { return }
    do { try deflateBuffer(Z_NO_FLUSH) } catch { failure = failure ?? (error as? XLSXWriterError) }
  }

  /// Deflates what the buffer holds into `body`.
  private func deflateBuffer(_ flush: Int32) throws {
    crc = CZlib.crc32(crc, buffer, uInt(count))
    size += UInt64(count)
    stream.next_in = buffer
    stream.avail_in = uInt(count)
    repeat {
      stream.next_out = out
      stream.avail_out = uInt(outCapacity)
      let r = deflate(&stream, flush)
      guard r == Z_OK || r == Z_STREAM_END || r == Z_BUF_ERROR else { throw zlibFailure() }
      let n = outCapacity - Int(stream.avail_out)
      if n > 0 { try keep(UnsafeBufferPointer(start: out, count: n)) }
    } while stream.avail_out == 0
    count = 0
  }

  /// Deflated bytes of the rows: in memory, or appended to the spill file once
  /// there are many (the head, deflated after the rows, always stays in memory).
  private func keep(_ bytes: UnsafeBufferPointer<UInt8>) throws {
    if spill < 0 && bodyBytes + bytes.count > spillAfter && !headPhase {
      var template = Array((spillPath + ".lembar-XXXXXX").utf8CString)
      let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
      guard fd >= 0 else { throw XLSXWriterError(detail: "berkas sementara", code: errno) }
      template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
      spill = fd
      for piece in body { try piece.withUnsafeBufferPointer { try append($0) } }
      body = []
    }
    if spill >= 0 && !headPhase {
      try append(bytes)
    } else {
      body.append(Array(bytes))
      bodyBytes += bytes.count
    }
  }

  private func append(_ bytes: UnsafeBufferPointer<UInt8>) throws {
    var done = 0
    while done < bytes.count {
      let n = write(spill, bytes.baseAddress! + done, bytes.count - done)
      guard n > 0 else {
        throw XLSXWriterError(detail: "menulis berkas sementara", code: n < 0 ? errno : ENOSPC)
      }
      done += n
    }
    spillSize += bytes.count
  }

  private func zlibFailure() -> XLSXWriterError {
    XLSXWriterError(
      detail: "zlib: \(stream.msg.map { String(cString: $0) } ?? "galat")", code: EIO)
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
