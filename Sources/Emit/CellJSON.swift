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

  /// `HH:MM:SS` with `.ffffff` only when there is a fraction.
  public static func clock(microseconds us: Int64) -> String {
    let total = us / 1_000_000
    let frac = us % 1_000_000
    func two(_ v: Int64) -> String { v < 10 ? "0\(v)" : "\(v)" }
    var s = "\(two(total / 3600)):\(two(total / 60 % 60)):\(two(total % 60))"
    if frac != 0 {
      let f = String(frac)
      s += "." + String(repeating: "0", count: 6 - f.count) + f
    }
    return s
  }
}
