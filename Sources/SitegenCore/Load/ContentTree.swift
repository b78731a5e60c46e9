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
    /// Problems in documents marked `draft: true`: errors when drafts are built, warnings otherwise.
    var draftProblems: [Diagnostic] = []
    /// Problems that do not stop a build (placeholders, reminders).
    var warnings: [Diagnostic] = []
    /// What earlier builds published (`published.csv`).
    var published = PublishedAddresses()
    /// False when only some documents were read, so what is missing is not gone.
    var complete = true
    /// The content folder, as given.
    var root = ""

    /// Records a document file's outcome, keeping a draft's problems apart.
    mutating func add(_ read: DocumentRead) {
        if let file = read.file { documents.append(file) }
        if read.draft { draftProblems += read.diagnostics } else { diagnostics += read.diagnostics }
    }
}

/// Walks a content folder in CONTENT.md's layout.
enum ContentTree {
    /// Reads everything, parsing visits and documents on `workers` threads (nil: every core).
    /// Documents whose slugs are keys of `reusing` are not parsed: the cached values are used.
    /// `today` dates the reminder to review the accessibility statement.
    static func load(from directory: String, today: Day, workers: Int? = nil, reusing: [String: Document] = [:])
        -> LoadedContent {
        var content = LoadedContent()
        let root = folderPath(directory)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root, isDirectory: &isDirectory), isDirectory.boolValue else {
            content.diagnostics.append(Diagnostic(path: root, line: 1,
                message: "no content folder here; run sitegen in the portal's folder or pass --content DIR"))
            return content
        }

        content.root = root
        let inside = ContentBoundary(root)
        loadSiteFiles(root, inside, today: today, into: &content)
        let visitFiles = markdownFiles(in: "\(root)/visits", inside, &content.diagnostics)
        content.declaredVisits = Set(visitFiles.map(\.slug))
        for (file, diagnostics) in parallelMap(visitFiles, workers: workers, { entry in
            readThen(entry.path) { ContentFiles.visit($0, slug: entry.slug) }
        }) {
            if let file { content.visits.append(file) }
            content.diagnostics += diagnostics
        }
        var documentFiles = markdownFiles(in: "\(root)/documents", inside, &content.diagnostics)
        if !reusing.isEmpty {
            content.reused = documentFiles.compactMap { reusing[$0.slug] }
            documentFiles.removeAll { reusing[$0.slug] != nil }
        }
        for read in parallelMap(documentFiles, workers: workers, { entry in
            readDocument(entry.path, slug: entry.slug)
        }) {
            content.add(read)
        }
        content.assets = assetFiles(in: root, inside, &content.diagnostics)
        return content
    }

    /// Reads only what the pages of the given documents show: site.yml, speakers.yml,
    /// themes.yml, those documents and the visits they name. `declaredVisits` are the slugs
    /// of every visit file, for the same errors as a full load.
    static func load(from directory: String, today: Day, documents slugs: Set<String>, declaredVisits: Set<String>)
        -> LoadedContent {
        var content = LoadedContent()
        content.complete = false
        let root = folderPath(directory)
        content.root = root
        let inside = ContentBoundary(root)
        loadSiteFiles(root, inside, today: today, into: &content)
        content.declaredVisits = declaredVisits
        for slug in slugs.sorted() {
            let path = "\(root)/documents/\(slug).md"
            if let problem = inside.problem(with: path) {
                content.diagnostics.append(problem)
                continue
            }
            content.add(readDocument(path, slug: slug))
        }
        let visits = Set(content.documents.compactMap(\.visit?.value)).intersection(declaredVisits)
        for slug in visits.sorted() {
            let path = "\(root)/visits/\(slug).md"
            if let problem = inside.problem(with: path) {
                content.diagnostics.append(problem)
                continue
            }
            let (file, diagnostics) = readThen(path) { ContentFiles.visit($0, slug: slug) }
            if let file { content.visits.append(file) }
            content.diagnostics += diagnostics
        }
        return content
    }

    /// A folder's path without a trailing slash, to join file names to.
    private static func folderPath(_ directory: String) -> String {
        directory.hasSuffix("/") ? String(directory.dropLast()) : directory
    }

    /// site.yml, speakers.yml, themes.yml and published.csv.
    private static func loadSiteFiles(_ root: String, _ inside: ContentBoundary, today: Day,
                                      into content: inout LoadedContent) {
        for name in ["site.yml", "speakers.yml", "themes.yml", PublishedAddresses.fileName] {
            if let problem = inside.problem(with: "\(root)/\(name)") {
                content.diagnostics.append(problem)
                return
            }
        }
        switch SourceFile.read("\(root)/site.yml") {
        case .success(let file):
            let (site, diagnostics) = ContentFiles.site(file, today: today)
            content.site = site
            content.diagnostics += diagnostics.filter { $0.severity == .error }
            content.warnings += diagnostics.filter { $0.severity == .warning }
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
        if let file = optionalFile("\(root)/\(PublishedAddresses.fileName)", &content.diagnostics) {
            let published = PublishedAddresses.parse(file)
            content.published = published.0
            content.diagnostics += published.1
        }
    }

    private static func readDocument(_ path: String, slug: String) -> DocumentRead {
        switch SourceFile.read(path) {
        case .success(let file): ContentFiles.document(file, slug: slug)
        case .failure(let diagnostic): DocumentRead(file: nil, diagnostics: [diagnostic], draft: false)
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

    /// The `.md` files of a folder, sorted, each named by a valid slug and inside the content folder.
    private static func markdownFiles(in folder: String, _ inside: ContentBoundary, _ diagnostics: inout [Diagnostic])
        -> [(path: String, slug: String)] {
        if let problem = inside.problem(with: folder) {
            diagnostics.append(problem)
            return []
        }
        var files: [(path: String, slug: String)] = []
        for name in FolderListing.names(in: folder, &diagnostics).sorted() where !name.hasPrefix(".") {
            let path = "\(folder)/\(name)"
            if let problem = inside.problem(with: path) {
                diagnostics.append(problem)
                continue
            }
            guard name.hasSuffix(".md"), !isDirectory(path) else {
                diagnostics.append(Diagnostic(path: path, line: 1,
                    message: "only Markdown files ending in .md belong here; rename it or move it to assets/"))
                continue
            }
            let slug = String(name.dropLast(3))
            guard slug.utf8.count <= Slug.maximumLength else {
                diagnostics.append(Diagnostic(path: path, line: 1,
                    message: "the file name is \(slug.utf8.count) characters long; keep it to \(Slug.maximumLength), "
                        + "since it becomes the page's address and folder"))
                continue
            }
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

    /// Every file below `assets/` but hidden ones (an editor's lock and backup files, `.DS_Store`);
    /// a symbolic link must point to a file inside the content folder.
    private static func assetFiles(in root: String, _ inside: ContentBoundary, _ diagnostics: inout [Diagnostic])
        -> [AssetFile] {
        let assets = "\(root)/assets"
        guard isDirectory(assets) else { return [] }
        if let problem = inside.problem(with: assets) {
            diagnostics.append(problem)
            return []
        }
        var files: [AssetFile] = []
        var folders = [""]
        while let relativeFolder = folders.popLast() {
            let folder = relativeFolder.isEmpty ? assets : "\(assets)/\(relativeFolder)"
            for name in FolderListing.names(in: folder, &diagnostics) where !name.hasPrefix(".") {
                let relative = relativeFolder.isEmpty ? name : "\(relativeFolder)/\(name)"
                let path = "\(assets)/\(relative)"
                if let problem = inside.problem(with: path) {
                    diagnostics.append(problem)
                    continue
                }
                var info = stat()
                let isLink = lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFLNK
                let target = isLink ? inside.resolved(path) ?? path : path
                switch (isDirectory(target), isLink) {
                case (true, true):
                    diagnostics.append(Diagnostic(path: path, line: 1,
                        message: "symbolic link to a folder; link the files themselves or copy the folder"))
                case (true, false):
                    folders.append(relative)
                case (false, _):
                    files.append(AssetFile(relativePath: relative, sourcePath: target))
                }
            }
        }
        return files.sorted { $0.relativePath < $1.relativePath }
    }
}

/// The content folder's real extent: no file or folder that sitegen reads may resolve outside
/// it, whatever symbolic links say, and a broken link is an error, not a crash.
struct ContentBoundary {
    private let root: String

    init(_ contentFolder: String) {
        root = OutputPlacement.realPath(contentFolder)
    }

    /// The real path of `path`, or nil if it does not resolve (a broken or looping link).
    func resolved(_ path: String) -> String? {
        guard let real = realpath(path, nil) else { return nil }
        defer { free(real) }
        return String(cString: real)
    }

    /// A diagnostic when `path` is a symbolic link that resolves outside the content folder
    /// or nowhere; nil when it is inside, not a link, or does not exist. Every folder is
    /// checked before its entries, so nothing below a link escapes; only links cost more
    /// than one `lstat`. A refused file is never read, so nothing of it can reach an error
    /// message or the site.
    func problem(with path: String) -> Diagnostic? {
        var info = stat()
        guard lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFLNK else { return nil }
        guard let real = resolved(path) else {
            return Diagnostic(path: path, line: 1,
                message: "broken symbolic link: it points to a file that does not exist, or to itself; "
                    + "delete it, or copy the real file here")
        }
        guard real == root || real.hasPrefix(root + "/") else {
            return Diagnostic(path: path, line: 1,
                message: "symbolic link points outside the content folder; copy the file into the content folder instead")
        }
        return nil
    }
}

/// The names in a folder, read as bytes, so a name that is not UTF-8 is reported, not mangled.
enum FolderListing {
    static func names(in folder: String, _ diagnostics: inout [Diagnostic]) -> [String] {
        guard let directory = opendir(folder) else { return [] }
        defer { closedir(directory) }
        var names: [String] = []
        while let entry = readdir(directory) {
            let bytes = withUnsafeBytes(of: entry.pointee.d_name) { Array($0.prefix { $0 != 0 }) }
            guard let name = String(validating: bytes, as: UTF8.self) else {
                let shown = String(decoding: bytes, as: UTF8.self)
                diagnostics.append(Diagnostic(path: "\(folder)/\(shown)", line: 1,
                    message: "the file name is not UTF-8, so it cannot be part of a web address; rename it "
                        + "(letters, digits and hyphens are safest)"))
                continue
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }
}
