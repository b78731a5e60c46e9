import PortalModel
import Templates

/// Renders every page of a portal with the Swift templates and writes it into a staging folder.
enum PageWriter {
    /// Writes all pages, root files and assets; returns how many HTML pages and files in all it wrote.
    static func write(_ portal: Portal, assets: [AssetFile], into staging: StagingFolder) throws
        -> (pages: Int, files: Int) {
        let routes = SitePages.routes(of: portal)
        for section in ["timeline", "visits", "documents", "themes", "speakers", "quotes"] {
            try staging.makeFolder(section)
        }
        let failures = parallelMap(routes) { route -> PublishError? in
            do {
                if !route.folder.isEmpty { try staging.makeFolder(String(route.folder.dropLast())) }
                try staging.write(route.file, SitePages.render(route, in: portal))
                return nil
            } catch let error as PublishError {
                return error
            } catch {
                return PublishError(path: route.file, reason: "\(error)")
            }
        }
        if let failure = failures.lazy.compactMap({ $0 }).first { throw failure }
        let rootFiles = SitePages.rootFiles(of: portal, routes: routes)
        for file in rootFiles { try staging.write(file.name, file.contents) }
        for asset in assets { try staging.copy(asset.sourcePath, to: "assets/\(asset.relativePath)") }
        let pages = routes.count + rootFiles.filter { $0.name.hasSuffix(".html") }.count
        return (pages, routes.count + rootFiles.count + assets.count)
    }
}
