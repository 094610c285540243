import ArgumentParser
import Foundation
import Pipeline

@main
struct PipelineCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "pipeline",
    abstract: "Konsolidasi inventaris SPBE perangkat daerah menjadi satu arsitektur tervalidasi.",
    version: ToolVersion.current,
    subcommands: [
      RunCommand.self, ValidateCommand.self, InspectCommand.self, CodelistsCommand.self,
      TemplateCommand.self, GabungCommand.self, HistoryCommand.self,
    ]
  )

  static func main() {
    // Past a file-size limit (ulimit -f) a write then fails with EFBIG and is
    // reported like a full disk, instead of the process dying silently.
    signal(SIGXFSZ, SIG_IGN)
    let arguments = Array(CommandLine.arguments.dropFirst())
    do {
      var command = try parseAsRoot(arguments)
      try command.run()
    } catch {
      // Help, the version and the commands' own exits go as the parser has them;
      // a usage error is said in the user's language and exits 2 (SPEC §6).
      guard exitCode(for: error) == .validationFailure else { exit(withError: error) }
      let command = arguments.first { name in
        configuration.subcommands.contains { $0._commandName == name }
      }
      printError(
        ConsoleText.usageError(
          UsageError(parserMessage: message(for: error)), command: command ?? "",
          lang: usageLanguage(arguments)))
      Foundation.exit(Exit.usage.rawValue)
    }
  }
}

/// Exit codes of SPEC §6; when several apply, the highest wins.
enum Exit: Int32 {
  case ok = 0
  case findings = 1
  case usage = 2
  case io = 3
}

extension Language: ExpressibleByArgument {}
extension FailOn: ExpressibleByArgument {}
