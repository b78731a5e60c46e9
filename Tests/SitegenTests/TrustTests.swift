import Foundation
import PortalModel
import Testing
@testable import SitegenCore

/// Pages claim no more than the content backs (issue 18): dates as precise as written,
/// every visit on the chart, and the home page telling the journey.
@Suite struct TrustTests {
    private static let monthVisit = """
        ---
        title: Monitoring visit, mid-October 2017
        kind: monitoring-visit
        start: 2017-10
        ---
        Only the month is known.
        """

    @Test func aDateWrittenByMonthOrYearIsShownAndMarkedUpThatPrecisely() throws {
        let document = "---\ntitle: Undated letter\ndate: 2019\nkind: ofsted-letter\nvisit: 2017-10-monitoring-visit\n---\nText.\n"
        let site = try FixtureSite(replacing: ["visits/2017-10-monitoring-visit.md": Self.monthVisit,
                                               "documents/2019-undated-letter.md": document])
        defer { site.remove() }
        try site.build()
        let visit = try site.page("visits/2017-10-monitoring-visit/index.html")
        #expect(visit.contains("<time datetime=\"2017-10\">October 2017</time>"))
        #expect(!visit.contains("1 October 2017"))
        let letter = try site.page("documents/2019-undated-letter/index.html")
        #expect(letter.contains("<time datetime=\"2019\">2019</time>"))
        for page in ["index.html", "timeline/index.html", "visits/index.html", "documents/index.html"] {
            let text = try site.page(page)
            #expect(!text.contains("1 October 2017") && !text.contains("1 January 2019"), "\(page)")
        }
        let feed = try site.page("feed.xml")
        #expect(feed.contains("<published>2019-01-01T00:00:00Z</published>"))
        #expect(XMLCheck.isWellFormed(feed))
        let timeline = try site.page("timeline/index.html")
        let order = ["2015-07-inspection", "2017-10-monitoring-visit", "2017-11-16-sustained", "2019-undated-letter"]
            .map { timeline.range(of: $0)!.lowerBound }
        #expect(order == order.sorted())
    }

    @Test func theChartShowsUnjudgedVisitsAsHollowPointsAndClaimsNoCompleteness() throws {
        let site = try FixtureSite(replacing: ["visits/2017-10-monitoring-visit.md": Self.monthVisit])
        defer { site.remove() }
        try site.build()
        let home = try site.page("index.html")
        #expect(home.components(separatedBy: "class=\"point point-none\"").count == 2)
        #expect(home.contains("No judgement given in the documents"))
        #expect(!home.contains("<path class=\"journey\""))
        for page in ["visits/index.html", "timeline/index.html"] {
            #expect(try site.page(page).contains("not recorded here"))
        }
        #expect(!(try site.page("visits/index.html")).contains("Every Ofsted inspection"))
    }

    @Test func theHomePageHeadingTellsTheJourneyAndDatesAreNotRepeated() throws {
        let reported = """
            ---
            title: Inspection, reported March 2025
            kind: inspection
            start: 2025-03
            judgement: outstanding
            ---
            Outstanding again.
            """
        let site = try FixtureSite(replacing: ["visits/2025-inspection.md": reported])
        defer { site.remove() }
        try site.build()
        let home = try site.page("index.html")
        #expect(home.contains("<h1>From inadequate to outstanding</h1>"))
        #expect(home.contains("<ol class=\"journey-strip\""))
        #expect(home.contains("reported March 2025</a>.</p>"))
        #expect(!home.contains("reported March 2025</a>, <time"))
    }

    @Test func theRealContentShowsNoDayTheSourcesDoNotGive() throws {
        let content = "\(PortalContentTests.repository)/content"
        let portal = try SiteBuilder.load(content: content, includeDrafts: false).get()
        let byMonth = ["2015-07-inspection", "2017-06-monitoring-visit", "2017-10-monitoring-visit", "2018-07-inspection", "2025-inspection"]
        for slug in byMonth {
            #expect(portal.visit(slug)?.start.precision == .month, "\(slug)")
        }
    }
}
