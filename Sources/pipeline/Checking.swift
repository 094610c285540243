import Foundation
import Pipeline
import Standard

/// The stages before emit and the exit status their result calls for: one
/// function, so `run` and `validate` give the same totals, findings and exit.
enum Checking {
  /// Every stage the configuration names but emit, on `files`. The exit is
  /// `.io` when no file could be read (none found included, said on stderr as
  /// `noInputs(inputs)`), else `.findings` when a finding reaches `fail-on`.
  static func check(
    _ scan: InputScan, inputs: String, configuration config: Configuration,
    standard: Standard, progress: (@Sendable (Int, Int) -> Void)? = nil
  ) -> (architecture: Architecture, exit: Exit) {
    let architecture = PipelineRun(standard: standard, configuration: config)
      .execute(scan.files, skipped: scan.skipped, jobs: config.jobs, progress: progress)
    if scan.files.isEmpty {
      printError(ConsoleText.runError(.noInputs(inputs), lang: config.language))
      return (architecture, .io)
    }
    if !architecture.sources.contains(where: \.readable) {
      printError(
        ConsoleText.runError(
          .nothingReadable(folder: inputs, files: scan.files.count), lang: config.language))
      return (architecture, .io)
    }
    return (architecture, reachesFailOn(architecture, config.failOn) ? .findings : .ok)
  }

  static func reachesFailOn(_ a: Architecture, _ failOn: FailOn) -> Bool {
    switch failOn {
    case .tidak: return false
    case .kesalahan: return a.findingCounts.count(.kesalahan) > 0
    case .peringatan:
      return a.findingCounts.count(.kesalahan) + a.findingCounts.count(.peringatan) > 0
    }
  }
}
