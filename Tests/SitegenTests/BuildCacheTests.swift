import Foundation
import Testing
@testable import SitegenCore

/// The build cache and spare folder: later builds write only what changed, and the
/// published site is always byte-identical to a clean build of the same content.
@Suite struct BuildCacheTests {
    /// Builds after each change and compares the published folder with a clean build.
    @discardableResult
    private func expectSameAsClean(_ site: FixtureSite, _ change: String, drafts: Bool = false,
                                   sourceLocation: SourceLocation = #_sourceLocation) throws -> BuildSummary {
        let summary = try site.build(drafts: drafts)
        let published = FixtureSite.snapshot(site.output)
        let clean = try site.cleanBuild(drafts: drafts)
        #expect(published.keys.sorted() == clean.keys.sorted(), "files differ after: \(change)", sourceLocation: sourceLocation)
        for (path, bytes) in clean where published[path] != bytes {
            Issue.record("\(path) differs from a clean build after: \(change)", sourceLocation: sourceLocation)
        }
        #expect(site.temporaryFolders() == [], sourceLocation: sourceLocation)
        return summary
    }

    /// Rebuilds as `expectSameAsClean` does, and checks that the spare folder then holds the
    /// site published before, untouched by the build.
    @discardableResult
    private func expectRebuild(_ site: FixtureSite, _ change: String,
                               sourceLocation: SourceLocation = #_sourceLocation) throws -> BuildSummary {
        let before = FixtureSite.snapshot(site.output)
        let summary = try expectSameAsClean(site, change, sourceLocation: sourceLocation)
        #expect(FixtureSite.snapshot("\(site.root)/.public.sitegen-spare") == before,
                "the spare folder is the site published before, untouched by the build: \(change)",
                sourceLocation: sourceLocation)
        return summary
    }

    /// An extra document dated 2022-04-`day`, with one quote, in the fixture's focused visit.
    private static func extra(_ day: Int, title: String = "Extra", date: String? = nil, lead: String = "Words.",
                              note: String = "More.", quote: String = "Said on", speaker: String = "Ofsted",
                              themes: String = "[early-help]") -> String {
        let date = date ?? "2022-04-\(day < 10 ? "0" : "")\(day)"
        return "---\ntitle: \(title) \(day)\ndate: \(date)\nkind: article\nvisit: 2021-03-focused-visit\n"
            + "themes: \(themes)\n---\n\(lead)\n\n\(note)\n\n> \(quote) \(day).\n>\n> — \(speaker)\n"
    }

    private static func extraPath(_ day: Int) -> String { "documents/2022-04-\(day < 10 ? "0" : "")\(day)-extra.md" }

    /// Twelve extra documents, built twice so that the spare folder is filled.
    private func siteWithExtras() throws -> FixtureSite {
        let site = try FixtureSite()
        for day in 1...12 { try site.write(Self.extraPath(day), Self.extra(day)) }
        try expectSameAsClean(site, "first build")
        try site.write(Self.extraPath(5), Self.extra(5, note: "First."))
        try expectSameAsClean(site, "first edit, filling the spare folder")
        return site
    }

    @Test func everyKindOfEditGivesTheSiteACleanBuildGives() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        try expectSameAsClean(site, "first build")
        try expectSameAsClean(site, "second build")
        let body = "documents/2021-05-11-progress.md"
        try site.write(body, FixtureSite.standardFiles[body]!.replacingOccurrences(of: "took place", with: "happened"))
        try expectSameAsClean(site, "editing a document's body (the first rebuild fills a new spare folder)")
        try site.write(body, FixtureSite.standardFiles[body]!.replacingOccurrences(of: "date: 2021-05-11", with: "date: 2016-01-01"))
        let moved = try expectSameAsClean(site, "moving the newest document back in time, so another is featured")
        #expect(moved.pagesRendered > 0 && moved.pagesRendered < moved.pages, "an edit renders only what it affects")
        try site.write(body, FixtureSite.standardFiles[body]!)
        try expectSameAsClean(site, "restoring it")
        try site.write("documents/2023-01-01-new.md", "---\ntitle: New\ndate: 2023-01-01\nkind: report\nthemes: [children-in-care]\n---\nNew.\n\n> Fresh words.\n>\n> — Ofsted\n")
        try expectSameAsClean(site, "adding a document with a quote")
        try FileManager.default.moveItem(atPath: "\(site.content)/documents/2023-01-01-new.md",
                                         toPath: "\(site.content)/documents/2023-01-02-renamed.md")
        try expectSameAsClean(site, "renaming a document")
        try FileManager.default.removeItem(atPath: "\(site.content)/documents/2017-11-16-sustained.md")
        try expectSameAsClean(site, "deleting a document")
        try site.write("speakers.yml", FixtureSite.standardFiles["speakers.yml"]!
            .replacingOccurrences(of: "name: Jill Colbert", with: "name: Dr Jill Colbert")
            .replacingOccurrences(of: "[\"Ms Colbert\"]", with: "[\"Ms Colbert\", \"Jill Colbert\"]"))
        try expectSameAsClean(site, "renaming a speaker")
        try site.write("themes.yml", FixtureSite.standardFiles["themes.yml"]!
            .replacingOccurrences(of: "title: Early help", with: "title: Early help for families")
            + "\n- slug: workforce\n  title: Workforce\n")
        try expectSameAsClean(site, "retitling and adding themes")
        try site.write("visits/2021-03-focused-visit.md", FixtureSite.standardFiles["visits/2021-03-focused-visit.md"]!
            .replacingOccurrences(of: "title: Focused visit", with: "title: Focused visit, March 2021"))
        let visit = try expectSameAsClean(site, "retitling a visit")
        #expect(visit.pagesRendered < visit.pages)
        try site.write("assets/logo.svg", "<svg/>")
        try expectSameAsClean(site, "adding an asset")
        try FileManager.default.removeItem(atPath: "\(site.content)/assets/logo.svg")
        try expectSameAsClean(site, "removing an asset")
        try site.write("documents/2024-01-01-draft.md", "---\ntitle: Draft\ndate: 2024-01-01\nkind: article\ndraft: true\n---\nSoon.\n")
        try expectSameAsClean(site, "adding a draft")
        try expectSameAsClean(site, "building with drafts", drafts: true)
    }

    @Test func editsToOneOfManyDocumentsRenderFewPagesAndMatchACleanBuild() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        func extra(_ day: Int, _ words: String) -> String {
            let date = "2022-03-\(day < 10 ? "0" : "")\(day)"
            let theme = day % 2 == 0 ? "early-help" : "children-in-care"
            return "---\ntitle: Extra \(day)\ndate: \(date)\nkind: article\nvisit: 2021-03-focused-visit\nthemes: [\(theme)]\n---\n\(words)\n\n> Said on \(day).\n>\n> — Ofsted\n"
        }
        for day in 1...30 { try site.write("documents/2022-03-\(day < 10 ? "0" : "")\(day)-extra.md", extra(day, "Words.")) }
        try expectSameAsClean(site, "first build")
        try site.write("documents/2022-03-10-extra.md", extra(10, "First edit."))
        try expectSameAsClean(site, "first edit, filling the spare folder")
        try site.write("documents/2022-03-10-extra.md", extra(10, "Second edit."))
        let edit = try expectSameAsClean(site, "editing one of many documents")
        #expect(edit.pagesRendered < 25, "rendered \(edit.pagesRendered) of \(edit.pages) pages")
        try FileManager.default.removeItem(atPath: "\(site.content)/documents/2022-03-30-extra.md")
        try expectSameAsClean(site, "deleting the newest, featured document")
    }

    /// An edit that changes none of what other pages show of a document renders only its own
    /// pages; the spare folder then holds exactly the site published before.
    @Test func textEditsRenderOnlyTheDocumentsOwnPagesAndMatchACleanBuild() throws {
        let site = try siteWithExtras()
        defer { site.remove() }
        @discardableResult
        func rebuild(_ change: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> BuildSummary {
            try expectRebuild(site, change, sourceLocation: sourceLocation)
        }

        try site.write(Self.extraPath(5), Self.extra(5, note: "Second."))
        let text = try rebuild("editing a paragraph of one document")
        #expect(text.pagesRendered == 2, "its page and its quote's page")
        #expect(text.filesChanged <= 3)
        try site.write(Self.extraPath(5), Self.extra(5, note: "Second.", quote: "Said *on*"))
        #expect(try rebuild("emphasis in a quote, whose words stay the same").pagesRendered == 2)
        try site.write(Self.extraPath(5), Self.extra(5, note: "Second.", quote: "Said *on*", themes: "[early-help, early-help]"))
        #expect(try rebuild("naming a theme twice, which lists nothing twice").pagesRendered == 2)
        let theme = try site.page("themes/early-help/index.html")
        #expect(theme.components(separatedBy: "quotes/2022-04-05-extra-1/index.html").count == 2, "one link to the quote")
        try site.write(Self.extraPath(7), Self.extra(7, note: "Changed."))
        try site.write(Self.extraPath(8), Self.extra(8, note: "Changed too."))
        #expect(try rebuild("editing paragraphs of two documents").pagesRendered == 4)
        try site.write(Self.extraPath(12), Self.extra(12, quote: "Said _on_"))
        try rebuild("emphasis in the featured quote, on the home page")
        try site.write(Self.extraPath(5), Self.extra(5, title: "Retitled", note: "Second."))
        #expect(try rebuild("retitling a document").pagesUpdated > 0, "the lists show its title")
        try site.write(Self.extraPath(5), Self.extra(5, title: "Retitled", note: "Third."))
        #expect(try rebuild("a paragraph again, after a fuller rebuild").pagesRendered == 2)

        let published = FixtureSite.snapshot(site.output)
        try site.write(Self.extraPath(6), Self.extra(6, note: "Broken.", speaker: "Nobody Known"))
        #expect(throws: ContentErrors.self) { try site.build() }
        #expect(FixtureSite.snapshot(site.output) == published, "a failed build leaves the site as it was")
        try site.write(Self.extraPath(6), Self.extra(6, note: "Mended."))
        #expect(try rebuild("mending the broken document").pagesRendered == 2)
        try site.write("speakers.yml", FixtureSite.standardFiles["speakers.yml"]!
            .replacingOccurrences(of: "name: Jill Colbert", with: "name: Dr Jill Colbert")
            .replacingOccurrences(of: "[\"Ms Colbert\"]", with: "[\"Ms Colbert\", \"Jill Colbert\"]"))
        try rebuild("renaming a speaker, which every page may show")
        try site.write(Self.extraPath(9), Self.extra(9, note: "Last."))
        #expect(try rebuild("a paragraph after a full rebuild").pagesRendered == 2)
    }

    @Test func editsListsShowReplaceTheDocumentsRowsAndMatchACleanBuild() throws {
        let site = try siteWithExtras()
        defer { site.remove() }
        let data = "\(site.root)/.public.sitegen-cache-data"
        /// Rebuilds after `change`, compares with a clean build, and tells whether the quick path
        /// took it: then the cache's data file stays as it was.
        @discardableResult
        func rebuild(_ change: String, quick: Bool, sourceLocation: SourceLocation = #_sourceLocation) throws -> BuildSummary {
            let cached = FileManager.default.contents(atPath: data)
            let summary = try expectRebuild(site, change, sourceLocation: sourceLocation)
            #expect((FileManager.default.contents(atPath: data) == cached) == quick,
                    "\(quick ? "only" : "not only") rows replaced: \(change)", sourceLocation: sourceLocation)
            return summary
        }

        try site.write(Self.extraPath(5), Self.extra(5, title: "Retitled"))
        let retitle = try rebuild("retitling a document that the home page does not list", quick: true)
        // Its page and quote page, and nine lists: documents, timeline, feed, quotes, its
        // visit's, theme's and speaker's pages, documents.csv and portal.json.
        #expect(retitle.pagesRendered == 2 && retitle.pagesUpdated == 9)
        #expect(try site.page("documents/index.html").contains(">Retitled 5</a>"))
        try site.write(Self.extraPath(9), Self.extra(9, title: "Newer title"))
        #expect(try rebuild("retitling a document on the home page", quick: true).pagesUpdated == 10)
        try site.write(Self.extraPath(5), Self.extra(5, title: "Retitled again"))
        try rebuild("retitling it again: its old listing comes from the cache's header", quick: true)
        try site.write(Self.extraPath(5), Self.extra(5, title: "Retitled again", lead: "A new first paragraph, the summary."))
        try rebuild("a new summary", quick: true)
        try site.write(Self.extraPath(5), Self.extra(5, title: "Retitled again", lead: "A new first paragraph, the summary.",
                                      quote: "Said differently"))
        try rebuild("new words in a quote", quick: true)
        try site.write(Self.extraPath(6), Self.extra(6, title: "Ben & Jerry's <b>"))
        try site.write(Self.extraPath(7), Self.extra(7, title: "Seven, retitled"))
        try rebuild("two documents retitled, one with characters to escape", quick: true)
        #expect(try site.page("feed.xml").contains("Ben &amp; Jerry"))
        try site.write("visits/2021-03-focused-visit.md", FixtureSite.standardFiles["visits/2021-03-focused-visit.md"]!
            .replacingOccurrences(of: "title: Focused visit", with: "title: Focused visit, renamed"))
        try rebuild("renaming a visit: the cached listings include the header's", quick: false)
        try site.write(Self.extraPath(5), Self.extra(5, title: "Moved", date: "2022-03-30"))
        try rebuild("a new date, which moves the document in every list", quick: false)
        try site.write(Self.extraPath(5), Self.extra(5, title: "Moved", date: "2022-03-30", themes: "[early-help, children-in-care]"))
        try rebuild("a new theme", quick: false)
        try site.write(Self.extraPath(12), Self.extra(12, title: "Featured"))
        try rebuild("retitling the document whose quote the home page features", quick: false)
        try site.write(Self.extraPath(10), Self.extra(10, title: "Back to quick"))
        try rebuild("retitling after fuller rebuilds", quick: true)
        try site.write(Self.extraPath(10), Self.extra(10, title: "Caf\u{E9}"))
        try rebuild("an accented title", quick: true)
        try site.write(Self.extraPath(10), Self.extra(10, title: "Cafe\u{301}"))
        try rebuild("the same title with the accent as a combining mark: other bytes", quick: true)
        #expect(try site.page("documents/index.html").contains("Cafe\u{301} 10"))
        try site.write(Self.extraPath(8), Self.extra(8).replacingOccurrences(
            of: "kind: article\n", with: "kind: article\nupdated: 2023-01\nupdate_note: Corrected.\n"))
        try rebuild("an update, which the feed's own date and the sitemap show", quick: false)

        let feed = "\(site.output)/feed.xml"
        try String(contentsOfFile: feed, encoding: .utf8)
            .replacingOccurrences(of: "<title>Newer title 9</title>", with: "<title>Edited by hand 9</title>")
            .write(toFile: feed, atomically: true, encoding: .utf8)
        try site.write(Self.extraPath(9), Self.extra(9, title: "Newest title"))
        try rebuild("a feed that lists the document with other words than the cache says", quick: false)

        try site.write(Self.extraPath(11), Self.extra(11, title: "Eleven"))
        try rebuild("retitling another document", quick: true)
        let header = try #require(BuildCache.load("\(site.root)/.public.sitegen-cache"))
        let offset = try #require(header.listings["2022-04-03-extra"]?.offset)
        var damaged = try Data(contentsOf: URL(fileURLWithPath: data))
        damaged.replaceSubrange(offset..<offset + 8, with: [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x0F])
        try damaged.write(to: URL(fileURLWithPath: data))
        try site.write(Self.extraPath(3), Self.extra(3, title: "Three, after damage"))
        let afterDamage = try expectSameAsClean(site, "a damaged length in the cached record")
        #expect(afterDamage.pagesRendered == afterDamage.pages, "a damaged cache means a clean build")
    }

    /// A quote's own themes (`{themes=…}`) put it on theme pages its document is not on; each
    /// kind of rebuild must reach them.
    @Test func editsToAQuoteWithItsOwnThemesReachItsThemePagesAsACleanBuildDoes() throws {
        let site = try siteWithExtras()
        defer { site.remove() }
        let inCare = "themes/children-in-care/index.html"
        let ownTheme = "Ofsted {themes=children-in-care}"
        try site.write(Self.extraPath(5), Self.extra(5, speaker: ownTheme))
        try expectRebuild(site, "giving a quote a theme its document does not have")
        #expect(try site.page(inCare).contains("“Said on 5.”"))
        try site.write(Self.extraPath(5), Self.extra(5, quote: "Said differently", speaker: ownTheme))
        let reworded = try expectRebuild(site, "rewording it, which moves it in no list")
        #expect(reworded.pagesRendered == 2, "only rows replaced, its theme page's among them")
        #expect(try site.page(inCare).contains("“Said differently 5.”"))
        try site.write(Self.extraPath(5), Self.extra(5, quote: "Said differently", speaker: "Ofsted {themes=early-help}"))
        try expectRebuild(site, "moving it to its document's theme")
        #expect(try !site.page(inCare).contains("Said differently 5."))
    }

    /// The cache encodes document records in chunks of 256 on all cores; every record, in
    /// whichever chunk, must be read back at the offset the header gives it.
    @Test(arguments: [nil, 1]) func everyCachedRecordIsReadBackAtItsOffset(workers: Int?) throws {
        let site = try FixtureSite()
        defer { site.remove() }
        for number in 1...600 {
            try site.write("documents/2022-05-01-bulk-\(number).md", "---\ntitle: Bulk \(number)\ndate: 2022-05-01\n"
                + "kind: article\nthemes: [early-help]\n---\nWords \(number).\n\n> Said \(number).\n>\n> — Ofsted\n")
        }
        var options = BuildOptions(content: site.content, output: site.output)
        options.workers = workers
        try SiteBuilder.build(options)
        let cache = try #require(BuildCache.load("\(site.root)/.public.sitegen-cache"))
        let slugs = Set(cache.listings.keys)
        #expect(slugs.count > 600)
        let documents = try #require(cache.publishedDocuments(slugs))
        #expect(Set(documents.keys) == slugs)
        for number in 1...600 {
            let document = try #require(documents["2022-05-01-bulk-\(number)"])
            #expect(document.title == "Bulk \(number)" && document.quotes.map(\.text) == ["Said \(number)."])
        }
    }

    @Test func removingAVisitThatCachedDocumentsNameIsAnError() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        try site.build()
        try site.build(clean: false)
        try FileManager.default.removeItem(atPath: "\(site.content)/visits/2021-03-focused-visit.md")
        #expect(throws: ContentErrors.self) { try site.build() }
        #expect(site.errors().first?.hasPrefix("documents/2021-05-11-progress.md:6:8: error: unknown visit '2021-03-focused-visit'") == true)
    }

    @Test func aRebuildWithNothingChangedDoesNothing() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        let first = try site.build()
        #expect(!first.upToDate)
        let before = FixtureSite.snapshot(site.output)
        let second = try site.build()
        #expect(second.upToDate)
        #expect(second.files == first.files && second.quotes == first.quotes)
        #expect(FixtureSite.snapshot(site.output) == before)
    }

    @Test func laterBuildsWriteOnlyTheFilesThatChanged() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        try site.build()
        try site.write("documents/2017-11-16-sustained.md", FixtureSite.standardFiles["documents/2017-11-16-sustained.md"]! + "\n\nMore.\n")
        let second = try site.build()
        #expect(second.filesChanged == second.files + 1, "the second build fills a new folder")
        try site.write("documents/2017-11-16-sustained.md", FixtureSite.standardFiles["documents/2017-11-16-sustained.md"]! + "\n\nMore, edited.\n")
        let third = try site.build()
        #expect(third.filesChanged > 0)
        #expect(third.filesChanged <= 4, "only the edited document's page (and what the last build changed) is written")
    }

    @Test(arguments: [".public.sitegen-cache", ".public.sitegen-cache-data"])
    func aCorruptCacheMeansACleanBuild(_ file: String) throws {
        let site = try FixtureSite()
        defer { site.remove() }
        try site.build()
        try site.build(clean: true)
        let cache = "\(site.root)/\(file)"
        var bytes = try Data(contentsOf: URL(fileURLWithPath: cache))
        bytes[bytes.count / 2] ^= 0xFF
        try bytes.write(to: URL(fileURLWithPath: cache))
        try site.write("documents/2017-11-16-sustained.md", FixtureSite.standardFiles["documents/2017-11-16-sustained.md"]! + "\n\nMore.\n")
        let summary = try site.build()
        #expect(summary.filesChanged == summary.files + 1)
        #expect(summary.pagesRendered == summary.pages)
        #expect(FixtureSite.snapshot(site.output) == (try site.cleanBuild()))
    }

    @Test func cleanForcesEveryFileToBeWritten() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        try site.build()
        let summary = try site.build(clean: true)
        #expect(!summary.upToDate)
        #expect(summary.filesChanged == summary.files + 1)
    }

    @Test func aParallelBuildIsByteIdenticalToASequentialOne() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        for day in 1...28 {
            try site.write("documents/2022-02-\(day < 10 ? "0" : "")\(day)-extra.md",
                           "---\ntitle: Extra \(day)\ndate: 2022-02-\(day < 10 ? "0" : "")\(day)\nkind: article\nthemes: [early-help]\n---\nWords \(day).\n\n> Said \(day).\n>\n> — Ofsted\n")
        }
        let sequential = try site.cleanBuild(workers: 1)
        let parallel = try site.cleanBuild(workers: 4)
        #expect(sequential.count > 75)
        #expect(parallel == sequential)
    }
}
