import CSystem
import Foundation
import Glibc

/// A problem writing the output; the published folder is left as it was.
public struct PublishError: Error, CustomStringConvertible, Sendable {
    public let path: String
    public let reason: String
    public var description: String { "\(path): error: \(reason)" }
}

/// A new build's folder beside the published output, swapped in whole once complete.
///
/// Nothing touches the published folder until `publish()`, which exchanges the two
/// folders with one `renameat2(RENAME_EXCHANGE)` call, so a reader or a server never
/// sees a half-written site, and a failed or killed build leaves it exactly as it was.
struct StagingFolder: Sendable {
    /// The published folder, e.g. `public`.
    let output: String
    /// The folder being built, e.g. `.public.sitegen-staging-1234`.
    let path: String

    /// Marks a folder as sitegen's output, so a build never replaces a folder it did not write.
    static let markerName = ".sitegen"

    /// Creates an empty staging folder beside `output`, removing ones left by killed builds.
    static func create(for output: String) throws -> StagingFolder {
        let output = output.hasSuffix("/") && output.count > 1 ? String(output.dropLast()) : output
        let url = URL(fileURLWithPath: output)
        let parent = url.deletingLastPathComponent().path
        let name = url.lastPathComponent
        try checkReplaceable(output)
        removeAbandoned(in: parent, name: name)
        let path = "\(parent)/.\(name).sitegen-staging-\(getpid())"
        if FileManager.default.fileExists(atPath: path) { try? FileManager.default.removeItem(atPath: path) }
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw PublishError(path: path, reason: "cannot create the build folder: \(error.localizedDescription)")
        }
        let folder = StagingFolder(output: output, path: path)
        try folder.write(markerName, "This folder was published by sitegen; it is replaced whole by each build.\n")
        return folder
    }

    /// Refuses to replace a folder with content that sitegen did not write (a mistyped `--output`).
    private static func checkReplaceable(_ output: String) throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: output, isDirectory: &isDirectory) else { return }
        guard isDirectory.boolValue else {
            throw PublishError(path: output, reason: "the output exists and is not a folder; choose another --output")
        }
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: output)) ?? []
        guard entries.contains(markerName) || entries.allSatisfy({ $0 == ".gitkeep" }) else {
            throw PublishError(path: output, reason: "the output folder holds files sitegen did not publish; "
                + "empty it or choose another --output, since a build replaces the whole folder")
        }
    }

    /// Removes staging and old folders whose build process no longer runs.
    private static func removeAbandoned(in parent: String, name: String) {
        let prefix = ".\(name).sitegen-"
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: parent) else { return }
        for entry in entries where entry.hasPrefix(prefix) {
            guard let pid = entry.split(separator: "-").last.flatMap({ Int32($0) }),
                  pid != getpid(), kill(pid, 0) != 0 else { continue }
            try? FileManager.default.removeItem(atPath: "\(parent)/\(entry)")
        }
    }

    /// Creates a folder below the staging folder (its parent must exist).
    func makeFolder(_ relative: String) throws {
        let full = "\(path)/\(relative)"
        if mkdir(full, 0o755) != 0 && errno != EEXIST {
            throw PublishError(path: full, reason: "cannot create folder: \(String(cString: strerror(errno)))")
        }
    }

    /// Writes a file below the staging folder with one open, write and close.
    func write(_ relative: String, _ contents: String) throws {
        let full = "\(path)/\(relative)"
        let descriptor = open(full, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw PublishError(path: full, reason: "cannot write: \(String(cString: strerror(errno)))")
        }
        defer { close(descriptor) }
        var contents = contents
        try contents.withUTF8 { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw PublishError(path: full, reason: "cannot write: \(String(cString: strerror(errno)))")
                }
                offset += written
            }
        }
    }

    /// Copies a file verbatim, creating the folders on its way.
    func copy(_ source: String, to relative: String) throws {
        let destination = URL(fileURLWithPath: "\(path)/\(relative)")
        do {
            try FileManager.default.createDirectory(at: destination.deletingLastPathComponent(),
                                                    withIntermediateDirectories: true)
            try FileManager.default.copyItem(atPath: source, toPath: destination.path)
        } catch {
            throw PublishError(path: source, reason: "cannot copy: \(error.localizedDescription)")
        }
    }

    /// Swaps the staging folder in as the output, then removes the previous output.
    func publish() throws {
        guard FileManager.default.fileExists(atPath: output) else {
            guard rename(path, output) == 0 else {
                throw PublishError(path: output, reason: "cannot publish: \(String(cString: strerror(errno)))")
            }
            return
        }
        if sitegen_exchange_paths(path, output) == 0 {
            try? FileManager.default.removeItem(atPath: path)
            return
        }
        // A file system that cannot exchange: two renames, with a moment between them.
        let old = path.replacingOccurrences(of: "sitegen-staging-", with: "sitegen-old-")
        guard rename(output, old) == 0 else {
            throw PublishError(path: output, reason: "cannot publish: \(String(cString: strerror(errno)))")
        }
        guard rename(path, output) == 0 else {
            let reason = String(cString: strerror(errno))
            _ = rename(old, output)
            throw PublishError(path: output, reason: "cannot publish: \(reason)")
        }
        try? FileManager.default.removeItem(atPath: old)
    }

    /// Removes the staging folder after a failed build.
    func discard() {
        try? FileManager.default.removeItem(atPath: path)
    }
}
