import Spreadsheet
import Standard
import XCTest

@testable import Pipeline

final class NormalizeTests: XCTestCase {
  // MARK: Text

  func testCleanTrimsAndCollapsesWhitespace() {
    XCTAssertEqual(TextCleaner.clean("  Dinas   Kesehatan \t"), "Dinas Kesehatan")
    XCTAssertEqual(TextCleaner.clean("Dinas\u{00A0}Kesehatan"), "Dinas Kesehatan")
    XCTAssertEqual(TextCleaner.clean("Dinas\u{202F}\u{2003}Kesehatan"), "Dinas Kesehatan")
    XCTAssertEqual(TextCleaner.clean("Baris satu\r\nbaris dua"), "Baris satu baris dua")
    XCTAssertEqual(TextCleaner.clean("\u{00A0}x\u{00A0}"), "x")
  }

  func testCleanRemovesZeroWidthCharacters() {
    XCTAssertEqual(TextCleaner.clean("\u{FEFF}SIM\u{200B}PEG\u{200D}\u{2060}"), "SIMPEG")
    XCTAssertEqual(TextCleaner.clean("a \u{200B} b"), "a b")
  }

  func testCleanKeepsCaseAndPlainText() {
    XCTAssertEqual(TextCleaner.clean("e-Kinerja"), "e-Kinerja")
    XCTAssertEqual(TextCleaner.clean("Bappeda"), "Bappeda")
    XCTAssertEqual(TextCleaner.clean(""), "")
    XCTAssertEqual(TextCleaner.clean("-5"), "-5")
  }

  func testCleanTurnsLoneDashesIntoEmpty() {
    XCTAssertEqual(TextCleaner.clean("-"), "")
    XCTAssertEqual(TextCleaner.clean(" - "), "")
    XCTAssertEqual(TextCleaner.clean("\u{2013}"), "")
    XCTAssertEqual(TextCleaner.clean("\u{2014}"), "")
    XCTAssertEqual(TextCleaner.clean("--"), "--")
  }

  func testKeyIgnoresCaseSpacesPunctuationAndDiacritics() {
    XCTAssertEqual(MatchKey.of("Nama Aplikasi"), "namaaplikasi")
    XCTAssertEqual(MatchKey.of("nama_aplikasi"), "namaaplikasi")
    XCTAssertEqual(MatchKey.of(" NAMA-APLIKASI (*) "), "namaaplikasi")
    XCTAssertEqual(MatchKey.of("Pelaku\u{00A0}Usaha."), "pelakuusaha")
    XCTAssertEqual(MatchKey.of("Café Résumé"), "caferesume")
    XCTAssertEqual(MatchKey.of("Kode RAB Level 2"), "koderablevel2")
    XCTAssertNotEqual(MatchKey.of("Level 1"), MatchKey.of("Level 2"))
  }

  // MARK: Numbers

  func testIndonesianNumbers() {
    XCTAssertEqual(NumberReader.parse("1.234.567,89"), 1_234_567.89)
    XCTAssertEqual(NumberReader.parse("12,5"), 12.5)
    XCTAssertEqual(NumberReader.parse("1.500"), 1500)
    XCTAssertEqual(NumberReader.parse("1.500.000"), 1_500_000)
    XCTAssertEqual(NumberReader.parse("0,75"), 0.75)
    XCTAssertEqual(NumberReader.parse("1,500"), 1.5)
  }

  func testRupiahForms() {
    XCTAssertEqual(NumberReader.parse("Rp 1.500.000,-"), 1_500_000)
    XCTAssertEqual(NumberReader.parse("Rp1.500.000,00"), 1_500_000)
    XCTAssertEqual(NumberReader.parse("Rp. 2.750.000"), 2_750_000)
    XCTAssertEqual(NumberReader.parse("IDR 1,500,000.00"), 1_500_000)
    XCTAssertEqual(NumberReader.parse("1.500.000 rupiah"), 1_500_000)
    XCTAssertEqual(NumberReader.parse("Rp\u{00A0}25.000"), 25000)
  }

  func testEnglishNumbers() {
    XCTAssertEqual(NumberReader.parse("1,234,567.89"), 1_234_567.89)
    XCTAssertEqual(NumberReader.parse("1,234,567"), 1_234_567)
    XCTAssertEqual(NumberReader.parse("12.5"), 12.5)
    XCTAssertEqual(NumberReader.parse("0.500"), 0.5)
    XCTAssertEqual(NumberReader.parse("1234.567"), 1234.567)
    XCTAssertEqual(NumberReader.parse("1.5E+06"), 1_500_000)
  }

  func testPlainAndSpacedNumbers() {
    XCTAssertEqual(NumberReader.parse("42"), 42)
    XCTAssertEqual(NumberReader.parse(" 007 "), 7)
    XCTAssertEqual(NumberReader.parse("1 500 000"), 1_500_000)
    XCTAssertEqual(NumberReader.parse("1\u{00A0}500\u{00A0}000,50"), 1_500_000.5)
    XCTAssertEqual(NumberReader.parse(",5"), 0.5)
  }

  func testMultipliers() {
    XCTAssertEqual(NumberReader.parse("1,5 juta"), 1_500_000)
    XCTAssertEqual(NumberReader.parse("1.5 juta"), 1_500_000)
    XCTAssertEqual(NumberReader.parse("2 miliar"), 2_000_000_000)
    XCTAssertEqual(NumberReader.parse("2 Milyar"), 2_000_000_000)
    XCTAssertEqual(NumberReader.parse("250 ribu"), 250_000)
    XCTAssertEqual(NumberReader.parse("250rb"), 250_000)
    XCTAssertEqual(NumberReader.parse("3 jt"), 3_000_000)
    XCTAssertEqual(NumberReader.parse("Rp 1,1 juta"), 1_100_000)
    XCTAssertEqual(NumberReader.parse("1 triliun"), 1e12)
  }

  func testNegativeNumbers() {
    XCTAssertEqual(NumberReader.parse("-1.500"), -1500)
    XCTAssertEqual(NumberReader.parse("\u{2212}12,5"), -12.5)
    XCTAssertEqual(NumberReader.parse("(1.500.000)"), -1_500_000)
    XCTAssertEqual(NumberReader.parse("Rp -25.000"), -25000)
    XCTAssertEqual(NumberReader.parse("-Rp 25.000"), -25000)
  }

  func testPercentIsAFraction() {
    XCTAssertEqual(NumberReader.parse("50%"), 0.5)
    XCTAssertEqual(NumberReader.parse("12,5 %"), 0.125)
  }

  func testNotNumbers() {
    for s in [
      "", "-", "abc", "Rp", "1 2", "12 34", "1.2.3", "1,2,3", "1.234,567.8", "17/08/2024",
      "17-08-2024", "17.08.2024", "2024-08-17", "RAA.01.02", "10 unit", "satu juta", "1.5.e3",
      "herb", "1,5,", "1 234.567", "e5", "..", "1..2", "Rp 1.500 dan Rp 2.000",
    ] {
      XCTAssertNil(NumberReader.parse(s), s)
    }
  }

  // MARK: Dates

  private func date(_ y: Int, _ m: Int, _ d: Int) -> CivilDate {
    CivilDate(year: y, month: m, day: d)
  }

  func testISODates() {
    XCTAssertEqual(DateReader.parse("2024-08-17"), date(2024, 8, 17))
    XCTAssertEqual(DateReader.parse("2024-08-17T23:30:00+07:00"), date(2024, 8, 17))
    XCTAssertEqual(DateReader.parse("2024-08-17 00:00:00"), date(2024, 8, 17))
    XCTAssertEqual(DateReader.parse("2024/8/1"), date(2024, 8, 1))
  }

  func testDayFirstNumericDates() {
    XCTAssertEqual(DateReader.parse("17/08/2024"), date(2024, 8, 17))
    XCTAssertEqual(DateReader.parse("17-08-2024"), date(2024, 8, 17))
    XCTAssertEqual(DateReader.parse("17.08.2024"), date(2024, 8, 17))
    XCTAssertEqual(DateReader.parse("1/2/2024"), date(2024, 2, 1))
    XCTAssertEqual(DateReader.parse("17/08/24"), date(2024, 8, 17))
    XCTAssertEqual(DateReader.parse("17/08/2024 10:15"), date(2024, 8, 17))
  }

  func testIndonesianMonthNames() {
    XCTAssertEqual(DateReader.parse("17 Agustus 2024"), date(2024, 8, 17))
    XCTAssertEqual(DateReader.parse("17 Agt 2024"), date(2024, 8, 17))
    XCTAssertEqual(DateReader.parse("17 Agu 2024"), date(2024, 8, 17))
    XCTAssertEqual(DateReader.parse("17-Agu-2024"), date(2024, 8, 17))
    XCTAssertEqual(DateReader.parse("Senin, 17 Agustus 2024"), date(2024, 8, 17))
    XCTAssertEqual(DateReader.parse("1 Januari 2025"), date(2025, 1, 1))
    XCTAssertEqual(DateReader.parse("29 Pebruari 2024"), date(2024, 2, 29))
    XCTAssertEqual(DateReader.parse("5 Mei 2023"), date(2023, 5, 5))
    XCTAssertEqual(DateReader.parse("10 Nopember 2023"), date(2023, 11, 10))
    XCTAssertEqual(DateReader.parse("31 Des 2023"), date(2023, 12, 31))
    XCTAssertEqual(DateReader.parse("1 Okt. 2023"), date(2023, 10, 1))
    XCTAssertEqual(DateReader.parse("Jumat, 19 Juli 2024"), date(2024, 7, 19))
  }

  func testEnglishMonthNames() {
    XCTAssertEqual(DateReader.parse("17 Aug 2024"), date(2024, 8, 17))
    XCTAssertEqual(DateReader.parse("August 17, 2024"), date(2024, 8, 17))
    XCTAssertEqual(DateReader.parse("19-Dec-1960"), date(1960, 12, 19))
    XCTAssertEqual(DateReader.parse("Saturday, 17 August 2024"), date(2024, 8, 17))
    XCTAssertEqual(DateReader.parse("May 5, 2023"), date(2023, 5, 5))
  }

  func testImpossibleDates() {
    XCTAssertNil(DateReader.parse("31/02/2024"))
    XCTAssertNil(DateReader.parse("29-02-2023"))
    XCTAssertEqual(DateReader.parse("29-02-2024"), date(2024, 2, 29))
    XCTAssertNil(DateReader.parse("29/02/1900"))
    XCTAssertEqual(DateReader.parse("29/02/2000"), date(2000, 2, 29))
    XCTAssertNil(DateReader.parse("31 April 2024"))
    XCTAssertNil(DateReader.parse("2024-13-01"))
    XCTAssertNil(DateReader.parse("00/01/2024"))
  }

  func testNotDates() {
    for s in [
      "", "-", "2024", "17/08", "17 Agustus", "Agustus 2024", "17 Agustos 2024", "1.500.000",
      "17/08/2024/1", "17-08/2024", "17/08/20245", "kemarin", "17/08/2024 pagi", "12,5",
      "2024-08-17X",
    ] {
      XCTAssertNil(DateReader.parse(s), s)
    }
  }

  func testYear() {
    XCTAssertEqual(DateReader.year("2024"), 2024)
    XCTAssertEqual(DateReader.year(" 2019 "), 2019)
    XCTAssertEqual(DateReader.year("17 Agustus 2024"), 2024)
    XCTAssertEqual(DateReader.year("2023-01-31"), 2023)
    XCTAssertNil(DateReader.year("24"))
    XCTAssertNil(DateReader.year("dua ribu"))
    XCTAssertNil(DateReader.year("20240"))
  }

  // MARK: URLs

  func testURLSchemeAdded() {
    XCTAssertEqual(URLReader.normalize("serangkab.go.id"), "https://serangkab.go.id")
    XCTAssertEqual(
      URLReader.normalize("www.serangkab.go.id/layanan?id=3"),
      "https://www.serangkab.go.id/layanan?id=3")
  }

  func testURLSchemeAndHostLowerCasedPathKept() {
    XCTAssertEqual(
      URLReader.normalize("HTTP://SIMPEG.SerangKab.go.id/Login"),
      "http://simpeg.serangkab.go.id/Login")
    XCTAssertEqual(URLReader.normalize(" https://a.id/X#Top "), "https://a.id/X#Top")
  }

  func testURLIntranetHostsAndAddresses() {
    XCTAssertEqual(URLReader.normalize("simpeg"), "https://simpeg")
    XCTAssertEqual(URLReader.normalize("http://localhost:8080/app"), "http://localhost:8080/app")
    XCTAssertEqual(URLReader.normalize("simpeg:8080"), "https://simpeg:8080")
    XCTAssertEqual(URLReader.normalize("192.168.1.10"), "https://192.168.1.10")
    XCTAssertEqual(
      URLReader.normalize("http://10.0.0.5:8443/sipd/"), "http://10.0.0.5:8443/sipd/")
    XCTAssertEqual(URLReader.normalize("http://[::1]:80/"), "http://[::1]:80/")
  }

  func testNotURLs() {
    for s in [
      "", "-", "@", "a@b", "user@host.id", "http://", "https:// a.id", "sim peg.go.id",
      "ftp://files.id", "mailto:a@b.id", "javascript:alert(1)", "http:/a.id", "2024",
      "1.5", "256.1.1.1", "10.0.0", "host:99999", "host:abc", "-host.id", "a..id",
      "Tidak ada", "belum", "N/A", "c:\\files", "https://a.id/x y",
    ] {
      XCTAssertNil(URLReader.normalize(s), s)
    }
  }
}
