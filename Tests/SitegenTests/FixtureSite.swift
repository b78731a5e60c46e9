import Foundation
import Testing
@testable import SitegenCore

/// A content folder in a fresh temporary directory, built into `public/` beside it.
struct FixtureSite {
    let root: String
    var content: String { "\(root)/content" }
    var output: String { "\(root)/public" }

    /// The standard fixture: two visits, two documents with quotes, two speakers, two themes.
    static let standardFiles: [String: String] = [
        "site.yml": """
            title: "Test portal: children's services"
            description: "How services improved, visit by visit."
            base_url: "https://example.org/portal/"
            language: en-GB
            publisher: Test Council
            """,
        "speakers.yml": """
            - slug: jill-colbert
              name: Jill Colbert
              role: Chief Executive, Together for Children
              organisation: Together for Children
              aliases: ["Ms Colbert"]
            - slug: ofsted-inspectors
              name: Ofsted inspectors
              organisation: Ofsted
              aliases: [Ofsted]
            """,
        "themes.yml": """
            - slug: early-help
              title: Early help
              description: Support for families before problems escalate.
            - slug: children-in-care
              title: Children in care
              description: Children looked after by the council.
            """,
        "visits/2015-07-inspection.md": """
            ---
            title: Inspection of children's services
            kind: inspection
            start: 2015-07-01
            judgement: inadequate
            ---
            Services were judged **inadequate**.
            """,
        "visits/2021-03-focused-visit.md": """
            ---
            title: Focused visit
            kind: focused-visit
            start: 2021-03-24
            end: 2021-03-25
            published: 2021-05-11
            judgement: outstanding
            judgements:
              - area: Experiences and progress of care leavers
                grade: good
            inspectors: [Neil Penswick, Jan Edwards]
            ---
            A focused visit in March 2021.
            """,
        "documents/2021-05-11-progress.md": """
            ---
            title: Ofsted finds that progress is evident
            date: 2021-05-11
            kind: press-release
            publisher: Together for Children
            visit: 2021-03-focused-visit
            themes: [early-help, children-in-care]
            ---
            The latest focused visit took place on 24 and 25 March 2021.

            > We welcome the findings of Ofsted's most recent focused visit.
            >
            > — Jill Colbert, Chief Executive at Together for Children

            An ordinary block quote follows.

            > This is not a quote: it has no attribution.

            > Inspectors found:
            >
            > - timely strategy discussions
            > - robust safety planning
            >
            > -- Ofsted
            """,
        "documents/2017-11-16-sustained.md": """
            ---
            title: Sustained progress
            date: 2017-11-16
            kind: article
            themes: early-help
            summary: A short summary written by the editor.
            ---
            Progress continues.

            > It is encouraging to see progress.
            >
            > — ms colbert
            """,
    ]

    /// Writes `files` (paths below `content/`) into a new temporary folder.
    init(_ files: [String: String] = FixtureSite.standardFiles) throws {
        root = FileManager.default.temporaryDirectory
            .appendingPathComponent("sitegen-test-\(UUID().uuidString)").path
        for (path, text) in files { try write(path, text) }
    }

    /// The standard fixture with some files replaced (or removed, with nil).
    init(replacing changes: [String: String?]) throws {
        var files = FixtureSite.standardFiles
        for (path, text) in changes { files[path] = text }
        try self.init(files)
    }

    func write(_ path: String, _ text: String) throws {
        try write(path, Data(text.utf8))
    }

    func write(_ path: String, _ data: Data) throws {
        let url = URL(fileURLWithPath: "\(content)/\(path)")
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url)
    }

    func remove() { try? FileManager.default.removeItem(atPath: root) }

    @discardableResult
    func build(drafts: Bool = false, clean: Bool = false, cards: Bool = false) throws -> BuildSummary {
        try SiteBuilder.build(BuildOptions(content: content, output: output, includeDrafts: drafts, shareCards: cards,
                                           clean: clean))
    }

    /// A clean build of the same content into a separate folder, with no cache, on `workers` threads.
    func cleanBuild(workers: Int? = nil, drafts: Bool = false, cards: Bool = false) throws -> [String: Data] {
        let folder = "\(root)/clean-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var options = BuildOptions(content: content, output: folder, includeDrafts: drafts, shareCards: cards,
                                   useCache: false)
        options.workers = workers
        try SiteBuilder.build(options)
        return FixtureSite.snapshot(folder)
    }

    /// The diagnostics a build reports, as `path:line:column: error: message` with paths below `content/`.
    func errors() -> [String] {
        switch SiteBuilder.load(content: content, includeDrafts: false) {
        case .success: return []
        case .failure(let errors):
            return errors.diagnostics.map { $0.description.replacingOccurrences(of: content + "/", with: "") }
        }
    }

    /// A published file's text.
    func page(_ path: String) throws -> String {
        try String(contentsOfFile: "\(output)/\(path)", encoding: .utf8)
    }

    /// Every file below the output, relative, sorted.
    func publishedFiles() -> [String] {
        let walker = FileManager.default.enumerator(atPath: output)
        var files: [String] = []
        while let path = walker?.nextObject() as? String {
            var isDirectory: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: "\(output)/\(path)", isDirectory: &isDirectory)
            if !isDirectory.boolValue { files.append(path) }
        }
        return files.sorted()
    }

    /// Staging or old folders left beside `public/` (there must be none after a build ends).
    func temporaryFolders() -> [String] {
        siblings().filter { $0.contains("sitegen-staging") || $0.contains("sitegen-old") }
    }

    /// Every file below `folder` with its bytes, to compare whole sites.
    static func snapshot(_ folder: String) -> [String: Data] {
        var files: [String: Data] = [:]
        let walker = FileManager.default.enumerator(atPath: folder)
        while let path = walker?.nextObject() as? String {
            var isDirectory: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: "\(folder)/\(path)", isDirectory: &isDirectory)
            if !isDirectory.boolValue { files[path] = FileManager.default.contents(atPath: "\(folder)/\(path)") }
        }
        return files
    }

    /// Entries in the folder holding `public/`, to spot leftovers.
    func siblings() -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []).sorted()
    }
}

/// The `href` values of a page, in order.
func links(in html: String) -> [String] {
    var result: [String] = []
    var rest = html[...]
    while let start = rest.range(of: "href=\"") {
        let tail = rest[start.upperBound...]
        guard let end = tail.firstIndex(of: "\"") else { break }
        result.append(String(tail[..<end]))
        rest = tail[end...]
    }
    return result
}
