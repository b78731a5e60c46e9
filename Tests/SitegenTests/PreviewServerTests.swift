import Foundation
import SitegenCore
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

    /// Fetches `url` until `condition` holds, for at most `seconds` (and at least once, however late
    /// this task runs on a busy machine).
    private func waitFor(_ url: String, seconds: Double = 10, _ condition: (String) -> Bool) async throws -> String {
        let deadline = Date().addingTimeInterval(seconds)
        while true {
            let last = try await fetch(url).body
            if condition(last) || Date() >= deadline { return last }
            try await Task.sleep(for: .milliseconds(100))
        }
    }

    /// Sends `request` as written over a new connection and returns the answer: its headers and
    /// `Content-Length` bytes of body, or what came before the server closed the connection or five
    /// seconds passed.
    /// The blocking calls run on a thread of their own, never on one the server needs.
    private func exchange(_ request: String, port: UInt16) async throws -> String {
        try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread {
                continuation.resume(with: Result { try exchangeBlocking(request, port: port) })
            }
        }
    }

    private func exchangeBlocking(_ request: String, port: UInt16) throws -> String {
        let connection = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        try #require(connection >= 0)
        defer { close(connection) }
        var timeout = timeval(tv_sec: 5, tv_usec: 0)
        for option in [SO_RCVTIMEO, SO_SNDTIMEO] {
            setsockopt(connection, SOL_SOCKET, option, &timeout, socklen_t(MemoryLayout<timeval>.size))
        }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(connection, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        try #require(connected == 0)
        let bytes = Array(request.utf8)
        var sent = 0
        while sent < bytes.count {
            let count = bytes[sent...].withUnsafeBytes { send(connection, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard count > 0 else { break }
            sent += count
        }
        var answer = [UInt8]()
        var buffer = [UInt8](repeating: 0, count: 4_096)
        while true {
            let count = recv(connection, &buffer, buffer.count, 0)
            guard count > 0 else { break }
            answer += buffer[..<count]
            let text = String(decoding: answer, as: UTF8.self)
            guard let end = text.range(of: "\r\n\r\n") else { continue }
            let length = text[..<end.lowerBound].split(separator: "\r\n")
                .first { $0.lowercased().hasPrefix("content-length: ") }.flatMap { Int($0.dropFirst(16)) } ?? 0
            if text.utf8.count - text[..<end.upperBound].utf8.count >= length { break }
        }
        return String(decoding: answer, as: UTF8.self)
    }

    @Test func answersOnlyItsOwnHostAndOpensTheReloadSocketOnlyForItsOwnPages() async throws {
        let site = try FixtureSite()
        defer { site.remove() }
        let server = PreviewServer(content: site.content, port: 0) { _ in }
        let port = try await server.start()

        func get(host: String?) async throws -> String {
            try await exchange("GET / HTTP/1.1\r\n" + (host.map { "Host: \($0)\r\n" } ?? "") + "Connection: close\r\n\r\n", port: port)
        }
        for host in ["127.0.0.1:\(port)", "localhost:\(port)", "LocalHost:\(port)"] {
            #expect(try await get(host: host).hasPrefix("HTTP/1.1 200 "), "\(host)")
        }
        for host in ["attacker.example:\(port)", "127.0.0.1", "127.0.0.1:1", "localhost.attacker.example:\(port)", nil] {
            #expect(try await get(host: host).hasPrefix("HTTP/1.1 421 "), "\(host ?? "no Host")")
        }

        func openSocket(origin: String?) async throws -> String {
            try await exchange("GET /_sitegen/reload HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nUpgrade: websocket\r\n"
                + "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
                + (origin.map { "Origin: \($0)\r\n" } ?? "") + "\r\n", port: port)
        }
        for origin in ["http://127.0.0.1:\(port)", "http://localhost:\(port)"] {
            #expect(try await openSocket(origin: origin).hasPrefix("HTTP/1.1 101 "), "\(origin)")
        }
        for origin in ["http://attacker.example", "http://attacker.example:\(port)", "http://127.0.0.1:1",
                       "https://127.0.0.1:\(port)", "null", nil] {
            #expect(try await openSocket(origin: origin).hasPrefix("HTTP/1.1 403 "), "\(origin ?? "no Origin")")
        }
        await server.stop()
    }

    @Test func answersOnlyGetAndHeadAndRefusesLongTargetsAtOnce() async throws {
        let site = try FixtureSite()
        defer { site.remove() }
        let server = PreviewServer(content: site.content, port: 0) { _ in }
        let port = try await server.start()
        func send(_ method: String, _ target: String = "/") async throws -> String {
            try await exchange("\(method) \(target) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nContent-Length: 0\r\n"
                + "Connection: close\r\n\r\n", port: port)
        }

        for method in ["POST", "PUT", "DELETE", "PATCH", "OPTIONS"] {
            let answer = try await send(method)
            #expect(answer.hasPrefix("HTTP/1.1 405 "), "\(method)")
            #expect(answer.contains("\r\nAllow: GET, HEAD\r\n"), "\(method)")
        }
        let page = try await send("GET")
        let head = try await send("HEAD")
        #expect(head.hasPrefix("HTTP/1.1 200 "))
        #expect(head.hasSuffix("\r\n\r\n"), "a HEAD answer has no body (the server closes the connection after it)")
        let length = { (answer: String) in answer.split(separator: "\r\n").first { $0.hasPrefix("Content-Length: ") } }
        #expect(length(head) != nil && length(head) == length(page))

        #expect(try await send("GET", "/" + String(repeating: "a", count: 2_000)).hasPrefix("HTTP/1.1 404 "))
        let started = Date()
        #expect(try await send("GET", "/" + String(repeating: "%61", count: 1_000)).hasPrefix("HTTP/1.1 414 "))
        #expect(try await send("GET", "/?" + String(repeating: "a", count: 2_100)).hasPrefix("HTTP/1.1 414 "))
        #expect(Date().timeIntervalSince(started) < 5)
        let huge = Date()
        #expect(try await send("GET", "/" + String(repeating: "a", count: 100_000)).hasPrefix("HTTP/1.1 414 "))
        #expect(try await exchange("GET / HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nX-Long: \(String(repeating: "b", count: 40_000))\r\n\r\n",
                                   port: port).hasPrefix("HTTP/1.1 431 "))
        #expect(Date().timeIntervalSince(huge) < 1, "a 100 KB path is refused before the HTTP server reads it")
        let kept = try await exchange("GET / HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: keep-alive\r\n\r\n"
            + "GET /\(String(repeating: "a", count: 100_000)) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\n\r\n", port: port)
        #expect(kept.hasPrefix("HTTP/1.1 200 ") && kept.components(separatedBy: "HTTP/1.1 ").count == 2,
                "one request a connection: a second, long one on the same connection is never read")
        #expect(Date().timeIntervalSince(huge) < 2)
        #expect(try await send("GET").hasPrefix("HTTP/1.1 200 "))
        await server.stop()
    }

    @Test func servesRebuildsOnChangeShowsErrorsAndStops() async throws {
        let site = try FixtureSite()
        defer { site.remove() }
        let server = PreviewServer(content: site.content, port: 0) { _ in }
        let port = try await server.start()
        let base = "http://127.0.0.1:\(port)"

        let home = try await fetch("\(base)/")
        #expect(home.status == 200)
        #expect(home.body.contains("<h1>From inadequate to outstanding</h1>"))
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
            + "write it as YYYY-MM-DD, or YYYY-MM or YYYY when the sources give only the month or year, for example 2021-05-11 or 2015-07"
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
        let fixed = try await waitFor("\(base)/") { $0.contains("<h1>From inadequate to outstanding</h1>") }
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

        let logged = log.lines.joined(separator: "\n")
        let refused = "'kind' contains the control character U+001B, which cannot be published"
        #expect(logged.components(separatedBy: refused).count == 4, "the log names each refused value")
        #expect(page.components(separatedBy: HTML.escaped(refused)).count == 4, "the page names each refused value")
        let printed = Diagnostic(path: "x.md", line: 1, message: "unknown kind '\u{1B}]52;c;aGk=\u{7}'").description
        #expect(printed == "x.md:1:1: error: unknown kind '\\u{1B}]52;c;aGk=\\u{7}'")
        let isControl = { (scalar: Unicode.Scalar) in scalar.properties.generalCategory == .control && scalar != "\n" }
        #expect(!logged.unicodeScalars.contains(where: isControl))
        #expect(!page.unicodeScalars.contains(where: isControl))
    }

    @Test func aSlowBuildNeitherStopsThePollingNorReplacesTheNewerSite() async throws {
        let site = try FixtureSite()
        defer { site.remove() }
        let file = "documents/2017-11-16-sustained.md"
        let release = DispatchSemaphore(value: 0)
        let slowBuildEnded = Mutex(false)
        let server = PreviewServer(content: site.content, port: 0, build: { options in
            let slow = (try? String(contentsOfFile: "\(options.content)/\(file)", encoding: .utf8))?.contains("Slow") == true
            let summary = try SiteBuilder.build(options)
            if slow {
                _ = release.wait(timeout: .now() + 30)
                slowBuildEnded.withLock { $0 = true }
            }
            return summary
        }, log: { _ in })
        let port = try await server.start()
        let document = "http://127.0.0.1:\(port)/documents/2017-11-16-sustained/"

        try site.write(file, "---\ntitle: Slow edit\ndate: 2017-11-16\nkind: article\n---\nText.\n")
        let slow = try await waitFor(document) { $0.contains("<h1>Slow edit</h1>") }
        try #require(slow.contains("<h1>Slow edit</h1>"), "the slow build wrote its pages, then hung")

        try site.write(file, "---\ntitle: Next edit\ndate: 2017-11-16\nkind: article\n---\nText.\n")
        let next = try await waitFor(document) { $0.contains("<h1>Next edit</h1>") }
        #expect(next.contains("<h1>Next edit</h1>"), "the next edit waited for the slow build")

        release.signal()
        let deadline = Date().addingTimeInterval(10)
        while !slowBuildEnded.withLock({ $0 }) && Date() < deadline { try await Task.sleep(for: .milliseconds(50)) }
        try await Task.sleep(for: .milliseconds(500))
        #expect(try await fetch(document).body.contains("<h1>Next edit</h1>"), "the slow build's older site came back")
        await server.stop()
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
