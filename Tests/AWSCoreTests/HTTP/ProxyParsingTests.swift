import Foundation
import Testing
@testable import AWSCore

/// The proxy URL of `HTTPS_PROXY` / `HTTP_PROXY` as a `ProxyServer`: plain HTTP only, a host, a TCP port.
@Suite struct ProxyParsingTests {
    @Test(arguments: [
        ("http://proxy.example.com:3128", "proxy.example.com", 3128), ("proxy:8080", "proxy", 8080),
        ("http://proxy", "proxy", 80), ("HTTP://10.0.0.1:1", "10.0.0.1", 1), ("http://u:p@proxy:65535", "proxy", 65535),
        ("http://[::1]:3128", "::1", 3128),
    ])
    func accepted(_ text: String, _ host: String, _ port: Int) throws {
        let proxy = try ProxyServer(parsing: text)
        #expect(proxy.host == host)
        #expect(proxy.port == port)
    }

    /// Other schemes were reached as plain HTTP (an `https://` proxy on port 443, a SOCKS proxy with HTTP), and a port
    /// above 65535 was taken as it was or, too large for an `Int`, as port 80.
    @Test(arguments: ["https://proxy:443", "socks5://127.0.0.1:1080", "http://proxy:99999", "http://proxy:0",
                      "http://proxy:99999999999999999999999", "http://", "http://:3128",
                      "http://alice:1234#S3cr3t@127.0.0.1:3128", "http://u:p@proxy:3128/path", "http://proxy:3128?x=1"])
    func refused(_ text: String) {
        #expect(throws: TransportConfigurationError.self) { try ProxyServer(parsing: text) }
    }

    @Test func theMessageNamesTheProxyWithoutItsPassword() {
        #expect(throws: TransportConfigurationError.proxyInvalid("socks5://127.0.0.1:1080")) {
            try ProxyServer(parsing: "socks5://user:secret@127.0.0.1:1080")
        }
    }

    /// A wrong proxy fails when the transport is made, before any request (it used to reach the first request as
    /// "cannot reach …: TransportConfigurationError").
    @Test(arguments: [["HTTP_PROXY": "socks5://127.0.0.1:1080"], ["https_proxy": "http://proxy:70000"]])
    func theTransportChecksItsProxiesWhenMade(_ environment: [String: String]) {
        #expect(throws: TransportConfigurationError.self) {
            try HTTP1Transport(proxies: ProxySettings(environment: environment), caBundle: nil)
        }
    }

    /// `http://user:password@host:port` sends basic proxy authorization (README's promise): the user info used to
    /// be dropped before the client's proxy was made, so the proxy got no `Proxy-Authorization` at all.
    @Test func aProxyWithCredentialsGetsBasicAuthorization() async throws {
        let server = try LoopbackHTTPServer(response: "HTTP/1.1 407 Proxy Authentication Required\r\nContent-Length: 0\r\n\r\n")
        defer { server.stop() }
        let transport = try HTTP1Transport(
            proxies: ProxySettings(environment: ["HTTP_PROXY": "http://smsauth:hunter%202@127.0.0.1:\(server.port)"]),
            caBundle: nil)
        let url = try #require(URL(string: "http://sts.example.invalid/"))
        // The transport opens a CONNECT tunnel through the proxy; this stand-in proxy answers it and closes, so
        // the request itself fails: what counts is what the proxy was sent.
        _ = try? await transport.send(HTTPRequest(method: "POST", url: url), timeout: .seconds(10))
        let raw = String(decoding: try #require(server.requests.first), as: UTF8.self)
        #expect(raw.hasPrefix("CONNECT sts.example.invalid:80 HTTP/1.1\r\n"), "\(raw)")
        // base64("smsauth:hunter 2")
        #expect(raw.range(of: "\r\nproxy-authorization: Basic c21zYXV0aDpodW50ZXIgMg==\r\n", options: .caseInsensitive) != nil
                && raw.contains("Basic c21zYXV0aDpodW50ZXIgMg=="), "\(raw)")
    }

    @Test func messagesShowTheProxyWithoutItsCredentials() {
        #expect(ProxySettings.withoutUserInfo("http://smsauth:hunter2@proxy:3128") == "http://proxy:3128")
        #expect(ProxySettings.withoutUserInfo("smsauth:hunter2@proxy:3128") == "http://proxy:3128")
        // An unencoded '#' or '/' in the password: nothing of it is shown, nor a path, query or fragment.
        #expect(ProxySettings.withoutUserInfo("http://alice:1234#S3cr3tPw@127.0.0.1:18399") == "http://127.0.0.1:18399")
        #expect(ProxySettings.withoutUserInfo("http://a:b/c@127.0.0.1:1/path?x=S3cr3t#f") == "http://127.0.0.1:1")
        #expect(ProxySettings.withoutUserInfo("http://proxy:1/p?token=S3cr3t") == "http://proxy:1")
        #expect(ProxySettings.withoutUserInfo("http\u{1B}[31m://p\u{7}:1") == "http[31m://p:1")
    }
}
