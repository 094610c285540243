import XCTest

@testable import Spreadsheet

/// `Cell.plainText`, the one rendering of a cell as text, on cells read from
/// real workbooks: a date-time keeps its time, a time of day reads as a clock.
final class CellTextTests: XCTestCase {
  func testDatesTimesAndDateTimesOfISOCells() throws {
    let sheet = try XLSXFixture.open("calamine__date_iso.xlsx").read("Sheet")
    XCTAssertEqual(sheet["A1"].plainText, "2021-01-01")
    XCTAssertEqual(sheet["A2"].plainText, "2021-01-01T10:10:10")
    XCTAssertEqual(sheet["A3"].plainText, "10:10:10")
  }

  func testDateTimeFromASerialKeepsItsTime() throws {
    let sheet = try XLSXFixture.open("sheetjs__wtf_path.xlsx").read("SheetJS")
    XCTAssertEqual(sheet["C3"].plainText, "2014-02-19T10:30:00")
    XCTAssertEqual(sheet["C1"].plainText, "3")
    XCTAssertEqual(sheet["A2"].plainText, "TRUE")
    XCTAssertEqual(sheet["D1"].plainText, "")
  }

  func testDurationsAndFractionsOfASecond() throws {
    let sheet = try XLSXFixture.open("calamine__date.xlsx").read("Sheet1")
    XCTAssertEqual(sheet["A3"].plainText, "918610")
    XCTAssertEqual(Cell.number(2.5).plainText, "2.5")
    XCTAssertEqual(Cell.time(seconds: 3661.25).plainText, "01:01:01.250000")
  }
}
