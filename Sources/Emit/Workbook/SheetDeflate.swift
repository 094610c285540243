import CZlib
import Foundation

/// A rendered sheet: its deflated XML (the head, written last, then the body)
/// with the sizes and CRC the zip entry needs.
final class SheetPart {
  /// The deflated head, then the rows held in memory (small sheets).
  var segments: [[UInt8]] = []
  /// The deflated rows of a large sheet, in an unlinked file beside the
  /// workbook (`spill`, -1 if none) after `segments`.
  var spill: Int32 = -1
  var spillSize = 0
  var size: UInt64 = 0
  var crc: UInt = 0
  var active = false
  var filter: (firstRow: Int, firstCol: String, lastRow: Int, lastCol: String)?
  /// Where the zip source is reading.
  var segment = 0
  var offset = 0

  var compressedSize: UInt64 {
    segments.reduce(UInt64(spillSize)) { $0 + UInt64($1.count) }
  }

  deinit { if spill >= 0 { close(spill) } }
}

// Deflating the XML as it is generated, and spilling the deflated rows of a
// large sheet to a temporary file.
extension SheetWriter {
  func reserve(_ n: Int) {
    precondition(n <= capacity)
    guard count + n > capacity else { return }
    do { try deflateBuffer(Z_NO_FLUSH) } catch { failure = failure ?? (error as? XLSXWriterError) }
  }

  /// Deflates what the buffer holds into `body`.
  func deflateBuffer(_ flush: Int32) throws {
    crc = CZlib.crc32(crc, buffer, uInt(count))
    size += UInt64(count)
    stream.next_in = buffer
    stream.avail_in = uInt(count)
    repeat {
      stream.next_out = out
      stream.avail_out = uInt(outCapacity)
      let r = deflate(&stream, flush)
      guard r == Z_OK || r == Z_STREAM_END || r == Z_BUF_ERROR else { throw zlibFailure() }
      let n = outCapacity - Int(stream.avail_out)
      if n > 0 { try keep(UnsafeBufferPointer(start: out, count: n)) }
    } while stream.avail_out == 0
    count = 0
  }

  /// Deflated bytes of the rows: in memory, or appended to the spill file once
  /// there are many (the head, deflated after the rows, always stays in memory).
  private func keep(_ bytes: UnsafeBufferPointer<UInt8>) throws {
    if spill < 0 && bodyBytes + bytes.count > spillAfter && !headPhase {
      var template = Array((spillPath + ".lembar-XXXXXX").utf8CString)
      let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
      guard fd >= 0 else { throw XLSXWriterError(detail: "berkas sementara", code: errno) }
      template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
      spill = fd
      for piece in body { try piece.withUnsafeBufferPointer { try append($0) } }
      body = []
    }
    if spill >= 0 && !headPhase {
      try append(bytes)
    } else {
      body.append(Array(bytes))
      bodyBytes += bytes.count
    }
  }

  private func append(_ bytes: UnsafeBufferPointer<UInt8>) throws {
    var done = 0
    while done < bytes.count {
      let n = write(spill, bytes.baseAddress! + done, bytes.count - done)
      guard n > 0 else {
        throw XLSXWriterError(detail: "menulis berkas sementara", code: n < 0 ? errno : ENOSPC)
      }
      done += n
    }
    spillSize += bytes.count
  }

  func zlibFailure() -> XLSXWriterError {
    XLSXWriterError(
      detail: "zlib: \(stream.msg.map { String(cString: $0) } ?? "galat")", code: EIO)
  }
}
