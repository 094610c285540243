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
    case .dateTime(let t): return .object([("datetime", .string(dateTime(t)))])
    case .time(let s): return .object([("time", .string(clock(microseconds: micro(s))))])
    case .duration(let s): return .object([("duration", .double(s))])
    case .error(let e): return .object([("error", .string(e))])
    }
  }

  static func micro(_ seconds: Double) -> Int64 { Int64((seconds * 1_000_000).rounded()) }

  public static func dateTime(_ t: CivilDateTime) -> String {
    t.date.iso + "T" + clock(microseconds: t.microseconds)
  }

  /// `HH:MM:SS`, with `.ffffff` when there is a fraction of a second.
  public static func clock(microseconds: Int64) -> String {
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
