import Foundation

/// Writes outputs so that a failed or killed run leaves the previous ones
/// intact: each file goes to a temporary name in the same folder, is flushed to
/// disk, then renamed over the old one. One run at a time holds the folder's lock.
public final class OutputFolder {
  public let path: String
  private var lockFD: Int32 = -1

  public init(path: String) { self.path = path }

  public enum Failure: Error, Equatable, Sendable {
    case unwritable(path: String, detail: String)
    case locked(path: String)
  }

  /// Creates the folder and takes its lock (`.pipeline.lock`, flock).
  public func open() throws {
    do {
      try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    } catch {
      throw Failure.unwritable(path: path, detail: String(cString: strerror(errno)))
    }
    let lockPath = (path as NSString).appendingPathComponent(".pipeline.lock")
    lockFD = Foundation.open(lockPath, O_CREAT | O_RDWR | O_CLOEXEC, 0o644)
    guard lockFD >= 0 else {
      throw Failure.unwritable(path: path, detail: String(cString: strerror(errno)))
    }
    if flock(lockFD, LOCK_EX | LOCK_NB) != 0 {
      close(lockFD)
      lockFD = -1
      throw Failure.locked(path: path)
    }
  }

  deinit {
    if lockFD >= 0 {
      flock(lockFD, LOCK_UN)
      close(lockFD)
    }
  }

  /// Writes `name` (a plain file name or a path inside the folder) atomically.
  public func write(_ name: String, _ text: String) throws {
    try write(name, Data(text.utf8))
  }

  /// Writes `name` atomically from a file that `produce` writes at the path it
  /// is given (a temporary name in the same folder), for writers that want a
  /// path rather than bytes. A failure in `produce` leaves the old file intact.
  public func write(_ name: String, producing produce: (String) throws -> Void) throws {
    let target = (path as NSString).appendingPathComponent(name)
    let temp = try temporaryPath(for: name)
    do {
      try produce(temp)
    } catch {
      unlink(temp)
      throw error
    }
    let fd = Foundation.open(temp, O_RDONLY | O_CLOEXEC)
    let synced = fd >= 0 && fsync(fd) == 0
    let err = errno
    if fd >= 0 { close(fd) }
    guard synced, rename(temp, target) == 0 else {
      let e = synced ? errno : err
      unlink(temp)
      throw Failure.unwritable(path: target, detail: String(cString: strerror(e)))
    }
  }

  private func temporaryPath(for name: String) throws -> String {
    let target = (path as NSString).appendingPathComponent(name)
    let dir = (target as NSString).deletingLastPathComponent
    do {
      try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    } catch {
      throw Failure.unwritable(path: dir, detail: String(cString: strerror(errno)))
    }
    return (dir as NSString).appendingPathComponent(
      ".\((name as NSString).lastPathComponent).tmp-\(getpid())")
  }

  public func write(_ name: String, _ data: Data) throws {
    try write(name) { put in try data.withUnsafeBytes { try put($0) } }
  }

  /// Writes `name` atomically from bytes handed over in pieces by `produce`,
  /// so a large output never has to be held whole.
  public func write(
    _ name: String, streaming produce: ((UnsafeRawBufferPointer) throws -> Void) throws -> Void
  ) throws {
    let target = (path as NSString).appendingPathComponent(name)
    let dir = (target as NSString).deletingLastPathComponent
    let temp = (dir as NSString).appendingPathComponent(
      ".\((name as NSString).lastPathComponent).tmp-\(getpid())")
    do {
      try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    } catch {
      throw Failure.unwritable(path: dir, detail: String(cString: strerror(errno)))
    }
    let fd = Foundation.open(temp, O_CREAT | O_TRUNC | O_WRONLY | O_CLOEXEC, 0o644)
    guard fd >= 0 else {
      throw Failure.unwritable(path: target, detail: String(cString: strerror(errno)))
    }
    struct WriteFailed: Error { let code: Int32 }
    var failure: Int32?
    do {
      try produce { buf in
        var offset = 0
        while offset < buf.count {
          let n = Foundation.write(fd, buf.baseAddress! + offset, buf.count - offset)
          if n <= 0 { throw WriteFailed(code: errno) }
          offset += n
        }
      }
      if fsync(fd) != 0 { failure = errno }
    } catch let e as WriteFailed {
      failure = e.code
    } catch {
      close(fd)
      unlink(temp)
      throw error
    }
    close(fd)
    guard failure == nil, rename(temp, target) == 0 else {
      let e = failure ?? errno
      unlink(temp)
      throw Failure.unwritable(path: target, detail: String(cString: strerror(e)))
    }
  }
}
