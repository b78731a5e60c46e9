import PortalModel

/// The journey as an inline SVG chart of overall judgements over time, with a table that says the same in text.
enum JourneyChart {
    private static let width = 520.0
    private static let height = 260.0
    private static let left = 140.0
    private static let right = 20.0
    private static let top = 20.0
    private static let bottom = 40.0

    static func render(_ visits: [Visit], _ context: PageContext) -> HTML {
        guard let first = visits.first, let last = visits.last else {
            return "<p>No inspection has been judged yet.</p>"
        }
        let firstYear = first.start.year
        let lastYear = max(last.start.year + 1, firstYear + 1)
        let plotWidth = width - left - right
        let plotHeight = height - top - bottom
        func x(_ day: Day) -> Double {
            let fraction = (Double(day.year - firstYear) + Double(day.month - 1) / 12 + Double(day.day - 1) / 365)
            return left + plotWidth * fraction / Double(lastYear - firstYear)
        }
        func y(_ judgement: Judgement) -> Double {
            top + plotHeight * Double(Judgement.allCases.count - judgement.rank) / Double(Judgement.allCases.count - 1)
        }
        let levels = Judgement.allCases.html { judgement in
            let level = format(y(judgement))
            let words = judgement.title.split(separator: " ").map(String.init)
            let label = words.enumerated().html { index, word in
                let dy = index == 0 ? (words.count == 1 ? "0.35em" : "-0.2em") : "1.1em"
                return "<tspan x=\"\(format(left - 10))\" dy=\"\(dy)\">\(word)</tspan>"
            }
            return """
            <line class="grid" x1="\(format(left))" y1="\(level)" x2="\(format(width - right))" y2="\(level)"/>\
            <text class="level" y="\(level)" text-anchor="end">\(label)</text>
            """
        }
        let years = stride(from: firstYear, through: lastYear, by: max(1, (lastYear - firstYear + 7) / 8)).html { year in
            let position = format(x(Day(year: year, month: 1, day: 1)!))
            return "<text class=\"year\" x=\"\(position)\" y=\"\(format(height - 12))\" text-anchor=\"middle\">\(year)</text>"
        }
        let points = visits.compactMap { visit in visit.judgement.map { (visit, $0) } }
        let path = points.enumerated().map { index, point in
            "\(index == 0 ? "M" : "L")\(format(x(point.0.start))) \(format(y(point.1)))"
        }.joined(separator: " ")
        let markers = points.html { visit, judgement in
            "<circle class=\"point point-\(judgement.rawValue)\" cx=\"\(format(x(visit.start)))\" cy=\"\(format(y(judgement)))\" r=\"6\"/>"
        }
        let summary = "Overall judgements from \(first.start.year) to \(last.start.year): "
            + points.map { "\($0.1.title.lowercased()) in \($0.0.start.monthText)" }.joined(separator: ", ") + "."
        let rows = points.html { visit, judgement in
            """
            <tr><td><a href="\(context.href(.visit(visit.slug)))">\(visit.kind.title), \(visit.start.monthText)</a></td>\
            <td>\(Components.badge(judgement))</td></tr>
            """
        }
        return """
        <figure class="chart">
        <svg viewBox="0 0 \(format(width)) \(format(height))" role="img" aria-labelledby="chart-title chart-desc">
        <title id="chart-title">Ofsted's overall judgement at each inspection</title>
        <desc id="chart-desc">\(summary)</desc>
        \(levels)\(years)<path class="journey" d="\(path)"/>\(markers)
        </svg>
        <figcaption>\(summary)</figcaption>
        </figure>
        <table class="journey-table">
        <caption>Overall judgements, oldest first</caption>
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
