import Foundation
import PortalModel
import Testing
@testable import SitegenCore

/// `sitegen new` and `sitegen check`.
@Suite struct EditorWorkflowTests {
    @Test func newDocumentWritesADraftWithCompleteFrontMatter() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        let path = try NewContent.document(title: "New family hubs: open!", date: Day("2025-06-02")!,
                                           visit: "2021-03-focused-visit", themes: ["early-help"], content: site.content)
        #expect(path == "\(site.content)/documents/2025-06-02-new-family-hubs-open.md")
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.hasPrefix("---\ntitle: \"New family hubs: open!\"\ndate: 2025-06-02\nkind: press-release\npublisher: \"Test Council\"\nvisit: 2021-03-focused-visit\nthemes: [early-help]\ndraft: true\n---\n"))
        #expect(text.contains("> — Jill Colbert, Chief Executive, Together for Children\n"))
        #expect(site.errors() == [])
        let withDrafts = try site.build(drafts: true)
        #expect(withDrafts.quotes == 4 && withDrafts.warnings.allSatisfy { !$0.message.contains("new-family-hubs") })
        #expect(try site.page("quotes/2025-06-02-new-family-hubs-open-1/index.html").contains("Jill Colbert"))
    }

    @Test func newDocumentRefusesToOverwrite() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        _ = try NewContent.document(title: "Hubs", date: Day("2025-06-02")!, visit: nil, themes: [], content: site.content)
        #expect(throws: NewContentError.self) {
            try NewContent.document(title: "Hubs", date: Day("2025-06-02")!, visit: nil, themes: [], content: site.content)
        }
    }

    @Test func newDocumentChecksItsVisitAndThemesWithSuggestions() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        #expect {
            try NewContent.document(title: "Hubs", date: Day("2025-06-02")!, visit: "2021-03-focussed-visit",
                                    themes: ["erly-help"], content: site.content)
        } throws: { error in
            (error as? NewContentError)?.description == "unknown visit '2021-03-focussed-visit'; did you mean '2021-03-focused-visit'?\nunknown theme 'erly-help'; did you mean 'early-help'?"
        }
        #expect(!FileManager.default.fileExists(atPath: "\(site.content)/documents/2025-06-02-hubs.md"))
    }

    @Test func newVisitWritesAValidVisit() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        let path = try NewContent.visit(title: "Monitoring visit", kind: .monitoringVisit, start: Day("2025-09-10")!,
                                        content: site.content)
        #expect(path.hasSuffix("visits/2025-09-monitoring-visit.md"))
        #expect(site.errors() == [])
        try site.build()
        #expect(try site.page("visits/2025-09-monitoring-visit/index.html").contains("<h1>Monitoring visit</h1>"))
    }

    @Test func checkPassesAValidSiteAndReportsContentErrors() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        #expect(SiteBuilder.check(content: site.content).filter { $0.severity == .error } == [])
        try site.write("documents/2017-11-16-sustained.md", "---\ntitle: X\ndate: 2017-11-16\nkind: leaflet\n---\nBody.")
        #expect(SiteBuilder.check(content: site.content).map(\.message) == [
            "unknown kind 'leaflet' (one of: press-release, ofsted-letter, article, report)",
        ])
        #expect(!FileManager.default.fileExists(atPath: site.output))
    }

    @Test func theLinkCheckerFindsMissingFilesAndFragments() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sitegen-links-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createDirectory(atPath: "\(folder)/a", withIntermediateDirectories: true)
        try Data("<p id=\"top\">x</p>\n<a href=\"../index.html#top\">up</a> <a href=\"#nope\">self</a>\n".utf8)
            .write(to: URL(fileURLWithPath: "\(folder)/a/index.html"))
        try Data("<h1 id=\"top\">Home</h1>\n<a href=\"a/index.html#top\">a</a>\n<a href=\"missing/index.html\">m</a> <a href=\"https://example.org/x\">x</a> <a href=\"https://site.test/a/#top\">abs</a> <img src=\"logo.png\" alt=\"\">\n".utf8)
            .write(to: URL(fileURLWithPath: "\(folder)/index.html"))
        let problems = LinkChecker.check(site: folder, baseURL: "https://site.test/", displayPath: "site")
        #expect(problems.map(\.description) == [
            "site/a/index.html:2:39: error: broken link '#nope': a/index.html has no element with id 'nope'",
            "site/index.html:3:4: error: broken link 'missing/index.html': the build has no file missing/index.html",
            "site/index.html:3:122: error: broken link 'logo.png': the build has no file logo.png",
        ])
    }

    @Test func rootRelativeLinksMustStartWithTheBaseURLsPath() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sitegen-links-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createDirectory(atPath: "\(folder)/a", withIntermediateDirectories: true)
        try Data("<p id=\"top\">x</p>\n".utf8).write(to: URL(fileURLWithPath: "\(folder)/a/index.html"))
        try Data("<a href=\"/portal/a/#top\">a</a> <a href=\"/portal/gone/\">g</a> <a href=\"/a/\">out</a>\n".utf8)
            .write(to: URL(fileURLWithPath: "\(folder)/404.html"))
        let problems = LinkChecker.check(site: folder, baseURL: "https://site.test/portal/", displayPath: "site")
        #expect(problems.map(\.description) == [
            "site/404.html:1:35: error: broken link '/portal/gone/': the build has no file gone/",
            "site/404.html:1:65: error: broken link '/a/': the build has no file /a/",
        ])
    }

    @Test func theRealPortalHasNoBrokenLinks() throws {
        #expect(SiteBuilder.check(content: "\(PortalContentTests.repository)/content").filter { $0.severity == .error } == [])
    }
}
