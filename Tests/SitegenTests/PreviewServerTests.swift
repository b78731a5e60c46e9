import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Synchronization
import Templates
import Testing
@testable import SitegenServe

/// `sitegen serve`: a real server on a free loopback port, a real edit, a bounded wait.
@Suite struct PreviewServerTests {
    /// The lines a server logs, as the terminal would print them.
    private final class Log: Sendable {
        private let storage = Mutex<[String]>([])
        var lines: [String] { storage.withLock { $0 } }
        func append(_ line: String) { storage.withLock { $0.append(line) } }
    }

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
        #expect(broken.contains("documents/2017-11-16-sustained.md:4:7: error: unknown kind &#39;artcle&#39;"))
        #expect(broken.contains("<h1>Progress, edited live</h1>"), "the last good page stays under the errors")

        await server.stop()
        await #expect(throws: (any Error).self) { try await fetch("\(base)/") }
    }

    @Test func contentBrokenAtStartGetsAnErrorPageAtEveryAddressUntilItIsFixed() async throws {
        let site = try FixtureSite(replacing: ["documents/2017-11-16-sustained.md":
            "---\ntitle: Sustained progress\ndate: 2017-11-31\nkind: article\n---\nProgress.\n"])
        defer { site.remove() }
        let log = Log()
        let server = PreviewServer(content: site.content, port: 0) { log.append($0) }
        let port = try await server.start()
        let base = "http://127.0.0.1:\(port)"

        let error = "\(site.content)/documents/2017-11-16-sustained.md:3:7: error: 'date' is not a real date: '2017-11-31'; "
            + "write it as YYYY-MM-DD, for example 2021-05-11"
        #expect(log.lines.contains(error))
        let shown: HTML = "<code>\(error)</code>"
        for path in ["/", "/style.css", "/documents/2021-05-11-progress/", "/no/such/page/"] {
            let page = try await fetch(base + path)
            #expect(page.status == 500, "\(path)")
            #expect(page.body.contains(shown.string), "\(path) does not list the error")
            #expect(page.body.contains("/_sitegen/reload"), "\(path) would not reload when the content is fixed")
        }

        try site.write("documents/2017-11-16-sustained.md",
                       "---\ntitle: Sustained progress\ndate: 2017-11-30\nkind: article\n---\nProgress.\n")
        let fixed = try await waitFor("\(base)/") { $0.contains("<h1>Test portal: children&#39;s services</h1>") }
        #expect(!fixed.contains("sitegen-errors"))
        #expect(try await fetch("\(base)/").status == 200)
        await server.stop()
    }

    @Test func controlCharactersInErrorsAreShownEscapedOnThePageAndInTheLog() async throws {
        let site = try FixtureSite(replacing: [
            "documents/2017-11-16-sustained.md": "---\ntitle: Sustained\ndate: 2017-11-16\nkind: \"\\e[2J\"\n---\nText.\n",
            "documents/2021-05-11-progress.md": "---\ntitle: Progress\ndate: 2021-05-11\nkind: \"\\e]52;c;aGk=\\a\"\n---\nText.\n",
            "visits/2015-07-inspection.md": "---\ntitle: Inspection\nkind: \"\\e]8;;https://evil.example/\\e\\\\click\\e]8;;\\e\\\\\"\n"
                + "start: 2015-07-01\njudgement: inadequate\n---\nText.\n",
        ])
        defer { site.remove() }
        let log = Log()
        let server = PreviewServer(content: site.content, port: 0) { log.append($0) }
        let port = try await server.start()
        let page = try await fetch("http://127.0.0.1:\(port)/").body
        await server.stop()

        let escaped = ["\\u{1B}[2J", "\\u{1B}]52;c;aGk=\\u{7}", "\\u{1B}]8;;https://evil.example/\\u{1B}\\click\\u{1B}]8;;\\u{1B}\\"]
        let logged = log.lines.joined(separator: "\n")
        for text in escaped {
            #expect(logged.contains("unknown kind '\(text)'"), "the log does not show \(text)")
            let shown: HTML = "\("unknown kind '\(text)'")"
            #expect(page.contains(shown.string), "the page does not show \(text)")
        }
        let isControl = { (scalar: Unicode.Scalar) in scalar.properties.generalCategory == .control && scalar != "\n" }
        #expect(!logged.unicodeScalars.contains(where: isControl))
        #expect(!page.unicodeScalars.contains(where: isControl))
    }

    @Test func theReloadScriptAndOverlayAreNeverPublished() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        try site.build()
        for page in site.publishedFiles() where page.hasSuffix(".html") {
            let html = try site.page(page)
            #expect(!html.contains("_sitegen"))
            #expect(page == "search/index.html" || !html.contains("<script"), "\(page) needs no JavaScript")
        }
    }
}
