import AsyncHTTPClient
import Testing
@testable import AWSCore

/// The proxy URL of `HTTPS_PROXY` / `HTTP_PROXY` as AsyncHTTPClient's proxy: plain HTTP only, a host, a TCP port.
@Suite struct ProxyParsingTests {
    @Test(arguments: [
        ("http://proxy.example.com:3128", "proxy.example.com", 3128), ("proxy:8080", "proxy", 8080),
        ("http://proxy", "proxy", 80), ("HTTP://10.0.0.1:1", "10.0.0.1", 1), ("http://u:p@proxy:65535", "proxy", 65535),
    ])
    func accepted(_ text: String, _ host: String, _ port: Int) throws {
        let proxy = try HTTPClients.proxy(parsing: text)
        #expect(proxy.host == host)
        #expect(proxy.port == port)
    }

    /// Other schemes were reached as plain HTTP (an `https://` proxy on port 443, a SOCKS proxy with HTTP), and a port
    /// above 65535 was taken as it was or, too large for an `Int`, as port 80.
    @Test(arguments: ["https://proxy:443", "socks5://127.0.0.1:1080", "http://proxy:99999", "http://proxy:0",
                      "http://proxy:99999999999999999999999", "http://", "http://:3128"])
    func refused(_ text: String) {
        #expect(throws: TransportConfigurationError.self) { try HTTPClients.proxy(parsing: text) }
    }

    @Test func theMessageNamesTheProxyWithoutItsPassword() {
        #expect(throws: TransportConfigurationError.proxyInvalid("socks5://127.0.0.1:1080")) {
            try HTTPClients.proxy(parsing: "socks5://user:secret@127.0.0.1:1080")
        }
    }

    /// A wrong proxy fails when the transport is made, before any request (it used to reach the first request as
    /// "cannot reach …: TransportConfigurationError").
    @Test(arguments: [["HTTP_PROXY": "socks5://127.0.0.1:1080"], ["https_proxy": "http://proxy:70000"]])
    func theTransportChecksItsProxiesWhenMade(_ environment: [String: String]) {
        #expect(throws: TransportConfigurationError.self) {
            try AsyncHTTPClientTransport(proxies: ProxySettings(environment: environment), caBundle: nil)
        }
    }
}
