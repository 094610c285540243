import Spreadsheet
import Standard

/// Validation of one located table: its columns (missing, unknown, doubled),
/// then each row read field by field into a record whose every problem is a
/// finding (SPEC §5). A record with a `kesalahan` is marked rejected.
struct TableValidator {
  let standard: Standard
  let reader: FieldReader
  var table: LocatedTable
  let file: String
  let sheet: String?
  let sheetIndex: Int
  let fileOPD: FileOPD

  /// Field → the column its value is read from.
  var fieldColumn: [String: Column] = [:]
  /// Code field → level → column, for split Level 1/2/3 columns.
  var levelColumns: [String: [Int: Column]] = [:]
  var extras: [Column] = []
  /// The further columns of a `kolom_jamak` field, after its first.
  var moreColumns: [String: [Column]] = [:]
  /// Labels made unique (`Catatan (K)`) for `tambahan` and `ditolak`.
  var uniqueLabel: [Int: String] = [:]
  /// Readings of code and choice cells by field and text: a table repeats a
  /// few dozen codes thousands of times.
  var memo: [FieldText: FieldReading] = [:]
  struct FieldText: Hashable {
    let field: String
    let text: String
  }

  init(
    standard: Standard, reader: FieldReader, table: LocatedTable, file: String, sheet: String?,
    sheetIndex: Int, fileOPD: FileOPD
  ) {
    self.standard = standard
    self.reader = reader
    self.table = table
    self.file = file
    self.sheet = sheet
    self.sheetIndex = sheetIndex
    self.fileOPD = fileOPD
  }

  func at(_ row: Int?, _ column: Int?) -> Location {
    Location(file: file, sheet: sheet, row: row, column: column)
  }

  /// The columns first (a missing required one rejects every row), then the rows.
  mutating func run(into result: inout FileResult) {
    let blocking = checkColumns(into: &result)
    buildRecords(blocking: blocking, into: &result)
  }
}
