import Foundation
import XCTest

/// `analisis` of `arsitektur-spbe.json`, its sheets in `konsolidasi.xlsx` and
/// its line in the terminal: exactly what the fixture set was built to show,
/// and on the bundled inputs, numbers that add up to the records behind them.
final class AnalysisTests: XCTestCase {
  let epoch = ["SOURCE_DATE_EPOCH": "1767225600"]
  let fixtures = Binary.packageRoot.appendingPathComponent("Tests/EndToEndTests/Fixtures/analisis")
  let domains = ["proses_bisnis", "layanan", "data", "aplikasi", "infrastruktur", "keamanan"]

  func run(_ inputs: URL, quiet: Bool = true) throws -> (Binary.Result, URL) {
    let out = try Binary.temporaryFolder("analisis")
    let r = try Binary.run(
      ["run", "--inputs", inputs.path, "--outputs", out.path] + (quiet ? ["--quiet"] : []),
      environment: epoch)
    return (r, out)
  }

  func analysis(_ out: URL) throws -> (doc: [String: Any], analisis: [String: Any]) {
    let json = out.appendingPathComponent("arsitektur-spbe.json")
    XCTAssertEqual(try Binary.schemaErrors(json), "")
    let doc = try Binary.loadJSON(json)
    return (doc, try XCTUnwrap(doc["analisis"] as? [String: Any]))
  }

  /// JSON values compared as JSON (key order and number types aside).
  func same(_ a: Any?, _ b: Any?) -> Bool {
    guard let a, let b else { return a == nil && b == nil || (a is NSNull || b is NSNull) }
    let x = try? JSONSerialization.data(withJSONObject: [a], options: [.sortedKeys])
    let y = try? JSONSerialization.data(withJSONObject: [b], options: [.sortedKeys])
    return x != nil && x == y
  }

  func refKey(_ r: Any) -> String {
    let d = r as? [String: Any] ?? [:]
    return "\(d["domain"] ?? "")|\(d["opd"] ?? "")|\(d["id"] ?? "")"
  }

  /// Every record of the document as `domain|opd|id`.
  func records(_ doc: [String: Any]) -> Set<String> {
    var out = Set<String>()
    for d in domains {
      for r in doc[d] as? [[String: Any]] ?? [] {
        out.insert("\(d)|\(r["opd"] as? String ?? "")|\(r["id"] as? String ?? "")")
      }
    }
    return out
  }

  func testFixtureGivesTheExpectedAnalyses() throws {
    let expected = try Binary.loadJSON(fixtures.appendingPathComponent("expected.json"))
    let (r, out) = try run(fixtures)
    XCTAssertEqual(r.status, 0, r.stderr)
    let (doc, a) = try analysis(out)
    XCTAssertEqual((doc["ditolak"] as? [Any])?.count, 0)

    // Anggaran: the applications' amounts (other domains' amount fields are empty here).
    let budget = try XCTUnwrap(a["anggaran"] as? [String: Any])
    let want = try XCTUnwrap(expected["anggaran"] as? [String: Any])
    XCTAssertEqual(budget["total"] as? Int, want["total"] as? Int)
    let lines = (budget["per_opd"] as? [[String: Any]] ?? []).filter {
      $0["domain"] as? String == "aplikasi"
    }
    XCTAssertTrue(same(lines, want["per_opd"]), "\(lines)")
    XCTAssertTrue(same(budget["termahal"], want["termahal"]), "\(budget["termahal"] ?? "")")

    // Aplikasi Umum: who uses each, who does not, the migration candidates.
    let used = try XCTUnwrap(expected["aplikasi_umum_dipakai"] as? [String: [String]])
    let senders = try XCTUnwrap(expected["aplikasi_umum_opd_pengirim"] as? [String])
    let migration = try XCTUnwrap(expected["kandidat_migrasi"] as? [String: Any])
    let common = try XCTUnwrap(a["aplikasi_umum"] as? [[String: Any]])
    XCTAssertFalse(common.isEmpty)
    for c in common {
      let name = c["nama"] as? String ?? ""
      let users = used[name] ?? []
      XCTAssertEqual(c["opd_pengguna"] as? [String], users, name)
      XCTAssertEqual(
        c["opd_bukan_pengguna"] as? [String], senders.filter { !users.contains($0) }, name)
      XCTAssertTrue(same(c["kandidat_migrasi"], migration[name] ?? []), name)
    }
    XCTAssertTrue(same(a["kelas_aplikasi"], expected["kelas_aplikasi"]), "\(a["kelas_aplikasi"]!)")

    // Two consolidation groups, with their OPDs, RAA code and summed budget.
    let groups = try XCTUnwrap(a["kandidat_konsolidasi"] as? [[String: Any]])
    let wantGroups = try XCTUnwrap(expected["kandidat_konsolidasi"] as? [[String: Any]])
    XCTAssertEqual(groups.count, wantGroups.count, "\(groups)")
    for (g, w) in zip(groups, wantGroups) {
      for key in ["aplikasi", "opd", "raa", "anggaran"] {
        XCTAssertTrue(same(g[key], w[key]), "\(key): \(g[key] ?? "") ≠ \(w[key] ?? "")")
      }
      XCTAssertTrue((g["alasan"] as? String ?? "").contains(w["raa"] as? String ?? "?"))
      XCTAssertFalse((g["kata_sama"] as? [String] ?? []).isEmpty)
    }

    for key in ["celah", "interoperabilitas", "hosting"] {
      XCTAssertTrue(same(a[key], expected[key]), "\(key): \(a[key] ?? "")")
    }
  }

  func testBundledInputsAddUpAndPointAtRecords() throws {
    let inputs = Binary.packageRoot.appendingPathComponent("inputs")
    let (r, out) = try run(inputs, quiet: false)
    XCTAssertEqual(r.status, 1, r.stderr)
    let (doc, a) = try analysis(out)
    let budget = try XCTUnwrap(a["anggaran"] as? [String: Any])
    let total = try XCTUnwrap(budget["total"] as? Int)

    // The amounts of the accepted records, by the standard's rupiah fields.
    let standard = try Binary.loadJSON(
      Binary.packageRoot.appendingPathComponent("Sources/Standard/Resources/domains.json"))
    var sum = 0
    var without = 0
    for d in standard["domains"] as? [[String: Any]] ?? [] {
      let key = d["key"] as? String ?? ""
      let amounts = (d["fields"] as? [[String: Any]] ?? []).filter {
        $0["type"] as? String == "rupiah"
      }.compactMap { $0["key"] as? String }
      guard !amounts.isEmpty else { continue }
      for rec in doc[key] as? [[String: Any]] ?? [] {
        let values = amounts.compactMap { rec[$0] as? Int }
        sum += values.reduce(0, +)
        if values.isEmpty { without += 1 }
      }
    }
    XCTAssertGreaterThan(sum, 0)
    XCTAssertEqual(total, sum)
    XCTAssertEqual(budget["tanpa_nilai"] as? Int, without)
    let perOPD = try XCTUnwrap(budget["per_opd"] as? [[String: Any]])
    XCTAssertEqual(perOPD.reduce(0) { $0 + ($1["jumlah"] as? Int ?? 0) }, total)
    XCTAssertEqual(perOPD.reduce(0) { $0 + ($1["tanpa_nilai"] as? Int ?? 0) }, without)

    // SRIKANDI: `umum`, used by exactly the OPDs whose applications name it.
    let naming = Set(
      (doc["aplikasi"] as? [[String: Any]] ?? []).filter {
        ($0["nama"] as? String ?? "").range(
          of: #"\bsrikandi\b"#, options: [.regularExpression, .caseInsensitive]) != nil
      }.compactMap { $0["opd"] as? String })
    XCTAssertFalse(naming.isEmpty)
    let common = try XCTUnwrap(a["aplikasi_umum"] as? [[String: Any]])
    let srikandi = try XCTUnwrap(common.first { $0["nama"] as? String == "SRIKANDI" })
    XCTAssertEqual(srikandi["kelas"] as? String, "umum")
    XCTAssertEqual(srikandi["opd_pengguna"] as? [String], naming.sorted())

    // Every gap and candidate points at a record that exists.
    let all = records(doc)
    var refs: [Any] = []
    for c in common { refs += c["kandidat_migrasi"] as? [Any] ?? [] }
    for g in a["kandidat_konsolidasi"] as? [[String: Any]] ?? [] {
      refs += g["aplikasi"] as? [Any] ?? []
    }
    for g in a["celah"] as? [[String: Any]] ?? [] where !(g["id"] is NSNull) { refs.append(g) }
    for h in a["hosting"] as? [[String: Any]] ?? [] {
      for id in h["aplikasi"] as? [String] ?? [] {
        refs.append(["domain": "aplikasi", "opd": h["opd"] as? String ?? "", "id": id])
      }
    }
    refs += a["kelas_aplikasi"] as? [Any] ?? []
    XCTAssertFalse(refs.isEmpty)
    for ref in refs { XCTAssertTrue(all.contains(refKey(ref)), refKey(ref)) }
    XCTAssertEqual((a["kelas_aplikasi"] as? [Any])?.count, (doc["aplikasi"] as? [Any])?.count)

    // The terminal's line, and the workbook's budget sheet holding numbers.
    XCTAssertTrue(r.stdout.contains("Analisis: anggaran Rp "), r.stdout)
    let script = """
      import openpyxl, sys
      wb = openpyxl.load_workbook(sys.argv[1], read_only=True)
      names = [n for n in wb.sheetnames if n.startswith("Analisis")]
      rows = list(wb["Analisis Anggaran"].iter_rows(min_row=2, values_only=True))
      assert all(isinstance(r[3], (int, float)) for r in rows), rows[:3]
      print(len(names), int(sum(r[3] for r in rows)))
      """
    let xlsx = out.appendingPathComponent("konsolidasi.xlsx")
    let py = try Binary.tool(["python3", "-c", script, xlsx.path])
    XCTAssertEqual(
      py.stdout.trimmingCharacters(in: .whitespacesAndNewlines), "7 \(total)", py.stderr)
  }
}
