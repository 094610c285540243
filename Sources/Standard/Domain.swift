/// One of the six architecture domains and its fields, as the standard's data
/// file (`domains.json`) describes them.
public struct Domain: Sendable, Hashable {
  public let key: String
  public let label: String
  public let labelEnglish: String
  /// Prefix of the ids the tool assigns to records with an empty id.
  public let idPrefix: String
  /// Sheet names (and CSV file names) that stand for this domain.
  public let sheetNames: [String]
  public let fields: [Field]

  public func field(_ key: String) -> Field? { fields.first { $0.key == key } }
  public var requiredFields: [Field] { fields.filter(\.required) }
}

public struct Field: Sendable, Hashable {
  public let key: String
  public let label: String
  public let aliases: [String]
  public let type: FieldType
  public let required: Bool
  /// Column labels of split code columns, with `{n}` standing for the level.
  public let levelAliases: [String]
  /// What the field holds, in Bahasa Indonesia (the template's column notes).
  public var description: String = ""
  /// Sheet names that give this field's value to every row of their sheet when
  /// the file names the domain (the official Infrastruktur form: one sheet per
  /// object type), name → value as the field's list writes it.
  public var sheetValues: [String: String] = [:]
  /// `lunak`: a field the standard gained after workbooks were filled without
  /// it. Its problems are warnings, never errors, and a value it cannot read
  /// stays in `tambahan`, so no record accepted before is rejected for it.
  public var lenient = false
  /// `berlaku_untuk`: field key → codes of that field's list; this field
  /// applies only to records whose field holds one of them (the attributes of
  /// one Infrastruktur object type). Empty: it applies to every record.
  public var appliesTo: [String: [String]] = [:]
  /// `tidak_sebelum`: the key of a date field this date may not lie before.
  public var notBefore: String?
  /// `kolom_jamak`: several columns fill this reference field (the official
  /// forms' one link column per object type); their ids are joined.
  public var multiColumn = false
}

/// A row of the `Identitas` sheet the template lays out (label in column A,
/// value in column B).
public struct IdentityField: Sendable, Hashable {
  public let key: String
  public let label: String
  public let description: String
  public let required: Bool
  /// The list its dropdown offers (`opd`), if any.
  public let list: String?
  /// `tanggal` for a date; nil for text.
  public let type: String?
  /// Other labels the reader recognises in column A ("Nama OPD").
  public var aliases: [String] = []

  /// The labels this row is recognised by.
  public var labels: [String] { [label] + aliases }
}

public enum FieldType: Sendable, Hashable {
  case text
  /// A code of a hierarchical codelist. National codes at `level` are accepted;
  /// with `childlessAbove`, so are codes of higher levels that have no children.
  /// Codes below an accepted national code are local codes.
  case code(list: String, level: Int, childlessAbove: Bool)
  case choice(list: String)
  case number(min: Double?, max: Double?, whole: Bool)
  case rupiah
  case year
  case date
  case url
  case reference(targets: [String])
  case opd

  /// The type's name as the standard writes it (SPEC §3).
  public var name: String {
    switch self {
    case .text: return "teks"
    case .code(let list, _, _): return "kode:\(list)"
    case .choice(let list): return "pilihan:\(list)"
    case .number: return "bilangan"
    case .rupiah: return "rupiah"
    case .year: return "tahun"
    case .date: return "tanggal"
    case .url: return "url"
    case .reference(let t): return "ref:\(t.joined(separator: "|"))"
    case .opd: return "opd"
    }
  }
}
