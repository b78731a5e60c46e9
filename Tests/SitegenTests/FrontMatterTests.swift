import Foundation
import PortalModel
import Testing
@testable import SitegenCore

@Suite struct FrontMatterTests {
    private func split(_ text: String) -> Result<FrontMatter, Diagnostic> {
        SourceFile.decode(Data(text.utf8), path: "x.md").flatMap(FrontMatter.split)
    }

    @Test func splitsYAMLAndBodyAndCountsFileLines() throws {
        let parts = try split("---\ntitle: A\ndate: 2021-01-01\n---\nFirst line.\n").get()
        #expect(parts.yaml == "title: A\ndate: 2021-01-01\n")
        #expect(parts.body == "First line.\n")
        #expect(parts.bodyFirstLine == 5)
    }

    @Test func aByteOrderMarkIsIgnored() throws {
        var data = Data([0xEF, 0xBB, 0xBF])
        data.append(Data("---\ntitle: A\n---\nBody".utf8))
        let parts = try SourceFile.decode(data, path: "x.md").flatMap(FrontMatter.split).get()
        #expect(parts.yaml == "title: A\n")
        #expect(parts.body == "Body")
    }

    @Test func crlfLineEndingsAreAccepted() throws {
        let parts = try split("---\r\ntitle: A\r\n---\r\nBody\r\nMore\r\n").get()
        #expect(parts.yaml == "title: A\n")
        #expect(parts.body == "Body\nMore\n")
        #expect(parts.bodyFirstLine == 4)
    }

    @Test func onlyTheFirstClosingFenceCounts() throws {
        let parts = try split("---\ntitle: A\n---\nBody\n---\nAfter a rule\n").get()
        #expect(parts.body == "Body\n---\nAfter a rule\n")
    }

    @Test func trailingSpacesOnAFenceAreTolerated() throws {
        let parts = try split("---  \ntitle: A\n--- \nBody").get()
        #expect(parts.yaml == "title: A\n")
    }

    @Test func aFenceWithOtherTextIsNotAFence() {
        #expect(throws: Diagnostic.self) { try split("--- title: A\n---\nBody").get() }
        #expect(throws: Diagnostic.self) { try split("---\ntitle: A\n----\nBody").get() }
    }

    @Test func anEmptyBodyAndEmptyFrontMatterAreSplit() throws {
        let parts = try split("---\n---\n").get()
        #expect(parts.yaml == "")
        #expect(parts.body == "")
        #expect(parts.bodyFirstLine == 3)
    }

    @Test func anEmptyFileHasNoFrontMatter() {
        #expect(throws: Diagnostic.self) { try split("").get() }
    }

    @Test func errorLinesStayRightWithCRLFAndAByteOrderMark() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        var data = Data([0xEF, 0xBB, 0xBF])
        data.append(Data("---\r\ntitle: Sustained\r\ndate: 2017-11-16\r\nkind: artcle\r\n---\r\nBody.\r\n".utf8))
        try site.write("documents/2017-11-16-sustained.md", data)
        #expect(site.errors() == [
            "documents/2017-11-16-sustained.md:4:7: error: unknown kind 'artcle'; did you mean 'article'? (one of: press-release, ofsted-letter, article, report)",
        ])
    }
}

@Suite struct SlugAndDateTests {
    @Test(arguments: ["a", "early-help", "2021-03-focused-visit", "x1-2y"])
    func validSlugs(_ slug: String) { #expect(Slug.isValid(slug)) }

    @Test(arguments: ["", "-a", "a-", "a--b", "Early-help", "early_help", "early help", "café", "a/b"])
    func invalidSlugs(_ slug: String) { #expect(!Slug.isValid(slug)) }

    @Test func slugSuggestionsAreValidSlugs() {
        #expect(Slug.suggestion(for: "Ofsted's Letter (2021)") == "ofsteds-letter-2021")
        #expect(Slug.isValid(Slug.suggestion(for: "  Early  Help  ")))
    }

    @Test func realDatesParse() {
        #expect(Day("2024-02-29")?.description == "2024-02-29")
        #expect(Day("2021-05-11")?.longText == "11 May 2021")
    }

    @Test func monthAndYearDatesKeepTheirPrecisionAndSortAsTheirFirstDay() throws {
        let month = try #require(Day("2015-07"))
        let year = try #require(Day("2021"))
        #expect((month.description, month.longText, month.firstDay, month.monthDescription) == ("2015-07", "July 2015", "2015-07-01", "2015-07"))
        #expect((year.description, year.longText, year.firstDay, year.monthText) == ("2021", "2021", "2021-01-01", "2021"))
        #expect(month < Day("2015-07-01")! && Day("2015-06-30")! < month && year < Day("2021-01-01")!)
        #expect(Day("2015-13") == nil && Day("0000") == nil && Day("2015-7") == nil)
    }

    @Test(arguments: ["2021-02-29", "1900-02-29", "2021-13-01", "2021-00-10", "2021-04-31", "21-05-11", "2021-5-11", "2021-05-11T00:00", ""])
    func impossibleOrMisshapenDatesAreRejected(_ text: String) { #expect(Day(text) == nil) }
}
