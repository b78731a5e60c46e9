import Foundation
import Testing
@testable import SitegenCore

/// End-to-end builds of fixture sites in temporary folders.
@Suite struct BuildTests {
    @Test func everyContractURLIsWrittenAndNothingElse() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        let summary = try site.build()
        #expect(summary.documents == 2 && summary.visits == 2 && summary.quotes == 3)
        let pages = [
            "index.html", "timeline/index.html", "visits/index.html", "documents/index.html", "themes/index.html",
            "speakers/index.html", "quotes/index.html", "search/index.html",
            "accessibility/index.html", "privacy/index.html", "data/index.html",
            "visits/2015-07-inspection/index.html", "visits/2021-03-focused-visit/index.html",
            "documents/2017-11-16-sustained/index.html", "documents/2021-05-11-progress/index.html",
            "themes/children-in-care/index.html", "themes/early-help/index.html",
            "speakers/jill-colbert/index.html", "speakers/ofsted-inspectors/index.html",
            "quotes/2017-11-16-sustained-1/index.html", "quotes/2021-05-11-progress-1/index.html",
            "quotes/2021-05-11-progress-2/index.html",
        ]
        let others = [".sitegen", "404.html", "favicon.svg", "feed.xml", "robots.txt", "sitemap.xml", "style.css",
                      "data/documents.csv", "data/portal.json", "data/quotes.csv", "data/visits.csv"]
        #expect(site.publishedFiles() == (pages + others).sorted())
        #expect(summary.files == pages.count + others.count - 1)
    }

    @Test func everyInternalLinkIsRelativeAndResolvesWithItsFragment() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        try site.build()
        var checked = 0
        for page in site.publishedFiles() where page.hasSuffix(".html") && page != "404.html" {
            let html = try site.page(page)
            let folder = URL(fileURLWithPath: "\(site.output)/\(page)").deletingLastPathComponent()
            for link in links(in: html) where !link.hasPrefix("https://") {
                #expect(!link.hasPrefix("/"), "absolute link \(link) in \(page)")
                let parts = link.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
                let target = parts[0].isEmpty ? URL(fileURLWithPath: "\(site.output)/\(page)")
                    : folder.appendingPathComponent(String(parts[0])).standardized
                #expect(FileManager.default.fileExists(atPath: target.path), "\(page) links to missing \(link)")
                if parts.count == 2, let text = try? String(contentsOf: target, encoding: .utf8) {
                    #expect(text.contains("id=\"\(parts[1])\""), "\(page) links to missing fragment \(link)")
                }
                checked += 1
            }
        }
        #expect(checked > 200)
    }

    @Test func theDocumentPageRendersItsQuotesLinkedAndItsVisitAndThemes() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        try site.build()
        let page = try site.page("documents/2021-05-11-progress/index.html")
        #expect(page.contains("<h1>Ofsted finds that progress is evident</h1>"))
        #expect(page.contains("<figure class=\"quote\" id=\"quote-1\"><blockquote><p>We welcome the findings of Ofsted’s most recent focused visit.</p>"))
        #expect(page.contains("— <a href=\"../../speakers/jill-colbert/index.html\" data-pagefind-filter=\"speaker\">Jill Colbert</a>, Chief Executive at Together for Children"))
        #expect(page.contains("href=\"../../quotes/2021-05-11-progress-1/index.html\""))
        #expect(page.contains("<blockquote>\n<p>This is not a quote: it has no attribution.</p>\n</blockquote>"))
        #expect(page.contains("<li>robust safety planning</li>"))
        #expect(page.contains("<a href=\"../../visits/2021-03-focused-visit/index.html\" data-pagefind-filter=\"visit\">Focused visit</a>"))
        #expect(page.contains("<a href=\"../../themes/early-help/index.html\" data-pagefind-filter=\"theme\">Early help</a>"))
        #expect(!page.contains("-- Ofsted"))
    }

    @Test func aQuotePageSaysWhoWhenWhereAndHasShareTags() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        try site.build()
        let page = try site.page("quotes/2021-05-11-progress-2/index.html")
        #expect(page.contains("<h1>Ofsted inspectors: “Inspectors found: timely strategy discussions robust safety planning”</h1>"))
        #expect(page.contains("<dt>Date</dt><dd><time datetime=\"2021-05-11\">11 May 2021</time></dd>"))
        #expect(page.contains("href=\"../../documents/2021-05-11-progress/index.html#quote-2\""))
        #expect(page.contains("<a href=\"../../visits/2021-03-focused-visit/index.html\" data-pagefind-filter=\"visit\">Focused visit</a>"))
        #expect(page.contains("<meta property=\"og:title\" content=\"Ofsted inspectors: “Inspectors found: timely strategy discussions robust safety planning”\">"))
        #expect(page.contains("<meta property=\"og:url\" content=\"https://example.org/portal/quotes/2021-05-11-progress-2/\">"))
        #expect(page.contains("<meta name=\"twitter:card\" content=\"summary\">"))
    }

    @Test func aQuoteWithoutARoleTakesTheSpeakersDefaultRole() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        try site.build()
        let page = try site.page("quotes/2017-11-16-sustained-1/index.html")
        #expect(page.contains("<figcaption>— <a href=\"../../speakers/jill-colbert/index.html\" data-pagefind-filter=\"speaker\">Jill Colbert</a>, Chief Executive, Together for Children</figcaption>"))
    }

    @Test func pagesGroupDocumentsAndQuotesByVisitThemeAndSpeaker() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        try site.build()
        func quoteLinks(_ page: String) throws -> [String] {
            links(in: try site.page(page)).filter { $0.hasPrefix("../../quotes/2") }
        }
        #expect(try quoteLinks("speakers/jill-colbert/index.html") == [
            "../../quotes/2021-05-11-progress-1/index.html", "../../quotes/2017-11-16-sustained-1/index.html",
        ])
        #expect(try quoteLinks("speakers/ofsted-inspectors/index.html") == ["../../quotes/2021-05-11-progress-2/index.html"])
        let earlyHelp = try site.page("themes/early-help/index.html")
        #expect(earlyHelp.contains("documents/2021-05-11-progress/index.html") && earlyHelp.contains("documents/2017-11-16-sustained/index.html"))
        let inCare = try site.page("themes/children-in-care/index.html")
        #expect(!inCare.contains("2017-11-16-sustained"))
        #expect(inCare.contains("Documents (1)") && inCare.contains("Quotes (2)"))
        let visit = try site.page("visits/2021-03-focused-visit/index.html")
        #expect(visit.contains("documents/2021-05-11-progress/index.html"))
        #expect(visit.contains("<td>Experiences and progress of care leavers</td>"))
        #expect(visit.contains("<dd>Neil Penswick, Jan Edwards</dd>"))
        #expect(visit.contains("24</time>–<time datetime=\"2021-03-25\">25 March 2021</time>"))
        let empty = try site.page("visits/2015-07-inspection/index.html")
        #expect(empty.contains("<strong>inadequate</strong>"))
        #expect(empty.contains("No documents yet."))
    }

    @Test func theTimelineAndHomeTellTheJourneyInOrder() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        try site.build()
        let timeline = try site.page("timeline/index.html")
        let order = ["visits/2015-07-inspection/", "documents/2017-11-16-sustained/", "visits/2021-03-focused-visit/",
                     "documents/2021-05-11-progress/"].map { timeline.range(of: $0)!.lowerBound }
        #expect(order == order.sorted())
        #expect(timeline.contains("<h2 id=\"year-2015\">2015</h2>"))
        let home = try site.page("index.html")
        #expect(home.contains("Judged <strong>outstanding</strong> overall at the <a href=\"visits/2021-03-focused-visit/index.html\">Focused visit</a>, <time datetime=\"2021-05\">May 2021</time>."))
        #expect(home.contains("<svg viewBox="))
        #expect(home.contains("inadequate in July 2015, outstanding in March 2021"))
    }

    @Test func draftsAreLeftOutUnlessAskedFor() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        try site.write("documents/2022-01-01-draft.md", "---\ntitle: Draft\ndate: 2022-01-01\nkind: article\ndraft: true\n---\n> Draft words.\n>\n> — Ofsted\n")
        try site.build()
        #expect(!site.publishedFiles().contains("documents/2022-01-01-draft/index.html"))
        #expect(!site.publishedFiles().contains("quotes/2022-01-01-draft-1/index.html"))
        try site.build(drafts: true)
        #expect(site.publishedFiles().contains("documents/2022-01-01-draft/index.html"))
        #expect(site.publishedFiles().contains("quotes/2022-01-01-draft-1/index.html"))
    }

    @Test func editorTextIsEscapedInTextAndAttributes() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        try site.write("documents/2022-01-01-x.md", """
            ---
            title: "A <script>alert(1)</script> & \\"quoted\\" title"
            date: 2022-01-01
            kind: article
            summary: "Summary with \\"quotes\\" and <tags>"
            ---
            Body.
            """)
        try site.build()
        let page = try site.page("documents/2022-01-01-x/index.html")
        #expect(!page.contains("<script>"))
        #expect(page.contains("<h1>A &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quoted&quot; title</h1>"))
        #expect(page.contains("<meta name=\"description\" content=\"Summary with &quot;quotes&quot; and &lt;tags&gt;\">"))
    }

    @Test func theFeedIsValidAtomDatedByTheNewestDocument() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        try site.build()
        let feed = try site.page("feed.xml")
        #expect(feed.contains("<updated>2021-05-11T00:00:00Z</updated>\n<author>"))
        #expect(feed.contains("<id>https://example.org/portal/documents/2021-05-11-progress/</id>"))
        #expect(feed.components(separatedBy: "<entry>").count == 3)
        #expect(XMLCheck.isWellFormed(feed))
        let sitemap = try site.page("sitemap.xml")
        #expect(sitemap.contains("<loc>https://example.org/portal/quotes/2017-11-16-sustained-1/</loc>"))
        #expect(sitemap.components(separatedBy: "<url>").count == 23)
        #expect(XMLCheck.isWellFormed(sitemap))
        #expect(try site.page("robots.txt").contains("Sitemap: https://example.org/portal/sitemap.xml"))
    }

    @Test func theSameContentGivesByteIdenticalOutput() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        try site.build()
        let first = FixtureSite.snapshot(site.output)
        let again = try site.build(clean: true)
        #expect(!again.upToDate && again.pagesRendered == again.pages, "the second build really renders again")
        let second = FixtureSite.snapshot(site.output)
        #expect(first == second)
    }

    @Test func assetsAreCopiedVerbatim() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        try site.write("assets/images/logo.svg", "<svg/>")
        try site.build()
        #expect(try site.page("assets/images/logo.svg") == "<svg/>")
    }

    @Test func aSymbolicLinkOutOfTheContentFolderIsAnError() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        try site.write("assets/readme.txt", "ok")
        try FileManager.default.createSymbolicLink(atPath: "\(site.content)/assets/passwd", withDestinationPath: "/etc/passwd")
        let found = site.errors()
        #expect(found.count == 1)
        #expect(found.first?.hasPrefix("assets/passwd:1:1: error: symbolic link points outside the content folder") == true)
    }
}

/// Failed builds leave the published folder exactly as it was.
@Suite struct AtomicPublishTests {
    @Test func aFailingBuildLeavesThePublishedSiteUntouched() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        try site.build()
        let before = FixtureSite.snapshot(site.output)
        try site.write("documents/2017-11-16-sustained.md", "---\ntitle: Broken\ndate: 2017-02-30\nkind: article\n---\nBody.")
        #expect(throws: ContentErrors.self) { try site.build() }
        #expect(FixtureSite.snapshot(site.output) == before)
        #expect(site.temporaryFolders() == [])
    }

    @Test func aSuccessfulBuildReplacesTheOutputAndLeavesNoTemporaryFolder() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        try site.build()
        try FileManager.default.removeItem(atPath: "\(site.content)/documents/2017-11-16-sustained.md")
        try site.build()
        // The document is gone; its address, once published, now says so.
        let left = try site.page("documents/2017-11-16-sustained/index.html")
        #expect(left.contains("<h1>This document is no longer on the portal</h1>"))
        #expect(!left.contains("Progress continues."))
        #expect(site.temporaryFolders() == [])
        #expect(site.siblings() == [".public.sitegen-cache", ".public.sitegen-cache-data", ".public.sitegen-lock", ".public.sitegen-spare", "content", "public"])
    }

    @Test func aFolderLeftByAKilledBuildIsCleanedUp() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        let abandoned = "\(site.root)/.public.sitegen-staging-999999"
        try FileManager.default.createDirectory(atPath: abandoned, withIntermediateDirectories: true)
        try site.build()
        #expect(site.temporaryFolders() == [])
    }

    @Test func aFolderSitegenDidNotWriteIsNeverReplaced() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        try FileManager.default.createDirectory(atPath: site.output, withIntermediateDirectories: true)
        try Data("mine".utf8).write(to: URL(fileURLWithPath: "\(site.output)/notes.txt"))
        #expect(throws: PublishError.self) { try site.build() }
        #expect(site.publishedFiles() == ["notes.txt"])
    }
}
