import Foundation
import XCTest

/// A cell whose text reads as an OOXML escape (`_x0041_`) comes out of
/// `konsolidasi.xlsx` as it went in, read by the project's reader and by
/// LibreOffice (openpyxl does not decode escapes in inline strings at all).
final class EscapeLookalikeTests: XCTestCase {
  func testLookalikeTextSurvivesTheConsolidatedWorkbook() throws {
    let inputs = try Binary.temporaryFolder("lookalike-in")
    let csv = """
      ID Aplikasi,Nama Aplikasi,Kode RAA,Basis Aplikasi,Status,Catatan
      APL-1,_x0041_,RAA.01.02,Web,Aktif,
      APL-2,Aplikasi_x005F_x0042_,RAA.01.02,Web,Aktif,

      """
    try Data(csv.utf8).write(to: inputs.appendingPathComponent("Diskominfosatik - Aplikasi.csv"))
    let out = try Binary.temporaryFolder("lookalike-out")
    let r = try Binary.run(
      ["run", "--inputs", inputs.path, "--outputs", out.path, "--quiet", "--fail-on", "tidak"],
      environment: ["SOURCE_DATE_EPOCH": "1767225600"])
    XCTAssertEqual(r.status, 0, r.stderr)
    let book = out.appendingPathComponent("konsolidasi.xlsx")
    let names = ["_x0041_", "Aplikasi_x005F_x0042_"]

    let inspect = try Binary.run(["inspect", book.path, "--sheet", "Aplikasi"])
    XCTAssertEqual(inspect.status, 0, inspect.stderr)
    for name in names { XCTAssertTrue(inspect.stdout.contains("\"\(name)\""), inspect.stdout) }

    let csvDir = try Binary.temporaryFolder("lookalike-csv")
    try Tools.soffice(
      [
        "--convert-to",
        "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1",
        "--outdir", csvDir.path, book.path,
      ])
    let sheet = csvDir.appendingPathComponent("konsolidasi-Aplikasi.csv")
    let cells = Tools.csvRecords(String(decoding: try Data(contentsOf: sheet), as: UTF8.self))
      .flatMap { $0 }
    for name in names { XCTAssertTrue(cells.contains(name), "\(name) in \(cells)") }
  }
}
