import XCTest

@testable import Pipeline

/// Link cells whose `ID Nama` pairs carry commas in the name, as the
/// `sia-spbe` export writes them (names as the records have them).
final class LinkCellTests: XCTestCase {
  func testACommaInsideANameDoesNotStartALink() {
    XCTAssertEqual(
      FieldReader.linkIDs("LY-03 Pendaftaran Program Paket A, B dan C\nLY-04 Perizinan"),
      ["LY-03", "LY-04"])
    XCTAssertEqual(
      FieldReader.linkIDs("PB-01 Perda, Perbup, dan Perkades; PB-02"), ["PB-01", "PB-02"])
    // What follows the comma is a link when it starts with an id.
    XCTAssertEqual(FieldReader.linkIDs("PB-01 Perda, PB-02 Bantuan"), ["PB-01", "PB-02"])
    // Ids without names, and ids without digits, still separate by commas.
    XCTAssertEqual(FieldReader.linkIDs("LY-01, LY-02"), ["LY-01", "LY-02"])
    XCTAssertEqual(FieldReader.linkIDs("SIMPEG, SRIKANDI"), ["SIMPEG", "SRIKANDI"])
    XCTAssertEqual(FieldReader.linkIDs("LY-01, Layanan Baru"), ["LY-01", "Layanan Baru"])
  }
}
