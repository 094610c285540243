import Foundation
import Spreadsheet
import Standard
import Yams

/// The stages of a run, in the only order data can flow; each is a boundary a
/// run can stop at.
public enum Stage: String, Sendable, CaseIterable {
  /// Each file read, its values normalized and checked: one pass over its rows,
  /// so reading, normalizing and checking are not stages of their own.
  case validate
  /// The checks across files and OPDs (ids, references, duplicates) and rejection.
  case consolidate
  /// The outputs written.
  case emit

  /// Names earlier versions gave the steps of `validate`; read as `validate`.
  static let partsOfValidate: Set<String> = ["extract", "normalize"]
}

/// The outputs a run can write.
public enum OutputFormat: String, Sendable, CaseIterable {
  case json
  case temuanCSV = "temuan-csv"
  case konsolidasiXLSX = "konsolidasi-xlsx"
  case laporanHTML = "laporan-html"
  case umpanBalik = "umpan-balik"
  case profilHTML = "profil-html"
  case perubahan
  case siaSPBE = "sia-spbe"
  case daftarKirim = "daftar-kirim"
  case sqlite
}

/// When a run exits 1 (SPEC §6 `--fail-on`).
public enum FailOn: String, Sendable, CaseIterable {
  case kesalahan, peringatan, tidak
}

/// `pipeline.yml`: every key is documented in the README; unknown keys and bad
/// values are refused with the key's name.
public struct Configuration: Sendable {
  public var institutionName = Standard.bundledInstitution.name
  public var regionCode = Standard.bundledInstitution.regionCode
  /// `instansi.pengelola`: the office OPDs send their workbooks to; empty when
  /// another instansi names none (the pages then say "pengelola SPBE").
  public var collectingOffice = Standard.bundledInstitution.collectingOffice
  public var period = "2025-2029"
  public var inputs = "inputs"
  public var outputs = "outputs"
  public var stages = Stage.allCases
  public var formats = OutputFormat.allCases
  /// Codelist name → CSV path replacing the bundled list.
  public var codelistOverrides: [String: String] = [:]
  public var failOn = FailOn.kesalahan
  public var language = Language.id
  /// 0: one per core.
  public var jobs = 0
  public var limits = ReadLimits()
  /// `riwayat`: the folder of the rounds (beside `pipeline.yml` by default).
  public var history = "riwayat"
  /// `--tanpa-riwayat` clears it: the run records no round.
  public var recordsHistory = true

  public init() {}

  public static let fileName = "pipeline.yml"

  static let topKeys: Set<String> = [
    "instansi", "periode", "masukan", "keluaran", "tahapan", "format_keluaran", "daftar_kode",
    "gagal_jika", "bahasa", "paralel", "batas", "riwayat",
  ]
  static let limitKeys: Set<String> = [
    "ukuran_bagian_mb", "rasio_kompresi", "kedalaman_xml", "jumlah_shared_strings",
    "ukuran_csv_mb", "ukuran_sel_csv_mb", "sel_per_lembar",
  ]

  /// The `batas` key that raises a limit (none for entity declarations: they
  /// are always refused).
  public static func limitKey(_ kind: LimitKind) -> String? {
    switch kind {
    case .partSize: return "batas.ukuran_bagian_mb"
    case .compressionRatio: return "batas.rasio_kompresi"
    case .xmlDepth: return "batas.kedalaman_xml"
    case .sharedStrings: return "batas.jumlah_shared_strings"
    case .csvSize: return "batas.ukuran_csv_mb"
    case .csvField: return "batas.ukuran_sel_csv_mb"
    case .sheetCells: return "batas.sel_per_lembar"
    case .entityExpansion: return nil
    }
  }

  /// Loads `path`; relative folders and codelist paths are taken relative to the
  /// folder holding the file.
  public static func load(path: String) throws -> Configuration {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw FileManager.default.fileExists(atPath: path)
        ? ConfigError.unreadable(path: path) : ConfigError.missing(path: path)
    }
    guard let text = String(data: data, encoding: .utf8) else {
      throw ConfigError.notText(path: path)
    }
    let node: Node?
    do {
      node = try Yams.compose(yaml: text)
    } catch let e as YamlError {
      throw ConfigError(e, path: path)
    }
    var c = Configuration()
    let base = (path as NSString).deletingLastPathComponent
    func resolve(_ p: String) -> String {
      p.hasPrefix("/") || base.isEmpty ? p : (base as NSString).appendingPathComponent(p)
    }
    c.history = resolve(c.history)
    guard let root = node else { return c }
    guard let map = root.mapping else {
      throw ConfigError.badValue(key: "(dokumen)", expected: "pemetaan kunci: nilai")
    }
    for (k, v) in map {
      guard let key = k.string else { continue }
      switch key {
      case "instansi":
        let m = try mapping(v, key)
        var office: String?
        for (ik, iv) in m {
          switch ik.string ?? "" {
          case "nama": c.institutionName = try string(iv, "instansi.nama")
          case "pengelola": office = try string(iv, "instansi.pengelola")
          case "kode_wilayah":
            c.regionCode = try string(iv, "instansi.kode_wilayah")
            guard c.regionCode.range(of: #"^\d\d(\.\d\d)*$"#, options: .regularExpression) != nil
            else {
              throw ConfigError.badValue(
                key: "instansi.kode_wilayah",
                expected: "kode wilayah Kemendagri, mis. \"32.73\" atau \"35\"")
            }
          default: throw ConfigError.unknownKey("instansi.\(ik.string ?? "?")")
          }
          // The bundled office belongs to the bundled instansi only.
          let bundled = Standard.bundledInstitution
          c.collectingOffice =
            office ?? (c.institutionName == bundled.name ? bundled.collectingOffice : "")
        }
      case "periode": c.period = try string(v, key)
      case "masukan": c.inputs = resolve(try string(v, key))
      case "keluaran": c.outputs = resolve(try string(v, key))
      case "tahapan":
        let names = try list(v, key)
        var stages: [Stage] = []
        for n in names {
          // `extract` and `normalize`, the names of earlier versions, are part
          // of `validate`: a pipeline.yml written for them still runs.
          guard let s = Stage(rawValue: n) ?? (Stage.partsOfValidate.contains(n) ? .validate : nil)
          else {
            throw ConfigError.badValue(
              key: key, expected: Stage.allCases.map(\.rawValue).joined(separator: ", "))
          }
          if stages.last != s { stages.append(s) }
        }
        // Data flows one way: each stage needs the ones before it.
        guard stages == Array(Stage.allCases.prefix(stages.count)), !stages.isEmpty else {
          throw ConfigError.stageOrder(stages.map(\.rawValue))
        }
        c.stages = stages
      case "format_keluaran":
        c.formats = try list(v, key).map {
          guard let f = OutputFormat(rawValue: $0) else {
            throw ConfigError.badValue(
              key: key, expected: OutputFormat.allCases.map(\.rawValue).joined(separator: ", "))
          }
          return f
        }
      case "daftar_kode":
        for (lk, lv) in try mapping(v, key) {
          c.codelistOverrides[lk.string ?? ""] = resolve(
            try string(lv, "daftar_kode.\(lk.string ?? "")"))
        }
      case "gagal_jika":
        guard let f = FailOn(rawValue: try string(v, key)) else {
          throw ConfigError.badValue(key: key, expected: "kesalahan, peringatan, tidak")
        }
        c.failOn = f
      case "bahasa":
        guard let l = Language(rawValue: try string(v, key)) else {
          throw ConfigError.badValue(key: key, expected: "id, en")
        }
        c.language = l
      case "paralel":
        c.jobs = try int(v, key, min: 0)
      case "batas":
        for (lk, lv) in try mapping(v, key) {
          let name = lk.string ?? ""
          let full = "batas.\(name)"
          switch name {
          case "ukuran_bagian_mb":
            c.limits.maxPartBytes = Int64(try int(lv, full, min: 1, max: maxMegabytes)) << 20
          case "rasio_kompresi": c.limits.maxCompressionRatio = Int64(try int(lv, full, min: 1))
          case "kedalaman_xml": c.limits.maxXMLDepth = try int(lv, full, min: 8)
          case "jumlah_shared_strings": c.limits.maxSharedStrings = try int(lv, full, min: 1)
          case "ukuran_csv_mb":
            c.limits.maxCSVBytes = Int64(try int(lv, full, min: 1, max: maxMegabytes)) << 20
          case "ukuran_sel_csv_mb":
            c.limits.maxCSVFieldBytes = try int(lv, full, min: 1, max: maxMegabytes) << 20
          case "sel_per_lembar": c.limits.maxSheetCells = try int(lv, full, min: 1000)
          default: throw ConfigError.unknownKey(full)
          }
        }
      case "riwayat": c.history = resolve(try string(v, key))
      default:
        throw ConfigError.unknownKey(key)
      }
    }
    return c
  }

  private static func mapping(_ n: Node, _ key: String) throws -> Node.Mapping {
    guard let m = n.mapping else {
      throw ConfigError.badValue(key: key, expected: "pemetaan kunci: nilai")
    }
    return m
  }
  private static func string(_ n: Node, _ key: String) throws -> String {
    guard let s = n.scalar?.string, !s.isEmpty else {
      throw ConfigError.badValue(key: key, expected: "teks")
    }
    return s
  }
  private static func list(_ n: Node, _ key: String) throws -> [String] {
    guard let seq = n.sequence else {
      throw ConfigError.badValue(key: key, expected: "daftar [a, b]")
    }
    return try seq.map { try string($0, key) }
  }
  /// The largest `batas` size in MB whose count of bytes still fits in 64 bits.
  static let maxMegabytes = Int(Int64.max >> 20)

  private static func int(_ n: Node, _ key: String, min: Int, max: Int? = nil) throws -> Int {
    guard let s = n.scalar?.string, let v = Int(s), v >= min, v <= max ?? .max else {
      let range = max.map { "bilangan bulat \(min) sampai \($0)" } ?? "bilangan bulat ≥ \(min)"
      throw ConfigError.badValue(key: key, expected: range)
    }
    return v
  }
}

/// Why `pipeline.yml` was refused.
public enum ConfigError: Error, Equatable, Sendable {
  /// The file named by `--config` does not exist.
  case missing(path: String)
  /// The file exists but cannot be read (permissions, a folder).
  case unreadable(path: String)
  /// The file is not UTF-8 text.
  case notText(path: String)
  /// The YAML is not well-formed where it stops making sense (1-based).
  case syntax(path: String, line: Int, column: Int)
  case duplicateKey(path: String, key: String, line: Int)
  case unknownKey(String)
  case badValue(key: String, expected: String)
  case stageOrder([String])
}

extension ConfigError {
  /// Only the place and the kind of a YAML error: libyaml's English and the
  /// file's text it carries are not for people.
  init(_ e: YamlError, path: String) {
    switch e {
    case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _):
      self = .syntax(path: path, line: mark.line, column: mark.column)
    case .duplicatedKeysInMapping(let keys, let context):
      // A key is the file's text: a hostile one is cut short.
      let key = keys.first ?? ""
      let shown = key.count > 60 ? key.prefix(60) + "…" : key
      self = .duplicateKey(path: path, key: shown, line: context.mark.line)
    case .reader, .dataCouldNotBeDecoded:
      self = .notText(path: path)
    default:
      self = .syntax(path: path, line: 0, column: 0)
    }
  }
}
