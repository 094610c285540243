import Foundation

/// `SOURCE_DATE_EPOCH` (the reproducible-builds convention): the time every
/// output carries instead of now. Only a whole number of seconds from 1970 to
/// the end of 9999 is a time that every output can show.
public enum SourceDateEpoch {
  /// 9999-12-31T23:59:59Z.
  public static let last: Int64 = 253_402_300_799

  /// The time set in `environment`, `nil` when the variable is unset.
  public static func date(
    environment: [String: String] = ProcessInfo.processInfo.environment
  ) throws(RunError) -> Date? {
    guard let text = environment["SOURCE_DATE_EPOCH"] else { return nil }
    guard let seconds = Int64(text), (0...last).contains(seconds) else {
      throw .badSourceDateEpoch
    }
    return Date(timeIntervalSince1970: TimeInterval(seconds))
  }
}
