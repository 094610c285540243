import Foundation
import XCTest

@testable import Spreadsheet

final class CSVReaderTests: XCTestCase {
  private var scratch: URL!

  override func setUpWithError() throws {
    scratch = FileManager.default.temporaryDirectory
      .appendingPathComponent("csv-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
  }

  override func tearDownWithError() throws {
    try? FileManager.default.removeItem(at: scratch)
  }

  private func write(_ bytes: [UInt8], _ name: String = "data.csv") throws -> String {
    let url = scratch.appendingPathComponent(name)
    try Data(bytes).write(to: url)
    return url.path
  }

  private func read(_ text: String, _ name: String = "data.csv") throws -> CSVDocument {
    try CSVDocument(path: write(Array(text.utf8), name))
  }

  // MARK: Fixtures (copies of corpus files) against the recorded oracle

  func testFixturesMatchRecordedOracle() throws {
    let dir = try XCTUnwrap(Bundle.module.url(forResource: "Fixtures/csv", withExtension: nil))
    let data = try Data(contentsOf: dir.appendingPathComponent("expected.json"))
    let expected = try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any])
    XCTAssertGreaterThanOrEqual(expected.count, 12)
    for (name, value) in expected {
      let entry = try XCTUnwrap(value as? [String: Any])
      let doc = try CSVDocument(path: dir.appendingPathComponent(name).path)
      XCTAssertEqual(doc.records, entry["rows"] as? [[String]], name)
      XCTAssertEqual(doc.encoding, entry["encoding"] as? String, name)
      XCTAssertEqual(String(doc.delimiter), entry["delimiter"] as? String, name)
    }
  }

  func testFixtureSpotChecks() throws {
    let dir = try XCTUnwrap(Bundle.module.url(forResource: "Fixtures/csv", withExtension: nil))
    func doc(_ name: String) throws -> CSVDocument {
      try CSVDocument(path: dir.appendingPathComponent(name).path)
    }
    let utf16 = try doc("csvkit__test_utf16_little.csv")
    XCTAssertEqual(utf16.encoding, "utf-16-le")
    XCTAssertEqual(utf16.records.first, ["a", "b", "c"])
    XCTAssertEqual(try doc("edr__utf16be_bom.csv").encoding, "utf-16-be")
    let win = try doc("phpss__premiere.win1252.csv")
    XCTAssertEqual(win.encoding, "cp1252")
    XCTAssertEqual(win.records[0][0], "premi\u{E8}re")
    let mac = try doc("csvkit__mac_newlines.csv")
    XCTAssertEqual(mac.records[2], ["Once upon\ra time", "5", "6"])
    let provinces = try doc("laravolt__provinces.csv")
    XCTAssertEqual(provinces.sheets.map(\.name), ["laravolt__provinces"])
    XCTAssertTrue(provinces.records.contains { $0.contains("BANTEN") })
    XCTAssertEqual(try doc("frictionless__table.tsv").delimiter, "\t")
    XCTAssertEqual(try doc("csvkit__null_byte.csv").records[1], ["\u{0}", "2", "3"])
  }

  // MARK: Decoding

  func testUTF8BOMIsStripped() throws {
    let doc = try CSVDocument(path: write([0xEF, 0xBB, 0xBF] + Array("a,b\n1,2\n".utf8)))
    XCTAssertEqual(doc.encoding, "utf-8")
    XCTAssertEqual(doc.records, [["a", "b"], ["1", "2"]])
  }

  func testUTF16WithSurrogatePairs() throws {
    let text = "nama;emoji\r\nSerang;\u{1F363}\r\n"
    let le: [UInt8] = [0xFF, 0xFE] + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
    let be: [UInt8] = [0xFE, 0xFF] + text.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
    for (bytes, encoding) in [(le, "utf-16-le"), (be, "utf-16-be")] {
      let doc = try CSVDocument(path: write(bytes))
      XCTAssertEqual(doc.encoding, encoding)
      XCTAssertEqual(doc.delimiter, ";")
      XCTAssertEqual(doc.records, [["nama", "emoji"], ["Serang", "\u{1F363}"]])
    }
  }

  func testInvalidUTF8FallsBackToWindows1252() throws {
    // 0x80 is the euro sign, 0x93/0x94 curly quotes, 0xE9 é.
    let bytes: [UInt8] = Array("a;b\n".utf8) + [0x80, 0x3B, 0x93, 0x43, 0x61, 0x66, 0xE9, 0x94]
    let doc = try CSVDocument(path: write(bytes))
    XCTAssertEqual(doc.encoding, "cp1252")
    XCTAssertEqual(doc.records[1], ["\u{20AC}", "\u{201C}Caf\u{E9}\u{201D}"])
  }

  func testFileNameMayDeclareLatin1() throws {
    let bytes: [UInt8] = Array("a,b\n".utf8) + [0x80, 0x2C, 0xA9]
    let doc = try CSVDocument(path: write(bytes, "export-latin1.csv"))
    XCTAssertEqual(doc.encoding, "iso-8859-1")
    XCTAssertEqual(doc.records[1], ["\u{80}", "\u{A9}"])
  }

  func testOverlongUTF8IsNotValid() {
    XCTAssertFalse(CSVDecoding.isValidUTF8([0xC0, 0xAF]))
    XCTAssertFalse(CSVDecoding.isValidUTF8([0xED, 0xA0, 0x80]))
    XCTAssertFalse(CSVDecoding.isValidUTF8(Array("abcdefgh".utf8) + [0xE2, 0x82]))
    XCTAssertTrue(CSVDecoding.isValidUTF8(Array("Rp 1.500 \u{20AC} \u{1F363} abcdefghij".utf8)))
  }

  // MARK: Dialect

  func testSemicolonWithDecimalCommas() throws {
    let doc = try read("No;Nama;Anggaran\n1;SIMPEG;1.500.000,50\n2;e-Kinerja;12,5\n")
    XCTAssertEqual(doc.delimiter, ";")
    XCTAssertEqual(doc.records[1], ["1", "SIMPEG", "1.500.000,50"])
  }

  func testTabAndPipe() throws {
    XCTAssertEqual(try read("a\tb\tc\n1\t2\t3\n").delimiter, "\t")
    XCTAssertEqual(try read("a|b|c\n1|2|3\n").delimiter, "|")
  }

  func testDelimitersInsideQuotesDoNotCount() throws {
    let doc = try read("\"a;b;c\",d\n\"e;f;g\",h\n")
    XCTAssertEqual(doc.delimiter, ",")
    XCTAssertEqual(doc.records, [["a;b;c", "d"], ["e;f;g", "h"]])
  }

  func testTitleLinesAboveTheTableDoNotMisleadTheSniffer() throws {
    let doc = try read("Inventaris Aplikasi, Dinas Kesehatan\n\nNo;Nama;Url\n1;A;a.id\n2;B;b.id\n")
    XCTAssertEqual(doc.delimiter, ";")
    XCTAssertEqual(doc.records[0], ["Inventaris Aplikasi, Dinas Kesehatan"])
    XCTAssertEqual(doc.records[1], [])
  }

  func testSepDirectiveDecidesAndStaysARecord() throws {
    let doc = try read("sep=|\r\na,b|c\r\n")
    XCTAssertEqual(doc.delimiter, "|")
    XCTAssertEqual(doc.records, [["sep=", ""], ["a,b", "c"]])
  }

  func testSingleColumnDefaultsToComma() throws {
    XCTAssertEqual(try read("nama\nSerang\n").delimiter, ",")
    XCTAssertEqual(try read("nama\nSerang\n", "x.tsv").delimiter, "\t")
  }

  // MARK: RFC 4180 splitting

  func testQuotingRules() throws {
    let doc = try read("a,\"b \"\"x\"\" c\",\"d\ne\"\n\"q\"tail,x\"y\",\"\"\n")
    XCTAssertEqual(doc.records, [["a", "b \"x\" c", "d\ne"], ["qtail", "x\"y\"", ""]])
  }

  func testLineEndings() throws {
    XCTAssertEqual(try read("a,b\r\nc,d\r\n").records, [["a", "b"], ["c", "d"]])
    XCTAssertEqual(try read("a,b\rc,d\r").records, [["a", "b"], ["c", "d"]])
    XCTAssertEqual(try read("a,b\nc,d").records, [["a", "b"], ["c", "d"]])
    XCTAssertEqual(try read("a,\"1\r\n2\"\r\n").records, [["a", "1\r\n2"]])
  }

  func testEmptyLinesRaggedRowsAndTrailingDelimiters() throws {
    let doc = try read("a,b,c\n\n1\n2,3,4,5\n6,,\n")
    XCTAssertEqual(
      doc.records, [["a", "b", "c"], [], ["1"], ["2", "3", "4", "5"], ["6", "", ""]])
  }

  func testUnterminatedQuoteRunsToTheEnd() throws {
    XCTAssertEqual(try read("a,\"b\nc").records, [["a", "b\nc"]])
  }

  func testNoEscapeCharacter() throws {
    XCTAssertEqual(try read("a\\,b\n").records, [["a\\", "b"]])
  }

  func testEmptyFile() throws {
    let doc = try read("")
    XCTAssertEqual(doc.records, [])
    XCTAssertEqual(doc.recordCount, 0)
  }

  // MARK: Rows for the pipeline

  func testReadSheetNumbersRecordsAndDropsEmpties() throws {
    let doc = try read("Judul\n\nNo,\"Nama\nAplikasi\",Catatan\n1,SIMPEG,\n,,\n2,,x\n")
    var rows: [Row] = []
    _ = try doc.readSheet(0) { rows.append($0) }
    XCTAssertEqual(rows.map(\.number), [1, 3, 4, 6])
    XCTAssertEqual(rows[1].cells[1], .text("Nama\nAplikasi"))
    XCTAssertEqual(rows[2].cells, [.text("1"), .text("SIMPEG")])
    XCTAssertEqual(rows[3].cells, [.text("2"), .empty, .text("x")])
    XCTAssertThrowsError(try doc.readSheet(1) { _ in })
  }

  // MARK: Limits and hostile input

  func testFieldLimit() throws {
    var limits = ReadLimits()
    limits.maxCSVFieldBytes = 10
    let path = try write(Array("a,b\n1,\"0123456789ABC\"\n".utf8))
    XCTAssertThrowsError(try CSVDocument(path: path, limits: limits)) { error in
      XCTAssertEqual(error as? ReadError, .limitExceeded(.csvField, part: "B2"))
    }
    let endless = try write([UInt8](repeating: 0x61, count: 100), "endless.csv")
    XCTAssertThrowsError(try CSVDocument(path: endless, limits: limits)) { error in
      XCTAssertEqual(error as? ReadError, .limitExceeded(.csvField, part: "A1"))
    }
    limits.maxCSVFieldBytes = 13
    XCTAssertEqual(try CSVDocument(path: path, limits: limits).records[1][1], "0123456789ABC")
  }

  func testSizeLimit() throws {
    var limits = ReadLimits()
    limits.maxCSVBytes = 8
    let path = try write(Array("a,b\n1,2\n3,4\n".utf8))
    XCTAssertThrowsError(try CSVDocument(path: path, limits: limits)) { error in
      XCTAssertEqual(error as? ReadError, .limitExceeded(.csvSize, part: "data.csv"))
    }
  }

  func testMissingFileIsAnIOError() {
    XCTAssertThrowsError(try CSVDocument(path: scratch.appendingPathComponent("no.csv").path)) {
      guard case .io = $0 as? ReadError else { return XCTFail("\($0)") }
    }
  }

  func testBinaryFileIsNotASpreadsheet() throws {
    var bytes: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
    for i in 0..<4096 { bytes.append(UInt8(truncatingIfNeeded: i &* 2_654_435_761 >> 7)) }
    XCTAssertThrowsError(try CSVDocument(path: write(bytes, "image.csv"))) {
      XCTAssertEqual($0 as? ReadError, .notASpreadsheet)
    }
  }

  func testLargeFileIsReadQuickly() throws {
    var text = "No;Nama;Anggaran;Catatan\r\n"
    for i in 1...100_000 {
      text += "\(i);Aplikasi \(i);\"1.500.000,00\";\"baris \"\"\(i)\"\"\"\r\n"
    }
    let doc = try read(text)
    XCTAssertEqual(doc.recordCount, 100_001)
    XCTAssertEqual(
      doc.record(100_000), ["100000", "Aplikasi 100000", "1.500.000,00", "baris \"100000\""])
  }
}
