import Foundation
import Templates

/// Checks a built site: every internal `href` and `src` must name a file of the build,
/// and every `#fragment` an element id in the page it points to. Never needs the network.
public enum LinkChecker {
    /// Problems as diagnostics at the page, line and column of the bad link, or, where
    /// `sources` names the Markdown file a page comes from and the link is written there, at
    /// that file's line and column. Links starting with `baseURL` count as internal, and
    /// root-relative links (the 404 page's) must start with its path. Paths are
    /// percent-decoded before files are looked up.
    public static func check(site folder: String, baseURL: String? = nil, displayPath: String? = nil,
                             sources: (String) -> String? = { _ in nil }) -> [Diagnostic] {
        let root = URL(fileURLWithPath: folder).standardized.path
        let shown = displayPath ?? folder
        var files = Set<String>()
        var pages: [String: Page] = [:]
        let walker = FileManager.default.enumerator(atPath: root)
        while let relative = walker?.nextObject() as? String {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: "\(root)/\(relative)", isDirectory: &isDirectory),
                  !isDirectory.boolValue else { continue }
            files.insert(relative)
            if relative.hasSuffix(".html"), let text = try? String(contentsOfFile: "\(root)/\(relative)", encoding: .utf8) {
                pages[relative] = Page(text)
            }
        }
        var problems: [Diagnostic] = []
        for (path, page) in pages.sorted(by: { $0.key < $1.key }) {
            let folder = (path as NSString).deletingLastPathComponent
            for link in page.links {
                guard let (target, fragment) = resolve(link.value, from: folder, baseURL: baseURL) else { continue }
                func report(_ message: String) {
                    let destination = HTML.unescaped(link.value)
                    if let source = sources(path), let place = LinkSources.position(of: destination, in: source) {
                        problems.append(Diagnostic(path: source, line: place.line, column: place.column, message: message))
                    } else {
                        problems.append(Diagnostic(path: "\(shown)/\(path)", line: link.line, column: link.column,
                                                   message: message))
                    }
                }
                let file = target.isEmpty ? path : target
                guard let found = [file, file + "/index.html", file + "index.html"].first(where: files.contains) else {
                    report("broken link '\(link.value)': the build has no file \(file)")
                    continue
                }
                if let fragment, !fragment.isEmpty {
                    guard let targetPage = pages[found] else { continue }
                    if !targetPage.ids.contains(fragment) {
                        report("broken link '\(link.value)': \(found) has no element with id '\(fragment)'")
                    }
                }
            }
        }
        return problems
    }

    /// The file path below the root and the fragment, or nil for an external link.
    private static func resolve(_ link: String, from folder: String, baseURL: String?) -> (String, String?)? {
        var link = HTML.unescaped(link)
        if let baseURL, link.hasPrefix(baseURL) {
            link = String(link.dropFirst(baseURL.count))
            return split(link, relativeTo: "")
        }
        if let colon = link.firstIndex(of: ":"), !link[..<colon].contains("/"), !link[..<colon].contains("#") {
            return nil
        }
        if link.hasPrefix("//") { return nil }
        if link.hasPrefix("/") {
            let root = baseURL.map(path) ?? "/"
            guard link.hasPrefix(root) else { return (link, nil) }
            return split(String(link.dropFirst(root.count)), relativeTo: "")
        }
        return split(link, relativeTo: folder)
    }

    /// The path of an absolute URL, ending in "/": "https://example.org/portal/" gives "/portal/".
    private static func path(of url: String) -> String {
        let path = URLComponents(string: url)?.path ?? "/"
        return path.hasSuffix("/") ? path : path + "/"
    }

    private static func split(_ link: String, relativeTo folder: String) -> (String, String?) {
        let parts = link.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
        let encoded = parts[0].split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)[0]
        let pathPart = Substring(encoded.removingPercentEncoding ?? String(encoded))
        let fragment = parts.count > 1 ? String(parts[1]) : nil
        guard !pathPart.isEmpty else { return ("", fragment) }
        var components: [Substring] = folder.isEmpty ? [] : folder.split(separator: "/")
        for component in pathPart.split(separator: "/", omittingEmptySubsequences: true) {
            switch component {
            case ".": continue
            case "..": if !components.isEmpty { components.removeLast() }
            default: components.append(component)
            }
        }
        let joined = components.joined(separator: "/")
        return (pathPart.hasSuffix("/") && !joined.isEmpty ? joined + "/" : joined, fragment)
    }

    /// The links and ids of one page, with positions.
    private struct Page {
        var links: [(value: String, line: Int, column: Int)] = []
        var ids = Set<String>()

        init(_ text: String) {
            let bytes = Array(text.utf8)
            var line = 1
            var lineStart = 0
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte == UInt8(ascii: "\n") {
                    line += 1
                    lineStart = index + 1
                } else if byte == UInt8(ascii: "=") && index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "\"") {
                    let name = Self.attributeName(before: index, in: bytes)
                    if name == "href" || name == "src" || name == "id" {
                        let start = index + 2
                        var end = start
                        while end < bytes.count && bytes[end] != UInt8(ascii: "\"") { end += 1 }
                        let value = String(decoding: bytes[start..<end], as: UTF8.self)
                        if name == "id" {
                            ids.insert(value)
                        } else {
                            links.append((value, line, index - name.utf8.count - lineStart + 1))
                        }
                        index = end
                        continue
                    }
                }
                index += 1
            }
        }

        private static func attributeName(before index: Int, in bytes: [UInt8]) -> String {
            var start = index
            while start > 0, bytes[start - 1].isAttributeNameByte { start -= 1 }
            guard start > 0, bytes[start - 1] == UInt8(ascii: " ") || bytes[start - 1] == UInt8(ascii: "\n") else { return "" }
            return String(decoding: bytes[start..<index], as: UTF8.self)
        }
    }
}

private extension UInt8 {
    var isAttributeNameByte: Bool {
        (self >= UInt8(ascii: "a") && self <= UInt8(ascii: "z")) || self == UInt8(ascii: "-")
    }
}
