import Foundation
import Testing
@testable import SitegenCore

/// Lists longer than `page_size` split into pages at `<list>/page/<n>/`, with an accessible
/// page navigation, in the sitemap, and kept right by every kind of rebuild.
@Suite struct PaginationTests {
    static let site = """
        title: "Test portal: children's services"
        base_url: "https://example.org/portal/"
        publisher: Test Council
        page_size: 3
        """

    /// A document dated 2022-04-`day` in the focused visit and early help, quoting Jill Colbert.
    static func document(_ day: Int, words: String? = nil) -> String {
        "---\ntitle: Report \(day)\ndate: 2022-04-\(String(format: "%02d", day))\nkind: article\n"
            + "visit: 2021-03-focused-visit\nthemes: [early-help]\n---\nText \(day).\n\n"
            + "> \(words ?? "Words spoken on day \(day), in full, with every part kept.")\n>\n> — Jill Colbert\n"
    }

    static func path(_ day: Int) -> String { "documents/2022-04-\(String(format: "%02d", day))-report.md" }

    /// The standard fixture (2 documents, 4 quotes) with `page_size: 3` and `extra` more documents.
    private func site(extra: Int = 6) throws -> FixtureSite {
        var changes: [String: String?] = ["site.yml": Self.site]
        for day in 1...extra { changes[Self.path(day)] = Self.document(day) }
        return try FixtureSite(replacing: changes)
    }

    @Test func longListsHavePagesWithANavigationAndEveryPageInTheSitemap() throws {
        let site = try site()
        defer { site.remove() }
        try site.build()
        // 8 documents: pages 1 to 3, newest first.
        let first = try site.page("documents/index.html")
        #expect(first.contains("<title>Documents (page 1 of 3) – "))
        #expect(first.contains("Report 6") && first.contains("Report 4") && !first.contains("Report 3<"))
        #expect(first.contains("<nav class=\"pagination\" aria-label=\"Pages of documents\"><p>Page 1 of 3</p>"))
        #expect(first.contains("<a href=\"../documents/index.html\" aria-current=\"page\"><span class=\"visually-hidden\">Page </span>1</a>"))
        #expect(first.contains("<a href=\"../documents/page/2/index.html\" rel=\"next\">Next"))
        #expect(!first.contains("rel=\"prev\""))
        let second = try site.page("documents/page/2/index.html")
        #expect(second.contains("<h1>Documents (page 2 of 3)</h1>"))
        #expect(second.contains("Report 3") && second.contains("Report 1") && !second.contains("Report 4<"))
        #expect(second.contains("<a href=\"../../../documents/index.html\" rel=\"prev\">Previous"))
        #expect(second.contains("<a href=\"../../../documents/page/3/index.html\" rel=\"next\">Next"))
        #expect(second.contains("<link rel=\"canonical\" href=\"https://example.org/portal/documents/page/2/\">"))
        #expect(second.contains("<span aria-current=\"page\">Page 2</span>"))
        let last = try site.page("documents/page/3/index.html")
        #expect(last.contains("Ofsted finds that progress is evident") && last.contains("Sustained progress"))
        #expect(!site.publishedFiles().contains("documents/page/4/index.html"))
        // A theme turns its documents and quotes in step; a speaker's quotes are whole.
        #expect(site.publishedFiles().contains("themes/early-help/page/3/index.html"))
        #expect(site.publishedFiles().contains("quotes/page/3/index.html"))
        #expect(site.publishedFiles().contains("visits/2021-03-focused-visit/page/2/index.html"))
        let sitemap = try site.page("sitemap.xml")
        for page in ["documents/page/2/", "documents/page/3/", "quotes/page/3/", "themes/early-help/page/3/",
                     "speakers/jill-colbert/page/3/", "timeline/page/2/"] {
            #expect(sitemap.contains("<loc>https://example.org/portal/\(page)</loc>"), "\(page) in the sitemap")
        }
    }

    @Test func speakerPagesShowEachQuoteWholeNewestFirst() throws {
        let long = String(repeating: "Every word of this long quote matters to the reader. ", count: 12)
        let site = try FixtureSite(replacing: ["site.yml": Self.site, Self.path(1): Self.document(1, words: long)])
        defer { site.remove() }
        try site.build()
        let page = try site.page("speakers/jill-colbert/index.html")
        #expect(page.contains(long.trimmingCharacters(in: .whitespaces)))
        #expect(page.range(of: "Report 1")!.lowerBound < page.range(of: "Ofsted finds that progress is evident")!.lowerBound)
        #expect(!page.contains("…"))
    }

    @Test func everyDocumentAndQuoteIsReachableByLinksFromTheHomePage() throws {
        let site = try site(extra: 9)
        defer { site.remove() }
        try site.build()
        var seen: Set<String> = ["index.html"]
        var queue = ["index.html"]
        while let page = queue.popLast() {
            for link in links(in: try site.page(page)) where link.hasSuffix("index.html") && !link.hasPrefix("http") {
                var parts = page.split(separator: "/").dropLast().map(String.init)
                for part in link.split(separator: "/") {
                    if part == ".." { parts.removeLast() } else if part != "." { parts.append(String(part)) }
                }
                let target = parts.joined(separator: "/")
                if seen.insert(target).inserted, FileManager.default.fileExists(atPath: "\(site.output)/\(target)") {
                    queue.append(target)
                }
            }
        }
        let pages = site.publishedFiles().filter { $0.hasPrefix("documents/") || $0.hasPrefix("quotes/") }
            .filter { $0.hasSuffix("index.html") }
        #expect(pages.count > 20)
        #expect(pages.filter { !seen.contains($0) } == [])
    }

    @Test func rebuildsKeepEveryPageAsACleanBuildWouldMakeIt() throws {
        let site = try site()
        defer { site.remove() }
        func expectClean(_ change: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
            try site.build()
            let published = FixtureSite.snapshot(site.output)
            let clean = try site.cleanBuild()
            #expect(published.keys.sorted() == clean.keys.sorted(), "files after: \(change)", sourceLocation: sourceLocation)
            for (path, bytes) in clean where published[path] != bytes {
                Issue.record("\(path) differs from a clean build after: \(change)", sourceLocation: sourceLocation)
            }
        }
        try expectClean("first build")
        try site.write(Self.path(7), Self.document(7))
        try expectClean("a document added: every page of its lists moves along")
        try site.write(Self.path(2), Self.document(2, words: "Reworded words, whole on the speaker's page."))
        try expectClean("a quote reworded: its rows replaced on the pages that show it")
        for day in [1, 3, 4, 5, 6] { try FileManager.default.removeItem(atPath: "\(site.content)/\(Self.path(day))") }
        try expectClean("five documents removed: the last pages go")
        #expect(!site.publishedFiles().contains("documents/page/3/index.html"))
        try site.write("site.yml", Self.site.replacingOccurrences(of: "page_size: 3", with: "page_size: 2"))
        try expectClean("a smaller page size")
    }
}
