import XCTest

@testable import Pipeline

/// Text from the inputs, as a terminal shows it: readable, never obeyed.
final class InputTextTests: XCTestCase {
  func testControlsAreShownNotObeyed() {
    XCTAssertEqual(InputText.neutralised("dinkes.xlsx › Aplikasi"), "dinkes.xlsx › Aplikasi")
    XCTAssertEqual(
      InputText.neutralised("dinkes\u{1B}]0;PWNED\u{07}\u{1B}[2J.xlsx"),
      "dinkes\u{241B}]0;PWNED\u{2407}\u{241B}[2J.xlsx")
    XCTAssertEqual(
      InputText.neutralised("a\r\nb\tc\u{0}\u{7F}"), "a\u{240D}\u{240A}b\tc\u{2400}\u{2421}")
    XCTAssertEqual(
      InputText.neutralised("x\u{9B}2J\u{202E}exe.txt\u{2066}\u{2028}é"),
      "x[U+009B]2J[U+202E]exe.txt[U+2066][U+2028]é")
  }
}
