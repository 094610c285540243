import Standard
import XCTest

final class StandardTests: XCTestCase {
  static let standard = try! Standard.load(institution: "Pemerintah Kabupaten Serang")
  var standard: Standard { Self.standard }

  func testLoadsSixDomainsInOrder() {
    XCTAssertEqual(
      standard.domains.map(\.key),
      ["proses_bisnis", "layanan", "data", "aplikasi", "infrastruktur", "keamanan"])
    XCTAssertEqual(
      standard.domain("aplikasi")?.requiredFields.map(\.key),
      ["nama", "opd", "raa", "basis_aplikasi", "status"])
  }

  func testCodelistsCarryTheirRowCounts() {
    // Counts from the codelists README.
    XCTAssertEqual(standard.codelists["rab"]?.entries.count, 358)
    XCTAssertEqual(standard.codelists["ral"]?.entries.count, 357)
    XCTAssertEqual(standard.codelists["rad"]?.entries.count, 364)
    XCTAssertEqual(standard.codelists["raa"]?.entries.count, 6)
    XCTAssertEqual(standard.codelists["wilayah"]?.entries.count, 357)
    XCTAssertEqual(standard.opds.offices.count, 58)
    XCTAssertEqual(standard.enumerations.count, 19)
    XCTAssertEqual(standard.info("rai")?.status, "provisional")
    XCTAssertTrue(standard.info("rak")?.isProvisional ?? false)
  }

  func testEveryFieldTypeNamesALoadedList() {
    for d in standard.domains {
      for f in d.fields {
        switch f.type {
        case .code(let list, _, _): XCTAssertNotNil(standard.codelists[list], "\(d.key).\(f.key)")
        case .choice(let list): XCTAssertNotNil(standard.enumerations[list], "\(d.key).\(f.key)")
        case .reference(let targets):
          for t in targets { XCTAssertNotNil(standard.domain(t)) }
        default: break
        }
      }
    }
  }

  func matcher(_ list: String, level: Int, childless: Bool = false) -> CodeMatcher {
    CodeMatcher(list: standard.codelists[list]!, level: level, childlessAbove: childless)
  }

  func testCodesAsPeopleWriteThem() {
    let raa = matcher("raa", level: 2)
    XCTAssertEqual(
      raa.resolve("RAA.01.02"),
      .accepted(code: "RAA.01.02", local: false, fromName: false, repaired: false))
    XCTAssertEqual(
      raa.resolve("raa.01.02"),
      .accepted(code: "RAA.01.02", local: false, fromName: false, repaired: true))
    XCTAssertEqual(
      raa.resolve("RAA 01.02"),
      .accepted(code: "RAA.01.02", local: false, fromName: false, repaired: true))
    XCTAssertEqual(
      raa.resolve("RAA.1.2"),
      .accepted(code: "RAA.01.02", local: false, fromName: false, repaired: true))
    XCTAssertEqual(
      raa.resolve("Aplikasi Umum Administrasi Pemerintahan"),
      .accepted(code: "RAA.01.02", local: false, fromName: true, repaired: false))
    XCTAssertEqual(
      raa.resolve("RAA.01.02 Aplikasi Umum Administrasi Pemerintahan"),
      .accepted(code: "RAA.01.02", local: false, fromName: false, repaired: false))
    XCTAssertEqual(
      raa.resolve("RAA.01.02.07"),
      .accepted(code: "RAA.01.02.07", local: true, fromName: false, repaired: false))
    XCTAssertEqual(raa.resolve("RAA.01"), .wrongLevel(code: "RAA.01", level: 1))
    guard case .unknown = raa.resolve("RAA.09.09") else {
      return XCTFail("RAA.09.09 is not a code")
    }
    guard case .notACode = raa.resolve("Aplikasi Serba Guna") else { return XCTFail("not a name") }
  }

  func testChildlessLevelTwoCodesAreAcceptedWhereTheStandardSaysSo() {
    let ral = matcher("ral", level: 3, childless: true)
    // RAL.01.03 has no level-3 children (codelists README).
    XCTAssertEqual(
      ral.resolve("RAL.01.03"),
      .accepted(code: "RAL.01.03", local: false, fromName: false, repaired: false))
    let rab = matcher("rab", level: 3)
    XCTAssertEqual(rab.resolve("RAB.01.01"), .wrongLevel(code: "RAB.01.01", level: 2))
  }

  func testUnknownCodeSuggestsSiblings() {
    let raa = matcher("raa", level: 2)
    guard case .unknown(let s) = raa.resolve("RAA.01.03") else { return XCTFail() }
    XCTAssertTrue(s.contains("RAA.01.01") || s.contains("RAA.01.02"), "\(s)")
  }

  func testEnumerationsMatchLabelsAndAliasesLoosely() {
    let basis = standard.enumerations["basis_aplikasi"]!
    XCTAssertEqual(basis.match("website")?.code, "Web")
    XCTAssertEqual(basis.match(" Berbasis  WEB ")?.code, "Web")
    XCTAssertEqual(basis.match("Android")?.code, "Mobile")
    XCTAssertNil(basis.match("Websit"))
    XCTAssertEqual(basis.suggestions(for: "Websit").first, "Web")
    XCTAssertEqual(
      standard.enumerations["status_aplikasi"]?.match("non-aktif")?.code, "Tidak Aktif")
  }

  func testOPDsByNameAbbreviationAliasCodeAndFileName() {
    let o = standard.opds
    XCTAssertEqual(o.match("Dinkes")?.name, "Dinas Kesehatan")
    XCTAssertEqual(o.match("DINAS KESEHATAN Kab. Serang")?.name, "Dinas Kesehatan")
    XCTAssertEqual(o.match("1.02.0.00.0.00.01.0000")?.name, "Dinas Kesehatan")
    XCTAssertNil(o.match("Dinas Kesehatann"))
    XCTAssertEqual(o.match(fileStem: "dinkes")?.name, "Dinas Kesehatan")
    XCTAssertEqual(o.match(fileStem: "Dinas Kesehatan - Aplikasi")?.name, "Dinas Kesehatan")
    XCTAssertEqual(o.match(fileStem: "dpmptsp_layanan")?.abbreviation, "DPMPTSP")
    XCTAssertNil(o.match(fileStem: "inventaris_2024"))
    XCTAssertEqual(o.suggestions(for: "Dinas Kesehatann").first, "Dinas Kesehatan")
  }

  func testRegionSuffixesComeFromTheInstansi() throws {
    XCTAssertEqual(
      OPDRegistry.regionSuffixes(institution: "Pemerintah Kabupaten Serang", province: "Banten"),
      ["kabupatenserang", "kabserang", "kabupatenserangbanten", "kabserangbanten"])
    XCTAssertEqual(
      OPDRegistry.regionSuffixes(institution: "Pemerintah Kota Contoh"), ["kotacontoh"])
    XCTAssertEqual(
      OPDRegistry.regionSuffixes(institution: "Pemerintah Provinsi Banten", province: "Banten"),
      ["provinsibanten", "provbanten"])
    // Another instansi's standard tolerates its own region, not Serang's.
    let contoh = try Standard.load(institution: "Pemerintah Kota Contoh")
    XCTAssertEqual(contoh.opds.match("Satpol PP Kota Contoh")?.abbreviation, "Satpol PP")
    XCTAssertNil(contoh.opds.match("Satpol PP Kab. Serang"))
    XCTAssertNil(try Standard.load().opds.match("Satpol PP Kab. Serang"))
    XCTAssertEqual(standard.opds.match("Satpol PP Kab. Serang Banten")?.abbreviation, "Satpol PP")
  }

  func testUnknownFieldTypeInDomainsIsATypedError() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "standard-\(UUID())")
    try FileManager.default.copyItem(at: Standard.bundledFolder, to: folder)
    defer { try? FileManager.default.removeItem(at: folder) }
    let domains = folder.appendingPathComponent("domains.json")
    let text = try String(contentsOf: domains, encoding: .utf8)
    let url = #"{"key": "url", "label": "URL""#
    XCTAssertTrue(text.contains(url))
    let broken = text.replacingOccurrences(of: #""type": "url""#, with: #""type": "tautan""#)
    try Data(broken.utf8).write(to: domains)
    XCTAssertThrowsError(try Standard.load(folder: folder, overrides: [:], institution: "")) {
      XCTAssertEqual($0 as? StandardError, .unknownFieldType(field: "url", type: "tautan"))
    }
    // An unknown type in the Identitas rows too.
    let identity = text.replacingOccurrences(
      of: #""keterangan": "Tanggal buku kerja diisi.", "type": "tanggal""#,
      with: #""keterangan": "Tanggal buku kerja diisi.", "type": "hari""#)
    XCTAssertNotEqual(identity, text)
    try Data(identity.utf8).write(to: domains)
    XCTAssertThrowsError(try Standard.load(folder: folder, overrides: [:], institution: "")) {
      XCTAssertEqual(
        $0 as? StandardError, .unknownFieldType(field: "tanggal_pengisian", type: "hari"))
    }
  }

  func testMatchKeyIgnoresCaseSpacingPunctuationAndDiacritics() {
    XCTAssertEqual(MatchKey.of("Kode  RAB (Level-3)"), "koderablevel3")
    XCTAssertEqual(
      MatchKey.of("Kementerian/Lembaga Terkait"), MatchKey.of("kementerian lembaga terkait"))
    XCTAssertTrue(MatchKey.containsWords(MatchKey.words("Daftar Aplikasi 2024"), ["aplikasi"]))
    XCTAssertFalse(MatchKey.containsWords(MatchKey.words("Aplikasinya"), ["aplikasi"]))
  }

  func testEditDistanceIsBounded() {
    XCTAssertEqual(Suggest.distance("kitten", "sitting", bound: 5), 3)
    XCTAssertEqual(Suggest.distance("abc", "abcdefgh", bound: 2), 3)
  }
}
