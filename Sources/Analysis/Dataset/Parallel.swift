import Dispatch
import Foundation

/// Work spread over the machine's cores, with results in input order (so the output never
/// depends on how many cores there are).
enum Parallel {
    static func map<T: Sendable, R: Sendable>(_ items: [T], _ transform: @Sendable (T) -> R) -> [R] {
        guard items.count > 1 else { return items.map(transform) }
        let results = Slots<R>(count: items.count)
        DispatchQueue.concurrentPerform(iterations: items.count) { index in
            results[index] = transform(items[index])
        }
        return results.values.map { $0! }
    }
}

/// One result per index, written from several threads under a lock (NSLock rather than
/// `Mutex`, which needs macOS 15 where the package supports 14).
final class Slots<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var storage: [Value?]

    init(count: Int) { storage = Array(repeating: nil, count: count) }

    subscript(index: Int) -> Value? {
        get { lock.withLock { storage[index] } }
        set { lock.withLock { storage[index] = newValue } }
    }

    /// Every slot, in order.
    var values: [Value?] { lock.withLock { storage } }
}
