/// Why a folder is refused as the outputs folder (SPEC §7): every run swaps
/// the outputs folder as a whole, so it may not be a folder that holds
/// anything else of value.
public enum OutputsRefusal: Error, Equatable, Sendable {
  /// The outputs folder is the inputs folder or one above it.
  case holdsInputs(outputs: String, inputs: String)
  /// `/`, `/etc`, `/usr`, `/var`, … as given.
  case systemFolder(String)
  /// The home folder itself, or a folder above it.
  case homeFolder(String)
  /// The current folder, or a folder above it (`--outputs .`).
  case workingFolder(String)
}

/// What the outputs folder says about a run without stopping it.
public enum OutputsNotice: Equatable, Sendable {
  public enum Reason: Equatable, Sendable {
    case mountPoint, parentNotWritable, cannotSwap
  }
  /// The set is moved into place entry by entry instead of swapped whole.
  case renamedOneByOne(path: String, reason: Reason)
  /// A run stopped while renaming its outputs into place; this run completed
  /// its set before anything else.
  case interruptedCommitCompleted(path: String)
  /// What of the folder's owner, group and mode (each as it was) could not be
  /// given to the new folder; `nil` where it was kept.
  case metadataNotKept(path: String, owner: String?, group: String?, mode: String?)
}
