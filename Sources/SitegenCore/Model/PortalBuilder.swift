import PortalModel

/// A valid portal, with the warnings its content gave.
struct CheckedPortal: Sendable {
    let portal: Portal
    let warnings: [Diagnostic]
}

/// Resolves loaded content into a `Portal`: every visit, theme and speaker a file names must exist.
enum PortalBuilder {
    /// What a warning adds to a draft's problem.
    static let draftNote = " (in a draft: left out of this build, but it will stop publishing once 'draft: false')"

    /// The portal, or every problem found. Drafts are left out unless `includeDrafts`; then
    /// their problems are warnings, so an unfinished draft never blocks the rest of the site.
    /// A published document that would lose its page is a warning (its address then says the
    /// document is gone), or with `strict`, as `check` asks, an error.
    static func build(_ content: LoadedContent, includeDrafts: Bool, strict: Bool = false)
        -> Result<CheckedPortal, ContentErrors> {
        var diagnostics = content.diagnostics
        var warnings = content.warnings
        var draftProblems = content.draftProblems
        var speakers = SpeakerDirectory(content.speakers, diagnostics: &diagnostics)
        let themeSlugs = content.declaredThemes
        let visitSlugs = content.declaredVisits
        var quoteIDs: [String: (path: String, line: Int)] = [:]
        for document in content.reused where includeDrafts || !document.draft {
            for quote in document.quotes { quoteIDs[quote.id] = ("\(document.slug).md", 1) }
        }

        var documents: [Document] = []
        for file in content.documents {
            var problems: [Diagnostic] = []
            if let visit = file.visit, !visitSlugs.contains(visit.value) {
                problems.append(Diagnostic(path: file.path, line: visit.line, column: visit.column,
                    message: "unknown visit '\(visit.value)'\(Suggestion.didYouMean(visit.value, in: visitSlugs))"
                        + hint(visitSlugs, "visit", folder: "visits/<slug>.md")))
            }
            for theme in file.themes where !themeSlugs.contains(theme.value) {
                problems.append(unknownTheme(theme.value, path: file.path, line: theme.line, column: theme.column,
                                             known: themeSlugs))
            }
            let themes = Slug.uniqued(file.themes.map(\.value))
            var quotes: [Quote] = []
            let ids = Self.quoteIDs(of: file, published: content.published)
            for (index, found) in file.body.quotes.enumerated() {
                let line = file.bodyFirstLine + found.line - 1
                let place = { (message: String) in
                    problems.append(Diagnostic(path: file.path, line: line, column: found.column, message: message))
                }
                let id = ids[index]
                if let explicit = found.attributes.id, !Slug.isValid(explicit) {
                    place("bad quote id '#\(explicit)': use lowercase letters, digits and single hyphens, "
                        + "for example '#\(Slug.suggestion(for: explicit))'")
                } else if includeDrafts || !file.draft, let first = quoteIDs[id] {
                    place("duplicate quote id '\(id)': \(first.path):\(first.line) has it too; give each quote its own #id")
                } else if includeDrafts || !file.draft {
                    quoteIDs[id] = (file.path, line)
                }
                for theme in found.attributes.themes ?? [] where !themeSlugs.contains(theme) {
                    problems.append(unknownTheme(theme, path: file.path, line: line, column: found.column,
                                                 known: themeSlugs))
                }
                guard let speaker = speakers.resolve(found.speaker) else {
                    place("unknown speaker '\(found.speaker)'" + (speakers.nearest(found.speaker).map {
                        "; did you mean '\($0)'? If not, add them to speakers.yml"
                    } ?? "; add them to speakers.yml or fix the name"))
                    continue
                }
                quotes.append(Quote(id: id, number: index + 1, documentSlug: file.slug,
                                    speakerSlug: speaker.slug, role: found.role ?? speaker.role, html: found.html,
                                    text: found.text, date: file.date, visitSlug: file.visit?.value,
                                    themeSlugs: found.attributes.themes.map(Slug.uniqued) ?? themes,
                                    featured: found.attributes.featured))
            }
            if file.draft {
                draftProblems += problems
            } else {
                diagnostics += problems
            }
            guard problems.isEmpty, includeDrafts || !file.draft else { continue }
            documents.append(Document(
                slug: file.slug, title: file.title, date: file.date, kind: file.kind, publisher: file.publisher,
                visitSlug: file.visit?.value, themeSlugs: themes,
                sourceURL: file.sourceURL, summary: file.summary ?? file.body.firstParagraph ?? "",
                draft: file.draft, rights: file.rights, updated: file.updated, updateNote: file.updateNote,
                aliases: file.aliases.map(\.value), body: file.body.segments, quotes: quotes))
        }

        warnings += content.documents.flatMap(RepeatedQuotes.warnings)
        if includeDrafts {
            diagnostics += draftProblems
        } else {
            warnings += draftProblems.map { $0.asWarning(draftNote) }
        }
        documents += content.reused.filter { includeDrafts || !$0.draft }
        var redirects: [Redirect] = []
        if content.complete {
            diagnostics += aliasProblems(documents, content)
            let published = content.published.redirects(to: documents,
                                                        live: Set(documents.filter { !$0.draft }.map(\.slug)))
            redirects = published.redirects
            let dropped = published.dropped.map { droppedDocument($0, content, strict: strict) }
            if strict { diagnostics += dropped } else { warnings += dropped }
        }
        guard diagnostics.isEmpty, let site = content.site else {
            return .failure(ContentErrors(diagnostics))
        }
        // Only people quoted in what this build publishes get pages: a speaker added for a draft stays unseen.
        let quoted = Set(documents.lazy.flatMap(\.quotes).map(\.speakerSlug))
        let portal = Portal(site: site, visits: content.visits.map(\.visit), documents: documents,
                            speakers: content.speakers.map(\.value).filter { quoted.contains($0.slug) },
                            themes: content.themes.map(\.value), redirects: redirects)
        return .success(CheckedPortal(portal: portal, warnings: ContentErrors.sorted(warnings)))
    }

    /// The ids of a document file's quotes, in reading order: each one's `#id`, else the one
    /// it was published under (`PublishedAddresses`), else a new one.
    static func quoteIDs(of file: DocumentFile, published: PublishedAddresses) -> [String] {
        published.ids(ofDocument: file.slug, aliases: file.aliases.map(\.value),
                      quotes: file.body.quotes.map { ($0.attributes.id, $0.text) })
    }

    /// An alias that is another document's slug or alias: one old address cannot lead to two pages.
    private static func aliasProblems(_ documents: [Document], _ content: LoadedContent) -> [Diagnostic] {
        var owner: [String: String] = [:]
        for document in documents { owner[document.slug] = document.slug }
        let files = Dictionary(content.documents.map { ($0.slug, $0) }, uniquingKeysWith: { first, _ in first })
        var problems: [Diagnostic] = []
        for document in documents {
            for alias in document.aliases {
                guard let other = owner[alias] else {
                    owner[alias] = document.slug
                    continue
                }
                let located = files[document.slug]?.aliases.first { $0.value == alias }
                problems.append(Diagnostic(path: files[document.slug]?.path ?? "\(content.root)/documents/\(document.slug).md",
                    line: located?.line ?? 1, column: located?.column ?? 1,
                    message: other == alias
                        ? "alias '\(alias)' is the slug of documents/\(alias).md; an alias must be an address no document has"
                        : "alias '\(alias)' is also an alias of documents/\(other).md; keep it on one of them"))
            }
        }
        return problems
    }

    /// A document published before that this build would leave without its page.
    private static func droppedDocument(_ slug: String, _ content: LoadedContent, strict: Bool) -> Diagnostic {
        let fix = "if the document was renamed, add 'aliases: [\(slug)]' to its front matter; if it was deleted "
            + "or made a draft by mistake, restore it; to withdraw it on purpose, delete this row"
        var diagnostic = Diagnostic(path: "\(content.root)/\(PublishedAddresses.fileName)",
                                    line: content.published.line(ofDocument: slug),
                                    message: "documents/\(slug)/ was published, and "
                                        + (strict ? "a build would drop it, leaving" : "this build leaves")
                                        + " only a page that says it is gone at every link to it: " + fix)
        if !strict { diagnostic = diagnostic.asWarning("") }
        return diagnostic
    }

    private static func unknownTheme(_ theme: String, path: String, line: Int, column: Int, known: Set<String>)
        -> Diagnostic {
        Diagnostic(path: path, line: line, column: column,
            message: "unknown theme '\(theme)'\(Suggestion.didYouMean(theme, in: known))"
                + hint(known, "theme", folder: "themes.yml"))
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

    /// The name of the speaker nearest to a misspelt `name`, over every known name and alias.
    func nearest(_ name: String) -> String? {
        Suggestion.nearest(to: Self.key(name), in: byKey.keys.sorted()).flatMap { byKey[$0]?.name }
    }

    static func key(_ name: String) -> String {
        name.lowercased().replacingOccurrences(of: "’", with: "'")
            .split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
