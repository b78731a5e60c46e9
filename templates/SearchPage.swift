import PortalModel

/// `search/`: Pagefind's Component UI over documents and quotes, with plain links for readers without JavaScript.
///
/// The components render a labelled search box, a visible count of results, filters and the
/// results; Pagefind announces each count in its own `aria-live` region. The portal's stylesheet
/// styles them all, so results look like every other link.
enum SearchPage {
    /// Loads the components only if the build made an index, so a site built without one still reads well.
    private static let loader: HTML = """
        <script>
        (() => {
          const ui = document.createElement("script");
          ui.src = "../pagefind/pagefind-component-ui.js";
          ui.onerror = () => {
            document.getElementById("search").textContent = "Search is not available in this copy of the portal.";
          };
          document.head.append(ui);
        })();
        </script>
        """

    static func render(_ portal: Portal) -> String {
        let context = PageContext(portal: portal, route: .search)
        let main: HTML = """
        <h1>Search</h1>
        <p class="lead">Search the documents and quotes by word, name or phrase.</p>
        <div id="search" class="search">
        <pagefind-input placeholder="For example, a speaker’s name"></pagefind-input>
        <pagefind-summary></pagefind-summary>
        <div class="search-layout"><pagefind-filter-pane></pagefind-filter-pane><pagefind-results></pagefind-results></div>
        </div>
        <p class="search-browse">You can also browse by <a href="\(context.href(.themes))">theme</a>, \
        <a href="\(context.href(.speakers))">speaker</a> or <a href="\(context.href(.visits))">visit</a>, \
        or read every <a href="\(context.href(.documents))">document</a> and <a href="\(context.href(.quotes))">quote</a>.</p>
        \(loader)
        """
        return Layout.page(context, title: "Search", description: "Search the portal's documents and quotes.",
                           section: .search, main: main)
    }
}
