import Foundation
import Spreadsheet

/// The national standard as the tool loads it: domains and fields from
/// `domains.json`, codelists from CSV files (SPEC §3). Nothing of it is in code.
public struct Standard: Sendable {
  /// One loaded codelist file with its provenance, as `daftar_kode` reports it.
  public struct ListInfo: Sendable {
    public let name: String
    public let edition: String
    /// verbatim | reference | provisional | indicative | project
    public let status: String
    public let path: String
    public var isProvisional: Bool { status == "provisional" }
  }

  public let edition: String
  public let domains: [Domain]
  public let noColumnAliases: [String]
  public let lists: [ListInfo]
  public let codelists: [String: Codelist]
  public let enumerations: [String: Enumeration]
  public let opds: OPDRegistry
  /// The rows of the `Identitas` sheet, as the template lays them out.
  public var identity: [IdentityField] = []
  /// Phrases describing types, required-ness and aliases in the template's
  /// column notes (`keterangan_jenis` of `domains.json`), with `{…}` placeholders.
  public var typeNotes: [String: String] = [:]
  /// The Aplikasi Umum and national applications (`aplikasi-umum.csv`), empty
  /// when the manifest lists none.
  public var commonApplications = CommonApplicationList(entries: [])

  public func domain(_ key: String) -> Domain? { domains.first { $0.key == key } }
  public func info(_ list: String) -> ListInfo? { lists.first { $0.name == list } }

  /// The instansi whose OPD and wilayah lists are bundled (`instansi` of
  /// `codelists.json`): the one a `pipeline.yml` without `instansi` stands for.
  public static let bundledInstitution: BundledInstitution =
    (try? decode(
      CodelistManifest.self, from: bundledFolder.appendingPathComponent("codelists.json")))?
    .instansi ?? BundledInstitution(name: "", regionCode: "", collectingOffice: "")

  /// The folder holding the standard's data files inside the tool.
  public static var bundledFolder: URL {
    Bundle.module.bundleURL.appendingPathComponent("Resources")
  }

  /// Loads the bundled standard, with codelist files replaced by `overrides`
  /// (list name → CSV path), as `pipeline.yml` may ask. `institution` (the
  /// name of `instansi`) tells which region suffix an OPD's name may carry.
  public static func load(overrides: [String: String] = [:], institution: String = "") throws
    -> Standard
  {
    try load(folder: bundledFolder, overrides: overrides, institution: institution)
  }

  /// `load` from the data files in `folder` (laid out as the bundled ones).
  public static func load(folder: URL, overrides: [String: String], institution: String) throws
    -> Standard
  {
    let manifest = try decode(
      CodelistManifest.self, from: folder.appendingPathComponent("codelists.json"))
    for name in overrides.keys where !manifest.codelists.contains(where: { $0.nama == name }) {
      throw StandardError.unknownCodelist(name)
    }
    let domainsFile = try decode(
      DomainsFile.self, from: folder.appendingPathComponent("domains.json"))

    var lists: [ListInfo] = []
    var codelists: [String: Codelist] = [:]
    var enumerations: [String: Enumeration] = [:]
    var opdTable: CodelistTable?
    var common = CommonApplicationList(entries: [])
    for item in manifest.codelists {
      let path = overrides[item.nama] ?? folder.appendingPathComponent(item.berkas).path
      // A replaced list is named by its file: the bundled edition is not what it holds.
      let edition = overrides[item.nama].map { URL(fileURLWithPath: $0).lastPathComponent }
      lists.append(
        ListInfo(name: item.nama, edition: edition ?? item.edisi, status: item.status, path: path))
      // Messages name a replacement as `pipeline.yml` wrote it, a bundled list by its name.
      let table = try CodelistTable(path: path, shownAs: overrides[item.nama] ?? item.berkas)
      switch item.jenis {
      case "hierarki":
        codelists[item.nama] = try Codelist(name: item.nama, table: table)
      case "enumerasi":
        for e in try Enumeration.all(table: table) { enumerations[e.name] = e }
      case "opd":
        opdTable = table
      case "aplikasi-umum":
        common = try CommonApplicationList(table: table)
      default:
        throw StandardError.unreadable(file: item.berkas, detail: "jenis \(item.jenis)")
      }
    }
    guard let opdTable else { throw StandardError.missingResource("opd") }
    let province = codelists["wilayah"]?.entries.first { $0.level == 1 }?.name
    let opds = try OPDRegistry(
      table: opdTable,
      regionSuffixes: OPDRegistry.regionSuffixes(institution: institution, province: province))
    let domains = try domainsFile.domains.map { try $0.domain() }
    for d in domains {
      for f in d.fields {
        switch f.type {
        case .code(let list, _, _) where codelists[list] == nil:
          throw StandardError.unknownCodelist(list)
        case .choice(let list) where enumerations[list] == nil:
          throw StandardError.unknownCodelist(list)
        default: break
        }
      }
    }
    for d in domains { try checkFieldKeys(d, enumerations: enumerations) }
    var standard = Standard(
      edition: domainsFile.edisi, domains: domains, noColumnAliases: domainsFile.no_aliases,
      lists: lists, codelists: codelists, enumerations: enumerations, opds: opds)
    standard.identity = try (domainsFile.identitas ?? []).map {
      if let type = $0.type, type != "tanggal", type != "teks" {
        throw StandardError.unknownFieldType(field: $0.key, type: type)
      }
      return IdentityField(
        key: $0.key, label: $0.label, description: $0.keterangan ?? "",
        required: $0.required ?? false, list: $0.daftar, type: $0.type,
        aliases: $0.aliases ?? [])
    }
    standard.typeNotes = domainsFile.keterangan_jenis ?? [:]
    standard.commonApplications = common
    return standard
  }

  private static func decode<T: Decodable>(_ type: T.Type, from url: URL) throws -> T {
    guard let data = FileManager.default.contents(atPath: url.path) else {
      throw StandardError.missingResource(url.lastPathComponent)
    }
    do {
      return try JSONDecoder().decode(type, from: data)
    } catch {
      throw StandardError.unreadable(file: url.lastPathComponent, detail: "\(error)")
    }
  }
}

/// A codelist CSV read by the project's own CSV reader, addressed by column name.
struct CodelistTable {
  let file: String
  let header: [String]
  let rows: [[String]]

  init(path: String, shownAs name: String) throws {
    file = name
    let doc: CSVDocument
    do {
      doc = try CSVDocument(path: path)
    } catch let e as ReadError {
      throw StandardError.codelistUnreadable(file: file, e)
    }
    guard let first = doc.records.first else { throw StandardError.emptyCodelist(file: file) }
    header = first.map { $0.trimmingCharacters(in: .whitespaces) }
    rows = doc.records.dropFirst().filter { !$0.allSatisfy(\.isEmpty) }
  }

  func column(_ name: String) throws -> Int {
    guard let i = header.firstIndex(of: name) else {
      throw StandardError.missingColumn(file: file, column: name)
    }
    return i
  }

  func value(_ row: [String], _ index: Int) -> String {
    index < row.count ? row[index].trimmingCharacters(in: .whitespaces) : ""
  }
}

extension Codelist {
  init(name: String, table: CodelistTable) throws {
    let (k, n, t, p) = try (
      table.column("kode"), table.column("nama"), table.column("tingkat"), table.column("induk")
    )
    // Optional: corrected names keep the source's spelling here.
    let a = table.header.firstIndex(of: "alias")
    var entries: [Entry] = []
    for (i, row) in table.rows.enumerated() {
      guard let level = Int(table.value(row, t)), !table.value(row, k).isEmpty else {
        throw StandardError.badRow(file: table.file, row: i + 2, detail: "kode/tingkat")
      }
      let parent = table.value(row, p)
      var entry = Entry(
        code: table.value(row, k), name: table.value(row, n), level: level,
        parent: parent.isEmpty ? nil : parent)
      if let a {
        entry.aliases = table.value(row, a).split(separator: "|").map {
          $0.trimmingCharacters(in: .whitespaces)
        }
      }
      entries.append(entry)
    }
    self.init(name: name, entries: entries)
  }
}

extension Enumeration {
  static func all(table: CodelistTable) throws -> [Enumeration] {
    let (d, k, l, a) = try (
      table.column("daftar"), table.column("kode"), table.column("label"), table.column("alias")
    )
    var order: [String] = []
    var values: [String: [Value]] = [:]
    for row in table.rows {
      let list = table.value(row, d)
      if values[list] == nil { order.append(list) }
      let aliases = table.value(row, a).split(separator: "|").map {
        $0.trimmingCharacters(in: .whitespaces)
      }
      values[list, default: []].append(
        Value(code: table.value(row, k), label: table.value(row, l), aliases: aliases))
    }
    return order.map { Enumeration(name: $0, values: values[$0]!) }
  }
}

extension OPDRegistry {
  init(table: CodelistTable, regionSuffixes: [String]) throws {
    let (k, n, s, a) = try (
      table.column("kode"), table.column("nama"), table.column("singkatan"), table.column("alias")
    )
    let offices = table.rows.map { row in
      OPD(
        code: table.value(row, k), name: table.value(row, n), abbreviation: table.value(row, s),
        aliases: table.value(row, a).split(separator: "|").map {
          $0.trimmingCharacters(in: .whitespaces)
        })
    }
    try self.init(offices: offices, regionSuffixes: regionSuffixes)
  }
}

// MARK: - The data files' shapes

public struct BundledInstitution: Decodable, Sendable {
  public let name: String
  public let regionCode: String
  /// The office that gathers the OPDs' workbooks (the pages and the template name it).
  public let collectingOffice: String

  enum CodingKeys: String, CodingKey {
    case name = "nama"
    case regionCode = "kode_wilayah"
    case collectingOffice = "pengelola"
  }
}

private struct CodelistManifest: Decodable {
  struct Item: Decodable {
    let nama: String
    let berkas: String
    let jenis: String
    let edisi: String
    let status: String
  }
  let instansi: BundledInstitution?
  let codelists: [Item]
}

private struct DomainsFile: Decodable {
  struct DomainEntry: Decodable {
    let key: String
    let label: String
    let label_en: String
    let id_prefix: String
    let sheet_names: [String]
    let fields: [FieldEntry]

    func domain() throws -> Domain {
      Domain(
        key: key, label: label, labelEnglish: label_en, idPrefix: id_prefix,
        sheetNames: sheet_names, fields: try fields.map { try $0.field() })
    }
  }

  struct FieldEntry: Decodable {
    let key: String
    let label: String
    let keterangan: String?
    let aliases: [String]
    let type: String
    let required: Bool?
    let list: String?
    let level: Int?
    let childless_above: Bool?
    let level_aliases: [String]?
    let min: Double?
    let max: Double?
    let whole: Bool?
    let targets: [String]?
    let sheet_values: [String: String]?
    let lunak: Bool?
    let berlaku_untuk: [String: [String]]?
    let tidak_sebelum: String?
    let kolom_jamak: Bool?

    func field() throws -> Field {
      let t: FieldType
      switch type {
      case "kode":
        t = .code(list: list ?? "", level: level ?? 1, childlessAbove: childless_above ?? false)
      case "pilihan": t = .choice(list: list ?? "")
      case "bilangan": t = .number(min: min, max: max, whole: whole ?? false)
      case "rupiah": t = .rupiah
      case "tahun": t = .year
      case "tanggal": t = .date
      case "url": t = .url
      case "ref": t = .reference(targets: targets ?? [])
      case "opd": t = .opd
      case "teks": t = .text
      default: throw StandardError.unknownFieldType(field: key, type: type)
      }
      var field = Field(
        key: key, label: label, aliases: aliases, type: t, required: required ?? false,
        levelAliases: level_aliases ?? [], description: keterangan ?? "",
        sheetValues: sheet_values ?? [:])
      field.lenient = lunak ?? false
      field.appliesTo = berlaku_untuk ?? [:]
      field.notBefore = tidak_sebelum
      field.multiColumn = kolom_jamak ?? false
      return field
    }
  }

  struct IdentityEntry: Decodable {
    let key: String
    let label: String
    let keterangan: String?
    let required: Bool?
    let daftar: String?
    let type: String?
    let aliases: [String]?
  }

  let edisi: String
  let no_aliases: [String]
  let identitas: [IdentityEntry]?
  let keterangan_jenis: [String: String]?
  let domains: [DomainEntry]
}
