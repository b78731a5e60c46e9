import Foundation
import Yams
import PortalModel

/// A speaker or theme entry with the line it starts on in its YAML file.
struct Entry<Value: Sendable>: Sendable {
    let value: Value
    let path: String
    let line: Int
}

/// A visit file with its fields checked but not yet cross-linked.
struct VisitFile: Sendable {
    let path: String
    let visit: Visit
}

/// A document file with its fields checked and its body rendered, not yet cross-linked.
struct DocumentFile: Sendable {
    let path: String
    let slug: String
    let title: String
    let date: Day
    let kind: DocumentKind
    let publisher: String?
    let visit: Located<String>?
    let themes: [Located<String>]
    let sourceURL: String?
    let summary: String?
    let draft: Bool
    let rights: String?
    let updated: Day?
    let updateNote: String?
    let aliases: [Located<String>]
    let body: RenderedMarkdown
    /// File line of the body's first line, to place quote problems.
    let bodyFirstLine: Int
}

/// What reading one document file gave: the file when it is valid, its problems, and
/// whether it is marked `draft: true` (so its problems need not stop a production build).
struct DocumentRead: Sendable {
    let file: DocumentFile?
    let diagnostics: [Diagnostic]
    let draft: Bool
}

/// The entries of speakers.yml or themes.yml.
struct EntryList<Value: Sendable>: Sendable {
    var entries: [Entry<Value>] = []
    /// Every slug the file declares, including entries with other errors.
    var declared: Set<String> = []
    var diagnostics: [Diagnostic] = []
}

/// A file under `content/assets/` to copy verbatim.
struct AssetFile: Sendable {
    /// Path below `assets/`, with "/" separators.
    let relativePath: String
    let sourcePath: String
}

/// Addresses that are still examples from the documentation.
enum Placeholder {
    /// The placeholder host in an address or e-mail address (example.org, example.com, localhost), if it is one.
    static func host(in address: String) -> String? {
        var host = Substring(address.lowercased())
        if let scheme = host.range(of: "://") { host = host[scheme.upperBound...] }
        if let at = host.lastIndex(of: "@") { host = host[host.index(after: at)...] }
        host = host.prefix { $0 != "/" && $0 != ":" && $0 != "?" && $0 != "#" }
        let placeholders = ["example.org", "example.com", "example.net", "localhost", "127.0.0.1"]
        return placeholders.first { host == $0 || host.hasSuffix("." + $0) }
    }
}

/// Reads each kind of content file into typed values, collecting diagnostics.
enum ContentFiles {
    /// site.yml; the diagnostics include warnings for placeholder addresses (example.org, localhost)
    /// and for an accessibility statement last reviewed more than a year before `today`.
    static func site(_ file: SourceFile, today: Day) -> (Site?, [Diagnostic]) {
        let node: Node?
        switch YAMLText.parse(file.text, path: file.path, lineOffset: 0) {
        case .success(let parsed): node = parsed
        case .failure(let diagnostic): return (nil, [diagnostic])
        }
        var fields = Fields(node, allowed: ["title", "description", "base_url", "language", "publisher", "contact",
                                            "licence", "accessibility", "page_size"],
                            path: file.path, lineOffset: 0, ownerLine: 1, what: "site.yml")
        let title = fields.string("title", required: true)
        let description = fields.string("description")
        let baseURL = fields.url("base_url", required: true)
        let language = fields.languageTag("language") ?? "en-GB"
        let publisher = fields.string("publisher")
        var contact = Contact()
        if let node = fields.node("contact") {
            var entry = Fields(node, allowed: ["email", "url"], path: file.path, lineOffset: 0,
                               ownerLine: node.mark?.line ?? 1, what: "contact")
            contact = Contact(email: entry.email("email"), url: entry.url("url"))
            fields.absorb(entry)
        }
        let licence: Licence? = fields.choice("licence")
        let (accessibility, reviewedLine) = accessibilityStatement(&fields)
        let pageSize = fields.integer("page_size", in: 1...10_000) ?? 50
        var warnings: [Diagnostic] = []
        for (key, value) in [("base_url", baseURL), ("contact.url", contact.url), ("contact.email", contact.email)] {
            guard let value, let host = Placeholder.host(in: value) else { continue }
            let line = fields.line(of: key.hasPrefix("contact") ? "contact" : key)
            warnings.append(Diagnostic(path: file.path, line: line,
                message: "'\(key)' is still a placeholder (\(host)); set the portal's real "
                    + (key == "base_url" ? "address before publishing: feeds, the sitemap and shared links use it"
                                         : "contact, which the accessibility statement gives readers"),
                severity: .warning))
        }
        if let accessibility, let reviewedLine,
           let warning = staleReview(accessibility.reviewed, today: today, path: file.path, line: reviewedLine) {
            warnings.append(warning)
        }
        guard let title, let baseURL, fields.diagnostics.isEmpty else { return (nil, fields.diagnostics) }
        return (Site(title: title, description: description, baseURL: baseURL, language: language,
                     publisher: publisher, contact: contact, licence: licence, accessibility: accessibility,
                     pageSize: pageSize), warnings)
    }

    /// The statement, and the line of its `reviewed` date (of `prepared`, which it defaults to).
    private static func accessibilityStatement(_ fields: inout Fields) -> (AccessibilityStatement?, line: Int?) {
        guard let node = fields.node("accessibility") else { return (nil, nil) }
        var entry = Fields(node, allowed: ["status", "prepared", "reviewed", "known_issues"], path: fields.path,
                           lineOffset: 0, ownerLine: node.mark?.line ?? 1, what: "accessibility")
        let status: ComplianceStatus? = entry.choice("status", required: true)
        let prepared = entry.day("prepared", required: true)
        let reviewed = entry.day("reviewed")
        let knownIssues = entry.list("known_issues").map(\.value)
        fields.absorb(entry)
        guard let status, let prepared else { return (nil, nil) }
        let statement = AccessibilityStatement(status: status, prepared: prepared.value,
                                               reviewed: reviewed?.value ?? prepared.value, knownIssues: knownIssues)
        return (statement, (reviewed ?? prepared).line)
    }

    /// A warning when the accessibility statement was last reviewed more than a year before `today`.
    static func staleReview(_ reviewed: Day, today: Day, path: String, line: Int) -> Diagnostic? {
        let year = reviewed.year + 1
        let anniversary = Day(year: year, month: reviewed.month, day: reviewed.day) ?? Day(year: year, month: 2, day: 28)
        guard let anniversary, anniversary < today else { return nil }
        return Diagnostic(path: path, line: line,
            message: "the accessibility statement was last reviewed on \(reviewed), more than a year ago; "
                + "review it, then set 'reviewed' to the date of the review",
            severity: .warning)
    }

    static func speakers(_ file: SourceFile) -> EntryList<Speaker> {
        entries(file, allowed: ["slug", "name", "role", "organisation", "aliases"], what: "speaker") { fields, slug in
            let name = fields.string("name", required: true)
            let role = fields.string("role")
            let organisation = fields.string("organisation")
            let aliases = fields.list("aliases").map(\.value)
            return name.map { Speaker(slug: slug, name: $0, role: role, organisation: organisation, aliases: aliases) }
        }
    }

    static func themes(_ file: SourceFile) -> EntryList<Theme> {
        entries(file, allowed: ["slug", "title", "description"], what: "theme") { fields, slug in
            let title = fields.string("title", required: true)
            let description = fields.string("description")
            return title.map { Theme(slug: slug, title: $0, description: description) }
        }
    }

    /// A YAML list of entries, each with a unique, valid `slug`.
    private static func entries<Value>(
        _ file: SourceFile, allowed: [String], what: String, make: (inout Fields, String) -> Value?
    ) -> EntryList<Value> {
        var list = EntryList<Value>()
        let root: Node?
        switch YAMLText.parse(file.text, path: file.path, lineOffset: 0) {
        case .success(let parsed): root = parsed
        case .failure(let diagnostic): return EntryList(diagnostics: [diagnostic])
        }
        guard let root else { return list }
        guard case let .sequence(items) = root else {
            return EntryList(diagnostics: [Diagnostic(path: file.path, line: root.mark?.line ?? 1,
                message: "expected a list of \(what)s, each starting with '- slug: ...'")])
        }
        var seen: [String: Int] = [:]
        for item in items {
            let line = item.mark?.line ?? 1
            var fields = Fields(item, allowed: allowed, path: file.path, lineOffset: 0, ownerLine: line, what: what)
            var slug: String?
            if let field = fields.text("slug", required: true) {
                if !Slug.isValid(field.value) {
                    list.diagnostics.append(Diagnostic(path: file.path, line: field.line, column: field.column,
                        message: "bad slug '\(field.value)': use lowercase letters, digits and single hyphens, "
                            + "for example '\(Slug.suggestion(for: field.value))'"))
                } else if let first = seen[field.value] {
                    list.diagnostics.append(Diagnostic(path: file.path, line: field.line, column: field.column,
                        message: "duplicate slug '\(field.value)': already used on line \(first); give each \(what) its own"))
                } else {
                    seen[field.value] = field.line
                    list.declared.insert(field.value)
                    slug = field.value
                }
            }
            let value = make(&fields, slug ?? "")
            list.diagnostics += fields.diagnostics
            if slug != nil, let value, fields.diagnostics.isEmpty {
                list.entries.append(Entry(value: value, path: file.path, line: line))
            }
        }
        return list
    }

    static func visit(_ file: SourceFile, slug: String) -> (VisitFile?, [Diagnostic]) {
        let frontMatter: FrontMatter
        var fields: Fields
        switch header(file, allowed: ["title", "kind", "start", "end", "published", "judgement", "judgements",
                                      "inspectors", "report_url"], what: "visit") {
        case .failure(let diagnostic): return (nil, [diagnostic])
        case .success(let parts): (frontMatter, fields) = parts
        }
        let title = fields.string("title", required: true)
        let kind: VisitKind? = fields.choice("kind", required: true)
        let start = fields.day("start", required: true)
        let end = fields.day("end")
        let published = fields.day("published")
        let judgement: Judgement? = fields.choice("judgement")
        let judgements = gradedAreas(&fields)
        let inspectors = fields.list("inspectors").map(\.value)
        let reportURL = fields.url("report_url")
        if let start, let end, end.value < start.value {
            fields.add(Diagnostic(path: file.path, line: end.line, column: end.column,
                message: "'end' (\(end.value)) is before 'start' (\(start.value)); swap them or fix the date"))
        }
        var summaryHTML = ""
        switch Markdown.html(frontMatter.body) {
        case .success(let html): summaryHTML = html
        case .failure(let problem):
            fields.add(Diagnostic(path: file.path, line: frontMatter.bodyFirstLine + problem.line - 1,
                                  column: problem.column, message: problem.message))
        }
        guard let title, let kind, let start, fields.diagnostics.isEmpty else { return (nil, fields.diagnostics) }
        let visit = Visit(slug: slug, title: title, kind: kind, start: start.value, end: end?.value ?? start.value,
                          published: published?.value, judgement: judgement, judgements: judgements,
                          inspectors: inspectors, reportURL: reportURL,
                          summaryHTML: summaryHTML)
        return (VisitFile(path: file.path, visit: visit), [])
    }

    private static func gradedAreas(_ fields: inout Fields) -> [GradedArea] {
        guard let node = fields.node("judgements") else { return [] }
        guard case let .sequence(items) = node else {
            fields.add(Diagnostic(path: fields.path, line: (node.mark?.line ?? 1) + fields.lineOffset,
                message: "'judgements' must be a list of entries '- area: ...' with 'grade: ...'"))
            return []
        }
        var areas: [GradedArea] = []
        for item in items {
            let line = (item.mark?.line ?? 1) + fields.lineOffset
            var entry = Fields(item, allowed: ["area", "grade"], path: fields.path, lineOffset: fields.lineOffset,
                               ownerLine: line, what: "judgement")
            let area = entry.string("area", required: true)
            let grade: Judgement? = entry.choice("grade", required: true)
            fields.absorb(entry)
            if let area, let grade { areas.append(GradedArea(area: area, grade: grade)) }
        }
        return areas
    }

    static func document(_ file: SourceFile, slug: String) -> DocumentRead {
        let frontMatter: FrontMatter
        var fields: Fields
        switch header(file, allowed: ["title", "date", "kind", "publisher", "visit", "themes", "source_url",
                                      "summary", "rights", "updated", "update_note", "aliases", "draft"],
                      what: "document") {
        case .failure(let diagnostic): return DocumentRead(file: nil, diagnostics: [diagnostic], draft: false)
        case .success(let parts): (frontMatter, fields) = parts
        }
        let title = fields.string("title", required: true)
        let date = fields.day("date", required: true)
        let kind: DocumentKind? = fields.choice("kind", required: true)
        let publisher = fields.string("publisher")
        let visit = fields.text("visit")
        let themes = fields.list("themes")
        let sourceURL = fields.url("source_url")
        let summary = fields.string("summary")
        let draft = fields.flag("draft")
        let rights = fields.string("rights")
        let updated = fields.day("updated")
        let updateNote = fields.string("update_note")
        let aliases = fields.list("aliases")
        for alias in aliases where !Slug.isValid(alias.value) || alias.value == slug {
            fields.add(Diagnostic(path: file.path, line: alias.line, column: alias.column,
                message: alias.value == slug ? "alias '\(alias.value)' is this document's own slug; remove it"
                    : "bad alias '\(alias.value)': an alias is an earlier file name without .md, such as '\(Slug.suggestion(for: alias.value))'"))
        }
        if let updated, let date, updated.value < date.value {
            fields.add(Diagnostic(path: file.path, line: updated.line, column: updated.column,
                message: "'updated' (\(updated.value)) is before 'date' (\(date.value)); fix the date"))
        }
        if updateNote != nil && updated == nil {
            fields.add(Diagnostic(path: file.path, line: fields.line(of: "update_note"),
                message: "'update_note' needs 'updated': the date of the change it describes"))
        }
        let body = Markdown.document(frontMatter.body)
        var diagnostics = fields.diagnostics
        for problem in body.problems {
            diagnostics.append(Diagnostic(path: file.path, line: frontMatter.bodyFirstLine + problem.line - 1,
                                          column: problem.column, message: problem.message))
        }
        if frontMatter.body.allSatisfy(\.isWhitespace) {
            diagnostics.append(Diagnostic(path: file.path, line: frontMatter.bodyFirstLine,
                message: "the document has no text; write its body below the closing '---'"))
        }
        guard let title, let date, let kind, diagnostics.isEmpty else {
            return DocumentRead(file: nil, diagnostics: diagnostics, draft: draft)
        }
        return DocumentRead(file: DocumentFile(path: file.path, slug: slug, title: title, date: date.value, kind: kind,
                                               publisher: publisher, visit: visit, themes: themes, sourceURL: sourceURL,
                                               summary: summary, draft: draft, rights: rights,
                                               updated: updated?.value, updateNote: updateNote, aliases: aliases,
                                               body: body,
                                               bodyFirstLine: frontMatter.bodyFirstLine),
                            diagnostics: [], draft: draft)
    }

    /// Splits off and parses a Markdown file's front matter.
    private static func header(_ file: SourceFile, allowed: [String], what: String)
        -> Result<(FrontMatter, Fields), Diagnostic> {
        FrontMatter.split(file).flatMap { frontMatter in
            let offset = frontMatter.yamlFirstLine - 1
            return YAMLText.parse(frontMatter.yaml, path: file.path, lineOffset: offset).map { node in
                (frontMatter, Fields(node, allowed: allowed, path: file.path, lineOffset: offset, ownerLine: 1,
                                     what: what))
            }
        }
    }
}
