import Crypto
import Foundation
import Pipeline

/// The rounds of one outputs folder (`riwayat/<outputs>-<hash>/putaran-NNNN/`),
/// each holding `putaran.json` (number, time, input files, totals) and the
/// committed `arsitektur-spbe.json` compressed.
///
/// A round is recorded if and only if its output set was committed: the round
/// is staged as a hidden folder (`.putaran-NNNN-baru-PID`) before the commit,
/// the staged outputs carry a mark (`.pipeline-putaran`: the number and the
/// staged folder's name) that becomes live with the set, and right after the
/// commit the staged folder is renamed `putaran-NNNN`. A run killed between the
/// two leaves the mark naming a staged folder: the next run (under the outputs
/// lock) finishes it; any other staged folder belongs to a set never committed
/// and is dropped. `pipeline riwayat` reads the mark the same way, so it agrees
/// with the outputs even before a next run.
public final class History: @unchecked Sendable {
  /// The history of all outputs folders (`riwayat`).
  public let root: String
  /// This outputs folder's own history inside `root`.
  public let folder: String
  /// The outputs folder, its real path.
  public let outputs: String

  public static let markName = ".pipeline-putaran"
  static let roundPrefix = "putaran-"
  static let stagedPrefix = ".putaran-"
  public static let summaryName = "putaran.json"
  public static let documentName = "arsitektur-spbe.json.gz"

  public enum Failure: Error, Equatable, Sendable {
    /// `code` is the `errno` of the failed call.
    case unwritable(path: String, code: Int32)
    /// The history folder is the outputs folder or inside it.
    case insideOutputs(history: String, outputs: String)
    case noRound(Int)
  }

  public init(root: String, outputs: String) {
    self.root = root
    let real = OutputFolder.resolved(
      outputs.hasPrefix("/")
        ? outputs
        : (FileManager.default.currentDirectoryPath as NSString).appendingPathComponent(outputs))
    self.outputs = real
    let digest = SHA256.hash(data: Array(real.utf8)).map { String(format: "%02x", $0) }.joined()
    let name = OutputFolder.safeFileName((real as NSString).lastPathComponent, fallback: "keluaran")
    folder = (root as NSString).appendingPathComponent("\(name)-\(digest.prefix(8))")
  }

  /// Refuses a history inside the outputs folder: a run replaces that folder whole.
  public func checkPlace() throws(Failure) {
    let real = OutputFolder.resolved(
      root.hasPrefix("/")
        ? root
        : (FileManager.default.currentDirectoryPath as NSString).appendingPathComponent(root))
    if OutputFolder.encloses(outputs, real) {
      throw .insideOutputs(history: root, outputs: outputs)
    }
  }

  /// Creates the folders; a history that cannot be written is refused.
  public func prepare() throws(Failure) {
    do {
      try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    } catch {
      let e = (error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError
      throw .unwritable(path: root, code: e.map { Int32($0.code) } ?? EACCES)
    }
    guard access(folder, W_OK | X_OK) == 0 else { throw .unwritable(path: root, code: errno) }
  }

  /// The number and staged folder the live outputs' mark names.
  private func liveMark() -> (number: Int, staged: String)? {
    let mark = (outputs as NSString).appendingPathComponent(Self.markName)
    guard let text = try? String(contentsOfFile: mark, encoding: .utf8) else { return nil }
    let lines = text.split(separator: "\n").map(String.init)
    guard lines.count >= 2, let n = Int(lines[0]), n > 0, lines[1].hasPrefix(Self.stagedPrefix),
      !lines[1].contains("/")
    else { return nil }
    return (n, lines[1])
  }

  private func entries() -> [String] {
    (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
  }

  private func path(_ name: String) -> String {
    (folder as NSString).appendingPathComponent(name)
  }

  static func roundName(_ n: Int) -> String {
    let s = String(n)
    return roundPrefix + String(repeating: "0", count: max(0, 4 - s.count)) + s
  }

  /// Finishes the round whose outputs were committed by a run killed before it
  /// could, and drops the rounds staged by runs whose outputs were not. Called
  /// under the outputs folder's lock.
  public func recover() {
    let mark = liveMark()
    for name in entries() where name.hasPrefix(Self.stagedPrefix) {
      if let mark, name == mark.staged,
        !FileManager.default.fileExists(
          atPath: path(Self.roundName(mark.number)))
      {
        if rename(path(name), path(Self.roundName(mark.number))) == 0 { Self.syncFolder(folder) }
      } else {
        try? FileManager.default.removeItem(atPath: path(name))
      }
    }
  }

  /// The recorded rounds, by number, each with its folder: the finished ones,
  /// and the one the live outputs name while it waits to be finished.
  public func rounds() -> [(number: Int, path: String)] {
    var out: [Int: String] = [:]
    for name in entries() where name.hasPrefix(Self.roundPrefix) {
      if let n = Int(name.dropFirst(Self.roundPrefix.count)), n > 0 { out[n] = path(name) }
    }
    if let mark = liveMark(), out[mark.number] == nil,
      FileManager.default.fileExists(atPath: path(mark.staged))
    {
      out[mark.number] = path(mark.staged)
    }
    return out.keys.sorted().map { ($0, out[$0]!) }
  }

  /// What round `n` recorded (`putaran.json`), nil when it has none.
  public func summary(_ n: Int) -> [String: Any]? {
    guard let p = rounds().first(where: { $0.number == n })?.path,
      let data = FileManager.default.contents(
        atPath: (p as NSString).appendingPathComponent(Self.summaryName))
    else { return nil }
    return (try? JSONSerialization.jsonObject(with: data)) as? [String: Any]
  }

  /// The `arsitektur-spbe.json` round `n` committed.
  public func document(_ n: Int) -> Data? {
    guard let p = rounds().first(where: { $0.number == n })?.path else { return nil }
    return GzipFile.read((p as NSString).appendingPathComponent(Self.documentName))
  }

  /// Stages the next round.
  public func stage() throws(Failure) -> StagedRound {
    let number = (rounds().last?.number ?? 0) + 1
    let name =
      "\(Self.stagedPrefix)\(String(Self.roundName(number).dropFirst(Self.roundPrefix.count)))-baru-\(getpid())"
    let staged = path(name)
    try? FileManager.default.removeItem(atPath: staged)
    guard mkdir(staged, 0o755) == 0 else { throw .unwritable(path: root, code: errno) }
    return try StagedRound(
      number: number, staged: staged, final: path(Self.roundName(number)), history: self)
  }

  static func syncFolder(_ dir: String) {
    let fd = Foundation.open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    if fd >= 0 {
      fsync(fd)
      close(fd)
    }
  }
}

/// A round being recorded: its staged folder, the compressed copy of the JSON
/// being written, and what makes it final once the outputs are committed.
public final class StagedRound: @unchecked Sendable {
  public let number: Int
  let staged: String
  let final: String
  let history: History
  let document: GzipFile
  private let lock = NSLock()
  /// Whether the JSON went through `documentSink` (when `json` is written).
  private(set) var documentWritten = false

  init(number: Int, staged: String, final: String, history: History) throws(History.Failure) {
    self.number = number
    self.staged = staged
    self.final = final
    self.history = history
    document = try GzipFile(
      path: (staged as NSString).appendingPathComponent(History.documentName))
  }

  /// The mark the staged outputs carry: the number, then the staged folder.
  var mark: String { "\(number)\n\((staged as NSString).lastPathComponent)\n" }

  /// Appends bytes of the committed `arsitektur-spbe.json` (one writer at a time).
  func appendDocument(_ buf: UnsafeRawBufferPointer) throws {
    lock.lock()
    defer { lock.unlock() }
    documentWritten = true
    try document.write(buf)
  }

  /// Writes `putaran.json` and makes everything staged durable.
  func close(summary: JSON) throws {
    try document.close()
    var text = ""
    JSONWriter().write(summary, into: &text, indent: 0)
    let file = (staged as NSString).appendingPathComponent(History.summaryName)
    let fd = Foundation.open(file, O_CREAT | O_TRUNC | O_WRONLY | O_CLOEXEC, 0o644)
    guard fd >= 0 else { throw History.Failure.unwritable(path: history.root, code: errno) }
    defer { Foundation.close(fd) }
    let bytes = Array((text + "\n").utf8)
    guard Foundation.write(fd, bytes, bytes.count) == bytes.count, fsync(fd) == 0 else {
      throw History.Failure.unwritable(path: history.root, code: errno == 0 ? ENOSPC : errno)
    }
    History.syncFolder(staged)
    History.syncFolder(history.folder)
  }

  /// Right after the commit: the staged round becomes `putaran-NNNN`. Should
  /// this fail, the next run finishes it from the live mark.
  func finalize() {
    if rename(staged, final) == 0 { History.syncFolder(history.folder) }
  }
}
