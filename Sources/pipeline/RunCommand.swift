import ArgumentParser
import Emit
import Foundation
import Pipeline
import Standard

struct RunCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "run",
    abstract: "Jalankan semua tahap dan tulis keluaran (arsitektur-spbe.json, temuan.csv).")

  @OptionGroup var options: RunOptions

  func run() throws {
    let started = Date()
    let config: Configuration
    switch options.configuration() {
    case .success(let c): config = c
    case .failure(let e): throw e
    }
    let standard: Standard
    switch options.standard(config) {
    case .success(let s): standard = s
    case .failure(let e): throw e
    }
    let lang = config.language
    let files: [InputFile]
    do {
      files = try PipelineRun.inputs(in: config.inputs)
    } catch let e as RunError {
      printError(ConsoleText.runError(e, lang: lang))
      throw ExitCode(Exit.io.rawValue)
    }
    let progress = Progress(enabled: !options.quiet)
    let architecture = PipelineRun(standard: standard, configuration: config)
      .execute(files, jobs: config.jobs, progress: progress.update)
    progress.finish()

    var exit = Exit.ok
    if files.isEmpty {
      printError(ConsoleText.runError(.noInputs(config.inputs), lang: lang))
      exit = .io
    } else if !architecture.sources.contains(where: \.readable) {
      exit = .io
    }
    var written: [String] = []
    if config.stages.contains(.emit) {
      do {
        written = try Emitters.writeAll(
          architecture, standard: standard, configuration: config,
          createdAt: ArchitectureDocument.creationDate())
      } catch let e as OutputFolder.Failure {
        switch e {
        case .locked(let p): printError(ConsoleText.runError(.outputsLocked(p), lang: lang))
        case .unwritable(let p, let code):
          printError(ConsoleText.runError(.outputsUnwritable(path: p, code: code), lang: lang))
        case .badName(let n):
          printError(ConsoleText.runError(.outputsUnwritable(path: n, code: EINVAL), lang: lang))
        }
        exit = .io
      }
    }
    if !options.quiet {
      print(
        ConsoleText.summary(
          architecture, written: written, seconds: Date().timeIntervalSince(started), lang: lang),
        terminator: "")
    }
    if exit == .ok, Self.reachesFailOn(architecture, config.failOn) { exit = .findings }
    if exit != .ok { throw ExitCode(exit.rawValue) }
  }

  static func reachesFailOn(_ a: Architecture, _ failOn: FailOn) -> Bool {
    switch failOn {
    case .tidak: return false
    case .kesalahan: return a.findings.contains { $0.severity == .kesalahan }
    case .peringatan: return a.findings.contains { $0.severity >= .peringatan }
    }
  }
}

/// A progress line on a terminal, rewritten in place; nothing elsewhere.
final class Progress: @unchecked Sendable {
  private let enabled: Bool
  private let lock = NSLock()
  private var shown = false

  init(enabled: Bool) { self.enabled = enabled && isatty(STDERR_FILENO) == 1 }

  func update(_ done: Int, _ total: Int) {
    guard enabled, total >= 8 else { return }
    lock.lock()
    defer { lock.unlock() }
    FileHandle.standardError.write(Data("\r\(done)/\(total) berkas\u{1B}[K".utf8))
    shown = true
  }

  func finish() {
    if shown { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
  }
}
