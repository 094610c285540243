import Pipeline
import XCTest

@testable import Emit

final class HTMLEscapeTests: XCTestCase {
  func testMarkupBecomesText() {
    XCTAssertEqual(
      HTML.escape("\"><img src=x onerror='a'>&"),
      "&quot;&gt;&lt;img src=x onerror=&#39;a&#39;&gt;&amp;")
    XCTAssertEqual(HTML.escape("<script>"), "&lt;script&gt;")
  }

  func testBidiAndControlCharactersAreShownNotObeyed() {
    XCTAssertEqual(HTML.escape("a\u{202E}b\u{2066}c\u{200F}"), "a[U+202E]b[U+2066]c[U+200F]")
    XCTAssertEqual(HTML.escape("a\u{7}\u{1B}\u{0}\u{7F}b"), "a\u{2407}\u{241B}\u{2400}\u{2421}b")
    XCTAssertEqual(HTML.escape("x\u{85}y"), "x[U+0085]y")
    XCTAssertEqual(HTML.escape("baris 1\r\nbaris 2\tx"), "baris 1\nbaris 2\tx")
  }

  func testBuilderEscapesTextAndAttributes() {
    var h = HTML()
    h.element("a", ["href": "x\" onclick=\"y", "title": "<b>"], "<i>")
    XCTAssertEqual(
      h.output, "<a href=\"x&quot; onclick=&quot;y\" title=\"&lt;b&gt;\">&lt;i&gt;</a>")
    // Personal numbers are masked in text and titles; a link keeps its target.
    var link = HTML()
    link.element(
      "a", ["href": "umpan-balik/3604010101010012.html", "title": "3604010101010012"],
      "3604010101010012")
    XCTAssertEqual(
      link.output,
      "<a href=\"umpan-balik/3604010101010012.html\" title=\"3604••••••••••12\">3604••••••••••12</a>"
    )
  }
}

final class PersonalDataTests: XCTestCase {
  func testNIKAndNIPAreMasked() {
    XCTAssertEqual(PersonalData.mask("NIK 3604010101010012"), "NIK 3604••••••••••12")
    XCTAssertEqual(PersonalData.mask("NIP. 19800101 200501 1 001"), "NIP. 1980••••••••••••01")
    XCTAssertEqual(PersonalData.mask("198001012005011001"), "1980••••••••••••01")
    XCTAssertEqual(PersonalData.mask("3604.0101.0101.0012"), "3604••••••••••12")
    XCTAssertEqual(PersonalData.mask("3604-0101-0101-0012"), "3604••••••••••12")
    // Whole groups only: a year typed after a NIK is left as it is.
    XCTAssertEqual(PersonalData.mask("3604010101010012 2024"), "3604••••••••••12 2024")
    XCTAssertEqual(PersonalData.mask("2024 3604010101010012"), "2024 3604••••••••••12")
    XCTAssertEqual(PersonalData.mask("a3604010101010012b"), "a3604••••••••••12b")
  }

  func testOtherNumbersStay() {
    for s in [
      "360401010101001", "36040101010100123", "3604010101010012345",
      "Rp 1.500.000.000", "1.01.2.22.0.00.01.0000", "0812-3456-7890", "17/08/2024",
    ] {
      XCTAssertEqual(PersonalData.mask(s), s)
    }
  }
}

final class FeedbackNameTests: XCTestCase {
  func testFileNamesStayInTheFolder() {
    XCTAssertEqual(OutputFolder.safeFileName("../../etc/passwd", fallback: "opd"), "etc-passwd")
    XCTAssertEqual(
      OutputFolder.safeFileName("1.02.0.00-dinkes", fallback: "opd"), "1.02.0.00-dinkes")
    XCTAssertEqual(OutputFolder.safeFileName("a/..\u{0}\u{202E}b", fallback: "opd"), "a-b")
    XCTAssertEqual(OutputFolder.safeFileName("....", fallback: "opd"), "opd")
    XCTAssertEqual(OutputFolder.safeFileName("", fallback: "opd"), "opd")
    XCTAssertEqual(
      OutputFolder.safeFileName("Dinas Pekerjaan Umum", fallback: "opd"), "Dinas-Pekerjaan-Umum")
    for s in ["..", "a/../b", "x\u{7}y", "<script>", "ü.ß"] {
      let n = OutputFolder.safeFileName(s, fallback: "opd")
      XCTAssertFalse(n.contains("/") || n.contains("..") || n.hasPrefix("."), n)
      XCTAssertTrue(n.unicodeScalars.allSatisfy { $0.isASCII && $0.value > 0x20 }, n)
    }
  }
}

final class FormatTests: XCTestCase {
  func testCountsInThePageLanguage() {
    XCTAssertEqual(Format.count(1_234_567, .id), "1.234.567")
    XCTAssertEqual(Format.count(1_234_567, .en), "1,234,567")
    XCTAssertEqual(Format.count(12, .id), "12")
    XCTAssertEqual(Format.percent(1, 3, .id), "33,3%")
  }
}
