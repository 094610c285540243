import ArgumentParser
import Emit
import Foundation
import Pipeline
import Standard

struct RunCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "run",
    abstract: "Jalankan semua tahap dan tulis keluaran ke folder keluaran.")

  @OptionGroup var options: RunOptions
  @Flag(
    name: .customLong("no-cache"),
    help: "Baca ulang semua berkas; jangan pakai atau simpan cache hasil (keluaran/.cache).")
  var noCache = false

  func run() throws {
    let started = Date()
    let config = try options.configuration().get()
    let standard = try options.standard(config).get()
    let lang = config.language
    let scan: InputScan
    do {
      scan = try PipelineRun.inputs(in: config.inputs, excluding: config.excludedFromInputs)
    } catch let e as RunError {
      printError(ConsoleText.runError(e, lang: lang))
      throw ExitCode(Exit.io.rawValue)
    }
    let progress = Progress(enabled: !options.quiet, lang: lang)
    // The cache lives with the outputs, so a run that writes none keeps none.
    let cache =
      noCache || !config.stages.contains(.emit)
      ? nil
      : ResultCache(
        folder: (config.outputs as NSString).appendingPathComponent(ResultCache.folderName),
        standard: standard, limits: config.limits)
    let architecture = PipelineRun(standard: standard, configuration: config)
      .execute(
        scan.files, skipped: scan.skipped, jobs: config.jobs, cache: cache,
        progress: progress.update)
    progress.finish()

    var exit = Exit.ok
    if scan.files.isEmpty {
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
        cache?.prune()
      } catch let e as OutputFolder.Failure {
        printOutputFailure(e, lang: lang)
        exit = .io
      }
    }
    if !options.quiet {
      print(
        ConsoleText.summary(
          architecture, standard: standard, written: written,
          seconds: Date().timeIntervalSince(started), lang: lang,
          style: TerminalStyle.forStream(STDOUT_FILENO)),
        terminator: "")
    }
    if exit == .ok, Self.reachesFailOn(architecture, config.failOn) { exit = .findings }
    // The process ends now: freeing a large run's records and findings one by
    // one took a tenth of a second of a 200,000-row run, for nothing.
    Self.heldUntilExit = architecture
    if exit != .ok { throw ExitCode(exit.rawValue) }
  }

  nonisolated(unsafe) static var heldUntilExit: Architecture?

  static func reachesFailOn(_ a: Architecture, _ failOn: FailOn) -> Bool {
    switch failOn {
    case .tidak: return false
    case .kesalahan: return a.findingCounts.count(.kesalahan) > 0
    case .peringatan:
      return a.findingCounts.count(.kesalahan) + a.findingCounts.count(.peringatan) > 0
    }
  }
}

/// A progress line on a terminal (stderr), rewritten in place, shown only once a
/// run has taken longer than half a second so that short runs do not flicker.
final class Progress: @unchecked Sendable {
  private let enabled: Bool
  private let started = Date()
  private let lock = NSLock()
  private let files: String
  private var shown = false

  init(enabled: Bool, lang: Language) {
    self.enabled = enabled && isatty(STDERR_FILENO) == 1
    files = lang == .id ? "berkas" : "files"
  }

  func update(_ done: Int, _ total: Int) {
    guard enabled, total > 1, Date().timeIntervalSince(started) > 0.5 else { return }
    lock.lock()
    defer { lock.unlock() }
    let width = 24
    let filled = width * done / total
    let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
    FileHandle.standardError.write(
      Data("\r[\(bar)] \(done)/\(total) \(files) (\(100 * done / total)%)\u{1B}[K".utf8))
    shown = true
  }

  func finish() {
    if shown { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
  }
}
