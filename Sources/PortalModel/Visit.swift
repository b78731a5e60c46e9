/// What sort of Ofsted visit a visit was.
public enum VisitKind: String, CaseIterable, Sendable {
    case inspection
    case monitoringVisit = "monitoring-visit"
    case focusedVisit = "focused-visit"
    case other

    /// "Monitoring visit".
    public var title: String {
        switch self {
        case .inspection: "Inspection"
        case .monitoringVisit: "Monitoring visit"
        case .focusedVisit: "Focused visit"
        case .other: "Visit"
        }
    }
}

/// One Ofsted inspection or visit, from `content/visits/<slug>.md`.
public struct Visit: Sendable {
    public let slug: String
    public let title: String
    public let kind: VisitKind
    public let start: Day
    /// The last day; equal to `start` for a one-day visit.
    public let end: Day
    /// When the letter or report came out, if known.
    public let published: Day?
    public let judgement: Judgement?
    public let judgements: [GradedArea]
    public let inspectors: [String]
    public let reportURL: String?
    /// The summary, rendered by cmark.
    public let summaryHTML: String

    public init(slug: String, title: String, kind: VisitKind, start: Day, end: Day, published: Day?,
                judgement: Judgement?, judgements: [GradedArea], inspectors: [String], reportURL: String?,
                summaryHTML: String) {
        self.slug = slug
        self.title = title
        self.kind = kind
        self.start = start
        self.end = end
        self.published = published
        self.judgement = judgement
        self.judgements = judgements
        self.inspectors = inspectors
        self.reportURL = reportURL
        self.summaryHTML = summaryHTML
    }
}
