import CSystem
import Foundation
import PortalModel
import Templates

/// The quickest rebuild after an edit: documents changed, but none moved in any list (same
/// date, kind, visit, themes, draft flag and quote speakers) and none has a new `updated`
/// (which the feed's own date and the sitemap show), so every list shows them in the same places.
///
/// Only the edited files, the visits they name, site.yml, speakers.yml and themes.yml are
/// read. The documents' own pages and quote pages are rendered. Where what lists show of a
/// document changed (title, summary, publisher, the words or roles of its quotes), its lists
/// are not rendered again: each of its rows in the published page is replaced by the row the
/// page would render now (`ListRows`), the old row rendered from the cached listing. All of it
/// goes into the spare folder, which first takes the files the last build changed (as hard
/// links to the published ones); the folders are swapped; and only the cache's header is
/// written again. Any other edit, or a row that is not in its page as often as the page must
/// show it, returns nil before anything is touched.
enum DocumentEditRebuild {
    /// How many changed file hashes the header may carry before a build rewrites the data file.
    static let liveUpdateLimit = 2_000
    /// How many changed listings the header may carry before a build rewrites the data file.
    static let documentUpdateLimit = 200

    /// Publishes the rebuilt pages, or returns nil when the edit is not of this kind.
    /// Throws `ContentErrors` when an edited document is not valid, and `PublishError`.
    static func build(cache: BuildCache, stamps: ContentStamps, options: BuildOptions, paths: StagingFolder.Paths,
                      clock: inout StageClock) throws -> (summary: BuildSummary, portal: Portal)? {
        guard cache.spareFolder != 0, !options.searchIndex, cache.liveUpdates.count < liveUpdateLimit,
              cache.differences.values.allSatisfy({ $0.live != nil && $0.spare != nil }) else { return nil }
        let changes = ContentChanges(from: cache.stamps, to: stamps)
        guard !changes.global, changes.visits.isEmpty, !changes.documents.isEmpty,
              changes.documents.allSatisfy({ slug in
                  cache.listings[slug] != nil && slug != cache.featured && stamps.files["documents/\(slug).md"] != nil
              }) else { return nil }
        let visits = Set(stamps.files.keys.compactMap { ContentChanges.slug($0, in: "visits/") })
        let loaded = ContentTree.load(from: options.content, today: options.today, documents: changes.documents,
                                      declaredVisits: visits)
        let checked = try PortalBuilder.build(loaded, includeDrafts: options.includeDrafts).get()
        let portal = checked.portal
        var routes: [Route] = []
        var relisted: [(document: Document, listing: UInt64)] = []
        for slug in changes.documents.sorted() {
            guard let document = portal.document(slug) else { return nil }
            // A card that shows something new is a new file, and the old one must go: the
            // affected pages' rebuild does that.
            if options.shareCards, document.quotes.contains(where: {
                !FileManager.default.fileExists(atPath: "\(paths.output)/\(QuoteCard($0, in: portal).file)")
            }) { return nil }
            routes.append(.document(slug))
            routes += document.quotes.map { .quote($0.id) }
            let listing = BuildCache.listing(document)
            if listing != cache.listings[slug]?.hash { relisted.append((document, listing)) }
        }
        var published: [String: UInt64] = [:]
        for route in routes {
            guard let hash = ContentHash.ofFile("\(paths.output)/\(route.file)") else { return nil }
            published[route.file] = hash
        }
        guard let lists = updatedLists(relisted.map(\.document), portal: portal, cache: cache, output: paths.output),
              cache.differences.keys.allSatisfy({ FileManager.default.fileExists(atPath: "\(paths.output)/\($0)") })
        else { return nil }
        published.merge(lists.published) { _, list in list }

        clock.start("render and write")
        BuildCache.remove(paths.cache, keepingData: true)
        // The spare folder takes the published version of every file the last build changed;
        // then it holds the published site, and the new pages are written where they differ.
        let spare = try StagingFolder.reuse(paths, existing: published)
        for file in cache.differences.keys.sorted() { try spare.link("\(paths.output)/\(file)", to: file) }
        let pages = parallelMap(routes, workers: options.workers) {
            ($0.file, SitePages.render($0, in: portal, cards: options.shareCards))
        }
        var hashes: [String: UInt64] = [:]
        for (file, html) in pages { hashes[file] = try spare.write(file, html) }
        for (file, page) in lists.files { hashes[file] = try page.write(file, into: spare) }
        var written: [String: BuildCache.Difference] = [:]
        for (file, hash) in hashes where hash != published[file] {
            written[file] = BuildCache.Difference(live: hash, spare: published[file])
        }

        clock.start("publish")
        let stamps = try PublishedRecord.update(portal, loaded: loaded, stamps: stamps, options: options)
        try spare.publish(keepPrevious: true, paths: paths)
        var next = cache
        next.stamps = stamps
        next.liveFolder = BuildCache.inode(of: paths.output) ?? 0
        next.spareFolder = BuildCache.inode(of: paths.spare) ?? 0
        for (file, difference) in written { next.liveUpdates[file] = difference.live }
        for (document, listing) in relisted {
            next.listings[document.slug]?.hash = listing
            next.documentUpdates[document.slug] = document
        }
        next.differences = written
        next.saveHeader(paths.cache)
        var summary = BuildSummary(cache.counts, output: options.output, stages: clock.finish(),
                                   filesChanged: Set(cache.differences.keys).union(written.keys).count,
                                   pagesRendered: routes.count, pagesUpdated: lists.files.count, upToDate: false)
        summary.warnings = checked.warnings
        return (summary, portal)
    }

    /// A row of a list page: as the published page shows it, and as it must show it now.
    private struct Row {
        let old: String
        let new: String
        /// Text the page holds exactly when it shows the document; nil where it always does.
        let shownBy: String?
    }

    /// A published list page with some of its rows replaced.
    private struct UpdatedPage {
        let page: [UInt8]
        /// The ranges of `page` to replace, in order, and the range of `rows` that replaces each.
        var cuts: [(old: Range<Int>, new: Range<Int>)] = []
        var rows: [UInt8] = []

        /// Writes the page with its rows replaced, without assembling it first.
        func write(_ file: String, into folder: StagingFolder) throws -> UInt64 {
            try page.withUnsafeBytes { page in
                try rows.withUnsafeBytes { rows in
                    var pieces: [UnsafeRawBufferPointer] = []
                    var position = 0
                    for cut in cuts {
                        pieces.append(UnsafeRawBufferPointer(rebasing: page[position..<cut.old.lowerBound]))
                        pieces.append(UnsafeRawBufferPointer(rebasing: rows[cut.new]))
                        position = cut.old.upperBound
                    }
                    pieces.append(UnsafeRawBufferPointer(rebasing: page[position...]))
                    return try folder.write(file, pieces: pieces)
                }
            }
        }
    }

    /// The list files that show the `relisted` documents, with their rows replaced, and the
    /// hashes of the published versions; nil if a document moved or a row is not found.
    private static func updatedLists(_ relisted: [Document], portal: Portal, cache: BuildCache, output: String)
        -> (files: [String: UpdatedPage], published: [String: UInt64])? {
        guard !relisted.isEmpty else { return ([:], [:]) }
        guard cache.documentUpdates.count + relisted.count <= documentUpdateLimit,
              let before = cache.publishedDocuments(Set(relisted.map(\.slug))),
              relisted.allSatisfy({ before[$0.slug]?.sharesPlaces(with: $0) ?? false }) else { return nil }
        let old = Portal(site: portal.site, visits: portal.visits, documents: portal.documents.map { before[$0.slug] ?? $0 },
                         speakers: portal.speakers, themes: portal.themes)
        var rows: [String: [Row]] = [:]
        for document in relisted {
            guard let previous = old.document(document.slug) else { return nil }
            let was = ListRows.listings(of: previous, in: old)
            let now = ListRows.listings(of: document, in: portal)
            guard was.map(\.file) == now.map(\.file) else { return nil }
            for (listing, current) in zip(was, now) {
                guard listing.rows.count == current.rows.count else { return nil }
                // Bytes, not `String ==`, which takes "é" and "e" with a combining accent as equal.
                for (row, new) in zip(listing.rows, current.rows) where !row.utf8.elementsEqual(new.utf8) {
                    rows[listing.file, default: []].append(Row(old: row, new: new, shownBy: listing.shownBy))
                }
            }
        }
        var files: [String: UpdatedPage] = [:]
        var published: [String: UInt64] = [:]
        for (file, replacements) in rows {
            guard let page = FileBytes.read("\(output)/\(file)"),
                  let updated = replacing(replacements, in: page) else { return nil }
            guard let updated else { continue }
            published[file] = page.withUnsafeBytes { ContentHash.of($0) }
            files[file] = updated
        }
        return (files, published)
    }

    /// `page` with each row's old text replaced by its new one (`.some(nil)`: none is there);
    /// nil unless each old row is in the page once, or, where the page shows the document
    /// only while it is new, neither the row nor the document is there.
    private static func replacing(_ rows: [Row], in page: [UInt8]) -> UpdatedPage?? {
        var cuts: [(range: Range<Int>, row: Row)] = []
        for row in rows {
            let found = occurrences(of: row.old, in: page)
            if found.isEmpty, let shownBy = row.shownBy {
                guard occurrences(of: shownBy, in: page).isEmpty else { return nil }
                continue
            }
            guard found.count == 1 else { return nil }
            cuts.append((found[0], row))
        }
        guard !cuts.isEmpty else { return .some(nil) }
        var updated = UpdatedPage(page: page)
        var position = 0
        for cut in cuts.sorted(by: { $0.range.lowerBound < $1.range.lowerBound }) {
            guard cut.range.lowerBound >= position else { return nil }
            let start = updated.rows.count
            updated.rows.append(contentsOf: cut.row.new.utf8)
            updated.cuts.append((cut.range, start..<updated.rows.count))
            position = cut.range.upperBound
        }
        return updated
    }

    /// Where `text`'s bytes are in `page`, without overlaps.
    private static func occurrences(of text: String, in page: [UInt8]) -> [Range<Int>] {
        var needle = text
        return needle.withUTF8 { needle in
            page.withUnsafeBytes { page -> [Range<Int>] in
                guard let base = page.baseAddress, needle.count > 0 else { return [] }
                var found: [Range<Int>] = []
                var start = 0
                while start < page.count,
                      let hit = sitegen_find_bytes(base + start, page.count - start, needle.baseAddress, needle.count) {
                    let offset = base.distance(to: hit)
                    found.append(offset..<offset + needle.count)
                    start = offset + needle.count
                }
                return found
            }
        }
    }
}

extension Document {
    /// Whether every list, the feed and the sitemap show this document where it shows `other`:
    /// the same date, update, kind, visit, themes, draft flag, and quotes with the same ids,
    /// speakers and themes that are as eligible to be featured on the home page as before.
    fileprivate func sharesPlaces(with other: Document) -> Bool {
        date == other.date && updated == other.updated && kind == other.kind && visitSlug == other.visitSlug
            && themeSlugs == other.themeSlugs && aliases == other.aliases
            && draft == other.draft && quotes.map(\.speakerSlug) == other.quotes.map(\.speakerSlug)
            && quotes.map(\.id) == other.quotes.map(\.id) && quotes.map(\.themeSlugs) == other.quotes.map(\.themeSlugs)
            && quotes.map(\.featured) == other.quotes.map(\.featured)
            && quotes.map(\.isWholeSentence) == other.quotes.map(\.isWholeSentence)
    }
}
