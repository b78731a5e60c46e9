import Foundation
import PortalModel

/// What a build is asked to do.
public struct BuildOptions: Sendable {
    public var content: String
    public var output: String
    public var includeDrafts: Bool
    /// Run Pagefind over the new site before publishing it, for the search page.
    public var searchIndex: Bool
    /// Told the name of each stage as it starts, for progress output.
    public var onStage: (@Sendable (String) -> Void)?

    public init(content: String = "content", output: String = "public", includeDrafts: Bool = false,
                searchIndex: Bool = false, onStage: (@Sendable (String) -> Void)? = nil) {
        self.content = content
        self.output = output
        self.includeDrafts = includeDrafts
        self.searchIndex = searchIndex
        self.onStage = onStage
    }
}

/// How long one stage of a build took.
public struct StageTiming: Sendable {
    public let name: String
    public let seconds: Double
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

    public var seconds: Double { stages.reduce(0) { $0 + $1.seconds } }
}

/// The pipeline: load → model → render → write. Nothing is written unless the content is valid.
public enum SiteBuilder {
    /// Loads and validates `content`: the portal, or every problem in it.
    public static func load(content: String, includeDrafts: Bool) -> Result<Portal, ContentErrors> {
        PortalBuilder.build(ContentTree.load(from: content), includeDrafts: includeDrafts)
    }

    /// Builds into a staging folder and swaps it in; throws `ContentErrors` or `PublishError`.
    @discardableResult
    public static func build(_ options: BuildOptions) throws -> BuildSummary {
        var clock = StageClock(onStage: options.onStage)
        clock.start("load")
        let loaded = ContentTree.load(from: options.content)
        clock.start("model")
        let portal = try PortalBuilder.build(loaded, includeDrafts: options.includeDrafts).get()
        clock.start("render and write")
        let staging = try StagingFolder.create(for: options.output)
        do {
            let written = try PageWriter.write(portal, assets: loaded.assets, into: staging)
            if options.searchIndex {
                clock.start("search index")
                try SearchIndex.build(in: staging)
            }
            clock.start("publish")
            try staging.publish()
            return BuildSummary(documents: portal.documents.count, visits: portal.visits.count,
                                quotes: portal.quotes.count, themes: portal.themes.count,
                                speakers: portal.speakers.count, pages: written.pages, files: written.files,
                                output: options.output, stages: clock.finish())
        } catch {
            staging.discard()
            throw error
        }
    }

    /// Validates the content, then builds it into a temporary folder and checks every
    /// internal link and fragment. Returns every problem; the published output is not touched.
    public static func check(content: String) -> [Diagnostic] {
        let portal: Portal
        switch load(content: content, includeDrafts: true) {
        case .failure(let errors): return errors.diagnostics
        case .success(let loaded): portal = loaded
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sitegen-check-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        do {
            try build(BuildOptions(content: content, output: folder.path, includeDrafts: true))
        } catch let errors as ContentErrors {
            return errors.diagnostics
        } catch {
            return [Diagnostic(path: folder.path, line: 1, message: "\(error)")]
        }
        return LinkChecker.check(site: folder.path, baseURL: portal.site.baseURL, displayPath: "(built site)")
    }
}

/// Times consecutive stages.
private struct StageClock {
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
