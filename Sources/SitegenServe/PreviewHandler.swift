import FlyingFox
import Foundation
import SitegenCore
import Templates

/// Serves the last good build, adds the reload script (and any errors) to HTML pages,
/// and answers `/_sitegen/reload` with a WebSocket that says when to reload.
/// Until a build succeeds, every address gets a page listing the errors.
///
/// It answers only its own address: drafts are for the editor, not for any web page they visit.
struct PreviewHandler: HTTPHandler {
    static let reloadPath = "/_sitegen/reload"
    /// The longest request target (path and query) answered; no page address comes near it.
    static let longestTarget = 2_048

    let state: PreviewState

    func handleRequest(_ request: HTTPRequest) async throws -> HTTPResponse {
        if let refusal = await refusal(of: request) { return refusal }
        if request.path == Self.reloadPath {
            return try await WebSocketHTTPHandler(handler: MessageFrameWSHandler(handler: ReloadMessages(state: state)))
                .handleRequest(request)
        }
        guard let site = await state.site else {
            return Self.page(.internalServerError, type: "text/html; charset=utf-8",
                             body: Self.errorPage(problems: await state.problems), for: request)
        }
        let path = request.target.path(percentEncoded: false)
        guard !path.split(separator: "/").contains("..") else { return HTTPResponse(statusCode: .forbidden) }
        var file = site + path
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: file, isDirectory: &isDirectory), isDirectory.boolValue {
            guard path.hasSuffix("/") else {
                return HTTPResponse(statusCode: .movedPermanently, headers: HTTPHeaders([.location: path + "/"]))
            }
            file += "index.html"
        }
        var status = HTTPStatusCode.ok
        if !FileManager.default.fileExists(atPath: file) {
            status = .notFound
            file = site + "/404.html"
        }
        guard var body = FileManager.default.contents(atPath: file) else { return HTTPResponse(statusCode: .notFound) }
        let type = Self.contentType(of: file)
        if type.hasPrefix("text/html") {
            body = Self.inject(into: body, problems: await state.problems)
        }
        return Self.page(status, type: type, body: body, for: request)
    }

    /// The answer to a request refused before its path is decoded or looked up: a target over
    /// `longestTarget` (414), a `Host` other than this server's, as a DNS-rebinding page sends (421),
    /// a method other than GET and HEAD (405), or a reload socket opened by a page from another
    /// origin (403). Nil for the others.
    private func refusal(of request: HTTPRequest) async -> HTTPResponse? {
        guard request.target.rawValue.utf8.count <= Self.longestTarget else { return HTTPResponse(statusCode: .uriTooLong) }
        let port = await state.port
        let origins = ["http://127.0.0.1:\(port)", "http://localhost:\(port)"]
        guard let host = request.headers[.host], origins.contains("http://" + host.lowercased()) else {
            return HTTPResponse(statusCode: .misdirectedRequest)
        }
        guard request.method == .GET || request.method == .HEAD else {
            return HTTPResponse(statusCode: .methodNotAllowed, headers: HTTPHeaders([HTTPHeader("Allow"): "GET, HEAD"]))
        }
        if request.path == Self.reloadPath {
            guard let origin = request.headers[HTTPHeader("Origin")], origins.contains(origin.lowercased()) else {
                return HTTPResponse(statusCode: .forbidden)
            }
        }
        return nil
    }

    /// A page that is never cached; for HEAD, its headers alone.
    private static func page(_ status: HTTPStatusCode, type: String, body: Data, for request: HTTPRequest) -> HTTPResponse {
        var headers: HTTPHeaders = [.contentType: type, HTTPHeader("Cache-Control"): "no-store"]
        guard request.method == .HEAD else { return HTTPResponse(statusCode: status, headers: headers, body: body) }
        headers[.contentLength] = String(body.count)
        return HTTPResponse(statusCode: status, headers: headers)
    }

    static func contentType(of file: String) -> String {
        switch (file as NSString).pathExtension.lowercased() {
        case "html": "text/html; charset=utf-8"
        case "css": "text/css; charset=utf-8"
        case "xml": "application/xml; charset=utf-8"
        case "txt": "text/plain; charset=utf-8"
        case "csv": "text/csv; charset=utf-8"
        case "js": "text/javascript; charset=utf-8"
        case "json": "application/json"
        case "svg": "image/svg+xml"
        case "png": "image/png"
        case "jpg", "jpeg": "image/jpeg"
        case "gif": "image/gif"
        case "webp": "image/webp"
        case "pdf": "application/pdf"
        default: "application/octet-stream"
        }
    }

    /// A page of its own for the errors, when there is no good build to show them over.
    static func errorPage(problems: [Diagnostic]) -> Data {
        let page = """
            <!DOCTYPE html>
            <html lang="en">
            <head><meta charset="utf-8"><title>sitegen: errors in the content</title></head>
            <body>
            </body>
            </html>

            """
        return inject(into: Data(page.utf8), problems: problems, overPage: false)
    }

    /// Adds the reload script, and the errors when there are any, before `</body>`;
    /// `overPage` says the page is the last good version, under the errors.
    static func inject(into page: Data, problems: [Diagnostic], overPage: Bool = true) -> Data {
        var html = String(decoding: page, as: UTF8.self)
        var extra = """
            <script>(() => { const open = () => { const socket = new WebSocket(`ws://${location.host}\(reloadPath)`); \
            socket.onmessage = () => location.reload(); socket.onclose = () => setTimeout(open, 1000); }; open(); })();</script>

            """
        if !problems.isEmpty {
            extra = overlay(problems, overPage: overPage).string + extra
        }
        if let end = html.range(of: "</body>", options: .backwards) {
            html.insert(contentsOf: extra, at: end.lowerBound)
        } else {
            html += extra
        }
        return Data(html.utf8)
    }

    /// The errors, one a line as the terminal shows them (control characters escaped too),
    /// escaped by the templates' `HTML`, in a panel over the page.
    static func overlay(_ problems: [Diagnostic], overPage: Bool) -> HTML {
        let items = problems.map { problem -> HTML in "<li><code>\(problem.description)</code></li>" }
        let shown = overPage ? "This preview still shows the last good version." : "There is no good version to show yet."
        return """
            <div id="sitegen-errors" role="alertdialog" aria-modal="true" aria-labelledby="sitegen-errors-title" \
            style="position:fixed;inset:0;overflow:auto;z-index:1000;background:rgba(255,255,255,0.97);color:#0b0c0c;\
            padding:1.5rem;font:16px/1.5 system-ui,sans-serif;border-top:8px solid #a4000f">\
            <h2 id="sitegen-errors-title" style="margin-top:0">The content has \(problems.count) \(problems.count == 1 ? "error" : "errors")</h2>\
            <p>\(shown) Fix these and save; the page reloads by itself.</p>\
            <ul style="padding-left:1.25rem">\(items)</ul></div>

            """
    }
}

/// Sends "reload" to one open page after each rebuild.
struct ReloadMessages: WSMessageHandler {
    let state: PreviewState

    func makeMessages(for client: AsyncStream<WSMessage>) async throws -> AsyncStream<WSMessage> {
        await state.listen()
    }
}
