import Foundation

/// Why a JSON text could not be read, at the byte offset where it was seen.
public struct JSONReadError: Error, Equatable, Sendable {
  public enum Reason: Equatable, Sendable {
    /// The text ends inside a value (a truncated file).
    case unexpectedEnd
    case unexpectedByte(UInt8)
    /// A value of another kind stands where `expected` was wanted.
    case wrongType(expected: JSONKind)
    case badEscape
    case badUTF8
    case badNumber
    /// Nested deeper than the reader allows.
    case tooDeep(limit: Int)
    /// A string longer than the reader allows, in bytes.
    case stringTooLong(limit: Int)
    /// Something other than white space after the document.
    case trailingData
    /// `read(2)` failed with this `errno`.
    case readFailed(code: Int32)
  }

  public let reason: Reason
  public let offset: Int

  public init(_ reason: Reason, offset: Int) {
    self.reason = reason
    self.offset = offset
  }
}

public enum JSONKind: String, Sendable {
  case object, array, string, number, bool, null
}

/// What stops a document from being merged, naming its file.
public enum RollupError: Error, Equatable, Sendable {
  /// The file could not be opened or read (`errno`).
  case unreadable(path: String, code: Int32)
  /// Not JSON, or not the JSON a document is.
  case malformed(path: String, JSONReadError)
  /// Another version of the document format (`format` as it has it).
  case otherFormat(path: String, format: String)
  /// A member every document has is missing.
  case missingMember(path: String, member: String)

  public var path: String {
    switch self {
    case .unreadable(let p, _), .malformed(let p, _), .otherFormat(let p, _),
      .missingMember(let p, _):
      return p
    }
  }
}
