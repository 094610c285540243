import Foundation

/// The form in which people's spellings are compared with the standard's:
/// case, diacritics, spaces and punctuation do not matter (SPEC §2, §4).
public enum MatchKey {
  public static func of(_ s: String) -> String {
    var ascii = true
    for b in s.utf8 where b >= 0x80 {
      ascii = false
      break
    }
    if ascii {
      var bytes: [UInt8] = []
      bytes.reserveCapacity(s.utf8.count)
      for b in s.utf8 {
        switch b {
        case 0x30...0x39, 0x61...0x7A: bytes.append(b)
        case 0x41...0x5A: bytes.append(b + 0x20)
        default: break
        }
      }
      return String(decoding: bytes, as: UTF8.self)
    }
    var out = String.UnicodeScalarView()
    let folded = s.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
    for u in folded.unicodeScalars {
      let p = u.properties
      if p.isAlphabetic || p.numericType != nil { out.append(u) }
    }
    return String(out)
  }

  /// Lower-cased alphanumeric words, for "contains as whole words" matching.
  public static func words(_ s: String) -> [String] {
    let folded = s.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
    return folded.unicodeScalars.split { !CharacterSet.alphanumerics.contains($0) }
      .map { String(String.UnicodeScalarView($0)) }
  }

  /// Whether `needle` occurs in `haystack` as a contiguous run of whole words.
  public static func containsWords(_ haystack: [String], _ needle: [String]) -> Bool {
    guard !needle.isEmpty, needle.count <= haystack.count else { return false }
    for start in 0...(haystack.count - needle.count)
    where Array(haystack[start..<start + needle.count]) == needle {
      return true
    }
    return false
  }
}

/// "Did you mean": the closest spellings by edit distance, never applied silently.
public enum Suggest {
  /// Candidates whose key is within a distance that grows with the length of the
  /// input, closest first (at most `limit`).
  public static func closest(
    to input: String, among candidates: [(key: String, display: String)], limit: Int = 3
  ) -> [String] {
    let key = MatchKey.of(input)
    guard !key.isEmpty else { return [] }
    let budget = max(1, min(4, key.count / 3))
    var scored: [(Int, String)] = []
    var seen = Set<String>()
    for c in candidates {
      if c.key.hasPrefix(key) || key.hasPrefix(c.key), min(key.count, c.key.count) >= 4 {
        if seen.insert(c.display).inserted { scored.append((0, c.display)) }
        continue
      }
      let d = distance(key, c.key, bound: budget)
      if d <= budget, seen.insert(c.display).inserted { scored.append((d, c.display)) }
    }
    return scored.sorted { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }.prefix(limit).map(\.1)
  }

  /// Levenshtein distance, giving up (returning bound + 1) once it exceeds `bound`.
  public static func distance(_ a: String, _ b: String, bound: Int) -> Int {
    let x = Array(a.unicodeScalars)
    let y = Array(b.unicodeScalars)
    if abs(x.count - y.count) > bound { return bound + 1 }
    var prev = Array(0...y.count)
    var cur = [Int](repeating: 0, count: y.count + 1)
    for i in 1...max(1, x.count) where !x.isEmpty {
      cur[0] = i
      var rowMin = cur[0]
      for j in 1...max(1, y.count) where !y.isEmpty {
        let cost = x[i - 1] == y[j - 1] ? 0 : 1
        cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
        rowMin = min(rowMin, cur[j])
      }
      if rowMin > bound { return bound + 1 }
      swap(&prev, &cur)
    }
    return x.isEmpty ? y.count : prev[y.count]
  }
}
