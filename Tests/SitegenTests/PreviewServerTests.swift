import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing
@testable import SitegenServe

/// `sitegen serve`: a real server on a free loopback port, a real edit, a bounded wait.
@Suite struct PreviewServerTests {
    private func fetch(_ url: String) async throws -> (status: Int, body: String) {
        var request = URLRequest(url: URL(string: url)!)
        request.timeoutInterval = 5
        let (data, response) = try await URLSession.shared.data(for: request)
        return ((response as? HTTPURLResponse)?.statusCode ?? 0, String(decoding: data, as: UTF8.self))
    }

    /// Fetches `url` until `condition` holds, for at most `seconds`.
    private func waitFor(_ url: String, seconds: Double = 10, _ condition: (String) -> Bool) async throws -> String {
        let deadline = Date().addingTimeInterval(seconds)
        var last = ""
        while Date() < deadline {
            last = try await fetch(url).body
            if condition(last) { return last }
            try await Task.sleep(for: .milliseconds(100))
        }
        return last
    }

    @Test func servesRebuildsOnChangeShowsErrorsAndStops() async throws {
        let site = try FixtureSite()
        defer { site.remove() }
        let server = PreviewServer(content: site.content, port: 0) { _ in }
        let port = try await server.start()
        let base = "http://127.0.0.1:\(port)"

        let home = try await fetch("\(base)/")
        #expect(home.status == 200)
        #expect(home.body.contains("<h1>Test portal: children&#39;s services</h1>"))
        #expect(home.body.contains("/_sitegen/reload"))
        #expect(try await fetch("\(base)/style.css").body.contains(":root"))
        #expect(try await fetch("\(base)/no/such/page/").status == 404)

        let document = "\(base)/documents/2017-11-16-sustained/"
        try site.write("documents/2017-11-16-sustained.md",
                       "---\ntitle: Progress, edited live\ndate: 2017-11-16\nkind: article\n---\nEdited.\n")
        let edited = try await waitFor(document) { $0.contains("<h1>Progress, edited live</h1>") }
        #expect(edited.contains("<h1>Progress, edited live</h1>"))

        try site.write("documents/2017-11-16-sustained.md",
                       "---\ntitle: Broken\ndate: 2017-11-16\nkind: artcle\n---\nEdited.\n")
        let broken = try await waitFor(document) { $0.contains("sitegen-errors") }
        #expect(broken.contains("documents/2017-11-16-sustained.md:4:7</code> unknown kind &#39;artcle&#39;") ||
                broken.contains("documents/2017-11-16-sustained.md:4:7</code> unknown kind 'artcle'"))
        #expect(broken.contains("<h1>Progress, edited live</h1>"), "the last good page stays under the errors")

        await server.stop()
        await #expect(throws: (any Error).self) { try await fetch("\(base)/") }
    }

    @Test func theReloadScriptAndOverlayAreNeverPublished() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        try site.build()
        for page in site.publishedFiles() where page.hasSuffix(".html") {
            let html = try site.page(page)
            #expect(!html.contains("_sitegen"))
            let scripts = html.replacingOccurrences(of: "<script type=\"application/ld+json\">", with: "")
            #expect(page == "search/index.html" || !scripts.contains("<script"), "\(page) needs no JavaScript (JSON-LD is data)")
        }
    }
}
