import PortalModel

/// The open data under `data/`: three CSV files (RFC 4180: CRLF, a header row, UTF-8) and
/// `portal.json`, the whole model without document bodies. Dates are as written (precision
/// kept), addresses absolute from `base_url`, and every row and object is rendered by one
/// function, so a rebuild can replace one document's rows (`ListRows`).
enum OpenData {
    static let visitsFile = "data/visits.csv"
    static let documentsFile = "data/documents.csv"
    static let quotesFile = "data/quotes.csv"
    static let portalFile = "data/portal.json"

    static let visitColumns = ["slug", "title", "kind", "start", "end", "published", "judgement", "report_url", "url"]
    static let documentColumns = ["slug", "title", "date", "kind", "publisher", "visit", "themes", "source_url",
                                  "summary", "rights", "updated", "url"]
    static let quoteColumns = ["id", "words", "speaker", "role", "date", "document", "visit", "themes", "url"]

    static func visitsCSV(_ portal: Portal) -> String {
        portal.visits.reduce(into: csvRow(visitColumns)) { $0 += visitRow($1, portal.site) }
    }

    static func documentsCSV(_ portal: Portal) -> String {
        portal.documents.reduce(into: csvRow(documentColumns)) { $0 += documentRow($1, portal.site) }
    }

    static func quotesCSV(_ portal: Portal) -> String {
        portal.quotes.reduce(into: csvRow(quoteColumns)) { $0 += quoteRow($1, portal) }
    }

    static func visitRow(_ visit: Visit, _ site: Site) -> String {
        csvRow([visit.slug, visit.title, visit.kind.rawValue, visit.start.description, visit.end.description,
                visit.published?.description ?? "", visit.judgement?.rawValue ?? "", visit.reportURL ?? "",
                url(.visit(visit.slug), site)])
    }

    static func documentRow(_ document: Document, _ site: Site) -> String {
        csvRow([document.slug, document.title, document.date.description, document.kind.rawValue,
                document.publisher ?? "", document.visitSlug ?? "", document.themeSlugs.joined(separator: ";"),
                document.sourceURL ?? "", document.summary, document.rights ?? "", document.updated?.description ?? "",
                url(.document(document.slug), site)])
    }

    /// The speaker column holds the speaker's name, as the pages show it.
    static func quoteRow(_ quote: Quote, _ portal: Portal) -> String {
        csvRow([quote.id, quote.text, portal.speaker(quote.speakerSlug)?.name ?? quote.speakerSlug, quote.role ?? "",
                quote.date.description, quote.documentSlug, quote.visitSlug ?? "", quote.themeSlugs.joined(separator: ";"),
                url(.quote(quote.id), portal.site)])
    }

    /// One record ending in CRLF (`CSV.row`).
    static func csvRow(_ fields: [String]) -> String { CSV.row(fields) }

    /// The whole portal as JSON: keys in a fixed order, one visit, document, quote, speaker or
    /// theme a line.
    static func portalJSON(_ portal: Portal) -> String {
        let site = portal.site
        var json = JSONObject()
        json.field("title", site.title)
        json.field("description", site.description)
        json.field("base_url", site.baseURL)
        json.field("language", site.language)
        json.field("publisher", site.publisher)
        json.field("licence", json: site.licence.map { licence in
            JSONObject.object { $0.field("id", licence.rawValue); $0.field("title", licence.title); $0.field("url", licence.url) }
        })
        json.field("contact", json: JSONObject.object { $0.field("email", site.contact.email); $0.field("url", site.contact.url) })
        json.field("accessibility", json: site.accessibility.map { statement in
            JSONObject.object { json in
                json.field("status", statement.status.rawValue)
                json.field("prepared", statement.prepared.description)
                json.field("reviewed", statement.reviewed.description)
                json.field("known_issues", statement.knownIssues)
            }
        })
        func list<T>(_ items: [T], _ render: (T) -> String) -> String {
            items.isEmpty ? "[]" : "[\n    " + items.map(render).joined(separator: ",\n    ") + "\n  ]"
        }
        return """
        {
          "site": \(json.text),
          "visits": \(list(portal.visits) { visitJSON($0, site) }),
          "documents": \(list(portal.documents) { documentJSON($0, site) }),
          "quotes": \(list(portal.quotes) { quoteJSON($0, site) }),
          "speakers": \(list(portal.speakers) { speakerJSON($0, site) }),
          "themes": \(list(portal.themes) { themeJSON($0, site) })
        }

        """
    }

    static func visitJSON(_ visit: Visit, _ site: Site) -> String {
        JSONObject.object { json in
            json.field("slug", visit.slug)
            json.field("title", visit.title)
            json.field("kind", visit.kind.rawValue)
            json.field("start", visit.start.description)
            json.field("end", visit.end.description)
            json.field("published", visit.published?.description)
            json.field("judgement", visit.judgement?.rawValue)
            json.field("judgements", json: "[" + visit.judgements.map { area in
                JSONObject.object { $0.field("area", area.area); $0.field("grade", area.grade.rawValue) }
            }.joined(separator: ",") + "]")
            json.field("inspectors", visit.inspectors)
            json.field("report_url", visit.reportURL)
            json.field("url", url(.visit(visit.slug), site))
        }
    }

    /// A document without its body; its quotes are listed by id.
    static func documentJSON(_ document: Document, _ site: Site) -> String {
        JSONObject.object { json in
            json.field("slug", document.slug)
            json.field("title", document.title)
            json.field("date", document.date.description)
            json.field("kind", document.kind.rawValue)
            json.field("publisher", document.publisher)
            json.field("visit", document.visitSlug)
            json.field("themes", document.themeSlugs)
            json.field("source_url", document.sourceURL)
            json.field("summary", document.summary)
            json.field("rights", document.rights)
            json.field("updated", document.updated?.description)
            json.field("update_note", document.updateNote)
            json.field("aliases", document.aliases)
            json.field("quotes", document.quotes.map(\.id))
            json.field("url", url(.document(document.slug), site))
        }
    }

    static func quoteJSON(_ quote: Quote, _ site: Site) -> String {
        JSONObject.object { json in
            json.field("id", quote.id)
            json.field("words", quote.text)
            json.field("speaker", quote.speakerSlug)
            json.field("role", quote.role)
            json.field("date", quote.date.description)
            json.field("document", quote.documentSlug)
            json.field("visit", quote.visitSlug)
            json.field("themes", quote.themeSlugs)
            json.field("url", url(.quote(quote.id), site))
        }
    }

    static func speakerJSON(_ speaker: Speaker, _ site: Site) -> String {
        JSONObject.object { json in
            json.field("slug", speaker.slug)
            json.field("name", speaker.name)
            json.field("role", speaker.role)
            json.field("organisation", speaker.organisation)
            json.field("aliases", speaker.aliases)
            json.field("url", url(.speaker(speaker.slug), site))
        }
    }

    static func themeJSON(_ theme: Theme, _ site: Site) -> String {
        JSONObject.object { json in
            json.field("slug", theme.slug)
            json.field("title", theme.title)
            json.field("description", theme.description)
            json.field("url", url(.theme(theme.slug), site))
        }
    }

    private static func url(_ route: Route, _ site: Site) -> String { site.baseURL + route.folder }
}

/// A JSON object written field by field, in the order given, on one line.
private struct JSONObject {
    private var fields: [String] = []

    static func object(_ build: (inout JSONObject) -> Void) -> String {
        var json = JSONObject()
        build(&json)
        return json.text
    }

    var text: String { "{" + fields.joined(separator: ",") + "}" }

    mutating func field(_ key: String, _ value: String?) {
        fields.append(JSONObject.string(key) + ":" + (value.map(JSONObject.string) ?? "null"))
    }

    mutating func field(_ key: String, _ values: [String]) {
        fields.append(JSONObject.string(key) + ":[" + values.map(JSONObject.string).joined(separator: ",") + "]")
    }

    /// A value that is already JSON (an object or array).
    mutating func field(_ key: String, json value: String?) {
        fields.append(JSONObject.string(key) + ":" + (value ?? "null"))
    }

    /// `text` as a JSON string, escaped as the JSON-LD is (`JSON.quote`).
    static func string(_ text: String) -> String {
        var output = ""
        JSON.quote(text, into: &output)
        return output
    }
}
