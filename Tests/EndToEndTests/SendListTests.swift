import Foundation
import XCTest

/// Feedback that says what is missing and who to send it to: `berkas-kosong`,
/// pages for every OPD, the Identitas contact, and `daftar-kirim.csv`.
final class SendListTests: XCTestCase {
  let epoch = ["SOURCE_DATE_EPOCH": "1767225600"]
  let domainsJSON = Binary.packageRoot.appendingPathComponent(
    "Sources/Standard/Resources/domains.json"
  ).path
  let domainLabels = [
    "Proses Bisnis", "Layanan", "Data dan Informasi", "Aplikasi", "Infrastruktur", "Keamanan",
  ]

  func read(_ url: URL) throws -> String {
    String(decoding: try Data(contentsOf: url), as: UTF8.self)
  }

  /// The page of `code` named in the send list.
  func page(_ out: URL, _ list: [[String: String]], _ code: String) throws -> String {
    let entry = try XCTUnwrap(list.first { $0["kode_opd"] == code }, code)
    return try read(out.appendingPathComponent(try XCTUnwrap(entry["halaman"])))
  }

  func sendList(_ out: URL) throws -> [[String: String]] {
    let records = Tools.csvRecords(try read(out.appendingPathComponent("daftar-kirim.csv")))
    let header = try XCTUnwrap(records.first)
    return records.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(header, $0)) }
  }

  /// A blank template for Dinkes, saved again by LibreOffice as staff receive it.
  func blankWorkbook() throws -> URL {
    let made = try Binary.temporaryFolder("kosong-templat")
    let r = try Binary.run(["template", "--outputs", made.path, "--opd", "Dinkes"])
    XCTAssertEqual(r.status, 0, r.stderr)
    let inputs = try Binary.temporaryFolder("kosong-masukan")
    try Tools.soffice(
      [
        "--convert-to", "xlsx", "--outdir", inputs.path,
        made.appendingPathComponent("templat-spbe-Dinkes.xlsx").path,
      ])
    return inputs
  }

  func testABlankWorkbookIsSaidAndNeverThanked() throws {
    let inputs = try blankWorkbook()
    let out = try Binary.temporaryFolder("kosong-keluaran")
    let r = try Binary.run(
      ["run", "--inputs", inputs.path, "--outputs", out.path, "--quiet"], environment: epoch)
    XCTAssertEqual(r.status, 0, r.stderr)
    let doc = try Binary.loadJSON(out.appendingPathComponent("arsitektur-spbe.json"))
    let findings = try XCTUnwrap(doc["temuan"] as? [[String: Any]])
    let empty = findings.filter { $0["jenis"] as? String == "berkas-kosong" }
    XCTAssertEqual(empty.count, 1, "\(findings)")
    XCTAssertEqual(empty.first?["tingkat"] as? String, "peringatan")
    XCTAssertEqual(empty.first?["berkas"] as? String, "templat-spbe-Dinkes.xlsx")
    XCTAssertEqual(try Binary.schemaErrors(out.appendingPathComponent("arsitektur-spbe.json")), "")

    // The blank workbook is Dinkes's (its Identitas names it): its page says
    // nothing was received and lists the six domains to send.
    let list = try sendList(out)
    let dinkes = try XCTUnwrap(list.first { $0["singkatan"] == "Dinkes" })
    XCTAssertEqual(dinkes["status"], "perlu-perbaikan")
    XCTAssertEqual(dinkes["domain_belum_dikirim"]?.split(separator: ";").count, 6)
    let html = try page(out, list, try XCTUnwrap(dinkes["kode_opd"]))
    XCTAssertFalse(html.contains("Terima kasih"), html)
    XCTAssertTrue(html.contains("Belum ada baris yang diterima"), html)
    XCTAssertTrue(html.contains("templat-spbe-Dinkes.xlsx"))
    let missing = try XCTUnwrap(html.components(separatedBy: "id=\"belum-dikirim\"").last)
    for label in domainLabels { XCTAssertTrue(missing.contains(label), label) }
  }

  func testEveryOPDOfTheRegistryHasAPage() throws {
    let out = try Binary.temporaryFolder("semua-opd")
    let inputs = Binary.packageRoot.appendingPathComponent("inputs")
    let r = try Binary.run(
      ["run", "--inputs", inputs.path, "--outputs", out.path, "--quiet"], environment: epoch)
    XCTAssertEqual(r.status, 1, r.stderr)
    let doc = try Binary.loadJSON(out.appendingPathComponent("arsitektur-spbe.json"))
    let opds = try XCTUnwrap(doc["opd"] as? [[String: Any]])
    let list = try sendList(out)
    XCTAssertEqual(list.map { $0["kode_opd"] ?? "" }, opds.map { $0["kode"] as? String ?? "" })
    let silent = Set(
      try XCTUnwrap((doc["ringkasan"] as? [String: Any])?["opd_tanpa_kiriman"] as? [String]))
    XCTAssertFalse(silent.isEmpty)
    let pages = try FileManager.default.contentsOfDirectory(
      atPath: out.appendingPathComponent("umpan-balik").path)
    XCTAssertEqual(pages.filter { $0 != "opd-tidak-dikenal.html" }.count, opds.count)

    for (o, entry) in zip(opds, list) {
      let code = o["kode"] as? String ?? ""
      let html = try page(out, list, code)
      let jumlah = (o["jumlah"] as? [String: Any] ?? [:]).compactMapValues {
        ($0 as? NSNumber)?.intValue
      }
      let rejected = (doc["ditolak"] as? [[String: Any]] ?? []).filter {
        $0["opd"] as? String == code
      }
      let sent = Set(
        jumlah.filter { $0.value > 0 }.map(\.key) + rejected.compactMap { $0["domain"] as? String })
      let missing = StoreTests.domains.filter { !sent.contains($0) }
      XCTAssertEqual(entry["domain_belum_dikirim"], missing.joined(separator: ";"), code)
      if silent.contains(code) {
        // A short page: what is expected, nothing about files.
        XCTAssertEqual(entry["status"], "belum-mengirim")
        XCTAssertTrue(html.contains("Belum ada kiriman"), code)
        XCTAssertFalse(html.contains("Terima kasih"), code)
        for label in domainLabels { XCTAssertTrue(html.contains(label), label) }
      } else {
        XCTAssertNotEqual(entry["status"], "belum-mengirim", code)
        let errors = Int(entry["kesalahan"] ?? "") ?? -1
        XCTAssertEqual(
          entry["status"], errors == 0 && missing.isEmpty ? "lengkap" : "perlu-perbaikan", code)
        XCTAssertEqual(html.contains("id=\"belum-dikirim\""), !missing.isEmpty, code)
      }
    }
    // Dinkes carries its planted mistakes (`Websit` in Aplikasi).
    let dinkes = try XCTUnwrap(list.first { $0["singkatan"] == "Dinkes" })
    XCTAssertEqual(dinkes["status"], "perlu-perbaikan")
    XCTAssertGreaterThan(Int(dinkes["kesalahan"] ?? "") ?? 0, 0)
    // Every status occurs, so the comparisons above are not vacuous.
    XCTAssertEqual(
      Set(list.compactMap { $0["status"] }), ["belum-mengirim", "perlu-perbaikan", "lengkap"],
      "\(list.map { $0["status"] })")
  }

  func testTheIdentitasContactIsKeptPerOPD() throws {
    let made = try Binary.temporaryFolder("kontak-templat")
    XCTAssertEqual(
      try Binary.run(["template", "--outputs", made.path, "--opd", "Dinkes"]).status, 0)
    let template = made.appendingPathComponent("templat-spbe-Dinkes.xlsx").path
    let inputs = try Binary.temporaryFolder("kontak-masukan")
    let filled = inputs.appendingPathComponent("dinkes.xlsx").path
    let fill = try Tools.python("fill_template.py", [template, domainsJSON, filled, "2"])
    XCTAssertEqual(fill.status, 0, fill.output)
    let script = """
      import datetime, sys, openpyxl
      wb = openpyxl.load_workbook(sys.argv[1]); ws = wb["Identitas"]
      values = {"Nama Pengisi": "Siti Rahma", "Jabatan": "Pranata Komputer 198001012005011001",
                "Kontak": "siti@serangkab.go.id", "Tanggal Pengisian": datetime.date(2026, 11, 3)}
      for row in ws.iter_rows():
          if row[0].value in values: ws.cell(row=row[0].row, column=2, value=values[row[0].value])
      wb.save(sys.argv[1])
      """
    let set = try Binary.tool(["python3", "-c", script, filled])
    XCTAssertEqual(set.status, 0, set.stderr)
    let out = try Binary.temporaryFolder("kontak-keluaran")
    let r = try Binary.run(
      ["run", "--inputs", inputs.path, "--outputs", out.path, "--quiet"], environment: epoch)
    XCTAssertLessThanOrEqual(r.status, 1, r.stderr)
    let json = out.appendingPathComponent("arsitektur-spbe.json")
    XCTAssertEqual(try Binary.schemaErrors(json), "")
    let opds = try XCTUnwrap(try Binary.loadJSON(json)["opd"] as? [[String: Any]])
    let withContact = opds.filter { !($0["kontak"] is NSNull) }
    XCTAssertEqual(withContact.count, 1)
    XCTAssertEqual(withContact.first?["singkatan"] as? String, "Dinkes")
    let kontak = try XCTUnwrap(withContact.first?["kontak"] as? [String: String])
    XCTAssertEqual(
      kontak,
      [
        "nama_pengisi": "Siti Rahma", "jabatan": "Pranata Komputer 198001012005011001",
        "kontak": "siti@serangkab.go.id", "tanggal_pengisian": "2026-11-03",
      ])

    // The send list and both workbook sheets carry it as written; the page masks the NIP.
    let entry = try XCTUnwrap(try sendList(out).first { $0["singkatan"] == "Dinkes" })
    XCTAssertEqual(entry["nama_pengisi"], "Siti Rahma")
    XCTAssertEqual(entry["kontak"], "siti@serangkab.go.id")
    // Every domain sent from the template, without errors: nothing left to do.
    XCTAssertEqual(entry["status"], "lengkap")
    XCTAssertEqual(entry["kesalahan"], "0")
    XCTAssertEqual(entry["domain_belum_dikirim"], "")
    let html = try page(out, try sendList(out), try XCTUnwrap(entry["kode_opd"]))
    XCTAssertTrue(html.contains("Siti Rahma"))
    XCTAssertFalse(html.contains("198001012005011001"))
    XCTAssertTrue(html.contains("1980••••••••••••01"))
    let sheets = """
      import sys, openpyxl
      wb = openpyxl.load_workbook(sys.argv[1], read_only=True)
      for name in ("Ringkasan", "Daftar Kirim"):
          rows = [r for r in wb[name].iter_rows(values_only=True) if "Siti Rahma" in r]
          print(name, len(rows), rows[0][list(rows[0]).index("Siti Rahma") + 2] if rows else "")
      print(wb["Daftar Kirim"].max_row - 1)
      """
    let book = try Binary.tool(
      ["python3", "-c", sheets, out.appendingPathComponent("konsolidasi.xlsx").path])
    XCTAssertEqual(book.status, 0, book.stderr)
    XCTAssertEqual(
      book.stdout.split(separator: "\n").map(String.init),
      ["Ringkasan 1 siti@serangkab.go.id", "Daftar Kirim 1 siti@serangkab.go.id", "\(opds.count)"])
  }

  func testAnInstructionSheetAsksTheOPDForNothing() throws {
    let made = try Binary.temporaryFolder("petunjuk-templat")
    XCTAssertEqual(
      try Binary.run(["template", "--outputs", made.path, "--opd", "Dinkes"]).status, 0)
    let inputs = try Binary.temporaryFolder("petunjuk-masukan")
    let filled = inputs.appendingPathComponent("dinkes.xlsx").path
    let fill = try Tools.python(
      "fill_template.py",
      [made.appendingPathComponent("templat-spbe-Dinkes.xlsx").path, domainsJSON, filled, "2"])
    XCTAssertEqual(fill.status, 0, fill.output)
    let script = """
      import sys, openpyxl
      wb = openpyxl.load_workbook(sys.argv[1])
      ws = wb.create_sheet("Petunjuk Pengisian", 0); ws["A1"] = "Isi setiap lembar sesuai judulnya."
      ws = wb.create_sheet("Catatan Rapat"); ws["A1"] = "Rapat koordinasi 3 November"
      wb.save(sys.argv[1])
      """
    XCTAssertEqual(try Binary.tool(["python3", "-c", script, filled]).status, 0)
    let out = try Binary.temporaryFolder("petunjuk-keluaran")
    let r = try Binary.run(
      ["run", "--inputs", inputs.path, "--outputs", out.path, "--quiet"], environment: epoch)
    XCTAssertLessThanOrEqual(r.status, 1, r.stderr)
    let doc = try Binary.loadJSON(out.appendingPathComponent("arsitektur-spbe.json"))
    let unknown = (doc["temuan"] as? [[String: Any]] ?? []).filter {
      $0["jenis"] as? String == "lembar-tidak-dikenal"
    }
    XCTAssertEqual(
      unknown.compactMap { $0["lembar"] as? String }.sorted(),
      ["Catatan Rapat", "Petunjuk Pengisian"])
    let entry = try XCTUnwrap(try sendList(out).first { $0["singkatan"] == "Dinkes" })
    let html = try page(out, try sendList(out), try XCTUnwrap(entry["kode_opd"]))
    // What to fix names the unknown sheet, not the instruction sheet; the notes name both.
    let parts = html.components(separatedBy: "<details")
    XCTAssertEqual(parts.count, 2)
    XCTAssertTrue(parts[0].contains("Catatan Rapat"))
    XCTAssertFalse(parts[0].contains("Petunjuk Pengisian"))
    XCTAssertTrue(parts[1].contains("Petunjuk Pengisian"))
  }
}
