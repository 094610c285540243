import Foundation

/// One input file, opened once. Every reader takes its bytes from this one
/// descriptor, so a file replaced while it is read (Excel and LibreOffice save
/// by rename) cannot pair the bytes hashed with another version's records.
/// Only a regular file is ever opened for reading: a FIFO, a device or a
/// kernel file (`/proc`, `/sys`) would block or never end.
public final class ReadableFile {
  public let descriptor: Int32
  /// The path as shown to people and used in errors.
  public let path: String
  /// The size `fstat` reported when the file was opened.
  public let size: Int64

  /// `systemPath` is the path's bytes as the file system holds them (not
  /// necessarily UTF-8); `path` is how messages show it.
  public init(systemPath: [UInt8], path: String) throws {
    self.path = path
    let cPath = systemPath.map { CChar(bitPattern: $0) } + [0]
    // Looked at before opening: opening a device or a FIFO may block or act.
    var st = stat()
    guard stat(cPath, &st) == 0 else { throw ReadError.io(path: path, errno: errno) }
    try Self.requireRegular(st, path: path)
    // O_NONBLOCK: should a FIFO take the file's place meanwhile, opening does not wait.
    let fd = open(cPath, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC)
    guard fd >= 0 else { throw ReadError.io(path: path, errno: errno) }
    do {
      guard fstat(fd, &st) == 0 else { throw ReadError.io(path: path, errno: errno) }
      try Self.requireRegular(st, path: path)
      try Self.requireOrdinaryFileSystem(fd, path: path)
      _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK)
    } catch {
      close(fd)
      throw error
    }
    descriptor = fd
    size = Int64(st.st_size)
  }

  /// A descriptor already open on a regular file that has no name (an
  /// unlinked temporary holding a member of a zip); this object closes it.
  init(adopting fd: Int32, path: String) throws {
    var st = stat()
    guard fstat(fd, &st) == 0 else {
      let cause = errno
      close(fd)
      throw ReadError.io(path: path, errno: cause)
    }
    self.path = path
    descriptor = fd
    size = Int64(st.st_size)
  }

  public convenience init(path: String) throws {
    try self.init(systemPath: Array(path.utf8), path: path)
  }

  deinit { close(descriptor) }

  private static func requireRegular(_ st: stat, path: String) throws {
    switch st.st_mode & S_IFMT {
    case S_IFREG: return
    case S_IFDIR: throw ReadError.io(path: path, errno: EISDIR)
    default: throw ReadError.notRegularFile(path: path)
    }
  }

  private static func requireOrdinaryFileSystem(_ fd: Int32, path: String) throws {
    if onKernelFileSystem(fd) { throw ReadError.notRegularFile(path: path) }
  }

  /// Whether `fd` lies on `/proc`, `/sys` or another kernel file system, whose
  /// regular files have sizes that say nothing and may never end (`/proc/kcore`):
  /// the file systems without storage, no blocks at all.
  public static func onKernelFileSystem(_ fd: Int32) -> Bool {
    var fs = statvfs()
    return fstatvfs(fd, &fs) == 0 && fs.f_blocks == 0
  }

  /// Reads up to `count` bytes at `offset` into `buffer`; fewer only at the end.
  public func read(at offset: Int64, into buffer: UnsafeMutableRawPointer, count: Int) throws
    -> Int
  {
    var filled = 0
    while filled < count {
      let n = pread(descriptor, buffer + filled, count - filled, off_t(offset) + off_t(filled))
      if n < 0 {
        if errno == EINTR { continue }
        throw ReadError.io(path: path, errno: errno)
      }
      if n == 0 { break }
      filled += n
    }
    return filled
  }

  /// Up to `count` bytes from `offset`.
  public func bytes(at offset: Int64, count: Int) throws -> [UInt8] {
    var out = [UInt8](repeating: 0, count: count)
    let n = try out.withUnsafeMutableBytes {
      try read(at: offset, into: $0.baseAddress!, count: count)
    }
    out.removeSubrange(n...)
    return out
  }

  /// The whole file from its first byte to its end as read now (which may
  /// differ from `size` if it is being written), in chunks of bounded size.
  public func stream(chunkSize: Int = 1 << 20, _ body: (UnsafeRawBufferPointer) throws -> Void)
    throws
  {
    let buffer = UnsafeMutableRawPointer.allocate(byteCount: chunkSize, alignment: 16)
    defer { buffer.deallocate() }
    var offset: Int64 = 0
    while true {
      let n = try read(at: offset, into: buffer, count: chunkSize)
      if n == 0 { return }
      try body(UnsafeRawBufferPointer(start: buffer, count: n))
      offset += Int64(n)
    }
  }
}
