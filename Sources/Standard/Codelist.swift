import Spreadsheet

/// A hierarchical codelist (RAB, RAL, RAD, RAA, RAI, RAK, wilayah, bidang urusan).
public struct Codelist: Sendable {
  public struct Entry: Sendable, Hashable {
    public let code: String
    public let name: String
    public let level: Int
    public let parent: String?
    /// Other accepted spellings of the name (`alias` column): the source's
    /// spelling of a name corrected here.
    public var aliases: [String] = []
  }

  public let name: String
  public let entries: [Entry]
  private let byCode: [String: Int]
  private let childCount: [String: Int]
  private let byNameKey: [String: [Int]]

  public init(name: String, entries: [Entry]) {
    self.name = name
    self.entries = entries
    var byCode: [String: Int] = [:]
    var childCount: [String: Int] = [:]
    var byNameKey: [String: [Int]] = [:]
    for (i, e) in entries.enumerated() {
      byCode[e.code] = i
      if let p = e.parent { childCount[p, default: 0] += 1 }
      byNameKey[MatchKey.of(e.name), default: []].append(i)
      for a in e.aliases where MatchKey.of(a) != MatchKey.of(e.name) {
        byNameKey[MatchKey.of(a), default: []].append(i)
      }
    }
    self.byCode = byCode
    self.childCount = childCount
    self.byNameKey = byNameKey
  }

  public func entry(_ code: String) -> Entry? { byCode[code].map { entries[$0] } }
  public func hasChildren(_ code: String) -> Bool { (childCount[code] ?? 0) > 0 }

  /// Entries whose name matches `name` case-, space- and punctuation-insensitively.
  public func entries(named name: String) -> [Entry] {
    (byNameKey[MatchKey.of(name)] ?? []).map { entries[$0] }
  }

  /// The prefix shared by the codes (`RAB`), when they have one.
  public var prefix: String? {
    guard let first = entries.first?.code, let dot = first.firstIndex(of: ".") else { return nil }
    let p = String(first[..<dot])
    return p.allSatisfy(\.isLetter) ? p : nil
  }
}

/// The value lists behind `pilihan:X` fields (`enumerasi.csv`).
public struct Enumeration: Sendable {
  public struct Value: Sendable, Hashable {
    public let code: String
    public let label: String
    public let aliases: [String]
  }

  public let name: String
  public let values: [Value]
  private let byKey: [String: Int]

  public init(name: String, values: [Value]) {
    self.name = name
    self.values = values
    var byKey: [String: Int] = [:]
    for (i, v) in values.enumerated() {
      for spelling in [v.code, v.label] + v.aliases { byKey[MatchKey.of(spelling)] = i }
    }
    self.byKey = byKey
  }

  public func match(_ text: String) -> Value? { byKey[MatchKey.of(text)].map { values[$0] } }

  public func suggestions(for text: String) -> [String] {
    let candidates = values.flatMap { v in
      ([v.label] + v.aliases).map { (key: MatchKey.of($0), display: v.label) }
    }
    return Suggest.closest(to: text, among: candidates)
  }
}

/// The OPDs (perangkat daerah) of the instansi, matched by name, abbreviation,
/// alias or code, never fuzzily (`Bapeda` and `Bapenda` are two offices).
public struct OPDRegistry: Sendable {
  public struct OPD: Sendable, Hashable {
    public let code: String
    public let name: String
    public let abbreviation: String
    public let aliases: [String]
  }

  public let offices: [OPD]
  private let byKey: [String: Int]
  /// Match keys of the instansi's name an OPD name may end with ("Dinkes Kab. Contoh").
  public let regionSuffixes: [String]

  /// Fails with the spelling when it would point to two different OPDs.
  public init(offices: [OPD], regionSuffixes: [String] = []) throws {
    self.offices = offices
    self.regionSuffixes = regionSuffixes
    var byKey: [String: Int] = [:]
    for (i, o) in offices.enumerated() {
      for spelling in [o.code, o.name, o.abbreviation] + o.aliases where !spelling.isEmpty {
        let key = MatchKey.of(spelling)
        if let other = byKey[key], other != i {
          throw StandardError.ambiguousSpelling(list: "opd", spelling: spelling)
        }
        byKey[key] = i
      }
    }
    self.byKey = byKey
  }

  /// The suffixes an OPD name may carry for the instansi `institution` (its
  /// name as `pipeline.yml` writes it, e.g. "Pemerintah Kabupaten X"): the
  /// region in full and abbreviated ("Kabupaten X", "Kab. X"), also followed
  /// by its province ("Kab. X Banten"). A city is "Kota X",
  /// a province "Provinsi X" or "Prov. X".
  public static func regionSuffixes(institution: String, province: String? = nil) -> [String] {
    var key = MatchKey.of(institution)
    if key.hasPrefix("pemerintah") { key.removeFirst("pemerintah".count) }
    let kinds = [
      ("kabupaten", ["kabupaten", "kab"]), ("kota", ["kota"]), ("provinsi", ["provinsi", "prov"]),
    ]
    guard let (kind, spellings) = kinds.first(where: { key.hasPrefix($0.0) }) else {
      return key.isEmpty ? [] : [key]
    }
    let place = String(key.dropFirst(kind.count))
    guard !place.isEmpty else { return [] }
    var suffixes = spellings.map { $0 + place }
    if let province = province.map(MatchKey.of), !province.isEmpty, province != place {
      suffixes += spellings.map { $0 + place + province }
    }
    return suffixes
  }

  /// Resolves a spelling; the instansi's region after the name is tolerated.
  public func match(_ text: String) -> OPD? {
    var key = MatchKey.of(text)
    if let i = byKey[key] { return offices[i] }
    for suffix in regionSuffixes where key.hasSuffix(suffix) && key.count > suffix.count {
      key.removeLast(suffix.count)
      if let i = byKey[key] { return offices[i] }
    }
    return nil
  }

  public func office(code: String) -> OPD? { offices.first { $0.code == code } }

  /// The OPD named by the words of a file name (`dinkes.xlsx`,
  /// `Dinas Kesehatan - Aplikasi.csv`): the longest run of words that matches,
  /// provided no other OPD matches a run of the same length.
  public func match(fileStem: String) -> OPD? {
    let words = fileStem.split { " _-.".contains($0) }.map(String.init)
    guard !words.isEmpty else { return nil }
    for length in stride(from: words.count, through: 1, by: -1) {
      var found = Set<String>()
      var first: OPD?
      for start in 0...(words.count - length) {
        if let o = match(words[start..<start + length].joined(separator: " ")) {
          if found.insert(o.code).inserted, first == nil { first = o }
        }
      }
      if found.count == 1 { return first }
      if found.count > 1 { return nil }
    }
    return nil
  }

  public func suggestions(for text: String) -> [String] {
    let candidates = offices.flatMap { o in
      ([o.name, o.abbreviation] + o.aliases).map { (key: MatchKey.of($0), display: o.name) }
    }
    return Suggest.closest(to: text, among: candidates)
  }
}

public enum StandardError: Error, Equatable, Sendable {
  case missingResource(String)
  /// A bundled data file that does not decode; `detail` is for the developer.
  case unreadable(file: String, detail: String)
  case codelistUnreadable(file: String, ReadError)
  case emptyCodelist(file: String)
  case missingColumn(file: String, column: String)
  case badRow(file: String, row: Int, detail: String)
  case ambiguousSpelling(list: String, spelling: String)
  case unknownCodelist(String)
  /// A field of `domains.json` whose `type` the tool does not know.
  case unknownFieldType(field: String, type: String)
  /// A per-field key of `domains.json` (`berlaku_untuk`, `tidak_sebelum`,
  /// `kolom_jamak`, `lunak`) that does not fit its field; `detail` names why.
  case badFieldKey(field: String, key: String, detail: String)
}
