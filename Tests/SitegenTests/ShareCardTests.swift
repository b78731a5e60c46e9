import Foundation
import Testing
@testable import SitegenCore

/// Share cards: each quote page's `og:image`, a PNG drawn by cairo and Pango at build time.
@Suite struct ShareCardTests {
    private static let quote = "quotes/2021-05-11-progress-1/"

    /// The one card file in a quote's folder.
    private func card(_ site: FixtureSite, _ folder: String = quote) throws -> String {
        let cards = site.publishedFiles().filter { $0.hasPrefix(folder) && $0.hasSuffix(".png") }
        try #require(cards.count == 1, "\(folder) holds \(cards)")
        return cards[0]
    }

    @Test func aQuotePageNamesItsCardInItsShareTags() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        try site.build(cards: true)
        let card = try card(site)
        #expect(card.range(of: #"^quotes/2021-05-11-progress-1/card-[0-9a-f]{16}\.png$"#, options: .regularExpression) != nil)
        let page = try site.page("\(Self.quote)index.html")
        #expect(page.contains("<meta property=\"og:image\" content=\"https://example.org/portal/\(card)\">"))
        #expect(page.contains("<meta property=\"og:image:type\" content=\"image/png\">"))
        #expect(page.contains("<meta property=\"og:image:width\" content=\"1200\">"))
        #expect(page.contains("<meta property=\"og:image:height\" content=\"630\">"))
        #expect(page.contains("<meta property=\"og:image:alt\" content=\"“We welcome the findings of Ofsted’s most recent focused visit.” — Jill Colbert\">"))
        #expect(page.contains("<meta name=\"twitter:card\" content=\"summary_large_image\">"))
        #expect(site.publishedFiles().filter { $0.hasSuffix(".png") }.count == 3, "one card a quote")
    }

    @Test func withoutCardsNoPageNamesAnImage() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        try site.build()
        #expect(!site.publishedFiles().contains { $0.hasSuffix(".png") })
        let page = try site.page("\(Self.quote)index.html")
        #expect(!page.contains("og:image"))
        #expect(page.contains("<meta name=\"twitter:card\" content=\"summary\">"))
    }

    @Test func theCardIsA1200By630PNG() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        try site.build(cards: true)
        let png = try #require(FileManager.default.contents(atPath: "\(site.output)/\(try card(site))"))
        let bytes = [UInt8](png)
        try #require(bytes.count > 33)
        #expect(bytes[0..<8] == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], "the PNG signature")
        #expect(String(decoding: bytes[12..<16], as: UTF8.self) == "IHDR")
        func bigEndian(_ at: Int) -> Int { bytes[at..<at + 4].reduce(0) { $0 << 8 | Int($1) } }
        #expect(bigEndian(16) == 1200 && bigEndian(20) == 630)
    }

    @Test func cardsAreByteIdenticalBetweenBuildsAndThreads() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        let sequential = try site.cleanBuild(workers: 1, cards: true)
        let parallel = try site.cleanBuild(workers: 4, cards: true)
        #expect(sequential.keys.filter { $0.hasSuffix(".png") }.count == 3)
        #expect(sequential == parallel)
    }

    @Test func changingOneQuotesWordsDrawsOnlyItsCard() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        #expect(try site.build(cards: true).cardsDrawn == 3)
        let path = "documents/2017-11-16-sustained.md"
        let original = try String(contentsOfFile: "\(site.content)/\(path)", encoding: .utf8)
        func expectSameAsClean(_ change: String) throws -> BuildSummary {
            let summary = try site.build(cards: true)
            #expect(FixtureSite.snapshot(site.output) == (try site.cleanBuild(cards: true)), "after: \(change)")
            return summary
        }
        try site.write(path, original.replacingOccurrences(of: "Progress continues.", with: "Progress goes on."))
        #expect(try expectSameAsClean("a paragraph outside the quote").cardsDrawn == 0)
        let before = try card(site, "quotes/2017-11-16-sustained-1/")
        let others = site.publishedFiles().filter { $0.hasSuffix(".png") && $0 != before }
        try site.write(path, original.replacingOccurrences(of: "encouraging", with: "heartening"))
        let edit = try expectSameAsClean("the quote's words")
        #expect(edit.cardsDrawn == 1 && edit.pagesRendered < edit.pages)
        #expect(try card(site, "quotes/2017-11-16-sustained-1/") != before)
        #expect(site.publishedFiles().filter { $0.hasSuffix(".png") && !$0.hasPrefix("quotes/2017") } == others)
        let edited = try String(contentsOfFile: "\(site.content)/\(path)", encoding: .utf8)
        // The spare folder still lacks the new card, so this edit's rebuild renders what it affects...
        try site.write(path, edited.replacingOccurrences(of: "Progress continues.", with: "Progress goes on."))
        let affected = try expectSameAsClean("a paragraph, after a card changed")
        #expect(affected.cardsDrawn == 0 && affected.pagesRendered < affected.pages)
        // ...and the next one only the document's own pages.
        try site.write(path, edited.replacingOccurrences(of: "Progress continues.", with: "Progress carries on."))
        let paragraph = try expectSameAsClean("a paragraph again")
        #expect(paragraph.cardsDrawn == 0 && paragraph.pagesRendered == 2, "its page and its quote's page")
        try site.write("site.yml", FixtureSite.standardFiles["site.yml"]!.replacingOccurrences(of: "Test portal", with: "A portal"))
        #expect(try expectSameAsClean("the site's title, which every card shows").cardsDrawn == 3)
    }
}
