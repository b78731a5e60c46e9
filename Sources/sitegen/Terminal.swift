import Foundation
import SitegenCore
import Synchronization

/// Output for people: colour only when writing to a terminal, errors to standard error.
struct Terminal: Sendable {
    let colourOut = isatty(STDOUT_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
    let colourErr = isatty(STDERR_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil

    func bold(_ text: String) -> String { colourOut ? "\u{1B}[1m\(text)\u{1B}[0m" : text }
    func red(_ text: String) -> String { colourErr ? "\u{1B}[1;31m\(text)\u{1B}[0m" : text }

    func yellow(_ text: String) -> String { colourErr ? "\u{1B}[1;33m\(text)\u{1B}[0m" : text }

    func error(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    /// `path:line:column: error: message`, the location bold and the severity coloured;
    /// control characters from the content are shown escaped, never sent to the terminal.
    func line(_ diagnostic: Diagnostic) -> String {
        let place = Diagnostic.printable("\(diagnostic.path):\(diagnostic.line):\(diagnostic.column):")
        let severity = diagnostic.severity == .error ? red("error:") : yellow("warning:")
        return "\(colourErr ? "\u{1B}[1m\(place)\u{1B}[0m" : place) \(severity) \(Diagnostic.printable(diagnostic.message))"
    }

    /// Writes a line to standard output at once, unbuffered: a pipe gets it now, not at exit.
    func output(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }
}

/// A progress line on standard error, shown only once a build has taken over a second, and only on a terminal.
final class Progress: Sendable {
    private let state = Mutex<(stage: String, shown: Bool, done: Bool)>(("", false, false))
    private let enabled: Bool

    init(terminal: Terminal) {
        enabled = terminal.colourErr
        guard enabled else { return }
        DispatchQueue.global().asyncAfter(deadline: .now() + 1) { [self] in show() }
    }

    /// Called as each stage starts.
    var stage: @Sendable (String) -> Void {
        { [self] name in
            let visible = state.withLock { current -> Bool in
                current.stage = name
                return current.shown && !current.done
            }
            if visible { draw(name) }
        }
    }

    func finish() {
        let wasShown = state.withLock { current -> Bool in
            current.done = true
            return current.shown
        }
        if wasShown { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }

    private func show() {
        let name = state.withLock { current -> String? in
            guard !current.done else { return nil }
            current.shown = true
            return current.stage
        }
        if let name { draw(name) }
    }

    private func draw(_ name: String) {
        FileHandle.standardError.write(Data("\r\u{1B}[KBuilding… \(name)".utf8))
    }
}
