import Foundation
import XCTest

@testable import Spreadsheet

/// Fixtures are copies of corpus files (see Fixtures/NOTICE.md).
enum XLSXFixture {
  static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Fixtures")

  static func path(_ name: String, bad: Bool = false) -> String {
    folder.appendingPathComponent(bad ? "bad" : "xlsx").appendingPathComponent(name).path
  }

  static func open(_ name: String, limits: ReadLimits = ReadLimits()) throws -> XLSXWorkbook {
    try XLSXWorkbook(path: path(name), limits: limits)
  }
}

/// A sheet read to the end: rows by number, and its merged ranges.
struct ReadSheet {
  var rows: [Int: Row] = [:]
  var merged: [CellRange] = []

  /// The cell at an A1 address, `.empty` when absent.
  subscript(_ a1: String) -> Cell {
    let letters = a1.prefix { $0.isLetter }
    let row = Int(a1.dropFirst(letters.count))!
    let column = letters.uppercased().unicodeScalars.reduce(0) {
      $0 * 26 + Int($1.value) - 64
    }
    guard let r = rows[row], column <= r.cells.count else { return .empty }
    return r.cells[column - 1]
  }
}

extension XLSXWorkbook {
  func read(_ name: String, file: StaticString = #filePath, line: UInt = #line) throws
    -> ReadSheet
  {
    guard let index = sheets.firstIndex(where: { $0.name == name }) else {
      XCTFail("no sheet \(name) in \(sheets.map(\.name))", file: file, line: line)
      return ReadSheet()
    }
    var sheet = ReadSheet()
    let tail = try readSheet(index) { row in sheet.rows[row.number] = row }
    sheet.merged = tail.merged
    return sheet
  }
}

func assertReadError(
  _ expected: ReadError, _ body: () throws -> Void, file: StaticString = #filePath,
  line: UInt = #line
) {
  XCTAssertThrowsError(try body(), file: file, line: line) { error in
    XCTAssertEqual(error as? ReadError, expected, file: file, line: line)
  }
}

func date(_ y: Int, _ m: Int, _ d: Int) -> CivilDate {
  CivilDate(year: y, month: m, day: d)
}
