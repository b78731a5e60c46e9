import Foundation
import PortalModel
import Testing
@testable import SitegenCore
@testable import Templates

/// Where words come from, structured data and last updates (issue 18, items 2, 7 and 8).
@Suite struct TrustMetadataTests {
    /// The JSON-LD of a page, parsed, and its text as written.
    private func structuredData(_ page: String, sourceLocation: SourceLocation = #_sourceLocation) throws
        -> (object: [String: Any], text: String) {
        let open = "<script type=\"application/ld+json\">"
        let start = try #require(page.range(of: open), sourceLocation: sourceLocation)
        let end = try #require(page.range(of: "</script>", range: start.upperBound..<page.endIndex),
                               sourceLocation: sourceLocation)
        let text = String(page[start.upperBound..<end.lowerBound])
        let parsed = try JSONSerialization.jsonObject(with: Data(text.utf8))
        return (try #require(parsed as? [String: Any], sourceLocation: sourceLocation), text)
    }

    @Test func aQuoteFromAnotherPublishersDocumentSaysWhereItWasQuoted() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        try site.build()
        let ofsted = try site.page("quotes/2021-05-11-progress-2/index.html")
        #expect(ofsted.contains("<br>as quoted in <a href=\"../../documents/2021-05-11-progress/index.html#quote-2\">"
            + "Ofsted finds that progress is evident</a> (Together for Children, <time datetime=\"2021-05-11\">11 May 2021</time>)</figcaption>"))
        #expect(!(try site.page("quotes/2021-05-11-progress-1/index.html")).contains("as quoted in"),
                "Jill Colbert speaks for Together for Children, which published the document")
        #expect(!(try site.page("quotes/2017-11-16-sustained-1/index.html")).contains("as quoted in"),
                "a document without a publisher says nothing of one")
    }

    @Test func aSpeakerBelongsToTheirOrganisationByNameOrWithAGloss() {
        let inspectors = Speaker(slug: "i", name: "Ofsted inspectors", role: nil,
                                 organisation: "Ofsted (the Office for Standards in Education)", aliases: [])
        #expect(inspectors.belongs(to: "Ofsted") && inspectors.belongs(to: "ofsted"))
        #expect(inspectors.belongs(to: "Ofsted (the Office for Standards in Education)"))
        #expect(!inspectors.belongs(to: "Together for Children"))
        #expect(!Speaker(slug: "n", name: "No one", role: nil, organisation: nil, aliases: []).belongs(to: "Ofsted"))
    }

    @Test func aVisitLinksItsReport() throws {
        let path = "visits/2015-07-inspection.md"
        let site = try FixtureSite(replacing: [path: FixtureSite.standardFiles[path]!.replacingOccurrences(
            of: "judgement: inadequate", with: "judgement: inadequate\nreport_url: https://reports.ofsted.gov.uk/provider/44/80545")])
        defer { site.remove() }
        try site.build()
        #expect(try site.page("visits/2015-07-inspection/index.html").contains(
            "<dt>Report</dt><dd><a href=\"https://reports.ofsted.gov.uk/provider/44/80545\" rel=\"external\">Read the report on Ofsted’s website</a></dd>"))
        #expect(!(try site.page("visits/2021-03-focused-visit/index.html")).contains("<dt>Report</dt>"))
        #expect(VisitPages.reportLinkText("https://example.org/r.pdf") == "Read the report on example.org")
    }

    @Test func documentPagesDescribeThemselvesInJSONLD() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        try site.write("documents/2021-05-11-letter.md", """
            ---
            title: Focused visit letter
            date: 2021-05
            kind: ofsted-letter
            publisher: Ofsted
            source_url: https://files.ofsted.gov.uk/letter.pdf
            ---
            Dear Ms Colbert.
            """)
        try site.build()
        let (release, _) = try structuredData(try site.page("documents/2021-05-11-progress/index.html"))
        #expect(release["@context"] as? String == "https://schema.org")
        #expect(release["@type"] as? String == "NewsArticle")
        #expect(release["headline"] as? String == "Ofsted finds that progress is evident")
        #expect(release["datePublished"] as? String == "2021-05-11")
        #expect(release["dateModified"] == nil)
        #expect((release["publisher"] as? [String: Any])?["@type"] as? String == "Organization")
        #expect((release["publisher"] as? [String: Any])?["name"] as? String == "Together for Children")
        #expect((release["author"] as? [String: Any])?["name"] as? String == "Together for Children")
        #expect(release["url"] as? String == "https://example.org/portal/documents/2021-05-11-progress/")
        #expect(release["inLanguage"] as? String == "en-GB")
        let (letter, _) = try structuredData(try site.page("documents/2021-05-11-letter/index.html"))
        #expect(letter["@type"] as? String == "Report")
        #expect(letter["datePublished"] as? String == "2021-05")
        #expect(letter["isBasedOn"] as? String == "https://files.ofsted.gov.uk/letter.pdf")
        let (unpublished, _) = try structuredData(try site.page("documents/2017-11-16-sustained/index.html"))
        #expect(unpublished["publisher"] == nil && unpublished["author"] == nil)
    }

    @Test func quotePagesDescribeTheQuotationInJSONLD() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        try site.build()
        let (quote, _) = try structuredData(try site.page("quotes/2021-05-11-progress-1/index.html"))
        #expect(quote["@type"] as? String == "Quotation")
        #expect(quote["text"] as? String == "We welcome the findings of Ofsted’s most recent focused visit.")
        let creator = try #require(quote["creator"] as? [String: Any])
        #expect(creator["@type"] as? String == "Person")
        #expect(creator["name"] as? String == "Jill Colbert")
        #expect(creator["jobTitle"] as? String == "Chief Executive at Together for Children")
        #expect((creator["worksFor"] as? [String: Any])?["name"] as? String == "Together for Children")
        let document = try #require(quote["isPartOf"] as? [String: Any])
        #expect(document["@type"] as? String == "CreativeWork")
        #expect(document["name"] as? String == "Ofsted finds that progress is evident")
        #expect(document["url"] as? String == "https://example.org/portal/documents/2021-05-11-progress/")
        #expect(quote["datePublished"] as? String == "2021-05-11")
        #expect(quote["url"] as? String == "https://example.org/portal/quotes/2021-05-11-progress-1/")
    }

    @Test func aHostileTitleStaysInertInsideTheScript() throws {
        let hostile = "</script><script>alert(1)</script> & <!-- \u{2028}"
        let site = try FixtureSite()
        defer { site.remove() }
        try site.write("documents/2022-01-01-x.md", """
            ---
            title: "</script><script>alert(1)</script> & <!-- \\u2028"
            date: 2022-01-01
            kind: article
            publisher: Test Council
            ---
            Body.

            > Words.
            >
            > — Ofsted
            """)
        try site.build()
        for path in ["documents/2022-01-01-x/index.html", "quotes/2022-01-01-x-1/index.html"] {
            let page = try site.page(path)
            #expect(!page.contains("</script><script>") && !page.contains("<!--"), "\(path)")
            #expect(page.components(separatedBy: "</script>").count == 2, "one script element, closed once: \(path)")
            let (data, text) = try structuredData(page)
            #expect(text.contains("\\u003c/script\\u003e\\u003cscript\\u003e") && text.contains("\\u0026") && text.contains("\\u2028"))
            let name = data["headline"] as? String ?? (data["isPartOf"] as? [String: Any])?["name"] as? String
            #expect(name == hostile, "\(path)")
        }
    }

    @Test func theJSONWriterEscapesPerRFC8259AndForScripts() throws {
        let text = "quote \" backslash \\ newline \n tab \t nul \u{0} bell \u{7} é 😀 <>& \u{2028}\u{2029}"
        let json = JSON.object([("a", .string(text)), ("gone", nil), ("list", .array([.string("x"), .object([])]))])
        #expect(json.text == #"{"a":"quote \" backslash \\ newline \n tab \t nul \u0000 bell \u0007 é 😀 \u003c\u003e\u0026 \u2028\u2029","list":["x",{}]}"#)
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(json.text.utf8)) as? [String: Any])
        #expect(parsed["a"] as? String == text)
    }

    @Test func anUpdateShowsOnThePageAndDatesTheFeedSitemapAndJSONLD() throws {
        let path = "documents/2017-11-16-sustained.md"
        let site = try FixtureSite(replacing: [path: FixtureSite.standardFiles[path]!.replacingOccurrences(
            of: "kind: article", with: "kind: article\nupdated: 2022-02\nupdate_note: A date & a name corrected.")])
        defer { site.remove() }
        try site.build()
        let page = try site.page("documents/2017-11-16-sustained/index.html")
        #expect(page.contains("<p class=\"updated\">Last updated <time datetime=\"2022-02\">February 2022</time>: A date &amp; a name corrected.</p>"))
        #expect(try structuredData(page).object["dateModified"] as? String == "2022-02")
        #expect(!(try site.page("documents/2021-05-11-progress/index.html")).contains("Last updated"))

        let feed = try site.page("feed.xml")
        #expect(XMLCheck.isWellFormed(feed))
        #expect(feed.contains("<id>https://example.org/portal/</id>\n<updated>2022-02-01T00:00:00Z</updated>"),
                "the feed's date is its newest update")
        #expect(feed.contains("<published>2017-11-16T00:00:00Z</published>\n<updated>2022-02-01T00:00:00Z</updated>"))
        #expect(feed.contains("<published>2021-05-11T00:00:00Z</published>\n<updated>2021-05-11T00:00:00Z</updated>"))

        let sitemap = try site.page("sitemap.xml")
        #expect(XMLCheck.isWellFormed(sitemap))
        #expect(sitemap.contains("<url><loc>https://example.org/portal/documents/2017-11-16-sustained/</loc><lastmod>2022-02-01</lastmod></url>"))
        #expect(sitemap.contains("<url><loc>https://example.org/portal/documents/2021-05-11-progress/</loc><lastmod>2021-05-11</lastmod></url>"))
        #expect(sitemap.contains("<url><loc>https://example.org/portal/quotes/2017-11-16-sustained-1/</loc></url>"))
    }
}
