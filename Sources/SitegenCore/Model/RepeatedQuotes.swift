import Foundation

/// Quotes whose words a document gives twice: usually a paste made twice, sometimes the
/// source repeating itself, so a warning rather than an error.
enum RepeatedQuotes {
    /// A warning at each quote of `file` whose words, white space collapsed and case folded,
    /// an earlier quote of the file already has.
    static func warnings(in file: DocumentFile) -> [Diagnostic] {
        var first: [String: Int] = [:]
        var warnings: [Diagnostic] = []
        for quote in file.body.quotes {
            let line = file.bodyFirstLine + quote.line - 1
            let words = quote.text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
                .folding(options: .caseInsensitive, locale: nil)
            guard let earlier = first[words] else {
                first[words] = line
                continue
            }
            warnings.append(Diagnostic(path: file.path, line: line, column: quote.column,
                message: "this quote has the same words as the quote at \(file.path):\(earlier); "
                    + "delete one of them, or keep both if the source says them twice",
                severity: .warning))
        }
        return warnings
    }
}
