import Foundation

/// Work shared out to a few threads.
public enum Parallel {
  /// Calls `body(i)` for each index of `order` (`0..<count` when `nil`), taken
  /// in that order by up to `workers` threads (0: one per core); returns when
  /// all are done. `body` runs on several threads at once, hence `@Sendable`.
  ///
  /// The calling thread takes items too; the others are threads of their own
  /// (pthreads, joined), not Dispatch's pool: `concurrentPerform` called inside another one gets
  /// the cores left over, which is none, so the sheets of the workbook, the
  /// feedback pages and the JSON's records were rendered one at a time while
  /// the outputs ran side by side. A nested call here may briefly run more
  /// threads than cores; the system shares them out.
  public static func forEach(
    _ count: Int, workers: Int, order: [Int]? = nil, _ body: @Sendable (Int) -> Void
  ) {
    let n = max(
      1, min(workers > 0 ? workers : ProcessInfo.processInfo.activeProcessorCount, count))
    guard n > 1 else {
      for k in 0..<count { body(order?[k] ?? k) }
      return
    }
    let next = Locked(0)
    withoutActuallyEscaping(body) { body in
      let job = Job {
        while true {
          let k = next.withLock { n in
            defer { n += 1 }
            return n
          }
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
    _ count: Int, workers: Int, order: [Int]? = nil, _ body: @Sendable (Int) throws -> Void
  ) throws {
    let failures = Locked<[Int: any Error]>([:])
    forEach(count, workers: workers, order: order) { (i: Int) in
      do {
        try body(i)
      } catch {
        failures.withLock { $0[i] = error }
      }
    }
    let all = failures.withLock { $0 }
    if let first = all.keys.min() { throw all[first]! }
  }

  /// The loop each thread runs; handed to pthreads as a retained pointer.
  private final class Job: Sendable {
    let run: @Sendable () -> Void
    init(_ run: @escaping @Sendable () -> Void) { self.run = run }
  }
}

/// A value shared by the items of a `Parallel.forEach`, reached only under its
/// lock. `@unchecked` because the compiler cannot see that the lock guards
/// every access; no access bypasses `withLock`.
public final class Locked<Value>: @unchecked Sendable {
  private let lock = NSLock()
  private var value: Value

  public init(_ value: Value) { self.value = value }

  public func withLock<R>(_ body: (inout Value) throws -> R) rethrows -> R {
    lock.lock()
    defer { lock.unlock() }
    return try body(&value)
  }
}

/// One result per item of a `Parallel.forEach`: item `i` writes slot `i` and
/// nothing else, and the slots are read after the call has joined its threads.
/// `@unchecked` because no two threads ever touch the same slot, which the
/// compiler cannot know; the storage is allocated once and never resized. An
/// element need not be `Sendable`: it passes from the one item that made it to
/// the caller, after the join.
public final class Slots<Element>: @unchecked Sendable {
  private let items: UnsafeMutableBufferPointer<Element?>

  public init(_ count: Int) {
    items = .allocate(capacity: count)
    items.initialize(repeating: nil)
  }

  deinit {
    items.deinitialize()
    items.deallocate()
  }

  public subscript(i: Int) -> Element? {
    get { items[i] }
    set { items[i] = newValue }
  }

  /// Every filled slot in index order, moved out (not copied) so the slots
  /// keep nothing alive.
  public func take() -> [Element] {
    var out: [Element] = []
    out.reserveCapacity(items.count)
    for i in items.indices {
      if let e = items[i] { out.append(e) }
      items[i] = nil
    }
    return out
  }
}
