import Foundation
import XCTest

/// The tool runs for any instansi: a made-up city with its own OPD and wilayah
/// lists (`daftar_kode`) and `instansi` in `pipeline.yml`, nothing of the
/// bundled regency's.
final class OtherInstansiTests: XCTestCase {
  let epoch = ["SOURCE_DATE_EPOCH": "1767225600"]

  func write(_ text: String, _ url: URL) throws { try Data(text.utf8).write(to: url) }

  /// The bundled regency lives in its data alone (its OPD and wilayah lists and
  /// `instansi` of `codelists.json`), never in code or in the standard.
  func testNoSourceOrStandardFileNamesTheBundledRegion() throws {
    let sources = Binary.packageRoot.appendingPathComponent("Sources")
    let files = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)!
      .compactMap { $0 as? URL }
      .filter { $0.pathExtension == "swift" || $0.lastPathComponent == "domains.json" }
    XCTAssertGreaterThan(files.count, 50)
    for file in files {
      let text = try String(contentsOf: file, encoding: .utf8).lowercased()
      XCTAssertFalse(text.contains("serang"), file.path)
      XCTAssertFalse(text.contains("36.04"), file.path)
    }
  }

  func testAMadeUpCityRunsEndToEndWithItsOwnOPDs() throws {
    let work = try Binary.temporaryFolder("kota-contoh")
    defer { try? FileManager.default.removeItem(at: work) }
    try write(
      """
      kode,nama,singkatan,alias
      9.01.0.00.0.00.01.0000,Dinas Lingkungan Contoh,Dislingco,
      9.02.0.00.0.00.01.0000,Badan Arsip Contoh,Basipco,Arsip Contoh
      9.03.0.00.0.00.01.0000,Kantor Urusan Contoh,Kurco,

      """, work.appendingPathComponent("opd-contoh.csv"))
    try write(
      """
      kode,nama,tingkat,induk
      99,Provinsi Contoh,1,
      99.71,Kota Contoh,2,99
      99.71.01,Kecamatan Pertama,3,99.71

      """, work.appendingPathComponent("wilayah-contoh.csv"))
    let inputs = work.appendingPathComponent("masukan")
    try FileManager.default.createDirectory(at: inputs, withIntermediateDirectories: true)
    try write(
      """
      instansi:
        nama: Pemerintah Kota Contoh
        kode_wilayah: "99.71"
      periode: "2026-2030"
      masukan: masukan
      keluaran: keluaran
      daftar_kode:
        opd: opd-contoh.csv
        wilayah: wilayah-contoh.csv

      """, work.appendingPathComponent("pipeline.yml"))

    // One workbook from the city's template for one OPD, filled in.
    let template = try Binary.run(
      ["template", "--opd", "Dislingco", "--outputs", "templat"], in: work)
    XCTAssertEqual(template.status, 0, template.stderr)
    let domains = Binary.packageRoot.appendingPathComponent(
      "Sources/Standard/Resources/domains.json"
    ).path
    let fill = try Tools.python(
      "fill_template.py",
      [
        work.appendingPathComponent("templat/templat-spbe-Dislingco.xlsx").path, domains,
        inputs.appendingPathComponent("lingkungan.xlsx").path, "2",
      ])
    XCTAssertEqual(fill.status, 0, fill.output)
    // A second one whose Identitas names its OPD with the city after it, under
    // another label the reader knows ("Nama OPD"), and no code.
    let second = inputs.appendingPathComponent("arsip.xlsx")
    let edit = try Binary.tool([
      "python3", "-c",
      """
      import openpyxl, sys
      wb = openpyxl.load_workbook(sys.argv[1])
      ws = wb["Identitas"]
      for row in ws.iter_rows():
          if row[0].value == "Nama Perangkat Daerah":
              row[0].value = "Nama OPD"; row[1].value = "Badan Arsip Contoh Kota Contoh"
          if row[0].value == "Kode Perangkat Daerah":
              row[1].value = None
      wb.save(sys.argv[2])
      """,
      inputs.appendingPathComponent("lingkungan.xlsx").path, second.path,
    ])
    XCTAssertEqual(edit.status, 0, edit.stderr)
    // A CSV named after the third OPD, with the city after its name.
    try write(
      """
      ID Layanan,Nama Layanan,Tujuan,Fungsi,Kode RAL,Target Layanan,Metode Layanan
      LY-01,Pencatatan Urusan,Mencatat urusan warga,Pencatatan,RAL.01.12.06,Masyarakat,Elektronik

      """, inputs.appendingPathComponent("Kantor Urusan Contoh Kota Contoh - Layanan.csv"))

    let run = try Binary.run(
      ["run", "--quiet", "--fail-on", "tidak"], environment: epoch, in: work)
    XCTAssertEqual(run.status, 0, run.stderr)
    let outputs = work.appendingPathComponent("keluaran")
    let doc = try Binary.loadJSON(outputs.appendingPathComponent("arsitektur-spbe.json"))
    let instansi = doc["instansi"] as? [String: Any]
    XCTAssertEqual(instansi?["nama"] as? String, "Pemerintah Kota Contoh")
    XCTAssertEqual(instansi?["kode_wilayah"] as? String, "99.71")
    XCTAssertEqual(
      (doc["opd"] as? [[String: Any]])?.compactMap { $0["kode"] as? String },
      ["9.01.0.00.0.00.01.0000", "9.02.0.00.0.00.01.0000", "9.03.0.00.0.00.01.0000"])
    let findings = doc["temuan"] as? [[String: Any]] ?? []
    XCTAssertFalse(
      findings.contains { $0["jenis"] as? String == "opd-tidak-dikenal" }, "\(findings)")

    // Every accepted record belongs to the OPD its file names.
    var byFile: [String: Set<String>] = [:]
    for key in ["proses_bisnis", "layanan", "data", "aplikasi", "infrastruktur", "keamanan"] {
      for r in doc[key] as? [[String: Any]] ?? [] {
        let file = (r["asal"] as? [String: Any])?["berkas"] as? String ?? "?"
        byFile[file, default: []].insert(r["opd"] as? String ?? "?")
      }
    }
    XCTAssertEqual(
      byFile,
      [
        "lingkungan.xlsx": ["9.01.0.00.0.00.01.0000"], "arsip.xlsx": ["9.02.0.00.0.00.01.0000"],
        "Kantor Urusan Contoh Kota Contoh - Layanan.csv": ["9.03.0.00.0.00.01.0000"],
      ])
    XCTAssertEqual(
      try Binary.schemaErrors(outputs.appendingPathComponent("arsitektur-spbe.json")), "")

    // Nothing in any output speaks of the bundled regency.
    let check = try Binary.tool([
      "python3", "-c",
      """
      import os, sys, zipfile
      bad = [b"serang", b"36.04", b"diskominfosatik"]
      hits = []
      for folder, _, names in os.walk(sys.argv[1]):
          for name in names:
              path = os.path.join(folder, name)
              if name.endswith(".xlsx"):
                  z = zipfile.ZipFile(path)
                  texts = [(path + ":" + n, z.read(n)) for n in z.namelist()]
              else:
                  texts = [(path, open(path, "rb").read())]
              hits += [p for p, t in texts if any(w in t.lower() for w in bad)]
      print("\\n".join(hits))
      """,
      outputs.path,
    ])
    XCTAssertEqual(check.status, 0, check.stderr)
    XCTAssertEqual(check.stdout.trimmingCharacters(in: .whitespacesAndNewlines), "")
    // With no `instansi.pengelola`, the feedback pages say whom to send to in general words.
    let page = try String(
      contentsOf: outputs.appendingPathComponent(
        "umpan-balik/9.01.0.00.0.00.01.0000-dislingco.html"),
      encoding: .utf8)
    XCTAssertTrue(page.contains("Pertanyaan: hubungi pengelola SPBE."), page)
  }
}
