/// The sparse correction table `extra(i, r)` of ``FastSwap``: for each facility `i`, the open
/// facilities `r` with a non-zero correction and its value.
///
/// All rows live in one flat buffer of `width` slots per facility (a row's entries are
/// `row(i)`), so the hot update touches no nested arrays; the width doubles when a row fills.
/// A row holds at most one entry per open facility, and in practice far fewer.
struct SwapExtras {
    private(set) var width = 4
    private var count: [Int32]
    /// Facility `r` of each slot.
    private(set) var facility: [Int32]
    /// Value of each slot.
    private(set) var value: [Score]

    init(facilityCount n: Int) {
        count = [Int32](repeating: 0, count: n)
        facility = [Int32](repeating: -1, count: n * width)
        value = [Score](repeating: .zero, count: n * width)
    }

    /// The slots in use by row `i`.
    @inline(__always)
    func row(_ i: Int) -> Range<Int> { i * width..<(i * width + Int(count[i])) }

    /// `extra(i, r)`, zero when absent.
    func value(_ i: Int, _ r: Int) -> Score {
        let r32 = Int32(r)
        for e in row(i) where facility[e] == r32 { return value[e] }
        return .zero
    }

    /// Adds `v` to (or, when not `adding`, subtracts it from) `extra(i, r)`; an entry that
    /// comes back to zero is removed (the row's last entry takes its slot).
    @inline(__always)
    mutating func add(_ i: Int, _ r: Int, _ v: Score, _ adding: Bool) {
        if v == .zero { return }
        let r32 = Int32(r)
        let slots = row(i)
        var e = slots.lowerBound
        while e < slots.upperBound && facility[e] != r32 { e += 1 }
        if e < slots.upperBound {
            let nv = adding ? value[e] + v : value[e] - v
            if nv == .zero {
                let last = slots.upperBound - 1
                facility[e] = facility[last]
                value[e] = value[last]
                count[i] -= 1
            } else {
                value[e] = nv
            }
            return
        }
        if slots.count == width { widen() }
        let slot = i * width + Int(count[i])
        facility[slot] = r32
        value[slot] = adding ? v : Score.zero - v
        count[i] += 1
    }

    /// Doubles the slots per row, keeping every entry.
    private mutating func widen() {
        let n = count.count
        let newWidth = width * 2
        var newFacility = [Int32](repeating: -1, count: n * newWidth)
        var newValue = [Score](repeating: .zero, count: n * newWidth)
        for i in 0..<n {
            for k in 0..<Int(count[i]) {
                newFacility[i * newWidth + k] = facility[i * width + k]
                newValue[i * newWidth + k] = value[i * width + k]
            }
        }
        facility = newFacility
        value = newValue
        width = newWidth
    }
}
