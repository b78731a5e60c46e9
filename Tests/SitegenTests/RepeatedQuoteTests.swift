import Foundation
import Testing
@testable import SitegenCore

/// Two quotes of one document with the same words: a warning that names both lines and the
/// fix, never an error, since a source may repeat itself.
@Suite struct RepeatedQuoteTests {
    /// Its first and third quotes differ only in case and line breaks; its last has the words
    /// of a quote in another document, which is no repeat.
    static let repeating = """
        ---
        title: Repeated words
        date: 2022-02-01
        kind: article
        themes: [early-help]
        ---
        The article quotes the report twice.

        > Leaders are   confident and
        > ambitious.
        >
        > — Ofsted

        > Something else.
        >
        > — Ofsted

        > leaders are confident and AMBITIOUS.
        >
        > — Jill Colbert

        > It is encouraging to see progress.
        >
        > — Ofsted
        """

    static let warning = "documents/2022-02-01-repeated.md:20:3: warning: this quote has the same words as the quote at "
        + "documents/2022-02-01-repeated.md:12; delete one of them, or keep both if the source says them twice"

    @Test func checkWarnsOfQuotesInOneDocumentWithTheSameWordsAndTheSiteStillBuilds() throws {
        let site = try FixtureSite(replacing: ["documents/2022-02-01-repeated.md": Self.repeating])
        defer { site.remove() }
        let problems = SiteBuilder.check(content: site.content)
        #expect(!problems.contains { $0.severity == .error })
        let repeated = problems.filter { $0.message.contains("same words") }
            .map { $0.description.replacingOccurrences(of: site.content + "/", with: "") }
        #expect(repeated == [Self.warning])
        let summary = try site.build()
        #expect(summary.warnings.filter { $0.message.contains("same words") }.count == 1)
        #expect(summary.quotes == 7, "both quotes are published, as the document has them")
    }
}
