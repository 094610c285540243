import Foundation
import Spreadsheet
import Standard

/// An input file found under the inputs folder.
public struct InputFile: Sendable, Hashable {
  /// The path's bytes as the file system holds them: a name copied from a
  /// Windows machine need not be UTF-8, and is opened by these bytes.
  public let systemPath: [UInt8]
  /// Relative to the inputs folder, `/`-separated: what outputs and messages
  /// show (bytes that are not UTF-8 as U+FFFD).
  public let relativePath: String

  public init(systemPath: [UInt8], relativePath: String) {
    self.systemPath = systemPath
    self.relativePath = relativePath
  }

  public init(absolutePath: String, relativePath: String) {
    self.init(systemPath: Array(absolutePath.utf8), relativePath: relativePath)
  }
}

/// A folder under the inputs that is never read, and why (the outputs folder
/// when it sits inside the inputs).
public struct ExcludedFolder: Sendable {
  public let path: String
  public let reason: SkipReason

  public init(path: String, reason: SkipReason) {
    self.path = path
    self.reason = reason
  }
}

/// Why an entry under the inputs was not read: the `sebab` of its
/// `berkas-dilewati` finding.
public enum SkipReason: String, Sendable {
  case outputsFolder = "folder-keluaran"
  case symlink = "tautan"
  case notRegularFile = "bukan-berkas-biasa"
  case nameTooLong = "nama-terlalu-panjang"
  case folderUnreadable = "folder-tidak-terbuka"
  /// Members of a paket: a zip inside it, a name that climbs out of it or
  /// repeats another's, a merged copy of the other members.
  case nestedZip = "zip-bersarang"
  case unsafeName = "nama-tidak-aman"
  case mergedCopy = "salinan-gabungan"
}

/// A folder as the file system knows it, whatever path leads to it.
struct FolderIdentity: Hashable {
  let device: UInt64
  let inode: UInt64

  init(_ st: stat) {
    device = UInt64(st.st_dev)
    inode = UInt64(st.st_ino)
  }
}

/// What a walk of the inputs found: the files to read, and a `berkas-dilewati`
/// finding for every entry left out (hidden and lock files aside).
public struct InputScan: Sendable {
  public var files: [InputFile] = []
  public var skipped: [Finding] = []

  public init(files: [InputFile] = [], skipped: [Finding] = []) {
    self.files = files
    self.skipped = skipped
  }
}

/// Finds the inputs and carries a file through the per-file stages, in parallel,
/// then consolidates. Knows nothing of terminals or output formats.
public struct PipelineRun: Sendable {
  public let standard: Standard
  public let configuration: Configuration

  public init(standard: Standard, configuration: Configuration) {
    self.standard = standard
    self.configuration = configuration
  }

  /// Every regular file under `folder`, recursively, in byte order of its
  /// relative path. `folder` itself may be a symlink; below it, symlinks,
  /// special files, paths too long to open and the `excluding` folders are
  /// reported as skipped; office lock files (`~$…`) and hidden entries are
  /// skipped without a finding (SPEC §2). Names are taken as bytes, so a name
  /// that is not UTF-8 is read too.
  public static func inputs(in folder: String, excluding: [ExcludedFolder] = []) throws
    -> InputScan
  {
    let root = URL(fileURLWithPath: folder).standardizedFileURL.path
    var st = stat()
    guard stat(root, &st) == 0, (st.st_mode & S_IFMT) == S_IFDIR else {
      throw RunError.inputsMissing(folder)
    }
    var excluded: [FolderIdentity: SkipReason] = [:]
    for e in excluding {
      var es = stat()
      if stat(e.path, &es) == 0 { excluded[FolderIdentity(es)] = e.reason }
    }
    var scan = InputScan()
    var entries: [(relative: [UInt8], file: InputFile)] = []
    var pending: [[UInt8]] = [[]]
    let rootBytes = Array(root.utf8)
    func full(_ relative: [UInt8]) -> [UInt8] {
      relative.isEmpty ? rootBytes : rootBytes + (rootBytes.last == 0x2F ? [] : [0x2F]) + relative
    }
    func skip(_ relative: [UInt8], _ reason: SkipReason) {
      scan.skipped.append(
        Finding(
          .berkasDilewati, at: Location(file: String(decoding: relative, as: UTF8.self)),
          params: ["sebab": reason.rawValue]))
    }
    while let folderRelative = pending.popLast() {
      let path = full(folderRelative)
      guard let dir = opendir(path.map { CChar(bitPattern: $0) } + [0]) else {
        if folderRelative.isEmpty { throw RunError.inputsMissing(folder) }
        skip(folderRelative, .folderUnreadable)
        continue
      }
      defer { closedir(dir) }
      // A kernel file system (a bound `/proc`) holds no workbooks, only endless entries.
      if ReadableFile.onKernelFileSystem(dirfd(dir)) {
        skip(folderRelative.isEmpty ? [0x2E] : folderRelative, .notRegularFile)
        continue
      }
      while let entry = readdir(dir) {
        let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
          Array(raw.prefix(while: { $0 != 0 }))
        }
        // Hidden entries (".", "..", staging folders of the outputs) and office lock files.
        if name.first == 0x2E || name.starts(with: [0x7E, 0x24]) { continue }
        let relative = folderRelative.isEmpty ? name : folderRelative + [0x2F] + name
        var es = stat()
        let cName = name.map { CChar(bitPattern: $0) } + [0]
        guard fstatat(dirfd(dir), cName, &es, AT_SYMLINK_NOFOLLOW) == 0 else {
          skip(relative, .notRegularFile)
          continue
        }
        let tooLong = full(relative).count >= Int(PATH_MAX)
        switch es.st_mode & S_IFMT {
        case S_IFLNK: skip(relative, .symlink)
        case S_IFDIR:
          if let reason = excluded[FolderIdentity(es)] {
            skip(relative, reason)
          } else if tooLong {
            skip(relative, .nameTooLong)
          } else {
            pending.append(relative)
          }
        case S_IFREG:
          if tooLong {
            skip(relative, .nameTooLong)
          } else {
            entries.append(
              (
                relative,
                InputFile(
                  systemPath: full(relative),
                  relativePath: String(decoding: relative, as: UTF8.self))
              ))
          }
        default: skip(relative, .notRegularFile)
        }
      }
    }
    scan.files = entries.sorted { $0.relative.lexicographicallyPrecedes($1.relative) }.map(\.file)
    return scan
  }

  /// Extract, normalize and validate every file (concurrently, `jobs` at a time),
  /// then consolidate when the configuration asks for it. The result does not
  /// depend on `jobs` or on the order files were listed in.
  public func execute(
    _ files: [InputFile], skipped: [Finding] = [], jobs: Int,
    progress: (@Sendable (Int, Int) -> Void)? = nil
  ) -> Architecture {
    let processor = FileProcessor(standard: standard, limits: configuration.limits)
    let results = Slots<InputResult>(files.count)
    let done = Locked(0)
    Parallel.forEach(files.count, workers: jobs) { i in
      results[i] = processor.processInput(files[i])
      let d = done.withLock { n in
        n += 1
        return n
      }
      progress?(d, files.count)
    }
    // Moved out, not copied: the slots must not keep the per-file records and
    // findings alive beside the merged ones.
    var ordered: [FileResult] = []
    var skipped = skipped
    for input in results.take() {
      ordered += input.files
      skipped += input.skipped
    }
    Resubmissions.setAsideIdenticalCopies(&ordered)
    if configuration.stages.contains(.consolidate) {
      return Consolidate(standard: standard).run(consume ordered, skipped: skipped)
    }
    return Consolidate.withoutConsolidation(consume ordered, skipped: skipped)
  }
}

public enum RunError: Error, Equatable, Sendable {
  case inputsMissing(String)
  /// A path named on the command line (`validate PATH…`): a file or a folder.
  case pathMissing(String)
  /// The default inputs folder is missing and no `pipeline.yml` was found in
  /// `lookedIn`, the current folder.
  case inputsMissingWithoutConfiguration(inputs: String, lookedIn: String)
  case noInputs(String)
  /// `code` is the `errno` of the failed call.
  case outputsUnwritable(path: String, code: Int32)
  case outputsLocked(String)
  /// Files were found in the inputs folder, but not one could be read.
  case nothingReadable(folder: String, files: Int)
  /// `SOURCE_DATE_EPOCH` is not a count of seconds from 1970 to the end of 9999.
  case badSourceDateEpoch
}

extension Configuration {
  /// The tool's own folders: never inputs, even when they sit inside the inputs folder.
  public var excludedFromInputs: [ExcludedFolder] {
    [ExcludedFolder(path: outputs, reason: .outputsFolder)]
  }
}
