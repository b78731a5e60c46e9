import Foundation
#if canImport(Glibc)
import Glibc

private let streamSocket = Int32(SOCK_STREAM.rawValue)
private let noSignal = Int32(MSG_NOSIGNAL)
#elseif canImport(Darwin)
import Darwin

private let streamSocket = SOCK_STREAM
/// Darwin has no MSG_NOSIGNAL; SO_NOSIGPIPE is set on each socket instead.
private let noSignal: Int32 = 0
#endif

/// The preview's front door on 127.0.0.1: reads each connection's request head itself,
/// linearly and bounded, refuses one that is too long (414 for the request line, 431 for the
/// headers) before any of it reaches the HTTP server, and otherwise passes the connection
/// through to the server's private port, one request a connection (`Connection: close`)
/// so that every request is read here first. WebSocket upgrades pass through untouched.
///
/// FlyingFox reads a request line in time that grows with the square of its length (a
/// 100 KB path cost seconds of CPU) and has no limit of its own; this keeps it from ever
/// seeing a long one.
final class RequestGuard: @unchecked Sendable {
    /// The longest request line passed on: the method, a target of `PreviewHandler.longestTarget`, the version.
    static let longestRequestLine = PreviewHandler.longestTarget + 32
    /// The most header bytes passed on.
    static let longestHead = 16 * 1024

    private let listener: Int32
    private let backend: UInt16
    /// The port it listens on.
    let port: UInt16

    /// Listens on 127.0.0.1:`port` (0: a free one) and passes connections to 127.0.0.1:`backend`.
    init(port: UInt16, backend: UInt16) throws {
        self.backend = backend
        let listener = socket(AF_INET, streamSocket, 0)
        guard listener >= 0 else { throw POSIXError(.init(rawValue: errno) ?? .EIO) }
        var yes: Int32 = 1
        setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = Self.loopback(port)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(listener, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(listener, 64) == 0 else {
            let code = errno
            close(listener)
            throw POSIXError(.init(rawValue: code) ?? .EADDRINUSE)
        }
        var actual = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &actual) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(listener, $0, &length) }
        }
        self.listener = listener
        self.port = UInt16(bigEndian: actual.sin_port)
        Thread.detachNewThread { [self] in acceptLoop() }
    }

    /// Stops accepting connections.
    func stop() {
        shutdown(listener, Int32(SHUT_RDWR))
        close(listener)
    }

    private static func loopback(_ port: UInt16) -> sockaddr_in {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        return address
    }

    private func acceptLoop() {
        while true {
            let client = accept(listener, nil, nil)
            if client < 0 {
                if errno == EINTR { continue }
                return
            }
            #if canImport(Darwin)
            var one: Int32 = 1
            setsockopt(client, SOL_SOCKET, SO_NOSIGPIPE, &one, socklen_t(MemoryLayout<Int32>.size))
            #endif
            Thread.detachNewThread { [self] in serve(client) }
        }
    }

    /// Reads the request head, refuses it or passes the connection on.
    private func serve(_ client: Int32) {
        var head: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        var headEnd: Int?
        while headEnd == nil {
            let count = read(client, &buffer, buffer.count)
            guard count > 0 else {
                close(client)
                return
            }
            let searchFrom = max(0, head.count - 3)
            head += buffer[0..<count]
            headEnd = head[searchFrom...].firstRange(of: [13, 10, 13, 10])?.upperBound
            let lineEnd = head.firstRange(of: [13, 10])?.lowerBound
            if (lineEnd ?? head.count) > Self.longestRequestLine { return refuse(client, "414 URI Too Long") }
            if (headEnd ?? head.count) > Self.longestHead { return refuse(client, "431 Request Header Fields Too Large") }
        }
        guard let headEnd else {
            close(client)
            return
        }
        let server = socket(AF_INET, streamSocket, 0)
        var address = Self.loopback(backend)
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(server, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard server >= 0, connected == 0 else {
            if server >= 0 { close(server) }
            return refuse(client, "502 Bad Gateway")
        }
        guard writeAll(server, Self.oneRequestOnly(Array(head[..<headEnd])) + head[headEnd...]) else {
            close(server)
            close(client)
            return
        }
        let answered = DispatchSemaphore(value: 0)
        Thread.detachNewThread { [self] in
            pump(from: server, to: client)
            // The server has finished: end the client's connection too, which also ends the other pump.
            shutdown(client, Int32(SHUT_RDWR))
            answered.signal()
        }
        pump(from: client, to: server)
        shutdown(server, Int32(SHUT_WR))
        answered.wait()
        close(server)
        close(client)
    }

    /// The head with `Connection: close`, unless it asks for a WebSocket.
    private static func oneRequestOnly(_ head: [UInt8]) -> [UInt8] {
        let text = String(decoding: head, as: UTF8.self)
        var lines = text.components(separatedBy: "\r\n")
        guard !lines.contains(where: { $0.lowercased().hasPrefix("upgrade:") }) else { return head }
        lines.removeAll { $0.lowercased().hasPrefix("connection:") }
        lines.insert("Connection: close", at: 1)
        return Array(lines.joined(separator: "\r\n").utf8)
    }

    private func refuse(_ client: Int32, _ status: String) {
        _ = writeAll(client, Array("HTTP/1.1 \(status)\r\nContent-Length: 0\r\nConnection: close\r\n\r\n".utf8))
        shutdown(client, Int32(SHUT_WR))
        close(client)
    }

    /// Copies bytes until `source` ends or `destination` refuses them; closes nothing, so that
    /// no descriptor is closed while the other direction's thread may still use it.
    private func pump(from source: Int32, to destination: Int32) {
        var buffer = [UInt8](repeating: 0, count: 16 * 1024)
        while true {
            let count = read(source, &buffer, buffer.count)
            if count < 0 && errno == EINTR { continue }
            guard count > 0, writeAll(destination, Array(buffer[0..<count])) else { return }
        }
    }

    private func writeAll(_ descriptor: Int32, _ bytes: [UInt8]) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { send(descriptor, $0.baseAddress, $0.count, noSignal) }
            if written < 0 && errno == EINTR { continue }
            guard written > 0 else { return false }
            offset += written
        }
        return true
    }
}
