import Foundation

/// Work shared out to a few threads.
public enum Parallel {
  /// Calls `body(i)` for each index of `order` (`0..<count` when `nil`), taken
  /// in that order by up to `workers` threads (0: one per core); returns when
  /// all are done. `body` must be safe to call from several threads at once.
  public static func forEach(
    _ count: Int, workers: Int, order: [Int]? = nil, _ body: (Int) -> Void
  ) {
    let lock = NSLock()
    var next = 0
    let n = max(
      1, min(workers > 0 ? workers : ProcessInfo.processInfo.activeProcessorCount, count))
    DispatchQueue.concurrentPerform(iterations: n) { _ in
      while true {
        lock.lock()
        let k = next
        next += 1
        lock.unlock()
        guard k < count else { return }
        body(order?[k] ?? k)
      }
    }
  }
}
