import Foundation
import XCTest

@testable import Spreadsheet

/// Files an XLSX reader must refuse with a specific, typed error.
final class XLSXRejectionTests: XCTestCase {
  private func open(_ name: String, limits: ReadLimits = ReadLimits()) throws {
    let source = try SpreadsheetReader.open(
      path: XLSXFixture.path(name, bad: true), limits: limits)
    for i in source.sheets.indices { _ = try source.readSheet(i) { _ in } }
  }

  private func assertLimit(
    _ kind: LimitKind, _ body: () throws -> Void, file: StaticString = #filePath,
    line: UInt = #line
  ) {
    XCTAssertThrowsError(try body(), file: file, line: line) { error in
      guard case .limitExceeded(let k, _)? = error as? ReadError else {
        return XCTFail("expected a limit error, got \(error)", file: file, line: line)
      }
      XCTAssertEqual(k, kind, file: file, line: line)
    }
  }

  func testEntityExpansionBombsAreRefused() {
    assertLimit(.entityExpansion) { try open("poi__54764.xlsx") }
    assertLimit(.entityExpansion) { try open("poi__poc-xmlbomb.xlsx") }
  }

  func testEncryptedWorkbooks() {
    assertReadError(.encrypted) { try open("calamine__pass_protected.xlsx") }
  }

  func testCorruptArchives() {
    for name in [
      "poi__truncated_zip_no_eocd.xlsx", "poi__fuzz_bad_crc.xlsx", "calamine__issue252.xlsx",
    ] {
      XCTAssertThrowsError(try open(name), name) { error in
        guard case .corruptArchive? = error as? ReadError else {
          return XCTFail("\(name): \(error)")
        }
      }
    }
  }

  func testForeignFormats() {
    assertReadError(.unsupportedFormat(.xls)) { try open("calamine__date.xls") }
    assertReadError(.unsupportedFormat(.xls)) { try open("roo__type_excel.xlsx") }
    assertReadError(.unsupportedFormat(.xlsb)) { try open("calamine__date.xlsb") }
    assertReadError(.unsupportedFormat(.ods)) { try open("calamine__date.ods") }
    assertReadError(.unsupportedFormat(.ods)) { try open("roo__type_openoffice.xlsx") }
    assertReadError(.unsupportedFormat(.numbers)) { try open("sheetjs__minimal_112.numbers") }
  }

  func testMissingWorkbookRelationships() {
    assertReadError(.missingPart("xl/_rels/workbook.xml.rels")) {
      try open("tealeg__badfile_noWorkbookRels.xlsx")
    }
  }

  func testInvalidCellReference() {
    assertReadError(.invalidCellReference(part: "xl/worksheets/sheet.xml", reference: "0")) {
      try open("edr__Fillreport.xlsx")
    }
  }

  func testDirectoryIsAnIOError() {
    let dir = XLSXFixture.folder.path
    assertReadError(.io(path: dir, errno: EISDIR)) { _ = try SpreadsheetReader.open(path: dir) }
  }

  func testEmptyFile() {
    assertReadError(.notASpreadsheet) { try open("openpyxl__null_file.xlsx") }
  }

  func testMalformedRelationships() {
    XCTAssertThrowsError(try open("poi__xlsx-corrupted.xlsx")) { error in
      guard case .malformedXML(let part, _, _)? = error as? ReadError else {
        return XCTFail("\(error)")
      }
      XCTAssertEqual(part, "_rels/.rels")
    }
  }

  /// Found by scripts/fuzz: a ZIP64 compressed size beyond Int64 trapped when
  /// converted; now the file is refused with a typed error.
  func testFuzzZIP64SizeBeyondInt64() {
    XCTAssertThrowsError(try open("fuzz__zip64-compressed-size-over-int64.xlsx")) { error in
      XCTAssertNotNil(error as? ReadError, "\(error)")
    }
  }

  // MARK: Limits on a sound file

  func testPartSizeLimit() {
    var limits = ReadLimits()
    limits.maxPartBytes = 100
    assertLimit(.partSize) { _ = try XLSXFixture.open("calamine__date.xlsx", limits: limits) }
  }

  func testXMLDepthLimit() {
    var limits = ReadLimits()
    limits.maxXMLDepth = 2
    assertLimit(.xmlDepth) { _ = try XLSXFixture.open("calamine__date.xlsx", limits: limits) }
  }

  func testSharedStringCountLimit() {
    var limits = ReadLimits()
    limits.maxSharedStrings = 0
    assertLimit(.sharedStrings) { _ = try XLSXFixture.open("calamine__rph.xlsx", limits: limits) }
  }

  func testCompressionRatioLimit() throws {
    // Its sheet inflates from 141,629 to 1,575,101 bytes: a ratio of 11.
    var limits = ReadLimits()
    limits.maxCompressionRatio = 5
    let wb = try XLSXFixture.open("calamine__issue_174.xlsx", limits: limits)
    assertLimit(.compressionRatio) { _ = try wb.readSheet(0) { _ in } }
    limits.maxCompressionRatio = 20
    let sound = try XLSXFixture.open("calamine__issue_174.xlsx", limits: limits)
    XCTAssertNoThrow(try sound.readSheet(0) { _ in })
  }
}
