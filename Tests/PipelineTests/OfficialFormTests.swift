import Spreadsheet
import Standard
import XCTest

@testable import Pipeline

/// How the labels and link cells of the official "Domain Arsitektur" forms read.
final class OfficialFormTests: XCTestCase {
  static let standard = try! Standard.load()

  func matcher(_ domain: String) throws -> HeaderMatcher {
    HeaderMatcher(domain: try XCTUnwrap(Self.standard.domain(domain)), standard: Self.standard)
  }

  func testLinkListsSplitOnLineBreaksBeforeSpacesCollapse() {
    XCTAssertEqual(FieldReader.linkIDs("LY-01\nLY-03"), ["LY-01", "LY-03"])
    XCTAssertEqual(FieldReader.linkIDs("LY-01\r\nLY-03"), ["LY-01", "LY-03"])
    XCTAssertEqual(
      FieldReader.linkIDs("LY-01\rLY-03; LY-04 , LY-05"), ["LY-01", "LY-03", "LY-04", "LY-05"])
    XCTAssertEqual(
      FieldReader.linkIDs("PB-01 Penyusunan Produk Hukum Daerah\nPB-02 Fasilitasi Bantuan Hukum"),
      ["PB-01", "PB-02"])
    XCTAssertEqual(FieldReader.linkIDs("aplikasi:AP-01"), ["aplikasi:AP-01"])
  }

  func testDecoratedAndHintedHeadersMatchByTheirLabel() throws {
    let pb = try matcher("proses_bisnis")
    XCTAssertEqual(pb.role(of: "Nama Bisnis/Urusan"), .field("nama"))
    XCTAssertEqual(pb.role(of: "→ Unit Kerja (Dependency)"), .field("opd"))
    XCTAssertEqual(pb.role(of: "Indikator Kinerja Utama (IKU)"), .field("indikator_kinerja"))
    XCTAssertEqual(
      pb.role(of: "→ RAB Level 1 Nasional (Dependency)"), .level(field: "rab", level: 1))
    XCTAssertEqual(pb.role(of: "→ RAB Level 4 (Dependency)"), .level(field: "rab", level: 4))
    XCTAssertEqual(pb.role(of: "Nama Bisnis/Urusan\nDiisi nama urusan"), .field("nama"))
    let data = try matcher("data")
    XCTAssertEqual(data.role(of: "→ Penanggung Jawab Data/ Wali Data (Dependency)"), .field("opd"))
    XCTAssertEqual(data.role(of: "← Penghasil Data/Produsen Data"), .field("produsen_data"))
    XCTAssertEqual(data.role(of: "← Proses Bisnis (Dependency)"), .field("proses_bisnis"))
    XCTAssertEqual(
      data.role(of: "Informasi yang Terkait (Output)"), .field("informasi_terkait_output"))
    let layanan = try matcher("layanan")
    XCTAssertEqual(layanan.role(of: "Potensi Resiko"), .field("potensi_risiko"))
    XCTAssertEqual(layanan.role(of: "← Proses Bisnis (Dependency)"), .field("proses_bisnis"))
  }

  func testAnInfrastructureFormGivesJenisByItsSheetNames() throws {
    let p = FileProcessor(standard: Self.standard, limits: ReadLimits())
    let infra = try XCTUnwrap(Self.standard.domain("infrastruktur"))
    XCTAssertEqual(
      p.sheetValues(of: infra, sheetName: "Pusat Data"), ["jenis": .text("Pusat Data")])
    XCTAssertEqual(
      p.sheetValues(of: infra, sheetName: "Perangkat Keras Keamanan"),
      ["jenis": .text("Perangkat Keras Keamanan")])
    XCTAssertNil(p.sheetValues(of: infra, sheetName: "Petunjuk Pengisian"))
  }
}
