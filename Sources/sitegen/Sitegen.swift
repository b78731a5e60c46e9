import ArgumentParser
import Foundation
import PortalModel
import SitegenCore
import SitegenServe

@main
struct Sitegen: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Publishes the children's services progress portal from content/ into public/.",
        subcommands: [Build.self, Check.self, New.self, Serve.self],
        defaultSubcommand: Build.self
    )
}

/// Options shared by the commands that read content.
struct ContentOptions: ParsableArguments {
    @Option(name: .long, help: "The content folder to read.")
    var content = "content"
}

struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build the site and publish it atomically into the output folder.")

    @OptionGroup var source: ContentOptions

    @Option(name: .long, help: "The folder to publish into; replaced whole, only by a successful build.")
    var output = "public"

    @Flag(name: .long, help: "Include documents marked 'draft: true'.")
    var drafts = false

    @Flag(name: .long, help: "Index the site with Pagefind (pip install 'pagefind[bin]') for the search page.")
    var search = false

    @Flag(name: .long, help: "Draw a 1200×630 PNG share card for every quote page, named as its og:image.")
    var cards = false

    @Flag(name: .long, help: "Ignore the build cache: render and write every file into a new folder.")
    var clean = false

    @Flag(name: .shortAndLong, help: "Print nothing but errors.")
    var quiet = false

    @Flag(name: .shortAndLong, help: "Also print how long each stage took.")
    var verbose = false

    func run() throws {
        let terminal = Terminal()
        let progress = quiet ? nil : Progress(terminal: terminal)
        do {
            let summary = try SiteBuilder.build(BuildOptions(
                content: source.content, output: output, includeDrafts: drafts, searchIndex: search, shareCards: cards,
                clean: clean, onStage: progress?.stage))
            progress?.finish()
            guard !quiet else { return }
            printWarnings(summary.warnings, terminal: terminal)
            if summary.upToDate {
                print(terminal.bold("Up to date:") + " nothing in \(source.content)/ changed since the last build of \(summary.output)/ "
                    + "(" + String(format: "%.3f s", summary.seconds) + "; --clean rebuilds everything)")
                return
            }
            print(terminal.bold("Published") + " \(summary.documents) documents, \(summary.visits) visits, "
                + "\(summary.quotes) quotes, \(summary.themes) themes, \(summary.speakers) speakers: "
                + "\(summary.pages) pages in " + String(format: "%.2f s", summary.seconds) + " → \(summary.output)/")
            if verbose {
                for stage in summary.stages {
                    print("  " + stage.name.padding(toLength: 18, withPad: " ", startingAt: 0)
                        + String(format: "%7.3f s", stage.seconds))
                }
                let updated = summary.pagesUpdated > 0 ? ", \(summary.pagesUpdated) lists updated by replacing rows" : ""
                let cards = summary.cardsDrawn > 0
                    ? ", \(summary.cardsDrawn) share card\(summary.cardsDrawn == 1 ? "" : "s") drawn" : ""
                print("  \(summary.pagesRendered) of \(summary.pages) pages rendered\(updated)\(cards); "
                    + "\(summary.filesChanged) of \(summary.files + 1) files written, the others were unchanged")
            }
        } catch let errors as ContentErrors {
            progress?.finish()
            throw report(errors.diagnostics, terminal: terminal)
        } catch let error as PublishError {
            progress?.finish()
            terminal.error("\(terminal.red("error:")) \(Diagnostic.printable("\(error)"))")
            throw ExitCode(2)
        }
    }
}

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Validate the content, then build it into a temporary folder and check every internal link and #fragment.",
        discussion: "Drafts are checked too. Nothing is published, and no network is needed.")

    @OptionGroup var source: ContentOptions

    func run() throws {
        let terminal = Terminal()
        let problems = SiteBuilder.check(content: source.content)
        let errors = problems.filter { $0.severity == .error }
        guard errors.isEmpty else { throw report(problems, terminal: terminal, closing: "fix them and check again") }
        printWarnings(problems, terminal: terminal)
        print("No errors in \(source.content)/: content valid, every link and fragment resolves"
            + (problems.isEmpty ? "." : "; see the warnings above."))
    }
}

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Preview the site on 127.0.0.1, rebuilding and reloading the browser when content changes.",
        discussion: "Drafts are shown. Errors appear in the terminal and over the page; the last good site stays up.")

    @OptionGroup var source: ContentOptions

    @Option(help: "The port to listen on (0 picks a free one).")
    var port: UInt16 = 8080

    func run() async throws {
        let terminal = Terminal()
        let server = PreviewServer(content: source.content, port: port) { line in terminal.output(line) }
        let actualPort = try await server.start()
        terminal.output(terminal.bold("Serving") + " \(source.content)/ at http://127.0.0.1:\(actualPort)/ (Ctrl-C to stop)")
        await waitForInterrupt()
        await server.stop()
        terminal.output("Stopped.")
    }

    /// Suspends until Ctrl-C or SIGTERM.
    private func waitForInterrupt() async {
        let (interrupts, continuation) = AsyncStream<Void>.makeStream()
        let sources = [SIGINT, SIGTERM].map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { continuation.yield() }
            source.resume()
            return source
        }
        for await _ in interrupts { break }
        for source in sources { source.cancel() }
    }
}

struct New: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Start a new document or visit with complete front matter.",
        subcommands: [NewDocument.self, NewVisit.self])
}

struct NewDocument: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "document",
        abstract: "Write content/documents/<date>-<title>.md, a draft press release with an example quote.")

    @Argument(help: "The document's title.")
    var title: String

    @Option(help: "Its date, YYYY-MM-DD (default: today).")
    var date: String?

    @Option(help: "The slug of the visit it is about.")
    var visit: String?

    @Option(name: .customLong("theme"), help: "A theme slug; repeat for several.")
    var themes: [String] = []

    @OptionGroup var source: ContentOptions

    func run() throws {
        let day = try parseDay(date)
        do {
            let path = try NewContent.document(title: title, date: day, visit: visit, themes: themes,
                                               content: source.content)
            print(path)
        } catch let error as NewContentError {
            throw fail(error)
        }
    }
}

struct NewVisit: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "visit", abstract: "Write content/visits/<yyyy-mm>-<title>.md for an Ofsted visit.")

    @Argument(help: "The visit's title.")
    var title: String

    @Option(help: "inspection, monitoring-visit, focused-visit or other.")
    var kind = "inspection"

    @Option(help: "Its first day, YYYY-MM-DD (default: today).")
    var start: String?

    @OptionGroup var source: ContentOptions

    func run() throws {
        guard let visitKind = VisitKind(rawValue: kind) else {
            throw ValidationError("unknown kind '\(kind)' (one of: \(VisitKind.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        do {
            print(try NewContent.visit(title: title, kind: visitKind, start: try parseDay(start), content: source.content))
        } catch let error as NewContentError {
            throw fail(error)
        }
    }
}

/// A `YYYY-MM-DD` option, or today's date.
func parseDay(_ text: String?) throws -> Day {
    guard let text else { return .today() }
    guard let day = Day(text) else { throw ValidationError("'\(text)' is not a real date; write YYYY-MM-DD") }
    return day
}

func fail(_ error: NewContentError) -> ExitCode {
    let terminal = Terminal()
    for line in error.description.split(separator: "\n") {
        terminal.error("\(terminal.red("error:")) \(Diagnostic.printable(String(line)))")
    }
    return ExitCode(1)
}

/// Prints every diagnostic to standard error and returns the content-error exit code.
func report(_ diagnostics: [Diagnostic], terminal: Terminal, closing: String = "nothing was published") -> ExitCode {
    for diagnostic in diagnostics { terminal.error(terminal.line(diagnostic)) }
    let count = diagnostics.filter { $0.severity == .error }.count
    terminal.error("\(count) \(count == 1 ? "error" : "errors"); \(closing).")
    return ExitCode(1)
}

/// Prints warnings to standard error, with a count.
func printWarnings(_ warnings: [Diagnostic], terminal: Terminal) {
    guard !warnings.isEmpty else { return }
    for warning in warnings { terminal.error(terminal.line(warning)) }
    terminal.error("\(warnings.count) \(warnings.count == 1 ? "warning" : "warnings").")
}
