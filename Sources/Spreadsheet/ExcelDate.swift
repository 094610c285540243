/// Excel date serials to calendar values, as Excel (and calamine) read them.
///
/// The 1900 system counts days from 1899-12-31 as day 1 and believes 1900 was a
/// leap year: serial 60 is the non-existent 1900-02-29, so serials below 60 are
/// one day off against a plain epoch of 1899-12-30 (read here as 1900-02-28, the
/// way calamine does). The 1904 system counts from 1904-01-01 as day 0, which is
/// 1462 days after the 1900 epoch. Times are rounded to the millisecond, as
/// Excel stores no finer precision.
public enum ExcelDate {
  /// Days between the 1900 and the 1904 epochs.
  static let offset1904 = 1462.0
  /// 1899-12-30 as days since 1970-01-01.
  static let epochDays: Int64 = -25_569
  static let msPerDay: Int64 = 86_400_000

  /// The calendar date of `serial` (its time of day dropped), or nil when the
  /// serial is not finite or falls outside the years 1 to 9999.
  public static func civilDate(serial: Double, date1904: Bool) -> CivilDate? {
    civilDateTime(serial: serial, date1904: date1904)?.date
  }

  /// The date and time of `serial`, microsecond precision (whole milliseconds),
  /// or nil when the serial is not finite or falls outside the years 1 to 9999.
  public static func civilDateTime(serial: Double, date1904: Bool) -> CivilDateTime? {
    guard let ms = milliseconds(serial: serial, date1904: date1904) else { return nil }
    let days = floorDiv(ms, msPerDay)
    let timeMs = ms - days * msPerDay
    let date = civil(fromDays: epochDays + days)
    guard date.year >= 1, date.year <= 9999 else { return nil }
    return CivilDateTime(date: date, microseconds: timeMs * 1000)
  }

  /// Milliseconds since 1899-12-30T00:00 for `serial` in either date system.
  static func milliseconds(serial: Double, date1904: Bool) -> Int64? {
    guard serial.isFinite else { return nil }
    var f = date1904 ? serial + offset1904 : serial
    // The phantom 1900-02-29: before it, Excel's count runs one day ahead.
    if f < 60 { f += 1 }
    let ms = (f * Double(msPerDay)).rounded()
    // About ±25,000 years: beyond that no calendar year is representable anyway.
    guard abs(ms) < 8.0e14 else { return nil }
    return Int64(ms)
  }

  /// Seconds since midnight of `serial`'s time of day (serials below 1 are times).
  public static func timeOfDay(serial: Double, date1904: Bool) -> Double? {
    guard let ms = milliseconds(serial: serial, date1904: date1904) else { return nil }
    let rem = ms - floorDiv(ms, msPerDay) * msPerDay
    return Double(rem) / 1000
  }

  /// The elapsed time of `serial` in seconds, whole milliseconds.
  public static func durationSeconds(serial: Double) -> Double? {
    guard serial.isFinite else { return nil }
    let ms = (serial * Double(msPerDay)).rounded()
    guard abs(ms) < 8.0e17 else { return nil }
    return ms / 1000
  }

  static func floorDiv(_ a: Int64, _ b: Int64) -> Int64 {
    let q = a / b
    return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
  }

  /// Days since 1970-01-01 to a proleptic Gregorian date (H. Hinnant's algorithm).
  static func civil(fromDays z0: Int64) -> CivilDate {
    let z = z0 + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let doe = z - era * 146_097
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
    let y = yoe + era * 400
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
    let mp = (5 * doy + 2) / 153
    let d = doy - (153 * mp + 2) / 5 + 1
    let m = mp < 10 ? mp + 3 : mp - 9
    return CivilDate(year: Int(m <= 2 ? y + 1 : y), month: Int(m), day: Int(d))
  }

  /// A proleptic Gregorian date to days since 1970-01-01.
  public static func days(from date: CivilDate) -> Int64 {
    let y = Int64(date.month <= 2 ? date.year - 1 : date.year)
    let m = Int64(date.month)
    let era = (y >= 0 ? y : y - 399) / 400
    let yoe = y - era * 400
    let doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + Int64(date.day) - 1
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
    return era * 146_097 + doe - 719_468
  }
}
