/// NIK (16 digits) and NIP (18 digits) in the HTML outputs, which travel further
/// than the JSON (SPEC §8). A number counts as one when whole groups of digits,
/// joined by single spaces, dots or hyphens as people type them
/// (`19800101 200501 1 001`, `3604.0101.0101.0001`), add up to exactly 16 or 18
/// digits; an 18-digit reading wins over a 16-digit one. It keeps its first 4
/// and last 2 digits, the rest becomes `•` and the separators go
/// (`3604••••••••••12`). Longer or shorter digit strings are left alone.
public enum PersonalData {
  static let separators: Set<UInt32> = [0x20, 0xA0, 0x2E, 0x2D]

  public static func mask(_ s: String) -> String {
    // Most values hold far fewer than 16 digits.
    var digitCount = 0
    var bytes = s
    bytes.withUTF8 { for b in $0 where b >= 0x30 && b <= 0x39 { digitCount += 1 } }
    guard digitCount >= 16 else { return s }
    let u = Array(s.unicodeScalars)
    func isDigit(_ i: Int) -> Bool { i < u.count && u[i].value >= 0x30 && u[i].value <= 0x39 }
    var out = String.UnicodeScalarView()
    var i = 0
    while i < u.count {
      guard isDigit(i), i == 0 || !isDigit(i - 1) else {
        out.append(u[i])
        i += 1
        continue
      }
      // Groups of digits from here: (start, end) scalar ranges.
      var groups: [Range<Int>] = []
      var j = i
      while isDigit(j) {
        let start = j
        while isDigit(j) { j += 1 }
        groups.append(start..<j)
        guard j + 1 < u.count, separators.contains(u[j].value), isDigit(j + 1) else { break }
        j += 1
      }
      // Whole groups from the first that make 18, else 16, digits.
      var total = 0
      var take = 0
      for (n, g) in groups.enumerated() {
        total += g.count
        if total == 16 { take = n + 1 }
        if total == 18 { take = n + 1 }
        if total >= 18 { break }
      }
      guard take > 0 else {
        // Not a personal number: copy its first group and go on.
        out.append(contentsOf: u[groups[0]])
        i = groups[0].upperBound
        continue
      }
      let digits = groups[0..<take].flatMap { u[$0] }
      out.append(contentsOf: digits.prefix(4))
      out.append(contentsOf: repeatElement("\u{2022}", count: digits.count - 6))
      out.append(contentsOf: digits.suffix(2))
      i = groups[take - 1].upperBound
    }
    return String(out)
  }
}
