import Pipeline

/// A command line the tool cannot take (SPEC §6, exit 2), as its parts.
public enum UsageError: Equatable, Sendable {
  case unknownOption(String, suggestion: String?)
  case missingValue(String)
  case invalidValue(String, option: String, choices: [String])
  case unexpectedArguments([String])
  case missingArgument(String)
  /// A mistake with no words of its own here, shown as the parser wrote it.
  case other(String)
}

extension ConsoleText {
  /// What is wrong with the command line and where to read how to write it.
  public static func usageError(_ e: UsageError, command: String, lang: Language) -> String {
    let id = lang == .id
    let quoted = { (values: [String]) in values.map { "'\($0)'" } }
    let line: String
    switch e {
    case .unknownOption(let name, let suggestion):
      line =
        (id ? "opsi '\(name)' tidak dikenal" : "unknown option '\(name)'")
        + (suggestion.map { id ? "; mungkin maksudnya '\($0)'?" : "; did you mean '\($0)'?" } ?? "")
    case .missingValue(let name):
      line = id ? "opsi '\(name)' memerlukan nilai" : "option '\(name)' needs a value"
    case .invalidValue(let value, let option, let choices):
      let list = quoted(choices).joined(separator: id ? " atau " : " or ")
      line =
        (id
          ? "nilai '\(value)' tidak sah untuk '\(option)'"
          : "the value '\(value)' is not valid for '\(option)'")
        + (choices.isEmpty ? "" : id ? "; pilih \(list)" : "; choose \(list)")
    case .unexpectedArguments(let values):
      let list = quoted(values).joined(separator: ", ")
      line = id ? "argumen tidak diharapkan: \(list)" : "unexpected argument: \(list)"
    case .missingArgument(let name):
      line = id ? "argumen \(name) harus diberikan" : "the argument \(name) is required"
    case .other(let text):
      line = text
    }
    let help = "pipeline \(command.isEmpty ? "" : command + " ")--help"
    let end = line.hasSuffix("?") ? " " : ". "
    return line + end + (id ? "Lihat `\(help)`." : "See `\(help)`.")
  }
}
