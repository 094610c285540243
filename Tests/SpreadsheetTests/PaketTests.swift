import Foundation
import XCTest

@testable import Spreadsheet

/// A zip of workbooks is read member by member under the limits of any zip.
final class PaketTests: XCTestCase {
  static func path(_ name: String) -> String {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .appendingPathComponent("Fixtures/paket/\(name)").path
  }

  func testAMemberThatInflatesPastTheRatioIsRefusedAndTheOthersAreRead() throws {
    let paket = try XCTUnwrap(try Paket.open(ReadableFile(path: Self.path("bom.zip"))))
    XCTAssertEqual(paket.members.map(\.name), ["Bapenda.xlsx", "Bom.xlsx"])
    let sound = try paket.read(paket.members[0], as: "bom.zip/Bapenda.xlsx")
    XCTAssertEqual(sound.path, "bom.zip/Bapenda.xlsx")
    XCTAssertGreaterThan(try XLSXWorkbook(file: sound).sheets.count, 0)
    // 20 MiB of zeros deflate about 1000:1; the limit is 200.
    XCTAssertThrowsError(try paket.read(paket.members[1], as: "bom.zip/Bom.xlsx")) { error in
      XCTAssertEqual(error as? ReadError, .limitExceeded(.compressionRatio, part: "Bom.xlsx"))
    }
    var small = ReadLimits()
    small.maxPartBytes = 1 << 10
    let bounded = try XCTUnwrap(
      try Paket.open(ReadableFile(path: Self.path("bom.zip")), limits: small))
    XCTAssertThrowsError(try bounded.read(bounded.members[0], as: "x")) { error in
      XCTAssertEqual(error as? ReadError, .limitExceeded(.partSize, part: "Bapenda.xlsx"))
    }
  }

  func testNamesThatClimbOutRepeatOrHideAreNotReadAsMembers() throws {
    let paket = try XCTUnwrap(try Paket.open(ReadableFile(path: Self.path("nama.zip"))))
    let kinds = paket.members.map { "\($0.name) \($0.kind)" }
    XCTAssertEqual(
      kinds,
      [
        "../Keluar.xlsx unsafeName", "Bapenda.xlsx file", "Bapenda.xlsx unsafeName",
        "Dalam.zip nestedZip", "a//b.xlsx unsafeName",
      ])
  }

  func testAZipWithoutSpreadsheetsOrAWorkbookIsNoPaket() throws {
    XCTAssertNil(try Paket.open(ReadableFile(path: Self.path("bukan-paket.zip"))))
    let workbook = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .appendingPathComponent("../EndToEndTests/Fixtures/resubmit/identik/Bapenda.xlsx").path
    XCTAssertNil(try Paket.open(ReadableFile(path: workbook)))
  }
}
