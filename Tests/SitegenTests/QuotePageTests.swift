import Foundation
import Testing
@testable import SitegenCore

/// A quote's own page, made to be shared (issue 19.5): a title and heading that tell quotes apart.
@Suite struct QuotePageTests {
    /// Two long quotes by one speaker, whose headings must differ.
    static let twoQuotes = """
        ---
        title: Two quotes
        date: 2022-03-01
        kind: press-release
        publisher: Together for Children
        themes: [early-help]
        ---
        Jill Colbert said twice what she thought.

        > We are delighted that inspectors recognised how hard our staff have worked for children and families.
        >
        > — Jill Colbert

        > We are delighted, too, that families told inspectors the help they got made a real difference.
        >
        > — Jill Colbert
        """

    private func site() throws -> FixtureSite {
        try FixtureSite(replacing: ["documents/2022-03-01-two.md": Self.twoQuotes])
    }

    @Test func theTitleAndHeadingNameTheSpeakerAndTheOpeningWordsCutAtAWord() throws {
        let site = try site()
        defer { site.remove() }
        try site.build()
        let first = try site.page("quotes/2022-03-01-two-1/index.html")
        let heading = "Jill Colbert: “We are delighted that inspectors recognised how hard our staff have…”"
        #expect(first.contains("<h1>\(heading)</h1>"))
        #expect(first.contains("<title>\(heading) – Test portal: children&#39;s services</title>"))
        #expect(first.contains("<meta property=\"og:title\" content=\"\(heading)\">"))
        let second = try site.page("quotes/2022-03-01-two-2/index.html")
        #expect(second.contains("<h1>Jill Colbert: “We are delighted, too, that families told inspectors the help they…”</h1>"))
        let short = try site.page("quotes/2017-11-16-sustained-1/index.html")
        #expect(short.contains("<h1>Jill Colbert: “It is encouraging to see progress.”</h1>"), "short words are whole, without …")
    }
}
