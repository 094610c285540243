import Foundation

/// The layout of the portal's six forms (`Resources/sia-spbe-formulir.json`):
/// form → sheets → columns, each column a header label and the field it
/// shows. The layout is data: a column, label or order changes there, not here.
public struct SIASPBELayout: Decodable, Sendable {
  public struct Column: Decodable, Sendable, Hashable {
    /// The header, exactly as the form writes it.
    public let label: String
    /// The field key in `domains.json`; nil for a column the tool leaves empty.
    public let key: String?
    /// For a split code column: the level it shows (below the national
    /// levels: the local code).
    public let level: Int?
    /// For a link column: only the targets whose `jenis` is one of these.
    public let kinds: [String]?
    /// `periode`: the architecture's period (`pipeline.yml`), not a field.
    public let fill: String?

    enum CodingKeys: String, CodingKey {
      case label
      case key = "kunci"
      case level = "tingkat"
      case kinds = "jenis"
      case fill = "isi"
    }
  }

  public struct Sheet: Decodable, Sendable {
    public let name: String
    /// The `jenis` codes whose records this sheet holds (Infrastruktur: one
    /// sheet per object type of the portal); nil for a form's only sheet.
    public let kinds: [String]?
    public let columns: [Column]

    enum CodingKeys: String, CodingKey {
      case name = "nama"
      case kinds = "jenis"
      case columns = "kolom"
    }
  }

  public struct Form: Decodable, Sendable {
    public let domain: String
    public let file: String
    /// The data sheets; the first is the first sheet of the workbook.
    public let sheets: [Sheet]

    enum CodingKeys: String, CodingKey {
      case domain
      case file = "berkas"
      case sheets = "lembar"
    }
  }

  public let edition: String
  public let forms: [Form]

  enum CodingKeys: String, CodingKey {
    case edition = "edisi"
    case forms = "formulir"
  }

  public static let fileName = "sia-spbe-formulir.json"

  /// The bundled layout.
  public static func bundled() throws -> SIASPBELayout {
    let url = Bundle.module.bundleURL.appendingPathComponent("Resources")
      .appendingPathComponent(fileName)
    return try JSONDecoder().decode(SIASPBELayout.self, from: Data(contentsOf: url))
  }
}
