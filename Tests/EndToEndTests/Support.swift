import Foundation
import XCTest

/// Runs the built `pipeline` binary, as a user would.
enum Binary {
  static var packageRoot: URL {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent()
  }

  static var url: URL {
    // The products folder holds both the test bundle and the executable.
    var dir = Bundle(for: Marker.self).bundleURL.deletingLastPathComponent()
    if !FileManager.default.fileExists(atPath: dir.appendingPathComponent("pipeline").path) {
      dir = packageRoot.appendingPathComponent(".build/debug")
    }
    return dir.appendingPathComponent("pipeline")
  }

  struct Result {
    let status: Int32
    let stdout: String
    let stderr: String
  }

  @discardableResult
  static func run(
    _ arguments: [String], environment: [String: String] = [:], in directory: URL? = nil
  ) throws -> Result {
    let p = Process()
    p.executableURL = url
    p.arguments = arguments
    var env = ProcessInfo.processInfo.environment
    for (k, v) in environment { env[k] = v }
    p.environment = env
    if let directory { p.currentDirectoryURL = directory }
    let out = Pipe()
    let err = Pipe()
    p.standardOutput = out
    p.standardError = err
    try p.run()
    let o = out.fileHandleForReading.readDataToEndOfFile()
    let e = err.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    return Result(
      status: p.terminationStatus, stdout: String(decoding: o, as: UTF8.self),
      stderr: String(decoding: e, as: UTF8.self))
  }

  static func temporaryFolder(_ name: String) throws -> URL {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("\(name)-\(UUID())")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    return dir
  }

  /// Validates a document against the shipped JSON Schema with an independent
  /// validator (Python's jsonschema); returns its complaints.
  static func schemaErrors(_ json: URL) throws -> String {
    let schema = packageRoot.appendingPathComponent(
      "Sources/Emit/Resources/arsitektur-spbe.schema.json")
    let script = """
      import json, sys, jsonschema
      schema = json.load(open(sys.argv[1])); doc = json.load(open(sys.argv[2]))
      v = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
      errs = sorted(v.iter_errors(doc), key=lambda e: list(e.absolute_path))
      for e in errs[:20]: print(list(e.absolute_path), e.message[:300])
      sys.exit(1 if errs else 0)
      """
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    p.arguments = ["python3", "-c", script, schema.path, json.path]
    let out = Pipe()
    p.standardOutput = out
    p.standardError = out
    try p.run()
    let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    p.waitUntilExit()
    return p.terminationStatus == 0 ? "" : (text.isEmpty ? "validator failed" : text)
  }

  static func loadJSON(_ url: URL) throws -> [String: Any] {
    let data = try Data(contentsOf: url)
    return try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any])
  }
}

final class Marker {}
