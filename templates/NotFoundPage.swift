import PortalModel

/// `404.html`: shown by the server at any missing address, so its links are root-relative,
/// built from the path of `base_url`.
enum NotFoundPage {
    static func render(_ portal: Portal) -> String {
        let context = PageContext(portal: portal, route: .notFound)
        let main: HTML = """
        <h1>Page not found</h1>
        <p class="lead">There is no page at this address. It may have been mistyped, or the link that brought you here may be out of date.</p>
        <p>You could try:</p>
        <ul class="explore">
        <li><a href="\(context.href(.home))">the portal’s home page</a>, for where services stand now</li>
        <li><a href="\(context.href(.timeline))">the timeline</a> of visits and documents</li>
        <li><a href="\(context.href(.documents))">all documents</a> or <a href="\(context.href(.quotes))">all quotes</a></li>
        </ul>
        """
        return Layout.page(context, title: "Page not found", description: nil, main: main)
    }
}
