import Foundation
import Testing
@testable import SitegenCore

/// Quotes with their own themes (`{themes=a,b}`): every grouping by theme goes by the quote's
/// themes, not its document's.
@Suite struct QuoteThemesTests {
    static let themedDocument = """
        ---
        title: Themed quotes
        date: 2022-01-10
        kind: press-release
        publisher: Together for Children
        themes: [early-help]
        ---
        Three quotes: two with themes of their own, one with its document's.

        > Children in care are thriving.
        >
        > — Ofsted {themes=children-in-care}

        > Early help and care both improved.
        >
        > — Jill Colbert {themes=children-in-care,early-help}

        > Families get help early.
        >
        > — Ofsted
        """

    private func site() throws -> FixtureSite {
        try FixtureSite(replacing: ["documents/2022-01-10-themed.md": Self.themedDocument])
    }

    @Test func themePagesListEachQuoteByItsOwnThemesAndTheDocumentByItsThemes() throws {
        let site = try site()
        defer { site.remove() }
        try site.build()
        let documentCard = "<h3 class=\"card-title\"><a href=\"../../documents/2022-01-10-themed/index.html\">"
        func quoteLink(_ number: Int) -> String { "../../quotes/2022-01-10-themed-\(number)/index.html" }

        let inCare = try site.page("themes/children-in-care/index.html")
        #expect(inCare.contains(quoteLink(1)) && inCare.contains(quoteLink(2)) && !inCare.contains(quoteLink(3)))
        #expect(!inCare.contains(documentCard), "the document's own themes leave children in care out")
        #expect(inCare.contains("<h2 id=\"quotes\">Quotes (4)</h2>"), "two of these and the progress document's two")

        let earlyHelp = try site.page("themes/early-help/index.html")
        #expect(!earlyHelp.contains(quoteLink(1)) && earlyHelp.contains(quoteLink(2)) && earlyHelp.contains(quoteLink(3)))
        #expect(earlyHelp.contains(documentCard))

        let index = try site.page("themes/index.html")
        #expect(index.contains("Children in care</a></h2><p>Children looked after by the council.</p><p class=\"meta\">1 document · 4 quotes</p>"))
        #expect(index.contains("Early help</a></h2><p>Support for families before problems escalate.</p><p class=\"meta\">3 documents · 5 quotes</p>"))

        let quote = try site.page("quotes/2022-01-10-themed-1/index.html")
        #expect(quote.contains("<dt>Themes</dt><dd><ul class=\"tags\"><li><a href=\"../../themes/children-in-care/index.html\" data-pagefind-filter=\"theme\">Children in care</a></li></ul></dd>"))
    }

    @Test func openDataGivesEachQuoteItsOwnThemes() throws {
        let site = try site()
        defer { site.remove() }
        try site.build()
        let csv = try site.page("data/quotes.csv")
        #expect(csv.contains("2022-01-10-themed-1,Children in care are thriving.,Ofsted inspectors,,2022-01-10,2022-01-10-themed,,children-in-care,"))
        #expect(csv.contains(",2022-01-10-themed,,children-in-care;early-help,"))
        #expect(csv.contains(",2022-01-10-themed,,early-help,"))
        let json = try site.page("data/portal.json")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let quotes = try #require(object["quotes"] as? [[String: Any]])
        let themes = Dictionary(uniqueKeysWithValues: quotes.compactMap { quote in
            (quote["id"] as? String).map { ($0, quote["themes"] as? [String] ?? []) }
        })
        #expect(themes["2022-01-10-themed-1"] == ["children-in-care"])
        #expect(themes["2022-01-10-themed-2"] == ["children-in-care", "early-help"])
        #expect(themes["2022-01-10-themed-3"] == ["early-help"])
    }
}
