/// Numbers typed as text, in Indonesian or English notation (SPEC §4, `bilangan` and
/// `rupiah`).
///
/// Decisions where notations collide:
/// - both `.` and `,` present: the later one is the decimal mark (`1.234,5`, `1,234.5`);
/// - one `.` before exactly three digits is Indonesian thousands (`1.500` = 1500), as
///   the SPEC says; with another digit count it is a decimal point (`12.5`, `0.500`);
/// - one `,` is always the Indonesian decimal mark (`12,5`, `1,500` = 1.5);
/// - several `.` or several `,` are thousands separators and must group by three;
/// - spaces (NBSP and thin spaces too) may separate thousands, grouped by three;
/// - `Rp`/`IDR` before and `rupiah` after are dropped, as is the `,-` of `1.500,-`;
/// - `ribu`/`rb`, `juta`/`jt`, `miliar`/`milyar`/`M`-less, `triliun` multiply;
/// - a trailing `%` divides by 100, as Excel reads `50%` (0.5);
/// - a leading `-`/`−` or accounting parentheses `(1.500)` make it negative.
/// Anything else (words, two numbers, dates, codes) is nil.
public enum NumberReader {
  public static func parse(_ s: String) -> Double? {
    var t = Substring(TextCleaner.clean(s).lowercased())
    if t.isEmpty { return nil }

    var negative = false
    if t.hasPrefix("("), t.hasSuffix(")") {
      negative = true
      t = trimmed(t.dropFirst().dropLast())
    }
    if stripSign(&t) { negative.toggle() }
    if stripCurrency(&t), stripSign(&t) { negative.toggle() }

    var exponent = 0
    var percent = false
    if t.hasSuffix("%") {
      percent = true
      t = trimmed(t.dropLast())
      exponent -= 2
    }
    if t.hasSuffix("rupiah") { t = trimmed(t.dropLast(6)) }
    if !percent, let (word, power) = multipliers.first(where: { t.hasSuffix($0.0) }) {
      let head = t.dropLast(word.count)
      // `rb`/`jt` may stick to the digits; whole words must not eat a longer word.
      guard let last = head.last, last.isNumber || last == " " || last == "," || last == "."
      else { return nil }
      t = trimmed(head)
      exponent += power
    }
    // `1.500.000,-` and `1.500.000,--`: an explicit "no cents".
    if t.hasSuffix("-") {
      while t.hasSuffix("-") { t = t.dropLast() }
      guard t.count >= 2, t.hasSuffix(",") || t.hasSuffix(".") else { return nil }
      t = t.dropLast()
    }
    guard let plain = canonical(t) else { return nil }
    guard var value = Double(exponent == 0 ? plain : plain + "e" + String(exponent)) else {
      return nil
    }
    if negative { value = -value }
    return value.isFinite ? value : nil
  }

  /// Suffix words and their powers of ten, longest first so `juta` wins over `jt`.
  private static let multipliers: [(String, Int)] = [
    ("triliun", 12), ("trilyun", 12), ("miliar", 9), ("milyar", 9), ("billion", 9),
    ("million", 6), ("thousand", 3), ("juta", 6), ("ribu", 3), ("jt.", 6), ("rb.", 3),
    ("jt", 6), ("rb", 3),
  ]

  private static func trimmed(_ t: Substring) -> Substring {
    var t = t
    while t.first == " " { t = t.dropFirst() }
    while t.last == " " { t = t.dropLast() }
    return t
  }

  private static func stripSign(_ t: inout Substring) -> Bool {
    if t.hasPrefix("-") || t.hasPrefix("\u{2212}") {
      t = trimmed(t.dropFirst())
      return true
    }
    if t.hasPrefix("+") { t = trimmed(t.dropFirst()) }
    return false
  }

  private static func stripCurrency(_ t: inout Substring) -> Bool {
    for prefix in ["rp.", "rp", "idr"] where t.hasPrefix(prefix) {
      t = trimmed(t.dropFirst(prefix.count))
      return true
    }
    return false
  }

  /// The number as `[0-9]+(.[0-9]+)?(e[+-]?[0-9]+)?`, separators resolved; nil when the
  /// text is not one well-formed number.
  static func canonical(_ t: Substring) -> String? {
    let bytes = Array(t.utf8)
    if bytes.isEmpty { return nil }
    // Plain decimal with an exponent, as Excel's General format writes big numbers.
    if let e = bytes.firstIndex(where: { $0 == UInt8(ascii: "e") }) {
      let mantissa = bytes[..<e]
      var rest = bytes[(e + 1)...]
      if rest.first == UInt8(ascii: "+") || rest.first == UInt8(ascii: "-") {
        rest = rest.dropFirst()
      }
      guard !rest.isEmpty, rest.allSatisfy(isDigit),
        mantissa.filter({ $0 == UInt8(ascii: ".") }).count <= 1,
        mantissa.contains(where: isDigit),
        mantissa.allSatisfy({ isDigit($0) || $0 == UInt8(ascii: ".") })
      else { return nil }
      return String(decoding: bytes, as: UTF8.self)
    }

    var groups: [[UInt8]] = [[]]
    var separators: [UInt8] = []
    for b in bytes {
      if isDigit(b) {
        groups[groups.count - 1].append(b)
      } else if b == UInt8(ascii: ".") || b == UInt8(ascii: ",") || b == UInt8(ascii: " ") {
        separators.append(b)
        groups.append([])
      } else {
        return nil
      }
    }
    if groups.contains(where: { $0.isEmpty }) {
      // Only `,5` / `.5` may lack digits before the separator.
      guard groups.count == 2, groups[0].isEmpty, !groups[1].isEmpty, separators[0] != 32
      else { return nil }
      return "0." + String(decoding: groups[1], as: UTF8.self)
    }
    if separators.isEmpty { return String(decoding: groups[0], as: UTF8.self) }

    let dot = UInt8(ascii: ".")
    let comma = UInt8(ascii: ",")
    var decimal: UInt8?
    let hasDot = separators.contains(dot)
    let hasComma = separators.contains(comma)
    if hasDot && hasComma {
      decimal = separators.last
      guard decimal != 32, separators.filter({ $0 == decimal }).count == 1 else { return nil }
    } else if hasComma {
      if separators.filter({ $0 == comma }).count == 1 { decimal = comma }
    } else if hasDot {
      let dots = separators.filter { $0 == dot }.count
      if dots == 1 {
        let i = separators.firstIndex(of: dot)!
        let before = groups[i]
        let after = groups[i + 1]
        let thousands =
          after.count == 3 && i + 1 == groups.count - 1 && before.count <= 3
          && before.first != UInt8(ascii: "0")
        if !thousands { decimal = dot }
      }
    }
    if let d = decimal, separators.last != d { return nil }

    // The integer part: groups before the decimal mark, thousands-separated by one kind.
    let integerGroups = decimal == nil ? groups : Array(groups.dropLast())
    let thousandSeparators = decimal == nil ? separators : Array(separators.dropLast())
    if !thousandSeparators.isEmpty {
      // One kind of thousands separator only: `1 234.567` is not one number.
      guard Set(thousandSeparators).count == 1 else { return nil }
      guard integerGroups[0].count <= 3, integerGroups.dropFirst().allSatisfy({ $0.count == 3 })
      else { return nil }
    }
    var out = integerGroups.map { String(decoding: $0, as: UTF8.self) }.joined()
    if decimal != nil { out += "." + String(decoding: groups.last!, as: UTF8.self) }
    return out
  }

  private static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
}
