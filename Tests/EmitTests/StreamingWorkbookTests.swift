import Foundation
import Spreadsheet
import XCTest

@testable import Emit

/// The streaming writer behind `konsolidasi.xlsx`: a real file, read back by
/// Python's zipfile (CRCs, sizes) and openpyxl (values, types, styles, layout).
final class StreamingWorkbookTests: XCTestCase {
  var dir: URL!

  override func setUpWithError() throws {
    dir = FileManager.default.temporaryDirectory.appendingPathComponent("sw-\(UUID())")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
  }

  override func tearDownWithError() throws {
    try? FileManager.default.removeItem(at: dir)
  }

  /// Two sheets; the second large enough to be deflated in many pieces.
  func book(jobs: Int, rows: Int = 60_000) -> StreamingWorkbook {
    var b = StreamingWorkbook()
    b.title = "Judul & <uji>"
    b.subject = "Subjek"
    b.creator = "pipeline uji"
    b.created = Date(timeIntervalSince1970: 1_767_225_600)
    b.jobs = jobs
    b.sheets.append(
      .init(
        name: "Satu",
        render: { s in
          let values = ["=1+1", "+1", "-1", "@SUM(A1)", "\t=1", "\r=1", " a & <b> ", "x\u{0}y"]
          // Rows in order, cells in order within a row.
          for (i, v) in values.enumerated() {
            s.string(i, 0, v, .text)
            switch i {
            case 0: s.number(0, 1, 1_234_567, .rupiah)
            case 1: s.number(1, 1, 77.5, .top)
            case 2: s.number(2, 1, -3, .whole)
            case 3: s.date(3, 1, CivilDate(year: 2025, month: 3, day: 1))
            case 4: s.date(4, 1, CivilDate(year: 1900, month: 2, day: 28))
            default: break
            }
          }
          s.string(9, 2, "Tebal", .bold)
          s.autofilter(firstRow: 0, firstCol: 0, lastRow: 9, lastCol: 2)
          s.fitColumns(min: 8, max: 50)
          s.activate()
        }))
    b.sheets.append(
      .init(
        name: "Dua Kata",
        render: { s in
          s.string(0, 0, "No", .header)
          s.string(0, 1, "Teks", .header)
          for r in 1...rows {
            s.number(r, 0, Double(r), .top)
            s.string(r, 1, "baris \(r * 7919 % 100_003) \(String(repeating: "z", count: r % 40))")
          }
          s.freeze(row: 1)
          s.autofilter(firstRow: 0, firstCol: 0, lastRow: rows, lastCol: 1)
          s.fitColumns(min: 8, max: 60)
        }, weight: rows))
    return b
  }

  func testReadBackByZipfileAndOpenpyxl() throws {
    let path = dir.appendingPathComponent("a.xlsx").path
    try book(jobs: 2).write(to: path)
    let script = """
      import sys, zipfile, openpyxl
      p = sys.argv[1]
      z = zipfile.ZipFile(p)
      print("testzip", z.testzip())
      for n in z.namelist():
          if n.startswith("xl/worksheets/"):
              assert b"<f>" not in z.read(n), n
      wb = openpyxl.load_workbook(p)
      print(wb.sheetnames, wb.active.title, wb.properties.title, wb.properties.created)
      a = wb["Satu"]
      print([(c.value, c.data_type) for c in a["A"]])
      print(a["B1"].value, a["B1"].number_format, a["B2"].value, a["B3"].value, a["B3"].number_format)
      print(a["B4"].value, a["B4"].number_format, a["B5"].value, a["C10"].font.b)
      print(a.auto_filter.ref, a.freeze_panes, a.column_dimensions["A"].width)
      b = wb["Dua Kata"]
      print(b.max_row, b.auto_filter.ref, b.freeze_panes, b["A1"].font.b, b["A1"].fill.fgColor.rgb)
      print(b["A60001"].value, b["B60001"].value, b.column_dimensions["B"].width)
      """
    let lines = try python(script, path)
    XCTAssertEqual(
      lines,
      [
        "testzip None",
        "['Satu', 'Dua Kata'] Satu Judul & <uji> 2026-01-01 00:00:00",
        "[('=1+1', 's'), ('+1', 's'), ('-1', 's'), ('@SUM(A1)', 's'), ('\\t=1', 's'), "
          + "('\\n=1', 's'), (' a & <b> ', 's'), ('x\u{FFFD}y', 's'), (None, 'n'), (None, 'n')]",
        "1234567 #,##0 77.5 -3 0",
        "2025-03-01 00:00:00 yyyy-mm-dd 1900-02-28 00:00:00 True",
        "A1:C10 None 11.7109375",
        "60001 A1:B60001 A2 True FFDDEBF7",
        "60000 baris \(60_000 * 7919 % 100_003) \(String(repeating: "z", count: 60_000 % 40)) 53.7109375",
      ])
  }

  /// Text that reads as an OOXML escape comes back as written (the project's
  /// reader decodes `_xHHHH_` in inline strings as Excel does; LibreOffice's
  /// reading is checked end to end in WorkbookTests).
  func testEscapeLookalikesReadBackAsWritten() throws {
    let path = dir.appendingPathComponent("e.xlsx").path
    var b = StreamingWorkbook()
    b.sheets.append(
      .init(
        name: "S",
        render: { s in
          for (i, v) in XLSXWriterTests.lookalikes.enumerated() { s.string(i, 0, v) }
        }))
    try b.write(to: path)
    XCTAssertEqual(try XLSXWriterTests.columnA(path), XLSXWriterTests.lookalikes)
  }

  /// The same bytes whatever the number of threads.
  func testSameBytesWhateverTheThreads() throws {
    let one = dir.appendingPathComponent("1.xlsx").path
    let two = dir.appendingPathComponent("2.xlsx").path
    try book(jobs: 1, rows: 5_000).write(to: one)
    try book(jobs: 2, rows: 5_000).write(to: two)
    XCTAssertEqual(
      try Data(contentsOf: URL(fileURLWithPath: one)),
      try Data(contentsOf: URL(fileURLWithPath: two)))
  }

  /// Rows spilled to a temporary file give the same bytes as rows kept in
  /// memory, and the temporary files are gone afterwards.
  func testSpilledRowsGiveTheSameBytes() throws {
    let kept = dir.appendingPathComponent("kept.xlsx").path
    let spilled = dir.appendingPathComponent("spilled.xlsx").path
    try book(jobs: 2, rows: 20_000).write(to: kept)
    var b = book(jobs: 2, rows: 20_000)
    b.spillAfter = 1024
    try b.write(to: spilled)
    XCTAssertEqual(
      try Data(contentsOf: URL(fileURLWithPath: kept)),
      try Data(contentsOf: URL(fileURLWithPath: spilled)))
    XCTAssertEqual(
      try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted(),
      ["kept.xlsx", "spilled.xlsx"])
    XCTAssertEqual(
      try python("import zipfile,sys; print(zipfile.ZipFile(sys.argv[1]).testzip())", spilled),
      ["None"])
  }

  /// A failure carries the system's errno (what `printOutputFailure` reports).
  func testFailureCarriesErrno() throws {
    let path = dir.appendingPathComponent("nope/a.xlsx").path
    XCTAssertThrowsError(try book(jobs: 1, rows: 10).write(to: path)) { e in
      XCTAssertEqual((e as? XLSXWriterError)?.code, ENOENT, "\(e)")
    }
  }

  private func python(_ script: String, _ arguments: String...) throws -> [String] {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    p.arguments = ["python3", "-c", script] + arguments
    let out = Pipe()
    p.standardOutput = out
    p.standardError = out
    try p.run()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    return String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
  }
}
