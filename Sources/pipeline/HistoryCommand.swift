import ArgumentParser
import Emit
import Foundation
import Pipeline

/// `pipeline riwayat [N]`: the rounds recorded for the outputs folder, one line
/// each, or what round N held.
struct HistoryCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "riwayat",
    abstract: "Daftar putaran yang tercatat untuk folder keluaran, atau isi putaran N.")

  @Argument(help: "Nomor putaran (tanpa: semua putaran, satu baris masing-masing).")
  var round: Int?
  @Option(name: .long, help: "Berkas konfigurasi (bawaan: pipeline.yml).")
  var config: String?
  @Option(name: .long, help: "Folder keluaran.")
  var outputs: String?
  @Option(name: .long, help: "Bahasa pesan: id | en")
  var lang: Language?

  func run() throws {
    var c = Configuration()
    let path = config ?? Configuration.fileName
    if config != nil || FileManager.default.fileExists(atPath: path) {
      do {
        c = try Configuration.load(path: path)
      } catch let e as ConfigError {
        printError(ConsoleText.configError(e, file: path, lang: lang ?? .id))
        throw ExitCode(Exit.usage.rawValue)
      }
    }
    if let outputs { c.outputs = outputs }
    if let lang { c.language = lang }
    let history = History(root: c.history, outputs: c.outputs)
    let rounds = history.rounds()
    guard let n = round else {
      if rounds.isEmpty {
        printError(
          RoundConsoleText.noRounds(outputs: c.outputs, folder: history.folder, lang: c.language))
      }
      for r in rounds {
        print(RoundConsoleText.line(r.number, history.summary(r.number) ?? [:], lang: c.language))
      }
      return
    }
    guard let r = rounds.first(where: { $0.number == n }) else {
      printError(RoundConsoleText.failure(.noRound(n), lang: c.language))
      throw ExitCode(Exit.findings.rawValue)
    }
    print(
      RoundConsoleText.detail(n, history.summary(n) ?? [:], path: r.path, lang: c.language),
      terminator: "")
  }
}
