import PortalModel

/// The schema.org JSON-LD of document and quote pages, for search engines and other readers of
/// metadata. Dates are as written ("2015-07"), which ISO 8601 and schema.org accept.
enum StructuredData {
    /// A document as a `NewsArticle`, or a `Report` for Ofsted letters and reports.
    static func document(_ document: Document, _ site: Site) -> JSON {
        let publisher = document.publisher.map(organisation)
        return .object([
            ("@context", .string("https://schema.org")),
            ("@type", .string(type(of: document))),
            ("headline", .string(document.title)),
            ("description", .string(document.summary)),
            ("datePublished", .string(document.date.description)),
            ("dateModified", document.updated.map { .string($0.description) }),
            ("publisher", publisher),
            ("author", publisher),
            ("copyrightNotice", document.rights.map(JSON.string)),
            ("isBasedOn", document.sourceURL.map(JSON.string)),
            ("url", .string(url(of: document, site))),
            ("inLanguage", .string(site.language)),
        ])
    }

    /// A quote as a `Quotation` by a `Person`, part of its document.
    static func quote(_ quote: Quote, _ portal: Portal) -> JSON {
        let site = portal.site
        let speaker = portal.speaker(quote.speakerSlug)
        let document = portal.document(quote.documentSlug)
        return .object([
            ("@context", .string("https://schema.org")),
            ("@type", .string("Quotation")),
            ("text", .string(quote.text)),
            ("creator", .object([
                ("@type", .string("Person")),
                ("name", .string(speaker?.name ?? quote.speakerSlug)),
                ("jobTitle", quote.role.map(JSON.string)),
                ("worksFor", speaker?.organisation.map(organisation)),
            ])),
            ("datePublished", .string(quote.date.description)),
            ("isPartOf", document.map { document in
                .object([
                    ("@type", .string("CreativeWork")),
                    ("name", .string(document.title)),
                    ("url", .string(url(of: document, site))),
                    ("publisher", document.publisher.map(organisation)),
                ])
            }),
            ("url", .string(site.baseURL + Route.quote(quote.id).folder)),
            ("inLanguage", .string(site.language)),
        ])
    }

    private static func type(of document: Document) -> String {
        switch document.kind {
        case .ofstedLetter, .report: "Report"
        case .pressRelease, .article: "NewsArticle"
        }
    }

    private static func organisation(_ name: String) -> JSON {
        .object([("@type", .string("Organization")), ("name", .string(name))])
    }

    private static func url(of document: Document, _ site: Site) -> String {
        site.baseURL + Route.document(document.slug).folder
    }
}
