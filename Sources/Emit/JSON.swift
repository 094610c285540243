import Foundation
import Pipeline

/// A JSON document with object keys kept in the order they were added, so every
/// output is laid out as its contract says and is byte-identical across runs.
public enum JSON: Equatable, Sendable {
  case null
  case bool(Bool)
  case int(Int)
  case double(Double)
  case string(String)
  case array([JSON])
  case object([(String, JSON)])

  public static func == (a: JSON, b: JSON) -> Bool {
    switch (a, b) {
    case (.null, .null): return true
    case (.bool(let x), .bool(let y)): return x == y
    case (.int(let x), .int(let y)): return x == y
    case (.double(let x), .double(let y)): return x == y
    case (.string(let x), .string(let y)): return x == y
    case (.array(let x), .array(let y)): return x == y
    case (.object(let x), .object(let y)):
      return x.count == y.count && zip(x, y).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
    default: return false
    }
  }

  /// `nil` becomes `null`.
  public static func string(_ s: String?) -> JSON { s.map(JSON.string) ?? .null }
}

/// Serializes `JSON` deterministically: two-space indentation (or compact),
/// escapes as RFC 8259 requires, shortest round-tripping numbers. Works on UTF-8
/// bytes; `write(_:into:indent:)` appends to a String or to a `ByteSink`, so
/// large documents stream to a file.
public struct JSONWriter: Sendable {
  public var pretty: Bool
  public init(pretty: Bool = true) { self.pretty = pretty }

  public func write(_ value: JSON, into out: inout String, indent: Int) {
    let sink = ByteSink()
    write(value, into: sink, indent: indent)
    out += String(decoding: sink.bytes, as: UTF8.self)
  }

  public func write(_ value: JSON, into out: ByteSink, indent: Int) {
    switch value {
    case .null: out.append(ascii: "null")
    case .bool(let b): out.append(ascii: b ? "true" : "false")
    case .int(let i): out.append(ascii: String(i))
    case .double(let d): out.append(ascii: JSONWriter.number(d))
    case .string(let s): JSONWriter.quote(s, into: out)
    case .array(let items):
      openArray(out)
      for (i, item) in items.enumerated() {
        element(i, out, indent: indent)
        write(item, into: out, indent: indent + 1)
      }
      closeArray(items.count, out, indent: indent)
    case .object(let members):
      if members.isEmpty {
        out.append(ascii: "{}")
        return
      }
      out.append(byte: UInt8(ascii: "{"))
      for (i, (key, item)) in members.enumerated() {
        self.key(key, first: i == 0, out, indent: indent)
        write(item, into: out, indent: indent + 1)
      }
      newline(out, indent)
      out.append(byte: UInt8(ascii: "}"))
    }
  }

  // The pieces of an object or array written one member at a time (a document
  // too large to hold as one `JSON` value streams through these).

  /// `"key": ` of an object member at `indent` (the object's own indent), with
  /// the comma before it unless it is the first.
  public func key(_ key: String, first: Bool, _ out: ByteSink, indent: Int) {
    if !first { out.append(byte: UInt8(ascii: ",")) }
    newline(out, indent + 1)
    JSONWriter.quote(key, into: out)
    out.append(ascii: pretty ? ": " : ":")
  }

  public func openArray(_ out: ByteSink) { out.append(byte: UInt8(ascii: "[")) }

  /// Before array element `index` of an array at `indent`.
  public func element(_ index: Int, _ out: ByteSink, indent: Int) {
    if index > 0 { out.append(byte: UInt8(ascii: ",")) }
    newline(out, indent + 1)
  }

  /// Closes an array of `count` elements at `indent` (`[]` when empty).
  public func closeArray(_ count: Int, _ out: ByteSink, indent: Int) {
    if count > 0 { newline(out, indent) }
    out.append(byte: UInt8(ascii: "]"))
  }

  public func newline(_ out: ByteSink, _ indent: Int) {
    guard pretty else { return }
    out.append(byte: UInt8(ascii: "\n"))
    out.append(repeating: UInt8(ascii: " "), count: 2 * indent)
  }

  /// Integral values print without a fraction; non-finite values (which JSON
  /// cannot hold) print as `null`.
  public static func number(_ d: Double) -> String {
    guard d.isFinite else { return "null" }
    if d == d.rounded(), abs(d) < 9.007_199_254_740_992e15 {
      return String(Int64(d))
    }
    return "\(d)"
  }

  public static func quote(_ s: String, into out: inout String) {
    let sink = ByteSink()
    quote(s, into: sink)
    out += String(decoding: sink.bytes, as: UTF8.self)
  }

  /// A JSON string: runs of plain bytes are copied at once; quotes, backslashes,
  /// control characters and U+2028/U+2029 (which break JavaScript) are escaped.
  public static func quote(_ s: String, into out: ByteSink) {
    out.append(byte: UInt8(ascii: "\""))
    var s = s
    let look = needsLook
    s.withUTF8 { u in
      var start = 0
      var i = 0
      while i < u.count {
        // Plain bytes (the common case) only advance.
        if !look[Int(u[i])] {
          i += 1
          continue
        }
        let b = u[i]
        var width = 1
        let escape: String
        switch b {
        case UInt8(ascii: "\""): escape = "\\\""
        case UInt8(ascii: "\\"): escape = "\\\\"
        case UInt8(ascii: "\n"): escape = "\\n"
        case UInt8(ascii: "\r"): escape = "\\r"
        case UInt8(ascii: "\t"): escape = "\\t"
        case 0x08: escape = "\\b"
        case 0x0C: escape = "\\f"
        case 0..<0x20:
          let hex = String(b, radix: 16)
          escape = "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        default:
          // 0xE2: U+2028 and U+2029 are escaped, other scalars kept.
          guard i + 2 < u.count, u[i + 1] == 0x80, u[i + 2] == 0xA8 || u[i + 2] == 0xA9 else {
            i += 1
            continue
          }
          escape = u[i + 2] == 0xA8 ? "\\u2028" : "\\u2029"
          width = 3
        }
        out.append(UnsafeBufferPointer(rebasing: u[start..<i]))
        out.append(ascii: escape)
        i += width
        start = i
      }
      out.append(UnsafeBufferPointer(rebasing: u[start..<u.count]))
    }
    out.append(byte: UInt8(ascii: "\""))
  }

  /// Bytes `quote` must look at: control characters, `"`, `\\`, and 0xE2 (the
  /// lead byte of U+2028 and U+2029).
  private static let needsLook: [Bool] = (0..<256).map {
    $0 < 0x20 || $0 == 0x22 || $0 == 0x5C || $0 == 0xE2
  }
}

/// Bytes on their way to a file: collected in a buffer that is handed to
/// `drain` whenever it grows past `blockSize` (and by `flush`), so a large
/// output never sits in memory whole. Without `drain` it just collects.
public final class ByteSink {
  // A class's stored property is checked for exclusive access on every use;
  // the sink is used by one thread at a time, so that check is only cost.
  @exclusivity(unchecked) public private(set) var bytes: [UInt8] = []
  private let drain: ((UnsafeRawBufferPointer) throws -> Void)?
  private let blockSize: Int
  /// The first error `drain` threw; later writes are dropped and `flush` rethrows it.
  private var failure: (any Error)?

  public init(blockSize: Int = 1 << 20, drain: ((UnsafeRawBufferPointer) throws -> Void)? = nil) {
    self.drain = drain
    self.blockSize = blockSize
    bytes.reserveCapacity(drain == nil ? 4096 : blockSize + 4096)
  }

  public func append(byte: UInt8) {
    bytes.append(byte)
  }

  public func append(_ buffer: UnsafeBufferPointer<UInt8>) {
    bytes.append(contentsOf: buffer)
    if bytes.count >= blockSize { drainNow() }
  }

  public func append(ascii s: String) {
    var s = s
    s.withUTF8 { append($0) }
  }

  public func append(_ s: String) { append(ascii: s) }

  public func append(repeating byte: UInt8, count: Int) {
    bytes.append(contentsOf: repeatElement(byte, count: count))
  }

  private func drainNow() {
    guard let drain, failure == nil else {
      if drain != nil { bytes.removeAll(keepingCapacity: true) }
      return
    }
    do {
      try bytes.withUnsafeBytes { try drain($0) }
    } catch {
      failure = error
    }
    bytes.removeAll(keepingCapacity: true)
  }

  /// Hands what is left to `drain`; throws the first error `drain` threw.
  public func flush() throws {
    if drain != nil, !bytes.isEmpty { drainNow() }
    if let failure { throw failure }
  }
}

extension ByteSink {
  /// Appends items `0..<count`, each written by `render(i, sink)`: blocks of
  /// items are rendered side by side on `workers` threads (0: one per core)
  /// into sinks of their own, then appended in order, so the bytes do not
  /// depend on the number of workers.
  public func append(
    _ count: Int, workers: Int, _ render: @Sendable (Int, ByteSink) -> Void
  ) {
    let block = 512
    let workers = max(1, workers > 0 ? workers : ProcessInfo.processInfo.activeProcessorCount)
    guard workers > 1, count > block else {
      for i in 0..<count { render(i, self) }
      return
    }
    var start = 0
    while start < count {
      let n = min(count - start, block * workers * 4)
      let blocks = (n + block - 1) / block
      let parts = Slots<ByteSink>(blocks)
      let first = start
      Parallel.forEach(blocks, workers: workers) { b in
        let part = ByteSink()
        for i in (first + b * block)..<min(first + (b + 1) * block, first + n) {
          render(i, part)
        }
        parts[b] = part
      }
      for p in parts.take() { p.bytes.withUnsafeBufferPointer { append($0) } }
      start += n
    }
  }
}
