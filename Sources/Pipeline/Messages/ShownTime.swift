import Foundation

/// A moment as people read it: the date and time in Western Indonesia Time
/// with its offset (`3 Desember 2026 17.20 WIB (UTC+07.00)`). Files for
/// programs keep UTC.
public enum ShownTime {
  /// WIB has no daylight saving; a fixed offset needs no time-zone data.
  static let wib = TimeZone(secondsFromGMT: 7 * 3600)!

  static let months = (
    id: [
      "Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September",
      "Oktober", "November", "Desember",
    ],
    en: [
      "January", "February", "March", "April", "May", "June", "July", "August", "September",
      "October", "November", "December",
    ]
  )

  public static func wib(_ date: Date, lang: Language) -> String {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = wib
    let c = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
    let month = (lang == .id ? months.id : months.en)[(c.month ?? 1) - 1]
    let hour = String(format: "%02d", c.hour ?? 0)
    let minute = String(format: "%02d", c.minute ?? 0)
    // Indonesian writes the time with a full stop, English with a colon.
    let (sep, offset) = lang == .id ? (".", "UTC+07.00") : (":", "UTC+07:00")
    return "\(c.day ?? 1) \(month) \(c.year ?? 0) \(hour)\(sep)\(minute) WIB (\(offset))"
  }
}
