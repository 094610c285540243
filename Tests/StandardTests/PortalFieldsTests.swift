import Foundation
import XCTest

@testable import Standard

/// The fields, choices and spellings the standard took from the SIA-SPBE
/// portal's forms (issue 14), as `domains.json` and the codelists hold them.
final class PortalFieldsTests: XCTestCase {
  let standard = try! Standard.load()

  /// The portal's fields: key → type, by domain (issue 14, item 1).
  static let portalFields: [String: [String: String]] = [
    "layanan": ["urusan_pemerintahan": "kode:rab", "potensi_ekonomi": "teks"],
    "data": [
      "informasi_terkait_input": "teks", "informasi_terkait_output": "teks",
      "keamanan": "ref:keamanan",
    ],
    "aplikasi": [
      "kerangka_pengembangan": "teks", "unit_pengembang": "teks", "unit_operasional": "teks",
      "proses_bisnis": "ref:proses_bisnis", "infrastruktur": "ref:infrastruktur",
      "tahun_anggaran": "tahun", "sumber_dana": "pilihan:sumber_dana",
      "biaya_pemeliharaan": "rupiah",
    ],
    "infrastruktur": [
      "biaya_layanan": "rupiah", "tipe_government_cloud": "pilihan:tipe_government_cloud",
      "jangka_waktu_layanan": "teks", "kapasitas_memori": "teks", "kapasitas_penyimpanan": "teks",
      "jenis_penggunaan_server": "teks", "teknologi_prosesor": "pilihan:teknologi_prosesor",
      "teknik_penyimpanan": "teks", "metode_akses": "pilihan:metode_akses",
      "bandwidth_intranet": "bilangan", "bandwidth_internet": "bilangan",
      "klasifikasi_tier": "pilihan:klasifikasi_tier", "sistem_pengamanan": "teks",
      "jenis_lisensi": "teks", "validitas_lisensi": "teks", "unit_pengelola": "teks",
    ],
    "keamanan": [
      "tanggal_mulai": "tanggal", "tanggal_akhir": "tanggal", "jenis_audit": "teks",
      "jenis_standar": "teks",
    ],
  ]

  func testThePortalsFieldsAreOptionalAndLenient() throws {
    for (domain, fields) in Self.portalFields {
      let d = try XCTUnwrap(standard.domain(domain))
      for (key, type) in fields {
        let f = try XCTUnwrap(d.field(key), "\(domain).\(key)")
        XCTAssertEqual(f.type.name, type, "\(domain).\(key)")
        XCTAssertFalse(f.required, "\(domain).\(key)")
        XCTAssertTrue(f.lenient, "\(domain).\(key)")
        XCTAssertFalse(f.description.isEmpty, "\(domain).\(key)")
      }
    }
    let urusan = try XCTUnwrap(standard.domain("layanan")?.field("urusan_pemerintahan"))
    XCTAssertEqual(urusan.type, .code(list: "rab", level: 2, childlessAbove: false))
    XCTAssertEqual(standard.domain("keamanan")?.field("tanggal_akhir")?.notBefore, "tanggal_mulai")
    XCTAssertTrue(standard.domain("data")?.field("keamanan")?.multiColumn ?? false)
  }

  /// Every infrastructure attribute that belongs to some object types names
  /// codes of `jenis_infrastruktur`; each object type of the portal is a code.
  func testAttributesBelongToObjectTypes() throws {
    let infra = try XCTUnwrap(standard.domain("infrastruktur"))
    let jenis = try XCTUnwrap(standard.enumerations["jenis_infrastruktur"])
    let codes = Set(jenis.values.map(\.code))
    let scoped = infra.fields.filter { !$0.appliesTo.isEmpty }
    XCTAssertGreaterThanOrEqual(scoped.count, 14)
    for f in scoped {
      XCTAssertEqual(Array(f.appliesTo.keys), ["jenis"], f.key)
      XCTAssertTrue(Set(f.appliesTo["jenis"]!).isSubset(of: codes), f.key)
    }
    let portal = [
      "Komputasi Awan", "Perangkat Lunak Platform", "Perangkat Keras Server", "Periferal",
      "Media Penyimpanan", "Perangkat Keamanan", "Perangkat Jaringan", "Sistem Penghubung Layanan",
      "Jaringan Intra", "Pusat Data", "Pusat Komputasi", "Pusat Kendali",
    ]
    for name in portal { XCTAssertNotNil(jenis.match(name), name) }
    XCTAssertEqual(jenis.match("Media Penyimpanan")?.code, "Perangkat Keras Media Penyimpanan")
  }

  func testTheFormsSpellingsReadAsTheirCodes() throws {
    func code(_ list: String, _ text: String) -> String? {
      standard.enumerations[list]?.match(text)?.code
    }
    XCTAssertEqual(code("jenis_data", "Data Lainnya"), "Lainnya")
    XCTAssertEqual(code("jenis_data", "Data Geopasial"), "Data Geospasial")
    XCTAssertEqual(code("basis_aplikasi", "Cloud"), "Cloud")
    XCTAssertEqual(code("status_kepemilikan", "Milik BUMN"), "Milik BUMN")
    XCTAssertEqual(
      code("status_kepemilikan", "Instansi Pemerintah Lain"), "Milik Instansi Pemerintah Lain")
    // The data form's seven security links name the objects with `SPBE` after them.
    let keamanan = try XCTUnwrap(standard.enumerations["jenis_keamanan"])
    for v in keamanan.values {
      XCTAssertEqual(keamanan.match(v.label + " SPBE")?.code, v.code, v.label)
    }
    XCTAssertEqual(
      code("jenis_keamanan", "Standar Teknis dan Prosedur Keamanan SPBE"),
      "Standar dan Prosedur Keamanan")
    for (list, n) in [
      ("tipe_government_cloud", 5), ("klasifikasi_tier", 4), ("metode_akses", 3),
      ("teknologi_prosesor", 3), ("sumber_dana", 5),
    ] {
      XCTAssertEqual(standard.enumerations[list]?.values.count, n, list)
    }
    XCTAssertEqual(code("klasifikasi_tier", "Tier III"), "Tier 3")
  }

  /// A corrected name keeps the source's spelling as an alias; both read as
  /// the code, by name alone.
  func testCorrectedNamesKeepTheSourcesSpelling() throws {
    var corrected = 0
    for list in ["rab", "ral", "rad"] {
      let cl = try XCTUnwrap(standard.codelists[list])
      let level = 3
      let matcher = CodeMatcher(list: cl, level: level, childlessAbove: true)
      for e in cl.entries where !e.aliases.isEmpty {
        corrected += 1
        for spelling in [e.name] + e.aliases {
          XCTAssertEqual(
            matcher.resolve(spelling),
            .accepted(code: e.code, local: false, fromName: true, repaired: false), spelling)
        }
        XCTAssertNotEqual(e.aliases, [e.name])
      }
    }
    XCTAssertEqual(corrected, 13)
    let rab = try XCTUnwrap(standard.codelists["rab"])
    XCTAssertEqual(
      rab.entries(named: "Penge4olaan Pelayanan Kesehatan").map(\.code), ["RAB.04.01.04"])
    XCTAssertEqual(rab.entry("RAB.04.01.04")?.name, "Pengelolaan Pelayanan Kesehatan")
    XCTAssertEqual(rab.entries(named: "Perencanan Pertahanan").map(\.code), ["RAB.01.01.02"])
  }

  /// A per-field key that does not fit its field fails loading with a typed error.
  func testBadPerFieldKeysAreTypedErrors() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "standard-\(UUID())")
    try FileManager.default.copyItem(at: Standard.bundledFolder, to: folder)
    defer { try? FileManager.default.removeItem(at: folder) }
    let domains = folder.appendingPathComponent("domains.json")
    let text = try String(contentsOf: domains, encoding: .utf8)
    let cases: [(String, String, StandardError)] = [
      (
        #""berlaku_untuk": {"jenis": ["Komputasi Awan"]}"#,
        #""berlaku_untuk": {"jenis": ["Awan"]}"#,
        .badFieldKey(
          field: "infrastruktur.biaya_layanan", key: "berlaku_untuk",
          detail: "Awan is not a code of jenis_infrastruktur")
      ),
      (
        #""berlaku_untuk": {"jenis": ["Komputasi Awan"]}"#,
        #""berlaku_untuk": {"nama": ["Komputasi Awan"]}"#,
        .badFieldKey(
          field: "infrastruktur.biaya_layanan", key: "berlaku_untuk",
          detail: "nama is not a pilihan field")
      ),
      (
        #""tidak_sebelum": "tanggal_mulai""#, #""tidak_sebelum": "uraian""#,
        .badFieldKey(
          field: "keamanan.tanggal_akhir", key: "tidak_sebelum",
          detail: "uraian is not another tanggal field")
      ),
    ]
    for (from, to, error) in cases {
      let range = try XCTUnwrap(text.range(of: from), from)
      try Data(text.replacingCharacters(in: range, with: to).utf8).write(to: domains)
      XCTAssertThrowsError(try Standard.load(folder: folder, overrides: [:], institution: "")) {
        XCTAssertEqual($0 as? StandardError, error)
      }
    }
  }
}
