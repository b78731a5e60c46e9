import Foundation
import Testing
@testable import SitegenCore

/// Every kind of content error, with its exact message, file and line.
@Suite struct ContentErrorTests {
    private func errors(_ changes: [String: String?]) throws -> [String] {
        let site = try FixtureSite(replacing: changes)
        defer { site.remove() }
        return site.errors()
    }

    private static let goodDocument = "documents/2017-11-16-sustained.md"

    @Test func theStandardFixtureHasNoErrors() throws {
        #expect(try errors([:]) == [])
    }

    @Test func aFileWithoutFrontMatterIsReportedOnLineOne() throws {
        #expect(try errors([Self.goodDocument: "title: Sustained\n\nBody."]) == [
            "documents/2017-11-16-sustained.md:1:1: error: missing front matter: add a line '---' above 'title: Sustained' and another after the last field",
        ])
    }

    @Test func unclosedFrontMatterIsReported() throws {
        #expect(try errors([Self.goodDocument: "---\ntitle: Sustained\ndate: 2017-11-16\n\nBody."]) == [
            "documents/2017-11-16-sustained.md:1:1: error: front matter is never closed: add a line '---' after the last field",
        ])
    }

    @Test func invalidYAMLPointsAtTheFileLineWithAHint() throws {
        let text = "---\ntitle: Sustained\nsummary: Ofsted: the result\ndate: 2017-11-16\nkind: article\n---\nBody."
        #expect(try errors([Self.goodDocument: text]) == [
            "documents/2017-11-16-sustained.md:3:16: error: invalid YAML: mapping values are not allowed in this context; a value that contains ': ' must be put in double quotes",
        ])
    }

    @Test func aFieldGivenTwiceIsReported() throws {
        let text = "---\ntitle: Sustained\ndate: 2017-11-16\ntitle: Again\nkind: article\n---\nBody."
        #expect(try errors([Self.goodDocument: text]) == [
            "documents/2017-11-16-sustained.md:2:1: error: field 'title' is given more than once; keep one",
        ])
    }

    @Test func missingRequiredFieldsAreAllReported() throws {
        #expect(try errors([Self.goodDocument: "---\ntitle: Sustained\n---\nBody."]) == [
            "documents/2017-11-16-sustained.md:1:1: error: missing required field 'date'",
            "documents/2017-11-16-sustained.md:1:1: error: missing required field 'kind'",
        ])
    }

    @Test func aDateThatDoesNotExistIsReportedAtItsValue() throws {
        let text = "---\ntitle: Sustained\ndate: 2021-02-30\nkind: article\n---\nBody."
        #expect(try errors([Self.goodDocument: text]) == [
            "documents/2017-11-16-sustained.md:3:7: error: 'date' is not a real date: '2021-02-30'; write it as YYYY-MM-DD, or YYYY-MM or YYYY when the sources give only the month or year, for example 2021-05-11 or 2015-07",
        ])
    }

    @Test func aDateInAnotherFormatIsRejected() throws {
        let text = "---\ntitle: Sustained\ndate: 11/05/2021\nkind: article\n---\nBody."
        #expect(try errors([Self.goodDocument: text]) == [
            "documents/2017-11-16-sustained.md:3:7: error: 'date' is not a real date: '11/05/2021'; write it as YYYY-MM-DD, or YYYY-MM or YYYY when the sources give only the month or year, for example 2021-05-11 or 2015-07",
        ])
    }

    @Test func anUnknownKindSuggestsTheNearest() throws {
        let text = "---\ntitle: Sustained\ndate: 2017-11-16\nkind: pres-release\n---\nBody."
        #expect(try errors([Self.goodDocument: text]) == [
            "documents/2017-11-16-sustained.md:4:7: error: unknown kind 'pres-release'; did you mean 'press-release'? (one of: press-release, ofsted-letter, article, report)",
        ])
    }

    @Test func anUnknownJudgementSuggestsTheNearest() throws {
        let text = "---\ntitle: Inspection\nkind: inspection\nstart: 2015-07-01\njudgement: oustanding\n---\nText."
        #expect(try errors(["visits/2015-07-inspection.md": text]) == [
            "visits/2015-07-inspection.md:5:12: error: unknown judgement 'oustanding'; did you mean 'outstanding'? (one of: inadequate, requires-improvement, good, outstanding)",
        ])
    }

    @Test func anUnknownGradeInJudgementsIsReportedAtItsLine() throws {
        let text = "---\ntitle: Inspection\nkind: inspection\nstart: 2015-07-01\njudgements:\n  - area: Care leavers\n    grade: goood\n---\nText."
        #expect(try errors(["visits/2015-07-inspection.md": text]) == [
            "visits/2015-07-inspection.md:7:12: error: unknown grade 'goood'; did you mean 'good'? (one of: inadequate, requires-improvement, good, outstanding)",
        ])
    }

    @Test func anEndBeforeTheStartIsReported() throws {
        let text = "---\ntitle: Visit\nkind: focused-visit\nstart: 2021-03-24\nend: 2021-03-20\n---\nText."
        #expect(try errors(["visits/2021-03-focused-visit.md": text]) == [
            "visits/2021-03-focused-visit.md:5:6: error: 'end' (2021-03-20) is before 'start' (2021-03-24); swap them or fix the date",
        ])
    }

    @Test func anUnknownVisitSuggestsTheNearestSlug() throws {
        let text = "---\ntitle: Sustained\ndate: 2017-11-16\nkind: article\nvisit: 2021-03-focussed-visit\n---\nBody."
        #expect(try errors([Self.goodDocument: text]) == [
            "documents/2017-11-16-sustained.md:5:8: error: unknown visit '2021-03-focussed-visit'; did you mean '2021-03-focused-visit'?",
        ])
    }

    @Test func anUnknownThemeSuggestsTheNearestSlug() throws {
        let text = "---\ntitle: Sustained\ndate: 2017-11-16\nkind: article\nthemes: [children-in-care, erly-help]\n---\nBody."
        #expect(try errors([Self.goodDocument: text]) == [
            "documents/2017-11-16-sustained.md:5:28: error: unknown theme 'erly-help'; did you mean 'early-help'?",
        ])
    }

    @Test func anUnknownSpeakerIsReportedAtTheAttributionLine() throws {
        let text = "---\ntitle: Sustained\ndate: 2017-11-16\nkind: article\n---\nIntro.\n\n> Words.\n>\n> — Jil Colbert, Chief Executive\n"
        #expect(try errors([Self.goodDocument: text]) == [
            "documents/2017-11-16-sustained.md:10:3: error: unknown speaker 'Jil Colbert'; did you mean 'Jill Colbert'? If not, add them to speakers.yml",
        ])
    }

    @Test func aQuoteWithoutWordsOrSpeakerIsReported() throws {
        let text = "---\ntitle: Sustained\ndate: 2017-11-16\nkind: article\n---\nIntro.\n\n> — Jill Colbert\n\n> Words.\n>\n> —\n"
        #expect(try errors([Self.goodDocument: text]) == [
            "documents/2017-11-16-sustained.md:8:3: error: quote has no words before its attribution; put the quoted text above the '—' line",
            "documents/2017-11-16-sustained.md:12:3: error: quote attribution names no speaker; write '— Name, role' with a name from speakers.yml",
        ])
    }

    @Test func aBrokenVisitDoesNotAlsoMakeItsDocumentsReportAnUnknownVisit() throws {
        let text = "---\ntitle: Visit\nkind: focused-visit\nstart: 2021-03-24\njudgement: great\n---\nText."
        #expect(try errors(["visits/2021-03-focused-visit.md": text]) == [
            "visits/2021-03-focused-visit.md:5:12: error: unknown judgement 'great' (one of: inadequate, requires-improvement, good, outstanding)",
        ])
    }

    @Test func anUnknownFieldSuggestsTheNearestName() throws {
        let text = "---\ntittle: Sustained\ndate: 2017-11-16\nkind: article\n---\nBody."
        #expect(try errors([Self.goodDocument: text]) == [
            "documents/2017-11-16-sustained.md:1:1: error: missing required field 'title'",
            "documents/2017-11-16-sustained.md:2:1: error: unknown field 'tittle'; did you mean 'title'? (document fields: title, date, kind, publisher, visit, themes, source_url, summary, rights, updated, update_note, aliases, draft)",
        ])
    }

    @Test func aBadFileNameSlugSuggestsARename() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        try site.write("documents/Ofsted_Letter 2021.md", "---\ntitle: X\ndate: 2021-01-01\nkind: article\n---\nBody.")
        #expect(site.errors() == [
            "documents/Ofsted_Letter 2021.md:1:1: error: bad slug 'Ofsted_Letter 2021': file names use lowercase letters, digits and single hyphens; rename it to 'ofsted-letter-2021.md'",
        ])
    }

    @Test func aDuplicateThemeSlugIsReported() throws {
        let themes = "- slug: early-help\n  title: Early help\n- slug: children-in-care\n  title: In care\n- slug: early-help\n  title: Early help again\n"
        #expect(try errors(["themes.yml": themes]) == [
            "themes.yml:5:9: error: duplicate slug 'early-help': already used on line 1; give each theme its own",
        ])
    }

    @Test func aBadSpeakerSlugIsReported() throws {
        let speakers = "- slug: Jill Colbert\n  name: Jill Colbert\n"
        let found = try errors(["speakers.yml": speakers])
        #expect(found.contains("speakers.yml:1:9: error: bad slug 'Jill Colbert': use lowercase letters, digits and single hyphens, for example 'jill-colbert'"))
    }

    @Test func aFileThatIsNotUTF8IsReportedAtTheBadByte() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        var bytes = Data("---\ntitle: Sustained\ndate: 2017-11-16\nkind: article\n---\nCaf".utf8)
        bytes.append(0xE9)
        bytes.append(contentsOf: Data(" menu.\n".utf8))
        try site.write(Self.goodDocument, bytes)
        #expect(site.errors() == [
            "documents/2017-11-16-sustained.md:6:4: error: the file is not UTF-8; save it as UTF-8 in your editor",
        ])
    }

    @Test func siteYmlNeedsATitleAndAnAbsoluteBaseURL() throws {
        #expect(try errors(["site.yml": "description: x\nbase_url: portal/\n"]) == [
            "site.yml:1:1: error: missing required field 'title'",
            "site.yml:2:11: error: 'base_url' must be a full web address starting with https://, not 'portal/'",
        ])
    }

    @Test func aMissingSiteYmlIsReported() throws {
        #expect(try errors(["site.yml": nil]) == [
            "site.yml:1:1: error: site.yml is missing; create it with at least 'title:' and 'base_url:'",
        ])
    }

    @Test func everyErrorOfARunIsReportedTogether() throws {
        let found = try errors([
            Self.goodDocument: "---\ntitle: Sustained\ndate: 2017-13-01\nkind: article\n---\nBody.",
            "visits/2015-07-inspection.md": "no front matter",
            "themes.yml": "- slug: early-help\n  title: Early help\n",
        ])
        #expect(found.count == 3)
        #expect(found.contains { $0.hasPrefix("documents/2017-11-16-sustained.md:3:7: error: 'date' is not a real date") })
        #expect(found.contains { $0.hasPrefix("visits/2015-07-inspection.md:1:1: error: missing front matter") })
        #expect(found.contains { $0.hasPrefix("documents/2021-05-11-progress.md:7:") && $0.contains("unknown theme 'children-in-care'") })
    }
}
