import Spreadsheet

/// Dates typed as text (SPEC §4, `tanggal`), read by pure calendar arithmetic: no
/// time zone ever takes part, so `17/08/2024` is 17 August 2024 on every machine.
///
/// Accepted: ISO `2024-08-17` (a time part after `T` or a space is dropped), year-first
/// `2024/08/17`; day-first `17/08/2024`, `17-08-2024`, `17.08.2024` (two-digit years
/// are 20xx); month names and abbreviations in Indonesian and English, day-first
/// (`17 Agustus 2024`, `17-Agu-2024`) or month-first (`August 17, 2024`), after an
/// optional weekday (`Senin, 17 Agustus 2024`). Impossible dates (31 Feb) are nil.
public enum DateReader {
  public static func parse(_ s: String) -> CivilDate? {
    let t = TextCleaner.clean(s).lowercased()
    if t.isEmpty || t.count > 64 { return nil }
    if let d = numeric(t) { return d }
    return named(t)
  }

  /// A four-digit year (`2024`), or the year of a date.
  public static func year(_ s: String) -> Int? {
    let t = TextCleaner.clean(s)
    if t.utf8.count == 4, t.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), let y = Int(t),
      y >= 1000
    {
      return y
    }
    return parse(t)?.year
  }

  public static func isValid(year: Int, month: Int, day: Int) -> Bool {
    guard (1...9999).contains(year), (1...12).contains(month), day >= 1 else { return false }
    return day <= daysIn(month: month, year: year)
  }

  static func daysIn(month: Int, year: Int) -> Int {
    switch month {
    case 2:
      let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
      return leap ? 29 : 28
    case 4, 6, 9, 11: return 30
    default: return 31
    }
  }

  private static func make(_ year: Int, _ month: Int, _ day: Int) -> CivilDate? {
    isValid(year: year, month: month, day: day)
      ? CivilDate(year: year, month: month, day: day) : nil
  }

  /// All-digit forms: three digit groups with one kind of separator, then perhaps a time.
  private static func numeric(_ t: String) -> CivilDate? {
    var bytes = Array(t.utf8)
    // Drop a time part: `2024-08-17T10:00:00+07:00`, `17/08/2024 10:00`.
    if let cut = bytes.firstIndex(where: { $0 == UInt8(ascii: "t") || $0 == 32 }) {
      let rest = bytes[(cut + 1)...]
      guard isTime(rest) else { return nil }
      bytes = Array(bytes[..<cut])
    }
    var groups: [Int] = []
    var widths: [Int] = []
    var separator: UInt8?
    var current = 0
    var width = 0
    for b in bytes {
      if b >= 0x30 && b <= 0x39 {
        current = current * 10 + Int(b - 0x30)
        width += 1
        if width > 4 { return nil }
      } else if b == UInt8(ascii: "-") || b == UInt8(ascii: "/") || b == UInt8(ascii: ".") {
        if separator == nil { separator = b } else if separator != b { return nil }
        guard width > 0 else { return nil }
        groups.append(current)
        widths.append(width)
        current = 0
        width = 0
      } else {
        return nil
      }
    }
    guard width > 0 else { return nil }
    groups.append(current)
    widths.append(width)
    guard groups.count == 3 else { return nil }
    if widths[0] == 4 {
      guard widths[1] <= 2, widths[2] <= 2 else { return nil }
      return make(groups[0], groups[1], groups[2])
    }
    guard widths[0] <= 2, widths[1] <= 2, widths[2] == 4 || widths[2] == 2 else { return nil }
    let year = widths[2] == 2 ? 2000 + groups[2] : groups[2]
    return make(year, groups[1], groups[0])
  }

  /// `10:00`, `10:00:00`, `10.00`, `10:00:00.123`, with an optional zone or `wib`.
  private static func isTime(_ rest: ArraySlice<UInt8>) -> Bool {
    guard let first = rest.first, first >= 0x30 && first <= 0x39 else { return false }
    let allowed = Set("0123456789:.+-z wibtaw".utf8)
    return rest.allSatisfy { allowed.contains($0) } && rest.contains(UInt8(ascii: ":"))
      || rest.allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || $0 == UInt8(ascii: ".") }
        && rest.count <= 8 && rest.contains(UInt8(ascii: "."))
  }

  /// Forms with a month name: `17 agustus 2024`, `17-agu-2024`, `august 17, 2024`.
  private static func named(_ t: String) -> CivilDate? {
    var tokens: [Substring] = t.split(whereSeparator: { " ,-/.".contains($0) })
    if let first = tokens.first, weekdays.contains(String(first)) { tokens.removeFirst() }
    // A trailing time such as `10:00` or `10:00 wib` does not change the date.
    if tokens.count >= 4, tokens[3].contains(":") { tokens.removeSubrange(3...) }
    guard tokens.count == 3 else { return nil }
    if let month = months[String(tokens[1])], let day = dayNumber(tokens[0]),
      let year = yearNumber(tokens[2])
    {
      return make(year, month, day)
    }
    if let month = months[String(tokens[0])], let day = dayNumber(tokens[1]),
      let year = yearNumber(tokens[2])
    {
      return make(year, month, day)
    }
    return nil
  }

  private static func dayNumber(_ s: Substring) -> Int? {
    guard (1...2).contains(s.count), let v = Int(s) else { return nil }
    return v
  }

  private static func yearNumber(_ s: Substring) -> Int? {
    guard s.count == 4 || s.count == 2, s.allSatisfy(\.isASCII), let v = Int(s), v >= 0
    else { return nil }
    return s.count == 2 ? 2000 + v : v
  }

  private static let weekdays: Set<String> = [
    "senin", "selasa", "rabu", "kamis", "jumat", "jum'at", "sabtu", "minggu", "ahad",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "mon", "tue", "wed", "thu", "fri", "sat", "sun",
  ]

  /// Indonesian and English month names, their usual abbreviations and old spellings.
  private static let months: [String: Int] = {
    let names: [[String]] = [
      ["januari", "january", "jan"],
      ["februari", "pebruari", "february", "feb", "peb"],
      ["maret", "march", "mar"],
      ["april", "apr"],
      ["mei", "may"],
      ["juni", "june", "jun"],
      ["juli", "july", "jul"],
      ["agustus", "august", "agu", "agt", "ags", "agus", "aug"],
      ["september", "sep", "sept"],
      ["oktober", "october", "okt", "oct"],
      ["november", "nopember", "nov", "nop"],
      ["desember", "december", "des", "dec"],
    ]
    var map: [String: Int] = [:]
    for (i, list) in names.enumerated() {
      for name in list { map[name] = i + 1 }
    }
    return map
  }()
}
