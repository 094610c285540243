import Foundation

/// A delimited-text file: decoded (BOM, UTF-8, UTF-16, Windows-1252 fallback),
/// its dialect sniffed, and split into records per RFC 4180.
public final class CSVDocument: SheetSource {
  public let format = FileFormat.csv
  public let sheets: [SheetInfo]
  /// `utf-8`, `utf-16-le`, `utf-16-be`, `utf-32-le`, `utf-32-be`, `cp1252`,
  /// `iso-8859-1` or `iso-8859-7`.
  public let encoding: String
  public let delimiter: Character
  private let table: CSVTable

  /// Every record exactly as an RFC 4180 reader yields it: empty fields stay "", an
  /// empty line is `[]`. Built on each access from a compact store; `readSheet`
  /// streams without building them all.
  public var records: [[String]] {
    (0..<table.count).map { table.record($0) }
  }

  /// The number of records.
  public var recordCount: Int { table.count }

  public convenience init(path: String, limits: ReadLimits = ReadLimits()) throws {
    try self.init(file: ReadableFile(path: path), limits: limits)
  }

  public init(file: ReadableFile, limits: ReadLimits = ReadLimits()) throws {
    let fileName = (file.path as NSString).lastPathComponent
    let stem = (fileName as NSString).deletingPathExtension
    sheets = [SheetInfo(name: stem, state: .visible, kind: .worksheet)]

    let bytes = try Self.readFile(file, limit: limits.maxCSVBytes, name: fileName)
    let decoded = CSVDecoding.decode(bytes, fileName: fileName)
    encoding = decoded.encoding
    guard !Self.looksBinary(decoded.utf8) else { throw ReadError.notASpreadsheet }

    let ext = (fileName as NSString).pathExtension.lowercased()
    var table = CSVTable(maxFieldBytes: limits.maxCSVFieldBytes, capacity: decoded.utf8.count)
    table.maxFields = limits.maxSheetCells
    var d: UInt8 = 0x2C
    do {
      try decoded.utf8.withUnsafeBufferPointer { buf in
        d = CSVSniffer.delimiter(buf, preferTab: ext == "tsv")
        try CSVParser.scan(buf, delimiter: d, into: &table)
      }
    } catch let e as CSVTable.FieldTooLarge {
      let cell = CellAddress.a1(row: e.record, column: e.column)
      throw ReadError.limitExceeded(.csvField, part: cell)
    } catch is CSVTable.TooLarge {
      throw ReadError.limitExceeded(.csvSize, part: fileName)
    } catch is CSVTable.TooManyFields {
      throw ReadError.limitExceeded(.sheetCells, part: fileName)
    }
    delimiter = Character(UnicodeScalar(d))
    self.table = table
  }

  /// Record `index` (0-based).
  public func record(_ index: Int) -> [String] { table.record(index) }

  /// Rows numbered by record position; empty fields are `.empty`, trailing ones are
  /// dropped, and records with no value (an empty line) are skipped.
  public func readSheet(_ index: Int, _ onRow: (Row) throws -> Void) throws -> SheetTail {
    guard index == 0 else { throw ReadError.noSuchSheet(String(index)) }
    for r in 0..<table.count {
      let fields = table.record(r)
      guard let last = fields.lastIndex(where: { !$0.isEmpty }) else { continue }
      let cells = fields[...last].map { $0.isEmpty ? Cell.empty : .text($0) }
      try onRow(Row(number: r + 1, cells: cells))
    }
    return SheetTail()
  }

  /// Reads the whole file, refusing one larger than `limit` before reading it.
  static func readFile(_ file: ReadableFile, limit: Int64, name: String) throws -> [UInt8] {
    if file.size > limit { throw ReadError.limitExceeded(.csvSize, part: name) }
    var bytes = try file.bytes(at: 0, count: Int(file.size))
    // A file that grew while read: read on, within limit.
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while true {
      let n = try chunk.withUnsafeMutableBytes {
        try file.read(at: Int64(bytes.count), into: $0.baseAddress!, count: $0.count)
      }
      if n == 0 { break }
      if Int64(bytes.count + n) > limit { throw ReadError.limitExceeded(.csvSize, part: name) }
      bytes.append(contentsOf: chunk[0..<n])
    }
    return bytes
  }

  /// Control bytes that text never holds in number (a stray NUL is tolerated): an
  /// image or PDF renamed `.csv`.
  static func looksBinary(_ utf8: [UInt8]) -> Bool {
    let sample = utf8.prefix(64 << 10)
    var controls = 0
    for b in sample where b < 0x20 && b != 0x09 && b != 0x0A && b != 0x0D && b != 0x0C {
      controls += 1
    }
    return controls > 16 && controls * 100 > sample.count
  }
}
