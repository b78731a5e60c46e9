/// Ofsted's four-point grade, worst first.
public enum Judgement: String, CaseIterable, Comparable, Sendable {
    case inadequate
    case requiresImprovement = "requires-improvement"
    case good
    case outstanding

    /// The grade as Ofsted writes it: "Requires improvement".
    public var title: String {
        switch self {
        case .inadequate: "Inadequate"
        case .requiresImprovement: "Requires improvement"
        case .good: "Good"
        case .outstanding: "Outstanding"
        }
    }

    /// 1 (inadequate) to 4 (outstanding), for charts.
    public var rank: Int { Judgement.allCases.firstIndex(of: self)! + 1 }

    public static func < (lhs: Judgement, rhs: Judgement) -> Bool { lhs.rank < rhs.rank }
}

/// One graded area of an inspection, such as care leavers' experiences.
public struct GradedArea: Hashable, Sendable {
    public let area: String
    public let grade: Judgement

    public init(area: String, grade: Judgement) {
        self.area = area
        self.grade = grade
    }
}
