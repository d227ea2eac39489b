import Foundation
import NIOCore

/// An HTTP proxy as `HTTPS_PROXY` / `HTTP_PROXY` name it: `http://[user:password@]host[:port]`, port 80 by default;
/// a bare `host:port` is read as `http://host:port`. Every connection through it is a `CONNECT` tunnel
/// (`ProxyTunnel`), for `http://` endpoints too, so the proxy never sees a request, only where it goes.
struct ProxyServer: Hashable, Sendable {
    /// The proxy's host.
    var host: String
    /// The proxy's port.
    var port: Int
    /// The `Proxy-Authorization` value (`Basic …`) for a proxy URL with a user name; nil without one.
    var authorization: String?

    /// Reads a proxy URL. Other schemes than `http` are refused: a proxy is spoken to in plain HTTP, so an
    /// `https://` or `socks5://` proxy would be reached with the wrong protocol. So is a path, a query or a fragment:
    /// a proxy URL has none, and an unencoded `#`, `/` or `?` in a password would cut the URL there (write them
    /// `%23`, `%2F`, `%3F`).
    init(parsing text: String) throws(TransportConfigurationError) {
        guard let components = URLComponents(string: text.contains("://") ? text : "http://" + text),
              components.scheme?.lowercased() == "http", let host = components.host, !host.isEmpty,
              URLPort.isValid(in: components), components.percentEncodedPath.isEmpty || components.percentEncodedPath == "/",
              components.percentEncodedQuery == nil, components.percentEncodedFragment == nil else {
            throw TransportConfigurationError.proxyInvalid(ProxySettings.withoutUserInfo(text))
        }
        self.host = host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host  // [::1]
        port = components.port ?? 80
        authorization = components.percentEncodedUser.map { user in
            let password = components.percentEncodedPassword ?? ""
            let credentials = (user.removingPercentEncoding ?? user) + ":" + (password.removingPercentEncoding ?? password)
            return "Basic " + Data(credentials.utf8).base64EncodedString()
        }
    }
}

/// Opens a `CONNECT` tunnel on a fresh connection to a proxy: sends the request for `host:port` and succeeds once the
/// proxy answers 2xx (then removes itself: the channel carries the tunnelled bytes), fails on any other answer or when
/// the connection ends first.
final class ProxyTunnel: ChannelInboundHandler, RemovableChannelHandler, @unchecked Sendable {
    typealias InboundIn = ByteBuffer

    /// Succeeds once the tunnel is open.
    let opened: EventLoopPromise<Void>
    /// The longest answer head read.
    private static let maximumHeadBytes = 16 << 10
    /// What the proxy answered so far.
    private var received = ByteBuffer()
    /// Whether `opened` was completed.
    private var settled = false

    init(opened: EventLoopPromise<Void>) {
        self.opened = opened
    }

    /// The tunnel request: the target in authority form, `Host`, and the proxy's authorization when it has one.
    static func request(host: String, port: Int, proxy: ProxyServer) -> String {
        let authority = (host.contains(":") ? "[\(host)]" : host) + ":\(port)"
        var lines = ["CONNECT \(authority) HTTP/1.1", "Host: \(authority)"]
        if let authorization = proxy.authorization { lines.append("Proxy-Authorization: \(authorization)") }
        return lines.joined(separator: "\r\n") + "\r\n\r\n"
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard !settled else { return }
        var part = unwrapInboundIn(data)
        received.writeBuffer(&part)
        let view = received.readableBytesView
        // The head ends with an empty line: CRLF CRLF, or bare LFs, which HTTP/1.1 lets a recipient accept.
        guard let end = view.firstRange(of: Array("\r\n\r\n".utf8)) ?? view.firstRange(of: Array("\n\n".utf8)) else {
            if received.readableBytes > Self.maximumHeadBytes { refuse("an answer head over 16 KiB", context) }
            return
        }
        let head = String(decoding: view[view.startIndex..<end.lowerBound], as: UTF8.self)
        let statusLine = head.split(separator: "\n", maxSplits: 1).first.map { String($0.hasSuffix("\r") ? $0.dropLast() : $0) } ?? ""
        let fields = statusLine.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: false)
        guard fields.count >= 2, fields[0] == "HTTP/1.1" || fields[0] == "HTTP/1.0", fields[1].utf8.count == 3,
              fields[1].allSatisfy(\.isASCII), fields[1].allSatisfy(\.isNumber), fields[1].first == "2" else {
            refuse(PrintableText.of(statusLine), context)
            return
        }
        // Nothing may come before the client speaks through the tunnel: bytes now would be read as the server's.
        guard end.upperBound == view.endIndex else {
            fail(HTTP1ClientError.proxySentUnaskedBytes, context)
            return
        }
        context.pipeline.syncOperations.removeHandler(self, promise: nil)
        settled = true
        opened.succeed()
    }

    func channelInactive(context: ChannelHandlerContext) {
        fail(HTTP1ClientError.connectionLost, context)
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        fail(error, context)
    }

    private func refuse(_ status: String, _ context: ChannelHandlerContext) {
        fail(HTTP1ClientError.proxyRefused(status), context)
    }

    private func fail(_ error: any Error, _ context: ChannelHandlerContext) {
        guard !settled else { return }
        settled = true
        opened.fail(error)
        context.close(promise: nil)
    }
}
