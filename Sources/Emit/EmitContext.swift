import Foundation
import Pipeline
import Standard

/// What every output is made from: the run, the standard it was checked
/// against, the configuration, and the one creation time all outputs carry.
public struct EmitContext: Sendable {
  public let architecture: Architecture
  public let standard: Standard
  public let configuration: Configuration
  public let createdAt: Date
  /// Finding index → its `kunci` (`Architecture.findingKeys`).
  public let findingKeys: [String]
  /// What changed since the round compared with (`perubahan`), when the run
  /// compares; set by `Emitters.writeAll`.
  public var changes: RoundChanges?

  public init(
    architecture: Architecture, standard: Standard, configuration: Configuration, createdAt: Date
  ) {
    self.architecture = architecture
    self.standard = standard
    self.configuration = configuration
    self.createdAt = createdAt
    findingKeys = architecture.findingKeys()
  }
}

/// An output rendered from an `EmitContext`; its parts read as plain names.
protocol Emitter: Sendable {
  var context: EmitContext { get }
}

extension Emitter {
  var architecture: Architecture { context.architecture }
  var standard: Standard { context.standard }
  var configuration: Configuration { context.configuration }
  var createdAt: Date { context.createdAt }
}
