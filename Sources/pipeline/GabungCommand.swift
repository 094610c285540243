import ArgumentParser
import Emit
import Foundation
import Pipeline
import Standard

/// `pipeline gabung`: the national roll-up of many instansi documents.
struct GabungCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "gabung",
    abstract: "Gabungkan dokumen arsitektur-spbe.json banyak instansi menjadi arsitektur nasional.")

  @Argument(help: "Dokumen arsitektur-spbe.json, atau folder yang memuatnya.")
  var paths: [String]

  @Option(name: .long, help: "Folder keluaran.")
  var outputs: String

  @Option(name: .long, help: "Bahasa pesan: id | en")
  var lang: Language = .id

  @Flag(name: .long, help: "Tanpa ringkasan di terminal.")
  var quiet = false

  func run() throws {
    let createdAt: Date
    do throws(RunError) {
      createdAt = try SourceDateEpoch.date() ?? Date()
    } catch {
      printError(ConsoleText.runError(error, lang: lang))
      throw ExitCode(Exit.usage.rawValue)
    }
    let standard = try bundledStandard(lang: lang)
    let folder = try lockOutputs(outputs, inputs: paths, lang: lang)
    Interruption.cleanUp(folder)

    var rollup = NationalRollup(standard: standard)
    var otherFormats: [RollupError] = []
    let domains = standard.domains.map(\.key)
    for file in documentFiles() {
      do throws(RollupError) {
        rollup.add(try InstansiDocument.read(path: file, domains: domains))
      } catch .otherFormat(let p, let f) {
        otherFormats.append(.otherFormat(path: p, format: f))
      } catch {
        rollup.failed(error)
      }
    }
    // Another version of the format is not half-merged: nothing is written.
    guard otherFormats.isEmpty else {
      for e in otherFormats { printError(RollupText.error(e, lang: lang)) }
      throw ExitCode(Exit.usage.rawValue)
    }
    for e in rollup.unreadable { printError(RollupText.error(e, lang: lang)) }
    guard !rollup.documents.isEmpty else {
      printError(RollupText.noneReadable(lang: lang))
      throw ExitCode(Exit.io.rawValue)
    }
    for r in rollup.replacedInOrder {
      printError(
        RollupText.replaced(
          region: r.regionCode, dropped: r.path, droppedAt: r.createdAt, kept: r.keptPath,
          keptAt: r.keptCreatedAt, lang: lang))
    }
    for e in rollup.otherEditions {
      printError(
        RollupText.otherEdition(
          file: e.path, region: e.regionCode, codelist: e.codelist, edition: e.edition,
          ours: e.ours, lang: lang))
    }
    do {
      try NationalOutputs.write(rollup, createdAt: createdAt, language: lang, into: folder)
    } catch let e as OutputFolder.Failure {
      printOutputFailure(e, lang: lang)
      throw ExitCode(Exit.io.rawValue)
    }
    if !quiet {
      print(
        RollupText.merged(
          instansi: rollup.documents.count, records: rollup.totalRecords, folder: outputs,
          lang: lang), terminator: "")
    }
  }

  private static func isFolder(_ path: String) -> Bool {
    var isDirectory: ObjCBool = false
    return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
      && isDirectory.boolValue
  }

  /// The files named, and the `.json` files under the folders named (hidden
  /// entries and the outputs folder left out), each folder's in byte order;
  /// a file named twice is read once.
  private func documentFiles() -> [String] {
    let outputsReal = URL(fileURLWithPath: outputs).resolvingSymlinksInPath().path
    var files: [String] = []
    var seen: Set<String> = []
    func add(_ path: String) {
      let real = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
      if seen.insert(real).inserted { files.append(path) }
    }
    for path in paths {
      guard Self.isFolder(path) else {
        add(path)
        continue
      }
      var found: [String] = []
      var pending = [path]
      // A link back up the tree is walked once.
      var walked: Set<String> = []
      while let dir = pending.popLast() {
        guard walked.insert(URL(fileURLWithPath: dir).resolvingSymlinksInPath().path).inserted
        else { continue }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []
        for name in names where !name.hasPrefix(".") {
          let full = (dir as NSString).appendingPathComponent(name)
          if Self.isFolder(full) {
            if URL(fileURLWithPath: full).resolvingSymlinksInPath().path != outputsReal {
              pending.append(full)
            }
          } else if name.lowercased().hasSuffix(".json") {
            found.append(full)
          }
        }
      }
      for f in found.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) { add(f) }
    }
    return files
  }
}
