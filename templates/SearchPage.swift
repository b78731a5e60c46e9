import PortalModel

/// `search/`: Pagefind's search over documents and quotes, with plain links for readers without JavaScript.
enum SearchPage {
    /// Loads Pagefind's UI only if the build made an index, so a site built without one still reads well.
    private static let loader: HTML = """
        <script>
        (() => {
          const base = "../pagefind/";
          const box = document.getElementById("search");
          const css = document.createElement("link");
          css.rel = "stylesheet";
          css.href = base + "pagefind-ui.css";
          const ui = document.createElement("script");
          ui.src = base + "pagefind-ui.js";
          ui.onload = () => new PagefindUI({ element: "#search", showSubResults: true, showImages: false });
          ui.onerror = () => { box.textContent = "Search is not available in this copy of the portal."; };
          document.head.append(css, ui);
        })();
        </script>
        """

    static func render(_ portal: Portal) -> String {
        let context = PageContext(portal: portal, route: .search)
        let main: HTML = """
        <h1>Search</h1>
        <p class="lead">Search the documents and quotes by word, name or phrase.</p>
        <div id="search" class="search"></div>
        <p class="search-browse">You can also browse by <a href="\(context.href(.themes))">theme</a>, \
        <a href="\(context.href(.speakers))">speaker</a> or <a href="\(context.href(.visits))">visit</a>, \
        or read every <a href="\(context.href(.documents))">document</a> and <a href="\(context.href(.quotes))">quote</a>.</p>
        \(loader)
        """
        return Layout.page(context, title: "Search", description: "Search the portal's documents and quotes.",
                           section: .search, main: main)
    }
}
