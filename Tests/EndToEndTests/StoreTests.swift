import Foundation
import XCTest

/// `arsitektur.sqlite`, opened with the `sqlite3` shell as an analyst would,
/// against the JSON of the same run.
final class StoreTests: XCTestCase {
  let epoch = ["SOURCE_DATE_EPOCH": "1767225600"]
  static let domains = [
    "proses_bisnis", "layanan", "data", "aplikasi", "infrastruktur", "keamanan",
  ]

  /// One bundled run, shared by the tests that only read it.
  static let bundled = SharedValue<(URL, [String: Any])?>(nil)

  func bundledRun() throws -> (URL, [String: Any]) {
    try Self.bundled.get {
      let out = try Binary.temporaryFolder("store")
      let inputs = Binary.packageRoot.appendingPathComponent("inputs")
      let r = try Binary.run(
        ["run", "--inputs", inputs.path, "--outputs", out.path, "--quiet"], environment: epoch)
      XCTAssertEqual(r.status, 1, r.stderr)
      return (out, try Binary.loadJSON(out.appendingPathComponent("arsitektur-spbe.json")))
    }
  }

  static func sqlite(_ db: URL, _ sql: String) throws -> [[String]] {
    let r = try Binary.tool(["sqlite3", "-readonly", "-separator", "\t", db.path, sql])
    XCTAssertEqual(r.status, 0, r.stderr)
    return r.stdout.split(separator: "\n", omittingEmptySubsequences: true).map {
      $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
    }
  }

  func testEveryTableHoldsAsManyRowsAsTheJSON() throws {
    let (out, doc) = try bundledRun()
    let db = out.appendingPathComponent("arsitektur.sqlite")
    for key in Self.domains + ["ditolak", "temuan", "opd", "sumber"] {
      let json = try XCTUnwrap(doc[key] as? [Any], key).count
      let rows = try Self.sqlite(db, "select count(*) from \(key)")
      XCTAssertEqual(rows, [[String(json)]], key)
    }
    // Not a vacuous comparison: the bundled inputs fill every domain.
    for key in Self.domains { XCTAssertGreaterThan((doc[key] as? [Any])?.count ?? 0, 0, key) }
    XCTAssertGreaterThan((doc["ditolak"] as? [Any])?.count ?? 0, 0)
  }

  func testRecordsKeepTheirFieldsAndOrder() throws {
    let (out, doc) = try bundledRun()
    let db = out.appendingPathComponent("arsitektur.sqlite")
    let apps = try XCTUnwrap(doc["aplikasi"] as? [[String: Any]])
    let rows = try Self.sqlite(
      db,
      "select id, nama, opd, ifnull(lokasi_hosting, ''), ifnull(anggaran, ''), asal_baris"
        + " from aplikasi order by urutan")
    XCTAssertEqual(rows.count, apps.count)
    for (row, app) in zip(rows, apps) {
      let anggaran = (app["anggaran"] as? NSNumber).map { String($0.int64Value) } ?? ""
      let asal = try XCTUnwrap(app["asal"] as? [String: Any])
      XCTAssertEqual(
        row,
        [
          app["id"] as? String ?? "", app["nama"] as? String ?? "", app["opd"] as? String ?? "",
          app["lokasi_hosting"] as? String ?? "", anggaran,
          "\((asal["baris"] as? NSNumber)?.intValue ?? -1)",
        ])
    }
    // Every field of the standard is a column, plus order, extras and origin.
    let columns = try Self.sqlite(db, "select name from pragma_table_info('aplikasi')").map {
      $0[0]
    }
    let fields = try XCTUnwrap(apps.first).keys.filter { $0 != "asal" }
    XCTAssertEqual(
      Set(columns), Set(fields + ["urutan", "asal_berkas", "asal_lembar", "asal_baris"]))
    // Lists are JSON text.
    let layanan = try Self.sqlite(
      db, "select count(*) from aplikasi where json_valid(layanan) and json_valid(tambahan)")
    XCTAssertEqual(layanan, [[String(apps.count)]])
  }

  func testWhichOPDsHostOutsideTheDataCentre() throws {
    let (out, doc) = try bundledRun()
    let db = out.appendingPathComponent("arsitektur.sqlite")
    let inside: Set<String> = ["Pusat Data Daerah", "Pusat Data Nasional"]
    let apps = try XCTUnwrap(doc["aplikasi"] as? [[String: Any]])
    let expected = Set(
      apps.compactMap { a -> String? in
        guard let l = a["lokasi_hosting"] as? String, !inside.contains(l) else { return nil }
        return a["opd"] as? String
      })
    XCTAssertFalse(expected.isEmpty)
    let rows = try Self.sqlite(
      db,
      """
      select distinct o.kode, o.nama from aplikasi a join opd o on o.kode = a.opd
      where a.lokasi_hosting is not null
        and a.lokasi_hosting not in ('Pusat Data Daerah', 'Pusat Data Nasional')
      order by o.kode
      """)
    XCTAssertEqual(rows.map { $0[0] }, expected.sorted())
    // The query uses the index on opd rather than scanning the registry.
    let plan = try Self.sqlite(db, "explain query plan select * from aplikasi where opd = 'x'")
    XCTAssertTrue(plan.joined().joined().contains("aplikasi_opd"), "\(plan)")
  }

  func testFindingsAndRejectedRowsMatchTheJSON() throws {
    let (out, doc) = try bundledRun()
    let db = out.appendingPathComponent("arsitektur.sqlite")
    let findings = try XCTUnwrap(doc["temuan"] as? [[String: Any]])
    let rows = try Self.sqlite(db, "select id, jenis, tingkat, berkas from temuan order by id")
    XCTAssertEqual(
      rows,
      findings.map {
        [
          $0["id"] as? String ?? "", $0["jenis"] as? String ?? "", $0["tingkat"] as? String ?? "",
          $0["berkas"] as? String ?? "",
        ]
      })
    let rejected = try XCTUnwrap(doc["ditolak"] as? [[String: Any]])
    let ids = try Self.sqlite(db, "select temuan from ditolak order by urutan").map { $0[0] }
    let expected = try rejected.map {
      String(
        decoding: try JSONSerialization.data(withJSONObject: $0["temuan"] ?? []), as: UTF8.self)
    }
    XCTAssertEqual(ids, expected)
    // Every finding for an OPD can be joined to it.
    let joined = try Self.sqlite(
      db, "select count(*) from temuan_opd t left join opd o on o.kode = t.opd where o.kode is null"
    )
    XCTAssertEqual(joined, [["0"]])
  }

  /// Same inputs, other worker count: the same rows and values.
  func testTheSameInputsGiveTheSameRows() throws {
    let (out, _) = try bundledRun()
    let again = try Binary.temporaryFolder("store-1")
    let inputs = Binary.packageRoot.appendingPathComponent("inputs")
    let r = try Binary.run(
      ["run", "--inputs", inputs.path, "--outputs", again.path, "--quiet", "--jobs", "1"],
      environment: epoch)
    XCTAssertEqual(r.status, 1, r.stderr)
    let dump = { (dir: URL) throws -> String in
      try Binary.tool(["sqlite3", dir.appendingPathComponent("arsitektur.sqlite").path, ".dump"])
        .stdout
    }
    let a = try dump(out)
    XCTAssertGreaterThan(a.count, 10_000)
    XCTAssertEqual(a, try dump(again))
  }
}

/// A value computed once and shared by the tests of a class.
final class SharedValue<T>: @unchecked Sendable {
  private var value: T
  private let lock = NSLock()
  init(_ value: T) { self.value = value }

  func get<U>(_ make: () throws -> U) throws -> U where T == U? {
    lock.lock()
    defer { lock.unlock() }
    if let v = value { return v }
    let v = try make()
    value = v
    return v
  }
}
