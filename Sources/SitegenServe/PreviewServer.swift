import FlyingFox
import FlyingSocks
import Foundation
import SitegenCore

/// `sitegen serve`: builds the content into a private folder, serves it on 127.0.0.1,
/// rebuilds when a content file changes and tells open pages to reload.
///
/// A build with errors keeps the last good site on screen, with the errors laid over it;
/// the reload script and that overlay exist only here, never in published files.
public actor PreviewServer {
    private let content: String
    private let requestedPort: UInt16
    private let build: @Sendable (BuildOptions) throws -> BuildSummary
    private let log: @Sendable (String) -> Void
    private let folder: URL
    private let state = PreviewState()
    private var server: HTTPServer?
    private var front: RequestGuard?
    private var tasks: [Task<Void, Never>] = []
    /// The site folders made so far, and those a build is writing into: two builds never share one.
    private var sites: [String] = []
    private var busy: Set<String> = []
    /// The folder of the last good build, the one the next build updates when it is free.
    private var served: String?
    /// How many builds have started, and which of them showed its outcome last.
    private var started = 0
    private var shown = 0
    private var stopped = false

    /// - Parameters:
    ///   - port: the port to listen on; 0 picks a free one.
    ///   - log: told what happens, one line at a time (builds, errors).
    public init(content: String, port: UInt16, log: @escaping @Sendable (String) -> Void) {
        self.init(content: content, port: port, build: SiteBuilder.build, log: log)
    }

    /// `build` runs one build; tests pass a slow one.
    init(content: String, port: UInt16, build: @escaping @Sendable (BuildOptions) throws -> BuildSummary,
         log: @escaping @Sendable (String) -> Void) {
        self.content = content
        self.requestedPort = port
        self.build = build
        self.log = log
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("sitegen-serve-\(UUID().uuidString)")
    }

    /// Builds once, starts listening and watching; returns the port.
    public func start() async throws -> UInt16 {
        let watcher = ContentWatcher(folder: content)
        let before = watcher.stamp()
        await rebuild()
        let server = HTTPServer(address: try sockaddr_in.inet(ip4: "127.0.0.1", port: 0),
                                logger: .disabled, handler: PreviewHandler(state: state))
        self.server = server
        tasks.append(Task { try? await server.run() })
        try await server.waitUntilListening(timeout: 10)
        guard case let .ip4(_, backend)? = await server.listeningAddress else {
            throw CocoaError(.featureUnsupported)
        }
        let front = try RequestGuard(port: requestedPort, backend: backend)
        self.front = front
        let port = front.port
        await state.listening(on: port)
        tasks.append(Task { [weak self] in
            var stamp = before
            while !Task.isCancelled {
                try? await Task.sleep(for: .milliseconds(250))
                let now = watcher.stamp()
                if now != stamp {
                    stamp = now
                    await self?.startRebuild()
                }
            }
        })
        return port
    }

    /// Stops listening and watching, closes reload connections and removes the private folder
    /// (a build still running removes it again when it ends).
    public func stop() async {
        stopped = true
        for task in tasks { task.cancel() }
        tasks = []
        front?.stop()
        front = nil
        await state.closeAll()
        await server?.stop(timeout: 1)
        server = nil
        try? FileManager.default.removeItem(at: folder)
    }

    /// Starts a build without waiting for it, so a slow one (a YAML bomb) never stops the polling.
    private func startRebuild() {
        Task { await self.rebuild() }
    }

    /// Builds into a free site folder, the last good one if it is free, and shows the outcome unless
    /// a build started later has shown its own already. A change saved while a build runs thus gets
    /// a build at once, in another folder, instead of waiting for one that may never end.
    private func rebuild() async {
        started += 1
        let generation = started
        let site = ([served].compactMap { $0 } + sites).first { !busy.contains($0) } ?? newSite()
        busy.insert(site)
        let (content, build) = (self.content, self.build)
        let outcome: Result<BuildSummary, Error> = await withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(returning: Result {
                    try build(BuildOptions(content: content, output: site, includeDrafts: true))
                })
            }
        }
        busy.remove(site)
        guard !stopped else {
            try? FileManager.default.removeItem(at: folder)
            return
        }
        guard generation > shown else { return }
        shown = generation
        switch outcome {
        case .success(let summary):
            served = site
            log("Rebuilt \(summary.pages) pages in " + String(format: "%.2f s", summary.seconds))
            await state.finished(site: site, problems: [])
        case .failure(let errors as ContentErrors):
            for diagnostic in errors.diagnostics { log(diagnostic.description) }
            let count = errors.diagnostics.count
            let showing = served == nil ? "every page shows them" : "still showing the last good site"
            log("\(count) \(count == 1 ? "error" : "errors"): \(showing)")
            await state.finished(site: nil, problems: errors.diagnostics)
        case .failure(let error):
            log(Diagnostic.printable("error: \(error)"))
            await state.finished(site: nil, problems: [Diagnostic(path: site, line: 1, message: "\(error)")])
        }
    }

    private func newSite() -> String {
        let site = folder.appendingPathComponent("site-\(sites.count + 1)").path
        sites.append(site)
        return site
    }
}

/// What the open pages need to know: the folder of the last good build (nil until one succeeds),
/// the latest problems, and who to tell about a rebuild.
actor PreviewState {
    private(set) var site: String?
    /// The port the server listens on, part of the only addresses it answers.
    private(set) var port: UInt16 = 0
    private(set) var problems: [Diagnostic] = []
    private var listeners: [UUID: AsyncStream<WSMessage>.Continuation] = [:]

    func listening(on port: UInt16) { self.port = port }

    /// Records a build's outcome: `site` is its folder if it succeeded, nil to keep the last good one.
    func finished(site: String?, problems: [Diagnostic]) {
        if let site { self.site = site }
        self.problems = problems
        for listener in listeners.values { listener.yield(.text("reload")) }
    }

    func listen() -> AsyncStream<WSMessage> {
        let id = UUID()
        let (stream, continuation) = AsyncStream<WSMessage>.makeStream()
        continuation.onTermination = { [weak self] _ in Task { await self?.forget(id) } }
        listeners[id] = continuation
        return stream
    }

    func closeAll() {
        for listener in listeners.values { listener.finish() }
        listeners = [:]
    }

    private func forget(_ id: UUID) { listeners[id] = nil }
}

/// Notices changes below a folder by the names, sizes and modification times of its files.
struct ContentWatcher: Sendable {
    let folder: String

    func stamp() -> [String: [Double]] {
        var stamp: [String: [Double]] = [:]
        let walker = FileManager.default.enumerator(atPath: folder)
        while let path = walker?.nextObject() as? String {
            guard let attributes = try? FileManager.default.attributesOfItem(atPath: "\(folder)/\(path)") else { continue }
            let size = (attributes[.size] as? NSNumber)?.doubleValue ?? 0
            let modified = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
            stamp[path] = [size, modified]
        }
        return stamp
    }
}
