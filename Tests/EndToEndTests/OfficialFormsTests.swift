import Foundation
import XCTest

/// The official "Domain Arsitektur" forms and the two-row headers of other
/// writers: every record listed (and reviewed) in FORMS.md is accepted at its
/// row with its OPD, codes and links; every listed finding is found; nothing
/// else reaches the level of a warning.
final class OfficialFormsTests: XCTestCase {
  struct ExpectedRecord {
    let file: String
    let sheet: String
    let row: Int
    let domain: String
    let opd: String
    /// Field → value as written in FORMS.md (`[A, B]` for a list).
    let values: [String: String]
    /// Labels that must be kept in `tambahan`.
    let extra: [String]
  }

  static let folder = Binary.packageRoot.appendingPathComponent(
    "Tests/EndToEndTests/Fixtures/official")

  func expectedRecords() throws -> [ExpectedRecord] {
    let text = try String(
      contentsOf: Self.folder.appendingPathComponent("FORMS.md"), encoding: .utf8)
    return text.split(separator: "\n").compactMap { line -> ExpectedRecord? in
      let cols = line.split(separator: "|", omittingEmptySubsequences: false).map {
        $0.trimmingCharacters(in: .whitespaces)
      }
      guard cols.count >= 9, cols[1] == "rec", let row = Int(cols[4]) else { return nil }
      var values: [String: String] = [:]
      for pair in cols[7].components(separatedBy: "; ") {
        let kv = pair.split(separator: "=", maxSplits: 1).map(String.init)
        if kv.count == 2 { values[kv[0].trimmingCharacters(in: ["`"])] = kv[1] }
      }
      let extra = cols[8].isEmpty ? [] : cols[8].components(separatedBy: "; ")
      return ExpectedRecord(
        file: cols[2], sheet: cols[3], row: row, domain: cols[5], opd: cols[6], values: values,
        extra: extra)
    }
  }

  static func text(_ v: Any?) -> String {
    switch v {
    case let list as [Any]: return "[" + list.map { "\($0)" }.joined(separator: ", ") + "]"
    case let n as NSNumber: return n.stringValue
    case let s as String: return s
    default: return "null"
    }
  }

  func testOfficialFormsAndTwoRowHeadersAreReadWhole() throws {
    let inputs = try Binary.temporaryFolder("official")
    for name in try FileManager.default.contentsOfDirectory(atPath: Self.folder.path)
    where name.hasSuffix(".xlsx") {
      try FileManager.default.copyItem(
        at: Self.folder.appendingPathComponent(name), to: inputs.appendingPathComponent(name))
    }
    let out = try Binary.temporaryFolder("official-out")
    let r = try Binary.run(
      ["run", "--inputs", inputs.path, "--outputs", out.path, "--quiet"],
      environment: ["SOURCE_DATE_EPOCH": "0"])
    XCTAssertEqual(r.status, 0, r.stderr)
    let json = out.appendingPathComponent("arsitektur-spbe.json")
    XCTAssertEqual(try Binary.schemaErrors(json), "")
    let doc = try Binary.loadJSON(json)
    XCTAssertEqual((doc["ditolak"] as? [Any])?.count, 0, "no record is rejected")

    let expected = try expectedRecords()
    XCTAssertEqual(expected.count, 25)
    var accepted = 0
    for domain in ["proses_bisnis", "layanan", "data", "aplikasi", "infrastruktur", "keamanan"] {
      accepted += (doc[domain] as? [Any])?.count ?? 0
    }
    XCTAssertEqual(accepted, expected.count, "every accepted record is one of FORMS.md")
    for e in expected {
      let records = try XCTUnwrap(doc[e.domain] as? [[String: Any]])
      let found = records.first { rec in
        let asal = rec["asal"] as? [String: Any]
        return asal?["berkas"] as? String == e.file && asal?["lembar"] as? String == e.sheet
          && asal?["baris"] as? Int == e.row
      }
      guard let rec = found else {
        XCTFail("not accepted: \(e.file) › \(e.sheet) › \(e.row)")
        continue
      }
      XCTAssertEqual(rec["opd"] as? String, e.opd, "\(e.file) › \(e.sheet) › \(e.row)")
      for (k, v) in e.values {
        XCTAssertEqual(Self.text(rec[k]), v, "\(k) of \(e.file) › \(e.sheet) › \(e.row)")
      }
      let tambahan = rec["tambahan"] as? [String: Any] ?? [:]
      for label in e.extra {
        XCTAssertNotNil(tambahan[label], "\(label) kept, \(e.file) › \(e.sheet) › \(e.row)")
      }
    }

    let findings = try XCTUnwrap(doc["temuan"] as? [[String: Any]])
    let listed = try MistakesTests.expectations(Self.folder.appendingPathComponent("FORMS.md"))
    for e in listed {
      XCTAssertTrue(findings.contains { MistakesTests.matches($0, e) }, "not found: \(e)")
    }
    for f in findings {
      XCTAssertTrue(
        listed.contains { MistakesTests.matches(f, $0) },
        "unexpected: \(f["jenis"] ?? "") \(f["berkas"] ?? "") \(f["lembar"] ?? "") \(f["sel"] ?? "")"
      )
    }
  }
}
