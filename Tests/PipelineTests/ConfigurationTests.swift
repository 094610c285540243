import Foundation
import Pipeline
import XCTest

final class ConfigurationTests: XCTestCase {
  func load(_ yaml: String) throws -> Configuration {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("cfg-\(UUID()).yml")
      .path
    try Data(yaml.utf8).write(to: URL(fileURLWithPath: path))
    defer { try? FileManager.default.removeItem(atPath: path) }
    return try Configuration.load(path: path)
  }

  func testTheBundledConfigurationLoads() throws {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent()
      .deletingLastPathComponent()
    let c = try Configuration.load(path: root.appendingPathComponent("pipeline.yml").path)
    XCTAssertEqual(c.regionCode, "36.04")
    XCTAssertEqual(c.stages, Stage.allCases)
    XCTAssertTrue(c.inputs.hasSuffix("inputs"))
  }

  func testValuesAreRead() throws {
    let c = try load(
      "periode: \"2026-2030\"\nbahasa: en\ngagal_jika: peringatan\nparalel: 2\nbatas:\n  kedalaman_xml: 64\n"
    )
    XCTAssertEqual(c.period, "2026-2030")
    XCTAssertEqual(c.language, .en)
    XCTAssertEqual(c.failOn, .peringatan)
    XCTAssertEqual(c.jobs, 2)
    XCTAssertEqual(c.limits.maxXMLDepth, 64)
  }

  func testUnknownKeysAndBadValuesNameTheKey() {
    XCTAssertThrowsError(try load("instansi:\n  nama: X\n  kode: 1\n")) {
      XCTAssertEqual($0 as? ConfigError, .unknownKey("instansi.kode"))
    }
    XCTAssertThrowsError(try load("bahasaa: id\n")) {
      XCTAssertEqual($0 as? ConfigError, .unknownKey("bahasaa"))
    }
    XCTAssertThrowsError(try load("paralel: dua\n")) {
      guard case .badValue(let key, _)? = $0 as? ConfigError else { return XCTFail("\($0)") }
      XCTAssertEqual(key, "paralel")
    }
    XCTAssertThrowsError(try load("tahapan: [extract, emit]\n")) {
      XCTAssertEqual($0 as? ConfigError, .stageOrder(["extract", "emit"]))
    }
    XCTAssertThrowsError(try load("instansi: [\n")) {
      guard case .syntax? = $0 as? ConfigError else { return XCTFail("\($0)") }
    }
  }
}
