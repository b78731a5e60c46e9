import Foundation
import PortalModel
import Testing
@testable import SitegenCore

/// Every quote and document address, once published, keeps working: quotes keep their ids
/// through insertions, rewording and removals (`content/published.csv`), and old addresses
/// lead on. Each test edits the content, then builds it into a fresh folder with no cache,
/// as a fresh clone of the content would.
@Suite struct PermanentAddressTests {
    static let progress = "documents/2021-05-11-progress.md"
    static let welcome = "We welcome the findings of Ofsted’s most recent focused visit."

    /// The standard fixture, built once, so its addresses are recorded.
    private func publishedSite() throws -> FixtureSite {
        let site = try FixtureSite()
        try site.build()
        return site
    }

    private func edit(_ site: FixtureSite, _ path: String, _ change: (String) -> String) throws {
        let file = "\(site.content)/\(path)"
        try site.write(path, change(try String(contentsOfFile: file, encoding: .utf8)))
    }

    private func text(_ files: [String: Data], _ path: String) -> String {
        files[path].map { String(decoding: $0, as: UTF8.self) } ?? ""
    }

    @Test func theFirstBuildRecordsEveryAddressAndLaterBuildsKeepTheFile() throws {
        let site = try publishedSite()
        defer { site.remove() }
        let record = try String(contentsOfFile: "\(site.content)/published.csv", encoding: .utf8)
        #expect(record.hasPrefix("address,document,speaker,words\ndocuments/2017-11-16-sustained/,2017-11-16-sustained,,\n"))
        #expect(record.contains("quotes/2021-05-11-progress-1/,2021-05-11-progress,jill-colbert,\(Self.welcome)\n"))
        #expect(record.contains("quotes/2021-05-11-progress-2/,2021-05-11-progress,ofsted-inspectors,"))
        let stamp = try FileManager.default.attributesOfItem(atPath: "\(site.content)/published.csv")[.modificationDate]
        let again = try site.build()
        #expect(again.upToDate)
        #expect(try FileManager.default.attributesOfItem(atPath: "\(site.content)/published.csv")[.modificationDate]
            as? Date == stamp as? Date)
    }

    @Test func aQuoteInsertedAboveOthersTakesANewAddressAndMovesNone() throws {
        let site = try publishedSite()
        defer { site.remove() }
        try edit(site, Self.progress) {
            $0.replacingOccurrences(of: "The latest focused visit took place on 24 and 25 March 2021.\n",
                                    with: "The latest focused visit took place on 24 and 25 March 2021.\n\n"
                                        + "> A new quote, inserted first.\n>\n> — Jill Colbert\n")
        }
        let built = try site.cleanBuild()
        #expect(text(built, "quotes/2021-05-11-progress-1/index.html").contains("We welcome the findings"))
        #expect(text(built, "quotes/2021-05-11-progress-2/index.html").contains("timely strategy discussions"))
        #expect(text(built, "quotes/2021-05-11-progress-3/index.html").contains("A new quote, inserted first."))
    }

    @Test func aRewordedQuoteKeepsItsAddressAndTheRecordTakesItsNewWords() throws {
        let site = try publishedSite()
        defer { site.remove() }
        try edit(site, Self.progress) {
            $0.replacingOccurrences(of: "We welcome the findings of Ofsted's most recent focused visit.",
                                    with: "We warmly welcome the findings of Ofsted's latest focused visit.")
        }
        // Inserted above it too, so position alone would move it.
        try edit(site, Self.progress) {
            $0.replacingOccurrences(of: "The latest focused visit took place on 24 and 25 March 2021.\n",
                                    with: "The latest focused visit took place on 24 and 25 March 2021.\n\n"
                                        + "> Something else entirely.\n>\n> — Ofsted\n")
        }
        try site.build()
        #expect(try site.page("quotes/2021-05-11-progress-1/index.html").contains("We warmly welcome the findings"))
        #expect(try site.page("quotes/2021-05-11-progress-3/index.html").contains("Something else entirely."))
        let record = try String(contentsOfFile: "\(site.content)/published.csv", encoding: .utf8)
        #expect(record.contains("quotes/2021-05-11-progress-1/,2021-05-11-progress,jill-colbert,We warmly welcome"))
        // Reworded again, far from the first words but near the last: still the same quote.
        try edit(site, Self.progress) {
            $0.replacingOccurrences(of: "We warmly welcome the findings of Ofsted's latest focused visit.",
                                    with: "We warmly welcome all the findings of the latest visit.")
        }
        let built = try site.cleanBuild()
        #expect(text(built, "quotes/2021-05-11-progress-1/index.html").contains("all the findings of the latest visit"))
    }

    @Test func aRemovedQuoteLeavesAPageThatLeadsToItsDocument() throws {
        let site = try publishedSite()
        defer { site.remove() }
        try edit(site, Self.progress) {
            $0.replacingOccurrences(of: "> — Jill Colbert, Chief Executive at Together for Children\n", with: "")
        }
        let built = try site.cleanBuild()
        let left = text(built, "quotes/2021-05-11-progress-1/index.html")
        #expect(left.contains("<meta http-equiv=\"refresh\" content=\"0; url=../../documents/2021-05-11-progress/index.html\">"))
        #expect(left.contains("<link rel=\"canonical\" href=\"https://example.org/portal/documents/2021-05-11-progress/\">"))
        #expect(left.contains("<meta name=\"robots\" content=\"noindex\">"))
        #expect(left.contains("<h1>This quote is no longer on the portal</h1>"))
        #expect(left.contains("It was quoted in <a href=\"../../documents/2021-05-11-progress/index.html\">Ofsted finds that progress is evident</a>."))
        #expect(!left.contains("We welcome the findings"))
        #expect(text(built, "quotes/2021-05-11-progress-2/index.html").contains("timely strategy discussions"))
        #expect(!text(built, "sitemap.xml").contains("quotes/2021-05-11-progress-1/"))
    }

    @Test func aQuoteGivenAnExplicitIDLeadsFromItsOldAddress() throws {
        let site = try publishedSite()
        defer { site.remove() }
        try edit(site, Self.progress) {
            $0.replacingOccurrences(of: "— Jill Colbert, Chief Executive at Together for Children",
                                    with: "— Jill Colbert, Chief Executive at Together for Children {#colbert-welcome}")
        }
        let built = try site.cleanBuild()
        #expect(text(built, "quotes/colbert-welcome/index.html").contains("We welcome the findings"))
        let left = text(built, "quotes/2021-05-11-progress-1/index.html")
        #expect(left.contains("url=../../quotes/colbert-welcome/index.html"))
        #expect(left.contains("<h1>This quote has moved</h1>"))
    }

    @Test func aRenamedDocumentLeadsFromItsOldAddressAndKeepsItsQuotes() throws {
        let site = try publishedSite()
        defer { site.remove() }
        let old = try String(contentsOfFile: "\(site.content)/\(Self.progress)", encoding: .utf8)
        try FileManager.default.removeItem(atPath: "\(site.content)/\(Self.progress)")
        try site.write("documents/2021-05-11-ofsted-progress.md",
                       old.replacingOccurrences(of: "themes: [early-help, children-in-care]\n",
                                                with: "themes: [early-help, children-in-care]\naliases: [2021-05-11-progress]\n"))
        #expect(SiteBuilder.check(content: site.content).filter { $0.severity == .error } == [])
        let built = try site.cleanBuild()
        let left = text(built, "documents/2021-05-11-progress/index.html")
        #expect(left.contains("<meta http-equiv=\"refresh\" content=\"0; url=../../documents/2021-05-11-ofsted-progress/index.html\">"))
        #expect(left.contains("<link rel=\"canonical\" href=\"https://example.org/portal/documents/2021-05-11-ofsted-progress/\">"))
        #expect(left.contains("It is now at <a href=\"../../documents/2021-05-11-ofsted-progress/index.html\">Ofsted finds that progress is evident</a>."))
        #expect(text(built, "quotes/2021-05-11-progress-1/index.html").contains("We welcome the findings"))
        #expect(text(built, "quotes/2021-05-11-progress-2/index.html").contains("timely strategy discussions"))
        #expect(built["quotes/2021-05-11-ofsted-progress-1/index.html"] == nil)
    }

    @Test func checkFailsNamingADocumentAddressABuildWouldDrop() throws {
        let site = try publishedSite()
        defer { site.remove() }
        try FileManager.default.removeItem(atPath: "\(site.content)/documents/2017-11-16-sustained.md")
        let errors = SiteBuilder.check(content: site.content).filter { $0.severity == .error }
        #expect(errors.map { $0.description.replacingOccurrences(of: site.content + "/", with: "") } == [
            "published.csv:2:1: error: documents/2017-11-16-sustained/ was published, and a build would drop it, "
                + "leaving only a page that says it is gone at every link to it: if the document was renamed, add "
                + "'aliases: [2017-11-16-sustained]' to its front matter; if it was deleted or made a draft by mistake, "
                + "restore it; to withdraw it on purpose, delete this row",
        ])
        // A build goes ahead, never blocking the rest of the site, and leaves a page saying it is gone.
        let summary = try site.build()
        #expect(summary.warnings.map(\.message).first?.hasPrefix("documents/2017-11-16-sustained/ was published") == true)
        #expect(try site.page("documents/2017-11-16-sustained/index.html").contains("no longer on the portal"))
        #expect(try site.page("quotes/2017-11-16-sustained-1/index.html").contains("all quotes"))
        // Withdrawn on purpose: its row deleted, check passes (its quote still has its page).
        try edit(site, "published.csv") {
            $0.replacingOccurrences(of: "documents/2017-11-16-sustained/,2017-11-16-sustained,,\n", with: "")
        }
        #expect(SiteBuilder.check(content: site.content).filter { $0.severity == .error } == [])
    }

    @Test func aDocumentMadeADraftAgainIsReportedAndKeepsAPage() throws {
        let site = try publishedSite()
        defer { site.remove() }
        try edit(site, "documents/2017-11-16-sustained.md") {
            $0.replacingOccurrences(of: "kind: article\n", with: "kind: article\ndraft: true\n")
        }
        #expect(SiteBuilder.check(content: site.content).contains {
            $0.severity == .error && $0.message.hasPrefix("documents/2017-11-16-sustained/ was published")
        })
        try site.build()
        #expect(try site.page("documents/2017-11-16-sustained/index.html").contains("no longer on the portal"))
        // The preview, with drafts, shows the draft itself at its address.
        let preview = try site.cleanBuild(drafts: true)
        #expect(text(preview, "documents/2017-11-16-sustained/index.html").contains("Progress continues."))
    }

    @Test func anAliasThatIsAnotherDocumentsAddressIsAnError() throws {
        let site = try FixtureSite(replacing: [
            "documents/2017-11-16-sustained.md": """
                ---
                title: Sustained progress
                date: 2017-11-16
                kind: article
                aliases: [2021-05-11-progress]
                ---
                Progress continues.
                """,
        ])
        defer { site.remove() }
        #expect(site.errors() == [
            "documents/2017-11-16-sustained.md:5:11: error: alias '2021-05-11-progress' is the slug of "
                + "documents/2021-05-11-progress.md; an alias must be an address no document has",
        ])
    }

    @Test func aDamagedRecordIsAnErrorAtItsLine() throws {
        let site = try publishedSite()
        defer { site.remove() }
        try edit(site, "published.csv") { $0 + "quotes/Not An Id/,2017-11-16-sustained,,words\n" }
        #expect(site.errors().contains { $0.hasPrefix("published.csv:7:1: error: 'quotes/Not An Id/' is not") })
    }

    @Test func theSameWordsAndReorderedQuotesKeepTheirIDs() {
        var record = PublishedAddresses()
        let first: [(explicit: String?, text: String)] = [(nil, "One two three."), (nil, "Four five six."), (nil, "Four five six.")]
        let ids = record.ids(ofDocument: "doc", aliases: [], quotes: first)
        #expect(ids == ["doc-1", "doc-2", "doc-3"])
        let quotes = zip(ids, first).map { id, quote in
            Quote(id: id, number: 1, documentSlug: "doc", speakerSlug: "s", role: nil, html: "",
                              text: quote.text, date: Day(year: 2021, month: 1, day: 1)!, visitSlug: nil, themeSlugs: [])
        }
        record.record([Document(slug: "doc", title: "T", date: Day(year: 2021, month: 1, day: 1)!,
                                            kind: .article, publisher: nil, visitSlug: nil, themeSlugs: [],
                                            sourceURL: nil, summary: "", draft: false, body: [], quotes: quotes)])
        // Reversed, one reworded past recognition, one new: the known words keep their ids.
        let next = record.ids(ofDocument: "doc", aliases: [], quotes: [
            (nil, "Four five six."), (nil, "Seven."), (nil, "  one TWO three. "), (nil, "Four five six."),
        ])
        #expect(next == ["doc-2", "doc-4", "doc-1", "doc-3"])
        #expect(PublishedAddresses.parse(SourceFile(path: "p", text: record.csv)).0 == record)
    }
}
