import AsyncHTTPClient
import Foundation
import Testing
@testable import AWSCore

/// Tests of AsyncHTTPClientTransport against a loopback server.
@Suite struct AsyncHTTPClientTransportTests {
    /// The clients open no tracing spans (no tracer is bootstrapped), speak HTTP/1.1 only and close idle connections
    /// after 5 s.
    @Test func clientsOpenNoTracingSpans() throws {
        let configuration = try HTTPClients.configuration(proxy: nil, caBundle: nil)
        #expect(configuration.tracing.tracer == nil)
        #expect(configuration.httpVersion == .http1Only)
        #expect(configuration.connectionPool.idleTimeout == .seconds(5))
    }

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

        let response = try await AsyncHTTPClientTransport().send(request, timeout: .seconds(10))

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

    /// A connection stays open for the next requests: three calls one after the other, run on the I/O loop as the
    /// commands run them, use one connection. (A connection opened for a required event loop would be closed after
    /// each answer.)
    @Test func oneConnectionCarriesCallsOneAfterTheOther() async throws {
        let body = #"{"UserPool":{"Id":"eu-west-1_abc"}}"#
        let server = try LoopbackHTTPServer(response: "HTTP/1.1 200 OK\r\nContent-Type: application/x-amz-json-1.1\r\n"
            + "Content-Length: \(body.utf8.count)\r\n\r\n\(body)", keepAlive: true)
        defer { server.stop() }
        let url = try #require(URL(string: "http://127.0.0.1:\(server.port)/"))
        let transport = AsyncHTTPClientTransport()
        try await IOEventLoop.run {
            for call in 1...3 {
                let request = HTTPRequest(method: "POST", url: url, body: Data(#"{"Call":\#(call)}"#.utf8))
                let response = try await transport.send(request, timeout: .seconds(10))
                #expect(String(decoding: response.body, as: UTF8.self) == body)
            }
        }
        #expect(server.requests.count == 3)
        #expect(server.connections == 1)
    }

    /// Error statuses are responses not failures.
    @Test func errorStatusesAreResponsesNotFailures() async throws {
        let body = AWSSamples.iamNoSuchEntity
        let server = try LoopbackHTTPServer(response: "HTTP/1.1 404 Not Found\r\nContent-Type: text/xml\r\n"
            + "Content-Length: \(body.utf8.count)\r\nConnection: close\r\n\r\n\(body)")
        defer { server.stop() }
        let url = try #require(URL(string: "http://127.0.0.1:\(server.port)/"))
        let response = try await AsyncHTTPClientTransport().send(
            HTTPRequest(method: "POST", url: url, body: Data("Action=GetRole".utf8)), timeout: .seconds(10))
        #expect(response.status == 404)
        #expect(String(decoding: response.body, as: UTF8.self) == body)
    }

    /// Connection refused is a transport error.
    @Test func redirectsAreReturnedNotFollowed() async throws {
        let target = try LoopbackHTTPServer.closedPort()
        let server = try LoopbackHTTPServer(response: "HTTP/1.1 307 Temporary Redirect\r\n"
            + "Location: http://127.0.0.1:\(target)/elsewhere\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
        defer { server.stop() }
        let url = try #require(URL(string: "http://127.0.0.1:\(server.port)/"))
        let response = try await AsyncHTTPClientTransport().send(HTTPRequest(method: "POST", url: url), timeout: .seconds(10))
        #expect(response.status == 307)
        #expect(response.body.isEmpty)
        #expect(response.header("Location") == "http://127.0.0.1:\(target)/elsewhere")
    }

    @Test func connectionRefusedIsATransportError() async throws {
        let port = try LoopbackHTTPServer.closedPort()
        let url = try #require(URL(string: "http://127.0.0.1:\(port)/"))
        let error = await #expect(throws: TransportError.self) {
            try await AsyncHTTPClientTransport().send(HTTPRequest(method: "POST", url: url), timeout: .seconds(10))
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
            try await AsyncHTTPClientTransport().send(HTTPRequest(method: "POST", url: url), timeout: .milliseconds(300))
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
            try await AsyncHTTPClientTransport().send(HTTPRequest(method: "POST", url: url), timeout: .seconds(60))
        }
        try await Task.sleep(for: .milliseconds(200))
        call.cancel()
        await #expect(throws: CancellationError.self) { try await call.value }
        #expect(clock.now - start < .seconds(30))
    }
}
