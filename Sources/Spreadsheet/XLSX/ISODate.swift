import Foundation

/// `t="d"` cells: ISO 8601 dates, date-times and times.
enum ISODate {
  static func cell(_ v: [UInt8]) -> Cell? {
    let s = String(decoding: v, as: UTF8.self).trimmingCharacters(in: .whitespaces)
    let parts = s.split(separator: "T", maxSplits: 1, omittingEmptySubsequences: false)
    if parts.count == 1, s.contains(":") {
      return time(Substring(s)).map { .time(seconds: Double($0) / 1_000_000) }
    }
    guard let date = date(parts[0]) else { return nil }
    guard parts.count == 2 else { return .date(date) }
    guard let us = time(parts[1]) else { return nil }
    return us == 0 ? .date(date) : .dateTime(CivilDateTime(date: date, microseconds: us))
  }

  private static func date(_ s: Substring) -> CivilDate? {
    let f = s.split(separator: "-")
    guard f.count == 3, let y = Int(f[0]), let m = Int(f[1]), let d = Int(f[2]),
      (0...9999).contains(y), (1...12).contains(m), (1...31).contains(d)
    else { return nil }
    return CivilDate(year: y, month: m, day: d)
  }

  /// `HH:MM[:SS[.fff]]` → microseconds. A zone (`Z`, `+07:00`) makes it no
  /// civil time: such a value stays text, as the reference reader keeps it.
  private static func time(_ s: Substring) -> Int64? {
    if s.contains(where: { $0 == "Z" || $0 == "+" || $0 == "-" }) { return nil }
    let f = s.split(separator: ":")
    // Out-of-range parts stay text (huge ones used to overflow: found by scripts/fuzz).
    guard f.count >= 2, f.count <= 3, let h = Int(f[0]), let m = Int(f[1]),
      (0...24).contains(h), (0...59).contains(m)
    else { return nil }
    var us = Int64(h * 3600 + m * 60) * 1_000_000
    if f.count == 3 {
      guard let sec = Double(f[2]), sec >= 0, sec < 61 else { return nil }
      us += Int64((sec * 1_000_000).rounded())
    }
    return us
  }
}
