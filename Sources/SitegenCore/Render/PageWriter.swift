import Foundation
import PortalModel
import Templates

/// Renders every page of a portal with the Swift templates and writes it into the build folder.
enum PageWriter {
    /// What was written: counts, and the hash of every file now in the folder.
    struct Written: Sendable {
        var pages: Int
        var files: [String: UInt64]
    }

    /// Writes all pages, root files and assets, on all cores, skipping files whose bytes are already there.
    static func write(_ portal: Portal, assets: [AssetFile], into staging: StagingFolder, workers: Int? = nil) throws
        -> Written {
        let routes = SitePages.routes(of: portal)
        if staging.existing.isEmpty {
            for section in ["timeline", "visits", "documents", "themes", "speakers", "quotes", "search"] {
                try staging.makeFolders(section)
            }
        }
        let results = parallelMap(routes, workers: workers) { route -> Result<(String, UInt64), PublishError> in
            do {
                let folder = route.folder.isEmpty ? nil : String(route.folder.dropLast())
                let hash = try staging.write(route.file, SitePages.render(route, in: portal), folder: folder)
                return .success((route.file, hash))
            } catch let error as PublishError {
                return .failure(error)
            } catch {
                return .failure(PublishError(path: route.file, reason: "\(error)"))
            }
        }
        var files: [String: UInt64] = [:]
        files.reserveCapacity(routes.count + assets.count + 8)
        for result in results {
            let (file, hash) = try result.get()
            files[file] = hash
        }
        let rootFiles = SitePages.rootFiles(of: portal, routes: routes)
        for file in rootFiles { files[file.name] = try staging.write(file.name, file.contents) }
        files[StagingFolder.markerName] = try staging.write(StagingFolder.markerName, StagingFolder.marker)
        for asset in assets {
            let relative = "assets/\(asset.relativePath)"
            files[relative] = try staging.copy(asset.sourcePath, to: relative)
        }
        return Written(pages: routes.count + rootFiles.filter { $0.name.hasSuffix(".html") }.count, files: files)
    }

    /// Hashes the files below `folder` of the build folder, for files another tool wrote (Pagefind's index).
    static func hashes(below folder: String, in staging: StagingFolder) -> [String: UInt64] {
        var files: [String: UInt64] = [:]
        let root = "\(staging.path)/\(folder)"
        let walker = FileManager.default.enumerator(atPath: root)
        while let relative = walker?.nextObject() as? String {
            guard let data = FileManager.default.contents(atPath: "\(root)/\(relative)") else { continue }
            files["\(folder)/\(relative)"] = data.withUnsafeBytes { ContentHash.of($0) }
        }
        return files
    }
}
