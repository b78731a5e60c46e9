import Foundation
import PortalModel
import Testing
@testable import SitegenCore

/// The pages a UK public-sector site must have (accessibility statement, privacy notice,
/// licence) and the open data under `data/`.
@Suite struct TrustPagesTests {
    static let siteWithStatement = """
        title: "Test portal: children's services"
        base_url: "https://portal.test/portal/"
        publisher: Test Council
        licence: ogl-3.0
        contact: { email: access@council.test, url: "https://council.test/contact" }
        accessibility:
          status: partially-compliant
          prepared: 2025-01-15
          reviewed: 2025-11-03
          known_issues: ["Search needs JavaScript.", "Linked PDFs are not ours & may not be accessible."]
        """

    /// A title with a comma, a double quote and a line break, to survive CSV and JSON.
    static let awkwardDocument = """
        ---
        title: "Ofsted, \\"good\\" news\\nand more"
        date: 2015-07
        kind: report
        publisher: Sunderland Echo
        rights: "© Sunderland Echo"
        themes: [early-help, children-in-care]
        ---
        Text of the report.

        > Words with "quotes", commas
        > and a second line.
        >
        > — Jill Colbert
        """

    private func site(statement: Bool = true) throws -> FixtureSite {
        var changes: [String: String?] = ["documents/2015-07-awkward.md": Self.awkwardDocument]
        if statement { changes["site.yml"] = Self.siteWithStatement }
        return try FixtureSite(replacing: changes)
    }

    @Test func theAccessibilityStatementSaysWhatTheRegulationsRequire() throws {
        let site = try site()
        defer { site.remove() }
        try site.build()
        let page = try site.page("accessibility/index.html")
        #expect(page.contains("This website is partially compliant with the Web Content Accessibility Guidelines version 2.2 AA standard, due to the non-compliances listed below."))
        #expect(page.contains("<li>Search needs JavaScript.</li><li>Linked PDFs are not ours &amp; may not be accessible.</li>"))
        #expect(page.contains("<a href=\"mailto:access@council.test\">access@council.test</a>"))
        #expect(page.contains("href=\"https://council.test/contact\""))
        #expect(page.contains("Equality and Human Rights Commission"))
        #expect(page.contains("<a href=\"https://www.equalityadvisoryservice.com/\">Equality Advisory and Support Service (EASS)</a>"))
        #expect(page.contains("Public Sector Bodies (Websites and Mobile Applications) (No. 2) Accessibility Regulations 2018"))
        #expect(page.contains("prepared on <time datetime=\"2025-01-15\">15 January 2025</time>"))
        #expect(page.contains("last reviewed on <time datetime=\"2025-11-03\">3 November 2025</time>"))
        for tool in ["Nu HTML Checker", "axe-core", "WCAG 2.2 AA", "link checker", "keyboard focus"] {
            #expect(page.contains(tool), "names the check \(tool)")
        }
    }

    @Test func eachStatusHasTheModelStatementsWording() throws {
        for (status, wording) in [
            ("fully-compliant", "This website is fully compliant with the Web Content Accessibility Guidelines version 2.2 AA standard."),
            ("not-compliant", "This website is not compliant with the Web Content Accessibility Guidelines version 2.2 AA standard. The non-compliances are listed below."),
        ] {
            let site = try FixtureSite(replacing: [
                "site.yml": Self.siteWithStatement.replacingOccurrences(of: "partially-compliant", with: status),
            ])
            defer { site.remove() }
            try site.build()
            let page = try site.page("accessibility/index.html")
            #expect(page.contains(wording))
            #expect(page.contains("Non-accessible content") == (status == "not-compliant"))
        }
    }

    @Test func withoutAStatementThePageStillSaysSo() throws {
        let site = try site(statement: false)
        defer { site.remove() }
        try site.build()
        let page = try site.page("accessibility/index.html")
        #expect(page.contains("No assessment of this website’s accessibility has been recorded yet."))
        #expect(page.contains("has not yet been assessed"))
        #expect(page.contains("contact Test Council"), "the publisher, without a contact in site.yml")
        #expect(try site.page("privacy/index.html").contains("contact Test Council"))
    }

    @Test func thePrivacyNoticeSaysWhatIsAndIsNotCollected() throws {
        let site = try site()
        defer { site.remove() }
        try site.build()
        let page = try site.page("privacy/index.html")
        for text in ["sets no cookies", "runs no third-party code", "no analytics", "IP address", "the time",
                     "the page asked for", "your browser", "retention policy", "mailto:access@council.test"] {
            #expect(page.contains(text), "says \(text)")
        }
    }

    @Test func everyPageLinksTheTrustPagesAndTheLicenceFromItsFooter() throws {
        let site = try site()
        defer { site.remove() }
        try site.build()
        let licence = "<a href=\"https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/\" rel=\"license\">Open Government Licence v3.0</a>"
        for (page, root) in [("index.html", ""), ("documents/index.html", "../"), ("data/index.html", "../"),
                             ("quotes/2015-07-awkward-1/index.html", "../../")] {
            let html = try site.page(page)
            for target in ["accessibility", "privacy", "data"] {
                #expect(html.contains("<a href=\"\(root)\(target)/index.html\">"), "\(page) links \(target)/")
            }
            #expect(html.contains(licence), "\(page) names the licence")
        }
        let notFound = try site.page("404.html")
        for target in ["accessibility", "privacy", "data"] {
            #expect(notFound.contains("<a href=\"/portal/\(target)/\">"), "the 404 page links \(target)/ from the root")
        }
        let sitemap = try site.page("sitemap.xml")
        for target in ["accessibility", "privacy", "data"] {
            #expect(sitemap.contains("<loc>https://portal.test/portal/\(target)/</loc>"))
        }
    }

    @Test func aDocumentPageShowsItsRightsHolder() throws {
        let site = try site()
        defer { site.remove() }
        try site.build()
        let page = try site.page("documents/2015-07-awkward/index.html")
        #expect(page.contains("<dt>Rights</dt><dd>© Sunderland Echo (the Open Government Licence v3.0 covers the portal’s own text, not this document)</dd>"))
        #expect(try site.page("documents/2021-05-11-progress/index.html").contains("<dt>Rights</dt><dd>© Together for Children"))
    }

    @Test func checkWarnsWhenTheStatementWasReviewedMoreThanAYearAgo() throws {
        let site = try site()
        defer { site.remove() }
        func reminders(_ today: String) -> [String] {
            SiteBuilder.check(content: site.content, today: Day(today)!)
                .filter { $0.severity == .warning && $0.message.contains("last reviewed") }
                .map { $0.description.replacingOccurrences(of: site.content + "/", with: "") }
        }
        #expect(reminders("2026-11-03") == [], "exactly a year is not stale")
        #expect(reminders("2026-11-04") == [
            "site.yml:9:1: warning: the accessibility statement was last reviewed on 2025-11-03, more than a year ago; "
                + "review it, then set 'reviewed' to the date of the review",
        ])
        #expect(ContentFiles.staleReview(Day("2024-02-29")!, today: Day("2025-02-28")!, path: "s", line: 1) == nil)
        #expect(ContentFiles.staleReview(Day("2024-02-29")!, today: Day("2025-03-01")!, path: "s", line: 1) != nil)
    }

    @Test func theCSVFilesFollowRFC4180AndKeepEveryCharacter() throws {
        let site = try site()
        defer { site.remove() }
        try site.build()
        for file in ["visits", "documents", "quotes"] {
            let bytes = try #require(FileManager.default.contents(atPath: "\(site.output)/data/\(file).csv"))
            let text = try #require(String(data: bytes, encoding: .utf8))
            #expect(text.hasSuffix("\r\n"))
            let records = try #require(Self.parseCSV(text), "\(file).csv parses")
            #expect(Set(records.map(\.count)).count == 1, "every record of \(file).csv has the header's fields")
        }
        let documents = try #require(Self.parseCSV(try site.page("data/documents.csv")))
        #expect(documents[0] == ["slug", "title", "date", "kind", "publisher", "visit", "themes", "source_url",
                                 "summary", "rights", "updated", "url"])
        #expect(documents.count == 4)
        let awkward = try #require(documents.first { $0[0] == "2015-07-awkward" })
        #expect(awkward[1] == "Ofsted, \"good\" news\nand more")
        #expect(awkward[2] == "2015-07", "the date as written")
        #expect(awkward[6] == "early-help;children-in-care")
        #expect(awkward[9] == "© Sunderland Echo")
        #expect(awkward[11] == "https://portal.test/portal/documents/2015-07-awkward/")
        let quotes = try #require(Self.parseCSV(try site.page("data/quotes.csv")))
        #expect(quotes[0] == ["id", "words", "speaker", "role", "date", "document", "visit", "themes", "url"])
        let quote = try #require(quotes.first { $0[0] == "2015-07-awkward-1" })
        #expect(quote[1] == "Words with “quotes”, commas and a second line.")
        #expect(quote[2] == "Jill Colbert" && quote[4] == "2015-07" && quote[5] == "2015-07-awkward")
        let visits = try #require(Self.parseCSV(try site.page("data/visits.csv")))
        #expect(visits[0] == ["slug", "title", "kind", "start", "end", "published", "judgement", "report_url", "url"])
        #expect(visits.contains(["2021-03-focused-visit", "Focused visit", "focused-visit", "2021-03-24", "2021-03-25",
                                 "2021-05-11", "outstanding", "", "https://portal.test/portal/visits/2021-03-focused-visit/"]))
    }

    @Test func portalJSONHoldsTheWholeModel() throws {
        let site = try site()
        defer { site.remove() }
        try site.build()
        let data = try #require(FileManager.default.contents(atPath: "\(site.output)/data/portal.json"))
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect((json["visits"] as? [Any])?.count == 2)
        #expect((json["documents"] as? [Any])?.count == 3)
        #expect((json["quotes"] as? [Any])?.count == 4)
        #expect((json["speakers"] as? [Any])?.count == 2)
        #expect((json["themes"] as? [Any])?.count == 2)
        let siteJSON = try #require(json["site"] as? [String: Any])
        #expect((siteJSON["licence"] as? [String: Any])?["id"] as? String == "ogl-3.0")
        #expect((siteJSON["accessibility"] as? [String: Any])?["status"] as? String == "partially-compliant")
        let documents = try #require(json["documents"] as? [[String: Any]])
        let awkward = try #require(documents.first { $0["slug"] as? String == "2015-07-awkward" })
        #expect(awkward["title"] as? String == "Ofsted, \"good\" news\nand more")
        #expect(awkward["date"] as? String == "2015-07")
        #expect(awkward["themes"] as? [String] == ["early-help", "children-in-care"])
        #expect(awkward["visit"] is NSNull)
        #expect(awkward["body"] == nil, "no bodies")
        let visits = try #require(json["visits"] as? [[String: Any]])
        let focused = try #require(visits.first { $0["slug"] as? String == "2021-03-focused-visit" })
        #expect((focused["judgements"] as? [[String: String]]) == [["area": "Experiences and progress of care leavers", "grade": "good"]])
    }

    @Test func theDataPageLinksAndDescribesEveryFile() throws {
        let site = try site()
        defer { site.remove() }
        try site.build()
        let page = try site.page("data/index.html")
        for file in ["visits.csv", "documents.csv", "quotes.csv", "portal.json"] {
            #expect(page.contains("<a href=\"../data/\(file)\">\(file)</a>"))
        }
        for column in ["report_url", "source_url", "rights", "words", "speaker"] {
            #expect(page.contains("<code>\(column)</code></th>"), "describes \(column)")
        }
    }

    @Test func twoBuildsGiveByteIdenticalData() throws {
        let site = try site()
        defer { site.remove() }
        try site.build()
        let first = FixtureSite.snapshot(site.output)
        let clean = try site.cleanBuild(workers: 1)
        for file in ["data/visits.csv", "data/documents.csv", "data/quotes.csv", "data/portal.json"] {
            #expect(first[file] != nil && first[file] == clean[file], "\(file) is byte-identical")
        }
    }

    /// RFC 4180 records, or nil when the text breaks its rules (a bare quote, a lone CR or LF, no final CRLF).
    static func parseCSV(_ text: String) -> [[String]]? {
        var records: [[String]] = []
        var record: [String] = []
        var field = ""
        var scalars = Array(text.unicodeScalars)[...]
        var quoted = false
        var atFieldStart = true
        while let scalar = scalars.popFirst() {
            if quoted {
                if scalar == "\"" {
                    if scalars.first == "\"" { scalars.removeFirst(); field.unicodeScalars.append("\"") } else { quoted = false }
                } else {
                    field.unicodeScalars.append(scalar)
                }
                continue
            }
            switch scalar {
            case "\"":
                guard atFieldStart else { return nil }
                quoted = true
                atFieldStart = false
            case ",":
                record.append(field)
                field = ""
                atFieldStart = true
            case "\r":
                guard scalars.popFirst() == "\n" else { return nil }
                record.append(field)
                records.append(record)
                (record, field, atFieldStart) = ([], "", true)
            case "\n":
                return nil
            default:
                field.unicodeScalars.append(scalar)
                atFieldStart = false
            }
        }
        return quoted || !record.isEmpty || !field.isEmpty ? nil : records
    }
}
