import Foundation
import Spreadsheet
import XCTest

@testable import Emit

/// The libxlsxwriter wrapper: strings stay strings whatever they start with,
/// and what Excel cannot hold is made safe.
final class XLSXWriterTests: XCTestCase {
  func testCellTextIsSafe() {
    XCTAssertEqual(XLSXWriter.cellText("a\u{0}b\u{1}c"), "a\u{FFFD}b\u{FFFD}c")
    XCTAssertEqual(XLSXWriter.cellText("\r=1+1"), "\n=1+1")
    XCTAssertEqual(XLSXWriter.cellText("a\r\nb\tc"), "a\nb\tc")
    let long = String(repeating: "x", count: 40_000)
    let cut = XLSXWriter.cellText(long)
    XCTAssertEqual(cut.count, XLSXWriter.maxString)
    XCTAssertTrue(cut.hasSuffix("…"))
  }

  func testFormulaLikeStringsAreWrittenAsStrings() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("xw-\(UUID())")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let path = dir.appendingPathComponent("t.xlsx").path
    let values = ["=1+1", "+1", "-1", "@SUM(A1)", "\t=1", "\r=1", "=HYPERLINK(\"http://x\")"]
    let w = try XLSXWriter(path: path)
    let s = try w.addSheet("S")
    for (i, v) in values.enumerated() { try s.string(i, 0, v) }
    try w.close()
    let xml = try unzip(path, "xl/worksheets/sheet1.xml")
    XCTAssertFalse(xml.contains("<f>"), xml)
    let strings = xml + ((try? unzip(path, "xl/sharedStrings.xml")) ?? "")
    XCTAssertTrue(strings.contains("<t>=1+1</t>"), strings)
    XCTAssertTrue(strings.contains("<t xml:space=\"preserve\">\t=1</t>"), strings)
    XCTAssertTrue(strings.contains(">\n=1</t>"), strings)
    let cells = xml.components(separatedBy: "<c ").count - 1
    XCTAssertEqual(cells, values.count)
    XCTAssertFalse(xml.contains("t=\"n\""))
  }

  /// Text that reads as an OOXML escape comes back as written: from the
  /// project's reader, which decodes `_xHHHH_` as Excel does, and from openpyxl.
  func testEscapeLookalikesReadBackAsWritten() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("xw-\(UUID())")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let path = dir.appendingPathComponent("t.xlsx").path
    let w = try XLSXWriter(path: path)
    let s = try w.addSheet("S")
    for (i, v) in Self.lookalikes.enumerated() { try s.string(i, 0, v) }
    try w.close()
    XCTAssertEqual(try Self.columnA(path), Self.lookalikes)
    // openpyxl only drops `x005F_`, whatever follows, so a doubled escape is
    // left to the project's reader.
    let script = """
      import sys, openpyxl
      ws = openpyxl.load_workbook(sys.argv[1]).active
      for c in ws["A"][:5]: print(c.value)
      """
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    p.arguments = ["python3", "-c", script, path]
    let out = Pipe()
    p.standardOutput = out
    try p.run()
    let printed = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    p.waitUntilExit()
    XCTAssertEqual(
      printed.split(separator: "\n").map(String.init), Array(Self.lookalikes.prefix(5)))
  }

  /// Values a reader would decode as escapes, then some it must not.
  static let lookalikes = [
    "_x0041_", "a_x00e9_b_x000D_", "Kode _X0041_ dan _x12_", "_xZZZZ_ _x0041", "__x0041__",
    "_x005F_x0041_",
  ]

  /// The texts of column A as the project's reader returns them.
  static func columnA(_ path: String) throws -> [String] {
    let source = try SpreadsheetReader.open(path: path)
    var texts: [String] = []
    _ = try source.readSheet(0) { row in
      if case .text(let t) = row.cells.first { texts.append(t) }
    }
    return texts
  }

  private func unzip(_ archive: String, _ member: String) throws -> String {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    let script =
      "import sys, zipfile; sys.stdout.write(zipfile.ZipFile(sys.argv[1]).read(sys.argv[2]).decode())"
    p.arguments = ["python3", "-c", script, archive, member]
    let out = Pipe()
    p.standardOutput = out
    p.standardError = FileHandle.nullDevice
    try p.run()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    guard p.terminationStatus == 0 else { throw CocoaError(.fileReadNoSuchFile) }
    return String(decoding: data, as: UTF8.self)
  }
}
