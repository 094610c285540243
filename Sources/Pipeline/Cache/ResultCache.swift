import Crypto
import Foundation
import Spreadsheet
import Standard

/// The per-file results of earlier runs, so that a run after one OPD fixed its
/// file reads only that file again. An entry is found by a key made of the
/// file's content (SHA-256), its path in the inputs folder, and everything
/// else a file's result depends on: this program (version and build), the
/// codelists (their SHA-256) and the read limits. Messages are not stored (they
/// are rendered when emitted), so the language is not part of the key.
///
/// An entry carries a SHA-256 of its own bytes and of its key; one that does not
/// match, cannot be decoded or names another file is ignored and the file read
/// again. Entries no run has used are removed by `prune`.
public final class ResultCache: @unchecked Sendable {
  public static let folderName = ".cache"
  static let magic = Array("spbe-cache/1\n".utf8)

  public let folder: String
  private let context: [UInt8]
  private let lock = NSLock()
  private var used = Set<String>()
  private var created = false

  /// `folder` is usually `<outputs>/.cache`.
  public init(folder: String, standard: Standard, limits: ReadLimits) {
    self.folder = folder
    var h = SHA256()
    func add(_ s: String) { h.update(data: Array((s + "\n").utf8)) }
    add("pipeline \(ToolVersion.current)")
    // A rebuilt program may read files differently under the same version.
    var st = stat()
    if stat("/proc/self/exe", &st) == 0 {
      add("exe \(st.st_size) \(st.st_mtim.tv_sec).\(st.st_mtim.tv_nsec)")
    }
    add("standard \(standard.edition)")
    for l in standard.lists.sorted(by: { $0.name < $1.name }) {
      let data = FileManager.default.contents(atPath: l.path) ?? Data()
      add("list \(l.name) \(l.status) \(SHA256.hash(data: data).hex)")
    }
    add("limits \(limits)")
    context = Array(h.finalize())
  }

  /// The entry name for a file's content and path.
  func key(sha256: String, relative: String) -> String {
    var h = SHA256()
    h.update(data: context)
    h.update(data: Array("\n\(sha256)\n\(relative)".utf8))
    return h.finalize().hex
  }

  private func path(_ key: String) -> String {
    (folder as NSString).appendingPathComponent(key + ".bin")
  }

  /// The stored result, or nil when there is none or it cannot be trusted.
  func load(sha256: String, relative: String) -> FileResult? {
    let key = key(sha256: sha256, relative: relative)
    lock.lock()
    used.insert(key)
    lock.unlock()
    guard let data = FileManager.default.contents(atPath: path(key)) else { return nil }
    let result: FileResult? = data.withUnsafeBytes { all in
      let m = Self.magic.count
      guard all.count >= m + 32, all.prefix(m).elementsEqual(Self.magic) else { return nil }
      let payload = UnsafeRawBufferPointer(rebasing: all[(m + 32)...])
      guard Self.digest(payload, key: key).elementsEqual(all[m..<(m + 32)]) else { return nil }
      return ResultCodec.decode(payload)
    }
    guard let result, result.source.sha256 == sha256, result.source.path == relative else {
      return nil
    }
    return result
  }

  /// Stores a file's result; a failure to write only means no entry.
  func store(_ result: FileResult, sha256: String, relative: String) {
    let key = key(sha256: sha256, relative: relative)
    lock.lock()
    used.insert(key)
    if !created {
      created = true
      try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }
    lock.unlock()
    let payload = ResultCodec.encode(result)
    let digest = payload.withUnsafeBytes { Self.digest($0, key: key) }
    let temp = path(key) + ".tmp-\(getpid())"
    let data = Data(Self.magic + digest + payload)
    guard FileManager.default.createFile(atPath: temp, contents: data) else { return }
    if rename(temp, path(key)) != 0 { unlink(temp) }
  }

  /// Removes the entries this run did not use (files since changed or removed).
  public func prune() {
    guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
    lock.lock()
    let keep = used
    lock.unlock()
    for name in names where name.hasSuffix(".bin") && !keep.contains(String(name.dropLast(4))) {
      unlink((folder as NSString).appendingPathComponent(name))
    }
  }

  private static func digest(_ payload: UnsafeRawBufferPointer, key: String) -> [UInt8] {
    var h = SHA256()
    h.update(data: Array(key.utf8))
    h.update(bufferPointer: payload)
    return Array(h.finalize())
  }
}

extension Sequence where Element == UInt8 {
  var hex: String {
    let digits = Array("0123456789abcdef".utf8)
    var out: [UInt8] = []
    for b in self {
      out.append(digits[Int(b >> 4)])
      out.append(digits[Int(b & 0x0F)])
    }
    return String(decoding: out, as: UTF8.self)
  }
}

extension SHA256.Digest {
  var hex: String { Array(self).hex }
}
