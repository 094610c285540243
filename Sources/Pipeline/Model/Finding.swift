/// A problem found in the inputs: a typed value; its message is rendered from
/// the catalog in the user's language when it is emitted.
public struct Finding: Sendable {
  public var type: FindingType
  public var severity: Severity
  public var location: Location
  /// The header as the user wrote it.
  public var columnLabel: String?
  /// The field key of the standard.
  public var field: String?
  /// The raw value as written.
  public var value: String?
  /// Values the message template names (`{domain}`, `{kode}` …).
  public var params: [String: String]
  /// Suggested spellings ("did you mean").
  public var suggestions: [String]
  /// The names of every other OPD reporting the same application
  /// (`duplikat-lintas-opd`); the catalog names the first few.
  public var otherOPDs: [String] = []
  /// Position of the sheet in its workbook, for ordering by file, sheet and row.
  public var sheetIndex: Int

  public init(
    _ type: FindingType, at location: Location, sheetIndex: Int = 0, severity: Severity? = nil,
    column: String? = nil, field: String? = nil, value: String? = nil,
    params: [String: String] = [:], suggestions: [String] = []
  ) {
    self.type = type
    self.severity = severity ?? type.defaultSeverity
    self.location = location
    self.columnLabel = column
    self.field = field
    self.value = value
    self.params = params
    self.suggestions = suggestions
    self.sheetIndex = sheetIndex
  }
}
