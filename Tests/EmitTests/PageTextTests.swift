import Pipeline
import XCTest

@testable import Emit

/// The texts of the pages and the workbook: both languages present, and the
/// same values named in each.
final class PageTextTests: XCTestCase {
  func placeholders(_ text: String) -> [String] {
    let regex = try! NSRegularExpression(pattern: #"\{[a-z_]+\}"#)
    return regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).map {
      String(text[Range($0.range, in: text)!])
    }.sorted()
  }

  func testEveryTextHasBothLanguagesWithTheSameValues() {
    for text in PageText.allCases {
      let (id, en) = text.words
      XCTAssertFalse(id.trimmingCharacters(in: .whitespaces).isEmpty, "\(text)")
      XCTAssertFalse(en.trimmingCharacters(in: .whitespaces).isEmpty, "\(text)")
      XCTAssertEqual(placeholders(id), placeholders(en), "\(text)")
      for lang in Language.allCases {
        let values = Dictionary(
          uniqueKeysWithValues: placeholders(id).map {
            (String($0.dropFirst().dropLast()), "7")
          })
        XCTAssertTrue(placeholders(text(lang, values)).isEmpty, "\(text) \(lang)")
      }
    }
  }
}
