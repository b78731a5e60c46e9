import PortalModel

/// `accessibility/`: the accessibility statement that the Public Sector Bodies (Websites and
/// Mobile Applications) (No. 2) Accessibility Regulations 2018 require, in the wording of
/// GOV.UK's model statement, from site.yml's `accessibility`. Without one the page still
/// exists and says that no assessment has been recorded.
enum AccessibilityPage {
    static let regulations = "Public Sector Bodies (Websites and Mobile Applications) (No. 2) Accessibility Regulations 2018"
    static let standard = "Web Content Accessibility Guidelines version 2.2 AA standard"
    static let eassURL = "https://www.equalityadvisoryservice.com/"

    static func render(_ portal: Portal) -> String {
        let context = PageContext(portal: portal, route: .accessibility)
        let site = portal.site
        let organisation = site.publisher ?? site.title
        let statement = site.accessibility
        let main: HTML = """
        <h1>Accessibility statement</h1>
        <p class="lead">This accessibility statement applies to \(site.title), published by \(organisation).</p>
        <p>We want as many people as possible to be able to use this website. You should be able to change colours, \
        contrast levels and fonts using your browser or device settings, zoom in up to 400% without the text spilling \
        off the screen, navigate the whole website using just a keyboard or speech recognition software, and listen \
        to it using a screen reader.</p>
        <h2>How accessible this website is</h2>
        \(howAccessible(statement))
        <h2>Feedback and contact information</h2>
        <p>If you need information on this website in a different format, like accessible PDF, large print, easy read, \
        audio recording or braille, \(Components.contact(site)).</p>
        <h2>Reporting accessibility problems with this website</h2>
        <p>We’re always looking to improve the accessibility of this website. If you find any problems not listed \
        on this page or think we’re not meeting accessibility requirements, \(Components.contact(site)).</p>
        <h2>Enforcement procedure</h2>
        <p>The Equality and Human Rights Commission (EHRC) is responsible for enforcing the \(regulations) \
        (the ‘accessibility regulations’). If you’re not happy with how we respond to your complaint, contact the \
        <a href="\(eassURL)">Equality Advisory and Support Service (EASS)</a>.</p>
        <h2>Technical information about this website’s accessibility</h2>
        <p>\(organisation) is committed to making its website accessible, in accordance with the \(regulations).</p>
        <h3>Compliance status</h3>
        <p>\(compliance(statement))</p>
        \(nonAccessible(statement))
        <h2>How we tested this website</h2>
        <p>The website is tested with automated checks. Over every page:</p>
        <ul>
        <li>the Nu HTML Checker, for valid HTML;</li>
        <li>axe-core’s rules for WCAG 2.2 AA, run in the Chromium browser;</li>
        <li>a link checker, for every link and fragment between pages.</li>
        </ul>
        <p>On the home page and the page-not-found page, the contrast of the keyboard focus on every link and \
        control reached with the Tab key.</p>
        <p>Automated tests find only some accessibility problems; please tell us about any others you meet.</p>
        <h2>Preparation of this accessibility statement</h2>
        \(preparation(statement))
        """
        return Layout.page(context, title: "Accessibility statement",
                           description: "How accessible this website is, how to report a problem and how to ask for another format.",
                           main: main)
    }

    private static func howAccessible(_ statement: AccessibilityStatement?) -> HTML {
        guard let statement else {
            return "<p>No assessment of this website’s accessibility has been recorded yet.</p>"
        }
        switch statement.status {
        case .fullyCompliant:
            return "<p>We are not aware of any part of this website that is not accessible.</p>"
        case .partiallyCompliant, .notCompliant:
            return """
            <p>We know some parts of this website are not fully accessible: they are listed under \
            <a href="#non-accessible-content">Non-accessible content</a> below.</p>
            """
        }
    }

    /// The model statement's wording for each status.
    static func compliance(_ statement: AccessibilityStatement?) -> String {
        guard let statement else {
            return "This website’s compliance with the \(standard) has not yet been assessed."
        }
        switch statement.status {
        case .fullyCompliant: return "This website is fully compliant with the \(standard)."
        case .partiallyCompliant:
            return "This website is partially compliant with the \(standard), due to the non-compliances listed below."
        case .notCompliant:
            return "This website is not compliant with the \(standard). The non-compliances are listed below."
        }
    }

    private static func nonAccessible(_ statement: AccessibilityStatement?) -> HTML {
        guard let statement, statement.status != .fullyCompliant else { return .empty }
        return """
        <h2 id="non-accessible-content">Non-accessible content</h2>
        <p>The content listed below is non-accessible for the following reasons.</p>
        <h3>Non-compliance with the accessibility regulations</h3>
        \(issues(statement.knownIssues))
        """
    }

    private static func issues(_ issues: [String]) -> HTML {
        guard !issues.isEmpty else { return "<p>No known issues have been recorded.</p>" }
        return "<ul>\(issues.html { "<li>\($0)</li>" })</ul>"
    }

    private static func preparation(_ statement: AccessibilityStatement?) -> HTML {
        guard let statement else {
            return "<p>No accessibility statement has been prepared for this website yet: its status is not yet assessed.</p>"
        }
        return """
        <p>This statement was prepared on \(Components.date(statement.prepared)). \
        It was last reviewed on \(Components.date(statement.reviewed)).</p>
        """
    }
}
