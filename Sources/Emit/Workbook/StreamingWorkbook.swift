import CLibZip
import Foundation
import Pipeline

/// An xlsx writer for large, plain tables: every sheet is rendered on its own
/// thread and its XML deflated as it is generated, so only compressed bytes
/// are held; libzip then copies them into the package without recompressing.
/// Strings are inline strings (never formulas), styles come from a fixed set.
struct StreamingWorkbook: Sendable {
  /// The cell styles of the workbook (their index is the `s` of a cell).
  enum Style: Int, CaseIterable {
    case normal, bold, text, header, top, wrapTop, whole, rupiah, date
  }

  struct Sheet: Sendable {
    let name: String
    /// Rows, in order; runs on a thread of its own.
    let render: @Sendable (SheetWriter) throws -> Void
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
    let parts = Slots<SheetPart>(sheets.count)
    let order = sheets.indices.sorted { sheets[$0].weight > sheets[$1].weight }
    try Parallel.forEach(sheets.count, workers: jobs, order: order) { [self] i in
      let w = try SheetWriter(level: level, spillBeside: path, after: spillAfter)
      try sheets[i].render(w)
      parts[i] = try w.finish()
    }
    try assemble(path, parts.take())
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
}

extension XLSXWriterError {
  init(detail: String, code: Int32) {
    self.detail = detail
    self.code = code != 0 ? code : EIO
  }
}
