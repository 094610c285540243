import Standard
import XCTest

/// `aplikasi-umum.csv` as the analyses read it: sorted, classed, each
/// Aplikasi Umum with the RAA code and the words migration candidates are
/// found by, and no alias that would make a local application national.
final class CommonApplicationListTests: XCTestCase {
  let standard = try! Standard.load(institution: "Pemerintah Kabupaten Serang")

  func testTheListIsLoadedSortedAndIndicative() throws {
    let entries = standard.commonApplications.entries
    XCTAssertFalse(entries.isEmpty)
    XCTAssertEqual(
      entries.map(\.name),
      entries.map(\.name).sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) })
    XCTAssertEqual(standard.info("aplikasi_umum")?.status, "indicative")
    let raa = try XCTUnwrap(standard.codelists["raa"])
    for e in entries {
      XCTAssertTrue(CommonApplicationList.kinds.contains(e.kind), e.name)
      XCTAssertFalse(e.source.isEmpty, e.name)
      XCTAssertEqual(raa.entry(e.raa)?.level, 2, e.name)
      if e.kind == "umum" { XCTAssertFalse(e.keywords.isEmpty, e.name) }
    }
    let umum = Set(entries.filter { $0.kind == "umum" }.map(\.name))
    for name in ["SRIKANDI", "SP4N-LAPOR!", "SPSE", "SIASN", "SIPD", "e-Kinerja"] {
      XCTAssertTrue(umum.contains(name), name)
    }
    let national = Set(entries.filter { $0.kind == "khusus-nasional" }.map(\.name))
    for name in ["SIAK", "Dapodik", "SATUSEHAT", "SIMPUS"] {
      XCTAssertTrue(national.contains(name), name)
    }
  }

  func testNoNameOrAliasIsOneCommonWord() {
    // `Lapor Sampah Serang` is a local application, not SP4N-LAPOR!.
    let common: Set<String> = ["lapor", "aplikasi", "sistem", "informasi", "data", "mpp"]
    for e in standard.commonApplications.entries {
      for n in [e.name] + e.aliases {
        XCTAssertFalse(common.contains(MatchKey.of(n)), "\(e.name): \(n)")
      }
    }
  }
}
