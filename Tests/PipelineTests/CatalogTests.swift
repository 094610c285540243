import Spreadsheet
import XCTest

@testable import Pipeline

/// Every finding type and every variant of the catalog, rendered in both
/// languages: no text is empty and no `{…}` is left unfilled.
final class CatalogTests: XCTestCase {
  typealias V = Catalog.Variant

  /// The parameters every finding of the pipeline may carry (SPEC §5).
  static let common: [String: String] = [
    "domain": "Aplikasi", "ekstensi": "pdf", "galat": "#REF!", "daftar": "raa", "kode": "RAA.01",
    "tingkat": "1", "tingkat_diminta": "3", "induk": "RAA.02", "pilihan": "Web, Mobile",
    "id": "APL-01", "opd_lain": "Dinkes, Bapenda", "menjadi": "2024-08-17", "jumlah": "2",
    "versi": "1", "versi_kini": "2", "tipe": "tanggal", "berkas_asli": "dinkes.xlsx",
    "lain": "dinkes lama.xlsx › Aplikasi › baris 4",
    "jenis": "Perangkat Keras Server", "berlaku": "Komputasi Awan",
  ]

  /// One finding per (type, variant): the parameters that choose the variant.
  static let cases: [(FindingType, V, [String: String], [String])] = {
    var c: [(FindingType, V, [String: String], [String])] = []
    for t in FindingType.allCases { c.append((t, .plain, [:], [])) }
    c.removeAll { [.berkasTidakTerbaca, .diLuarRentang, .berkasDilewati].contains($0.0) }
    c += [
      (.lembarTidakDikenal, .ambiguousSheet, ["seri": "ya"], []),
      (.pilihanTidakDikenal, .severalChoices, ["ganda": "ya"], ["Web", "Mobile"]),
      (.pilihanTidakDikenal, .suggested, [:], ["Web"]),
      (.opdTidakDikenal, .noSource, ["sebab": "tanpa-sumber"], []),
      (.opdTidakDikenal, .suggested, [:], ["Dinas Kesehatan"]),
      (.kodeTidakDikenal, .suggested, [:], ["RAA.01.01"]),
      (.kodeTingkatTidakSesuai, .suggested, [:], ["RAA.01.01.01"]),
      (.nilaiDinormalisasi, .excelSerial, ["cara": "serial"], []),
      (.diLuarRentang, .between, ["min": "1", "max": "5"], []),
      (.diLuarRentang, .atLeast, ["min": "0"], []),
      (.diLuarRentang, .atMost, ["max": "100"], []),
      (.diLuarRentang, .plain, [:], []),
      (.diLuarRentang, .beforeStart, ["sebelum": "Tanggal Mulai", "mulai": "2024-08-17"], []),
      (.duplikatLintasOpd, .oneMoreCounted, ["jumlah_lain": "6"], []),
      (.duplikatLintasOpd, .moreCounted, ["jumlah_lain": "52"], []),
      (.berkasDilewati, .outputsFolder, ["sebab": SkipReason.outputsFolder.rawValue], []),
      (.berkasDilewati, .symlink, ["sebab": SkipReason.symlink.rawValue], []),
      (.berkasDilewati, .notRegularFile, ["sebab": SkipReason.notRegularFile.rawValue], []),
      (.berkasDilewati, .nameTooLong, ["sebab": SkipReason.nameTooLong.rawValue], []),
      (.berkasDilewati, .folderUnreadable, ["sebab": SkipReason.folderUnreadable.rawValue], []),
      (.berkasDilewati, .nestedZip, ["sebab": SkipReason.nestedZip.rawValue], []),
      (.berkasDilewati, .unsafeName, ["sebab": SkipReason.unsafeName.rawValue], []),
      (.berkasDilewati, .mergedCopy, ["sebab": SkipReason.mergedCopy.rawValue], []),
      (.berkasDilewati, .plain, [:], []),
      (.idGanda, .firstNamed, ["pertama": "dinkes.xlsx › Aplikasi › A4"], []),
    ]
    let read: [(ReadError, V)] = [
      (.io(path: "", errno: ENOENT), .notFound), (.io(path: "", errno: EACCES), .noPermission),
      (.io(path: "", errno: EIO), .ioFailure), (.notRegularFile(path: ""), .notRegularFile),
      (.io(path: "", errno: ENAMETOOLONG), .nameTooLong),
      (.unsupportedFormat(.xls), .unsupportedFormat), (.encrypted, .encrypted),
      (.notASpreadsheet, .notASpreadsheet),
      (.corruptArchive(part: nil, detail: ""), .corruptArchive),
      (.corruptArchive(part: "xl/workbook.xml", detail: ""), .corruptArchiveInPart),
      (.missingPart("xl/workbook.xml"), .missingPart),
      (.malformedXML(part: "xl/styles.xml", line: 0, detail: ""), .malformedXML),
      (.malformedXML(part: "xl/styles.xml", line: 3, detail: ""), .malformedXMLAtLine),
      (
        .invalidCellReference(part: "xl/worksheets/sheet1.xml", reference: "ZZZ0"),
        .invalidCellReference
      ),
      (.noSuchSheet("X", available: []), .noSuchSheet),
      (.noSuchSheet("X", available: ["A", "B"]), .noSuchSheetListed),
      (.limitExceeded(.partSize, part: "xl/sharedStrings.xml"), .limitRaisable),
      (.limitExceeded(.entityExpansion, part: "xl/workbook.xml"), .limitFixed),
    ]
    c += read.map { (.berkasTidakTerbaca, $0.1, ReadErrorMessages.params($0.0), []) }
    c.append((.berkasTidakTerbaca, .plain, ["sebab": "lain"], []))
    return c
  }()

  func finding(_ type: FindingType, _ params: [String: String], _ suggestions: [String])
    -> Finding
  {
    var f = Finding(
      type, at: Location(file: "dinkes.xlsx", sheet: "Aplikasi", row: 4, column: 2),
      column: "Nama Aplikasi", field: "nama", value: "SIMPEG",
      params: Self.common.merging(params) { $1 }, suggestions: suggestions)
    // A duplicate across OPDs keeps every other OPD; `jumlah_lain` says how many here.
    if let n = Int(params["jumlah_lain"] ?? "") { f.otherOPDs = (1...n).map { "OPD \($0)" } }
    return f
  }

  func assertFilled(
    _ text: String, _ what: String, file: StaticString = #filePath, line: UInt = #line
  ) {
    XCTAssertFalse(
      text.trimmingCharacters(in: .whitespaces).isEmpty, "\(what) is empty", file: file, line: line)
    XCTAssertNil(
      text.range(of: #"\{[a-z_]*\}"#, options: .regularExpression), "\(what): \(text)", file: file,
      line: line)
  }

  func testEveryTypeAndVariantRendersInBothLanguages() {
    var covered: [FindingType: Set<V>] = [:]
    for (type, variant, params, suggestions) in Self.cases {
      let f = finding(type, params, suggestions)
      XCTAssertEqual(Catalog.variant(of: f), variant, "\(type.rawValue) \(params)")
      covered[type, default: []].insert(variant)
      for lang in Language.allCases {
        let (message, fix) = Catalog.render(f, lang: lang)
        let what = "\(type.rawValue) .\(variant) \(lang)"
        assertFilled(message, what)
        if let fix { assertFilled(fix, what + " fix") }
      }
    }
    for type in FindingType.allCases {
      let entry = Catalog.entry(type)
      XCTAssertNotNil(entry.variants[.plain], "\(type.rawValue) has no plain text")
      for lang in Language.allCases { assertFilled(Catalog.title(type, lang: lang), "title") }
      XCTAssertNotEqual(entry.title(.id), entry.title(.en), type.rawValue)
      // Every variant the catalog defines is rendered above.
      let defined = Set(entry.variants.keys)
      XCTAssertEqual(
        defined.subtracting(covered[type] ?? []), [], "\(type.rawValue): variants not rendered")
      XCTAssertEqual(entry.level, type.defaultSeverity)
    }
  }

  /// The words a text is filled with, for every value they are chosen by.
  func testEveryTermRendersInBothLanguages() {
    let limits: [LimitKind] = [
      .partSize, .compressionRatio, .xmlDepth, .entityExpansion, .sharedStrings, .csvSize,
      .csvField, .sheetCells,
    ]
    for lang in Language.allCases {
      for kind in Catalog.expectedKinds {
        let (message, fix) = Catalog.render(
          finding(.tipeTidakSesuai, ["tipe": kind], []), lang: lang)
        assertFilled(message, kind)
        assertFilled(fix ?? "", kind)
      }
      for kind in limits {
        let f = finding(
          .berkasTidakTerbaca, ReadErrorMessages.params(.limitExceeded(kind, part: "p")), [])
        assertFilled(Catalog.render(f, lang: lang).message, kind.rawValue)
      }
      for format in [UnsupportedFormat.xls, .xlsb, .ods, .numbers] {
        let f = finding(
          .berkasTidakTerbaca, ReadErrorMessages.params(.unsupportedFormat(format)), [])
        assertFilled(Catalog.render(f, lang: lang).message, format.rawValue)
      }
    }
  }
}
