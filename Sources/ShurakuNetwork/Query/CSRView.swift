/// Raw read-only pointers to one direction of a graph's arcs, valid inside `withCSR`.
struct CSRView {
    let nodeCount: Int
    let firstOut: UnsafePointer<Int32>
    let head: UnsafePointer<Int32>
    let seconds: UnsafePointer<Float32>
    let meters: UnsafePointer<Float32>
}

extension RoadGraph {
    /// Run `body` with pointers to the forward arcs (`reverse == false`) or the reverse arcs
    /// (arcs into each node, for travel times *towards* a node).
    func withCSR<R>(reverse: Bool, _ body: (CSRView) throws -> R) rethrows -> R {
        let fo = reverse ? firstIn : firstOut
        let hd = reverse ? tail : head
        let sc = reverse ? inSeconds : seconds
        let mt = reverse ? inMeters : meters
        return try fo.withUnsafeBufferPointer { f in
            try hd.withUnsafeBufferPointer { h in
                try sc.withUnsafeBufferPointer { s in
                    try mt.withUnsafeBufferPointer { m in
                        // Empty arrays may have a nil base address: substitute a dummy one.
                        let dummyI = UnsafePointer<Int32>(bitPattern: 8)!
                        let dummyF = UnsafePointer<Float32>(bitPattern: 8)!
                        return try body(CSRView(
                            nodeCount: nodeCount, firstOut: f.baseAddress ?? dummyI, head: h.baseAddress ?? dummyI,
                            seconds: s.baseAddress ?? dummyF, meters: m.baseAddress ?? dummyF))
                    }
                }
            }
        }
    }
}
