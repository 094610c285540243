import Foundation
import Pipeline
import XCTest

@testable import Emit

final class JSONPullReaderTests: XCTestCase {
  private func reader(_ text: String, maxDepth: Int = 64, maxString: Int = 1 << 20)
    -> JSONPullReader
  {
    JSONPullReader(bytes: Array(text.utf8), maxDepth: maxDepth, maxString: maxString)
  }

  private func compact(_ text: String) throws -> String {
    let r = reader(text)
    let sink = ByteSink()
    try r.copyValue(into: sink)
    try r.finish()
    return String(decoding: sink.bytes, as: UTF8.self)
  }

  private func failure(_ text: String, maxDepth: Int = 64, maxString: Int = 1 << 20)
    -> JSONReadError?
  {
    let r = reader(text, maxDepth: maxDepth, maxString: maxString)
    do {
      try r.skipValue()
      try r.finish()
      return nil
    } catch {
      return error
    }
  }

  func testWalksObjectsAndArraysMemberByMember() throws {
    let r = reader(#" { "a" : [1, -2.5e3, true, null], "b": {"c": "d"} } "#)
    try r.beginObject()
    XCTAssertEqual(try r.nextKey(), "a")
    try r.beginArray()
    XCTAssertTrue(try r.nextElement())
    XCTAssertEqual(try r.readInt(), 1)
    XCTAssertTrue(try r.nextElement())
    XCTAssertEqual(try r.readNumber(), "-2.5e3")
    XCTAssertTrue(try r.nextElement())
    XCTAssertEqual(try r.readBool(), true)
    XCTAssertTrue(try r.nextElement())
    try r.readNull()
    XCTAssertFalse(try r.nextElement())
    XCTAssertEqual(try r.nextKey(), "b")
    XCTAssertEqual(try r.readValue(), .object([("c", .string("d"))]))
    XCTAssertNil(try r.nextKey())
    try r.finish()
  }

  func testCopiesCompactlyWithStringsEscapedAsTheWriterDoes() throws {
    XCTAssertEqual(
      try compact("{ \"k\" : [ \"a\\u00e9\\/\\n\", 1.50, {} , [] ] }"),
      #"{"k":["aé/\n",1.50,{},[]]}"#)
    // A surrogate pair becomes the scalar; U+2028 is escaped again.
    XCTAssertEqual(try compact(#""\ud83d\ude00 \u2028""#), "\"😀 \\u2028\"")
  }

  func testReadsAcrossTheBlocksOfAFile() throws {
    // Long enough that strings and numbers straddle the 64 KiB blocks.
    let items = (0..<20_000).map { "{\"n\":\($0),\"s\":\"teks \($0) é\"}" }
    let text = "[" + items.joined(separator: ",") + "]"
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("pull-\(UUID()).json")
    try Data(text.utf8).write(to: url)
    defer { try? FileManager.default.removeItem(at: url) }
    let fd = open(url.path, O_RDONLY)
    defer { close(fd) }
    let r = JSONPullReader(fileDescriptor: fd)
    try r.beginArray()
    var n = 0
    while try r.nextElement() {
      XCTAssertEqual(try r.readValue(), .object([("n", .int(n)), ("s", .string("teks \(n) é"))]))
      n += 1
    }
    try r.finish()
    XCTAssertEqual(n, 20_000)
  }

  func testTruncatedTextSaysWhereItEnds() {
    let text = #"{"a": [1, 2, "tiga"#
    XCTAssertEqual(failure(text), JSONReadError(.unexpectedEnd, offset: text.utf8.count))
    XCTAssertEqual(failure(""), JSONReadError(.unexpectedEnd, offset: 0))
    XCTAssertEqual(failure(#"{"a": 1"#)?.reason, .unexpectedEnd)
  }

  func testMalformedTextIsAnErrorAtItsOffset() {
    XCTAssertEqual(
      failure(#"{"a" 1}"#), JSONReadError(.unexpectedByte(UInt8(ascii: "1")), offset: 5))
    XCTAssertEqual(failure("[1,]"), JSONReadError(.unexpectedByte(UInt8(ascii: "]")), offset: 3))
    XCTAssertEqual(failure("[1 2]"), JSONReadError(.unexpectedByte(UInt8(ascii: "2")), offset: 3))
    XCTAssertEqual(failure("01")?.reason, .trailingData)
    XCTAssertEqual(failure("-")?.reason, .badNumber)
    XCTAssertEqual(failure("1.e5")?.reason, .badNumber)
    XCTAssertEqual(failure("tru")?.reason, .unexpectedEnd)
    XCTAssertEqual(failure("nul!"), JSONReadError(.unexpectedByte(UInt8(ascii: "!")), offset: 3))
    XCTAssertEqual(failure(#""\x""#), JSONReadError(.badEscape, offset: 2))
    XCTAssertEqual(failure(#""\ud800x""#)?.reason, .badEscape)
    XCTAssertEqual(failure("\"a\u{1}\""), JSONReadError(.unexpectedByte(1), offset: 2))
    XCTAssertEqual(failure("{} {}")?.reason, .trailingData)
    // Bytes that are not UTF-8 inside a string.
    let r = JSONPullReader(bytes: [0x22, 0xFF, 0xFE, 0x22])
    XCTAssertThrowsError(try r.readString()) { e in
      XCTAssertEqual((e as? JSONReadError)?.reason, .badUTF8)
    }
  }

  func testWrongKindIsSaid() {
    let r = reader(#"{"a": 1}"#)
    XCTAssertThrowsError(try r.beginArray()) { e in
      XCTAssertEqual(e as? JSONReadError, JSONReadError(.wrongType(expected: .array), offset: 0))
    }
  }

  func testDeepNestingStopsAtTheLimitWithoutCrashing() {
    let deep = String(repeating: "[", count: 1_000_000)
    XCTAssertEqual(failure(deep), JSONReadError(.tooDeep(limit: 64), offset: 64))
    let nested = String(repeating: "{\"a\":", count: 10) + "1" + String(repeating: "}", count: 10)
    XCTAssertNil(failure(nested, maxDepth: 10))
    XCTAssertEqual(failure(nested, maxDepth: 9)?.reason, .tooDeep(limit: 9))
  }

  func testHugeStringsStopAtTheLimit() {
    let huge = "\"" + String(repeating: "x", count: 5000) + "\""
    XCTAssertEqual(
      failure(huge, maxString: 4096), JSONReadError(.stringTooLong(limit: 4096), offset: 4097))
    XCTAssertNil(failure(huge, maxString: 5000))
  }
}
