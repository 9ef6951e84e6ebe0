/// Raw read-only pointers to one direction of a graph's arcs, valid inside `withCSR`.
struct CSRView {
    let nodeCount: Int
    let firstOut: UnsafePointer<Int32>
    let arcs: UnsafePointer<PackedArc>
}

extension RoadGraph {
    /// Run `body` with pointers to the forward arcs (`reverse == false`) or the reverse arcs
    /// (arcs into each node, for travel times *towards* a node).
    func withCSR<R>(reverse: Bool, _ body: (CSRView) throws -> R) rethrows -> R {
        let fo = reverse ? firstIn : firstOut
        let arcs = reverse ? packedIn : packedOut
        return try fo.withUnsafeBufferPointer { f in
            try arcs.withUnsafeBufferPointer { a in
                // An empty array may have no base address; nothing is read through it then.
                let dummyI = UnsafePointer<Int32>(bitPattern: 8)!
                let dummyA = UnsafePointer<PackedArc>(bitPattern: 8)!
                return try body(
                    CSRView(
                        nodeCount: nodeCount, firstOut: f.baseAddress ?? dummyI,
                        arcs: a.baseAddress ?? dummyA))
            }
        }
    }
}

/// Raw pointers to a ``SinkTable``, valid inside `withSinks`.
struct SinkView {
    let start: UnsafePointer<Int32>
    let entries: UnsafePointer<SinkEntry>
}

extension SinkTable {
    func withView<R>(_ body: (SinkView) throws -> R) rethrows -> R {
        try start.withUnsafeBufferPointer { s in
            try entries.withUnsafeBufferPointer { e in
                let dummyI = UnsafePointer<Int32>(bitPattern: 8)!
                let dummyE = UnsafePointer<SinkEntry>(bitPattern: 8)!
                return try body(SinkView(start: s.baseAddress ?? dummyI, entries: e.baseAddress ?? dummyE))
            }
        }
    }
}
