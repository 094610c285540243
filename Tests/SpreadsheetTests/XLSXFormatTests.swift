import Foundation
import XCTest

@testable import Spreadsheet

/// Date serials, number formats, references and text escapes.
final class XLSXFormatTests: XCTestCase {
  func testSerialsInThe1900System() {
    XCTAssertEqual(ExcelDate.civilDate(serial: 1, date1904: false), date(1900, 1, 1))
    XCTAssertEqual(ExcelDate.civilDate(serial: 59, date1904: false), date(1900, 2, 28))
    // Serial 60 is Excel's phantom 1900-02-29; from 61 on the calendar is right.
    XCTAssertEqual(ExcelDate.civilDate(serial: 61, date1904: false), date(1900, 3, 1))
    XCTAssertEqual(ExcelDate.civilDate(serial: 44197, date1904: false), date(2021, 1, 1))
    XCTAssertEqual(ExcelDate.civilDate(serial: 45657, date1904: false), date(2024, 12, 31))
  }

  func testSerialsInThe1904System() {
    XCTAssertEqual(ExcelDate.civilDate(serial: 0, date1904: true), date(1904, 1, 1))
    XCTAssertEqual(ExcelDate.civilDate(serial: 42735, date1904: true), date(2021, 1, 1))
  }

  func testDateTimesRoundToTheMillisecond() {
    let noon = ExcelDate.civilDateTime(serial: 44197.5, date1904: false)
    XCTAssertEqual(noon, CivilDateTime(date: date(2021, 1, 1), microseconds: 43_200_000_000))
    // 10:30:00 stored with binary noise still reads as 10:30:00.
    let t = ExcelDate.civilDateTime(serial: 41689.437_500_000_01, date1904: false)
    XCTAssertEqual(t, CivilDateTime(date: date(2014, 2, 19), microseconds: 37_800_000_000))
    XCTAssertEqual(ExcelDate.timeOfDay(serial: 0.75, date1904: false), 64_800)
    XCTAssertEqual(ExcelDate.durationSeconds(serial: 10.6320601851852), 918_610)
  }

  func testSerialsOutsideTheCalendar() {
    XCTAssertNil(ExcelDate.civilDate(serial: 2_994_626, date1904: false))
    XCTAssertNil(ExcelDate.civilDate(serial: .nan, date1904: false))
    XCTAssertNil(ExcelDate.civilDate(serial: .infinity, date1904: true))
  }

  func testBuiltInFormats() {
    XCTAssertEqual(NumberFormat.builtin(0), .plain)
    XCTAssertEqual(NumberFormat.builtin(4), .plain)
    XCTAssertEqual(NumberFormat.builtin(14), .dateTime)
    XCTAssertEqual(NumberFormat.builtin(22), .dateTime)
    XCTAssertEqual(NumberFormat.builtin(46), .duration)
    XCTAssertEqual(NumberFormat.builtin(49), .plain)
  }

  func testCustomFormatCodes() {
    XCTAssertEqual(NumberFormat.classify("dd/mm/yyyy"), .dateTime)
    XCTAssertEqual(NumberFormat.classify("[$-421]dd\\ mmmm\\ yyyy"), .dateTime)
    XCTAssertEqual(NumberFormat.classify("h:mm AM/PM"), .dateTime)
    XCTAssertEqual(NumberFormat.classify("[h]:mm:ss"), .duration)
    XCTAssertEqual(NumberFormat.classify("[HH]:MM"), .duration)
    XCTAssertEqual(NumberFormat.classify("[ss].000"), .duration)
    XCTAssertEqual(NumberFormat.classify("General"), .plain)
    XCTAssertEqual(NumberFormat.classify("\"Rp\" #,##0"), .plain)
    XCTAssertEqual(NumberFormat.classify("#,##0.00_);[Red](#,##0.00)"), .plain)
    XCTAssertEqual(NumberFormat.classify("[$-409]0.00"), .plain)
    XCTAssertEqual(NumberFormat.classify("0\\d"), .plain)
    // Only the first section counts.
    XCTAssertEqual(NumberFormat.classify("0;dd/mm/yyyy"), .plain)
  }

  func testCellReferences() {
    func cell(_ s: String) -> (Int, Int)? {
      Array(s.utf8).withUnsafeBufferPointer { CellReference.cell($0) }.map { ($0.row, $0.column) }
    }
    XCTAssertEqual(cell("B12")?.0, 12)
    XCTAssertEqual(cell("B12")?.1, 2)
    XCTAssertEqual(cell("XFD1048576")?.1, 16_384)
    XCTAssertNil(cell("A0"))
    XCTAssertNil(cell("0"))
    XCTAssertNil(cell("XFE1"))
    XCTAssertNil(cell("A1048577"))
    let range = Array("C1:A3".utf8).withUnsafeBufferPointer { CellReference.range($0) }
    XCTAssertEqual(range?.a1, "A1:C3")
  }

  func testEscapedCharacters() {
    XCTAssertEqual(XMLText.decode(Array("ABC_x000D_\nDEF".utf8)), "ABC\r\nDEF")
    XCTAssertEqual(XMLText.decode(Array("a_x005F_x000D_b".utf8)), "a_x000D_b")
    XCTAssertEqual(XMLText.decode(Array("_xD83C__xDF63_".utf8)), "🍣")
    XCTAssertEqual(XMLText.decode(Array("no_xZZZZ_escape".utf8)), "no_xZZZZ_escape")
  }

  func testPartNames() {
    XCTAssertEqual(
      PartName.resolve("worksheets/sheet1.xml", from: "xl/workbook.xml"),
      "xl/worksheets/sheet1.xml")
    XCTAssertEqual(PartName.resolve("/xl/styles.xml", from: "xl/workbook.xml"), "xl/styles.xml")
    XCTAssertEqual(PartName.resolve("../a/b.xml", from: "x/y/z.xml"), "x/a/b.xml")
    XCTAssertEqual(PartName.relationships(of: "xl/workbook.xml"), "xl/_rels/workbook.xml.rels")
  }
}
