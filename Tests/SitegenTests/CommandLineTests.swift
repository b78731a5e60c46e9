import Foundation
import Synchronization
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
    func checkPrintsARepeatedQuoteAsAWarningAndExitsZero() throws {
        let site = try FixtureSite(replacing: ["documents/2022-02-01-repeated.md": RepeatedQuoteTests.repeating])
        defer { site.remove() }
        let run = try sitegen(["check", "--content", site.content])
        #expect(run.status == 0)
        #expect(run.errors.contains(site.content + "/" + RepeatedQuoteTests.warning
            .replacingOccurrences(of: "quote at documents/", with: "quote at \(site.content)/documents/") + "\n"))
        #expect(run.output.hasPrefix("No errors in \(site.content)/"))
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

    /// `sitegen serve` running with its standard output on a pipe, read as it arrives.
    private struct ServeProcess {
        private final class Output: Sendable {
            let text = Mutex("")
        }

        private let process = Process()
        private let pipe = Pipe()
        private let output = Output()

        init(content: String) throws {
            try #require(FileManager.default.isExecutableFile(atPath: CommandLineTests.binary), "run `swift build` first")
            process.executableURL = URL(fileURLWithPath: CommandLineTests.binary)
            process.arguments = ["serve", "--port", "0", "--content", content]
            process.standardOutput = pipe
            process.standardError = FileHandle.nullDevice
            let output = self.output
            pipe.fileHandleForReading.readabilityHandler = { handle in
                let data = handle.availableData
                output.text.withLock { $0 += String(decoding: data, as: UTF8.self) }
            }
            try process.run()
        }

        /// The first whole line that satisfies `condition`, waiting at most `seconds` (and looking at
        /// least once, however late this task runs).
        func line(within seconds: Double = 10, where condition: (String) -> Bool) async throws -> String? {
            let deadline = Date().addingTimeInterval(seconds)
            while true {
                let lines = output.text.withLock { $0 }.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
                if let line = lines.first(where: { condition(String($0)) }) { return String(line) }
                guard Date() < deadline else { return nil }
                try await Task.sleep(for: .milliseconds(50))
            }
        }

        /// Sends SIGTERM, and SIGKILL if it has not exited within five seconds.
        func stop() {
            process.terminate()
            let deadline = Date().addingTimeInterval(5)
            while process.isRunning && Date() < deadline { usleep(20_000) }
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
            pipe.fileHandleForReading.readabilityHandler = nil
        }
    }

    @Test
    func serveSaysWhereItServesAtOnceEvenThroughAPipe() async throws {
        let site = try FixtureSite()
        defer { site.remove() }
        let serve = try ServeProcess(content: site.content)
        defer { serve.stop() }
        let line = try await serve.line { $0.hasPrefix("Serving ") }
        #expect(line?.hasPrefix("Serving \(site.content)/ at http://127.0.0.1:") == true)
        #expect(line?.hasSuffix("/ (Ctrl-C to stop)") == true)
    }

    @Test
    func serveListsContentErrorsAtOnceEvenThroughAPipe() async throws {
        let site = try FixtureSite(replacing: ["documents/2017-11-16-sustained.md":
            "---\ntitle: Sustained progress\ndate: 2017-11-31\nkind: article\n---\nProgress.\n"])
        defer { site.remove() }
        let serve = try ServeProcess(content: site.content)
        defer { serve.stop() }
        let error = try await serve.line { $0.contains(": error: ") }
        #expect(error?.hasPrefix("\(site.content)/documents/2017-11-16-sustained.md:3:7: error: 'date' is not a real date") == true)
        #expect(try await serve.line { $0.hasPrefix("Serving ") } != nil)
    }
}
