import Foundation
import Pipeline
import Standard
import XCTest

@testable import pipeline

/// What the terminal says about configuration and standard errors: in the
/// user's language, placed, without the file's text or Swift values.
final class ConsoleTextTests: XCTestCase {
  /// A YAML error is one place and a sentence in the user's language: no
  /// libyaml English, no second line number, never the file's text.
  func testYAMLErrorsArePlacedAndWordedWithoutTheFile() throws {
    let path = "/tmp/cfg-\(UUID()).yml"
    defer { try? FileManager.default.removeItem(atPath: path) }
    let filler = String(repeating: "# isi berkas yang tidak boleh diulang\n", count: 2000)
    try Data(("bahasa: id\n" + filler + "bahasa: en\n").utf8).write(to: URL(fileURLWithPath: path))
    XCTAssertThrowsError(try Configuration.load(path: path)) {
      XCTAssertEqual($0 as? ConfigError, .duplicateKey(path: path, key: "bahasa", line: 1))
      let text = ConsoleText.configError($0 as! ConfigError, lang: .id)
      XCTAssertFalse(text.contains("tidak boleh diulang"), text)
      XCTAssertLessThan(text.count, path.count + 120, text)
    }
    try Data("periode: 2025\ninstansi: [\n".utf8).write(to: URL(fileURLWithPath: path))
    XCTAssertThrowsError(try Configuration.load(path: path)) {
      guard case .syntax(path, let line, let column)? = $0 as? ConfigError else {
        return XCTFail("\($0)")
      }
      XCTAssertEqual(line, 3)
      let text = ConsoleText.configError($0 as! ConfigError, lang: .id)
      XCTAssertTrue(text.contains("baris \(line), kolom \(column)"), text)
      for english in ["expected", "while parsing", "line \(line)", "in line"] {
        XCTAssertFalse(text.contains(english), text)
      }
    }
  }

  /// `--config nope.yml` names nope.yml, not pipeline.yml.
  func testAMissingConfigurationIsNamed() {
    XCTAssertThrowsError(try Configuration.load(path: "nope.yml")) {
      XCTAssertEqual($0 as? ConfigError, .missing(path: "nope.yml"))
      let text = ConsoleText.configError($0 as! ConfigError, lang: .id)
      XCTAssertTrue(text.contains("nope.yml"), text)
      XCTAssertFalse(text.contains("pipeline.yml"), text)
    }
  }

  /// A `daftar_kode` file that is not there: its name as written, in words.
  func testAMissingCodelistFileIsToldInWords() {
    XCTAssertThrowsError(try Standard.load(overrides: ["raa": "data/tidak-ada.csv"])) {
      for lang in Language.allCases {
        let text = ConsoleText.standardError($0, lang: lang)
        XCTAssertTrue(text.contains("data/tidak-ada.csv"), text)
        for leak in ["io(", "errno", "unreadable(", "No such file", "/tmp", "ReadError"] {
          XCTAssertFalse(text.contains(leak), text)
        }
      }
    }
  }
}
