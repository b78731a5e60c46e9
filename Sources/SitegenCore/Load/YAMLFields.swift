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
        return Located(value: scalar.string, line: line(of: value), column: value.mark?.column ?? 1)
    }

    mutating func string(_ key: String, required: Bool = false) -> String? {
        text(key, required: required)?.value
    }

    /// A `YYYY-MM-DD` date that exists in the calendar.
    mutating func day(_ key: String, required: Bool = false) -> Located<Day>? {
        guard let field = text(key, required: required) else { return nil }
        guard let day = Day(field.value) else {
            diagnostics.append(Diagnostic(path: path, line: field.line, column: field.column,
                message: "'\(key)' is not a real date: '\(field.value)'; write it as YYYY-MM-DD, for example 2021-05-11"))
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

    /// An absolute http or https address.
    mutating func url(_ key: String, required: Bool = false) -> String? {
        guard let field = text(key, required: required) else { return nil }
        let lower = field.value.lowercased()
        guard (lower.hasPrefix("https://") || lower.hasPrefix("http://")), !field.value.contains(" ") else {
            diagnostics.append(Diagnostic(path: path, line: field.line, column: field.column,
                message: "'\(key)' must be a full web address starting with https://, not '\(field.value)'"))
            return nil
        }
        return field.value
    }

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
