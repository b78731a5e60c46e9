import PortalModel

/// Resolves loaded content into a `Portal`: every visit, theme and speaker a file names must exist.
enum PortalBuilder {
    /// The portal, or every problem found; drafts are left out unless `includeDrafts`.
    static func build(_ content: LoadedContent, includeDrafts: Bool) -> Result<Portal, ContentErrors> {
        var diagnostics = content.diagnostics
        var speakers = SpeakerDirectory(content.speakers, diagnostics: &diagnostics)
        let themeSlugs = content.declaredThemes
        let visitSlugs = content.declaredVisits

        var documents: [Document] = []
        for file in content.documents {
            var problems: [Diagnostic] = []
            if let visit = file.visit, !visitSlugs.contains(visit.value) {
                problems.append(Diagnostic(path: file.path, line: visit.line, column: visit.column,
                    message: "unknown visit '\(visit.value)'\(Suggestion.didYouMean(visit.value, in: visitSlugs))"
                        + hint(visitSlugs, "visit", folder: "visits/<slug>.md")))
            }
            for theme in file.themes where !themeSlugs.contains(theme.value) {
                problems.append(Diagnostic(path: file.path, line: theme.line, column: theme.column,
                    message: "unknown theme '\(theme.value)'\(Suggestion.didYouMean(theme.value, in: themeSlugs))"
                        + hint(themeSlugs, "theme", folder: "themes.yml")))
            }
            let themes = Slug.uniqued(file.themes.map(\.value))
            var quotes: [Quote] = []
            for (index, found) in file.body.quotes.enumerated() {
                guard let speaker = speakers.resolve(found.speaker) else {
                    problems.append(Diagnostic(path: file.path, line: file.bodyFirstLine + found.line - 1,
                        column: found.column,
                        message: "unknown speaker '\(found.speaker)'\(speakers.didYouMean(found.speaker))"
                            + "; add them to speakers.yml or fix the name"))
                    continue
                }
                quotes.append(Quote(id: "\(file.slug)-\(index + 1)", number: index + 1, documentSlug: file.slug,
                                    speakerSlug: speaker.slug, role: found.role ?? speaker.role, html: found.html,
                                    text: found.text, date: file.date, visitSlug: file.visit?.value,
                                    themeSlugs: themes))
            }
            diagnostics += problems
            guard problems.isEmpty, includeDrafts || !file.draft else { continue }
            documents.append(Document(
                slug: file.slug, title: file.title, date: file.date, kind: file.kind, publisher: file.publisher,
                visitSlug: file.visit?.value, themeSlugs: themes,
                sourceURL: file.sourceURL, summary: file.summary ?? file.body.firstParagraph ?? "",
                draft: file.draft, body: file.body.segments, quotes: quotes))
        }

        guard diagnostics.isEmpty, let site = content.site else {
            return .failure(ContentErrors(diagnostics))
        }
        documents += content.reused
        return .success(Portal(site: site, visits: content.visits.map(\.visit), documents: documents,
                               speakers: content.speakers.map(\.value), themes: content.themes.map(\.value)))
    }

    private static func hint(_ known: Set<String>, _ what: String, folder: String) -> String {
        known.isEmpty ? "; no \(what) exists yet: add it in \(folder)" : ""
    }
}

/// Finds a speaker by slug, name or alias, ignoring case, spacing and the style of apostrophe.
struct SpeakerDirectory {
    private var byKey: [String: Speaker] = [:]
    /// Attributions as written, already looked up: the same few names recur in every document.
    private var byAttribution: [String: Speaker?] = [:]

    init(_ entries: [Entry<Speaker>], diagnostics: inout [Diagnostic]) {
        for entry in entries {
            let speaker = entry.value
            for name in [speaker.slug, speaker.name] + speaker.aliases {
                let key = Self.key(name)
                if let other = byKey[key], other.slug != speaker.slug {
                    diagnostics.append(Diagnostic(path: entry.path, line: entry.line,
                        message: "'\(name)' names both '\(other.slug)' and '\(speaker.slug)'; "
                            + "a name or alias must belong to one speaker"))
                } else {
                    byKey[key] = speaker
                }
            }
        }
    }

    mutating func resolve(_ name: String) -> Speaker? {
        if let known = byAttribution[name] { return known }
        let speaker = byKey[Self.key(name)]
        byAttribution[name] = speaker
        return speaker
    }

    /// "; did you mean 'Jill Colbert'?" over every known name and alias.
    func didYouMean(_ name: String) -> String {
        guard let key = Suggestion.nearest(to: Self.key(name), in: byKey.keys.sorted()), let speaker = byKey[key]
        else { return "" }
        return "; did you mean '\(speaker.name)'?"
    }

    static func key(_ name: String) -> String {
        name.lowercased().replacingOccurrences(of: "’", with: "'")
            .split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
