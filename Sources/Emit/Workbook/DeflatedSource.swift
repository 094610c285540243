import CLibZip
import Foundation

/// The zip source of a sheet: already deflated, so libzip copies the bytes
/// (the stat says `ZIP_CM_DEFLATE`, with the sizes and the CRC).
func deflatedSource(
  _ state: UnsafeMutableRawPointer?, _ data: UnsafeMutableRawPointer?, _ len: zip_uint64_t,
  _ cmd: zip_source_cmd_t
) -> zip_int64_t {
  let part = Unmanaged<SheetPart>.fromOpaque(state!).takeUnretainedValue()
  switch cmd {
  case ZIP_SOURCE_OPEN:
    part.segment = 0
    part.offset = 0
    return 0
  case ZIP_SOURCE_READ:
    var done = 0
    let want = Int(len)
    while done < want, part.segment < part.segments.count {
      let seg = part.segments[part.segment]
      let n = min(want - done, seg.count - part.offset)
      seg.withUnsafeBytes {
        (data! + done).copyMemory(from: $0.baseAddress! + part.offset, byteCount: n)
      }
      done += n
      part.offset += n
      if part.offset == seg.count {
        part.segment += 1
        part.offset = 0
      }
    }
    // Then the spilled rows: `offset` counts into the file once the segments are done.
    while done < want, part.segment == part.segments.count, part.offset < part.spillSize {
      let n = pread(
        part.spill, data! + done, min(want - done, part.spillSize - part.offset),
        off_t(part.offset))
      guard n > 0 else { return -1 }
      done += n
      part.offset += n
    }
    return zip_int64_t(done)
  case ZIP_SOURCE_CLOSE:
    return 0
  case ZIP_SOURCE_STAT:
    let st = data!.assumingMemoryBound(to: zip_stat_t.self)
    zip_stat_init(st)
    st.pointee.valid =
      zip_uint64_t(ZIP_STAT_SIZE) | zip_uint64_t(ZIP_STAT_COMP_SIZE)
      | zip_uint64_t(ZIP_STAT_COMP_METHOD) | zip_uint64_t(ZIP_STAT_CRC)
    st.pointee.size = part.size
    st.pointee.comp_size = part.compressedSize
    st.pointee.comp_method = zip_uint16_t(ZIP_CM_DEFLATE)
    st.pointee.crc = zip_uint32_t(part.crc)
    return zip_int64_t(MemoryLayout<zip_stat_t>.size)
  case ZIP_SOURCE_ERROR:
    var e = zip_error_t()
    zip_error_init(&e)
    defer { zip_error_fini(&e) }
    return zip_error_to_data(&e, data, len)
  case ZIP_SOURCE_FREE:
    Unmanaged<SheetPart>.fromOpaque(state!).release()
    return 0
  case ZIP_SOURCE_SUPPORTS:
    let supported = [
      ZIP_SOURCE_OPEN, ZIP_SOURCE_READ, ZIP_SOURCE_CLOSE, ZIP_SOURCE_STAT, ZIP_SOURCE_ERROR,
      ZIP_SOURCE_FREE, ZIP_SOURCE_SUPPORTS,
    ]
    return supported.reduce(0) { $0 | (zip_int64_t(1) << zip_int64_t($1.rawValue)) }
  default:
    return -1
  }
}
