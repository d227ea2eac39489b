import Foundation
import Synchronization
import TestSupport
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A minimal HTTP/1.1 server on 127.0.0.1 for transport tests: answers every request with one canned response and
/// records the raw requests it read and how many connections it accepted. It closes each connection after its first
/// answer, or, with `keepAlive`, keeps answering requests on it until the client closes it.
final class LoopbackHTTPServer: Sendable {
    /// Why the server could not start.
    struct StartError: Error {
        /// The failing call.
        var call: String
    }

    /// The port the kernel chose.
    let port: UInt16
    /// The listening socket.
    private let listener: Int32
    /// The raw response bytes sent to every client.
    private let response: Data
    /// Whether a connection serves further requests after its first.
    private let keepAlive: Bool
    /// How long each answer waits after its request was read.
    private let delay: Duration
    /// Bytes sent unasked after each answer, and how long after it.
    private let unasked: (bytes: Data, after: Duration)?
    /// Without `keepAlive`: how long after its answer a connection is closed.
    private let closeDelay: Duration
    /// Raw requests read so far.
    private let received = Mutex<[Data]>([])
    /// Connections accepted so far.
    private let accepted = Mutex(0)
    /// Connections closed so far.
    private let closedCount = Mutex(0)
    /// Unasked answers written so far.
    private let unaskedCount = Mutex(0)

    /// Raw requests read so far.
    var requests: [Data] { received.withLock { $0 } }
    /// Connections accepted so far.
    var connections: Int { accepted.withLock { $0 } }
    /// Connections the server has closed so far.
    var closedConnections: Int { closedCount.withLock { $0 } }
    /// Unasked answers written so far (`unasked`).
    var unaskedSent: Int { unaskedCount.withLock { $0 } }

    /// Listens on 127.0.0.1 and an ephemeral port, and starts answering with `response` (which must carry a
    /// `Content-Length` when `keepAlive`), each answer `delay` after its request.
    /// `unasked` bytes follow each answer after their delay, as a misbehaving server's late or stray answer would.
    /// Without `keepAlive`, a connection is closed `closeDelay` after its answer.
    init(response: String, keepAlive: Bool = false, delay: Duration = .zero,
         unasked: (bytes: String, after: Duration)? = nil, closeDelay: Duration = .zero) throws {
        self.closeDelay = closeDelay
        self.response = Data(response.utf8)
        self.keepAlive = keepAlive
        self.delay = delay
        self.unasked = unasked.map { (Data($0.bytes.utf8), $0.after) }
        listener = try Self.listen()
        port = try Self.boundPort(listener)
        Thread { [self] in self.acceptLoop() }.start()
    }

    /// Stops accepting connections.
    func stop() {
        shutdown(listener, Int32(SHUT_RDWR))
        close(listener)
    }

    /// A loopback port where nothing listens, from `LoopbackPorts.unserved`: a port the kernel picked (port 0) and
    /// released could be given to another test's listener before the caller connects.
    static func closedPort() throws -> UInt16 {
        guard let port = LoopbackPorts.free(in: LoopbackPorts.unserved) else { throw StartError(call: "bind") }
        return UInt16(port)
    }

    /// Accepts connections until the listener is shut down.
    private func acceptLoop() {
        while true {
            let client = accept(listener, nil, nil)
            guard client >= 0 else { return }
            accepted.withLock { $0 += 1 }
            if keepAlive {
                Thread { [self] in self.serve(client) }.start()
            } else {
                serve(client)
            }
        }
    }

    /// Answers the requests of one connection: its first only, or with `keepAlive` each until the client closes it.
    private func serve(_ client: Int32) {
        defer {
            close(client)
            closedCount.withLock { $0 += 1 }
        }
        repeat {
            let request = Self.readRequest(client)
            guard !request.isEmpty else { return }
            received.withLock { $0.append(request) }
            if delay > .zero { Self.sleep(delay) }
            response.withUnsafeBytes { bytes in
                _ = write(client, bytes.baseAddress, bytes.count)
            }
            if let unasked {
                Self.sleep(unasked.after)
                unasked.bytes.withUnsafeBytes { bytes in
                    _ = write(client, bytes.baseAddress, bytes.count)
                }
                unaskedCount.withLock { $0 += 1 }
            }
        } while keepAlive
        if closeDelay > .zero { Self.sleep(closeDelay) }
    }

    private static func sleep(_ duration: Duration) {
        Thread.sleep(forTimeInterval: Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18)
    }

    /// Reads the head and, per `Content-Length`, the body of one request.
    private static func readRequest(_ client: Int32) -> Data {
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 4096)
        let separator = Data("\r\n\r\n".utf8)
        while true {
            if let end = data.range(of: separator) {
                let head = String(decoding: data[..<end.lowerBound], as: UTF8.self).lowercased()
                let length = head.split(separator: "\r\n")
                    .first { $0.hasPrefix("content-length:") }
                    .flatMap { Int($0.dropFirst("content-length:".count).trimmingCharacters(in: .whitespaces)) } ?? 0
                if data.count - end.upperBound >= length { return data }
            }
            let count = read(client, &buffer, buffer.count)
            guard count > 0 else { return data }
            data.append(contentsOf: buffer[0..<count])
        }
    }

    /// A listening socket on 127.0.0.1 that never accepts: connections complete (the kernel queues them) and
    /// requests are taken in, but no answer ever comes. Returns the socket (close it when done) and its port.
    static func silentListener() throws -> (socket: Int32, port: UInt16) {
        let socket = try listen()
        return (socket, try boundPort(socket))
    }

    /// A listening TCP socket on 127.0.0.1, port chosen by the kernel.
    private static func listen() throws -> Int32 {
        #if canImport(Glibc)
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
        let socket = Darwin.socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard socket >= 0 else { throw StartError(call: "socket") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        #if canImport(Glibc)
        let listening = Glibc.listen(socket, 16)
        #else
        let listening = Darwin.listen(socket, 16)
        #endif
        guard bound == 0, listening == 0 else {
            close(socket)
            throw StartError(call: "bind/listen")
        }
        return socket
    }

    /// The port `socket` is bound to.
    private static func boundPort(_ socket: Int32) throws -> UInt16 {
        var address = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let result = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(socket, $0, &length) }
        }
        guard result == 0 else { throw StartError(call: "getsockname") }
        return UInt16(bigEndian: address.sin_port)
    }
}
