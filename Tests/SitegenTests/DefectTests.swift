import Foundation
import PortalModel
import Testing
@testable import SitegenCore

/// The defects found by trying the portal as a new editor and reader would, and with
/// hostile content (issue 22): each builds a fixture site and checks what comes out.
@Suite struct DefectTests {
    private static let sustained = "documents/2017-11-16-sustained.md"

    private func brokenDraft(_ body: String = "> Words.\n>\n> — Nobody Known\n") -> String {
        "---\ntitle: Unfinished\ndate: 2026-01-15\nkind: press-release\nthemes: [early-help]\ndraft: true\n---\nIntro.\n\n\(body)"
    }

    // MARK: 1, 16: drafts

    @Test func aBrokenDraftIsAWarningInAProductionBuildAndAnErrorWithDrafts() throws {
        let site = try FixtureSite(replacing: ["documents/2026-01-15-unfinished.md": brokenDraft()])
        defer { site.remove() }
        let summary = try site.build()
        #expect(summary.documents == 2)
        #expect(summary.warnings.map(\.description).contains(
            "\(site.content)/documents/2026-01-15-unfinished.md:12:3: warning: unknown speaker 'Nobody Known'; "
                + "add them to speakers.yml or fix the name" + PortalBuilder.draftNote))
        #expect(throws: ContentErrors.self) { try site.build(drafts: true) }
        #expect(SiteBuilder.check(content: site.content).contains {
            $0.severity == .error && $0.message.hasPrefix("unknown speaker 'Nobody Known'")
        })
    }

    @Test func aDraftWithBadFieldsDoesNotBlockTheSite() throws {
        let draft = "---\ntitle: Unfinished\ndate: 2026-13-45\nkind: press-release\ndraft: true\n---\nBody.\n"
        let site = try FixtureSite(replacing: ["documents/2026-01-15-unfinished.md": draft])
        defer { site.remove() }
        #expect(try site.build().warnings.filter { $0.message.hasSuffix(PortalBuilder.draftNote) }.map(\.message) == [
            "'date' is not a real date: '2026-13-45'; write it as YYYY-MM-DD, or YYYY-MM or YYYY when the sources give only the month or year, for example 2021-05-11 or 2015-07" + PortalBuilder.draftNote,
        ])
        #expect(site.publishedFiles().contains("documents/2021-05-11-progress/index.html"))
    }

    @Test func nothingOfADraftReachesAProductionBuild() throws {
        let speakers = FixtureSite.standardFiles["speakers.yml"]! + "\n- slug: new-director\n  name: New Director\n"
        let draft = "---\ntitle: Announcement\ndate: 2026-01-15\nkind: press-release\nvisit: 2021-03-focused-visit\n"
            + "themes: [children-in-care]\ndraft: true\n---\nSoon.\n\n> Big news.\n>\n> — New Director\n"
        let site = try FixtureSite(replacing: ["speakers.yml": speakers, "documents/2026-01-15-announcement.md": draft])
        defer { site.remove() }
        try site.build()
        let files = site.publishedFiles()
        #expect(!files.contains { $0.contains("new-director") || $0.contains("announcement") })
        for page in ["speakers/index.html", "sitemap.xml", "themes/index.html", "visits/index.html", "index.html"] {
            let text = try site.page(page)
            #expect(!text.contains("New Director") && !text.contains("new-director") && !text.contains("Announcement"))
        }
        try site.build(drafts: true)
        #expect(site.publishedFiles().contains("speakers/new-director/index.html"))
    }

    // MARK: 3: links to assets

    @Test func linksToAssetsWithSpacesOrAccentsResolveAndBrokenOnesPointAtTheMarkdown() throws {
        let body = "Intro.\n\nSee [the report](<../../assets/Ofsted report 2021.pdf>) and [the café](../../assets/café.pdf).\n\n"
            + "And [a missing one](<../../assets/missing report.pdf>).\n"
        let document = "---\ntitle: Sustained\ndate: 2017-11-16\nkind: article\n---\n" + body
        let site = try FixtureSite(replacing: [Self.sustained: document])
        defer { site.remove() }
        try site.write("assets/Ofsted report 2021.pdf", "%PDF")
        try site.write("assets/café.pdf", "%PDF")
        let errors = SiteBuilder.check(content: site.content).filter { $0.severity == .error }
        #expect(errors.map(\.description) == [
            "\(site.content)/\(Self.sustained):10:21: error: broken link '../../assets/missing%20report.pdf': "
                + "the build has no file assets/missing report.pdf",
        ])
    }

    // MARK: 4: placeholders

    @Test func placeholderAddressesWarnAndAHostlessBaseURLIsAnError() throws {
        let siteFile = FixtureSite.standardFiles["site.yml"]! + "\ncontact: { email: portal@example.com, url: https://council.gov.uk/contact }"
        let site = try FixtureSite(replacing: ["site.yml": siteFile])
        defer { site.remove() }
        let warnings = SiteBuilder.check(content: site.content).filter { $0.severity == .warning }.map(\.message)
        #expect(warnings.count == 2)
        #expect(warnings.contains { $0.hasPrefix("'base_url' is still a placeholder (example.org)") })
        #expect(warnings.contains { $0.hasPrefix("'contact.email' is still a placeholder (example.com)") })
        try site.write("site.yml", "title: Portal\nbase_url: \"https:///\"\n")
        #expect(site.errors() == [
            "site.yml:2:11: error: 'base_url' has no host name: 'https:///'; write it as https://www.example.gov.uk/portal/",
        ])
    }

    // MARK: 8: the featured quote

    @Test func theHomePageFeaturesTheEditorsChoiceElseTheNewestWholeSentence() throws {
        let fragment = "---\ntitle: Newest\ndate: 2024-01-01\nkind: article\n---\nIntro.\n\n"
            + "> most cared for children live in homes where they are thriving\n>\n> — Ofsted\n"
        let site = try FixtureSite(replacing: ["documents/2024-01-01-newest.md": fragment])
        defer { site.remove() }
        try site.build()
        var home = try site.page("index.html")
        #expect(!home.contains("most cared for children"))
        #expect(home.contains("We welcome the findings of Ofsted’s most recent focused visit."))
        let chosen = FixtureSite.standardFiles[Self.sustained]!.replacingOccurrences(of: "— ms colbert", with: "— ms colbert {featured}")
        try site.write(Self.sustained, chosen)
        try site.build()
        home = try site.page("index.html")
        #expect(home.contains("It is encouraging to see progress."))
        #expect(!home.contains("{featured}"))
        #expect(FixtureSite.snapshot(site.output) == (try site.cleanBuild()))
    }

    // MARK: 10: YAML bombs

    private static let bomb: String = {
        var lines = ["x0: &l0 [lol,lol,lol,lol,lol,lol,lol,lol,lol]"]
        for level in 1...9 { lines.append("x\(level): &l\(level) [" + Array(repeating: "*l\(level - 1)", count: 9).joined(separator: ",") + "]") }
        return lines.joined(separator: "\n") + "\n? *l6\n: boom\n"
    }()

    @Test(arguments: ["document", "speakers.yml", "themes.yml", "site.yml"])
    func aYAMLAliasBombIsRefusedAtOnce(_ file: String) throws {
        let changes: [String: String] = switch file {
        case "document": [Self.sustained: "---\ntitle: Bomb\n" + Self.bomb + "---\nBody.\n"]
        case "site.yml": ["site.yml": FixtureSite.standardFiles["site.yml"]! + "\n" + Self.bomb]
        default: [file: "- slug: a\n  name: A\n  title: A\n" + Self.bomb.split(separator: "\n").map { "  " + $0 }.joined(separator: "\n")]
        }
        let site = try FixtureSite(replacing: changes)
        defer { site.remove() }
        let started = Date()
        let errors = site.errors()
        #expect(Date().timeIntervalSince(started) < 1)
        #expect(errors.contains { $0.contains("error: YAML anchors (&) and aliases (*) are not allowed here") })
    }

    @Test func starsAndAmpersandsInsideTextAreNotAliases() {
        for yaml in ["title: Ben & Jerry *really*", "title: \"*starred*\"", "summary: |\n  * a list\n  & more", "themes: [a, b] # *note"] {
            #expect(YAMLAliasScan.firstAnchorOrAlias(in: yaml) == nil, "\(yaml)")
        }
        for yaml in ["title: *alias", "x: &anchor a", "- *a", "themes: [a, *b]", "? *key\n: v"] {
            #expect(YAMLAliasScan.firstAnchorOrAlias(in: yaml) != nil, "\(yaml)")
        }
    }

    // MARK: 11, 12, 19: characters, line endings, nesting

    @Test func controlCharactersAreRejectedAndTheFeedAndSitemapAlwaysParse() throws {
        let escaped = "---\ntitle: \"a\\u0001b\"\ndate: 2017-11-16\nkind: article\n---\nBody.\n"
        let literal = "---\ntitle: Sustained\ndate: 2017-11-16\nkind: article\n---\nBody \u{7} with a bell.\n"
        let site = try FixtureSite(replacing: [Self.sustained: escaped, "documents/2018-01-01-bell.md": literal])
        defer { site.remove() }
        #expect(site.errors() == [
            "documents/2017-11-16-sustained.md:2:8: error: 'title' contains the control character U+0001, which cannot be published; remove it (it often comes from a \\u escape or a pasted document)",
            "documents/2018-01-01-bell.md:6:6: error: the file contains the control character U+0007, which cannot be published; delete it (it is invisible in most editors: retype the text around it)",
        ])
        try site.write("site.yml", FixtureSite.standardFiles["site.yml"]!.replacingOccurrences(of: "language: en-GB", with: "language: 'en\"GB'"))
        #expect(site.errors().contains { $0.contains("error: 'language' must be a language tag such as en-GB or cy") })
        let quotes = "---\ntitle: \"Quotes \\\" & <tags> ' ]]>\"\ndate: 2017-11-16\nkind: article\nsummary: \"A & B < C\"\n---\nBody.\n"
        let good = try FixtureSite(replacing: [Self.sustained: quotes])
        defer { good.remove() }
        try good.build()
        #expect(XMLCheck.isWellFormed(try good.page("feed.xml")))
        #expect(XMLCheck.isWellFormed(try good.page("sitemap.xml")))
    }

    @Test func deepNestingIsAnErrorFoundQuickly() throws {
        let deep = "---\ntitle: Deep\ndate: 2017-11-16\nkind: article\n---\n" + String(repeating: "> ", count: 20_000) + "deep\n"
        let lists = "---\ntitle: Lists\ndate: 2018-01-01\nkind: article\n---\n"
            + (0..<3_000).map { String(repeating: "  ", count: $0) + "- a\n" }.joined()
        let site = try FixtureSite(replacing: [Self.sustained: deep, "documents/2018-01-01-lists.md": lists])
        defer { site.remove() }
        let started = Date()
        let errors = site.errors()
        #expect(Date().timeIntervalSince(started) < 10)
        #expect(errors.count == 2)
        #expect(errors.allSatisfy { $0.contains("error: block quotes and lists are nested more than 40 deep here") })
    }

    @Test func loneCarriageReturnsEndLinesLikeNewlines() throws {
        let text = FixtureSite.standardFiles[Self.sustained]!.replacingOccurrences(of: "\n", with: "\r")
        let site = try FixtureSite(replacing: [Self.sustained: text])
        defer { site.remove() }
        #expect(site.errors() == [])
        #expect(try site.build().quotes == 3)
    }

    @Test func aNonBreakingSpaceAfterTheFenceIsInvisibleWhiteSpace() throws {
        let text = "---\u{A0}\n" + FixtureSite.standardFiles[Self.sustained]!.dropFirst(4)
        let site = try FixtureSite(replacing: [Self.sustained: text])
        defer { site.remove() }
        #expect(site.errors() == [])
    }

    @Test func aTitleOfOnlySpacesOrZeroWidthCharactersIsAnError() throws {
        let text = "---\ntitle: \"\u{200B} \u{200D}\u{00AD}\"\ndate: 2017-11-16\nkind: article\n---\nBody.\n"
        let site = try FixtureSite(replacing: [Self.sustained: text])
        defer { site.remove() }
        #expect(site.errors() == [
            "documents/2017-11-16-sustained.md:2:8: error: 'title' has no visible text (only spaces or invisible characters); write it, or remove the line",
        ])
    }

    @Test func newDocumentRefusesATitleThatWouldBreakItsFrontMatter() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        #expect(throws: NewContentError.self) {
            try NewContent.document(title: "Hubs\n---\nkind: x", date: Day("2025-06-02")!, visit: nil, themes: [],
                                    content: site.content)
        }
        #expect(!FileManager.default.fileExists(atPath: "\(site.content)/documents/2025-06-02-hubs-kind-x.md"))
        let path = try NewContent.document(title: "Hubs \"open\" \\ today", date: Day("2025-06-02")!, visit: nil,
                                           themes: [], content: site.content)
        #expect(site.errors() == [])
        #expect(try String(contentsOfFile: path, encoding: .utf8).contains("title: \"Hubs \\\"open\\\" \\\\ today\""))
    }

    @Test func aSlugTooLongForAFolderNameIsAContentError() throws {
        let slug = String(repeating: "long-", count: 44) + "slug"
        let site = try FixtureSite(replacing: ["documents/\(slug).md": FixtureSite.standardFiles[Self.sustained]!])
        defer { site.remove() }
        #expect(site.errors() == [
            "documents/\(slug).md:1:1: error: the file name is 224 characters long; keep it to 200, since it becomes the page's address and folder",
        ])
    }

    // MARK: 13, 19: symbolic links and file names

    @Test func symbolicLinksOutOfTheContentFolderAreRefusedWithoutReadingThem() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        let outside = "\(site.root)/private"
        try FileManager.default.createDirectory(atPath: "\(outside)/documents", withIntermediateDirectories: true)
        try "---\ntitle: Secret\ndate: 2020-01-01\nkind: article\n---\nPRIVATE WORDS\n"
            .write(toFile: "\(outside)/secret.md", atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: "\(site.content)/documents/2020-01-01-secret.md", withDestinationPath: "\(outside)/secret.md")
        try FileManager.default.createSymbolicLink(atPath: "\(site.content)/documents/2020-01-02-passwd.md", withDestinationPath: "/etc/passwd")
        let errors = site.errors()
        #expect(errors == [
            "documents/2020-01-01-secret.md:1:1: error: symbolic link points outside the content folder; copy the file into the content folder instead",
            "documents/2020-01-02-passwd.md:1:1: error: symbolic link points outside the content folder; copy the file into the content folder instead",
        ])
        #expect(!errors.joined().contains("root:") && !errors.joined().contains("PRIVATE"))
        for link in ["2020-01-01-secret.md", "2020-01-02-passwd.md"] {
            try FileManager.default.removeItem(atPath: "\(site.content)/documents/\(link)")
        }
        try site.build()
        try site.build()
        let edited = "\(site.content)/\(Self.sustained)"
        try FileManager.default.removeItem(atPath: edited)
        try FileManager.default.createSymbolicLink(atPath: edited, withDestinationPath: "\(outside)/secret.md")
        #expect(throws: ContentErrors.self, "an edit that turns a document into a link out is refused too") { try site.build() }
        #expect(!(try site.page("documents/2017-11-16-sustained/index.html")).contains("PRIVATE"))
        try FileManager.default.removeItem(atPath: edited)
        try site.write(Self.sustained, FixtureSite.standardFiles[Self.sustained]!)
        try FileManager.default.removeItem(atPath: site.output)
        try FileManager.default.removeItem(atPath: "\(site.content)/documents")
        try FileManager.default.createSymbolicLink(atPath: "\(site.content)/documents", withDestinationPath: "\(outside)/documents")
        #expect(site.errors() == [
            "documents:1:1: error: symbolic link points outside the content folder; copy the file into the content folder instead",
        ])
        #expect(throws: ContentErrors.self) { try site.build() }
        #expect(!FileManager.default.fileExists(atPath: site.output))
    }

    @Test func brokenLinksInAssetsAreAllReportedAndHiddenFilesSkipped() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        try site.write("assets/logo.svg", "<svg/>")
        try FileManager.default.createSymbolicLink(atPath: "\(site.content)/assets/.#logo.svg", withDestinationPath: "editor@host.1234:1")
        try FileManager.default.createSymbolicLink(atPath: "\(site.content)/assets/gone.pdf", withDestinationPath: "nowhere.pdf")
        try FileManager.default.createSymbolicLink(atPath: "\(site.content)/assets/loop.pdf", withDestinationPath: "loop.pdf")
        let message = "error: broken symbolic link: it points to a file that does not exist, or to itself; delete it, or copy the real file here"
        #expect(site.errors() == ["assets/gone.pdf:1:1: \(message)", "assets/loop.pdf:1:1: \(message)"])
        try FileManager.default.removeItem(atPath: "\(site.content)/assets/gone.pdf")
        try FileManager.default.removeItem(atPath: "\(site.content)/assets/loop.pdf")
        try site.build()
        #expect(site.publishedFiles().filter { $0.hasPrefix("assets/") } == ["assets/logo.svg"])
    }

    @Test func anAssetNameThatIsNotUTF8IsAnErrorInEveryBuild() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        try site.write("assets/logo.svg", "<svg/>")
        try site.build()
        let name: [UInt8] = Array("\(site.content)/assets/caf".utf8) + [0xE9] + Array(".pdf".utf8) + [0]
        let descriptor = name.withUnsafeBufferPointer { bytes in
            bytes.withMemoryRebound(to: CChar.self) { open($0.baseAddress!, O_CREAT | O_WRONLY, 0o644) }
        }
        #expect(descriptor >= 0)
        close(descriptor)
        let expected = "\(site.content)/assets/caf\u{FFFD}.pdf:1:1: error: the file name is not UTF-8, so it cannot be part "
            + "of a web address; rename it (letters, digits and hyphens are safest)"
        for clean in [false, true] {
            do {
                try site.build(clean: clean)
                Issue.record("a build published an asset whose name is not UTF-8")
            } catch let errors as ContentErrors {
                #expect(errors.diagnostics.map(\.description) == [expected])
            }
        }
    }

    // MARK: 14, 15, 19: the output folder

    @Test func anOutputInsideTheContentFolderOrASymbolicLinkIsRefused() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        #expect(throws: PublishError.self) {
            try SiteBuilder.build(BuildOptions(content: site.content, output: "\(site.content)/public"))
        }
        #expect(throws: PublishError.self) {
            try SiteBuilder.build(BuildOptions(content: site.content, output: site.root))
        }
        try FileManager.default.createDirectory(atPath: "\(site.root)/real", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: site.output, withDestinationPath: "\(site.root)/real")
        #expect(throws: PublishError.self) { try site.build() }
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: site.output) == "\(site.root)/real")
    }

    @Test func aSecondBuildOfTheSameOutputRefusesWhileTheFirstHoldsTheLock() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        try site.build()
        let lock = try OutputLock(StagingFolder.Paths(output: site.output))
        do {
            try site.build(clean: true)
            Issue.record("a build ran while another held the lock")
        } catch let error as PublishError {
            #expect(error.reason == "another build of public/ is running (pid \(getpid())); wait for it to finish, then build again")
        }
        withExtendedLifetime(lock) {}
    }

    @Test func twoBuildsAtOnceNeverLeaveAStaleOrMixedSite() throws {
        let first = try FixtureSite()
        defer { first.remove() }
        let second = try FixtureSite(replacing: [Self.sustained: FixtureSite.standardFiles[Self.sustained]!
            .replacingOccurrences(of: "title: Sustained progress", with: "title: Sustained progress, second")])
        defer { second.remove() }
        let output = "\(first.root)/shared-public"
        for round in 1...6 {
            let sites = round % 2 == 0 ? [first, second] : [second, first]
            let outcomes = parallelMap(sites, workers: 2) { site in
                Result { try SiteBuilder.build(BuildOptions(content: site.content, output: output)) }
            }
            let published = outcomes.indices.filter { (try? outcomes[$0].get()) != nil }
            #expect(!published.isEmpty, "round \(round): one build at least publishes")
            for outcome in outcomes {
                if case .failure(let error) = outcome {
                    #expect("\(error)".contains("another build of shared-public/ is running"), "round \(round): \(error)")
                }
            }
            let snapshot = FixtureSite.snapshot(output)
            #expect(published.contains { snapshot == (try? sites[$0].cleanBuild()) }, "round \(round): the site is one build's, whole")
        }
    }

    // MARK: 17: terminal escapes

    @Test func controlCharactersInDiagnosticsArePrintedEscaped() {
        let diagnostic = Diagnostic(path: "content/documents/x.md", line: 4, column: 7,
                                    message: "unknown kind '\u{1B}[2J\u{1B}]52;c;aGk=\u{7}\u{1B}]8;;http://x\u{1B}\\'")
        #expect(diagnostic.description
            == "content/documents/x.md:4:7: error: unknown kind '\\u{1B}[2J\\u{1B}]52;c;aGk=\\u{7}\\u{1B}]8;;http://x\\u{1B}\\'")
    }
}
