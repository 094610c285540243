import XCTest

@testable import Spreadsheet

/// Inputs `scripts/fuzz` found to crash the reader, kept so they never do again.
final class FuzzRegressionTests: XCTestCase {
  /// `t="d"` values whose parts overflow: the seconds of the first one (found by
  /// the worksheet target) trapped converting to Int64. Out-of-range values stay text.
  func testISODateValuesThatOverflowStayText() {
    for value in [
      "2009-05-12T11:01:02800000024400651375", "12:00:1e300", "12:00:nan", "12:00:-1",
      "99999999999999999999:00", "9223372036854775807:00", "12:99", "2009-05-12T25:00",
      "99999999999-01-01",
    ] {
      XCTAssertNil(ISODate.cell(Array(value.utf8)), value)
    }
    XCTAssertEqual(
      ISODate.cell(Array("2009-05-12T11:01:02.5".utf8)),
      .dateTime(
        CivilDateTime(date: CivilDate(year: 2009, month: 5, day: 12), microseconds: 39_662_500_000))
    )
    XCTAssertEqual(ISODate.cell(Array("24:00".utf8)), .time(seconds: 86_400))
  }
}
