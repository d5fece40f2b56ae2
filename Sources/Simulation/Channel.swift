import Foundation

/// A bounded queue between the thread that simulates interviews and the one that saves them,
/// so that both cores work and memory stays flat.
final class Channel<Element: Sendable>: @unchecked Sendable {
    private let condition = NSCondition()
    private var buffer: [Element] = []
    private var closed = false
    private let capacity: Int

    init(capacity: Int) { self.capacity = capacity }

    /// Adds an element, waiting while the buffer is full.
    func send(_ element: Element) {
        condition.lock()
        while buffer.count >= capacity { condition.wait() }
        buffer.append(element)
        condition.broadcast()
        condition.unlock()
    }

    /// No more elements will come.
    func close() {
        condition.lock()
        closed = true
        condition.broadcast()
        condition.unlock()
    }

    /// The next element, waiting for one; `nil` once closed and empty.
    func receive() -> Element? {
        condition.lock()
        defer { condition.unlock() }
        while buffer.isEmpty && !closed { condition.wait() }
        guard !buffer.isEmpty else { return nil }
        let element = buffer.removeFirst()
        condition.broadcast()
        return element
    }
}
