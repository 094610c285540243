import Foundation
import Pipeline
import Spreadsheet
import Standard
import XCTest

/// Each finding type of SPEC §5, raised by a small input and pointing at the
/// right cell. CSV inputs are written here; XLSX-only findings are covered by
/// the end-to-end tests on real workbooks.
final class FindingTests: XCTestCase {
  static let standard = try! Standard.load()

  func run(_ files: [String: String], consolidate: Bool = true) throws -> Architecture {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("findings-\(UUID())")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    for (name, text) in files {
      try Data(text.utf8).write(to: dir.appendingPathComponent(name))
    }
    var config = Configuration()
    if !consolidate { config.stages = [.validate] }
    let run = PipelineRun(standard: Self.standard, configuration: config)
    return run.execute(try PipelineRun.inputs(in: dir.path).files, jobs: 1)
  }

  func findings(_ a: Architecture, _ type: FindingType) -> [Finding] {
    a.findings.filter { $0.type == type }
  }

  static let appHeader =
    "No,Nama Aplikasi,Kode RAA,Basis Aplikasi,Status,Tahun Pembuatan,URL,Anggaran,Tanggal Pemutakhiran"

  func testAcceptedApplicationIsNormalized() throws {
    let a = try run([
      "dinkes_aplikasi.csv": Self.appHeader + "\n"
        + "1,SIMPUS,raa 01.02,website,aktif,2019,simpus.serangkab.go.id,\"Rp 1.500.000,-\",17 Agustus 2024\n"
    ])
    XCTAssertEqual(a.accepted.count, 1)
    let r = try XCTUnwrap(a.accepted.first)
    XCTAssertEqual(r.opd, "1.02.0.00.0.00.01.0000")
    XCTAssertEqual(r.values["raa"], .text("RAA.01.02"))
    XCTAssertEqual(r.values["basis_aplikasi"], .text("Web"))
    XCTAssertEqual(r.values["status"], .text("Aktif"))
    XCTAssertEqual(r.values["tahun_pembuatan"], .integer(2019))
    XCTAssertEqual(r.values["url"], .text("https://simpus.serangkab.go.id"))
    XCTAssertEqual(r.values["anggaran"], .integer(1_500_000))
    XCTAssertEqual(r.values["tanggal_pemutakhiran"], .date(.init(year: 2024, month: 8, day: 17)))
    XCTAssertEqual(findings(a, .nilaiDinormalisasi).first?.location.cell, "C2")
    XCTAssertEqual(findings(a, .idDibuat).count, 1)
    guard case .text(let id)? = r.values["id"] else { return XCTFail("no id") }
    XCTAssertTrue(id.hasPrefix("AP-"), id)
  }

  func testGeneratedIdsAreStableAcrossRuns() throws {
    let input = ["dinkes_aplikasi.csv": Self.appHeader + "\n1,SIMPUS,RAA.01.02,Web,Aktif,,,,\n"]
    let first = try run(input).accepted.first?.values["id"]
    let second = try run(input).accepted.first?.values["id"]
    XCTAssertNotNil(first)
    XCTAssertEqual(first, second)
  }

  func testEachValueProblemPointsAtItsCell() throws {
    let a = try run([
      "dinkes_aplikasi.csv": Self.appHeader + "\n"
        + "1,,RAA.01.02,Web,Aktif,,,,\n"  // wajib-diisi B2
        + "2,A,RAA.09.09,Web,Aktif,,,,\n"  // kode-tidak-dikenal C3
        + "3,B,RAA.01,Web,Aktif,,,,\n"  // kode-tingkat-tidak-sesuai C4
        + "4,C,RAA.01.01,Websit,Aktif,,,,\n"  // pilihan-tidak-dikenal D5
        + "5,D,RAA.01.01,Web,Aktif,1890,,,\n"  // di-luar-rentang F6
        + "6,E,RAA.01.01,Web,Aktif,,,banyak,\n"  // tipe-tidak-sesuai H7
        + "7,F,RAA.01.01,Web,Aktif,,,,31/02/2024\n"  // tipe-tidak-sesuai I8
    ])
    let expected: [(FindingType, String)] = [
      (.wajibDiisi, "B2"), (.kodeTidakDikenal, "C3"), (.kodeTingkatTidakSesuai, "C4"),
      (.pilihanTidakDikenal, "D5"), (.diLuarRentang, "F6"), (.tipeTidakSesuai, "H7"),
      (.tipeTidakSesuai, "I8"),
    ]
    for (type, cell) in expected {
      XCTAssertTrue(
        findings(a, type).contains { $0.location.cell == cell && $0.severity == .kesalahan },
        "\(type.rawValue) at \(cell)")
    }
    XCTAssertEqual(a.rejected.count, 7)
    XCTAssertEqual(a.accepted.count, 0)
    XCTAssertEqual(findings(a, .pilihanTidakDikenal).first?.suggestions.first, "Web")
    let table = try XCTUnwrap(a.sources.first?.tables.first)
    XCTAssertEqual(table.dataRows, table.accepted + table.rejected)
  }

  func testSeveralChoicesInOneCellAreRefusedWithTheChoicesSuggested() throws {
    let a = try run([
      "dpmptsp_layanan.csv":
        "Nama Layanan;Kode RAL;Target Layanan;Metode Layanan\n"
        + "Perizinan;RAL.01.23.01;Masyarakat, Pelaku Usaha;Elektronik\n"
    ])
    let f = try XCTUnwrap(findings(a, .pilihanTidakDikenal).first)
    XCTAssertEqual(f.suggestions, ["Masyarakat", "Pelaku Usaha"])
    XCTAssertEqual(f.location.cell, "C2")
  }

  func testProvisionalListGivesAWarningNotAnError() throws {
    let a = try run([
      "diskominfosatik_infrastruktur.csv":
        "Nama Infrastruktur,Jenis Infrastruktur,Kode RAI\nServer,Perangkat Keras Server,RAI.09.01\n"
    ])
    let f = try XCTUnwrap(findings(a, .kodeTidakDikenal).first)
    XCTAssertEqual(f.severity, .peringatan)
    XCTAssertEqual(a.accepted.count, 1)
  }

  func testColumnFindings() throws {
    let a = try run([
      "dinkes_aplikasi.csv":
        "Nama Aplikasi,Kode RAA,Status,Keterangan,Platform,Basis Aplikasi\nX,RAA.01.01,Aktif,catatan,Web,Mobile\n",
      "bapenda_aplikasi.csv": "Nama Aplikasi,Status,Basis Aplikasi\nY,Aktif,Web\n",
    ])
    XCTAssertEqual(findings(a, .kolomTidakDikenal).first?.location.cell, "D1")
    XCTAssertEqual(findings(a, .kolomGanda).first?.location.cell, "F1")
    let missing = try XCTUnwrap(findings(a, .kolomWajibTidakAda).first)
    XCTAssertEqual(missing.location.file, "bapenda_aplikasi.csv")
    XCTAssertEqual(missing.field, "raa")
    // The doubled column's value is kept, not lost.
    let x = try XCTUnwrap(a.records.first { $0.origin.file == "dinkes_aplikasi.csv" })
    XCTAssertEqual(x.values["basis_aplikasi"], .text("Web"))
    XCTAssertTrue(x.extra.contains { $0.0 == "Basis Aplikasi" })
    XCTAssertTrue(x.extra.contains { $0.0 == "Keterangan" })
    XCTAssertTrue(a.records.first { $0.origin.file == "bapenda_aplikasi.csv" }!.rejected)
  }

  /// Which OPD a finding is for is decided once, on the run: a row's finding is
  /// its record's OPD's; a file's finding with no rows goes to the OPD its name
  /// tells; a file no name or row ties to an OPD is nobody's.
  func testWhichOPDAFindingIsForIsDecidedOnTheRun() throws {
    let a = try run([
      "dinsos_aplikasi.csv": Self.appHeader + "\n1,SIKS,RAA.01.02,Web,Hilang,,,,\n",
      "dinkes_aplikasi.csv": "Laporan\nbelum diisi\n",
      "notulen rapat.csv": "Tanggal,Peserta\n1/1/2024,Budi\n",
    ])
    XCTAssertEqual(a.findingOPDs.count, a.findings.count)
    func opds(_ type: FindingType) throws -> [String] {
      let i = try XCTUnwrap(a.findings.firstIndex { $0.type == type }, "\(type)")
      return a.findingOPDs[i]
    }
    XCTAssertEqual(try opds(.pilihanTidakDikenal), ["1.06.0.00.0.00.01.0000"])
    XCTAssertEqual(try opds(.headerTidakDitemukan), ["1.02.0.00.0.00.01.0000"])
    XCTAssertEqual(try opds(.lembarTidakDikenal), [])
  }

  func testSheetAndHeaderFindings() throws {
    let a = try run([
      "notulen rapat.csv": "Tanggal,Peserta\n1/1/2024,Budi\n",
      "dinkes_aplikasi.csv": "Laporan\nbelum diisi\n",
      "laporan.pdf": "%PDF-1.4\n",
      "rusak.xlsx": "PK\u{03}\u{04}bukan zip",
    ])
    XCTAssertEqual(findings(a, .lembarTidakDikenal).first?.location.file, "notulen rapat.csv")
    XCTAssertEqual(findings(a, .headerTidakDitemukan).first?.location.file, "dinkes_aplikasi.csv")
    XCTAssertEqual(findings(a, .formatTidakDidukung).first?.location.file, "laporan.pdf")
    XCTAssertEqual(findings(a, .berkasTidakTerbaca).first?.location.file, "rusak.xlsx")
    XCTAssertEqual(a.sources.filter(\.readable).count, 2)
  }

  func testSheetWithoutAMatchingNameIsRecognizedByItsHeader() throws {
    let a = try run([
      "dinkes 2024.csv":
        "Nama Aplikasi,Kode RAA,Basis Aplikasi,Status\nSIMPUS,RAA.01.01,Web,Aktif\n"
    ])
    XCTAssertEqual(a.sources.first?.tables.first?.domain, "aplikasi")
    XCTAssertEqual(a.accepted.count, 1)
  }

  func testOPDFindings() throws {
    let a = try run([
      "layanan.csv":
        "Perangkat Daerah,Nama Layanan,Kode RAL,Target Layanan,Metode Layanan\n"
        + "Dinas Kesehatann,A,RAL.01.23.01,Masyarakat,Elektronik\n"
        + ",B,RAL.01.23.01,Masyarakat,Elektronik\n"
    ])
    let named = try XCTUnwrap(findings(a, .opdTidakDikenal).first { $0.location.cell == "A2" })
    XCTAssertEqual(named.suggestions.first, "Dinas Kesehatan")
    // No Identitas and a file name naming no OPD: the empty cell cannot fall back.
    XCTAssertEqual(a.rejected.count, 2)
  }

  func testIdsReferencesAndDuplicatesAcrossOPDs() throws {
    let a = try run([
      "dinkes_probis.csv": "ID,Nama Proses Bisnis,Kode RAB\nPB-1,Pelayanan,RAB.04.01.04\n",
      "dinkes_layanan.csv":
        "ID,Nama Layanan,Kode RAL,Target Layanan,Metode Layanan,Proses Bisnis Terkait\n"
        + "L1,A,RAL.01.23.01,Masyarakat,Elektronik,pb-1; PB-9\n"
        + "l1,B,RAL.01.23.01,Masyarakat,Elektronik,\n",
      "dinkes_aplikasi.csv": Self.appHeader + "\n1,SRIKANDI,RAA.01.02,Web,Aktif,,,,\n",
      "bapenda_aplikasi.csv": Self.appHeader + "\n1,Srikandi,RAA.01.02,Web,Aktif,,,,\n",
    ])
    let dup = try XCTUnwrap(findings(a, .idGanda).first)
    XCTAssertEqual(dup.location.cell, "A3")
    XCTAssertEqual(dup.location.file, "dinkes_layanan.csv")
    let missing = try XCTUnwrap(findings(a, .referensiTidakDitemukan).first)
    XCTAssertEqual(missing.value, "PB-9")
    XCTAssertEqual(missing.severity, .peringatan)
    XCTAssertEqual(findings(a, .duplikatLintasOpd).count, 2)
    let l1 = try XCTUnwrap(a.accepted.first { $0.text("id") == "L1" })
    XCTAssertEqual(l1.values["proses_bisnis"], .list(["pb-1", "PB-9"]))
  }

  func testDuplicateAcrossManyOPDsNamesFiveAndCountsTheRest() throws {
    let offices = ["disdikbud", "dinkes", "rsdp", "dpupr", "disperkim", "bpbd", "dinsos"]
    var files: [String: String] = [:]
    for o in offices {
      files["\(o)_aplikasi.csv"] = Self.appHeader + "\n1,SRIKANDI,RAA.01.02,Web,Aktif,,,,\n"
    }
    let a = try run(files)
    let dups = findings(a, .duplikatLintasOpd)
    XCTAssertEqual(dups.count, offices.count)
    let f = try XCTUnwrap(dups.first { $0.location.file == "dinkes_aplikasi.csv" })
    // The finding keeps every other OPD, in code order, its own left out; the
    // message names the first five and counts the sixth (Dinas Sosial).
    XCTAssertEqual(f.otherOPDs.count, 6)
    XCTAssertEqual(f.otherOPDs.last, "Dinas Sosial")
    XCTAssertFalse(f.otherOPDs.contains("Dinas Kesehatan"))
    let id = Catalog.render(f, lang: .id).message
    XCTAssertTrue(id.contains(f.otherOPDs.prefix(5).joined(separator: ", ") + " dan"), id)
    XCTAssertFalse(id.contains("Dinas Sosial"), id)
    XCTAssertTrue(id.hasSuffix(" dan 1 OPD lain."), id)
    XCTAssertTrue(Catalog.render(f, lang: .en).message.hasSuffix(" and 1 other OPD."))
    // Five others or fewer: all named, nothing counted.
    let small = try run(
      Dictionary(
        uniqueKeysWithValues: offices.prefix(3).map {
          ($0 + "_aplikasi.csv", files[$0 + "_aplikasi.csv"]!)
        }))
    for d in findings(small, .duplikatLintasOpd) {
      XCTAssertFalse(Catalog.render(d, lang: .id).message.contains("OPD lain"))
      XCTAssertEqual(d.otherOPDs.count, 2)
    }
  }

  /// `tahapan: [validate]` stops after each file is read and checked: the
  /// checks across files (ids, references, duplicates across OPDs) do not run.
  func testValidateStageStopsBeforeTheChecksAcrossFiles() throws {
    let files = [
      "dinkes_aplikasi.csv": Self.appHeader + "\n,SRIKANDI,RAA.01.02,Web,Aktif,,,,\n",
      "dinsos_aplikasi.csv": Self.appHeader + "\n,SRIKANDI,RAA.01.02,Web,Aktif,,,,\n",
    ]
    let perFile = try run(files, consolidate: false)
    XCTAssertEqual(perFile.records.count, 2)
    XCTAssertTrue(findings(perFile, .idDibuat).isEmpty)
    XCTAssertTrue(findings(perFile, .duplikatLintasOpd).isEmpty)
    XCTAssertTrue(perFile.records.allSatisfy { $0.values["id"] == nil })
    let consolidated = try run(files)
    XCTAssertEqual(findings(consolidated, .idDibuat).count, 2)
    XCTAssertEqual(findings(consolidated, .duplikatLintasOpd).count, 2)
  }

  func testNotesBelowATableAreNotImportedAndBlankRowsAreCounted() throws {
    let a = try run([
      "dinkes_aplikasi.csv": Self.appHeader + "\n"
        + "1,SIMPUS,RAA.01.02,Web,Aktif,,,,\n"
        + "2,,,,,,,,\n"
        + "3,SIKDA,RAA.01.02,Web,Aktif,,,,\n"
        + "Serang 19 Agustus 2024,,,,,,,,\n"
        + ",Kepala Dinas,,,,,,,\n"
    ])
    let t = try XCTUnwrap(a.sources.first?.tables.first)
    XCTAssertEqual(t.dataRows, 2)
    XCTAssertEqual(t.blank, 1)
    XCTAssertEqual(findings(a, .catatanDiabaikan).count, 1)
  }

  func testFindingsAreOrderedByFileSheetAndRow() throws {
    let a = try run([
      "b_aplikasi.csv": Self.appHeader + "\n1,,RAA.01.02,Web,Aktif,,,,\n",
      "a_aplikasi.csv": Self.appHeader
        + "\n1,,RAA.01.02,Web,Aktif,,,,\n2,,RAA.01.02,Web,Aktif,,,,\n",
    ])
    let keys = a.findings.map { "\($0.location.file)#\($0.location.row ?? 0)" }
    XCTAssertEqual(keys, keys.sorted())
    XCTAssertEqual(a.findings.first?.location.file, "a_aplikasi.csv")
  }

  /// Real damaged, encrypted and foreign files from the third-party corpus.
  func testFilesThatCannotBeReadBecomeFindingsAndTheRunGoesOn() throws {
    let bad = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent()
      .appendingPathComponent("SpreadsheetTests/Fixtures/bad")
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("bad-\(UUID())")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let expected: [String: FindingType] = [
      "calamine__pass_protected.xlsx": .berkasTerenkripsi,
      "calamine__date.xls": .formatTidakDidukung,
      "calamine__date.ods": .formatTidakDidukung,
      "roo__type_excel.xlsx": .formatTidakDidukung,
      "poi__truncated_zip_no_eocd.xlsx": .berkasTidakTerbaca,
      "poi__poc-xmlbomb.xlsx": .berkasTidakTerbaca,
    ]
    for name in expected.keys {
      try FileManager.default.copyItem(
        at: bad.appendingPathComponent(name), to: dir.appendingPathComponent(name))
    }
    try Data((Self.appHeader + "\n1,SIMPUS,RAA.01.02,Web,Aktif,,,,\n").utf8)
      .write(to: dir.appendingPathComponent("dinkes_aplikasi.csv"))
    let a = PipelineRun(standard: Self.standard, configuration: Configuration())
      .execute(try PipelineRun.inputs(in: dir.path).files, jobs: 2)
    for (name, type) in expected {
      XCTAssertEqual(a.findings.first { $0.location.file == name }?.type, type, name)
    }
    XCTAssertEqual(a.accepted.count, 1)
    XCTAssertEqual(a.sources.filter(\.readable).map(\.path), ["dinkes_aplikasi.csv"])
  }

  /// An unreadable file is told in words (the reason, and the archive part and
  /// line where they help), never as a Swift value, an errno name or a path.
  func testUnreadableFilesAreToldInWords() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("words-\(UUID())")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    try Data("PK\u{03}\u{04}bukan zip".utf8).write(to: dir.appendingPathComponent("rusak.xlsx"))
    try Data("\u{00}\u{01}\u{02}\u{03}".utf8).write(to: dir.appendingPathComponent("biner.xlsx"))
    let truncated = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent()
      .appendingPathComponent("SpreadsheetTests/Fixtures/bad/poi__truncated_zip_no_eocd.xlsx")
    let processor = FileProcessor(standard: Self.standard, limits: ReadLimits())
    var results = ["rusak.xlsx", "biner.xlsx", "hilang.xlsx"].map {
      processor.process(
        InputFile(absolutePath: dir.appendingPathComponent($0).path, relativePath: $0))
    }
    results.append(
      processor.process(InputFile(absolutePath: truncated.path, relativePath: "terpotong.xlsx")))
    var messages: [String: String] = [:]
    for r in results {
      let f = try XCTUnwrap(r.findings.first { $0.type == .berkasTidakTerbaca }, r.source.path)
      for lang in Language.allCases {
        let (message, fix) = Catalog.render(f, lang: lang)
        let text = message + " " + (fix ?? "")
        XCTAssertNil(text.range(of: #"[a-z][A-Za-z]*\("#, options: .regularExpression), text)
        for leak in ["errno", "ENOENT", "No such file", "zip archive", dir.path, "/tmp"] {
          XCTAssertFalse(text.contains(leak), text)
        }
      }
      messages[r.source.path] = Catalog.render(f, lang: .id).message
    }
    XCTAssertEqual(messages["rusak.xlsx"], "Berkas .xlsx rusak atau terpotong.")
    XCTAssertEqual(messages["terpotong.xlsx"], "Berkas .xlsx rusak atau terpotong.")
    XCTAssertEqual(
      messages["biner.xlsx"],
      "Berkas ini bukan lembar kerja yang dapat dibaca (bukan .xlsx maupun CSV).")
    XCTAssertEqual(
      messages["hilang.xlsx"],
      "Berkas tidak ditemukan saat akan dibaca (mungkin dipindahkan atau dihapus).")
  }

  /// Damaged XML is placed: the archive part and its line.
  func testDamagedXMLNamesItsPartAndLine() {
    let error = ReadError.malformedXML(
      part: "xl/worksheets/sheet2.xml", line: 7, detail: "Opening and ending tag mismatch")
    XCTAssertEqual(
      ReadErrorMessages.message(error, file: "dinkes.xlsx", lang: .id),
      "dinkes.xlsx: Isi berkas rusak di bagian xl/worksheets/sheet2.xml, baris 7. "
        + "Buka berkas di Excel atau LibreOffice, simpan ulang sebagai .xlsx, lalu kirim kembali.")
    XCTAssertEqual(
      ReadErrorMessages.message(error, file: "dinkes.xlsx", lang: .en),
      "dinkes.xlsx: The file's content is damaged in part xl/worksheets/sheet2.xml, line 7. "
        + "Open the file in Excel or LibreOffice, save it again as .xlsx and send it again.")
  }

  /// A file listed but gone when its turn comes: a finding that says so in
  /// words, and no hash rather than the hash of nothing.
  func testFileVanishedBeforeReadingIsAFindingInWords() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("vanish-\(UUID())")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    for name in ["dinkes_aplikasi.csv", "bapenda_aplikasi.csv"] {
      try Data((Self.appHeader + "\n1,SIMPUS,RAA.01.02\n").utf8).write(
        to: dir.appendingPathComponent(name))
    }
    let scan = try PipelineRun.inputs(in: dir.path)
    try FileManager.default.removeItem(at: dir.appendingPathComponent("dinkes_aplikasi.csv"))
    let a = PipelineRun(standard: Self.standard, configuration: Configuration())
      .execute(scan.files, jobs: 1)
    let gone = try XCTUnwrap(a.sources.first { $0.path == "dinkes_aplikasi.csv" })
    XCTAssertNil(gone.sha256)
    XCTAssertFalse(gone.readable)
    XCTAssertNotNil(a.sources.first { $0.path == "bapenda_aplikasi.csv" }?.sha256)
    let f = try XCTUnwrap(findings(a, .berkasTidakTerbaca).first)
    XCTAssertEqual(f.location.file, "dinkes_aplikasi.csv")
    for lang in [Language.id, .en] {
      let (message, fix) = Catalog.render(f, lang: lang)
      XCTAssertTrue(message.contains(lang == .id ? "tidak ditemukan" : "not found"), message)
      XCTAssertFalse(message.contains("io(") || message.contains(dir.path), message)
      XCTAssertNotNil(fix)
    }
  }
}
