#if canImport(Glibc)
import Glibc
#endif

/// The loopback port ranges the tests draw from, apart so that one test's port cannot be taken by another's.
///
/// Both lie below Linux's ephemeral range (32768-60999): a port the kernel picks (port 0) can, once closed, become
/// the local port of another test's outgoing connection. `scripts/free_port.py` draws from `emulators` too.
public enum LoopbackPorts {
    /// Where an emulator (or another server a test starts) is given a free port: `EmulatorProcess.start()`,
    /// `scripts/free_port.py`.
    public static let emulators = 20_000..<32_000
    /// Where a test needs a port on which nothing listens (`LoopbackHTTPServer.closedPort()`, the proxy test), or
    /// holds a port, lets it go and expects it to be free again a moment later. No server is started on these, so no
    /// other test can take such a port in between.
    public static let unserved = 10_000..<20_000

    /// A port of `range` on 127.0.0.1 that was free a moment ago (bound, then closed); nil when 100 tries found none.
    public static func free(in range: Range<Int>) -> Int? {
        (0..<100).lazy.map { _ in Int.random(in: range) }.first(where: canBind)
    }

    /// Whether a socket could bind `port` on 127.0.0.1 just now (it is closed again).
    private static func canBind(_ port: Int) -> Bool {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { return false }
        defer { close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = UInt16(port).bigEndian
        let length = socklen_t(MemoryLayout<sockaddr_in>.size)
        return withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(socket, $0, length) == 0 }
        }
    }
}
