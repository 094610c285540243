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
      TemplateCommand.self,
    ]
  )

  static func main() {
    // Past a file-size limit (ulimit -f) a write then fails with EFBIG and is
    // reported like a full disk, instead of the process dying silently.
    signal(SIGXFSZ, SIG_IGN)
    main(nil)
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
