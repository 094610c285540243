import Foundation
import XCTest

/// `laporan.html` says the same in both languages: counts are written the way
/// each language groups digits, and no part of a text is left out in one.
final class PageLanguageTests: XCTestCase {
  func testBothLanguagesSayTheSameCounts() throws {
    let inputs = try Binary.temporaryFolder("bahasa-in")
    defer { try? FileManager.default.removeItem(at: inputs) }
    // 1,200 numbered rows with nothing else are blank rows of the table.
    let header = "No,ID Aplikasi,Nama Aplikasi,Perangkat Daerah,Kode RAA,Basis Aplikasi,Status"
    let rows =
      [header, "1,APL-01,SIMPUS,Dinkes,RAA.01.02,Web,Aktif"] + (2...1201).map { "\($0),,,,,," }
      + ["1202,APL-02,SIMPEG,Dinkes,RAA.01.02,Web,Aktif"]
    try Data((rows.joined(separator: "\n") + "\n").utf8).write(
      to: inputs.appendingPathComponent("Aplikasi.csv"))
    var pages: [String: String] = [:]
    for lang in ["id", "en"] {
      let out = try Binary.temporaryFolder("bahasa-\(lang)")
      defer { try? FileManager.default.removeItem(at: out) }
      let r = try Binary.run(
        ["run", "--inputs", inputs.path, "--outputs", out.path, "--quiet", "--lang", lang])
      XCTAssertEqual(r.status, 0, r.stderr)
      pages[lang] = try String(
        contentsOf: out.appendingPathComponent("laporan.html"), encoding: .utf8)
    }
    XCTAssertTrue(pages["id"]!.contains("1.200 baris kosong"))
    XCTAssertTrue(pages["en"]!.contains("1,200 blank rows"), "English writes 1200 ungrouped")
    // The chart of accepted and rejected rows is per domain in both.
    XCTAssertTrue(pages["id"]!.contains("Baris diterima dan ditolak per domain"))
    XCTAssertTrue(pages["en"]!.contains("Accepted and rejected rows per domain"))
  }
}
