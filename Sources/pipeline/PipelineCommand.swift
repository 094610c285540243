import ArgumentParser

@main
struct PipelineCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "pipeline",
    abstract: "Konsolidasi inventaris SPBE OPD menjadi satu arsitektur tervalidasi.",
    subcommands: [InspectCommand.self]
  )
}
