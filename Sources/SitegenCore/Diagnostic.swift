/// One problem in the content, reported the way compilers do:
/// `path:line:column: error: message` (or `warning:`).
public struct Diagnostic: Error, Equatable, Sendable, CustomStringConvertible {
    /// An error stops a build; a warning is reported and the build goes on.
    public enum Severity: String, Sendable {
        case error, warning
    }

    /// The file as the user would open it, e.g. `content/documents/x.md`.
    public let path: String
    /// 1-based line in the file (not in the YAML block or the body).
    public let line: Int
    /// 1-based column.
    public let column: Int
    public let message: String
    public let severity: Severity

    public init(path: String, line: Int, column: Int = 1, message: String, severity: Severity = .error) {
        self.path = path
        self.line = line
        self.column = column
        self.message = message
        self.severity = severity
    }

    /// The same problem as a warning, its message extended by `note`.
    func asWarning(_ note: String) -> Diagnostic {
        Diagnostic(path: path, line: line, column: column, message: message + note, severity: .warning)
    }

    /// `path:line:column: error: message`, with control characters shown escaped (`\u{1B}`),
    /// so that content can never drive the terminal it is printed on.
    public var description: String {
        Diagnostic.printable("\(path):\(line):\(column): \(severity.rawValue): \(message)")
    }

    /// `text` with every control character but tab written as a Swift escape, `\u{1B}`.
    public static func printable(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if isControl(scalar) {
                result.append(contentsOf: "\\u{\(String(scalar.value, radix: 16, uppercase: true))}".unicodeScalars)
            } else {
                result.append(scalar)
            }
        }
        return String(result)
    }

    /// C0 and C1 controls and DEL, except tab; also the line and paragraph separators.
    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        (scalar.value < 0x20 && scalar != "\t") || (0x7F...0x9F).contains(scalar.value)
            || scalar.value == 0x2028 || scalar.value == 0x2029
    }
}

/// Every problem a run found; a build with any of them publishes nothing.
public struct ContentErrors: Error, Equatable, Sendable, CustomStringConvertible {
    public let diagnostics: [Diagnostic]

    public init(_ diagnostics: [Diagnostic]) {
        self.diagnostics = ContentErrors.sorted(diagnostics)
    }

    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }

    /// In the order errors are reported: by file, line and column.
    static func sorted(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        diagnostics.sorted { ($0.path, $0.line, $0.column, $0.message) < ($1.path, $1.line, $1.column, $1.message) }
    }
}

/// "did you mean" help: the known name nearest to a misspelling, if it is near enough.
enum Suggestion {
    static func nearest(to word: String, in candidates: some Sequence<String>) -> String? {
        let target = Array(word.lowercased().unicodeScalars)
        var best: (name: String, distance: Int)?
        for candidate in candidates {
            let distance = editDistance(target, Array(candidate.lowercased().unicodeScalars))
            if distance < (best?.distance ?? Int.max) { best = (candidate, distance) }
        }
        guard let best else { return nil }
        let limit = max(2, min(target.count, best.name.unicodeScalars.count) / 3)
        return best.distance <= limit ? best.name : nil
    }

    /// " did you mean 'x'?" or "", to end a message with.
    static func didYouMean(_ word: String, in candidates: some Sequence<String>) -> String {
        nearest(to: word, in: candidates).map { "; did you mean '\($0)'?" } ?? ""
    }

    static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
