import Foundation
import Pipeline

/// Writes the outputs of a run as one set: a failed or killed run leaves the
/// previous outputs readable, complete and consistent with each other.
///
/// Every `write` goes into a staging folder beside the outputs folder (same
/// file system), made with the outputs folder's owner, group and mode;
/// `commit()` carries over what the run did not write (other outputs, files a
/// user put there), then swaps the staging folder and the outputs folder in
/// one `renameat2(RENAME_EXCHANGE)`, so a reader sees either the old set or the
/// new one, never a mix; the old set is then removed. The outputs folder stays
/// a plain folder of plain files. Where the swap is not possible (the outputs
/// folder is a mount point, its parent is not writable, or the file system
/// cannot exchange), staging happens inside the outputs folder and the entries
/// are renamed into place one after another, said through `notify`; a mark
/// written before the first rename and removed after the last lets the next
/// run complete a set whose renames were cut short.
///
/// One run at a time holds the folder's lock (`.pipeline.lock`, flock); the
/// lock file is linked into every new set, so the lock survives the swap.
/// `write` may be called from several threads at once for different names;
/// `acquire`, `open` and `commit` from one, `interrupt` from any.
public final class OutputFolder: @unchecked Sendable {
  public let path: String
  private let notify: @Sendable (OutputsNotice) -> Void
  private var lockFD: Int32 = -1
  /// The outputs folder did not exist before this run: a run that commits
  /// nothing removes it again.
  private var createdFolder = false
  /// The real path of the outputs folder (symlinks resolved once opened).
  private var target = ""
  private var staging = ""
  /// Set by `interrupt`: the process is ending on a signal, nothing more is staged.
  private var interrupted = false
  private var swapsFolder = false
  /// Why staging is inside the outputs folder, when it is.
  private var insideReason = OutputsNotice.Reason.cannotSwap
  private var committed = false
  /// Top-level entries written by this run. Outputs may be written from
  /// several threads at once (one per output), so the set has a lock.
  private var written: Set<String> = []
  private let writtenLock = NSLock()
  /// Held while staging is made and while a commit runs, so that an
  /// interruption waits for a commit under way instead of cutting it short.
  private let stateLock = NSLock()

  static let lockName = ".pipeline.lock"
  static let stagingMark = ".pipeline-baru-"
  static let oldMark = ".pipeline-lama-"
  /// Present while staged entries are renamed into place one by one: the
  /// staging folder's name, then the entries to move, one a line.
  static let pendingName = ".pipeline-belum-lengkap"

  public init(path: String, notify: @escaping @Sendable (OutputsNotice) -> Void = { _ in }) {
    self.path = path
    self.notify = notify
  }

  public enum Failure: Error, Equatable, Sendable {
    /// `code` is the `errno` of the failed call.
    case unwritable(path: String, code: Int32)
    case locked(path: String)
    /// An output name that would leave the outputs folder.
    case badName(String)
  }

  /// Creates the folder when needed and takes its lock; completes a set whose
  /// renames were cut short and clears what a killed run left behind. Called
  /// before the inputs are read, so a second run on the same folder stops at once.
  public func acquire() throws(Failure) {
    guard lockFD < 0 else { return }
    var st = stat()
    createdFolder = stat(path, &st) != 0
    do {
      try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    } catch {
      throw Failure.unwritable(path: path, code: Self.code(of: error))
    }
    target = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
    // Read-only is enough for flock, and lets a teammate lock a lock file
    // another user created in a shared folder.
    lockFD = Foundation.open(join(target, Self.lockName), O_CREAT | O_RDONLY | O_CLOEXEC, 0o644)
    guard lockFD >= 0 else { throw Failure.unwritable(path: path, code: errno) }
    if flock(lockFD, LOCK_EX | LOCK_NB) != 0 {
      close(lockFD)
      lockFD = -1
      throw Failure.locked(path: path)
    }
    try completeInterruptedCommit()
    removeLeftovers()
  }

  /// Takes the lock when `acquire` has not, and prepares the staging folder.
  public func open() throws {
    try acquire()
    stateLock.lock()
    if interrupted {
      // A signal arrived while the inputs were read: its handler is ending the
      // process, and a staging folder made now would be left behind.
      stateLock.unlock()
      while true { pause() }
    }
    defer { stateLock.unlock() }
    let parent = (target as NSString).deletingLastPathComponent
    let base = (target as NSString).lastPathComponent
    let outside = join(parent, ".\(base)\(Self.stagingMark)\(getpid())")
    if !Self.sameDevice(parent, target) {
      insideReason = .mountPoint
    } else if mkdir(outside, 0o755) == 0 {
      staging = outside
      swapsFolder = true
      keepMetadata()
      return
    } else if errno == EACCES || errno == EPERM || errno == EROFS {
      insideReason = .parentNotWritable
    }
    staging = join(target, "\(Self.stagingMark)\(getpid())")
    swapsFolder = false
    guard mkdir(staging, 0o755) == 0 else { throw Failure.unwritable(path: path, code: errno) }
  }

  deinit {
    // Not committed: the staged outputs are dropped, the previous ones stay.
    dropStaging()
    release()
  }

  /// For a process about to end on a signal: waits for a commit under way,
  /// drops the staged outputs and lets go of the lock.
  public func interrupt() {
    stateLock.lock()
    defer { stateLock.unlock() }
    interrupted = true
    dropStaging()
    release()
  }

  /// Renamed away first, so that writers still running cannot create anything
  /// under the staging path again, then removed.
  private func dropStaging() {
    guard !staging.isEmpty else { return }
    let retired = join(
      (staging as NSString).deletingLastPathComponent,
      swapsFolder
        ? ".\((target as NSString).lastPathComponent)\(Self.oldMark)\(getpid())"
        : "\(Self.oldMark)\(getpid())")
    Self.removeTree(rename(staging, retired) == 0 ? retired : staging)
  }

  private func release() {
    guard lockFD >= 0 else { return }
    if createdFolder, !committed {
      // Left as it was: absent.
      unlink(join(target, Self.lockName))
      rmdir(target)
    }
    flock(lockFD, LOCK_UN)
    close(lockFD)
  }

  /// The staging folder takes the outputs folder's owner and group (as far as
  /// the process may set them), then its mode, setgid bit included (set last:
  /// a change of group clears it); what could not be kept is said.
  private func keepMetadata() {
    var want = stat()
    guard stat(target, &want) == 0 else { return }
    if chown(staging, want.st_uid, want.st_gid) != 0 {
      _ = chown(staging, uid_t.max, want.st_gid)
    }
    chmod(staging, want.st_mode & 0o7777)
    var got = stat()
    guard stat(staging, &got) == 0 else { return }
    let owner = got.st_uid == want.st_uid ? nil : Self.userName(want.st_uid)
    let group = got.st_gid == want.st_gid ? nil : Self.groupName(want.st_gid)
    let mode =
      got.st_mode & 0o7777 == want.st_mode & 0o7777
      ? nil : String(want.st_mode & 0o7777, radix: 8)
    if owner != nil || group != nil || mode != nil {
      notify(.metadataNotKept(path: path, owner: owner, group: group, mode: mode))
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

  /// Writes the hidden mark `name` (such as `History.markName`) into the set:
  /// it becomes live with the set and travels with it like any output.
  func writeMark(_ name: String, _ text: String) throws {
    precondition(!staging.isEmpty, "OutputFolder.open() first")
    writtenLock.withLock { _ = written.insert(name) }
    let file = join(staging, name)
    let fd = Foundation.open(file, O_CREAT | O_TRUNC | O_WRONLY | O_CLOEXEC, 0o644)
    guard fd >= 0 else { throw Failure.unwritable(path: join(path, name), code: errno) }
    defer { close(fd) }
    let bytes = Array(text.utf8)
    guard Foundation.write(fd, bytes, bytes.count) == bytes.count, fsync(fd) == 0 else {
      throw Failure.unwritable(path: join(path, name), code: errno == 0 ? ENOSPC : errno)
    }
  }

  /// Makes `name` a folder of the set, empty unless something is written into
  /// it: the folder of the previous set is replaced even when this run has
  /// nothing to put in it.
  public func makeFolder(_ name: String) throws {
    _ = try stagedPath(name, folder: true)
  }

  /// Where `name` is staged, its folders (and itself, for a `folder`)
  /// created; a name that would leave the folder (absolute, `..`, hidden at
  /// the top) is refused.
  private func stagedPath(_ name: String, folder: Bool = false) throws -> String {
    precondition(!staging.isEmpty, "OutputFolder.open() first")
    let parts = name.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
    guard !name.hasPrefix("/"),
      parts.allSatisfy({ !$0.isEmpty && $0 != "." && $0 != ".." && !$0.contains("\0") }),
      !parts[0].hasPrefix(".")
    else { throw Failure.badName(name) }
    writtenLock.withLock { _ = written.insert(parts[0]) }
    // Folder by folder below the staging folder, never the staging folder
    // itself: once dropped, it must stay gone.
    var dir = staging
    for part in parts.dropLast(folder ? 0 : 1) {
      dir = join(dir, part)
      if mkdir(dir, 0o777) != 0, errno != EEXIST {
        throw Failure.unwritable(path: join(path, name), code: errno)
      }
    }
    return join(staging, name)
  }

  /// Makes the written outputs the folder's contents, all at once. Entries the
  /// run did not write stay as they were.
  public func commit() throws {
    precondition(!staging.isEmpty, "OutputFolder.open() first")
    Self.faultPoint("before-commit")
    stateLock.lock()
    defer { stateLock.unlock() }
    if swapsFolder {
      // A carried-over entry on another file system (a mount inside the
      // folder) cannot be linked: then the entries are renamed instead.
      let carried = (try? carryOver()) != nil
      syncFolder(staging)
      if carried, Self.exchange(staging, target) {
        syncFolder((target as NSString).deletingLastPathComponent)
        committed = true
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
      insideReason = .cannotSwap
    }
    notify(.renamedOneByOne(path: path, reason: insideReason))
    let names = written.sorted()
    try markPending(names)
    do throws(Failure) {
      for (i, name) in names.enumerated() {
        try moveIntoPlace(name, from: staging)
        if i == 0 { Self.faultPoint("between-renames") }
      }
    } catch {
      // Kept with its mark, not dropped: the next run completes the set.
      staging = ""
      throw error
    }
    syncFolder(target)
    committed = true
    unlink(join(target, Self.pendingName))
    syncFolder(target)
    Self.removeTree(staging)
    staging = ""
  }

  /// Renames a staged entry over the live one; a folder output (such as
  /// `umpan-balik/`) replaces the old folder whole.
  private func moveIntoPlace(_ name: String, from dir: String) throws(Failure) {
    let from = join(dir, name)
    let to = join(target, name)
    if rename(from, to) == 0 { return }
    if errno == ENOTEMPTY || errno == EEXIST || errno == EISDIR {
      let old = join(target, "\(Self.oldMark)\(getpid())")
      if rename(to, old) == 0, rename(from, to) == 0 {
        Self.removeTree(old)
        return
      }
    }
    throw Failure.unwritable(path: join(path, name), code: errno)
  }

  /// Writes the pending mark whole (under a leftover's name, then renamed) so
  /// that a mark the next run finds always lists every entry to move.
  private func markPending(_ names: [String]) throws {
    let text = ([(staging as NSString).lastPathComponent] + names).joined(separator: "\n") + "\n"
    let temp = join(target, "\(Self.oldMark)\(getpid())-tanda")
    let fd = Foundation.open(temp, O_CREAT | O_TRUNC | O_WRONLY | O_CLOEXEC, 0o644)
    guard fd >= 0 else { throw Failure.unwritable(path: path, code: errno) }
    let bytes = Array(text.utf8)
    let ok = Foundation.write(fd, bytes, bytes.count) == bytes.count && fsync(fd) == 0
    let e = errno
    close(fd)
    guard ok, rename(temp, join(target, Self.pendingName)) == 0 else {
      unlink(temp)
      throw Failure.unwritable(path: path, code: ok ? errno : e)
    }
    syncFolder(target)
  }

  /// A run killed while renaming its entries into place left a mix of its set
  /// and the one before: the entries it had not moved yet are moved now.
  private func completeInterruptedCommit() throws(Failure) {
    let mark = join(target, Self.pendingName)
    guard let text = try? String(contentsOfFile: mark, encoding: .utf8) else { return }
    let lines = text.split(separator: "\n").map(String.init)
    if let first = lines.first, first.hasPrefix(Self.stagingMark), !first.contains("/") {
      let pending = join(target, first)
      for name in lines.dropFirst()
      where !name.contains("/") && (!name.hasPrefix(".") || name == History.markName)
        && Self.exists(join(pending, name))
      {
        try moveIntoPlace(name, from: pending)
      }
      syncFolder(target)
      Self.removeTree(pending)
    }
    unlink(mark)
    syncFolder(target)
    notify(.interruptedCommitCompleted(path: path))
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

  // MARK: - Dangerous targets

  /// Folders of the system that a run must never swap (compared after
  /// symlinks are resolved: on Debian `/bin` is `/usr/bin`).
  static let systemFolders: Set<String> = [
    "/", "/bin", "/boot", "/dev", "/etc", "/home", "/lib", "/lib32", "/lib64", "/libx32",
    "/media", "/mnt", "/opt", "/proc", "/root", "/run", "/sbin", "/srv", "/sys", "/tmp", "/usr",
    "/usr/bin", "/usr/lib", "/usr/lib64", "/usr/local", "/usr/sbin", "/usr/share", "/var",
    "/var/lib", "/var/log", "/var/tmp",
  ]

  /// Why `outputs` may not be the outputs folder, if it may not: a run swaps
  /// the whole folder, so it must not be a system folder, the home folder or
  /// above it, the current folder or above it, or the inputs folder or above
  /// it. (Inside the inputs folder is allowed.) Relative paths are taken from
  /// `workingFolder`.
  public static func refusal(
    outputs: String, inputs: String,
    workingFolder: String = FileManager.default.currentDirectoryPath,
    homes: [String] = homeFolders()
  ) -> OutputsRefusal? {
    let real = { (p: String) in
      resolved(p.hasPrefix("/") ? p : (workingFolder as NSString).appendingPathComponent(p))
    }
    let out = real(outputs)
    if systemFolders.contains(out) { return .systemFolder(outputs) }
    if homes.contains(where: { encloses(out, real($0)) }) { return .homeFolder(outputs) }
    if encloses(out, real(workingFolder)) { return .workingFolder(outputs) }
    if encloses(out, real(inputs)) { return .holdsInputs(outputs: outputs, inputs: inputs) }
    return nil
  }

  /// `$HOME` and the user's home in the password database.
  public static func homeFolders() -> [String] {
    var homes: [String] = []
    if let h = ProcessInfo.processInfo.environment["HOME"], !h.isEmpty { homes.append(h) }
    if let pw = getpwuid(getuid()), let dir = pw.pointee.pw_dir {
      homes.append(String(cString: dir))
    }
    return homes
  }

  /// `a` is `b` or a folder above it.
  static func encloses(_ a: String, _ b: String) -> Bool {
    a == b || b.hasPrefix(a == "/" ? "/" : a + "/")
  }

  /// The absolute path `p` with symlinks, `.` and `..` resolved as far as it
  /// exists, the rest appended.
  static func resolved(_ p: String) -> String {
    if let r = realpath(p, nil) {
      defer { free(r) }
      return String(cString: r)
    }
    let parent = (p as NSString).deletingLastPathComponent
    guard !parent.isEmpty, parent != p else { return p }
    let base = resolved(parent)
    switch (p as NSString).lastPathComponent {
    case ".": return base
    case "..": return (base as NSString).deletingLastPathComponent
    case let last: return (base as NSString).appendingPathComponent(last)
    }
  }

  // MARK: - Helpers

  /// A hook for the tests of killed runs (`PIPELINE_FAULT`, see
  /// docs/ARCHITECTURE.md): the process kills itself at the named point of a
  /// commit, as `kill -9` or a power cut would there.
  private static let fault = ProcessInfo.processInfo.environment["PIPELINE_FAULT"]

  static func faultPoint(_ name: String) {
    if fault == name { kill(getpid(), SIGKILL) }
  }

  private static func exists(_ p: String) -> Bool {
    var st = stat()
    return lstat(p, &st) == 0
  }

  private static func userName(_ uid: uid_t) -> String {
    getpwuid(uid).flatMap { $0.pointee.pw_name.map { String(cString: $0) } } ?? "\(uid)"
  }

  private static func groupName(_ gid: gid_t) -> String {
    getgrgid(gid).flatMap { $0.pointee.gr_name.map { String(cString: $0) } } ?? "\(gid)"
  }

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
