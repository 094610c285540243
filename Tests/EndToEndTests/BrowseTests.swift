import Foundation
import XCTest

/// The commands that look rather than run: `codelists` and `inspect`, when
/// what was asked for is not there.
final class BrowseTests: XCTestCase {
  /// A search with no hit says so on stderr and exits 1, as grep does.
  func testACodelistSearchWithNoHitSaysSo() throws {
    let none = try Binary.run(["codelists", "raa", "--search", "keuangan"])
    XCTAssertEqual(none.status, 1, none.stderr)
    XCTAssertEqual(none.stdout, "")
    XCTAssertTrue(
      none.stderr.contains("tidak ada kode atau nama di daftar raa yang memuat \"keuangan\""),
      none.stderr)
    let en = try Binary.run(["codelists", "raa", "--search", "keuangan", "--lang", "en"])
    XCTAssertTrue(en.stderr.contains("no code or name in the list raa contains"), en.stderr)

    let hit = try Binary.run(["codelists", "raa", "--search", "layanan publik"])
    XCTAssertEqual(hit.status, 0, hit.stderr)
    XCTAssertTrue(hit.stdout.contains("RAA.01.01  Aplikasi Umum Layanan Publik"), hit.stdout)
    XCTAssertEqual(hit.stderr, "")
  }

  /// `inspect --sheet` on a sheet the workbook lacks names the ones it has
  /// (as openpyxl lists them), on stderr, with inspect's exit 3.
  func testInspectNamesTheSheetsThatExist() throws {
    let file = Binary.packageRoot.appendingPathComponent("inputs/dinkes.xlsx").path
    let r = try Binary.run(["inspect", file, "--sheet", "Aplikasi Lama"])
    XCTAssertEqual(r.status, 3)
    XCTAssertEqual(r.stdout, "")
    let listed = try Binary.tool([
      "python3", "-c",
      "import sys, openpyxl; print(', '.join('\"%s\"' % n for n in "
        + "openpyxl.load_workbook(sys.argv[1], read_only=True).sheetnames))",
      file,
    ])
    let names = listed.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    XCTAssertTrue(names.contains("\"Aplikasi\""), names)
    XCTAssertTrue(
      r.stderr.contains("Tidak ada lembar bernama \"Aplikasi Lama\". Lembar yang ada: \(names)."),
      r.stderr)
    let en = try Binary.run(["inspect", file, "--sheet", "Nope", "--lang", "en"])
    XCTAssertEqual(en.status, 3)
    XCTAssertTrue(en.stderr.contains("The sheets are: \(names)."), en.stderr)
  }
}
