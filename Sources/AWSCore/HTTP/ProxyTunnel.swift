import Foundation
import NIOCore

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
        let authority = HostText.bracketed(host) + ":\(port)"
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
