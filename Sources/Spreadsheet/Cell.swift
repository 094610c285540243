/// One cell as the reader sees it. Parsing, cell types and errors are kept apart:
/// a cell that holds an Excel error is data (`.error`), not a failure of the reader.
public enum Cell: Hashable, Sendable {
  case empty
  case text(String)
  case number(Double)
  case boolean(Bool)
  /// A date-formatted serial with no time part, or a `t="d"` date.
  case date(CivilDate)
  /// A date-formatted serial with a time part.
  case dateTime(CivilDateTime)
  /// A serial below 1 with a time-of-day format: seconds since midnight.
  case time(seconds: Double)
  /// An elapsed-time format (`[h]:mm`): seconds.
  case duration(seconds: Double)
  /// A cached Excel error such as `#N/A` or `#REF!`.
  case error(String)
  /// A formula with no cached value: the caller decides what that means.
  case uncachedFormula(String)

  public var isEmpty: Bool {
    switch self {
    case .empty: return true
    case .text(let s): return s.isEmpty
    default: return false
    }
  }
}

/// A calendar date with no time zone.
public struct CivilDate: Hashable, Sendable, Comparable {
  // Stored in 6 bytes, not three Ints: a date is a payload of `Cell` and
  // `Value`, and the widest payload sets the size of every cell and value a
  // run holds (40 → 24 bytes a cell). Years beyond ±2 billion are clamped.
  private var storedYear: Int32
  private var storedMonth: UInt8
  private var storedDay: UInt8

  public var year: Int {
    get { Int(storedYear) }
    set { storedYear = Int32(clamping: newValue) }
  }
  /// 1–12 wherever a date is made (the readers check before they build one).
  public var month: Int {
    get { Int(storedMonth) }
    set { storedMonth = UInt8(clamping: newValue) }
  }
  public var day: Int {
    get { Int(storedDay) }
    set { storedDay = UInt8(clamping: newValue) }
  }

  public init(year: Int, month: Int, day: Int) {
    storedYear = Int32(clamping: year)
    storedMonth = UInt8(clamping: month)
    storedDay = UInt8(clamping: day)
  }
  public static func < (a: CivilDate, b: CivilDate) -> Bool {
    (a.year, a.month, a.day) < (b.year, b.month, b.day)
  }
  public var iso: String {
    func pad(_ v: Int, _ n: Int) -> String {
      let s = String(v)
      return s.count >= n ? s : String(repeating: "0", count: n - s.count) + s
    }
    return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
  }
}

/// A calendar date and a time of day, microsecond precision, no time zone.
public struct CivilDateTime: Hashable, Sendable {
  public var date: CivilDate
  /// Microseconds since midnight.
  public var microseconds: Int64
  public init(date: CivilDate, microseconds: Int64) {
    self.date = date
    self.microseconds = microseconds
  }
}

/// A row as it is stored: its number as a spreadsheet program shows it, its cells
/// from column A (trailing empties dropped), and whether it is hidden.
public struct Row: Sendable, Equatable {
  public var number: Int
  public var cells: [Cell]
  public var hidden: Bool
  public init(number: Int, cells: [Cell], hidden: Bool = false) {
    self.number = number
    self.cells = cells
    self.hidden = hidden
  }
}

/// A rectangular range, 1-based and inclusive, as in `A1:B2`.
public struct CellRange: Hashable, Sendable {
  public var firstRow: Int
  public var firstColumn: Int
  public var lastRow: Int
  public var lastColumn: Int
  public init(firstRow: Int, firstColumn: Int, lastRow: Int, lastColumn: Int) {
    self.firstRow = firstRow
    self.firstColumn = firstColumn
    self.lastRow = lastRow
    self.lastColumn = lastColumn
  }
  public var a1: String {
    CellAddress.a1(row: firstRow, column: firstColumn) + ":"
      + CellAddress.a1(row: lastRow, column: lastColumn)
  }
  public func contains(row: Int, column: Int) -> Bool {
    row >= firstRow && row <= lastRow && column >= firstColumn && column <= lastColumn
  }
}

/// A1 notation helpers (1-based rows and columns).
public enum CellAddress {
  public static func columnLetters(_ column: Int) -> String {
    var c = column
    var s: [Character] = []
    while c > 0 {
      let r = (c - 1) % 26
      s.append(Character(UnicodeScalar(UInt8(65 + r))))
      c = (c - 1) / 26
    }
    return String(s.reversed())
  }
  public static func a1(row: Int, column: Int) -> String {
    columnLetters(column) + String(row)
  }
}
