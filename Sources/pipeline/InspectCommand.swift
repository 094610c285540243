import ArgumentParser

struct InspectCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "inspect", abstract: "Tampilkan isi berkas seperti yang dibaca (JSON).")
  @Argument var file: String
  func run() throws {}
}
