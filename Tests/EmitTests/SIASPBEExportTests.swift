import Foundation
import Pipeline
import Spreadsheet
import Standard
import XCTest

@testable import Emit

/// The layout of the portal's forms (`sia-spbe-formulir.json`) against the
/// standard, and the cells the export renders from it.
final class SIASPBEExportTests: XCTestCase {
  /// Fields the standard is gaining for the portal (issue 14, item 1): a
  /// layout column may name one before `domains.json` has it, and is then
  /// written with its header and empty cells.
  static let comingFields: Set<String> = [
    "layanan.urusan_pemerintahan", "layanan.potensi_ekonomi",
    "data.informasi_terkait_input", "data.informasi_terkait_output", "data.keamanan",
    "aplikasi.kerangka_pengembangan", "aplikasi.unit_pengembang", "aplikasi.unit_operasional",
    "aplikasi.proses_bisnis", "aplikasi.infrastruktur", "aplikasi.tahun_anggaran",
    "aplikasi.sumber_dana", "aplikasi.biaya_pemeliharaan",
    "infrastruktur.biaya_layanan", "infrastruktur.tipe_government_cloud",
    "infrastruktur.jangka_waktu_layanan", "infrastruktur.kapasitas_memori",
    "infrastruktur.kapasitas_penyimpanan", "infrastruktur.jenis_penggunaan_server",
    "infrastruktur.teknologi_prosesor", "infrastruktur.teknik_penyimpanan",
    "infrastruktur.metode_akses", "infrastruktur.bandwidth_intranet",
    "infrastruktur.bandwidth_internet", "infrastruktur.klasifikasi_tier",
    "infrastruktur.sistem_pengamanan", "infrastruktur.jenis_lisensi",
    "infrastruktur.validitas_lisensi", "infrastruktur.unit_pengelola",
    "keamanan.tanggal_mulai", "keamanan.tanggal_akhir", "keamanan.jenis_audit",
    "keamanan.jenis_standar",
  ]

  let layout = try! SIASPBELayout.bundled()
  let standard = try! Standard.load()

  func testEveryColumnIsAFieldOrAComingOne() throws {
    var missing: [String] = []
    for form in layout.forms {
      let domain = try XCTUnwrap(standard.domain(form.domain), form.domain)
      for sheet in form.sheets {
        for col in sheet.columns {
          guard let key = col.key else {
            XCTAssertEqual(col.fill, "periode", "\(form.file) › \(col.label): no key, no fill")
            continue
          }
          if domain.field(key) == nil {
            XCTAssertTrue(
              Self.comingFields.contains("\(form.domain).\(key)"),
              "\(form.file) › \(sheet.name) › \(col.label): \(key) is neither a field nor coming")
            missing.append("\(form.domain).\(key)")
          }
          if let level = col.level {
            guard
              case .code = domain.field(key)?.type
                ?? .code(list: "", level: 0, childlessAbove: false)
            else { return XCTFail("\(col.label): a level on a field that is not a code") }
            XCTAssertTrue((1...5).contains(level), col.label)
          }
        }
      }
    }
    // The report of what has no field yet, once per key.
    let unique = Array(Set(missing)).sorted()
    print(
      "sia-spbe: layout columns without a field yet (\(unique.count)): "
        + unique.joined(separator: ", "))
  }

  /// Every field of the standard is in its form, so nothing of an accepted
  /// record is left out of the export (and the round trip can give it back):
  /// the fields every record may have on every sheet, the portal's per-type
  /// attributes on the sheets of their types at least once.
  func testEveryFieldHasAColumn() throws {
    for form in layout.forms {
      let domain = try XCTUnwrap(standard.domain(form.domain))
      let all = form.sheets.flatMap { $0.columns.compactMap(\.key) }
      for f in domain.fields {
        XCTAssertTrue(all.contains(f.key), "\(form.file) lacks \(f.key)")
        guard !Self.comingFields.contains("\(form.domain).\(f.key)") else { continue }
        for sheet in form.sheets {
          XCTAssertTrue(
            sheet.columns.contains { $0.key == f.key },
            "\(form.file) › \(sheet.name) lacks \(f.key)")
        }
      }
    }
  }

  func testSixFormsNamedAfterTheirDomains() throws {
    XCTAssertEqual(layout.forms.map(\.domain), standard.domains.map(\.key))
    for form in layout.forms {
      let domain = try XCTUnwrap(standard.domain(form.domain))
      XCTAssertEqual(form.file, "Domain Arsitektur \(domain.label).xlsx")
      XCTAssertFalse(form.sheets.isEmpty)
      for sheet in form.sheets {
        XCTAssertLessThanOrEqual(sheet.name.count, 31, sheet.name)
        let labels = sheet.columns.map(\.label)
        XCTAssertEqual(Set(labels).count, labels.count, "\(sheet.name): a label twice")
      }
    }
  }

  /// Infrastruktur: one sheet per object type of the portal, and every `jenis`
  /// of the loaded list placed on a sheet of its own type by the layout.
  func testInfrastructureSheetsCoverEveryJenis() throws {
    let form = try XCTUnwrap(layout.forms.first { $0.domain == "infrastruktur" })
    XCTAssertEqual(
      form.sheets.map(\.name),
      [
        "Komputasi Awan", "Perangkat Lunak Platform", "Perangkat Keras Server", "Periferal",
        "Media Penyimpanan", "Perangkat Keamanan", "Perangkat Jaringan",
        "Sistem Penghubung Layanan", "Jaringan Intra", "Fasilitas Komputasi",
      ])
    let kinds = try XCTUnwrap(standard.enumerations["jenis_infrastruktur"])
    for v in kinds.values {
      let on = form.sheets.filter { $0.kinds?.contains(v.code) == true }
      XCTAssertEqual(on.count, 1, "\(v.code) is on \(on.map(\.name))")
    }
  }

  func testCodeCells() throws {
    let context = EmitContext(
      architecture: try emptyArchitecture(), standard: standard,
      configuration: .init(), createdAt: Date(timeIntervalSince1970: 0))
    let export = SIASPBEExport(context, layout: layout)
    let rab = try XCTUnwrap(standard.codelists["rab"])
    let national = try XCTUnwrap(rab.entries.first { $0.level == 3 })
    let parent = try XCTUnwrap(national.parent.flatMap(rab.entry))
    let named = { (e: Codelist.Entry) in "\(e.code) \(e.name.uppercased())" }
    // National levels as `KODE NAMA`, nothing below them.
    XCTAssertEqual(export.codeCell(national.code, list: "rab", level: 2, deepest: 5), named(parent))
    XCTAssertEqual(
      export.codeCell(national.code, list: "rab", level: 3, deepest: 5), named(national))
    XCTAssertEqual(export.codeCell(national.code, list: "rab", level: 4, deepest: 5), "")
    // A local code below it: its level column, the deepest one taking all of it.
    let local = national.code + ".07.02"
    XCTAssertEqual(export.codeCell(local, list: "rab", level: 3, deepest: 5), named(national))
    XCTAssertEqual(
      export.codeCell(local, list: "rab", level: 4, deepest: 5), national.code + ".07")
    XCTAssertEqual(export.codeCell(local, list: "rab", level: 5, deepest: 5), local)
    XCTAssertEqual(export.codeCell(local, list: "rab", level: 4, deepest: 4), local)
    // Without a level: the code and its name.
    XCTAssertEqual(export.codeCell(parent.code, list: "rab", level: nil, deepest: 0), named(parent))
  }

  func testLinksAreIDAndName() {
    XCTAssertEqual(SIASPBEExport.link("PB-01", name: "Penyusunan Perda"), "PB-01 Penyusunan Perda")
    XCTAssertEqual(SIASPBEExport.link("aplikasi:AP-01", name: "SIMPEG"), "aplikasi:AP-01 SIMPEG")
    // The reader takes a first word with a digit as the id: otherwise the id alone.
    XCTAssertEqual(SIASPBEExport.link("IN-abcdefab", name: "Server"), "IN-abcdefab")
    XCTAssertEqual(SIASPBEExport.link("PB 01", name: "Perda"), "PB 01")
    XCTAssertEqual(SIASPBEExport.link("PB-02", name: nil), "PB-02")
  }

  private func emptyArchitecture() throws -> Architecture {
    Architecture(sources: [], records: [], findings: [])
  }
}
