import PortalModel

/// `data/`: what each open data file and each of its columns holds.
enum DataPage {
    static func render(_ portal: Portal) -> String {
        let context = PageContext(portal: portal, route: .data)
        let site = portal.site
        let rights: HTML = """
            The words of quotes and the summaries of documents belong to the documents’ rights holders, \
            given in the <code>rights</code> column of <code>documents.csv</code>.
            """
        let licence: HTML = site.licence.map {
            "<p>The portal’s own data is available under the <a href=\"\($0.url)\" rel=\"license\">\($0.title)</a>. \(rights)</p>"
        } ?? "<p>\(rights)</p>"
        let main: HTML = """
        <h1>Open data</h1>
        <p class="lead">The portal’s visits, documents, quotes, speakers and themes as files to download. \
        The full text of documents and the summaries of visits are on their pages.</p>
        <p>The CSV files follow RFC 4180: UTF-8, a header row, lines ending in CRLF, and fields that hold a comma, \
        a double quote or a line break in double quotes, with double quotes doubled. Dates are as precise as the \
        sources give them: <code>2021-05-11</code>, <code>2015-07</code> or <code>2021</code>. \
        Lists of themes are theme slugs separated by <code>;</code>. An empty field means the sources do not say. \
        Every <code>url</code> is the item’s page on this website.</p>
        \(licence)
        \(file(context, OpenData.visitsFile, "Every Ofsted inspection and visit, oldest first.", columns: [
            ("slug", "the visit’s identifier, the last part of its page’s address"),
            ("title", "the visit’s title"),
            ("kind", "inspection, monitoring-visit, focused-visit or other"),
            ("start", "the first day of the visit"),
            ("end", "the last day of the visit; the same as start for a visit of one day"),
            ("published", "when Ofsted’s letter or report came out"),
            ("judgement", "the overall judgement: inadequate, requires-improvement, good or outstanding"),
            ("report_url", "Ofsted’s report"),
            ("url", "the visit’s page"),
        ]))
        \(file(context, OpenData.documentsFile, "Every press release, Ofsted letter, article and report, oldest first.", columns: [
            ("slug", "the document’s identifier, the last part of its page’s address"),
            ("title", "the document’s title"),
            ("date", "when it was published"),
            ("kind", "press-release, ofsted-letter, article or report"),
            ("publisher", "who published it"),
            ("visit", "the slug of the visit it is about, in visits.csv"),
            ("themes", "the slugs of its themes"),
            ("source_url", "the original document"),
            ("summary", "one or two sentences about it"),
            ("rights", "who holds the rights to its text"),
            ("updated", "when it was last changed after it was first published"),
            ("url", "the document’s page"),
        ]))
        \(file(context, OpenData.quotesFile, "Every quote, oldest first, in reading order within a document.", columns: [
            ("id", "the quote’s identifier, the last part of its page’s address"),
            ("words", "what was said, as plain text"),
            ("speaker", "who said it, by name"),
            ("role", "the role they spoke in"),
            ("date", "the date of the document it is quoted in"),
            ("document", "the slug of that document, in documents.csv"),
            ("visit", "the slug of the visit that document is about"),
            ("themes", "the slugs of the quote’s themes"),
            ("url", "the quote’s page"),
        ]))
        <h2 id="portal-json"><a href="\(context.file(OpenData.portalFile))">portal.json</a></h2>
        <p>The whole portal as one JSON object, with the same fields and dates as the CSV files and a little more: \
        <code>site</code> (the portal’s title, address, publisher, contact, licence and accessibility statement), \
        <code>visits</code> (with <code>judgements</code>, the graded areas, and <code>inspectors</code>), \
        <code>documents</code> (with <code>update_note</code>, <code>aliases</code>, their earlier slugs, and \
        <code>quotes</code>, the ids of their quotes; without their full text), <code>quotes</code> \
        (with <code>speaker</code> as a slug), <code>speakers</code> (slug, name, role, organisation, aliases) \
        and <code>themes</code> (slug, title, description). Lists of themes are arrays of slugs; \
        a missing value is <code>null</code>.</p>
        """
        return Layout.page(context, title: "Open data",
                           description: "The portal’s visits, documents and quotes as CSV and JSON files.", main: main)
    }

    /// A file's heading, linking it, and a table of its columns.
    private static func file(_ context: PageContext, _ path: String, _ about: String,
                             columns: [(name: String, meaning: String)]) -> HTML {
        let name = String(path.split(separator: "/").last ?? Substring(path))
        let rows = columns.html { "<tr><th scope=\"row\"><code>\($0.name)</code></th><td>\($0.meaning)</td></tr>" }
        return """
        <h2 id="\(name.replacing(".", with: "-"))"><a href="\(context.file(path))">\(name)</a></h2>
        <p>\(about)</p>
        <table><caption>Columns of \(name)</caption>
        <thead><tr><th scope="col">Column</th><th scope="col">What it holds</th></tr></thead>
        <tbody>\(rows)</tbody></table>
        """
    }
}
