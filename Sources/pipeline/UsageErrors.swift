import ArgumentParser
import Foundation
import Pipeline

extension UsageError {
  /// The parts of swift-argument-parser's English message, so that it can be
  /// said in the user's language; a message of another shape is kept whole.
  init(parserMessage text: String) {
    func match(_ pattern: String) -> [String]? {
      guard
        let regex = try? NSRegularExpression(
          pattern: pattern, options: [.dotMatchesLineSeparators]),
        let m = regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text))
      else { return nil }
      return (1..<m.numberOfRanges).map {
        Range(m.range(at: $0), in: text).map { String(text[$0]) } ?? ""
      }
    }
    if let g = match(#"^Unknown option '([^']*)'(?:\. Did you mean '([^']*)'\?)?$"#) {
      self = .unknownOption(g[0], suggestion: g[1].isEmpty ? nil : g[1])
    } else if let g = match(#"^Missing value for '([^' ]*)[^']*'$"#) {
      self = .missingValue(g[0])
    } else if let g = match(#"^The value '(.*)' is invalid for '([^']*)'(.*)$"#) {
      let option = g[1].split(separator: " ").first.map(String.init) ?? g[1]
      let choices = g[2].hasPrefix(". Please provide one of") ? Self.quotedWords(g[2]) : []
      self = .invalidValue(g[0], option: option, choices: choices)
    } else if let g = match(#"^Unexpected argument '(.*)'$"#) {
      self = .unexpectedArguments([g[0]])
    } else if let g = match(#"^\d+ unexpected arguments: (.*)$"#) {
      self = .unexpectedArguments(Self.quotedWords(g[0]))
    } else if let g = match(#"^Missing expected argument '([^']*)'$"#) {
      self = .missingArgument(g[0])
    } else {
      self = .other(text)
    }
  }

  private static func quotedWords(_ s: String) -> [String] {
    s.split(separator: "'", omittingEmptySubsequences: false).enumerated()
      .filter { $0.offset % 2 == 1 }.map { String($0.element) }
  }
}

/// The language of a usage error: `--lang` on the command line, else `bahasa`
/// in the configuration the command would read, else Bahasa Indonesia.
func usageLanguage(_ arguments: [String]) -> Language {
  func value(of option: String) -> String? {
    for (i, a) in arguments.enumerated() {
      if a == option, i + 1 < arguments.count { return arguments[i + 1] }
      if a.hasPrefix(option + "=") { return String(a.dropFirst(option.count + 1)) }
    }
    return nil
  }
  if let lang = value(of: "--lang").flatMap(Language.init(rawValue:)) { return lang }
  // Only a configuration small enough to read in passing is asked.
  let path = value(of: "--config") ?? Configuration.fileName
  let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? nil
  guard let size, size <= 64 << 10 else { return .id }
  return (try? Configuration.load(path: path))?.language ?? .id
}
