import PortalModel
import Yams

/// A value with the place in a file it came from.
struct Located<Value: Sendable>: Sendable {
    let value: Value
    let line: Int
    let column: Int
}

/// Parses YAML into a node tree, turning Yams errors into diagnostics at file lines.
enum YAMLText {
    /// `lineOffset` is added to YAML's 1-based lines to get the file's lines.
    static func parse(_ yaml: String, path: String, lineOffset: Int) -> Result<Node?, Diagnostic> {
        if let (line, column) = YAMLAliasScan.firstAnchorOrAlias(in: yaml) {
            return .failure(Diagnostic(path: path, line: line + lineOffset, column: column,
                message: "YAML anchors (&) and aliases (*) are not allowed here; write the value out in full, "
                    + "or put text that starts with & or * in double quotes"))
        }
        do {
            // Every value is read as text, so the basic resolver (no tag regexes) is enough, and
            // naming the encoding spares Yams a look at the whole environment on every call.
            return .success(try Yams.compose(yaml: yaml, .basic, .default, .utf8))
        } catch let YamlError.duplicatedKeysInMapping(duplicates, context) {
            let names = duplicates.map { "'\($0)'" }.joined(separator: ", ")
            return .failure(Diagnostic(path: path, line: context.mark.line + lineOffset, column: context.mark.column,
                                       message: "field \(names) is given more than once; keep one"))
        } catch let error as YamlError {
            let (problem, mark) = details(error)
            return .failure(Diagnostic(path: path, line: (mark?.line ?? 1) + lineOffset, column: mark?.column ?? 1,
                                       message: "invalid YAML: \(problem)\(hint(for: problem))"))
        } catch {
            return .failure(Diagnostic(path: path, line: 1 + lineOffset, message: "invalid YAML: \(error)"))
        }
    }

    private static func details(_ error: YamlError) -> (String, Mark?) {
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _),
             let .composer(context, problem, mark, _):
            let context = context.map { " \($0.text)" } ?? ""
            return (problem + context, mark)
        default:
            return ("\(error)", nil)
        }
    }

    private static func hint(for problem: String) -> String {
        if problem.contains("mapping values are not allowed") {
            return "; a value that contains ': ' must be put in double quotes"
        }
        if problem.contains("cannot start any token") {
            return "; indent with spaces, not tabs, and put a value that starts with a symbol in double quotes"
        }
        if problem.contains("did not find expected") {
            return "; check the indentation and that every quote, [ and { is closed"
        }
        return ""
    }
}

/// Typed fields read from one YAML mapping; every problem becomes a diagnostic, so a run reports them all.
struct Fields {
    let path: String
    /// Added to YAML's lines to get file lines.
    let lineOffset: Int
    /// Where a "missing field" points: the opening `---`, or a list entry's first line.
    let ownerLine: Int
    private(set) var diagnostics: [Diagnostic] = []
    private var entries: [String: (key: Node, value: Node)] = [:]

    /// Reads `node` as a mapping whose keys must all be in `allowed`.
    init(_ node: Node?, allowed: [String], path: String, lineOffset: Int, ownerLine: Int, what: String) {
        self.path = path
        self.lineOffset = lineOffset
        self.ownerLine = ownerLine
        guard let node else { return }
        guard case let .mapping(mapping) = node else {
            report(node, "\(what) must be fields written 'name: value', one per line")
            return
        }
        for (key, value) in mapping {
            guard let name = key.scalar?.string else {
                report(key, "a field name must be plain text")
                continue
            }
            if !allowed.contains(name) {
                report(key, "unknown field '\(name)'\(Suggestion.didYouMean(name, in: allowed))"
                    + " (\(what) fields: \(allowed.joined(separator: ", ")))")
            } else {
                entries[name] = (key, value)
            }
        }
    }

    private func line(of node: Node) -> Int { (node.mark?.line ?? 1) + lineOffset }

    private mutating func report(_ node: Node?, _ message: String) {
        diagnostics.append(Diagnostic(path: path, line: node.map(line(of:)) ?? ownerLine,
                                      column: node?.mark?.column ?? 1, message: message))
    }

    /// Text of a field; nil when absent or empty (a diagnostic when `required`).
    mutating func text(_ key: String, required: Bool = false) -> Located<String>? {
        guard let (_, value) = entries[key], !isEmpty(value) else {
            if required { report(nil, "missing required field '\(key)'") }
            return nil
        }
        guard let scalar = value.scalar else {
            report(value, "'\(key)' must be a single value, not a list or fields")
            return nil
        }
        if let bad = scalar.string.unicodeScalars.first(where: { TextRules.isForbidden($0) && $0 != "\n" }) {
            report(value, "'\(key)' contains the control character \(TextRules.name(bad)), which cannot be "
                + "published; remove it (it often comes from a \\u escape or a pasted document)")
            return nil
        }
        guard TextRules.hasVisibleText(scalar.string) else {
            report(value, "'\(key)' has no visible text (only spaces or invisible characters); write it, or remove the line")
            return nil
        }
        return Located(value: scalar.string, line: line(of: value), column: value.mark?.column ?? 1)
    }

    mutating func string(_ key: String, required: Bool = false) -> String? {
        text(key, required: required)?.value
    }

    /// A `YYYY-MM-DD`, `YYYY-MM` or `YYYY` date that exists in the calendar.
    mutating func day(_ key: String, required: Bool = false) -> Located<Day>? {
        guard let field = text(key, required: required) else { return nil }
        guard let day = Day(field.value) else {
            diagnostics.append(Diagnostic(path: path, line: field.line, column: field.column,
                message: "'\(key)' is not a real date: '\(field.value)'; write it as YYYY-MM-DD, or YYYY-MM or YYYY "
                    + "when the sources give only the month or year, for example 2021-05-11 or 2015-07"))
            return nil
        }
        return Located(value: day, line: field.line, column: field.column)
    }

    /// One of an enumeration's raw values, with the nearest one suggested.
    mutating func choice<Choice: RawRepresentable & CaseIterable>(_ key: String, required: Bool = false) -> Choice?
    where Choice.RawValue == String {
        guard let field = text(key, required: required) else { return nil }
        return choice(field, key: key)
    }

    mutating func choice<Choice: RawRepresentable & CaseIterable>(_ field: Located<String>, key: String) -> Choice?
    where Choice.RawValue == String {
        if let value = Choice(rawValue: field.value) { return value }
        let names = Choice.allCases.map(\.rawValue)
        diagnostics.append(Diagnostic(path: path, line: field.line, column: field.column,
            message: "unknown \(key) '\(field.value)'\(Suggestion.didYouMean(field.value, in: names))"
                + " (one of: \(names.joined(separator: ", ")))"))
        return nil
    }

    /// A list of texts; a single value counts as a list of one.
    mutating func list(_ key: String) -> [Located<String>] {
        guard let (_, value) = entries[key], !isEmpty(value) else { return [] }
        if value.scalar != nil { return text(key).map { [$0] } ?? [] }
        guard case let .sequence(sequence) = value else {
            report(value, "'\(key)' must be a list, for example [first, second]")
            return []
        }
        var items: [Located<String>] = []
        for item in sequence {
            guard let scalar = item.scalar, !scalar.string.isEmpty else {
                report(item, "each entry of '\(key)' must be a single value")
                continue
            }
            guard TextRules.hasVisibleText(scalar.string),
                  !scalar.string.unicodeScalars.contains(where: TextRules.isForbidden) else {
                report(item, "an entry of '\(key)' has no visible text or holds a control character; fix or remove it")
                continue
            }
            items.append(Located(value: scalar.string, line: line(of: item), column: item.mark?.column ?? 1))
        }
        return items
    }

    /// `true` or `false`.
    mutating func flag(_ key: String) -> Bool {
        guard let field = text(key) else { return false }
        switch field.value.lowercased() {
        case "true", "yes": return true
        case "false", "no": return false
        default:
            diagnostics.append(Diagnostic(path: path, line: field.line, column: field.column,
                                          message: "'\(key)' must be true or false, not '\(field.value)'"))
            return false
        }
    }

    /// An absolute http or https address with a host.
    mutating func url(_ key: String, required: Bool = false) -> String? {
        guard let field = text(key, required: required) else { return nil }
        let lower = field.value.lowercased()
        guard (lower.hasPrefix("https://") || lower.hasPrefix("http://")), !field.value.contains(" ") else {
            diagnostics.append(Diagnostic(path: path, line: field.line, column: field.column,
                message: "'\(key)' must be a full web address starting with https://, not '\(field.value)'"))
            return nil
        }
        let host = lower.drop { $0 != "/" }.dropFirst(2).prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        guard !host.isEmpty, !host.hasPrefix(":"), !host.hasPrefix("@") else {
            diagnostics.append(Diagnostic(path: path, line: field.line, column: field.column,
                message: "'\(key)' has no host name: '\(field.value)'; write it as https://www.example.gov.uk/portal/"))
            return nil
        }
        return field.value
    }

    /// A language tag such as `en-GB` or `cy`: letters and digits in groups joined by hyphens.
    mutating func languageTag(_ key: String) -> String? {
        guard let field = text(key) else { return nil }
        let groups = field.value.split(separator: "-", omittingEmptySubsequences: false)
        guard groups.allSatisfy({ (1...8).contains($0.count) && $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) } }),
              groups[0].allSatisfy(\.isLetter) else {
            diagnostics.append(Diagnostic(path: path, line: field.line, column: field.column,
                message: "'\(key)' must be a language tag such as en-GB or cy, not '\(field.value)'"))
            return nil
        }
        return field.value
    }

    /// An e-mail address: something, an @, and a domain with a dot.
    mutating func email(_ key: String) -> String? {
        guard let field = text(key) else { return nil }
        let parts = field.value.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), !field.value.contains(" ") else {
            diagnostics.append(Diagnostic(path: path, line: field.line, column: field.column,
                message: "'\(key)' must be an e-mail address such as portal@council.gov.uk, not '\(field.value)'"))
            return nil
        }
        return field.value
    }

    /// A whole number within `range`.
    mutating func integer(_ key: String, in range: ClosedRange<Int>) -> Int? {
        guard let field = text(key) else { return nil }
        guard let value = Int(field.value), range.contains(value) else {
            diagnostics.append(Diagnostic(path: path, line: field.line, column: field.column,
                message: "'\(key)' must be a whole number from \(range.lowerBound) to \(range.upperBound), not '\(field.value)'"))
            return nil
        }
        return value
    }

    /// The file line of a field's key, or the owner's line when it is absent.
    func line(of key: String) -> Int { entries[key].map { line(of: $0.key) } ?? ownerLine }

    /// The raw node of a nested field, with its line.
    func node(_ key: String) -> Node? { entries[key]?.value }

    /// Adds the diagnostics of a nested reader.
    mutating func absorb(_ nested: Fields) { diagnostics += nested.diagnostics }

    /// Records a problem found while cross-checking fields.
    mutating func add(_ diagnostic: Diagnostic) { diagnostics.append(diagnostic) }

    private func isEmpty(_ node: Node) -> Bool {
        if let scalar = node.scalar { return scalar.string.isEmpty || (scalar.string == "~" && scalar.style == .plain) || (scalar.string == "null" && scalar.style == .plain) }
        return false
    }
}

/// Finds YAML anchors (`&name`) and aliases (`*name`) before Yams sees the text: editors never
/// need them, and nested aliases expand exponentially (a "billion laughs" hangs the parser).
///
/// It looks only where a YAML node may start: at the start of a line, after `- `, `? ` or `: `,
/// and after `[`, `{` and `,` inside flow collections; quoted text, comments and the lines of
/// block scalars (`|`, `>`) are skipped, so `*` and `&` inside ordinary text are never flagged.
enum YAMLAliasScan {
    /// The 1-based line and column of the first anchor or alias, if any.
    static func firstAnchorOrAlias(in yaml: String) -> (line: Int, column: Int)? {
        let lines = yaml.split(separator: "\n", omittingEmptySubsequences: false)
        var flowDepth = 0
        var quote: Character?
        var blockScalarIndent: Int?
        var nodeStart = true
        for (index, line) in lines.enumerated() {
            let characters = Array(line)
            let indent = characters.prefix { $0 == " " }.count
            if let parent = blockScalarIndent {
                if characters.allSatisfy({ $0 == " " || $0 == "\t" }) || indent > parent { continue }
                blockScalarIndent = nil
            }
            if quote == nil && flowDepth == 0 { nodeStart = true }
            var position = 0
            while position < characters.count {
                let character = characters[position]
                if let open = quote {
                    if character == "\\" && open == "\"" {
                        position += 2
                        continue
                    }
                    if character == open {
                        if open == "'", position + 1 < characters.count, characters[position + 1] == "'" {
                            position += 2
                            continue
                        }
                        quote = nil
                    }
                    position += 1
                    continue
                }
                switch character {
                case " ", "\t":
                    position += 1
                    continue
                case "#" where position == 0 || characters[position - 1] == " " || characters[position - 1] == "\t":
                    position = characters.count
                    continue
                case _ where nodeStart && (character == "&" || character == "*"):
                    return (index + 1, position + 1)
                case _ where nodeStart && (character == "\"" || character == "'"):
                    quote = character
                case "[", "{":
                    if nodeStart || flowDepth > 0 { flowDepth += 1 }
                    nodeStart = flowDepth > 0
                    position += 1
                    continue
                case "]", "}":
                    flowDepth = max(0, flowDepth - 1)
                case "," where flowDepth > 0:
                    nodeStart = true
                    position += 1
                    continue
                case "-", "?", ":":
                    let next = position + 1 < characters.count ? characters[position + 1] : " "
                    if next == " " || next == "\t" || (flowDepth > 0 && (next == "," || next == "]" || next == "}")) {
                        if nodeStart || character == ":" {
                            nodeStart = true
                            position += 1
                            continue
                        }
                    }
                case _ where nodeStart && flowDepth == 0 && (character == "|" || character == ">"):
                    blockScalarIndent = indent
                    position = characters.count
                    continue
                default:
                    break
                }
                nodeStart = false
                position += 1
            }
        }
        return nil
    }
}

/// What text may hold to be published in HTML and XML.
enum TextRules {
    /// C0 controls but tab, newline and carriage return; DEL and C1 controls; and U+FFFE, U+FFFF:
    /// none is allowed in XML 1.0 or by the HTML checker.
    static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: false
        case 0..<0x20, 0x7F...0x9F, 0xFFFE, 0xFFFF: true
        default: false
        }
    }

    /// True when some character is neither white space nor invisible (zero-width spaces and joiners, soft hyphens).
    static func hasVisibleText(_ text: String) -> Bool {
        text.unicodeScalars.contains { scalar in
            !scalar.properties.isWhitespace && scalar.properties.generalCategory != .format
                && scalar.properties.generalCategory != .control
        }
    }

    /// "U+0001", for messages.
    static func name(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}
