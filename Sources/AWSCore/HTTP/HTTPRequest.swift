import Foundation

/// One HTTP header as sent on the wire. Kept as an ordered list (not a dictionary) because SigV4 must see
/// repeated header names and the original value text.
public struct HTTPHeader: Sendable, Equatable {
    /// Header name as given (case preserved; comparisons are case-insensitive).
    public var name: String
    /// Header value as given.
    public var value: String

    /// Creates a header.
    public init(_ name: String, _ value: String) {
        self.name = name
        self.value = value
    }

    /// Whether this header is called `name`. Header names are ASCII tokens (RFC 9110, section 5.1), compared
    /// ignoring ASCII case; other bytes must be equal.
    public func isNamed(_ name: String) -> Bool {
        var mine = self.name
        var theirs = name
        guard mine.utf8.count == theirs.utf8.count else { return false }
        // Over the two strings' UTF-8 buffers (a `zip` of their views was a measurable share of reading an answer).
        return mine.withUTF8 { mine in
            theirs.withUTF8 { theirs in
                for index in mine.indices where Self.asciiLowercase(mine[index]) != Self.asciiLowercase(theirs[index]) {
                    return false
                }
                return true
            }
        }
    }

    /// `byte` with A–Z mapped to a–z.
    static func asciiLowercase(_ byte: UInt8) -> UInt8 {
        (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) ? byte | 0x20 : byte
    }
}

/// An HTTP request addressed to an AWS endpoint, before or after signing.
public struct HTTPRequest: Sendable, Equatable {
    /// Method, upper case (`GET`, `POST`).
    public var method: String
    /// Absolute URL: scheme, host, optional port, percent-encoded path and query.
    public var url: URL
    /// Headers in order; `Host` is derived from `url` when signing if absent.
    public var headers: [HTTPHeader]
    /// Request body (empty for none).
    public var body: Data
    /// The AWS operation called, set by `AWSClient` for every request it builds; nil for requests no AWS operation
    /// makes (the credential chain's metadata endpoints). Never sent: transports read it, e.g. to rate-limit by it.
    public var operation: AWSOperation?

    /// Creates a request.
    public init(method: String, url: URL, headers: [HTTPHeader] = [], body: Data = Data(),
                operation: AWSOperation? = nil) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
        self.operation = operation
    }

    /// The first value of header `name` (case-insensitive), if any.
    public func header(_ name: String) -> String? {
        headers.first { $0.isNamed(name) }?.value
    }

    /// Replaces every header called `name` (case-insensitive) with one header of that value.
    public mutating func setHeader(_ name: String, _ value: String) {
        headers.removeAll { $0.isNamed(name) }
        headers.append(HTTPHeader(name, value))
    }
}

/// An HTTP response as received.
public struct HTTPResponse: Sendable, Equatable {
    /// Status code.
    public var status: Int
    /// Response headers; names are matched case-insensitively by `header(_:)`.
    public var headers: [HTTPHeader]
    /// Response body.
    public var body: Data

    /// Creates a response.
    public init(status: Int, headers: [HTTPHeader] = [], body: Data = Data()) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// The first value of header `name` (case-insensitive), if any.
    public func header(_ name: String) -> String? {
        headers.first { $0.isNamed(name) }?.value
    }
}

/// Sends HTTP requests. `HTTP1Transport` is used in production; tests also use recording fakes.
public protocol HTTPTransport: Sendable {
    /// Sends `request` and returns the response, or throws `TransportError` when no response arrived.
    func send(_ request: HTTPRequest, timeout: Duration) async throws -> HTTPResponse
}

/// A failure to get any HTTP response (connection refused, timeout, DNS, TLS), and which kind of failure it is.
public struct TransportError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What kind of failure it is: whether trying again may mend it, and the code it is reported with.
    public enum Failure: String, Sendable, Equatable, CaseIterable {
        /// No answer (refused, lost, timed out, host not found, a handshake that failed): the network or the server
        /// may come back.
        case unreachable
        /// The server's TLS is refused: its certificate is not trusted or does not name the host, or it does not
        /// speak TLS.
        case tlsRejected
        /// The proxy refused the credentials of the proxy URL (407).
        case proxyAuthentication
        /// The answer cannot be read: larger than the client reads, or in a transfer coding it does not support.
        case answerUnsupported
        /// The request cannot be sent: a header that is not valid HTTP.
        case requestInvalid
        /// The URL cannot be used: not `http://` or `https://` with a host, a port out of range, or a proxy URL
        /// that is not valid.
        case urlInvalid
    }

    /// The URL that could not be reached.
    public var url: String
    /// What the transport said.
    public var reason: String
    /// What kind of failure it is.
    public var failure: Failure

    /// Creates a transport error.
    public init(url: String, reason: String, failure: Failure = .unreachable) {
        self.url = url
        self.reason = reason
        self.failure = failure
    }

    /// `transport.<failure>`, e.g. `transport.unreachable`, `transport.tlsRejected`.
    public var code: String { "transport.\(failure.rawValue)" }

    /// Whether trying again cannot mend it: every failure but `unreachable` (a certificate, a proxy password, an
    /// answer or a URL stays as it is).
    public var isPermanent: Bool { failure != .unreachable }

    /// Human-readable description.
    public var description: String { "cannot reach \(url): \(reason)" }

    /// Scheme, host, port and path of `url` only (no user info or query), as errors show it.
    public static func describe(_ url: URL) -> String {
        guard var components = URLComponents(url: url, resolvingAgainstBaseURL: false) else { return "<url>" }
        components.user = nil
        components.password = nil
        components.query = nil
        return components.string ?? "<url>"
    }
}
