import Foundation
import PortalModel
import Templates
import Testing
@testable import SitegenCore

/// Builds the real `content/` and checks that the source documents are all there, in their places.
@Suite struct PortalContentTests {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

    private func buildRealPortal() throws -> (portal: Portal, output: String) {
        let portal = try SiteBuilder.load(content: "\(Self.repository)/content", includeDrafts: false).get()
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("sitegen-real-\(UUID().uuidString)").path
        try SiteBuilder.build(BuildOptions(content: "\(Self.repository)/content", output: output))
        return (portal, output)
    }

    @Test func theRealContentBuildsWithEverySpeakerThemeAndVisitInPlace() throws {
        let (portal, output) = try buildRealPortal()
        defer { try? FileManager.default.removeItem(atPath: output) }
        func page(_ route: String) throws -> String {
            try String(contentsOfFile: "\(output)/\(route)index.html", encoding: .utf8)
        }

        #expect(portal.documents.count == 5)
        #expect(portal.visits.count == 7)
        #expect((8...12).contains(portal.themes.count))
        for speaker in portal.speakers {
            #expect(!portal.quotes(ofSpeaker: speaker.slug).isEmpty, "\(speaker.name) has no quote")
        }
        for theme in portal.themes {
            #expect(!portal.documents(ofTheme: theme.slug).isEmpty, "theme \(theme.slug) has no document")
        }
        for visit in portal.visits {
            #expect(try page("visits/\(visit.slug)/").contains("<h1>\(HTML.escaped(visit.title))</h1>"))
        }
        for document in portal.documents {
            let documentPage = try page("documents/\(document.slug)/")
            for quote in document.quotes {
                let speakerPage = try page("speakers/\(quote.speakerSlug)/")
                #expect(speakerPage.contains("../../quotes/\(quote.id)/index.html"), "\(quote.id) missing from its speaker's page")
                #expect(documentPage.contains("../../quotes/\(quote.id)/index.html"))
            }
        }
    }

    @Test func theJourneyRunsFromInadequateToOutstanding() throws {
        let portal = try SiteBuilder.load(content: "\(Self.repository)/content", includeDrafts: false).get()
        let judged = portal.judgedVisits.map { ($0.start.year, $0.judgement!) }
        #expect(judged.first! == (2015, .inadequate))
        #expect(judged.contains { $0 == (2021, .outstanding) })
        #expect(judged.last! == (2025, .outstanding))
        let latest = try #require(portal.judgedVisits.last)
        #expect(latest.judgements.contains(GradedArea(area: "Experiences and progress of care leavers", grade: .good)))
    }

    @Test func theSourceDocumentsKeepTheirQuotesAndSpeakers() throws {
        let portal = try SiteBuilder.load(content: "\(Self.repository)/content", includeDrafts: false).get()
        func speakers(_ slug: String) -> Set<String> {
            Set(portal.document(slug)?.quotes.map(\.speakerSlug) ?? [])
        }
        #expect(speakers("2021-05-11-ofsted-finds-progress-evident")
            == ["ofsted-inspectors", "jill-colbert", "paul-moffatt", "louise-farthing"])
        #expect(speakers("2017-11-16-continues-to-make-sustained-progress")
            == ["ofsted-inspectors", "fiona-millns", "deborah-jenkins", "harry-trueman", "louise-farthing"])
        #expect(speakers("2025-03-12-childrens-services-continue-to-be-outstanding")
            == ["ofsted-inspectors", "simon-marshall", "michael-butler"])
        let colbert = portal.quotes(ofSpeaker: "jill-colbert")
        #expect(colbert.count == 1)
        #expect(colbert.first?.text.hasPrefix("We welcome the findings of Ofsted’s most recent focused visit") == true)
    }

    /// No two quote pages share a heading unless their words are the same (the one quote the
    /// Signs of Safety article gives twice).
    @Test func quotePagesTellTheRealQuotesApartByTheirHeadings() throws {
        let (portal, output) = try buildRealPortal()
        defer { try? FileManager.default.removeItem(atPath: output) }
        var words: [String: Set<String>] = [:]
        for quote in portal.quotes {
            let page = try String(contentsOfFile: "\(output)/quotes/\(quote.id)/index.html", encoding: .utf8)
            let heading = try #require(page.firstRange(of: "<h1>").flatMap { start in
                page[start.upperBound...].firstRange(of: "</h1>").map { String(page[start.upperBound..<$0.lowerBound]) }
            })
            words[heading, default: []].insert(quote.text)
        }
        #expect(words.count == 26)
        #expect(words.values.allSatisfy { $0.count == 1 }, "one heading, different words")
    }

    /// The Signs of Safety article quotes "Leaders and managers are confident…" twice, as the
    /// captured page does (seeds/004): the content keeps both, and check warns of it.
    @Test func checkWarnsOfTheQuoteTheSignsOfSafetyArticleRepeats() throws {
        let content = "\(Self.repository)/content"
        let file = "\(content)/documents/2021-08-20-together-for-children-in-sunderland-are-outstanding.md"
        let repeated = SiteBuilder.check(content: content).filter { $0.message.contains("same words") }
        #expect(repeated.map(\.description) == [
            "\(file):38:3: warning: this quote has the same words as the quote at \(file):26; "
                + "delete one of them, or keep both if the source says them twice",
        ])
    }

    /// Each quote carries the themes its words are about (`{themes=…}`), so a theme page lists
    /// some of the quotes, never all of them, and says how many.
    @Test func everyThemeListsSomeQuotesButNoneListsEvery() throws {
        let (portal, output) = try buildRealPortal()
        defer { try? FileManager.default.removeItem(atPath: output) }
        let all = Set(portal.quotes.map(\.id))
        #expect(all.count == 27)
        for theme in portal.themes {
            let quotes = Set(portal.quotes(ofTheme: theme.slug).map(\.id))
            #expect(!quotes.isEmpty && quotes.isStrictSubset(of: all), "theme \(theme.slug) lists \(quotes.count) of \(all.count) quotes")
            let page = try String(contentsOfFile: "\(output)/themes/\(theme.slug)/index.html", encoding: .utf8)
            #expect(page.contains("<h2 id=\"quotes\">Quotes (\(quotes.count))</h2>"))
        }
        for quote in portal.quotes {
            #expect(!quote.themeSlugs.isEmpty, "\(quote.id) has no theme")
        }
    }
}
