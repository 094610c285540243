import Foundation
import XCTest

@testable import Spreadsheet

/// Expected values below were checked against the corpus oracle
/// (corpus/thirdparty/expected/<file>.json).
final class XLSXReaderTests: XCTestCase {
  func testStrictWorkbookReadsSheetsAndCells() throws {
    let wb = try XLSXFixture.open("calamine__strict_iso_paths.xlsx")
    XCTAssertEqual(wb.sheets.map(\.name), ["ml_out"])
    let sheet = try wb.read("ml_out")
    XCTAssertEqual(sheet["A1"], .text("Item"))
    XCTAssertEqual(sheet["B1"], .text("Thickness"))
  }

  func testStrictVisibilityStates() throws {
    let wb = try XLSXFixture.open("sheetjs__sheet_visibility_strict.xlsx")
    XCTAssertEqual(wb.sheets.map(\.name), ["Visible", "Hidden", "VeryHidden"])
    XCTAssertEqual(wb.sheets.map(\.state), [.visible, .hidden, .veryHidden])
    let hidden = try wb.read("Hidden")
    XCTAssertEqual(hidden["A1"], .text("H"))
    XCTAssertEqual(hidden["A2"], .number(72))
    XCTAssertEqual(hidden["F2"], .number(110))
  }

  func testStrictISODateCell() throws {
    let sheet = try XLSXFixture.open("poi__SimpleStrict.xlsx").read("Sheet Number 2")
    XCTAssertEqual(sheet["A1"], .text("This is sheet 2"))
    XCTAssertEqual(sheet["A4"], .date(date(1990, 1, 1)))
    XCTAssertEqual(sheet["A7"], .number(10))
    XCTAssertEqual(sheet["C7"], .number(3))
  }

  func testDateSystems() throws {
    for (name, is1904) in [("calamine__date.xlsx", false), ("calamine__date_1904.xlsx", true)] {
      let wb = try XLSXFixture.open(name)
      XCTAssertEqual(wb.date1904, is1904, name)
      let sheet = try wb.read("Sheet1")
      XCTAssertEqual(sheet["A1"], .date(date(2021, 1, 1)), name)
      XCTAssertEqual(sheet["A2"], .date(date(2021, 1, 2)), name)
      XCTAssertEqual(sheet["A3"], .duration(seconds: 918_610), name)
      XCTAssertEqual(sheet["B3"], .number(17), name)
    }
  }

  func testISODateTimeAndTimeCells() throws {
    let sheet = try XLSXFixture.open("calamine__date_iso.xlsx").read("Sheet")
    XCTAssertEqual(sheet["A1"], .date(date(2021, 1, 1)))
    XCTAssertEqual(
      sheet["A2"],
      .dateTime(CivilDateTime(date: date(2021, 1, 1), microseconds: 36_610_000_000)))
    XCTAssertEqual(sheet["A3"], .time(seconds: 36_610))
  }

  func testDateTimeFromSerialAndHiddenRowAndUncachedFormula() throws {
    let wb = try XLSXFixture.open("sheetjs__wtf_path.xlsx")
    XCTAssertEqual(wb.sheets.map(\.name), ["SheetJS", "Hidden"])
    XCTAssertEqual(wb.sheets.map(\.state), [.visible, .hidden])
    let sheet = try wb.read("SheetJS")
    XCTAssertEqual(
      sheet["C3"],
      .dateTime(CivilDateTime(date: date(2014, 2, 19), microseconds: 37_800_000_000)))
    XCTAssertEqual(sheet["C1"], .number(3))
    XCTAssertEqual(sheet["D1"], .uncachedFormula("SUM(A1:C1*A1:C1)"))
    XCTAssertEqual(sheet["A2"], .boolean(true))
    XCTAssertEqual(sheet["B2"], .boolean(false))
    XCTAssertEqual(sheet.rows[5]?.hidden, true)
    XCTAssertEqual(sheet["A5"], .text("hidden"))
    XCTAssertEqual(sheet.rows[6]?.hidden, false)
    XCTAssertEqual(sheet.merged.map(\.a1), ["A6:C6"])
  }

  func testPhoneticRunsAreIgnored() throws {
    let sheet = try XLSXFixture.open("calamine__rph.xlsx").read("Sheet1")
    XCTAssertEqual(sheet["A1"], .text("課きく\u{3000}毛こ"))
  }

  func testRichTextInlineStringsPrefixedNamespaceAndMerges() throws {
    let wb = try XLSXFixture.open("calamine__richtext-namespaced.xlsx")
    let sheet = try wb.read("Sheet1")
    XCTAssertEqual(sheet["A1"], .text("inline string\nLine 2\nLine 3"))
    XCTAssertEqual(sheet["H1"], .text("shared string\nLine 2\nLine 3"))
    XCTAssertEqual(sheet["B1"], .empty)
    XCTAssertEqual(sheet.rows.keys.sorted(), [1])
    XCTAssertEqual(Set(sheet.merged.map(\.a1)), ["A1:G3", "H1:M3"])
  }

  func testInlineStringsWithCDATA() throws {
    let sheet = try XLSXFixture.open("calamine__inlineStr_cdata.xlsx").read("Sheet1")
    XCTAssertEqual(sheet["A1"], .text("Hello CDATA"))
    XCTAssertEqual(sheet["B1"], .text("World"))
    XCTAssertEqual(sheet["A2"], .text("12345"))
    XCTAssertEqual(sheet["B2"], .text("NormalText"))
  }

  func testEscapesAndEntities() throws {
    let crlf = try XLSXFixture.open("calamine__has_x000D_.xlsx").read("Sheet1")
    XCTAssertEqual(crlf["A1"], .text("ABC\r\nDEF"))
    let amp = try XLSXFixture.open("calamine__encoded_entities.xlsx").read("Sheet1")
    XCTAssertEqual(amp["A1"], .text("&"))
  }

  func testCellsWithoutReferences() throws {
    let sheet = try XLSXFixture.open("xlsx2csv__no_cell_ids.xlsx").read("Sheet1")
    XCTAssertNil(sheet.rows[1])
    XCTAssertEqual(sheet.rows[2]?.cells.count, 13)
    XCTAssertEqual(sheet["A2"], .text("Date"))
    XCTAssertEqual(sheet["M2"], .text("Revenue"))
    XCTAssertEqual(sheet["A3"], .text("At the moment no data for report"))
    XCTAssertEqual(sheet.merged.map(\.a1), ["A3:G3"])
  }

  func testRowsWithoutNumbers() throws {
    let sheet = try XLSXFixture.open("poi__59746_NoRowNums.xlsx").read("Features")
    XCTAssertEqual(sheet.rows.keys.max(), 71)
    XCTAssertEqual(sheet["A1"], .text("Checked"))
    XCTAssertEqual(sheet["A2"], .boolean(true))
    XCTAssertEqual(sheet["B2"], .text("[M+Na]+1"))
    XCTAssertEqual(sheet["D2"], .number(644.24222))
    XCTAssertEqual(sheet["B3"], .text("Checked"))
  }

  func testBackslashEntryNames() throws {
    let wb = try XLSXFixture.open("phpss__Zip-Windows-Directory-Separator.xlsx")
    let sheet = try wb.read("Sheet")
    XCTAssertEqual(sheet["A1"], .text("Key ID"))
    XCTAssertEqual(sheet["A2"], .text("184323"))
  }

  func testLeadingSlashPartNames() throws {
    let wb = try XLSXFixture.open("roo__name_with_leading_slash.xlsx")
    XCTAssertEqual(wb.sheets.map(\.name), ["Лист1"])
    let sheet = try wb.read("Лист1")
    XCTAssertEqual(sheet["A1"], .text("Заголовок"))
    XCTAssertEqual(sheet["B2"], .number(847_136_310))
  }

  func testUTF16Parts() throws {
    let sheet = try XLSXFixture.open("phpss__utf16be.xlsx").read("Sheet1")
    XCTAssertEqual(sheet["A1"], .number(1))
  }

  func testMergedRanges() throws {
    let sheet = try XLSXFixture.open("sheetjs__merge_cells.xlsx").read("Merge")
    XCTAssertEqual(
      Set(sheet.merged.map(\.a1)), ["A1:B2", "C1:C2", "A3:B3", "D1:D2", "A4:B4"])
    XCTAssertEqual(sheet["A1"], .text("A1:B2"))
    XCTAssertEqual(sheet["D1"], .text("Separate blocks"))
  }

  func testSheetStatesAndChartsheets() throws {
    let wb = try XLSXFixture.open("calamine__any_sheets.xlsx")
    XCTAssertEqual(
      wb.sheets,
      [
        SheetInfo(name: "Visible", state: .visible, kind: .worksheet),
        SheetInfo(name: "Hidden", state: .hidden, kind: .worksheet),
        SheetInfo(name: "VeryHidden", state: .veryHidden, kind: .worksheet),
        SheetInfo(name: "Chart", state: .visible, kind: .chartsheet),
      ])
    XCTAssertEqual(try wb.read("Chart").rows.count, 0)
    let visible = try wb.read("Visible")
    XCTAssertEqual(visible["B3"], .number(6))

    let charts = try XLSXFixture.open("openpyxl__contains_chartsheets.xlsx")
    XCTAssertEqual(charts.sheets.map(\.kind), [.worksheet, .chartsheet, .worksheet])
    XCTAssertEqual(try charts.read("moredata")["A2"], .text("january"))
  }

  func testMacroAndDialogSheetsAreOther() throws {
    let wb = try XLSXFixture.open("sheetjs__BlankSheetTypes.xlsm")
    XCTAssertEqual(wb.sheets.map(\.name), ["Sheet1", "Chart1", "Macro1", "Dialog1"])
    XCTAssertEqual(wb.sheets.map(\.kind), [.worksheet, .chartsheet, .other, .other])
  }

  func testErrorCells() throws {
    let sheet = try XLSXFixture.open("calamine__errors.xlsx").read("Feuil1")
    let expected = ["#DIV/0!", "#NAME?", "#VALUE!", "#NULL!", "#REF!", "#NUM!", "#N/A"]
    for (i, e) in expected.enumerated() {
      XCTAssertEqual(sheet["A\(i + 1)"], .error(e))
    }
  }

  func testFormulasGiveTheirCachedValues() throws {
    let sheet = try XLSXFixture.open("openpyxl__formulae.xlsx").read("Sheet1")
    XCTAssertEqual(sheet["A1"], .empty)
    XCTAssertEqual(sheet["B1"], .text("Nothing"))
    XCTAssertEqual(sheet["A3"], .number(12345))
    XCTAssertEqual(sheet["A4"], .number(24690))
  }

  func testNonstandardNamespacePrefix() throws {
    let sheet = try XLSXFixture.open("calamine__nonstandard-xml-ns-prefix.xlsx").read("Sheet1")
    XCTAssertEqual(sheet["A1"], .text("a"))
    XCTAssertEqual(sheet["B3"], .number(4))
  }

  func testElapsedFormatsAreNumbersWhenTheFormatIsText() throws {
    // The formats of this file are written as text in column B; the values in
    // column C carry a general format, so they stay numbers.
    let sheet = try XLSXFixture.open("poi__ElapsedFormatTests.xlsx").read("Tests")
    XCTAssertEqual(sheet["B2"], .text("[h]:m:s.000"))
    XCTAssertEqual(sheet["C2"], .number(3.14159))
  }

  func testRowCallbackErrorsPropagate() throws {
    struct Stop: Error {}
    let wb = try XLSXFixture.open("calamine__date.xlsx")
    var seen = 0
    XCTAssertThrowsError(
      try wb.readSheet(0) { _ in
        seen += 1
        throw Stop()
      }
    ) { XCTAssertTrue($0 is Stop) }
    XCTAssertEqual(seen, 1)
  }

  func testSpreadsheetReaderOpensXLSX() throws {
    let source = try SpreadsheetReader.open(path: XLSXFixture.path("calamine__date.xlsx"))
    XCTAssertEqual(source.format, .xlsx)
    XCTAssertEqual(source.sheets.map(\.name), ["Sheet1"])
  }
}
