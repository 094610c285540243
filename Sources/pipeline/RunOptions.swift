import ArgumentParser
import Emit
import Foundation
import Pipeline
import Standard

/// Options shared by `run` and `validate`; flags override `pipeline.yml`.
struct RunOptions: ParsableArguments {
  @Option(name: .long, help: "Berkas konfigurasi (bawaan: pipeline.yml).")
  var config: String?
  @Option(name: .long, help: "Folder masukan.")
  var inputs: String?
  @Option(name: .long, help: "Folder keluaran.")
  var outputs: String?
  @Option(name: .long, help: "Jumlah berkas yang diproses bersamaan (bawaan: semua inti).")
  var jobs: Int?
  @Option(name: .customLong("fail-on"), help: "kesalahan | peringatan | tidak")
  var failOn: FailOn?
  @Option(name: .long, help: "Bahasa pesan: id | en")
  var lang: Language?
  @Flag(name: .long, help: "Tanpa ringkasan di terminal.")
  var quiet = false

  /// The configuration with the flags applied, or the exit to take.
  func configuration() -> Result<Configuration, ExitCode> {
    var c = Configuration()
    let path = config ?? Configuration.fileName
    if config != nil || FileManager.default.fileExists(atPath: path) {
      do {
        c = try Configuration.load(path: path)
      } catch let e as ConfigError {
        printError(ConsoleText.configError(e, file: path, lang: lang ?? .id))
        return .failure(ExitCode(Exit.usage.rawValue))
      } catch {
        printError("\(error)")
        return .failure(ExitCode(Exit.usage.rawValue))
      }
    }
    if let inputs { c.inputs = inputs }
    if let outputs { c.outputs = outputs }
    if let jobs {
      guard jobs >= 0 else {
        printError((lang ?? c.language) == .id ? "--jobs harus ≥ 0" : "--jobs must be ≥ 0")
        return .failure(ExitCode(Exit.usage.rawValue))
      }
      c.jobs = jobs
    }
    if let failOn { c.failOn = failOn }
    if let lang { c.language = lang }
    return .success(c)
  }

  /// What went wrong with the inputs; a missing inputs folder with no
  /// `pipeline.yml` beside it most likely means a run from the wrong folder.
  func explain(_ e: RunError, lang: Language) -> String {
    if case .inputsMissing(let folder) = e, config == nil, inputs == nil,
      !FileManager.default.fileExists(atPath: Configuration.fileName)
    {
      return ConsoleText.runError(
        .inputsMissingWithoutConfiguration(
          inputs: folder, lookedIn: FileManager.default.currentDirectoryPath), lang: lang)
    }
    return ConsoleText.runError(e, lang: lang)
  }

  func standard(_ c: Configuration) -> Result<Standard, ExitCode> {
    do {
      return .success(
        try Standard.load(overrides: c.codelistOverrides, institution: c.institutionName))
    } catch {
      printError(ConsoleText.standardError(error, lang: c.language))
      return .failure(ExitCode(Exit.usage.rawValue))
    }
  }
}

extension RunOptions {
  /// The outputs folder of `c`, locked; a folder a run must not replace is
  /// refused (exit 2), one that cannot be locked stops the run (exit 3). What
  /// the folder notes on the way is said on stderr.
  func lockedOutputs(_ c: Configuration) -> Result<OutputFolder, ExitCode> {
    Result { try lockOutputs(c.outputs, inputs: [c.inputs], lang: c.language) }
      .mapError { $0 as? ExitCode ?? ExitCode(Exit.io.rawValue) }
  }
}

/// The outputs folder, locked, for `run` and `gabung`: a folder a run must not
/// replace (one holding any of `inputs`, a system folder, …) is refused (exit
/// 2), one that cannot be locked stops the command (exit 3). What the folder
/// notes on the way is said on stderr.
func lockOutputs(_ outputs: String, inputs: [String], lang: Language) throws -> OutputFolder {
  for path in inputs {
    if let refusal = OutputFolder.refusal(outputs: outputs, inputs: path) {
      printError(ConsoleText.outputsRefusal(refusal, lang: lang))
      throw ExitCode(Exit.usage.rawValue)
    }
  }
  let folder = OutputFolder(path: outputs) {
    printError(ConsoleText.outputsNotice($0, lang: lang))
  }
  do throws(OutputFolder.Failure) {
    try folder.acquire()
  } catch {
    printOutputFailure(error, lang: lang)
    throw ExitCode(Exit.io.rawValue)
  }
  return folder
}

/// One line on stderr; paths, keys and values in it may come from the inputs or
/// the configuration, so nothing in it can act on the terminal.
/// The bundled standard, for commands that read no `pipeline.yml`; a standard
/// that cannot be loaded is said on stderr and ends the command (exit 2).
func bundledStandard(lang: Language) throws -> Standard {
  do {
    return try Standard.load()
  } catch {
    printError(ConsoleText.standardError(error, lang: lang))
    throw ExitCode(Exit.usage.rawValue)
  }
}

func printError(_ line: String) {
  FileHandle.standardError.write(Data(("pipeline: " + InputText.neutralised(line) + "\n").utf8))
}

/// Why the outputs could not be written, on stderr (exit code 3 follows).
func printOutputFailure(_ e: OutputFolder.Failure, lang: Language) {
  switch e {
  case .locked(let p): printError(ConsoleText.runError(.outputsLocked(p), lang: lang))
  case .unwritable(let p, let code):
    printError(ConsoleText.runError(.outputsUnwritable(path: p, code: code), lang: lang))
  case .badName(let n):
    printError(ConsoleText.runError(.outputsUnwritable(path: n, code: EINVAL), lang: lang))
  }
}
