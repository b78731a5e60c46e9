import FlyingFox
import Foundation
import SitegenCore

/// Serves the preview folder, adds the reload script (and any errors) to HTML pages,
/// and answers `/_sitegen/reload` with a WebSocket that says when to reload.
struct PreviewHandler: HTTPHandler {
    static let reloadPath = "/_sitegen/reload"

    let site: String
    let state: PreviewState

    func handleRequest(_ request: HTTPRequest) async throws -> HTTPResponse {
        if request.path == Self.reloadPath {
            return try await WebSocketHTTPHandler(handler: MessageFrameWSHandler(handler: ReloadMessages(state: state)))
                .handleRequest(request)
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
        return HTTPResponse(statusCode: status,
                            headers: [.contentType: type, HTTPHeader("Cache-Control"): "no-store"], body: body)
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

    /// Adds the reload script, and the errors laid over the page when there are any, before `</body>`.
    static func inject(into page: Data, problems: [Diagnostic]) -> Data {
        var html = String(decoding: page, as: UTF8.self)
        var extra = """
            <script>(() => { const open = () => { const socket = new WebSocket(`ws://${location.host}\(reloadPath)`); \
            socket.onmessage = () => location.reload(); socket.onclose = () => setTimeout(open, 1000); }; open(); })();</script>

            """
        if !problems.isEmpty {
            let items = problems.map { problem in
                "<li><code>\(escape("\(problem.path):\(problem.line):\(problem.column)"))</code> \(escape(problem.message))</li>"
            }.joined()
            extra = """
                <div id="sitegen-errors" role="alertdialog" aria-modal="true" aria-labelledby="sitegen-errors-title" \
                style="position:fixed;inset:0;overflow:auto;z-index:1000;background:rgba(255,255,255,0.97);color:#0b0c0c;\
                padding:1.5rem;font:16px/1.5 system-ui,sans-serif;border-top:8px solid #a4000f">\
                <h2 id="sitegen-errors-title" style="margin-top:0">The content has \(problems.count) \(problems.count == 1 ? "error" : "errors")</h2>\
                <p>This preview still shows the last good version. Fix these and save; the page reloads by itself.</p>\
                <ul style="padding-left:1.25rem">\(items)</ul></div>

                """ + extra
        }
        if let end = html.range(of: "</body>", options: .backwards) {
            html.insert(contentsOf: extra, at: end.lowerBound)
        } else {
            html += extra
        }
        return Data(html.utf8)
    }

    private static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
    }
}

/// Sends "reload" to one open page after each rebuild.
struct ReloadMessages: WSMessageHandler {
    let state: PreviewState

    func makeMessages(for client: AsyncStream<WSMessage>) async throws -> AsyncStream<WSMessage> {
        await state.listen()
    }
}
