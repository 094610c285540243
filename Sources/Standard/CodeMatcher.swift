import Foundation

/// Reads a code as people write it (SPEC §4 `kode`): alone (`RAA.01.02`), followed
/// by its name, with odd spacing or case (`raa.01.02`, `RAA 01.02`), or as the
/// name alone; and decides whether the field accepts it.
public struct CodeMatcher: Sendable {
  public enum Outcome: Equatable, Sendable {
    /// An accepted code. `local` when it lies below an accepted national code;
    /// `fromName` when the text was a name; `repaired` when the spelling was
    /// corrected (case, spacing, padding).
    case accepted(code: String, local: Bool, fromName: Bool, repaired: Bool)
    /// The code exists at a level the field does not accept.
    case wrongLevel(code: String, level: Int)
    /// Neither a known code nor a known name.
    case unknown(suggestions: [String])
    /// Not shaped like a code of this list, nor a known name.
    case notACode(suggestions: [String])
  }

  public let list: Codelist
  public let level: Int
  public let childlessAbove: Bool

  public init(list: Codelist, level: Int, childlessAbove: Bool) {
    self.list = list
    self.level = level
    self.childlessAbove = childlessAbove
  }

  /// Whether a national code is one the field takes.
  public func accepts(_ e: Codelist.Entry) -> Bool {
    if e.level == level { return true }
    return childlessAbove && e.level < level && e.level >= 2 && !list.hasChildren(e.code)
  }

  public func resolve(_ raw: String) -> Outcome {
    let text = raw.trimmingCharacters(in: .whitespacesAndNewlines)
    if let parsed = parseCode(text) {
      return judge(code: parsed.code, repaired: parsed.spellingChanged)
    }
    // The name alone, among the levels the field accepts.
    let named = list.entries(named: text).filter(accepts)
    if named.count == 1 {
      return .accepted(code: named[0].code, local: false, fromName: true, repaired: false)
    }
    return .notACode(suggestions: nameSuggestions(text))
  }

  /// The level-N part of split Level 1/2/3 columns: a code, a code and its name,
  /// or a name at that level.
  public func resolveAtLevel(_ raw: String, level n: Int) -> String? {
    let text = raw.trimmingCharacters(in: .whitespacesAndNewlines)
    if let parsed = parseCode(text) { return parsed.code }
    let named = list.entries(named: text).filter { $0.level == n }
    return named.count == 1 ? named[0].code : nil
  }

  func judge(code: String, repaired: Bool) -> Outcome {
    if let e = list.entry(code) {
      if accepts(e) {
        return .accepted(code: code, local: false, fromName: false, repaired: repaired)
      }
      return .wrongLevel(code: code, level: e.level)
    }
    // A local code: its national ancestor at an accepted level exists.
    var ancestor = code
    while let dot = ancestor.lastIndex(of: ".") {
      ancestor = String(ancestor[..<dot])
      if let e = list.entry(ancestor) {
        if accepts(e) {
          return .accepted(code: code, local: true, fromName: false, repaired: repaired)
        }
        break
      }
    }
    return .unknown(suggestions: codeSuggestions(code))
  }

  struct Parsed {
    let code: String
    let rest: String
    let spellingChanged: Bool
  }

  /// `RAL.01.23.01 Pelayanan …` → `RAL.01.23.01`; parts are zero-padded to two
  /// digits, separators may be dots, spaces or dashes.
  func parseCode(_ text: String) -> Parsed? {
    guard let prefix = list.prefix else { return nil }
    let scalars = Array(text.unicodeScalars)
    guard scalars.count >= prefix.count,
      String(String.UnicodeScalarView(scalars[0..<prefix.count])).uppercased() == prefix
    else { return nil }
    var i = prefix.count
    var parts: [String] = []
    while i < scalars.count {
      var j = i
      while j < scalars.count, " .-".unicodeScalars.contains(scalars[j]) { j += 1 }
      if j == i && !parts.isEmpty { break }
      var k = j
      while k < scalars.count, ("0"..."9").contains(scalars[k]) { k += 1 }
      if k == j { break }
      parts.append(String(String.UnicodeScalarView(scalars[j..<k])))
      i = k
    }
    guard !parts.isEmpty else { return nil }
    if i < scalars.count, CharacterSetLetters.isLetterOrDigit(scalars[i]), scalars[i - 1] != " " {
      return nil  // `RAA.01.02x`: not a code followed by a name
    }
    let padded = parts.map { $0.count >= 2 ? $0 : String(repeating: "0", count: 2 - $0.count) + $0 }
    let code = ([prefix] + padded).joined(separator: ".")
    let rest = String(String.UnicodeScalarView(scalars[i...])).trimmingCharacters(
      in: .whitespaces)
    let written = String(String.UnicodeScalarView(scalars[0..<i]))
    return Parsed(code: code, rest: rest, spellingChanged: written != code)
  }

  func codeSuggestions(_ code: String) -> [String] {
    // Siblings under the nearest known ancestor, closest spelling first.
    var ancestor = code
    while let dot = ancestor.lastIndex(of: ".") {
      ancestor = String(ancestor[..<dot])
      if list.entry(ancestor) != nil {
        let kids = list.entries.filter { $0.parent == ancestor && accepts($0) }
        let candidates = kids.map { (key: MatchKey.of($0.code), display: $0.code) }
        let close = Suggest.closest(to: code, among: candidates)
        return close.isEmpty ? Array(kids.prefix(3).map(\.code)) : close
      }
    }
    return []
  }

  func nameSuggestions(_ text: String) -> [String] {
    let candidates = list.entries.filter(accepts).map {
      (key: MatchKey.of($0.name), display: "\($0.code) \($0.name)")
    }
    return Suggest.closest(to: text, among: candidates)
  }
}

enum CharacterSetLetters {
  static func isLetterOrDigit(_ u: Unicode.Scalar) -> Bool {
    CharacterSet.alphanumerics.contains(u)
  }
}
