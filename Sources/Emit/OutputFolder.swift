import Foundation

/// Writes the outputs of a run as one set: a failed or killed run leaves the
/// previous outputs readable, complete and consistent with each other.
///
/// Every `write` goes into a staging folder beside the outputs folder (same
/// file system); `commit()` carries over what the run did not write (other
/// outputs, files a user put there), then swaps the staging folder and the
/// outputs folder in one `renameat2(RENAME_EXCHANGE)`, so a reader sees either
/// the old set or the new one, never a mix; the old set is then removed. The
/// outputs folder stays a plain folder of plain files. Where the swap is not
/// possible (the outputs folder is a mount point, its parent is not writable,
/// or the file system cannot exchange), staging happens inside the outputs
/// folder and the entries are renamed into place one after another.
///
/// One run at a time holds the folder's lock (`.pipeline.lock`, flock); the
/// lock file is linked into every new set, so the lock survives the swap.
/// `write` may be called from several threads at once for different names;
/// `open` and `commit` from one.
public final class OutputFolder: @unchecked Sendable {
  public let path: String
  private var lockFD: Int32 = -1
  /// The real path of the outputs folder (symlinks resolved once opened).
  private var target = ""
  private var staging = ""
  private var swapsFolder = false
  /// Top-level entries written by this run. Outputs may be written from
  /// several threads at once (one per output), so the set has a lock.
  private var written: Set<String> = []
  private let writtenLock = NSLock()

  static let lockName = ".pipeline.lock"
  static let stagingMark = ".pipeline-baru-"
  static let oldMark = ".pipeline-lama-"

  public init(path: String) { self.path = path }

  public enum Failure: Error, Equatable, Sendable {
    /// `code` is the `errno` of the failed call.
    case unwritable(path: String, code: Int32)
    case locked(path: String)
    /// An output name that would leave the outputs folder.
    case badName(String)
  }

  /// Creates the folder, takes its lock, clears what a killed run left behind
  /// and prepares the staging folder.
  public func open() throws {
    do {
      try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    } catch {
      throw Failure.unwritable(path: path, code: Self.code(of: error))
    }
    target = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
    let lockPath = join(target, Self.lockName)
    lockFD = Foundation.open(lockPath, O_CREAT | O_RDWR | O_CLOEXEC, 0o644)
    guard lockFD >= 0 else { throw Failure.unwritable(path: path, code: errno) }
    if flock(lockFD, LOCK_EX | LOCK_NB) != 0 {
      close(lockFD)
      lockFD = -1
      throw Failure.locked(path: path)
    }
    removeLeftovers()
    let parent = (target as NSString).deletingLastPathComponent
    let base = (target as NSString).lastPathComponent
    let outside = join(parent, ".\(base)\(Self.stagingMark)\(getpid())")
    if Self.sameDevice(parent, target), mkdir(outside, 0o755) == 0 {
      staging = outside
      swapsFolder = true
    } else {
      staging = join(target, "\(Self.stagingMark)\(getpid())")
      swapsFolder = false
      guard mkdir(staging, 0o755) == 0 else { throw Failure.unwritable(path: path, code: errno) }
    }
  }

  deinit {
    // Not committed: the staged outputs are dropped, the previous ones stay.
    if !staging.isEmpty { Self.removeTree(staging) }
    if lockFD >= 0 {
      flock(lockFD, LOCK_UN)
      close(lockFD)
    }
  }

  /// Writes `name` (a plain file name or a path inside the folder, such as
  /// `umpan-balik/X.html`) into the set being prepared; nothing is visible in
  /// the outputs folder before `commit()`.
  public func write(_ name: String, _ text: String) throws {
    try write(name, Data(text.utf8))
  }

  public func write(_ name: String, _ data: Data) throws {
    try write(name) { put in try data.withUnsafeBytes { try put($0) } }
  }

  /// Writes `name` from bytes handed over in pieces by `produce`, so a large
  /// output never has to be held whole.
  public func write(
    _ name: String, streaming produce: ((UnsafeRawBufferPointer) throws -> Void) throws -> Void
  ) throws {
    let file = try stagedPath(name)
    let fd = Foundation.open(file, O_CREAT | O_TRUNC | O_WRONLY | O_CLOEXEC, 0o644)
    guard fd >= 0 else { throw Failure.unwritable(path: join(path, name), code: errno) }
    defer { close(fd) }
    struct WriteFailed: Error { let code: Int32 }
    do {
      try produce { buf in
        var offset = 0
        while offset < buf.count {
          let n = Foundation.write(fd, buf.baseAddress! + offset, buf.count - offset)
          if n < 0, errno == EINTR { continue }
          if n <= 0 { throw WriteFailed(code: n == 0 ? ENOSPC : errno) }
          offset += n
        }
      }
    } catch let e as WriteFailed {
      throw Failure.unwritable(path: join(path, name), code: e.code)
    }
    if fsync(fd) != 0 { throw Failure.unwritable(path: join(path, name), code: errno) }
  }

  /// Writes `name` from a file that `produce` writes at the path it is given
  /// (inside the staging folder), for writers that want a path rather than bytes.
  public func write(_ name: String, producing produce: (String) throws -> Void) throws {
    let file = try stagedPath(name)
    try produce(file)
    let fd = Foundation.open(file, O_RDONLY | O_CLOEXEC)
    guard fd >= 0, fsync(fd) == 0 else {
      let e = errno
      if fd >= 0 { close(fd) }
      throw Failure.unwritable(path: join(path, name), code: e)
    }
    close(fd)
  }

  /// Where `name` is staged, its folders created; a name that would leave the
  /// folder (absolute, `..`, hidden at the top) is refused.
  private func stagedPath(_ name: String) throws -> String {
    precondition(!staging.isEmpty, "OutputFolder.open() first")
    let parts = name.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
    guard !name.hasPrefix("/"),
      parts.allSatisfy({ !$0.isEmpty && $0 != "." && $0 != ".." && !$0.contains("\0") }),
      !parts[0].hasPrefix(".")
    else { throw Failure.badName(name) }
    writtenLock.withLock { _ = written.insert(parts[0]) }
    let file = join(staging, name)
    do {
      try FileManager.default.createDirectory(
        atPath: (file as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
    } catch {
      throw Failure.unwritable(path: join(path, name), code: Self.code(of: error))
    }
    return file
  }

  /// Makes the written outputs the folder's contents, all at once. Entries the
  /// run did not write stay as they were.
  public func commit() throws {
    precondition(!staging.isEmpty, "OutputFolder.open() first")
    if swapsFolder {
      // A carried-over entry on another file system (a mount inside the
      // folder) cannot be linked: then the entries are renamed instead.
      let carried = (try? carryOver()) != nil
      syncFolder(staging)
      if carried, Self.exchange(staging, target) {
        syncFolder((target as NSString).deletingLastPathComponent)
        let old = staging
        staging = ""
        let base = (target as NSString).lastPathComponent
        let retired = join(
          (target as NSString).deletingLastPathComponent,
          ".\(base)\(Self.oldMark)\(getpid())")
        // Renamed first so that a kill during removal leaves an obvious leftover.
        if rename(old, retired) == 0 { Self.removeTree(retired) } else { Self.removeTree(old) }
        return
      }
      // No exchange: move the staged set inside the folder, rename entry by entry.
      let inside = join(target, "\(Self.stagingMark)\(getpid())")
      guard rename(staging, inside) == 0 else {
        throw Failure.unwritable(path: path, code: errno)
      }
      staging = inside
      swapsFolder = false
    }
    for name in written.sorted() {
      guard rename(join(staging, name), join(target, name)) == 0 else {
        // A folder output (e.g. `umpan-balik/`) replaces the old folder.
        if errno == ENOTEMPTY || errno == EEXIST || errno == EISDIR {
          let old = join(target, "\(Self.oldMark)\(getpid())")
          if rename(join(target, name), old) == 0,
            rename(join(staging, name), join(target, name)) == 0
          {
            Self.removeTree(old)
            continue
          }
        }
        throw Failure.unwritable(path: join(path, name), code: errno)
      }
    }
    syncFolder(target)
    Self.removeTree(staging)
    staging = ""
  }

  /// A file name made from text of the inputs or the registry (an OPD's code
  /// and abbreviation), safe to pass to `write` as one path component: ASCII
  /// letters, digits, `.`, `-` and `_` only, every other character a `-`, no
  /// run of dots or dashes, none at either end, at most 80 characters;
  /// `fallback` when nothing is left.
  public static func safeFileName(_ text: String, fallback: String = "_") -> String {
    var out = ""
    for u in text.unicodeScalars {
      let c = Character(u)
      let ok = u.isASCII && (c.isLetter || c.isNumber || c == "-" || c == "_" || c == ".")
      let next: Character = ok ? c : "-"
      if next == "." || next == "-", let last = out.last, last == "." || last == "-" { continue }
      out.append(next)
    }
    while let f = out.first, f == "." || f == "-" { out.removeFirst() }
    while let l = out.last, l == "." || l == "-" { out.removeLast() }
    out = String(out.prefix(80))
    return out.isEmpty ? fallback : out
  }

  // MARK: - Helpers

  /// Hard-links into the staging folder every entry of the current outputs the
  /// run did not write (the lock file included), so the swap keeps them.
  private func carryOver() throws {
    let fm = FileManager.default
    for name in (try? fm.contentsOfDirectory(atPath: target)) ?? [] {
      if written.contains(name) || name.hasPrefix(Self.stagingMark) || name.hasPrefix(Self.oldMark)
      {
        continue
      }
      try linkTree(join(target, name), join(staging, name))
    }
  }

  private func linkTree(_ from: String, _ to: String) throws {
    var st = stat()
    guard lstat(from, &st) == 0 else { return }
    if (st.st_mode & S_IFMT) == S_IFDIR {
      guard mkdir(to, st.st_mode & 0o7777) == 0 else {
        throw Failure.unwritable(path: path, code: errno)
      }
      for name in (try? FileManager.default.contentsOfDirectory(atPath: from)) ?? [] {
        try linkTree(join(from, name), join(to, name))
      }
    } else if link(from, to) != 0 {
      throw Failure.unwritable(path: path, code: errno)
    }
  }

  /// Staging and retired folders of runs that were killed (the lock is held,
  /// so no other run is using them).
  private func removeLeftovers() {
    let fm = FileManager.default
    for name in (try? fm.contentsOfDirectory(atPath: target)) ?? []
    where name.hasPrefix(Self.stagingMark) || name.hasPrefix(Self.oldMark) {
      Self.removeTree(join(target, name))
    }
    let parent = (target as NSString).deletingLastPathComponent
    let base = ".\((target as NSString).lastPathComponent)"
    for name in (try? fm.contentsOfDirectory(atPath: parent)) ?? []
    where name.hasPrefix(base + Self.stagingMark) || name.hasPrefix(base + Self.oldMark) {
      Self.removeTree(join(parent, name))
    }
  }

  private typealias Renameat2 =
    @convention(c) (
      Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32
    ) -> Int32

  /// renameat2(2) with RENAME_EXCHANGE (Linux 3.15+, glibc 2.28+), looked up at
  /// run time: the C library's headers do not show it to Swift.
  private static let renameat2: Renameat2? = dlsym(nil, "renameat2").map {
    unsafeBitCast($0, to: Renameat2.self)
  }

  private static func exchange(_ a: String, _ b: String) -> Bool {
    guard let renameat2 else { return false }
    let renameExchange: UInt32 = 2
    return renameat2(AT_FDCWD, a, AT_FDCWD, b, renameExchange) == 0
  }

  private static func sameDevice(_ a: String, _ b: String) -> Bool {
    var sa = stat()
    var sb = stat()
    guard stat(a, &sa) == 0, stat(b, &sb) == 0 else { return false }
    return sa.st_dev == sb.st_dev
  }

  private func syncFolder(_ dir: String) {
    let fd = Foundation.open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    if fd >= 0 {
      fsync(fd)
      close(fd)
    }
  }

  static func removeTree(_ p: String) {
    try? FileManager.default.removeItem(atPath: p)
  }

  private static func code(of error: Error) -> Int32 {
    if let e = (error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError,
      e.domain == NSPOSIXErrorDomain
    {
      return Int32(e.code)
    }
    return errno != 0 ? errno : EIO
  }

  private func join(_ a: String, _ b: String) -> String {
    (a as NSString).appendingPathComponent(b)
  }
}
