import Foundation
import PortalModel
import Templates

/// Renders every page of a portal with the Swift templates and writes it into the build folder.
enum PageWriter {
    /// What was written: counts, and the hash of every file now in the folder.
    struct Written: Sendable {
        var pages: Int
        /// Pages rendered by this build: all of them, or only those an edit affected.
        var rendered: Int
        /// Share cards drawn by this build: those neither in the build folder nor published.
        var cardsDrawn = 0
        var files: [String: UInt64]
    }

    /// Writes all pages, root files and assets, on all cores, skipping files whose bytes are
    /// already there. With `cards`, the quotes' share cards too: those `published` (hashes of
    /// the files in the folder `live`) are linked from there, not drawn again.
    static func write(_ portal: Portal, assets: [AssetFile], into staging: StagingFolder, cards: Bool,
                      published: [String: UInt64] = [:], from live: String = "", workers: Int? = nil) throws -> Written {
        let routes = SitePages.routes(of: portal)
        if staging.existing.isEmpty {
            for section in ["timeline", "visits", "documents", "themes", "speakers", "quotes", "search", "accessibility",
                            "privacy", "data"] {
                try staging.makeFolders(section)
            }
        }
        var files = try render(routes, of: portal, into: staging, cards: cards, workers: workers)
        var cardsDrawn = 0
        if cards {
            let written = try CardWriter.write(portal, into: staging, published: published, from: live, workers: workers)
            files.merge(written.files) { _, card in card }
            cardsDrawn = written.drawn.count
        }
        let rootFiles = SitePages.rootFiles(of: portal, routes: routes)
        for file in rootFiles { files[file.name] = try writeRootFile(file, into: staging) }
        files[StagingFolder.markerName] = try staging.write(StagingFolder.markerName, StagingFolder.marker)
        for asset in assets {
            let relative = "assets/\(asset.relativePath)"
            files[relative] = try staging.copy(asset.sourcePath, to: relative)
        }
        let pages = routes.count + rootFiles.filter { $0.name.hasSuffix(".html") }.count
        return Written(pages: pages, rendered: pages, cardsDrawn: cardsDrawn, files: files)
    }

    /// Renders only the `affected` routes, the feed and the sitemap, and with `cards` draws
    /// the share cards that are not published; every other file is the published one,
    /// hard-linked into the build folder where that holds an older version.
    /// Returns nil (the caller then writes everything) when an affected page would need a
    /// document's body that was not parsed, or a file is missing from the published manifest.
    static func writeChanges(_ portal: Portal, affected: Set<Route>, published: [String: UInt64], from live: String,
                             into staging: StagingFolder, cards: Bool, workers: Int? = nil) throws -> Written? {
        let routes = SitePages.routes(of: portal)
        var files: [String: UInt64] = [:]
        var render: [Route] = []
        for route in routes {
            if affected.contains(route) {
                guard hasFullText(route, in: portal) else { return nil }
                render.append(route)
            } else if let hash = published[route.file] {
                files[route.file] = hash
            } else {
                return nil
            }
        }
        for (file, hash) in published where file.hasPrefix("assets/") || file == StagingFolder.markerName {
            files[file] = hash
        }
        files.merge(try Self.render(render, of: portal, into: staging, cards: cards, workers: workers)) { _, new in new }
        var done = Set(render.map(\.file))
        var cardsDrawn = 0
        if cards {
            let written = try CardWriter.write(portal, into: staging, published: published, from: live, workers: workers)
            files.merge(written.files) { _, card in card }
            done.formUnion(written.files.keys)
            cardsDrawn = written.drawn.count
        }
        let rootFiles = SitePages.rootFiles(of: portal, routes: routes)
        for file in rootFiles { files[file.name] = try writeRootFile(file, into: staging) }
        done.formUnion(rootFiles.map(\.name))
        for (file, hash) in files where staging.existing[file] != hash && !done.contains(file) {
            try staging.link("\(live)/\(file)", to: file)
        }
        return Written(pages: routes.count + 1, rendered: render.count, cardsDrawn: cardsDrawn, files: files)
    }

    /// Writes one of `SitePages.rootFiles`, making its folder (`data/`) where it needs one.
    private static func writeRootFile(_ file: (name: String, contents: String), into staging: StagingFolder) throws -> UInt64 {
        let folder = (file.name as NSString).deletingLastPathComponent
        return try staging.write(file.name, file.contents, folder: folder.isEmpty ? nil : folder)
    }

    /// Renders `routes` on all cores and writes each page (unless its bytes are there); returns their hashes.
    private static func render(_ routes: [Route], of portal: Portal, into staging: StagingFolder, cards: Bool,
                               workers: Int?) throws -> [String: UInt64] {
        let results = parallelMap(routes, workers: workers) { route -> Result<(String, UInt64), PublishError> in
            Result {
                let folder = route.folder.isEmpty ? nil : String(route.folder.dropLast())
                return (route.file, try staging.write(route.file, SitePages.render(route, in: portal, cards: cards),
                                                     folder: folder))
            }.mapError { $0 as? PublishError ?? PublishError(path: route.file, reason: "\($0)") }
        }
        var files: [String: UInt64] = [:]
        files.reserveCapacity(routes.count)
        for result in results {
            let (file, hash) = try result.get()
            files[file] = hash
        }
        return files
    }

    /// Whether the portal holds what `route`'s page shows of a document: its body, its quotes' HTML.
    private static func hasFullText(_ route: Route, in portal: Portal) -> Bool {
        switch route {
        case .document(let slug): return portal.document(slug).map { !$0.body.isEmpty } ?? true
        case .quote(let id): return portal.quote(id).map { !$0.html.isEmpty } ?? true
        case .home: return portal.featuredQuote.map { !$0.html.isEmpty } ?? true
        case .speaker(let slug): return portal.quotes(ofSpeaker: slug).allSatisfy { !$0.html.isEmpty }
        case .page(let list, _): return hasFullText(list, in: portal)
        default: return true
        }
    }

    /// Hashes the files below `folder` of the build folder, for files another tool wrote (Pagefind's index).
    static func hashes(below folder: String, in staging: StagingFolder) -> [String: UInt64] {
        var files: [String: UInt64] = [:]
        let root = "\(staging.path)/\(folder)"
        let walker = FileManager.default.enumerator(atPath: root)
        while let relative = walker?.nextObject() as? String {
            guard let hash = ContentHash.ofFile("\(root)/\(relative)") else { continue }
            files["\(folder)/\(relative)"] = hash
        }
        return files
    }
}
