import Foundation

/// A delimited-text file: decoded (BOM, UTF-8, UTF-16, Windows-1252 fallback),
/// its dialect sniffed, and split into records per RFC 4180.
public final class CSVDocument: SheetSource {
  public let format = FileFormat.csv
  public let sheets: [SheetInfo]
  /// `utf-8`, `utf-16-le`, `utf-16-be` or `cp1252`.
  public let encoding: String
  public let delimiter: Character
  /// Every record exactly as an RFC 4180 reader yields it: empty fields stay "".
  public let records: [[String]]

  public init(path: String, limits: ReadLimits = ReadLimits()) throws {
    let stem = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
    sheets = [SheetInfo(name: stem, state: .visible, kind: .worksheet)]
    encoding = "utf-8"
    delimiter = ","
    records = []  // placeholder until the reader lands
  }

  public func readSheet(_ index: Int, _ onRow: (Row) throws -> Void) throws -> SheetTail {
    for (i, record) in records.enumerated() {
      try onRow(Row(number: i + 1, cells: record.map { $0.isEmpty ? .empty : .text($0) }))
    }
    return SheetTail()
  }
}
