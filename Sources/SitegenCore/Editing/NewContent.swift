import Foundation
import PortalModel

/// Why `sitegen new` refused to write a file.
public struct NewContentError: Error, CustomStringConvertible, Sendable {
    public let description: String
}

/// Starts new content files with complete front matter, for `sitegen new`.
public enum NewContent {
    /// Writes `documents/<date>-<slug-of-title>.md` and returns its path.
    /// The visit and themes must exist; an existing file is never overwritten.
    public static func document(title: String, date: Day, visit: String?, themes: [String],
                                content: String) throws -> String {
        try check(visit: visit, themes: themes, content: content)
        try checkTitle(title)
        let slug = "\(date)-\(try slug(of: title))"
        let publisher = (try? SourceFile.read("\(content)/site.yml").get()).flatMap {
            ContentFiles.site($0, today: .today()).0?.publisher
        }
        let speaker = (try? SourceFile.read("\(content)/speakers.yml").get()).flatMap {
            ContentFiles.speakers($0).entries.first?.value
        }
        var lines = [
            "---",
            "title: \(quoted(title))",
            "date: \(date)",
            "kind: press-release",
        ]
        if let publisher { lines.append("publisher: \(quoted(publisher))") }
        if let visit { lines.append("visit: \(visit)") }
        lines.append("themes: [\(themes.joined(separator: ", "))]")
        lines += [
            "draft: true",
            "---",
            "Write the press release here. Its first paragraph is the summary shown in lists and feeds.",
            "Set `draft: false` above when it is ready to publish.",
            "",
        ]
        if let speaker {
            lines += [
                "The block quote below is a quote because its last line names someone in speakers.yml;",
                "change the words, and the name after the dash to whoever spoke.",
                "",
                "> Replace this with the speaker's exact words.",
                ">",
                "> — \(speaker.name)\(speaker.role.map { ", \($0)" } ?? "")",
                "",
            ]
        } else {
            lines += [
                "The block quote below is not yet a quote: add the speaker to speakers.yml, then end it with a",
                "line `> — Their name, the role they spoke in`.",
                "",
                "> Replace this with the speaker's exact words.",
                "",
            ]
        }
        return try create("\(content)/documents/\(slug).md", lines.joined(separator: "\n"))
    }

    /// Writes `visits/<yyyy-mm>-<slug-of-title>.md` and returns its path.
    public static func visit(title: String, kind: VisitKind, start: Day, content: String) throws -> String {
        try checkTitle(title)
        let month = String(start.description.prefix(7))
        let slug = "\(month)-\(try slug(of: title))"
        let text = [
            "---",
            "title: \(quoted(title))",
            "kind: \(kind.rawValue)",
            "start: \(start)",
            "---",
            "A short summary of the visit, in the inspectors' words where possible.",
            "",
        ].joined(separator: "\n")
        return try create("\(content)/visits/\(slug).md", text)
    }

    private static func check(visit: String?, themes: [String], content: String) throws {
        var problems: [String] = []
        if let visit {
            let visits = ((try? FileManager.default.contentsOfDirectory(atPath: "\(content)/visits")) ?? [])
                .filter { $0.hasSuffix(".md") }.map { String($0.dropLast(3)) }
            if !visits.contains(visit) {
                problems.append("unknown visit '\(visit)'\(Suggestion.didYouMean(visit, in: visits))")
            }
        }
        let known = (try? SourceFile.read("\(content)/themes.yml").get()).map { ContentFiles.themes($0).declared } ?? []
        for theme in themes where !known.contains(theme) {
            problems.append("unknown theme '\(theme)'\(Suggestion.didYouMean(theme, in: known))")
        }
        if !problems.isEmpty { throw NewContentError(description: problems.joined(separator: "\n")) }
    }

    /// A title must be one line of visible text: a line break would end the front matter early.
    private static func checkTitle(_ title: String) throws {
        if let bad = title.unicodeScalars.first(where: { TextRules.isForbidden($0) || "\n\r\u{2028}\u{2029}".unicodeScalars.contains($0) }) {
            let what = bad == "\n" || bad == "\r" ? "a line break" : "the control character \(TextRules.name(bad))"
            throw NewContentError(description: "the title contains \(what); give it on one line")
        }
        guard TextRules.hasVisibleText(title) else {
            throw NewContentError(description: "the title has no visible text; give the document a title")
        }
    }

    private static func slug(of title: String) throws -> String {
        let slug = Slug.suggestion(for: title).split(separator: "-").prefix(8).joined(separator: "-")
        guard !slug.isEmpty else {
            throw NewContentError(description: "the title '\(title)' has no letters or digits to make an address from")
        }
        return slug
    }

    private static func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    private static func create(_ path: String, _ text: String) throws -> String {
        guard !FileManager.default.fileExists(atPath: path) else {
            throw NewContentError(description: "\(path) already exists; edit it, or choose another title or date")
        }
        let folder = (path as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        guard FileManager.default.createFile(atPath: path, contents: Data(text.utf8)) else {
            throw NewContentError(description: "cannot write \(path)")
        }
        return path
    }
}
