/// One queue slot: a node and its key.
struct QueueSlot {
    var key: Float32
    var node: Int32
}

/// A 4-ary min-heap with decrease-key over workspace buffers, kept as a local value during a
/// search; each node's slot index is written to its `heapPos`.
struct MinQueue {
    let slots: UnsafeMutablePointer<QueueSlot>
    let state: UnsafeMutablePointer<DijkstraWorkspace.NodeState>
    var count = 0

    @inline(__always) mutating func push(_ v: Int, _ key: Float32) {
        let i = count
        count += 1
        siftUp(i, v, key)
    }

    /// Move node `v` with (new, smaller) `key` up from slot `start`.
    @inline(__always) func siftUp(_ start: Int, _ v: Int, _ key: Float32) {
        var i = start
        while i > 0 {
            let p = (i - 1) >> 2
            let ps = slots[p]
            if ps.key <= key { break }
            slots[i] = ps
            state[Int(ps.node)].heapPos = Int32(i)
            i = p
        }
        slots[i] = QueueSlot(key: key, node: Int32(v))
        state[v].heapPos = Int32(i)
    }

    /// Remove and return the node with the smallest key.
    @inline(__always) mutating func popMin() -> (Int, Float32) {
        let top = slots[0]
        count -= 1
        let n = count
        if n > 0 {
            let last = slots[n]
            var i = 0
            while true {
                let c0 = 4 * i + 1
                if c0 >= n { break }
                var best = c0
                var bk = slots[c0].key
                let cEnd = Swift.min(c0 + 4, n)
                var c = c0 + 1
                while c < cEnd {
                    let k = slots[c].key
                    if k < bk {
                        bk = k
                        best = c
                    }
                    c += 1
                }
                if bk >= last.key { break }
                let bs = slots[best]
                slots[i] = bs
                state[Int(bs.node)].heapPos = Int32(i)
                i = best
            }
            slots[i] = last
            state[Int(last.node)].heapPos = Int32(i)
        }
        return (Int(top.node), top.key)
    }
}
