import ArgumentParser
import Foundation
import SitegenCore

@main
struct Sitegen: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Publishes the children's services progress portal from content/ into public/.",
        subcommands: [Build.self, Check.self],
        defaultSubcommand: Build.self
    )
}

/// Options shared by the commands that read content.
struct ContentOptions: ParsableArguments {
    @Option(name: .long, help: "The content folder to read.")
    var content = "content"

    @Flag(name: .long, help: "Include documents marked 'draft: true'.")
    var drafts = false
}

struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build the site and publish it atomically into the output folder.")

    @OptionGroup var source: ContentOptions

    @Option(name: .long, help: "The folder to publish into; replaced whole, only by a successful build.")
    var output = "public"

    func run() throws {
        let start = Date()
        do {
            let summary = try SiteBuilder.build(
                BuildOptions(content: source.content, output: output, includeDrafts: source.drafts))
            let seconds = Date().timeIntervalSince(start)
            print("Published \(summary.documents) documents, \(summary.visits) visits, \(summary.quotes) quotes, "
                + "\(summary.themes) themes, \(summary.speakers) speakers: \(summary.files) files in "
                + String(format: "%.2f s", seconds) + " → \(summary.output)/")
        } catch let errors as ContentErrors {
            throw report(errors)
        } catch let error as PublishError {
            FileHandle.standardError.write(Data("\(error)\n".utf8))
            throw ExitCode(2)
        }
    }
}

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Validate the content without writing anything.")

    @OptionGroup var source: ContentOptions

    func run() throws {
        switch SiteBuilder.load(content: source.content, includeDrafts: true) {
        case .success(let portal):
            print("No problems: \(portal.documents.count) documents, \(portal.visits.count) visits, "
                + "\(portal.quotes.count) quotes.")
        case .failure(let errors):
            throw report(errors)
        }
    }
}

/// Prints every diagnostic to standard error and returns the content-error exit code.
func report(_ errors: ContentErrors) -> ExitCode {
    let count = errors.diagnostics.count
    let text = errors.description + "\n\(count) \(count == 1 ? "error" : "errors"); nothing was published.\n"
    FileHandle.standardError.write(Data(text.utf8))
    return ExitCode(1)
}
