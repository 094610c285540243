import Foundation
import Pipeline

/// A pull reader over JSON text: the caller asks for the next key, element or
/// value, so a document is walked without ever being held whole, from a file
/// read in 64 KiB blocks or from bytes in memory. Nesting and string length
/// are bounded, so hostile input ends in a `JSONReadError` (with its byte
/// offset), never in a crash or unbounded memory.
public final class JSONPullReader {
  public static let defaultMaxDepth = 64
  public static let defaultMaxString = 1 << 20

  private var buffer: [UInt8]
  private var count = 0
  private var position = 0
  /// Offset in the whole text of `buffer[0]`.
  private var base = 0
  private let fd: Int32
  /// The open containers: `true` an object; with how many members each has seen.
  private var containers: [(isObject: Bool, members: Int)] = []
  private let maxDepth: Int
  private let maxString: Int

  /// Reads from `fd` (not closed by the reader).
  public init(
    fileDescriptor fd: Int32, maxDepth: Int = defaultMaxDepth, maxString: Int = defaultMaxString
  ) {
    self.fd = fd
    buffer = [UInt8](repeating: 0, count: 1 << 16)
    self.maxDepth = maxDepth
    self.maxString = maxString
  }

  public init(
    bytes: [UInt8], maxDepth: Int = defaultMaxDepth, maxString: Int = defaultMaxString
  ) {
    fd = -1
    buffer = bytes
    count = bytes.count
    self.maxDepth = maxDepth
    self.maxString = maxString
  }

  /// The offset of the next byte to read.
  public var offset: Int { base + position }

  // MARK: Bytes

  private func fill() throws(JSONReadError) -> Bool {
    guard fd >= 0 else { return false }
    base += count
    position = 0
    count = 0
    while true {
      let n = buffer.withUnsafeMutableBytes { Foundation.read(fd, $0.baseAddress, $0.count) }
      if n >= 0 {
        count = n
        return n > 0
      }
      if errno != EINTR { throw JSONReadError(.readFailed(code: errno), offset: base) }
    }
  }

  /// The next byte, not consumed; `nil` at the end of the text.
  @inline(__always)
  private func peekByte() throws(JSONReadError) -> UInt8? {
    if position < count { return buffer[position] }
    return try fill() ? buffer[position] : nil
  }

  @inline(__always)
  private func nextByte() throws(JSONReadError) -> UInt8 {
    guard let b = try peekByte() else { throw fail(.unexpectedEnd) }
    position += 1
    return b
  }

  private func fail(_ reason: JSONReadError.Reason) -> JSONReadError {
    JSONReadError(reason, offset: offset)
  }

  /// The next byte after white space, not consumed; the end of the text is an error.
  private func significant() throws(JSONReadError) -> UInt8 {
    while let b = try peekByte() {
      if b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 {
        position += 1
      } else {
        return b
      }
    }
    throw fail(.unexpectedEnd)
  }

  private func expect(_ byte: UInt8) throws(JSONReadError) {
    let b = try significant()
    guard b == byte else { throw fail(.unexpectedByte(b)) }
    position += 1
  }

  // MARK: Containers

  /// The kind of the next value, not consumed.
  public func peekKind() throws(JSONReadError) -> JSONKind {
    switch try significant() {
    case UInt8(ascii: "{"): return .object
    case UInt8(ascii: "["): return .array
    case UInt8(ascii: "\""): return .string
    case UInt8(ascii: "t"), UInt8(ascii: "f"): return .bool
    case UInt8(ascii: "n"): return .null
    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number
    case let b: throw fail(.unexpectedByte(b))
    }
  }

  private func require(_ kind: JSONKind) throws(JSONReadError) {
    let found = try peekKind()
    guard found == kind else { throw fail(.wrongType(expected: kind)) }
  }

  private func push(_ isObject: Bool) throws(JSONReadError) {
    guard containers.count < maxDepth else { throw fail(.tooDeep(limit: maxDepth)) }
    position += 1
    containers.append((isObject, 0))
  }

  public func beginObject() throws(JSONReadError) {
    try require(.object)
    try push(true)
  }

  public func beginArray() throws(JSONReadError) {
    try require(.array)
    try push(false)
  }

  /// The next member's key of the innermost object, its value next to read;
  /// `nil` once the object is closed.
  public func nextKey() throws(JSONReadError) -> String? {
    guard let top = containers.last, top.isObject else { throw fail(.wrongType(expected: .object)) }
    var b = try significant()
    if b == UInt8(ascii: "}") {
      position += 1
      containers.removeLast()
      return nil
    }
    if top.members > 0 {
      guard b == UInt8(ascii: ",") else { throw fail(.unexpectedByte(b)) }
      position += 1
      b = try significant()
    }
    guard b == UInt8(ascii: "\"") else { throw fail(.unexpectedByte(b)) }
    let key = try readString()
    try expect(UInt8(ascii: ":"))
    containers[containers.count - 1].members += 1
    return key
  }

  /// Whether the innermost array has another element (then next to read);
  /// `false` once the array is closed.
  public func nextElement() throws(JSONReadError) -> Bool {
    guard let top = containers.last, !top.isObject else { throw fail(.wrongType(expected: .array)) }
    let b = try significant()
    if b == UInt8(ascii: "]") {
      position += 1
      containers.removeLast()
      return false
    }
    if top.members > 0 {
      guard b == UInt8(ascii: ",") else { throw fail(.unexpectedByte(b)) }
      position += 1
    }
    containers[containers.count - 1].members += 1
    return true
  }

  /// After the top-level value: only white space may follow.
  public func finish() throws(JSONReadError) {
    while let b = try peekByte() {
      guard b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 else { throw fail(.trailingData) }
      position += 1
    }
  }

  // MARK: Scalars

  public func readString() throws(JSONReadError) -> String {
    var bytes: [UInt8] = []
    try readString(into: &bytes)
    guard let s = String(validating: bytes, as: UTF8.self) else { throw fail(.badUTF8) }
    return s
  }

  /// The string's content, escapes resolved, as UTF-8 (checked by the caller).
  private func readString(into bytes: inout [UInt8]) throws(JSONReadError) {
    try require(.string)
    position += 1
    while true {
      let b = try nextByte()
      if b == UInt8(ascii: "\"") { return }
      guard bytes.count < maxString else {
        throw JSONReadError(.stringTooLong(limit: maxString), offset: offset - 1)
      }
      if b < 0x20 { throw JSONReadError(.unexpectedByte(b), offset: offset - 1) }
      if b != UInt8(ascii: "\\") {
        bytes.append(b)
        continue
      }
      switch try nextByte() {
      case UInt8(ascii: "\""): bytes.append(0x22)
      case UInt8(ascii: "\\"): bytes.append(0x5C)
      case UInt8(ascii: "/"): bytes.append(0x2F)
      case UInt8(ascii: "b"): bytes.append(0x08)
      case UInt8(ascii: "f"): bytes.append(0x0C)
      case UInt8(ascii: "n"): bytes.append(0x0A)
      case UInt8(ascii: "r"): bytes.append(0x0D)
      case UInt8(ascii: "t"): bytes.append(0x09)
      case UInt8(ascii: "u"):
        var scalar = try hex4()
        if (0xD800..<0xDC00).contains(scalar) {
          guard try nextByte() == UInt8(ascii: "\\"), try nextByte() == UInt8(ascii: "u") else {
            throw fail(.badEscape)
          }
          let low = try hex4()
          guard (0xDC00..<0xE000).contains(low) else { throw fail(.badEscape) }
          scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
        } else if (0xDC00..<0xE000).contains(scalar) {
          throw fail(.badEscape)
        }
        guard let u = Unicode.Scalar(scalar) else { throw fail(.badEscape) }
        bytes.append(contentsOf: String(Character(u)).utf8)
      default: throw JSONReadError(.badEscape, offset: offset - 1)
      }
    }
  }

  private func hex4() throws(JSONReadError) -> UInt32 {
    var v: UInt32 = 0
    for _ in 0..<4 {
      let b = try nextByte()
      let d: UInt8
      switch b {
      case UInt8(ascii: "0")...UInt8(ascii: "9"): d = b - UInt8(ascii: "0")
      case UInt8(ascii: "a")...UInt8(ascii: "f"): d = b - UInt8(ascii: "a") + 10
      case UInt8(ascii: "A")...UInt8(ascii: "F"): d = b - UInt8(ascii: "A") + 10
      default: throw JSONReadError(.badEscape, offset: offset - 1)
      }
      v = v << 4 | UInt32(d)
    }
    return v
  }

  /// A number's text as written, checked against RFC 8259's grammar.
  public func readNumber() throws(JSONReadError) -> String {
    try require(.number)
    let start = offset
    var text: [UInt8] = []
    func take(_ b: UInt8) {
      text.append(b)
      position += 1
    }
    func digits() throws(JSONReadError) -> Int {
      var n = 0
      while let b = try peekByte(), b >= UInt8(ascii: "0"), b <= UInt8(ascii: "9") {
        guard text.count < 64 else { throw JSONReadError(.badNumber, offset: start) }
        take(b)
        n += 1
      }
      return n
    }
    if try peekByte() == UInt8(ascii: "-") { take(UInt8(ascii: "-")) }
    if try peekByte() == UInt8(ascii: "0") {
      take(UInt8(ascii: "0"))
    } else if try digits() == 0 {
      throw JSONReadError(.badNumber, offset: start)
    }
    if try peekByte() == UInt8(ascii: ".") {
      take(UInt8(ascii: "."))
      guard try digits() > 0 else { throw JSONReadError(.badNumber, offset: start) }
    }
    if let e = try peekByte(), e == UInt8(ascii: "e") || e == UInt8(ascii: "E") {
      take(e)
      if let s = try peekByte(), s == UInt8(ascii: "+") || s == UInt8(ascii: "-") { take(s) }
      guard try digits() > 0 else { throw JSONReadError(.badNumber, offset: start) }
    }
    return String(decoding: text, as: UTF8.self)
  }

  public func readInt() throws(JSONReadError) -> Int {
    let start = offset
    guard let n = Int(try readNumber()) else { throw JSONReadError(.badNumber, offset: start) }
    return n
  }

  private func literal(_ word: StaticString) throws(JSONReadError) {
    for i in 0..<word.utf8CodeUnitCount {
      let b = try nextByte()
      guard b == word.utf8Start[i] else {
        throw JSONReadError(.unexpectedByte(b), offset: offset - 1)
      }
    }
  }

  public func readBool() throws(JSONReadError) -> Bool {
    try require(.bool)
    if try significant() == UInt8(ascii: "t") {
      try literal("true")
      return true
    }
    try literal("false")
    return false
  }

  public func readNull() throws(JSONReadError) {
    try require(.null)
    try literal("null")
  }

  // MARK: Whole values

  /// Reads past the next value.
  public func skipValue() throws(JSONReadError) {
    try copyValue(into: nil)
  }

  /// The next value in compact form: strings escaped as `JSONWriter` escapes
  /// them, numbers as written, no white space; checked as it is copied.
  public func copyValue(into out: ByteSink?) throws(JSONReadError) {
    switch try peekKind() {
    case .object:
      try beginObject()
      out?.append(byte: UInt8(ascii: "{"))
      var first = true
      while let key = try nextKey() {
        if let out {
          if !first { out.append(byte: UInt8(ascii: ",")) }
          JSONWriter.quote(key, into: out)
          out.append(byte: UInt8(ascii: ":"))
        }
        first = false
        try copyValue(into: out)
      }
      out?.append(byte: UInt8(ascii: "}"))
    case .array:
      try beginArray()
      out?.append(byte: UInt8(ascii: "["))
      var first = true
      while try nextElement() {
        if !first { out?.append(byte: UInt8(ascii: ",")) }
        first = false
        try copyValue(into: out)
      }
      out?.append(byte: UInt8(ascii: "]"))
    case .string:
      let s = try readString()
      if let out { JSONWriter.quote(s, into: out) }
    // Read first: an optional chain on a nil sink would skip the read.
    case .number:
      let n = try readNumber()
      out?.append(ascii: n)
    case .bool:
      let b = try readBool()
      out?.append(ascii: b ? "true" : "false")
    case .null:
      try readNull()
      out?.append(ascii: "null")
    }
  }

  /// The next value as a `JSON` tree (for the small parts of a document).
  public func readValue() throws(JSONReadError) -> JSON {
    switch try peekKind() {
    case .object:
      try beginObject()
      var members: [(String, JSON)] = []
      while let key = try nextKey() { members.append((key, try readValue())) }
      return .object(members)
    case .array:
      try beginArray()
      var items: [JSON] = []
      while try nextElement() { items.append(try readValue()) }
      return .array(items)
    case .string: return .string(try readString())
    case .number:
      let start = offset
      let text = try readNumber()
      if let i = Int(text) { return .int(i) }
      guard let d = Double(text) else { throw JSONReadError(.badNumber, offset: start) }
      return .double(d)
    case .bool: return .bool(try readBool())
    case .null:
      try readNull()
      return .null
    }
  }
}
