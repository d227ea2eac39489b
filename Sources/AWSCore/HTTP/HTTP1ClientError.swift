/// Why an exchange ended without an answer, beside the errors of SwiftNIO and NIOSSL.
enum HTTP1ClientError: Error, Equatable, CustomStringConvertible {
    /// The deadline passed.
    case timedOut
    /// The connection closed before any of the answer arrived.
    case connectionLost
    /// The connection closed in the middle of the answer.
    case answerCutShort
    /// The answer is not HTTP/1.1 (`HTTP1ResponseParser`; the reason names what, never the bytes).
    case malformedAnswer(String)
    /// The answer's body is larger than `limit` bytes.
    case responseTooLarge(limit: Int)
    /// The proxy refused the tunnel with this status line.
    case proxyRefused(String)
    /// The proxy sent bytes after its answer to `CONNECT`, before the tunnel was used.
    case proxySentUnaskedBytes
    /// The TLS server's certificate does not name the endpoint's host (`ServerIdentity`).
    case certificateNameMismatch(host: String)
    /// The answer uses a transfer coding other than chunked.
    case unsupportedTransferCoding(String)
    /// A request header is not valid HTTP (`HTTP1RequestWriter`'s reason; never the header's value).
    case invalidRequestHeader(String)

    var description: String {
        switch self {
        case .timedOut: "timed out"
        case .connectionLost: "connection lost"
        case .answerCutShort: "connection lost (the answer was cut short)"
        case .malformedAnswer(let reason): "the answer is not HTTP/1.1 (\(reason))"
        case .responseTooLarge(let limit): "the answer is larger than \(limit) bytes"
        case .proxyRefused(let status): "the proxy refused the tunnel (\(status))"
        case .proxySentUnaskedBytes: "the proxy sent bytes after its answer to CONNECT"
        case .certificateNameMismatch(let host): "the server's certificate does not name \(host)"
        case .unsupportedTransferCoding(let coding): "the answer uses the transfer coding '\(coding)', which is not supported"
        case .invalidRequestHeader(let reason):
            "a request header is not valid HTTP (\(reason)): a credential or setting with a line break or control character?"
        }
    }
}
