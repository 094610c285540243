import Foundation
import Pipeline
import Standard
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

  func testTheCollectingOfficeBelongsToItsInstansi() throws {
    let bundled = Standard.bundledInstitution
    XCTAssertFalse(bundled.collectingOffice.isEmpty)
    XCTAssertEqual(Configuration().collectingOffice, bundled.collectingOffice)
    XCTAssertEqual(
      try load("instansi:\n  nama: \(bundled.name)\n").collectingOffice, bundled.collectingOffice)
    // Another instansi does not inherit the bundled one's office.
    XCTAssertEqual(try load("instansi:\n  nama: Pemerintah Kota Contoh\n").collectingOffice, "")
    XCTAssertEqual(
      try load("instansi:\n  nama: Pemerintah Kota Contoh\n  pengelola: Diskominfo Contoh\n")
        .collectingOffice, "Diskominfo Contoh")
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
    XCTAssertThrowsError(try load("tahapan: [validate, emit]\n")) {
      XCTAssertEqual($0 as? ConfigError, .stageOrder(["validate", "emit"]))
    }
    // Reading, normalizing and checking a file are one pass, `validate`; the
    // names earlier versions used for its steps still read as it.
    XCTAssertEqual(try load("tahapan: [extract]\n").stages, [.validate])
    XCTAssertEqual(
      try load("tahapan: [extract, normalize, validate, consolidate, emit]\n").stages,
      [.validate, .consolidate, .emit])
    XCTAssertThrowsError(try load("tahapan: [baca]\n")) {
      guard case .badValue(let key, let expected)? = $0 as? ConfigError else {
        return XCTFail("\($0)")
      }
      XCTAssertEqual(key, "tahapan")
      XCTAssertEqual(expected, "validate, consolidate, emit")
    }
    XCTAssertThrowsError(try load("instansi: [\n")) {
      guard case .syntax? = $0 as? ConfigError else { return XCTFail("\($0)") }
    }
  }

  /// A size in MB whose count of bytes would not fit in 64 bits is refused,
  /// naming the key and its largest value, instead of wrapping round.
  func testSizesThatOverflowAsBytesAreRefused() throws {
    let largest = Int64.max >> 20
    for key in ["ukuran_bagian_mb", "ukuran_csv_mb", "ukuran_sel_csv_mb"] {
      for value in ["\(largest + 1)", "99999999999999999999999"] {
        XCTAssertThrowsError(try load("batas:\n  \(key): \(value)\n"), key) {
          guard case .badValue(let k, let expected)? = $0 as? ConfigError else {
            return XCTFail("\($0)")
          }
          XCTAssertEqual(k, "batas.\(key)")
          XCTAssertTrue(expected.contains("\(largest)"), expected)
        }
      }
    }
    let c = try load(
      "batas:\n  ukuran_bagian_mb: \(largest)\n  ukuran_csv_mb: \(largest)\n  ukuran_sel_csv_mb: \(largest)\n"
    )
    XCTAssertEqual(c.limits.maxPartBytes, largest << 20)
    XCTAssertGreaterThan(c.limits.maxCSVBytes, 0)
    XCTAssertGreaterThan(c.limits.maxCSVFieldBytes, 0)
  }

  func testSourceDateEpochIsATimeOfYears1970To9999() throws {
    XCTAssertNil(try SourceDateEpoch.date(environment: [:]))
    XCTAssertEqual(
      try SourceDateEpoch.date(environment: ["SOURCE_DATE_EPOCH": "1767225600"]),
      Date(timeIntervalSince1970: 1_767_225_600))
    XCTAssertEqual(
      try SourceDateEpoch.date(environment: ["SOURCE_DATE_EPOCH": "253402300799"]),
      Date(timeIntervalSince1970: 253_402_300_799))
    for bad in ["253402300800", "9223372036854775807", "-1", "1e9", " 1", ""] {
      XCTAssertThrowsError(try SourceDateEpoch.date(environment: ["SOURCE_DATE_EPOCH": bad]), bad) {
        XCTAssertEqual($0 as? RunError, .badSourceDateEpoch)
      }
    }
  }
}
