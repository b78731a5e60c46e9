import Foundation

/// Builds Pagefind's search index inside the staging folder, before it is published,
/// so the live site never has pages without their index.
enum SearchIndex {
    /// The command that runs Pagefind: `$SITEGEN_PAGEFIND` if set, else PyPI's `python3 -m pagefind`.
    static var command: [String] {
        if let custom = ProcessInfo.processInfo.environment["SITEGEN_PAGEFIND"], !custom.isEmpty {
            return custom.split(separator: " ").map(String.init)
        }
        return ["python3", "-m", "pagefind"]
    }

    static func build(in staging: StagingFolder) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = command + ["--site", staging.path, "--silent"]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw PublishError(path: staging.path, reason: "cannot run Pagefind (\(command.joined(separator: " "))): \(error)")
        }
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw PublishError(path: staging.path, reason: "Pagefind failed to index the site; "
                + "install it with `pip install 'pagefind[bin]'`. \(message.trimmingCharacters(in: .whitespacesAndNewlines))")
        }
    }
}
