import Foundation
import PortalModel

/// What a build is asked to do.
public struct BuildOptions: Sendable {
    public var content: String
    public var output: String
    public var includeDrafts: Bool

    public init(content: String = "content", output: String = "public", includeDrafts: Bool = false) {
        self.content = content
        self.output = output
        self.includeDrafts = includeDrafts
    }
}

/// What a successful build published.
public struct BuildSummary: Sendable {
    public let documents: Int
    public let visits: Int
    public let quotes: Int
    public let themes: Int
    public let speakers: Int
    /// Files written, pages and others.
    public let files: Int
    public let output: String
}

/// The pipeline: load → model → render → write. Nothing is written unless the content is valid.
public enum SiteBuilder {
    /// Loads and validates `content`: the portal, or every problem in it.
    public static func load(content: String, includeDrafts: Bool) -> Result<Portal, ContentErrors> {
        let loaded = ContentTree.load(from: content)
        return PortalBuilder.build(loaded, includeDrafts: includeDrafts)
    }

    /// Builds into a staging folder and swaps it in; throws `ContentErrors` or `PublishError`.
    @discardableResult
    public static func build(_ options: BuildOptions) throws -> BuildSummary {
        let loaded = ContentTree.load(from: options.content)
        let portal = try PortalBuilder.build(loaded, includeDrafts: options.includeDrafts).get()
        let staging = try StagingFolder.create(for: options.output)
        do {
            let files = try PageWriter.write(portal, assets: loaded.assets, into: staging)
            try staging.publish()
            return BuildSummary(documents: portal.documents.count, visits: portal.visits.count,
                                quotes: portal.quotes.count, themes: portal.themes.count,
                                speakers: portal.speakers.count, files: files, output: options.output)
        } catch {
            staging.discard()
            throw error
        }
    }
}
