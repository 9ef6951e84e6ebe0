/// Where road lines are joined into junctions.
public enum JunctionRule: String, CaseIterable, Hashable, Sendable {
    /// Only at shared vertices (identical coordinates) and near-miss ends within the snap tolerance.
    case vertices
    /// Also where two lines cross without a shared vertex, unless the crossing is a grade
    /// separation (``GradeSeparation``): both lines are split at the crossing point.
    case crossings
}
