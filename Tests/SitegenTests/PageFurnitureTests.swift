import Foundation
import Testing
@testable import SitegenCore

/// What every page shares besides its content: the 404 page, the stylesheet, the favicon, the search box.
@Suite struct PageFurnitureTests {
    @Test func theNotFoundPageLinksRootRelativeFromTheBaseURLsPath() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        try site.build()
        let page = try site.page("404.html")
        #expect(page.contains("<link rel=\"stylesheet\" href=\"/portal/style.css\">"))
        #expect(page.contains("<a class=\"site-title\" href=\"/portal/\">"))
        #expect(page.contains("<a href=\"/portal/timeline/\">the timeline</a>"))
        #expect(page.contains("<link rel=\"canonical\" href=\"https://example.org/portal/404.html\">"))
        let hrefs = links(in: page).filter { $0 != "#main" && !$0.hasPrefix("https://example.org/portal/404.html") }
        #expect(hrefs.count > 10)
        #expect(hrefs.allSatisfy { $0.hasPrefix("/portal/") }, "\(hrefs)")
    }

    @Test func aSiteAtTheHostRootGetsLinksFromSlash() throws {
        let site = try FixtureSite(replacing: [
            "site.yml": "title: Portal\nbase_url: \"https://portal.example.org\"\n",
        ])
        defer { site.remove() }
        try site.build()
        let page = try site.page("404.html")
        #expect(page.contains("<link rel=\"stylesheet\" href=\"/style.css\">"))
        #expect(page.contains("<a href=\"/documents/\">all documents</a>"))
    }

    @Test func focusedHeaderLinksAreDarkOnTheFocusColour() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        try site.build()
        let css = try site.page("style.css")
        // After the header's white link colours, so it wins over them.
        let rule = try #require(css.range(of: ".site-header a:focus-visible { color: var(--text); }"))
        let white = try #require(css.range(of: ".site-nav a, .site-nav a:visited { color: #fff;"))
        #expect(white.upperBound < rule.lowerBound)
    }

    @Test func everyPageLinksTheFaviconRelatively() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        try site.build()
        let icon = try site.page("favicon.svg")
        #expect(icon.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\""))
        #expect(XMLCheck.isWellFormed(icon))
        #expect(try site.page("index.html").contains("<link rel=\"icon\" href=\"favicon.svg\" type=\"image/svg+xml\">"))
        #expect(try site.page("quotes/2021-05-11-progress-1/index.html")
            .contains("<link rel=\"icon\" href=\"../../favicon.svg\" type=\"image/svg+xml\">"))
        #expect(try site.page("404.html").contains("<link rel=\"icon\" href=\"/portal/favicon.svg\" type=\"image/svg+xml\">"))
    }

    @Test func theSearchPageUsesPagefindsComponentsFromTheSiteItself() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        try site.build()
        let page = try site.page("search/index.html")
        for element in ["pagefind-input", "pagefind-summary", "pagefind-filter-pane", "pagefind-results"] {
            #expect(page.contains("<\(element)"), "no <\(element)>")
        }
        #expect(page.contains("\"../pagefind/pagefind-component-ui.js\""))
        #expect(!page.contains("pagefind-ui.js") && !page.contains("pagefind-ui.css"))
        let elsewhere = page.components(separatedBy: "https://").dropFirst().filter { !$0.hasPrefix("example.org/portal/") }
        #expect(elsewhere.isEmpty, "loads nothing from another host")
    }
}
