import Foundation
import PortalModel
import Templates

/// The quickest rebuild after an edit: documents changed, but nothing that other pages show
/// of them (title, date, kind, summary, visit, themes, the words and speakers of quotes).
///
/// Only those documents' own pages and quote pages can differ, and they show nothing of
/// other documents. So only the edited files, the visits they name, site.yml, speakers.yml
/// and themes.yml are read; those pages are rendered into the spare folder, which first
/// takes the files the last build changed (as hard links to the published ones); the
/// folders are swapped; and only the cache's header is written again. Any other edit
/// returns nil before touching anything.
enum OwnPagesRebuild {
    /// How many changed file hashes the header may carry before a build rewrites the data file.
    static let liveUpdateLimit = 2_000

    /// Publishes the rebuilt pages, or returns nil when the edit is not of this kind.
    /// Throws `ContentErrors` when an edited document is not valid, and `PublishError`.
    static func build(cache: BuildCache, stamps: ContentStamps, options: BuildOptions, paths: StagingFolder.Paths,
                      clock: inout StageClock) throws -> BuildSummary? {
        guard cache.spareFolder != 0, !options.searchIndex, cache.liveUpdates.count < liveUpdateLimit,
              cache.differences.values.allSatisfy({ $0.live != nil && $0.spare != nil }) else { return nil }
        let changes = ContentChanges(from: cache.stamps, to: stamps)
        guard !changes.global, changes.visits.isEmpty, !changes.documents.isEmpty,
              changes.documents.allSatisfy({ slug in
                  cache.listings[slug] != nil && slug != cache.featured && stamps.files["documents/\(slug).md"] != nil
              }) else { return nil }
        let visits = Set(stamps.files.keys.compactMap { ContentChanges.slug($0, in: "visits/") })
        let loaded = ContentTree.load(from: options.content, documents: changes.documents, declaredVisits: visits)
        let portal = try PortalBuilder.build(loaded, includeDrafts: options.includeDrafts).get()
        var routes: [Route] = []
        for slug in changes.documents.sorted() {
            guard let document = portal.document(slug), BuildCache.listing(document) == cache.listings[slug]
            else { return nil }
            routes.append(.document(slug))
            routes += document.quotes.map { .quote($0.id) }
        }
        var published: [String: UInt64] = [:]
        for route in routes {
            guard let hash = ContentHash.ofFile("\(paths.output)/\(route.file)") else { return nil }
            published[route.file] = hash
        }
        guard cache.differences.keys.allSatisfy({ FileManager.default.fileExists(atPath: "\(paths.output)/\($0)") })
        else { return nil }

        clock.start("render and write")
        BuildCache.remove(paths.cache, keepingData: true)
        // The spare folder takes the published version of every file the last build changed;
        // then it holds the published site, and the rendered pages are written where they differ.
        let spare = try StagingFolder.reuse(paths, existing: published)
        for file in cache.differences.keys.sorted() { try spare.link("\(paths.output)/\(file)", to: file) }
        let pages = parallelMap(routes, workers: options.workers) { ($0.file, SitePages.render($0, in: portal)) }
        var written: [String: BuildCache.Difference] = [:]
        for (file, html) in pages {
            let hash = try spare.write(file, html)
            if hash != published[file] { written[file] = BuildCache.Difference(live: hash, spare: published[file]) }
        }

        clock.start("publish")
        try spare.publish(keepPrevious: true, paths: paths)
        var next = cache
        next.stamps = stamps
        next.liveFolder = BuildCache.inode(of: paths.output) ?? 0
        next.spareFolder = BuildCache.inode(of: paths.spare) ?? 0
        for (file, difference) in written { next.liveUpdates[file] = difference.live }
        next.differences = written
        next.saveHeader(paths.cache)
        return BuildSummary(cache.counts, output: options.output, stages: clock.finish(),
                            filesChanged: Set(cache.differences.keys).union(written.keys).count,
                            pagesRendered: routes.count, upToDate: false)
    }
}
