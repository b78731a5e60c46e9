/// A Markdown file split into its YAML front matter and its body.
struct FrontMatter: Sendable {
    let yaml: String
    /// The file line that holds the first YAML line (the line after the opening `---`).
    let yamlFirstLine = 2
    let body: String
    /// The file line that holds the body's first line.
    let bodyFirstLine: Int

    /// Splits `file`: its first line must be `---`, and the next line `---` closes the block.
    static func split(_ file: SourceFile) -> Result<FrontMatter, Diagnostic> {
        let text = file.text
        let bytes = text.utf8
        let newline = UInt8(ascii: "\n")
        let firstEnd = bytes.firstIndex(of: newline) ?? bytes.endIndex
        guard isFence(text[..<firstEnd]) else {
            let firstLine = text[..<firstEnd]
            let hint = firstLine.contains(":")
                ? "add a line '---' above '\(firstLine.prefix(40))' and another after the last field"
                : "start the file with a line '---', then the fields (title, date, ...), then a line '---'"
            return .failure(Diagnostic(path: file.path, line: 1, message: "missing front matter: \(hint)"))
        }
        if firstEnd < bytes.endIndex {
            let yamlStart = bytes.index(after: firstEnd)
            var lineStart = yamlStart
            var lineNumber = 2
            while lineStart < bytes.endIndex {
                let lineEnd = bytes[lineStart...].firstIndex(of: newline) ?? bytes.endIndex
                if isFence(text[lineStart..<lineEnd]) {
                    let bodyStart = lineEnd < bytes.endIndex ? bytes.index(after: lineEnd) : bytes.endIndex
                    return .success(FrontMatter(yaml: String(text[yamlStart..<lineStart]),
                                                body: String(text[bodyStart...]), bodyFirstLine: lineNumber + 1))
                }
                guard lineEnd < bytes.endIndex else { break }
                lineStart = bytes.index(after: lineEnd)
                lineNumber += 1
            }
        }
        return .failure(Diagnostic(path: file.path, line: 1,
                                   message: "front matter is never closed: add a line '---' after the last field"))
    }

    /// `---`, allowing trailing white space an editor cannot see (spaces, tabs, non-breaking spaces).
    private static func isFence(_ line: Substring) -> Bool {
        guard line.utf8.starts(with: "---".utf8) else { return false }
        return line.unicodeScalars.dropFirst(3).allSatisfy(\.properties.isWhitespace)
    }
}
