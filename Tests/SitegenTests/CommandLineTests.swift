import Foundation
import Testing

/// The `sitegen` executable as an editor runs it: output streams, exit codes, report lines.
@Suite struct CommandLineTests {
    private static let binary = URL(fileURLWithPath: PortalContentTests.repository)
        .appendingPathComponent(".build/debug/sitegen").path

    private struct Run {
        let status: Int32
        let output: String
        let errors: String
    }

    /// Runs the debug binary, which `make test` builds before `swift test`.
    private func sitegen(_ arguments: [String]) throws -> Run {
        try #require(FileManager.default.isExecutableFile(atPath: Self.binary), "run `swift build` first")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.binary)
        process.arguments = arguments
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let out = output.fileHandleForReading.readDataToEndOfFile()
        let err = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, output: String(decoding: out, as: UTF8.self),
                   errors: String(decoding: err, as: UTF8.self))
    }

    @Test
    func aBuildPrintsOneSummaryLineAndNoColourWhenPiped() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        let run = try sitegen(["build", "--content", site.content, "--output", site.output])
        #expect(run.status == 0)
        #expect(run.errors == "\(site.content)/site.yml:3:1: warning: 'base_url' is still a placeholder (example.org); "
            + "set the portal's real address before publishing: feeds, the sitemap and shared links use it\n1 warning.\n")
        #expect(run.output.hasPrefix("Published 2 documents, 2 visits, 3 quotes, 2 themes, 2 speakers: 23 pages in "))
        #expect(run.output.hasSuffix(" s → \(site.output)/\n"))
        #expect(!run.output.contains("\u{1B}["))
        let again = try sitegen(["build", "--content", site.content, "--output", site.output])
        #expect(again.output.hasPrefix("Up to date: nothing in \(site.content)/ changed"))
    }

    @Test
    func quietPrintsNothingAndVerboseTimesEachStage() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        let quiet = try sitegen(["build", "--quiet", "--content", site.content, "--output", site.output])
        #expect(quiet.status == 0 && quiet.output == "" && quiet.errors == "")
        let verbose = try sitegen(["build", "--verbose", "--clean", "--content", site.content, "--output", site.output])
        for stage in ["load", "model", "render and write", "publish"] {
            #expect(verbose.output.contains("\n  \(stage) "), "no timing for \(stage)")
        }
    }

    @Test
    func contentErrorsGoToStandardErrorWithExitOne() throws {
        let site = try FixtureSite(replacing: ["themes.yml": "- slug: erly-help\n  title: Early help\n- slug: children-in-care\n  title: In care\n"])
        defer { site.remove() }
        let run = try sitegen(["build", "--content", site.content, "--output", site.output])
        #expect(run.status == 1)
        #expect(run.output == "")
        #expect(run.errors.contains("\(site.content)/documents/2021-05-11-progress.md:7:10: error: unknown theme 'early-help'; did you mean 'erly-help'?"))
        #expect(run.errors.hasSuffix("errors; nothing was published.\n"))
        #expect(!FileManager.default.fileExists(atPath: site.output))
        let check = try sitegen(["check", "--content", site.content])
        #expect(check.status == 1)
    }

    @Test
    func everyCommandHasHelp() throws {
        for command in [["--help"], ["build", "--help"], ["check", "--help"], ["serve", "--help"],
                        ["new", "document", "--help"], ["new", "visit", "--help"]] {
            let run = try sitegen(command)
            #expect(run.status == 0)
            #expect(run.output.contains("USAGE:"), "no help for \(command)")
        }
    }
}
