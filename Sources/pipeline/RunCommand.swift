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
  @Flag(name: .customLong("tanpa-riwayat"), help: "Jalankan tanpa mencatat putaran di riwayat.")
  var withoutHistory = false
  @Option(
    name: .customLong("banding"), help: "Bandingkan dengan putaran N (bawaan: yang terakhir).")
  var compareWith: Int?

  func run() throws {
    let started = Date()
    var config = try options.configuration().get()
    if withoutHistory { config.recordsHistory = false }
    let standard = try options.standard(config).get()
    let lang = config.language
    let fixedDate: Date?
    do throws(RunError) {
      fixedDate = try SourceDateEpoch.date()
    } catch {
      printError(ConsoleText.runError(error, lang: lang))
      throw ExitCode(Exit.usage.rawValue)
    }
    // Checked and locked before anything is read: a second run on the same
    // outputs stops at once, and a signal cleans up what the run staged.
    // A refused outputs folder is said by `lockedOutputs` before anything is made.
    let refused = OutputFolder.refusal(outputs: config.outputs, inputs: config.inputs) != nil
    let history = config.stages.contains(.emit) && !refused ? try openHistory(config) : nil
    let folder = config.stages.contains(.emit) ? try options.lockedOutputs(config).get() : nil
    if let folder { Interruption.cleanUp(folder) }
    if let history { try recoverHistory(history, config) }
    let scan: InputScan
    do {
      scan = try PipelineRun.inputs(in: config.inputs, excluding: config.excludedFromInputs)
    } catch let e as RunError {
      printError(options.explain(e, lang: lang))
      throw ExitCode(Exit.io.rawValue)
    }
    let progress = Progress(enabled: !options.quiet, lang: lang)
    let (architecture, checked) = Checking.check(
      scan, inputs: config.inputs, configuration: config, standard: standard,
      progress: { progress.update($0, $1) })
    progress.finish()
    var exit = checked

    var written: [String] = []
    // A run that read nothing leaves the outputs as they were (SPEC §7).
    var recorded: (number: Int, base: Int?)?
    if let folder, let history, exit != .io {
      do {
        let baseNumber = compareWith ?? history.rounds().last?.number
        let base = baseNumber.flatMap { n in history.document(n).map { (n, $0) } }
        let staged = config.recordsHistory ? try history.stage() : nil
        written = try Emitters.writeAll(
          architecture, standard: standard, configuration: config,
          createdAt: fixedDate ?? Date(), into: folder,
          rounds: RoundInput(staged: staged, base: base))
        if let staged { recorded = (staged.number, base?.0) }
      } catch let e as OutputFolder.Failure {
        printOutputFailure(e, lang: lang)
        exit = .io
      } catch let e as History.Failure {
        printError(RoundConsoleText.failure(e, lang: lang))
        exit = .io
      }
    }
    if let recorded, let history, !options.quiet {
      print(
        RoundConsoleText.recorded(
          recorded.number, folder: history.folder, base: recorded.base, lang: lang),
        terminator: "")
    }
    if !options.quiet {
      print(
        ConsoleText.summary(
          architecture, standard: standard, written: written,
          seconds: Date().timeIntervalSince(started), lang: lang,
          failsOnFindings: exit == .findings, style: TerminalStyle.forStream(STDOUT_FILENO)),
        terminator: "")
    }
    // The process ends now: freeing a large run's records and findings one by
    // one took a tenth of a second of a 200,000-row run, for nothing.
    Self.heldUntilExit = architecture
    if exit != .ok { throw ExitCode(exit.rawValue) }
  }

  nonisolated(unsafe) static var heldUntilExit: Architecture?

  /// The outputs folder's history, checked before the outputs are touched:
  /// one inside the outputs folder is refused (exit 2), one that cannot be
  /// written stops a run that records (exit 3).
  private func openHistory(_ config: Configuration) throws -> History {
    let history = History(root: config.history, outputs: config.outputs)
    do throws(History.Failure) {
      try history.checkPlace()
      if config.recordsHistory { try history.prepare() }
    } catch {
      printError(RoundConsoleText.failure(error, lang: config.language))
      if case .insideOutputs = error { throw ExitCode(Exit.usage.rawValue) }
      throw ExitCode(Exit.io.rawValue)
    }
    return history
  }

  /// Under the outputs lock: a round a killed run left half-made is finished
  /// or dropped; `--banding N` must name a recorded round (exit 2).
  private func recoverHistory(_ history: History, _ config: Configuration) throws {
    history.recover()
    if let n = compareWith, !history.rounds().contains(where: { $0.number == n }) {
      printError(RoundConsoleText.failure(.noRound(n), lang: config.language))
      throw ExitCode(Exit.usage.rawValue)
    }
  }
}

/// SIGINT (Ctrl-C) and SIGTERM during a run: the staged outputs are removed
/// and the outputs folder's lock released before the process ends with
/// 128 + the signal's number (130, 143), as a shell would show it; a commit
/// under way is let finish first.
enum Interruption {
  nonisolated(unsafe) private static var sources: [DispatchSourceSignal] = []

  static func cleanUp(_ folder: OutputFolder) {
    for sig in [SIGINT, SIGTERM] {
      signal(sig, SIG_IGN)
      let source = DispatchSource.makeSignalSource(signal: sig, queue: .global())
      // Weak: the folder's own clean-up still runs when the run ends.
      source.setEventHandler { [weak folder] in
        folder?.interrupt()
        _exit(128 + sig)
      }
      source.resume()
      sources.append(source)
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
