import Spreadsheet

/// A cell as `inspect` encodes it (and as `tambahan` and `ditolak` carry it):
/// null, string, number, boolean, or a one-key object for dates, times,
/// durations and errors.
public enum CellJSON {
  public static func encode(_ cell: Cell) -> JSON {
    switch cell {
    case .empty, .uncachedFormula: return .null
    case .text(let s): return s.isEmpty ? .null : .string(s)
    case .number(let d): return .double(d)
    case .boolean(let b): return .bool(b)
    case .date(let d): return .object([("date", .string(d.iso))])
    case .dateTime(let t): return .object([("datetime", .string(t.iso))])
    case .time(let s): return .object([("time", .string(Cell.clockText(seconds: s)))])
    case .duration(let s): return .object([("duration", .double(s))])
    case .error(let e): return .object([("error", .string(e))])
    }
  }
}
