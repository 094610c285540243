import Foundation

/// Work shared out to a few threads.
public enum Parallel {
  /// Calls `body(i)` for each index of `order` (`0..<count` when `nil`), taken
  /// in that order by up to `workers` threads (0: one per core); returns when
  /// all are done. `body` must be safe to call from several threads at once.
  ///
  /// The calling thread takes items too; the others are threads of their own
  /// (pthreads, joined), not Dispatch's pool: `concurrentPerform` called inside another one gets
  /// the cores left over, which is none, so the sheets of the workbook, the
  /// feedback pages and the JSON's records were rendered one at a time while
  /// the outputs ran side by side. A nested call here may briefly run more
  /// threads than cores; the system shares them out.
  public static func forEach(
    _ count: Int, workers: Int, order: [Int]? = nil, _ body: (Int) -> Void
  ) {
    let n = max(
      1, min(workers > 0 ? workers : ProcessInfo.processInfo.activeProcessorCount, count))
    guard n > 1 else {
      for k in 0..<count { body(order?[k] ?? k) }
      return
    }
    let lock = NSLock()
    var next = 0
    withoutActuallyEscaping(body) { body in
      let job = Job {
        while true {
          lock.lock()
          let k = next
          next += 1
          lock.unlock()
          guard k < count else { return }
          body(order?[k] ?? k)
        }
      }
      // Joined before returning, so nothing outlives `body`. A thread that
      // cannot be made leaves its share to the others.
      var attributes = pthread_attr_t()
      pthread_attr_init(&attributes)
      // As deep as the main thread's: the readers recurse (XML depth is
      // bounded by `batas.kedalaman_xml`, not by the stack).
      pthread_attr_setstacksize(&attributes, 8 << 20)
      var threads: [pthread_t] = []
      for _ in 1..<n {
        var thread = pthread_t()
        let context = Unmanaged.passRetained(job).toOpaque()
        let made = pthread_create(
          &thread, &attributes,
          { context in
            Unmanaged<Job>.fromOpaque(context!).takeRetainedValue().run()
            return nil
          }, context)
        if made == 0 {
          threads.append(thread)
        } else {
          Unmanaged<Job>.fromOpaque(context).release()
        }
      }
      pthread_attr_destroy(&attributes)
      job.run()
      for t in threads { pthread_join(t, nil) }
    }
  }

  /// `forEach` for work that can fail: every item runs, then the error of the
  /// first failing item in index order is thrown, whatever the threads did first.
  public static func forEach(
    _ count: Int, workers: Int, order: [Int]? = nil, _ body: (Int) throws -> Void
  ) throws {
    let lock = NSLock()
    var failures: [Int: any Error] = [:]
    forEach(count, workers: workers, order: order) { (i: Int) in
      do {
        try body(i)
      } catch {
        lock.withLock { failures[i] = error }
      }
    }
    if let first = failures.keys.min() { throw failures[first]! }
  }

  private final class Job {
    let run: () -> Void
    init(_ run: @escaping () -> Void) { self.run = run }
  }
}
