import Foundation
import PortalModel

/// What a build is asked to do.
public struct BuildOptions: Sendable {
    public var content: String
    public var output: String
    public var includeDrafts: Bool
    /// Run Pagefind over the new site before publishing it, for the search page.
    public var searchIndex: Bool
    /// Draw a share card (PNG) for every quote page and name it as the page's `og:image`.
    public var shareCards: Bool
    /// Ignore the build cache and write every file into a new folder.
    public var clean: Bool
    /// Keep a cache and a spare folder beside the output, so the next build writes only what changed.
    public var useCache: Bool
    /// Threads for loading and rendering; nil uses every core, 1 builds sequentially.
    public var workers: Int?
    /// Told the name of each stage as it starts, for progress output.
    public var onStage: (@Sendable (String) -> Void)?
    /// The date the accessibility statement's review is reckoned from: today, unless a test says otherwise.
    public var today: Day = .today()
    /// `check`'s rules: a published document that would lose its page is an error, not a warning.
    var strict = false

    public init(content: String = "content", output: String = "public", includeDrafts: Bool = false,
                searchIndex: Bool = false, shareCards: Bool = false, clean: Bool = false, useCache: Bool = true,
                onStage: (@Sendable (String) -> Void)? = nil) {
        self.content = content
        self.output = output
        self.includeDrafts = includeDrafts
        self.searchIndex = searchIndex
        self.shareCards = shareCards
        self.clean = clean
        self.useCache = useCache
        self.workers = nil
        self.onStage = onStage
    }
}

/// How long one stage of a build took.
public struct StageTiming: Sendable {
    public let name: String
    public let seconds: Double
}

/// How much a build published, as its summary line reports it.
struct SiteCounts: Sendable, Equatable {
    var documents, visits, quotes, themes, speakers, pages, files: Int

    static let fieldCount = 7
    var values: [Int] { [documents, visits, quotes, themes, speakers, pages, files] }

    init?(_ values: [Int]) {
        guard values.count == Self.fieldCount else { return nil }
        (documents, visits, quotes, themes, speakers, pages, files) =
            (values[0], values[1], values[2], values[3], values[4], values[5], values[6])
    }

    /// Files exclude the `.sitegen` marker.
    init(_ portal: Portal, _ written: PageWriter.Written) {
        (documents, visits, quotes, themes, speakers, pages, files) =
            (portal.documents.count, portal.visits.count, portal.quotes.count, portal.themes.count,
             portal.speakers.count, written.pages, written.files.count - 1)
    }
}

/// What a successful build published.
public struct BuildSummary: Sendable {
    public let documents: Int
    public let visits: Int
    public let quotes: Int
    public let themes: Int
    public let speakers: Int
    /// HTML pages written, 404 page included.
    public let pages: Int
    /// Every file written: pages, feed, sitemap, robots, stylesheet and assets.
    public let files: Int
    public let output: String
    public let stages: [StageTiming]
    /// Files actually written; the rest were already there with the same bytes.
    public let filesChanged: Int
    /// Pages rendered: all of them, or after an edit to documents or visits only those it affects.
    public let pagesRendered: Int
    /// List pages updated without rendering them, by replacing an edited document's rows.
    public let pagesUpdated: Int
    /// Share cards drawn: those whose words, speaker, role, date or site title are new.
    public let cardsDrawn: Int
    /// True when nothing under the content folder changed since the last build, so nothing was done.
    public let upToDate: Bool
    /// Problems that did not stop the build, such as errors in drafts left out of it.
    public internal(set) var warnings: [Diagnostic] = []

    public var seconds: Double { stages.reduce(0) { $0 + $1.seconds } }

    init(_ counts: SiteCounts, output: String, stages: [StageTiming], filesChanged: Int, pagesRendered: Int,
         pagesUpdated: Int = 0, cardsDrawn: Int = 0, upToDate: Bool) {
        documents = counts.documents
        visits = counts.visits
        quotes = counts.quotes
        themes = counts.themes
        speakers = counts.speakers
        pages = counts.pages
        files = counts.files
        self.output = output
        self.stages = stages
        self.filesChanged = filesChanged
        self.pagesRendered = pagesRendered
        self.pagesUpdated = pagesUpdated
        self.cardsDrawn = cardsDrawn
        self.upToDate = upToDate
    }
}

/// The pipeline: load → model → render → write. Nothing is written unless the content is valid.
public enum SiteBuilder {
    /// Loads and validates `content`: the portal, or every problem in it.
    public static func load(content: String, includeDrafts: Bool) -> Result<Portal, ContentErrors> {
        PortalBuilder.build(ContentTree.load(from: content, today: .today()), includeDrafts: includeDrafts).map(\.portal)
    }

    /// Builds and publishes; throws `ContentErrors` or `PublishError`.
    ///
    /// With a valid cache: a build whose content files did not change does nothing; one where
    /// documents changed but moved in no list renders only their own pages and replaces their
    /// rows in the lists (`DocumentEditRebuild`); one where only documents or visits changed
    /// parses and renders only what they affect; any other writes only the files whose bytes
    /// changed. Each updates the spare folder and swaps it in.
    @discardableResult
    public static func build(_ options: BuildOptions) throws -> BuildSummary {
        try run(options).summary
    }

    /// `build`, also returning the portal it published (nil when it found the output up to date).
    private static func run(_ options: BuildOptions) throws -> (summary: BuildSummary, portal: Portal?) {
        var clock = StageClock(onStage: options.onStage)
        let paths = StagingFolder.Paths(output: options.output)
        try OutputPlacement.check(output: paths.output, content: options.content)
        let lock = try OutputLock(paths)
        defer { withExtendedLifetime(lock) {} }
        let identity = BuildCache.identity(content: options.content, includeDrafts: options.includeDrafts,
                                          searchIndex: options.searchIndex, shareCards: options.shareCards)
        clock.start("load")
        let stamps = ContentStamps.read(options.content, workers: options.workers)
        var cache = options.useCache && !options.clean ? validCache(paths, identity: identity) : nil
        if let cache, cache.stamps == stamps {
            return (BuildSummary(cache.counts, output: options.output, stages: clock.finish(), filesChanged: 0,
                                 pagesRendered: 0, upToDate: true), nil)
        }
        if let cache, let rebuilt = try DocumentEditRebuild.build(cache: cache, stamps: stamps, options: options,
                                                              paths: paths, clock: &clock) {
            return (rebuilt.summary, rebuilt.portal)
        }
        if cache?.loadData() == false { cache = nil }
        var plan = RebuildPlan(cache: cache, stamps: stamps, searchIndex: options.searchIndex)
        var loaded = ContentTree.load(from: options.content, today: options.today, workers: options.workers,
                                      reusing: plan.reusing)
        if !reusedDocumentsFit(loaded) {
            // A cached document names a visit or theme that is gone, or shares a quote id with an
            // edited one: parse everything, to report it properly.
            plan = RebuildPlan()
            loaded = ContentTree.load(from: options.content, today: options.today, workers: options.workers)
        }
        clock.start("model")
        let checked = try PortalBuilder.build(loaded, includeDrafts: options.includeDrafts, strict: options.strict).get()
        let portal = checked.portal
        clock.start("render and write")
        BuildCache.remove(paths.cache)
        let spare = cache.flatMap { $0.spareFolder != 0 ? $0.spare : nil }
        let staging = try spare.map { try StagingFolder.reuse(paths, existing: $0) } ?? StagingFolder.create(for: paths)
        do {
            var changed: PageWriter.Written?
            if let cache, let changes = plan.changes {
                let affected = AffectedPages.routes(for: changes, before: cache.documents, portal: portal)
                changed = try PageWriter.writeChanges(portal, affected: affected, published: cache.live,
                                                      from: paths.output, into: staging, cards: options.shareCards,
                                                      workers: options.workers)
            }
            var written = try changed ?? PageWriter.write(portal, assets: loaded.assets, into: staging,
                                                          cards: options.shareCards, published: cache?.live ?? [:],
                                                          from: paths.output, workers: options.workers)
            if options.searchIndex {
                clock.start("search index")
                try? FileManager.default.removeItem(atPath: "\(staging.path)/pagefind")
                try SearchIndex.build(in: staging)
                written.files.merge(PageWriter.hashes(below: "pagefind", in: staging)) { _, new in new }
            }
            staging.removeFiles(notIn: written.files)
            clock.start("publish")
            let stamps = try PublishedRecord.update(portal, loaded: loaded, stamps: stamps, options: options)
            let keepPrevious = options.useCache && cache != nil
            try staging.publish(keepPrevious: keepPrevious, paths: paths)
            let counts = SiteCounts(portal, written)
            if options.useCache, let liveFolder = BuildCache.inode(of: paths.output) {
                let spareFolder = keepPrevious ? BuildCache.inode(of: paths.spare) ?? 0 : 0
                BuildCache(identity: identity, stamps: stamps, counts: counts, liveFolder: liveFolder,
                           live: written.files, spareFolder: spareFolder,
                           spare: keepPrevious ? cache?.live ?? [:] : [:],
                           documents: Dictionary(portal.documents.map { ($0.slug, $0) }, uniquingKeysWith: { $1 }),
                           featured: portal.featuredQuote?.documentSlug, workers: options.workers)
                    .save(paths.cache)
            }
            let filesChanged = written.files.reduce(0) { $0 + (staging.existing[$1.key] != $1.value ? 1 : 0) }
            var summary = BuildSummary(counts, output: options.output, stages: clock.finish(),
                                       filesChanged: filesChanged, pagesRendered: written.rendered,
                                       cardsDrawn: written.cardsDrawn, upToDate: false)
            summary.warnings = checked.warnings
            return (summary, portal)
        } catch {
            staging.discard()
            throw error
        }
    }

    /// Whether every cached document's visit and themes still exist, and no parsed document
    /// gives a quote an id that a cached one has.
    private static func reusedDocumentsFit(_ loaded: LoadedContent) -> Bool {
        guard !loaded.reused.isEmpty else { return true }
        let reusedIDs = Set(loaded.reused.lazy.flatMap(\.quotes).map(\.id))
        let parsedIDs = loaded.documents.lazy.flatMap { PortalBuilder.quoteIDs(of: $0, published: loaded.published) }
        return loaded.reused.allSatisfy { document in
            (document.visitSlug.map(loaded.declaredVisits.contains) ?? true)
                && document.themeSlugs.allSatisfy(loaded.declaredThemes.contains)
                && document.quotes.allSatisfy { $0.themeSlugs.allSatisfy(loaded.declaredThemes.contains) }
        } && !parsedIDs.contains(where: reusedIDs.contains)
    }

    /// The cache beside the output (its header), if it was written by this binary with these
    /// options and the published folder is the one it describes; a spare folder that is not
    /// the one it describes is ignored.
    private static func validCache(_ paths: StagingFolder.Paths, identity: String) -> BuildCache? {
        guard var cache = BuildCache.load(paths.cache), cache.identity == identity,
              BuildCache.inode(of: paths.output) == cache.liveFolder else { return nil }
        if cache.spareFolder != 0 && BuildCache.inode(of: paths.spare) != cache.spareFolder {
            cache.spareFolder = 0
        }
        return cache
    }

    /// Validates the content (drafts included), then builds it into a temporary folder and
    /// checks every internal link and fragment. Returns every problem, warnings last; the
    /// published output is not touched. A broken link in a document is reported at the line
    /// of its Markdown file that writes it; `today` dates the accessibility review's reminder.
    public static func check(content: String, today: Day = .today()) -> [Diagnostic] {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sitegen-check-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let built: (summary: BuildSummary, portal: Portal?)
        do {
            var options = BuildOptions(content: content, output: folder.path, includeDrafts: true, useCache: false)
            options.today = today
            options.strict = true
            built = try run(options)
        } catch let errors as ContentErrors {
            return errors.diagnostics
        } catch {
            return [Diagnostic(path: folder.path, line: 1, message: "\(error)")]
        }
        guard let portal = built.portal else { return built.summary.warnings }
        let sources = LinkSources(portal: portal, content: content)
        let links = LinkChecker.check(site: folder.path, baseURL: portal.site.baseURL, displayPath: "(built site)",
                                      sources: sources.file(ofPage:))
        var seen = Set<String>()
        return links.filter { seen.insert($0.description).inserted } + built.summary.warnings
    }
}

/// Whether a build can be incremental, and which cached documents it takes instead of parsing.
private struct RebuildPlan {
    /// What changed, when only documents and visits did and a spare folder can be updated in place.
    var changes: ContentChanges?
    var reusing: [String: Document] = [:]

    /// A full build.
    init() {}

    init(cache: BuildCache?, stamps: ContentStamps, searchIndex: Bool) {
        guard let cache, cache.spareFolder != 0, !searchIndex else { return }
        let changes = ContentChanges(from: cache.stamps, to: stamps)
        guard !changes.global else { return }
        let parse = changes.documents.union(AffectedPages.needingBodies(changes, cached: cache.documents))
        self.changes = changes
        reusing = cache.documents.filter { !parse.contains($0.key) }
    }
}

extension Day {
    /// Today's date where the build runs.
    public static func today() -> Day {
        let parts = Calendar(identifier: .gregorian).dateComponents([.year, .month, .day], from: Date())
        return Day(year: parts.year!, month: parts.month!, day: parts.day!)!
    }
}

/// Times consecutive stages.
struct StageClock {
    let onStage: (@Sendable (String) -> Void)?
    private var timings: [StageTiming] = []
    private var current: (name: String, started: DispatchTime)?

    init(onStage: (@Sendable (String) -> Void)?) { self.onStage = onStage }

    mutating func start(_ name: String) {
        stop()
        onStage?(name)
        current = (name, .now())
    }

    mutating func finish() -> [StageTiming] {
        stop()
        return timings
    }

    private mutating func stop() {
        guard let current else { return }
        let nanoseconds = DispatchTime.now().uptimeNanoseconds - current.started.uptimeNanoseconds
        timings.append(StageTiming(name: current.name, seconds: Double(nanoseconds) / 1e9))
        self.current = nil
    }
}
