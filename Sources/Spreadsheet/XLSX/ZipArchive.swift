import CLibZip
import Foundation

/// A zip container read with libzip. Entry names are normalized the way Excel
/// tolerates them (backslashes as separators, no leading slash) and can be found
/// case-insensitively; nothing is ever extracted to the file system.
final class ZipArchive {
  private let handle: OpaquePointer
  private(set) var names: [String] = []
  private var byName: [String: Int] = [:]
  private var byFoldedName: [String: Int] = [:]

  /// Reads through a duplicate of `file`'s descriptor, which libzip owns and
  /// closes: the archive read is the file opened, whatever its name points at now.
  init(file: ReadableFile) throws {
    let fd = dup(file.descriptor)
    guard fd >= 0 else { throw ReadError.io(path: file.path, errno: errno) }
    var code: Int32 = 0
    guard let za = zip_fdopen(fd, ZIP_RDONLY, &code) else {
      let cause = errno
      close(fd)
      if code == ZIP_ER_OPEN || code == ZIP_ER_READ {
        throw ReadError.io(path: file.path, errno: cause)
      }
      throw ReadError.corruptArchive(part: nil, detail: ZipArchive.describe(code: code))
    }
    handle = za
    let count = zip_get_num_entries(za, 0)
    guard count >= 0 else {
      zip_discard(za)
      throw ReadError.corruptArchive(part: nil, detail: "no central directory")
    }
    names.reserveCapacity(Int(count))
    for i in 0..<count {
      guard let raw = zip_get_name(za, zip_uint64_t(i), 0) else {
        names.append("")
        continue
      }
      let name = ZipArchive.normalize(String(cString: raw))
      names.append(name)
      if byName[name] == nil { byName[name] = Int(i) }
      let folded = name.lowercased()
      if byFoldedName[folded] == nil { byFoldedName[folded] = Int(i) }
    }
  }

  deinit { zip_discard(handle) }

  /// `a\b` and `/a/b` both name the part `a/b`.
  static func normalize(_ name: String) -> String {
    var s = name.replacingOccurrences(of: "\\", with: "/")
    while s.hasPrefix("/") { s.removeFirst() }
    return s
  }

  static func describe(code: Int32) -> String {
    var err = zip_error_t()
    zip_error_init_with_code(&err, code)
    defer { zip_error_fini(&err) }
    return String(cString: zip_error_strerror(&err))
  }

  /// The entry holding part `name`: exact match first, then ignoring case.
  func entry(_ name: String) -> Int? {
    let n = ZipArchive.normalize(name)
    if let i = byName[n] { return i }
    return byFoldedName[n.lowercased()]
  }

  /// Streams entry `index` in chunks of at most `chunkSize` bytes, enforcing the
  /// size and ratio limits on the bytes actually inflated (headers can lie).
  /// `body` returns false to stop early.
  func read(
    _ index: Int, part: String, limits: ReadLimits, chunkSize: Int = 1 << 16,
    _ body: (UnsafeRawBufferPointer) throws -> Bool
  ) throws {
    var st = zip_stat_t()
    zip_stat_init(&st)
    guard zip_stat_index(handle, zip_uint64_t(index), 0, &st) == 0 else {
      throw ReadError.corruptArchive(part: part, detail: lastError())
    }
    // ZIP64 sizes are 64-bit unsigned: a hostile header may claim more than Int64 holds.
    let declared = (st.valid & UInt64(ZIP_STAT_SIZE)) != 0 ? Int64(clamping: st.size) : -1
    let compressed =
      (st.valid & UInt64(ZIP_STAT_COMP_SIZE)) != 0 ? Int64(clamping: st.comp_size) : -1
    if declared > limits.maxPartBytes {
      throw ReadError.limitExceeded(.partSize, part: part)
    }
    if declared >= 0, compressed >= 0,
      ZipArchive.ratioExceeded(declared, compressed, limits)
    {
      throw ReadError.limitExceeded(.compressionRatio, part: part)
    }
    guard let zf = zip_fopen_index(handle, zip_uint64_t(index), 0) else {
      let code = zip_error_code_zip(zip_get_error(handle))
      if code == ZIP_ER_ENCRNOTSUPP || code == ZIP_ER_NOPASSWD || code == ZIP_ER_WRONGPASSWD {
        throw ReadError.encrypted
      }
      throw ReadError.corruptArchive(part: part, detail: lastError())
    }
    defer { zip_fclose(zf) }
    let buffer = UnsafeMutableRawPointer.allocate(byteCount: chunkSize, alignment: 16)
    defer { buffer.deallocate() }
    var total: Int64 = 0
    while true {
      let n = zip_fread(zf, buffer, zip_uint64_t(chunkSize))
      if n < 0 {
        let detail = String(cString: zip_error_strerror(zip_file_get_error(zf)))
        throw ReadError.corruptArchive(part: part, detail: detail)
      }
      if n == 0 { break }
      total += n
      if total > limits.maxPartBytes {
        throw ReadError.limitExceeded(.partSize, part: part)
      }
      if declared >= 0, total > declared {
        throw ReadError.corruptArchive(part: part, detail: "larger than its declared size")
      }
      if compressed >= 0, ZipArchive.ratioExceeded(total, compressed, limits) {
        throw ReadError.limitExceeded(.compressionRatio, part: part)
      }
      if try !body(UnsafeRawBufferPointer(start: buffer, count: Int(n))) { return }
    }
  }

  /// The whole of a small entry (at most `maxBytes`).
  func readAll(_ index: Int, part: String, limits: ReadLimits, maxBytes: Int) throws -> [UInt8] {
    var out: [UInt8] = []
    try read(index, part: part, limits: limits) { chunk in
      out.append(contentsOf: chunk.prefix(maxBytes - out.count))
      return out.count < maxBytes
    }
    return out
  }

  /// Small parts compress little; only a large part with a huge ratio is a bomb.
  static func ratioExceeded(_ size: Int64, _ compressed: Int64, _ limits: ReadLimits) -> Bool {
    let (allowed, overflow) = max(compressed, 1).multipliedReportingOverflow(
      by: limits.maxCompressionRatio)
    return size > (1 << 20) && !overflow && size > allowed
  }

  private func lastError() -> String {
    String(cString: zip_strerror(handle))
  }
}
