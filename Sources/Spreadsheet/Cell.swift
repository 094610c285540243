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

  /// The cell as text, the one rendering every reader of cells uses (labels
  /// matched, values read, cells shown in the outputs): a whole number without
  /// `.0`, a date as `YYYY-MM-DD`, a date-time with its time
  /// (`YYYY-MM-DDTHH:MM:SS`), a time of day as `HH:MM:SS`, a duration in
  /// seconds, an error as Excel shows it; nothing for a formula with no value.
  public var plainText: String {
    switch self {
    case .empty, .uncachedFormula: return ""
    case .text(let s): return s
    case .number(let d), .duration(let d): return Cell.numberText(d)
    case .boolean(let b): return b ? "TRUE" : "FALSE"
    case .date(let d): return d.iso
    case .dateTime(let t): return t.iso
    case .time(let s): return Cell.clockText(seconds: s)
    case .error(let e): return e
    }
  }

  /// A whole number without a fraction, any other as Swift prints it.
  public static func numberText(_ d: Double) -> String {
    if d == d.rounded(), abs(d) < 1e15 { return String(Int64(d)) }
    return String(d)
  }

  /// `HH:MM:SS` of seconds since midnight, to the microsecond.
  public static func clockText(seconds: Double) -> String {
    clockText(microseconds: Int64((seconds * 1_000_000).rounded()))
  }

  /// `HH:MM:SS`, with `.ffffff` when there is a fraction of a second.
  public static func clockText(microseconds: Int64) -> String {
    let us = ((microseconds % 86_400_000_000) + 86_400_000_000) % 86_400_000_000
    let seconds = us / 1_000_000
    let fraction = us % 1_000_000
    var s = pad(seconds / 3600, 2) + ":" + pad(seconds / 60 % 60, 2) + ":" + pad(seconds % 60, 2)
    if fraction != 0 { s += "." + pad(fraction, 6) }
    return s
  }

  private static func pad(_ v: Int64, _ width: Int) -> String {
    let s = String(v)
    return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
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
  /// `YYYY-MM-DDTHH:MM:SS`, with `.ffffff` when there is a fraction of a second.
  public var iso: String { date.iso + "T" + Cell.clockText(microseconds: microseconds) }
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
