import Foundation
import PortalModel
import Templates

/// Where the links of a built page were written: the Markdown file of a document, its quotes
/// or a visit, so `check` reports a broken link where the editor can fix it.
struct LinkSources {
    private var files: [String: String] = [:]

    init(portal: Portal, content: String) {
        let root = content.hasSuffix("/") ? String(content.dropLast()) : content
        for document in portal.documents {
            let file = "\(root)/documents/\(document.slug).md"
            files[Route.document(document.slug).file] = file
            for quote in document.quotes { files[Route.quote(quote.id).file] = file }
        }
        for visit in portal.visits { files[Route.visit(visit.slug).file] = "\(root)/visits/\(visit.slug).md" }
    }

    /// The Markdown file a page's body comes from, if any.
    func file(ofPage page: String) -> String? { files[page] }

    /// The line and column in `file` where a link to `destination` is written: its text as
    /// found in the page (HTML entities undone), or percent-decoded, as an editor types it.
    static func position(of destination: String, in file: String) -> (line: Int, column: Int)? {
        guard let text = try? String(contentsOfFile: file, encoding: .utf8) else { return nil }
        let candidates = [destination.removingPercentEncoding, destination].compactMap { $0 }
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            for candidate in candidates {
                if let range = line.range(of: "(\(candidate)") ?? line.range(of: "<\(candidate)>")
                    ?? line.range(of: "]: \(candidate)") ?? line.range(of: candidate) {
                    return (number + 1, line.distance(from: line.startIndex, to: range.lowerBound) + 1)
                }
            }
        }
        return nil
    }
}
