import PortalModel

/// The journey as an inline SVG chart of every visit over time: judged visits as filled
/// points on their judgement's line, the others as hollow points on a line of their own
/// ("no judgement given in the documents"), so the chart never suggests a steady climb the
/// documents do not show. Lines are labelled directly, and a table says the same in text.
///
/// The drawing is 360 units wide and never shown wider than 32rem, so at 320 px its 18-unit
/// text is still about 14 px (85% of the body's) and its markers 14 px across.
enum JourneyChart {
    private static let width = 360.0
    private static let left = 8.0
    private static let right = 16.0
    private static let top = 8.0
    private static let lane = 54.0
    private static let axis = 34.0
    private static let unjudged = "No judgement given in the documents"

    static func render(_ visits: [Visit], _ context: PageContext) -> HTML {
        guard let first = visits.first, let last = visits.last else {
            return "<p>No visit is recorded yet.</p>"
        }
        let firstYear = first.start.year
        let lastYear = max(last.start.year + 1, firstYear + 1)
        let plotWidth = width - left - right - 44
        let lanes = Judgement.allCases.count + 1
        let height = top + lane * Double(lanes) + axis
        func x(_ day: Day) -> Double {
            let fraction = Double(day.year - firstYear) + Double(day.month - 1) / 12 + Double(day.day - 1) / 365
            return left + 22 + plotWidth * fraction / Double(lastYear - firstYear)
        }
        /// The line a visit sits on: 0 for outstanding at the top, the last for "no judgement".
        func laneIndex(_ judgement: Judgement?) -> Int {
            judgement.map { Judgement.allCases.count - $0.rank } ?? Judgement.allCases.count
        }
        func y(_ judgement: Judgement?) -> Double { top + lane * (Double(laneIndex(judgement)) + 0.75) }
        let levels = (Judgement.allCases.reversed().map(Optional.some) + [nil]).html { judgement -> HTML in
            let line = format(y(judgement))
            let label = judgement?.title ?? unjudged
            return """
            <line class="grid" x1="\(format(left))" y1="\(line)" x2="\(format(width - right))" y2="\(line)"/>\
            <text class="level" x="\(format(left))" y="\(format(y(judgement) - 16))">\(label)</text>
            """
        }
        let step = max(1, (lastYear - firstYear + 3) / 4)
        let years = stride(from: firstYear, through: lastYear, by: step).html { year in
            let position = format(x(Day(year: year, month: 1, day: 1)!))
            return "<text class=\"year\" x=\"\(position)\" y=\"\(format(height - 8))\" text-anchor=\"middle\">\(year)</text>"
        }
        let markers = visits.html { visit -> HTML in
            let kind = visit.judgement.map { "point point-\($0.rawValue)" } ?? "point point-none"
            return """
            <circle class="\(kind)" cx="\(format(x(visit.start)))" cy="\(format(y(visit.judgement)))" r="9">\
            <title>\(visit.kind.title), \(visit.start.monthText): \(visit.judgement?.title ?? unjudged.lowercased())</title></circle>
            """
        }
        let judged = visits.filter { $0.judgement != nil }
        let summary = "Overall judgements "
            + judged.map { "\($0.judgement!.title.lowercased()) in \($0.start.monthText)" }.joined(separator: ", ")
            + "; \(Components.counted(visits.count - judged.count, "other visit")) with no judgement given in the documents."
        let rows = visits.html { visit -> HTML in
            """
            <tr><td><a href="\(context.href(.visit(visit.slug)))">\(visit.kind.title), \(Components.month(visit.start))</a></td>\
            <td>\(visit.judgement.map(Components.badge) ?? "No judgement given in the documents")</td></tr>
            """
        }
        return """
        <figure class="chart">
        <svg viewBox="0 0 \(format(width)) \(format(height))" role="img" aria-labelledby="chart-title chart-desc">
        <title id="chart-title">Ofsted's overall judgement at each visit in the documents</title>
        <desc id="chart-desc">\(summary)</desc>
        \(levels)\(years)\(markers)
        </svg>
        <figcaption>\(summary) The documents mention other visits that are not recorded here.</figcaption>
        </figure>
        <table class="journey-table">
        <caption>Visits in the documents, oldest first</caption>
        <thead><tr><th scope="col">Visit</th><th scope="col">Overall judgement</th></tr></thead>
        <tbody>\(rows)</tbody>
        </table>
        """
    }

    /// A coordinate with at most one decimal, so output is short and deterministic.
    private static func format(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        return tenths % 10 == 0 ? String(tenths / 10) : "\(tenths / 10).\(abs(tenths % 10))"
    }
}
