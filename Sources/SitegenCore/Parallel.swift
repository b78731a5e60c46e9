import Dispatch
import Foundation
import Synchronization

/// Maps `items` on `workers` threads (default: all cores), in chunks, keeping the input order.
func parallelMap<Item: Sendable, Result: Sendable>(
    _ items: [Item], workers: Int? = nil, _ transform: @Sendable (Item) -> Result
) -> [Result] {
    let cores = workers ?? ProcessInfo.processInfo.activeProcessorCount
    guard items.count > 1, cores > 1 else { return items.map(transform) }
    let chunkCount = min(items.count, cores * 8)
    let chunkSize = (items.count + chunkCount - 1) / chunkCount
    let chunks = Mutex<[[Result]]>(Array(repeating: [], count: chunkCount))
    DispatchQueue.concurrentPerform(iterations: chunkCount) { chunk in
        let start = chunk * chunkSize
        let end = min(start + chunkSize, items.count)
        guard start < end else { return }
        let part = items[start..<end].map(transform)
        chunks.withLock { $0[chunk] = part }
    }
    return chunks.withLock { $0.flatMap { $0 } }
}
