import PortalModel
import Testing
@testable import SitegenCore

@Suite struct QuoteExtractionTests {
    @Test func anEmDashAttributionWithARoleMakesAQuote() throws {
        let result = Markdown.document("Intro.\n\n> We welcome the findings.\n>\n> — Jill Colbert, Chief Executive at TfC\n")
        let quote = try #require(result.quotes.first)
        #expect(result.quotes.count == 1)
        #expect(quote.speaker == "Jill Colbert")
        #expect(quote.role == "Chief Executive at TfC")
        #expect(quote.html == "<p>We welcome the findings.</p>\n")
        #expect(quote.text == "We welcome the findings.")
        #expect(quote.line == 5)
        #expect(result.segments == [.html("<p>Intro.</p>\n"), .quote(0)])
    }

    @Test func twoHyphensWithoutARoleMakeAQuote() throws {
        let result = Markdown.document("> Words here.\n>\n> -- Ofsted\n")
        let quote = try #require(result.quotes.first)
        #expect(quote.speaker == "Ofsted")
        #expect(quote.role == nil)
    }

    @Test func aBlockQuoteWithoutAttributionIsOrdinary() {
        let result = Markdown.document("> Just a block quote.\n>\n> Second paragraph.\n")
        #expect(result.quotes.isEmpty)
        #expect(result.segments == [.html("<blockquote>\n<p>Just a block quote.</p>\n<p>Second paragraph.</p>\n</blockquote>\n")])
    }

    @Test func aDashInsideTheLastParagraphIsNotAnAttribution() {
        let result = Markdown.document("> Words — more words.\n")
        #expect(result.quotes.isEmpty)
    }

    @Test func anAttributionThatIsNotTheLastParagraphIsNotAQuote() {
        let result = Markdown.document("> — Jill Colbert\n>\n> Words after.\n")
        #expect(result.quotes.isEmpty)
    }

    @Test func aNestedListStaysInsideTheQuote() throws {
        let result = Markdown.document("> Inspectors found:\n>\n> - timely discussions\n> - robust planning\n>\n> — Ofsted\n")
        let quote = try #require(result.quotes.first)
        #expect(quote.html == "<p>Inspectors found:</p>\n<ul>\n<li>timely discussions</li>\n<li>robust planning</li>\n</ul>\n")
        #expect(quote.text == "Inspectors found: timely discussions robust planning")
    }

    @Test func quotesAreNumberedInReadingOrderIncludingInsideLists() {
        let body = "> First.\n>\n> — A\n\n- item\n\n  > Second.\n  >\n  > — B, Role\n\n> Third.\n>\n> — C\n"
        let result = Markdown.document(body)
        #expect(result.quotes.map(\.speaker) == ["A", "B", "C"])
        #expect(result.segments.filter { if case .quote = $0 { true } else { false } } == [.quote(0), .quote(1), .quote(2)])
    }

    @Test func aQuoteInsideAQuoteBelongsToTheOuterOne() {
        let result = Markdown.document("> Outer.\n>\n> > Inner.\n> >\n> > — B\n>\n> — A\n")
        #expect(result.quotes.map(\.speaker) == ["A"])
        #expect(result.quotes.first?.html.contains("<blockquote>") == true)
    }

    @Test func headingsMoveDownSoThePageKeepsOneH1() throws {
        let result = Markdown.document("# Top\n\n## Next\n\n###### Deep\n\nText.")
        #expect(result.segments == [.html("<h2>Top</h2>\n<h3>Next</h3>\n<h6>Deep</h6>\n<p>Text.</p>\n")])
        #expect(Markdown.document("## Already h2\n").segments == [.html("<h2>Already h2</h2>\n")])
        let summary = try Markdown.html("# Summary heading\n").get()
        #expect(summary == "<h3>Summary heading</h3>\n")
    }

    @Test func smartPunctuationIsApplied() throws {
        let html = try Markdown.html("\"Quoted\" -- it's here...").get()
        #expect(html == "<p>“Quoted” – it’s here…</p>\n")
    }

    @Test func rawHTMLAndJavascriptLinksNeverPassThrough() throws {
        let html = try Markdown.html("<script>alert(1)</script>\n\nA [link](javascript:alert(1)) and <b>bold</b>.").get()
        #expect(!html.contains("<script"))
        #expect(!html.contains("<b>"))
        #expect(!html.contains("javascript:"))
    }

    @Test func theFirstTopLevelParagraphIsTheDefaultSummary() {
        let result = Markdown.document("# Heading\n\n> Quoted.\n\nThe *first* paragraph\nwraps.\n\nSecond.")
        #expect(result.firstParagraph == "The first paragraph wraps.")
    }

    @Test func attributionParsingTrimsAndSplitsAtTheFirstComma() {
        #expect(Markdown.parseAttribution("—  Cllr Butler ,  Cabinet Member, Children ")
            == ("Cllr Butler", "Cabinet Member, Children", QuoteAttributes(), nil))
        #expect(Markdown.parseAttribution("– Ofsted") == ("Ofsted", nil, QuoteAttributes(), nil))
        #expect(Markdown.parseAttribution("— Jill Colbert, Chief Executive {#colbert-delighted themes=a,b featured}")
            == ("Jill Colbert", "Chief Executive", QuoteAttributes(id: "colbert-delighted", themes: ["a", "b"], featured: true), nil))
        #expect(Markdown.parseAttribution("— Ofsted {starred}").problem
            == "unknown quote attribute 'starred' in braces; write #id, themes=first,second or featured")
    }

    /// cmark's trees live in a per-thread arena that each document empties: a body larger than
    /// its first block, then a small one, on several threads at once, must render as it does alone.
    @Test func bodiesOfAnySizeRenderTheSameOnEveryThreadOneAfterAnother() throws {
        let paragraph = "Inspectors found **timely** discussions in children’s services… see [the letter](https://example.org/l).\n\n"
        let large = String(repeating: paragraph, count: 4_000) + "> Last words.\n>\n> — Jill Colbert, Chief Executive\n"
        let small = "Intro.\n\n> We welcome the findings.\n>\n> — Ofsted\n"
        let alone = [large, small].map(Markdown.document)
        #expect(large.utf8.count > 400_000)
        #expect(alone[0].segments.count == 2 && alone[0].quotes.map(\.speaker) == ["Jill Colbert"])
        let renderedLarge = try #require(alone[0].segments.first)
        let one = try Markdown.html(paragraph, topHeading: 2).get()
        #expect(renderedLarge == .html(String(repeating: one, count: 4_000)))
        let inParallel = parallelMap(Array(repeating: [large, small], count: 8).flatMap { $0 }) { Markdown.document($0) }
        for (index, result) in inParallel.enumerated() {
            let expected = alone[index % 2]
            #expect(result.segments == expected.segments)
            #expect(result.quotes.map(\.html) == expected.quotes.map(\.html))
            #expect(result.firstParagraph == expected.firstParagraph)
        }
    }
}
