import Foundation
import PortalModel

/// Everything under `content/`, read and checked file by file, not yet cross-linked.
struct LoadedContent: Sendable {
    var site: Site?
    var speakers: [Entry<Speaker>] = []
    var themes: [Entry<Theme>] = []
    var visits: [VisitFile] = []
    var documents: [DocumentFile] = []
    var assets: [AssetFile] = []
    /// Every visit file's slug, loaded or not, so a broken visit is reported once, not by each document.
    var declaredVisits: Set<String> = []
    /// Every theme slug in themes.yml, including entries with other errors.
    var declaredThemes: Set<String> = []
    /// Documents taken from the build cache instead of being parsed (no bodies).
    var reused: [Document] = []
    var diagnostics: [Diagnostic] = []
}

/// Walks a content folder in CONTENT.md's layout.
enum ContentTree {
    /// Reads everything, parsing visits and documents on `workers` threads (nil: every core).
    /// Documents whose slugs are keys of `reusing` are not parsed: the cached values are used.
    static func load(from directory: String, workers: Int? = nil, reusing: [String: Document] = [:]) -> LoadedContent {
        var content = LoadedContent()
        let root = folderPath(directory)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root, isDirectory: &isDirectory), isDirectory.boolValue else {
            content.diagnostics.append(Diagnostic(path: root, line: 1,
                message: "no content folder here; run sitegen in the portal's folder or pass --content DIR"))
            return content
        }

        loadSiteFiles(root, into: &content)
        let visitFiles = markdownFiles(in: "\(root)/visits", &content.diagnostics)
        content.declaredVisits = Set(visitFiles.map(\.slug))
        for (file, diagnostics) in parallelMap(visitFiles, workers: workers, { entry in
            readThen(entry.path) { ContentFiles.visit($0, slug: entry.slug) }
        }) {
            if let file { content.visits.append(file) }
            content.diagnostics += diagnostics
        }
        var documentFiles = markdownFiles(in: "\(root)/documents", &content.diagnostics)
        if !reusing.isEmpty {
            content.reused = documentFiles.compactMap { reusing[$0.slug] }
            documentFiles.removeAll { reusing[$0.slug] != nil }
        }
        for (file, diagnostics) in parallelMap(documentFiles, workers: workers, { entry in
            readThen(entry.path) { ContentFiles.document($0, slug: entry.slug) }
        }) {
            if let file { content.documents.append(file) }
            content.diagnostics += diagnostics
        }
        content.assets = assetFiles(in: root, &content.diagnostics)
        return content
    }

    /// Reads only what the pages of the given documents show: site.yml, speakers.yml,
    /// themes.yml, those documents and the visits they name. `declaredVisits` are the slugs
    /// of every visit file, for the same errors as a full load.
    static func load(from directory: String, documents slugs: Set<String>, declaredVisits: Set<String>) -> LoadedContent {
        var content = LoadedContent()
        let root = folderPath(directory)
        loadSiteFiles(root, into: &content)
        content.declaredVisits = declaredVisits
        for slug in slugs.sorted() {
            let (file, diagnostics) = readThen("\(root)/documents/\(slug).md") { ContentFiles.document($0, slug: slug) }
            if let file { content.documents.append(file) }
            content.diagnostics += diagnostics
        }
        let visits = Set(content.documents.compactMap(\.visit?.value)).intersection(declaredVisits)
        for slug in visits.sorted() {
            let (file, diagnostics) = readThen("\(root)/visits/\(slug).md") { ContentFiles.visit($0, slug: slug) }
            if let file { content.visits.append(file) }
            content.diagnostics += diagnostics
        }
        return content
    }

    /// A folder's path without a trailing slash, to join file names to.
    private static func folderPath(_ directory: String) -> String {
        directory.hasSuffix("/") ? String(directory.dropLast()) : directory
    }

    /// site.yml, speakers.yml and themes.yml.
    private static func loadSiteFiles(_ root: String, into content: inout LoadedContent) {
        switch SourceFile.read("\(root)/site.yml") {
        case .success(let file):
            let (site, diagnostics) = ContentFiles.site(file)
            content.site = site
            content.diagnostics += diagnostics
        case .failure:
            content.diagnostics.append(Diagnostic(path: "\(root)/site.yml", line: 1,
                message: "site.yml is missing; create it with at least 'title:' and 'base_url:'"))
        }
        if let file = optionalFile("\(root)/speakers.yml", &content.diagnostics) {
            let speakers = ContentFiles.speakers(file)
            content.speakers = speakers.entries
            content.diagnostics += speakers.diagnostics
        }
        if let file = optionalFile("\(root)/themes.yml", &content.diagnostics) {
            let themes = ContentFiles.themes(file)
            content.themes = themes.entries
            content.declaredThemes = themes.declared
            content.diagnostics += themes.diagnostics
        }
    }

    private static func readThen<T>(_ path: String, _ body: (SourceFile) -> (T?, [Diagnostic])) -> (T?, [Diagnostic]) {
        switch SourceFile.read(path) {
        case .success(let file): body(file)
        case .failure(let diagnostic): (nil, [diagnostic])
        }
    }

    /// A YAML file that may be absent (no speakers, no themes yet).
    private static func optionalFile(_ path: String, _ diagnostics: inout [Diagnostic]) -> SourceFile? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        switch SourceFile.read(path) {
        case .success(let file): return file
        case .failure(let diagnostic):
            diagnostics.append(diagnostic)
            return nil
        }
    }

    /// The `.md` files of a folder, sorted, each named by a valid slug.
    private static func markdownFiles(in folder: String, _ diagnostics: inout [Diagnostic])
        -> [(path: String, slug: String)] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return [] }
        var files: [(path: String, slug: String)] = []
        for name in names.sorted() where !name.hasPrefix(".") {
            let path = "\(folder)/\(name)"
            guard name.hasSuffix(".md"), !isDirectory(path) else {
                diagnostics.append(Diagnostic(path: path, line: 1,
                    message: "only Markdown files ending in .md belong here; rename it or move it to assets/"))
                continue
            }
            let slug = String(name.dropLast(3))
            guard Slug.isValid(slug) else {
                let suggestion = Slug.suggestion(for: slug)
                diagnostics.append(Diagnostic(path: path, line: 1,
                    message: "bad slug '\(slug)': file names use lowercase letters, digits and single hyphens; "
                        + "rename it to '\(suggestion.isEmpty ? "my-page" : suggestion).md'"))
                continue
            }
            files.append((path, slug))
        }
        return files
    }

    private static func isDirectory(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    /// Every file below `assets/`; a symbolic link may only point inside the content folder.
    private static func assetFiles(in root: String, _ diagnostics: inout [Diagnostic]) -> [AssetFile] {
        let assets = "\(root)/assets"
        guard isDirectory(assets), let walker = FileManager.default.enumerator(atPath: assets) else { return [] }
        let contentRoot = URL(fileURLWithPath: root).resolvingSymlinksInPath().path + "/"
        var files: [AssetFile] = []
        while let relative = walker.nextObject() as? String {
            let path = "\(assets)/\(relative)"
            let type = (try? FileManager.default.attributesOfItem(atPath: path)[.type]) as? FileAttributeType
            switch type {
            case .typeDirectory?:
                continue
            case .typeSymbolicLink?:
                let target = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
                guard target.hasPrefix(contentRoot) else {
                    diagnostics.append(Diagnostic(path: path, line: 1,
                        message: "symbolic link points outside the content folder (to \(target)); copy the file into assets/ instead"))
                    continue
                }
                guard !isDirectory(target) else {
                    diagnostics.append(Diagnostic(path: path, line: 1,
                        message: "symbolic link to a folder; link the files themselves or copy the folder"))
                    continue
                }
                files.append(AssetFile(relativePath: relative, sourcePath: target))
            default:
                files.append(AssetFile(relativePath: relative, sourcePath: path))
            }
        }
        return files.sorted { $0.relativePath < $1.relativePath }
    }
}
