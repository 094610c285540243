import ArgumentParser
import Foundation
import Pipeline
import Standard

struct ValidateCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "validate",
    abstract:
      "Semua tahap kecuali menulis keluaran: temuan, ringkasan dan kode keluar seperti run; tidak menulis apa pun."
  )

  @OptionGroup var options: RunOptions
  @Argument(help: "Berkas atau folder (bawaan: folder masukan).")
  var paths: [String] = []

  func run() throws {
    let started = Date()
    let config = try options.configuration().get()
    let standard = try options.standard(config).get()
    var files: [InputFile] = []
    var skipped: [Finding] = []
    do {
      for p in paths.isEmpty ? [config.inputs] : paths {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: p, isDirectory: &isDir) else {
          // Named by the user: a file or a folder, both work.
          throw paths.isEmpty ? RunError.inputsMissing(p) : RunError.pathMissing(p)
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
    // The stages `run` runs, but emit; no lock, nothing written.
    let (a, exit) = Checking.check(
      InputScan(files: files, skipped: skipped),
      inputs: paths.isEmpty ? config.inputs : paths.joined(separator: ", "),
      configuration: config, standard: standard)
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
      // File names, sheet names and cell values come from the inputs.
      let text = InputText.neutralised(message + (fix.map { " " + $0 } ?? ""))
      print(
        "\(InputText.neutralised(place)): \(style.level(f.severity.rawValue, f.severity)) [\(f.type.rawValue)] \(text)"
      )
    }
    if !options.quiet {
      print(
        ConsoleText.summary(
          a, standard: standard, written: [], seconds: Date().timeIntervalSince(started),
          lang: config.language, style: style),
        terminator: "")
    }
    if exit != .ok { throw ExitCode(exit.rawValue) }
  }
}
