import Foundation
import Pipeline
import Standard
import XCTest

@testable import Emit

final class InstansiDocumentTests: XCTestCase {
  let domains = ["proses_bisnis", "layanan", "data", "aplikasi", "infrastruktur", "keamanan"]
  var folder: URL!

  override func setUpWithError() throws {
    folder = FileManager.default.temporaryDirectory.appendingPathComponent("instansi-\(UUID())")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
  }

  override func tearDownWithError() throws {
    try? FileManager.default.removeItem(at: folder)
  }

  private func file(_ name: String, _ text: String) throws -> String {
    let url = folder.appendingPathComponent(name)
    try Data(text.utf8).write(to: url)
    return url.path
  }

  private func document(
    region: String = "36.04", createdAt: String = "2026-01-01T00:00:00Z", records: String = ""
  ) -> String {
    let arrays = domains.map { "\"\($0)\": [\($0 == "data" ? records : "")]" }
    return """
      {"format": "spbe-arsitektur/1", "instansi": {"nama": "X", "kode_wilayah": "\(region)"},
       "dibuat_pada": "\(createdAt)", \(arrays.joined(separator: ", ")),
       "ringkasan": {"diterima": 1, "ditolak": 0}}
      """
  }

  func testReadsWhatTheRollupNeedsWhateverTheOrderOfMembers() throws {
    // `ringkasan` and the records before `format` and `instansi`.
    let text =
      #"{"ringkasan": {"diterima": 2}, "data": [{"id": "D-1", "n": 1.50}, {}], "proses_bisnis": [], "layanan": [], "aplikasi": [], "infrastruktur": [], "keamanan": [], "format": "spbe-arsitektur/1", "instansi": {"kode_wilayah": "36.72", "nama": "Kota"}}"#
    let doc = try InstansiDocument.read(path: try file("a.json", text), domains: domains)
    XCTAssertEqual(doc.regionCode, "36.72")
    XCTAssertEqual(doc.summaryCount("diterima"), 2)
    XCTAssertEqual(
      doc.records["data"]?.map { String(decoding: $0, as: UTF8.self) },
      [#"{"id":"D-1","n":1.50}"#, "{}"])
  }

  func testHostileAndBrokenDocumentsNameTheFileAndTheByte() throws {
    let deep = try file(
      "deep.json", document(records: String(repeating: "[", count: 100_000)))
    XCTAssertThrowsError(try InstansiDocument.read(path: deep, domains: domains)) { e in
      guard case .malformed(let p, let j)? = e as? RollupError else { return XCTFail("\(e)") }
      XCTAssertEqual(p, deep)
      XCTAssertEqual(j.reason, .wrongType(expected: .object))
    }
    let nested = try file(
      "nested.json", document(records: "{\"a\":" + String(repeating: "[", count: 100_000)))
    XCTAssertThrowsError(try InstansiDocument.read(path: nested, domains: domains)) { e in
      guard case .malformed(_, let j)? = e as? RollupError else { return XCTFail("\(e)") }
      XCTAssertEqual(j.reason, .tooDeep(limit: JSONPullReader.defaultMaxDepth))
    }
    let text = document(records: #"{"id": "D-1"}"#)
    let cut = try file("cut.json", String(text.prefix(150)))
    XCTAssertThrowsError(try InstansiDocument.read(path: cut, domains: domains)) { e in
      XCTAssertEqual(
        e as? RollupError, .malformed(path: cut, JSONReadError(.unexpectedEnd, offset: 150)))
    }
    let noFormat = try file("other.json", #"{"instansi": {"kode_wilayah": "36.04"}}"#)
    XCTAssertThrowsError(try InstansiDocument.read(path: noFormat, domains: domains)) { e in
      XCTAssertEqual(e as? RollupError, .missingMember(path: noFormat, member: "format"))
    }
    XCTAssertThrowsError(try InstansiDocument.read(path: folder.path, domains: domains)) { e in
      XCTAssertEqual(e as? RollupError, .unreadable(path: folder.path, code: EISDIR))
    }
  }

  func testTheLaterDocumentWinsInWhateverOrderTheyCome() throws {
    let standard = try Standard.load()
    let early = try InstansiDocument.read(
      path: try file("a.json", document(createdAt: "2026-01-02T00:00:00Z")), domains: domains)
    // Later, though its text sorts first: the times are compared, not the texts.
    let late = try InstansiDocument.read(
      path: try file("b.json", document(createdAt: "2026-01-01T23:00:00-02:00")), domains: domains)
    for order in [[early, late], [late, early]] {
      var rollup = NationalRollup(standard: standard)
      for d in order { rollup.add(d) }
      XCTAssertEqual(rollup.documents.map(\.fileName), ["b.json"])
      XCTAssertEqual(rollup.replaced.map { ($0.path as NSString).lastPathComponent }, ["a.json"])
    }
  }
}
