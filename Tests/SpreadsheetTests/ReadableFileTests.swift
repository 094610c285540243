import Foundation
import XCTest

@testable import Spreadsheet

/// A file is read through the one descriptor it was opened with, and only a
/// regular file is ever opened for reading.
final class ReadableFileTests: XCTestCase {
  var dir: URL!

  override func setUpWithError() throws {
    dir = FileManager.default.temporaryDirectory.appendingPathComponent("readable-\(UUID())")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
  }

  override func tearDownWithError() throws {
    try? FileManager.default.removeItem(at: dir)
  }

  /// Saved as Excel and LibreOffice save: a new file renamed over the old one.
  func replaceByRename(_ path: URL, with data: Data) throws {
    let fresh = dir.appendingPathComponent("fresh-\(UUID())")
    try data.write(to: fresh)
    XCTAssertEqual(rename(fresh.path, path.path), 0)
  }

  func testCSVReplacedAfterOpeningReadsTheVersionOpened() throws {
    let path = dir.appendingPathComponent("a.csv")
    try Data("nama\nlama\n".utf8).write(to: path)
    let file = try ReadableFile(path: path.path)
    try replaceByRename(path, with: Data("nama\nbaru\nbaru\n".utf8))
    let doc = try XCTUnwrap(SpreadsheetReader.open(file) as? CSVDocument)
    XCTAssertEqual(doc.records, [["nama"], ["lama"]])
  }

  func testWorkbookReplacedAfterOpeningReadsTheVersionOpened() throws {
    let path = dir.appendingPathComponent("a.xlsx")
    let first = XLSXFixture.path("calamine__date.xlsx")
    let second = XLSXFixture.path("calamine__any_sheets.xlsx")
    try FileManager.default.copyItem(atPath: first, toPath: path.path)
    let file = try ReadableFile(path: path.path)
    try replaceByRename(path, with: Data(contentsOf: URL(fileURLWithPath: second)))
    let opened = try SpreadsheetReader.open(file)
    XCTAssertEqual(opened.sheets.map(\.name), try XLSXWorkbook(path: first).sheets.map(\.name))
    XCTAssertNotEqual(opened.sheets.map(\.name), try XLSXWorkbook(path: second).sheets.map(\.name))
  }

  func testPipeIsRefusedWithoutWaiting() throws {
    let fifo = dir.appendingPathComponent("pipa.csv")
    XCTAssertEqual(mkfifo(fifo.path, 0o644), 0)
    XCTAssertThrowsError(try SpreadsheetReader.open(path: fifo.path)) {
      XCTAssertEqual($0 as? ReadError, .notRegularFile(path: fifo.path))
    }
  }

  func testKernelFilesAreRefused() throws {
    #if os(Linux)
      for path in ["/proc/self/status", "/dev/zero"] {
        XCTAssertThrowsError(try ReadableFile(path: path), path) {
          XCTAssertEqual($0 as? ReadError, .notRegularFile(path: path))
        }
      }
    #endif
  }

  func testStreamingReadsTheWholeFileInChunks() throws {
    let path = dir.appendingPathComponent("b.bin")
    let bytes = (0..<10_000).map { UInt8($0 % 251) }
    try Data(bytes).write(to: path)
    let file = try ReadableFile(path: path.path)
    var seen: [UInt8] = []
    var chunks = 0
    try file.stream(chunkSize: 4096) {
      seen += $0
      chunks += 1
    }
    XCTAssertEqual(seen, bytes)
    XCTAssertEqual(chunks, 3)
  }
}
