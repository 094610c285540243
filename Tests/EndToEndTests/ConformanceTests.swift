import Foundation
import XCTest

/// `pipeline inspect` scored against the third-party corpus by its own
/// comparator (corpus/thirdparty/compare.py), as the project's conformance gate.
final class ConformanceTests: XCTestCase {
  private static let packageRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  /// The built executable sits beside the test bundle (on Linux the bundle URL
  /// is already the products folder).
  private var binary: URL {
    let bundle = Bundle(for: Self.self).bundleURL
    let candidates = [bundle, bundle.deletingLastPathComponent()].map {
      $0.appendingPathComponent("pipeline")
    }
    return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
      ?? candidates[1]
  }

  func testInspectConformsToTheCorpus() throws {
    let corpus = Self.packageRoot.deletingLastPathComponent()
      .appendingPathComponent("shared/corpus/thirdparty")
    let compare = corpus.appendingPathComponent("compare.py")
    guard FileManager.default.fileExists(atPath: compare.path) else {
      throw XCTSkip("corpus not found at \(corpus.path)")
    }
    guard FileManager.default.isExecutableFile(atPath: binary.path) else {
      throw XCTSkip("build the pipeline executable first (swift build): \(binary.path)")
    }

    let r = try Binary.tool(
      ["python3", compare.path, "--reader", "'\(binary.path)' inspect", "--jobs", "2"],
      in: corpus)
    let report = r.stdout
    let last = report.split(separator: "\n").last.map(String.init) ?? ""

    XCTAssertEqual(r.status, 0, "compare.py failed:\n\(report.suffix(4000))")
    XCTAssertTrue(last.hasPrefix("conformance:"), last)

    let cells = try XCTUnwrap(capture(#"cells ([0-9.]+)%"#, in: last), last)
    XCTAssertGreaterThanOrEqual(Double(cells) ?? 0, 99.5, last)
    let structure = try XCTUnwrap(captures(#"structure (\d+)/(\d+)"#, in: last), last)
    XCTAssertEqual(structure[0], structure[1], "every workbook's structure: \(last)")
    let bad = try XCTUnwrap(captures(#"bad (\d+)/(\d+) clean-fail"#, in: last), last)
    XCTAssertEqual(bad[0], bad[1], "every bad file rejected cleanly: \(last)")
    XCTAssertEqual(capture(#"crashes (\d+)"#, in: last), "0", last)
    XCTAssertEqual(capture(#"timeouts (\d+)"#, in: last), "0", last)
  }

  private func capture(_ pattern: String, in text: String) -> String? {
    captures(pattern, in: text)?.first
  }

  private func captures(_ pattern: String, in text: String) -> [String]? {
    guard let re = try? NSRegularExpression(pattern: pattern),
      let m = re.firstMatch(in: text, range: NSRange(text.startIndex..., in: text))
    else { return nil }
    return (1..<m.numberOfRanges).compactMap { i in
      Range(m.range(at: i), in: text).map { String(text[$0]) }
    }
  }
}
