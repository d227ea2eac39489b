import Foundation
import Testing
@testable import AWSCore

/// Tests of HTTP1Transport against a loopback server.
@Suite struct HTTP1TransportTests {
    /// Sends headers and body and reads the response.
    @Test func sendsHeadersAndBodyAndReadsTheResponse() async throws {
        let body = #"{"UserPool":{"Id":"eu-west-1_abc"}}"#
        let server = try LoopbackHTTPServer(response: "HTTP/1.1 200 OK\r\nContent-Type: application/x-amz-json-1.1\r\n"
            + "x-amzn-RequestId: req-42\r\nContent-Length: \(body.utf8.count)\r\nConnection: close\r\n\r\n\(body)")
        defer { server.stop() }
        let url = try #require(URL(string: "http://127.0.0.1:\(server.port)/"))
        let request = HTTPRequest(method: "POST", url: url, headers: [
            HTTPHeader("Host", "127.0.0.1:\(server.port)"),
            HTTPHeader("Content-Type", "application/x-amz-json-1.1"),
            HTTPHeader("X-Amz-Target", "AWSCognitoIdentityProviderService.DescribeUserPool"),
            HTTPHeader("Authorization", "AWS4-HMAC-SHA256 Credential=AKIDTEST/20240101/eu-west-1/cognito-idp/aws4_request"),
        ], body: Data(#"{"UserPoolId":"eu-west-1_abc"}"#.utf8))

        let response = try await HTTP1Transport().send(request, timeout: .seconds(10))

        #expect(response.status == 200)
        #expect(response.header("X-Amzn-RequestId") == "req-42")
        #expect(String(decoding: response.body, as: UTF8.self) == body)
        let raw = String(decoding: try #require(server.requests.first), as: UTF8.self)
        let head = raw.components(separatedBy: "\r\n\r\n").first ?? ""
        let lines = head.components(separatedBy: "\r\n")
        #expect(lines.first == "POST / HTTP/1.1")
        #expect(lines.contains("X-Amz-Target: AWSCognitoIdentityProviderService.DescribeUserPool"))
        #expect(lines.filter { $0.lowercased().hasPrefix("host:") } == ["Host: 127.0.0.1:\(server.port)"])
        #expect(!lines.contains { $0.lowercased().hasPrefix("cookie:") })
        #expect(raw.hasSuffix(#"{"UserPoolId":"eu-west-1_abc"}"#))
    }

    /// An answer in a transfer coding other than chunked is refused, not read as its body, and not tried again.
    @Test func anotherTransferCodingIsRefused() async throws {
        let server = try LoopbackHTTPServer(response: "HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip\r\n\r\n{\"a\":1}")
        defer { server.stop() }
        let url = try #require(URL(string: "http://127.0.0.1:\(server.port)/"))
        let error = await #expect(throws: TransportError.self) {
            try await HTTP1Transport().send(HTTPRequest(method: "POST", url: url), timeout: .seconds(10))
        }
        #expect(error?.reason == "the answer uses the transfer coding 'gzip', which is not supported")
        #expect(error?.code == "transport.answerUnsupported")
    }

    /// A proxy that never answers `CONNECT` fails the request at its timeout and has its connection closed (it used to
    /// stay open, one more for every attempt); refusals name the proxy's status line as it may be shown, and bytes the
    /// proxy sends after its 200 are refused rather than read as the server's.
    @Test func proxyTunnelsAreBoundedAndCheckedAnswers() async throws {
        let (socket, port) = try LoopbackHTTPServer.silentListener()
        defer { close(socket) }
        let silent = try HTTP1Transport(proxies: ProxySettings(environment: ["HTTP_PROXY": "http://127.0.0.1:\(port)"]),
                                        caBundle: nil)
        let url = try #require(URL(string: "http://sts.example.invalid/"))
        let error = await #expect(throws: TransportError.self) {
            try await silent.send(HTTPRequest(method: "POST", url: url), timeout: .milliseconds(300))
        }
        #expect(error?.reason.hasPrefix("timed out after 0.3s through proxy http://127.0.0.1:\(port)") == true, "\(error?.reason ?? "")")
        let client = accept(socket, nil, nil)
        defer { close(client) }
        var buffer = [UInt8](repeating: 0, count: 4096)
        #expect(read(client, &buffer, buffer.count) > 0, "the CONNECT was sent")
        var pending = pollfd(fd: client, events: Int16(POLLIN), revents: 0)
        #expect(poll(&pending, 1, 2000) == 1 && read(client, &buffer, buffer.count) == 0, "then the connection was closed")

        for (answer, reason, failure) in [
            ("HTTP/1.1 403 \u{1B}[31mNo\u{1B}[0m\r\n\r\n", "the proxy refused the tunnel (HTTP/1.1 403 [31mNo[0m)",
             TransportError.Failure.unreachable),
            ("HTTP/1.1 +200 OK\r\n\r\n", "the proxy refused the tunnel (HTTP/1.1 +200 OK)", .unreachable),
            ("HTTP/1.1 407 Proxy Authentication Required\n\n", "the proxy refused the tunnel (HTTP/1.1 407 Proxy Authentication "
                + "Required); check the user name and password of the proxy URL", .proxyAuthentication),
            ("HTTP/1.1 200 OK\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n", "the proxy sent bytes after its answer to CONNECT",
             .unreachable),
        ] {
            let proxy = try LoopbackHTTPServer(response: answer)
            defer { proxy.stop() }
            let transport = try HTTP1Transport(
                proxies: ProxySettings(environment: ["HTTP_PROXY": "http://127.0.0.1:\(proxy.port)"]), caBundle: nil)
            let refused = await #expect(throws: TransportError.self) {
                try await transport.send(HTTPRequest(method: "POST", url: url), timeout: .seconds(10))
            }
            #expect(refused?.reason == reason + " through proxy http://127.0.0.1:\(proxy.port)")
            #expect(refused?.failure == failure)
        }
    }

    /// A task cancelled before it calls sends nothing; a header value with a line break is refused before anything
    /// is sent, as the request's fault (not retried), without showing the value.
    @Test func nothingLeavesForACancelledTaskOrAnInvalidHeader() async throws {
        let server = try LoopbackHTTPServer(response: "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok", keepAlive: true)
        defer { server.stop() }
        let url = try #require(URL(string: "http://127.0.0.1:\(server.port)/"))
        let transport = HTTP1Transport()
        let cancelled = Task {
            withUnsafeCurrentTask { $0?.cancel() }
            return try await transport.send(HTTPRequest(method: "POST", url: url), timeout: .seconds(10))
        }
        await #expect(throws: CancellationError.self) { try await cancelled.value }
        let injected = HTTPRequest(method: "POST", url: url, headers: [HTTPHeader("X-Amz-Security-Token", "token\nX-Evil: 1")])
        let error = await #expect(throws: TransportError.self) {
            try await transport.send(injected, timeout: .seconds(10))
        }
        #expect(error?.code == "transport.requestInvalid")
        #expect(error?.reason.hasPrefix("a request header is not valid HTTP") == true, "\(error?.reason ?? "")")
        #expect(error?.reason.contains("token") == false)
        try await Task.sleep(for: .milliseconds(100))
        #expect(server.requests.isEmpty)
    }

    /// A HEAD answer has no body whatever its `Content-Length` says (S3's HeadObject), and its connection carries
    /// the next request.
    @Test func aHeadAnswerHasNoBody() async throws {
        let server = try LoopbackHTTPServer(response: "HTTP/1.1 200 OK\r\nContent-Length: 1234\r\nETag: \"e1\"\r\n\r\n",
                                            keepAlive: true)
        defer { server.stop() }
        let url = try #require(URL(string: "http://127.0.0.1:\(server.port)/bucket/key"))
        let transport = HTTP1Transport()
        try await IOEventLoop.run {
            for _ in 1...2 {
                let response = try await transport.send(HTTPRequest(method: "HEAD", url: url), timeout: .seconds(10))
                #expect(response.status == 200 && response.body.isEmpty && response.header("ETag") == "\"e1\"")
            }
        }
        #expect(server.connections == 1)
    }

    /// A request's target is the URL's percent-encoded path and query as written (no fragment); `Host` carries a
    /// port only when it is not the scheme's; the body's length replaces any `Content-Length` given, and a method that
    /// expects no body goes without one when its body is empty.
    @Test func theRequestHeadIsWrittenAsSigned() throws {
        #expect(HTTP1Transport.target(of: try #require(URL(string: "https://s3.example.com/b/a%2Fb%20c?list-type=2&prefix=a%2F#x")))
                == "/b/a%2Fb%20c?list-type=2&prefix=a%2F")
        #expect(HTTP1Transport.target(of: try #require(URL(string: "https://sts.amazonaws.com"))) == "/")
        #expect(HTTP1Transport.target(of: try #require(URL(string: "http://[::1]:8080?Action=x"))) == "/?Action=x")
        #expect(HTTP1Transport.target(of: try #require(URL(string: "https://h.example.com#top"))) == "/")
        #expect(HTTP1Transport.target(of: try #require(URL(string: "https://h.example.com/p#f?x=1"))) == "/p")
        #expect(HTTP1Transport.target(of: try #require(URL(string: "http://127.0.0.1:18099/"))) == "/")
        let post = HTTPRequest(method: "POST", url: try #require(URL(string: "https://iam.amazonaws.com/")),
                               headers: [HTTPHeader("Content-Length", "99"), HTTPHeader("X-Amz-Date", "20240101T000000Z")])
        let head = HTTP1Transport.head(of: post, host: "iam.amazonaws.com", port: 443, secure: true)
        #expect(head.method == "POST" && head.target == "/")
        #expect(head.headers.map { "\($0.name): \($0.value)" }
                == ["X-Amz-Date: 20240101T000000Z", "Host: iam.amazonaws.com", "Content-Length: 0"])
        let get = HTTPRequest(method: "GET", url: try #require(URL(string: "http://127.0.0.1:9000/x")))
        #expect(HTTP1Transport.head(of: get, host: "127.0.0.1", port: 9000, secure: false).headers.map(\.value)
                == ["127.0.0.1:9000"])
        let v6 = HTTP1Transport.head(of: get, host: "::1", port: 443, secure: true)
        #expect(v6.headers.filter { $0.isNamed("host") }.map(\.value) == ["[::1]"])
    }

    /// Error statuses are responses not failures.
    @Test func errorStatusesAreResponsesNotFailures() async throws {
        let body = AWSSamples.iamNoSuchEntity
        let server = try LoopbackHTTPServer(response: "HTTP/1.1 404 Not Found\r\nContent-Type: text/xml\r\n"
            + "Content-Length: \(body.utf8.count)\r\nConnection: close\r\n\r\n\(body)")
        defer { server.stop() }
        let url = try #require(URL(string: "http://127.0.0.1:\(server.port)/"))
        let response = try await HTTP1Transport().send(
            HTTPRequest(method: "POST", url: url, body: Data("Action=GetRole".utf8)), timeout: .seconds(10))
        #expect(response.status == 404)
        #expect(String(decoding: response.body, as: UTF8.self) == body)
    }

    /// A redirect is returned as it is, never followed (a signed request is not re-sent elsewhere).
    @Test func redirectsAreReturnedNotFollowed() async throws {
        let target = try LoopbackHTTPServer.closedPort()
        let server = try LoopbackHTTPServer(response: "HTTP/1.1 307 Temporary Redirect\r\n"
            + "Location: http://127.0.0.1:\(target)/elsewhere\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
        defer { server.stop() }
        let url = try #require(URL(string: "http://127.0.0.1:\(server.port)/"))
        let response = try await HTTP1Transport().send(HTTPRequest(method: "POST", url: url), timeout: .seconds(10))
        #expect(response.status == 307)
        #expect(response.body.isEmpty)
        #expect(response.header("Location") == "http://127.0.0.1:\(target)/elsewhere")
    }

    /// A refused connection is a transport error naming the URL.
    @Test func connectionRefusedIsATransportError() async throws {
        let port = try LoopbackHTTPServer.closedPort()
        let url = try #require(URL(string: "http://127.0.0.1:\(port)/"))
        let error = await #expect(throws: TransportError.self) {
            try await HTTP1Transport().send(HTTPRequest(method: "POST", url: url), timeout: .seconds(10))
        }
        #expect(error?.url == "http://127.0.0.1:\(port)/")
        #expect(error?.reason == "connection refused")
    }

    /// No answer within the timeout is a transport error saying so.
    @Test func noAnswerWithinTheTimeoutIsATransportError() async throws {
        let (socket, port) = try LoopbackHTTPServer.silentListener()
        defer { close(socket) }
        let url = try #require(URL(string: "http://127.0.0.1:\(port)/"))
        let error = await #expect(throws: TransportError.self) {
            try await HTTP1Transport().send(HTTPRequest(method: "POST", url: url), timeout: .milliseconds(300))
        }
        #expect(error?.reason == "timed out after 0.3s")
    }

    /// Cancelling the calling task ends the request at once with `CancellationError`, long before its timeout.
    @Test func cancellingTheTaskCancelsTheRequest() async throws {
        let (socket, port) = try LoopbackHTTPServer.silentListener()
        defer { close(socket) }
        let url = try #require(URL(string: "http://127.0.0.1:\(port)/"))
        let clock = ContinuousClock()
        let start = clock.now
        let call = Task {
            try await HTTP1Transport().send(HTTPRequest(method: "POST", url: url), timeout: .seconds(60))
        }
        try await Task.sleep(for: .milliseconds(200))
        call.cancel()
        await #expect(throws: CancellationError.self) { try await call.value }
        #expect(clock.now - start < .seconds(30))
    }
}
