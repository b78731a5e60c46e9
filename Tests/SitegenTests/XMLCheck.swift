import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Well-formedness of the feed and sitemap, by Foundation's XML parser.
enum XMLCheck {
    static func isWellFormed(_ text: String) -> Bool {
        XMLParser(data: Data(text.utf8)).parse()
    }
}
