import Foundation
import XCTest

/// The folder of deliberate mistakes: every mistake listed (and reviewed) in
/// its MISTAKES.md is found at its cell, and nothing else is an error or warning.
final class MistakesTests: XCTestCase {
  struct Expected {
    let file: String
    let sheet: String
    let place: String
    let type: String
  }

  static func expectations(_ md: URL) throws -> [Expected] {
    let text = try String(contentsOf: md, encoding: .utf8)
    return text.split(separator: "\n").compactMap { line -> Expected? in
      let cols = line.split(separator: "|", omittingEmptySubsequences: false).map {
        $0.trimmingCharacters(in: .whitespaces)
      }
      guard cols.count >= 6,
        cols[4].range(of: #"^`[a-z-]+`$"#, options: .regularExpression) != nil
      else { return nil }
      return Expected(
        file: cols[1], sheet: cols[2], place: cols[3], type: cols[4].trimmingCharacters(in: ["`"]))
    }
  }

  /// The demonstration inputs list their deliberate mistakes in the generator's README.
  func testEveryMistakeOfTheBundledInputsIsFound() throws {
    let out = try Binary.temporaryFolder("inputs-out")
    let inputs = Binary.packageRoot.appendingPathComponent("inputs")
    _ = try Binary.run(["run", "--inputs", inputs.path, "--outputs", out.path, "--quiet"])
    let doc = try Binary.loadJSON(out.appendingPathComponent("arsitektur-spbe.json"))
    let findings = try XCTUnwrap(doc["temuan"] as? [[String: Any]])
    let expected = try Self.expectations(
      Binary.packageRoot.appendingPathComponent("scripts/inputs/README.md"))
    XCTAssertGreaterThan(expected.count, 15)
    for e in expected {
      XCTAssertTrue(findings.contains { Self.matches($0, e) }, "not found: \(e)")
    }
  }

  static func matches(_ f: [String: Any], _ e: Expected) -> Bool {
    guard f["berkas"] as? String == e.file, f["jenis"] as? String == e.type else { return false }
    if !e.sheet.isEmpty, e.sheet != "-", f["lembar"] as? String != e.sheet { return false }
    let row = f["baris"] as? Int
    if e.place.hasPrefix("baris ") {
      let bounds = e.place.dropFirst(6).split(separator: "-").compactMap { Int($0) }
      guard let lo = bounds.first, let row else { return false }
      return (lo...(bounds.last ?? lo)).contains(row)
    }
    if e.place.range(of: #"^[A-Z]+[0-9]+$"#, options: .regularExpression) != nil {
      return f["sel"] as? String == e.place
    }
    return true
  }

  func testEveryListedMistakeIsFoundAtItsCell() throws {
    let folder = Binary.packageRoot.appendingPathComponent("Tests/EndToEndTests/Fixtures/mistakes")
    let inputs = try Binary.temporaryFolder("mistakes")
    for name in try FileManager.default.contentsOfDirectory(atPath: folder.path)
    where name.hasSuffix(".xlsx") {
      try FileManager.default.copyItem(
        at: folder.appendingPathComponent(name), to: inputs.appendingPathComponent(name))
    }
    let out = try Binary.temporaryFolder("mistakes-out")
    let r = try Binary.run(
      ["run", "--inputs", inputs.path, "--outputs", out.path, "--quiet"],
      environment: ["SOURCE_DATE_EPOCH": "0"])
    XCTAssertEqual(r.status, 1, r.stderr)
    let json = out.appendingPathComponent("arsitektur-spbe.json")
    XCTAssertEqual(try Binary.schemaErrors(json), "")
    let doc = try Binary.loadJSON(json)
    let findings = try XCTUnwrap(doc["temuan"] as? [[String: Any]])
    let expected = try Self.expectations(folder.appendingPathComponent("MISTAKES.md"))
    XCTAssertGreaterThan(expected.count, 20)

    for e in expected {
      XCTAssertTrue(findings.contains { Self.matches($0, e) }, "not found: \(e)")
    }
    // Nothing unlisted reaches the level of a warning.
    for f in findings where (f["tingkat"] as? String) != "info" {
      XCTAssertTrue(
        expected.contains { Self.matches(f, $0) },
        "unexpected: \(f["jenis"] ?? "") \(f["berkas"] ?? "") \(f["lembar"] ?? "") \(f["sel"] ?? "")"
      )
    }
  }
}
