import Foundation
import PortalModel
import Testing
@testable import SitegenCore
@testable import Templates

/// Where words come from (issue 18, item 2).
@Suite struct TrustMetadataTests {
    @Test func aQuoteFromAnotherPublishersDocumentSaysWhereItWasQuoted() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        try site.build()
        let ofsted = try site.page("quotes/2021-05-11-progress-2/index.html")
        #expect(ofsted.contains("<br>as quoted in <a href=\"../../documents/2021-05-11-progress/index.html#quote-2\">"
            + "Ofsted finds that progress is evident</a> (Together for Children, <time datetime=\"2021-05-11\">11 May 2021</time>)</figcaption>"))
        #expect(!(try site.page("quotes/2021-05-11-progress-1/index.html")).contains("as quoted in"),
                "Jill Colbert speaks for Together for Children, which published the document")
        #expect(!(try site.page("quotes/2017-11-16-sustained-1/index.html")).contains("as quoted in"),
                "a document without a publisher says nothing of one")
    }

    @Test func aSpeakerBelongsToTheirOrganisationByNameOrWithAGloss() {
        let inspectors = Speaker(slug: "i", name: "Ofsted inspectors", role: nil,
                                 organisation: "Ofsted (the Office for Standards in Education)", aliases: [])
        #expect(inspectors.belongs(to: "Ofsted") && inspectors.belongs(to: "ofsted"))
        #expect(inspectors.belongs(to: "Ofsted (the Office for Standards in Education)"))
        #expect(!inspectors.belongs(to: "Together for Children"))
        #expect(!Speaker(slug: "n", name: "No one", role: nil, organisation: nil, aliases: []).belongs(to: "Ofsted"))
    }

    @Test func aVisitLinksItsReport() throws {
        let path = "visits/2015-07-inspection.md"
        let site = try FixtureSite(replacing: [path: FixtureSite.standardFiles[path]!.replacingOccurrences(
            of: "judgement: inadequate", with: "judgement: inadequate\nreport_url: https://reports.ofsted.gov.uk/provider/44/80545")])
        defer { site.remove() }
        try site.build()
        #expect(try site.page("visits/2015-07-inspection/index.html").contains(
            "<dt>Report</dt><dd><a href=\"https://reports.ofsted.gov.uk/provider/44/80545\" rel=\"external\">Read the report on Ofsted’s website</a></dd>"))
        #expect(!(try site.page("visits/2021-03-focused-visit/index.html")).contains("<dt>Report</dt>"))
        #expect(VisitPages.reportLinkText("https://example.org/r.pdf") == "Read the report on example.org")
    }
}
