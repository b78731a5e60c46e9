import PortalModel

/// `privacy/`: what the portal does, and does not do, with its readers' data.
enum PrivacyPage {
    static func render(_ portal: Portal) -> String {
        let context = PageContext(portal: portal, route: .privacy)
        let site = portal.site
        let organisation = site.publisher ?? site.title
        let main: HTML = """
        <h1>Privacy notice</h1>
        <p class="lead">This website does not collect personal information about you.</p>
        <h2>Cookies, scripts and analytics</h2>
        <ul>
        <li>It sets no cookies.</li>
        <li>It runs no third-party code: every page, stylesheet and script comes from this website, and nothing is \
        loaded from anywhere else.</li>
        <li>It uses no analytics and no tracking of any kind.</li>
        </ul>
        <p>The search page runs a script from this website that searches the portal in your browser, \
        fetching parts of its index from this website as you type; your search is sent to no one else.</p>
        <h2>What the web server may record</h2>
        <p>Like every website, this one is served by a web server, which may keep a log of each request: \
        your IP address, the time, the page asked for, and what your browser says it is. \
        How long such logs are kept is set by the host of this website, whose own retention policy applies. \
        The portal does not use them to identify anyone.</p>
        <h2>Links to other websites</h2>
        <p>Documents link to their original sources on other websites. Those websites have their own privacy \
        notices, which apply once you follow a link.</p>
        <h2>Contact</h2>
        <p>This website is published by \(organisation). For any question about this notice or your data, \
        \(Components.contact(site)).</p>
        """
        return Layout.page(context, title: "Privacy notice",
                           description: "This website sets no cookies, runs no third-party code and uses no analytics.",
                           main: main)
    }
}
