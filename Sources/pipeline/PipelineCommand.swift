import ArgumentParser
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
