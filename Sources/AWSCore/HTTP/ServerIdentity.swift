import NIOCore
import NIOSSL
import NIOTLS
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Whether a TLS server's certificate names the endpoint asked for: smsauth's check, on top of NIOSSL's verification
/// (the chain and the dates; NIOSSL's own name check is off, see `HTTP1ConnectionPool.tlsConfiguration`). A host name
/// must be one of the certificate's DNS names, where `*.` stands for exactly one leftmost label under at least two
/// others; an IP address must be one of its IP addresses. A certificate without subject alternative names names
/// nothing.
enum ServerIdentity {
    /// One subject alternative name.
    enum Name: Equatable {
        case dns(String)
        case ip([UInt8])
    }

    /// The DNS names and IP addresses of `certificate`.
    static func names(of certificate: NIOSSLCertificate) -> [Name] {
        certificate._subjectAlternativeNames().compactMap { name in
            switch name.nameType {
            case .dnsName: .dns(String(decoding: Array(name.contents), as: UTF8.self))
            case .ipAddress: .ip(Array(name.contents))
            default: nil
            }
        }
    }

    /// Whether `names` name `host` (a host name, or an IP address without brackets).
    static func matches(host: String, names: [Name]) -> Bool {
        if let address = addressBytes(host) { return names.contains(.ip(address)) }
        let wanted = normalized(host)
        return names.contains { name in
            guard case .dns(let dns) = name else { return false }
            let pattern = normalized(dns)
            if pattern == wanted { return true }
            // A wildcard stands for one label under at least two others: `*.com` names nothing.
            guard pattern.hasPrefix("*."), !pattern.dropFirst(2).contains("*"),
                  pattern.dropFirst(2).contains(".") else { return false }
            let suffix = pattern.dropFirst(1)  // ".example.com"
            guard wanted.hasSuffix(suffix) else { return false }
            let label = wanted.dropLast(suffix.count)
            return !label.isEmpty && !label.contains(".")
        }
    }

    /// Lower case, without a trailing dot.
    private static func normalized(_ name: String) -> String {
        let lower = name.lowercased()
        return lower.hasSuffix(".") ? String(lower.dropLast()) : lower
    }

    /// The bytes of an IPv4 or IPv6 address written as text; nil for a host name.
    static func addressBytes(_ text: String) -> [UInt8]? {
        var v4 = in_addr()
        if inet_pton(AF_INET, text, &v4) == 1 { return withUnsafeBytes(of: &v4) { Array($0) } }
        var v6 = in6_addr()
        if inet_pton(AF_INET6, text, &v6) == 1 { return withUnsafeBytes(of: &v6) { Array($0) } }
        return nil
    }
}

/// Waits for a new connection's TLS handshake, then checks the server's identity (`ServerIdentity`) before any request
/// is written on the connection: `checked` succeeds, or fails with `HTTP1ClientError.certificateNameMismatch` (the
/// connection closed). Sits after NIOSSL's handler; the pool removes it once `checked` has succeeded.
final class TLSIdentityCheck: ChannelInboundHandler, RemovableChannelHandler, @unchecked Sendable {
    typealias InboundIn = ByteBuffer

    /// The endpoint's host.
    let host: String
    /// Completed once.
    let checked: EventLoopPromise<Void>
    private var settled = false

    init(host: String, checked: EventLoopPromise<Void>) {
        self.host = host
        self.checked = checked
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if !settled, let event = event as? TLSUserEvent, case .handshakeCompleted = event {
            let certificate = try? context.pipeline.syncOperations.handler(type: NIOSSLClientHandler.self).peerCertificate
            if let certificate, ServerIdentity.matches(host: host, names: ServerIdentity.names(of: certificate)) {
                settled = true
                checked.succeed()
            } else {
                fail(HTTP1ClientError.certificateNameMismatch(host: host), context)
            }
        }
        context.fireUserInboundEventTriggered(event)
    }

    func channelInactive(context: ChannelHandlerContext) {
        fail(HTTP1ClientError.connectionLost, context)
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        fail(error, context)
    }

    private func fail(_ error: any Error, _ context: ChannelHandlerContext) {
        guard !settled else { return }
        settled = true
        checked.fail(error)
        context.close(promise: nil)
    }
}
