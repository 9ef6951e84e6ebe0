import Dispatch
import Foundation

/// Runs `work` over `0..<count` items split into contiguous chunks on `workers` threads and
/// returns the chunk results in chunk order, so the output does not depend on scheduling.
///
/// Each worker gets its own state from `makeState` (e.g. a Dijkstra workspace) and handles
/// chunks `w, w + workers, …`.
public func parallelChunks<State, Result>(
    count: Int, workers requested: Int?, chunksPerWorker: Int = 16,
    makeState: () -> State, work: (inout State, Range<Int>) -> Result
) -> [Result] {
    let workers = max(1, min(requested ?? ProcessInfo.processInfo.activeProcessorCount, max(count, 1)))
    let chunkCount = max(1, min(count, workers * chunksPerWorker))
    return withoutActuallyEscaping(makeState) { makeState in
        withoutActuallyEscaping(work) { work in
            let job = ChunkJob(
                count: count, chunkCount: chunkCount, workers: workers,
                makeState: makeState, work: work)
            if workers == 1 {
                job.runWorker(0)
            } else {
                DispatchQueue.concurrentPerform(iterations: workers) { w in job.runWorker(w) }
            }
            return job.take()
        }
    }
}

/// The project's one `@unchecked Sendable` type: a parallel job with one result slot per chunk.
///
/// Safe because every slot is written by exactly one worker and read only after
/// `concurrentPerform` has returned (which orders the writes before the reads), and because the
/// closures only read shared immutable data plus the worker's own state.
private final class ChunkJob<State, Result>: @unchecked Sendable {
    let count: Int, chunkCount: Int, workers: Int
    let makeState: () -> State
    let work: (inout State, Range<Int>) -> Result
    private let slots: UnsafeMutablePointer<Result?>

    init(
        count: Int, chunkCount: Int, workers: Int, makeState: @escaping () -> State,
        work: @escaping (inout State, Range<Int>) -> Result
    ) {
        self.count = count
        self.chunkCount = chunkCount
        self.workers = workers
        self.makeState = makeState
        self.work = work
        slots = .allocate(capacity: chunkCount)
        slots.initialize(repeating: nil, count: chunkCount)
    }

    deinit {
        slots.deinitialize(count: chunkCount)
        slots.deallocate()
    }

    func runWorker(_ w: Int) {
        var state = makeState()
        var c = w
        while c < chunkCount {
            slots[c] = work(&state, (c * count / chunkCount)..<((c + 1) * count / chunkCount))
            c += workers
        }
    }

    func take() -> [Result] { (0..<chunkCount).compactMap { slots[$0] } }
}
