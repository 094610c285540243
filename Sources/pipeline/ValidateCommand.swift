import ArgumentParser
import Foundation
import Pipeline
import Standard

struct ValidateCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "validate",
    abstract: "Ekstrak, normalisasi, dan validasi; cetak temuan tanpa menulis apa pun.")

  @OptionGroup var options: RunOptions
  @Argument(help: "Berkas atau folder (bawaan: folder masukan).")
  var paths: [String] = []

  func run() throws {
    let started = Date()
    var config = try options.configuration().get()
    config.stages = [.extract, .normalize, .validate]
    let standard = try options.standard(config).get()
    var files: [InputFile] = []
    var skipped: [Finding] = []
    do {
      for p in paths.isEmpty ? [config.inputs] : paths {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: p, isDirectory: &isDir) else {
          throw RunError.inputsMissing(p)
        }
        if isDir.boolValue {
          let scan = try PipelineRun.inputs(in: p, excluding: config.excludedFromInputs)
          files += scan.files
          skipped += scan.skipped
        } else {
          files.append(InputFile(absolutePath: p, relativePath: p))
        }
      }
    } catch let e as RunError {
      printError(ConsoleText.runError(e, lang: config.language))
      throw ExitCode(Exit.io.rawValue)
    }
    let a = PipelineRun(standard: standard, configuration: config).execute(
      files, skipped: skipped, jobs: config.jobs)
    let style = TerminalStyle.forStream(STDOUT_FILENO)
    for f in a.findings {
      let (message, fix) = Catalog.render(f, lang: config.language)
      var place = f.location.file
      if let s = f.location.sheet { place += " › \(s)" }
      if let c = f.location.cell {
        place += " › \(c)"
      } else if let r = f.location.row {
        place += " › \(r)"
      }
      print(
        "\(place): \(style.level(f.severity.rawValue, f.severity)) [\(f.type.rawValue)] \(message)\(fix.map { " \($0)" } ?? "")"
      )
    }
    if !options.quiet {
      print(
        ConsoleText.summary(
          a, standard: standard, written: [], seconds: Date().timeIntervalSince(started),
          lang: config.language, style: style),
        terminator: "")
    }
    if files.isEmpty || !a.sources.contains(where: \.readable) { throw ExitCode(Exit.io.rawValue) }
    if RunCommand.reachesFailOn(a, config.failOn) { throw ExitCode(Exit.findings.rawValue) }
  }
}
