import Foundation
import XCTest

/// Runs the built `pipeline` binary, as a user would.
enum Binary {
  static var packageRoot: URL {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent()
  }

  static var url: URL {
    // The products folder holds both the test bundle and the executable; on
    // Linux the bundle URL is that folder itself, elsewhere the bundle in it.
    // (A sanitized build must run its own, sanitized, executable.)
    let bundle = Bundle(for: Marker.self).bundleURL
    for dir in [bundle, bundle.deletingLastPathComponent()]
    where FileManager.default.isExecutableFile(atPath: dir.appendingPathComponent("pipeline").path)
    {
      return dir.appendingPathComponent("pipeline")
    }
    return packageRoot.appendingPathComponent(".build/debug/pipeline")
  }

  /// What a run with the default `format_keluaran` writes, sorted.
  static let outputNames = [
    "arsitektur-spbe.json", "arsitektur.sqlite", "daftar-kirim.csv", "konsolidasi.xlsx",
    "laporan.html", "perubahan.json", "profil.html", "temuan.csv", "umpan-balik", "sia-spbe",
  ].sorted()

  struct Result {
    let status: Int32
    let stdout: String
    let stderr: String
    var timedOut = false
  }

  /// Runs the binary (or `executable`) to its end; past `timeout` seconds it is
  /// killed and the result says so (status 137 with `timedOut`).
  @discardableResult
  static func run(
    _ arguments: [String], environment: [String: String] = [:], in directory: URL? = nil,
    executable: URL? = nil, timeout: TimeInterval? = nil
  ) throws -> Result {
    let p = Process()
    p.executableURL = executable ?? url
    p.arguments = arguments
    var env = ProcessInfo.processInfo.environment
    for (k, v) in environment { env[k] = v }
    p.environment = env
    if let directory { p.currentDirectoryURL = directory }
    let out = Pipe()
    let err = Pipe()
    p.standardOutput = out
    p.standardError = err
    p.standardInput = FileHandle.nullDevice
    try p.run()
    let killer = DispatchWorkItem { kill(p.processIdentifier, SIGKILL) }
    if let timeout {
      DispatchQueue.global().asyncAfter(deadline: .now() + timeout, execute: killer)
    }
    // Both pipes drained at once, so a chatty child cannot block on a full one.
    final class Box: @unchecked Sendable { var data = Data() }
    let e = Box()
    let group = DispatchGroup()
    DispatchQueue.global().async(group: group) {
      e.data = err.fileHandleForReading.readDataToEndOfFile()
    }
    let o = out.fileHandleForReading.readDataToEndOfFile()
    group.wait()
    p.waitUntilExit()
    killer.cancel()
    let timedOut = p.terminationReason == .uncaughtSignal && p.terminationStatus == SIGKILL
    return Result(
      status: p.terminationStatus, stdout: String(decoding: o, as: UTF8.self),
      stderr: String(decoding: e.data, as: UTF8.self), timedOut: timedOut)
  }

  /// Runs another program found on PATH (python3, soffice, script), to its end.
  @discardableResult
  static func tool(
    _ arguments: [String], environment: [String: String] = [:], in directory: URL? = nil
  ) throws -> Result {
    try run(
      arguments, environment: environment, in: directory,
      executable: URL(fileURLWithPath: "/usr/bin/env"))
  }

  /// Runs one of the repository's Python scripts; returns its standard output.
  @discardableResult
  static func python(_ script: String, _ arguments: [String]) throws -> String {
    let r = try run(
      [packageRoot.appendingPathComponent(script).path] + arguments,
      executable: URL(fileURLWithPath: "/usr/bin/python3"))
    guard r.status == 0 else {
      throw NSError(domain: script, code: Int(r.status), userInfo: ["stderr": r.stderr])
    }
    return r.stdout
  }

  /// The largest resident size, in MB, any finished child of the tests reached.
  static var childrenPeakMB: Int {
    var u = rusage()
    getrusage(__rusage_who_t(RUSAGE_CHILDREN.rawValue), &u)
    return u.ru_maxrss / 1024
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
    let r = try tool(["python3", "-c", script, schema.path, json.path])
    let text = r.stdout + r.stderr
    return r.status == 0 ? "" : (text.isEmpty ? "validator failed" : text)
  }

  static func loadJSON(_ url: URL) throws -> [String: Any] {
    let data = try Data(contentsOf: url)
    return try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any])
  }
}

final class Marker {}
