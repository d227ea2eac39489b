import Foundation
import Testing
@testable import AWSCore

/// The environment's proxy variables, read as the AWS CLI reads them.
@Suite struct ProxySettingsTests {
    /// One case: environment, endpoint, the proxy expected (nil: direct).
    struct Row: Sendable, CustomTestStringConvertible {
        let label: String
        let environment: [String: String]
        let url: String
        let proxy: String?
        var testDescription: String { label }
    }

    static let rows: [Row] = [
        Row(label: "nothing set: direct", environment: [:], url: "https://iam.amazonaws.com/", proxy: nil),
        Row(label: "HTTPS_PROXY for https", environment: ["HTTPS_PROXY": "http://proxy:3128"],
            url: "https://cognito-idp.us-east-1.amazonaws.com/", proxy: "http://proxy:3128"),
        Row(label: "HTTPS_PROXY is not used for http", environment: ["HTTPS_PROXY": "http://proxy:3128"],
            url: "http://127.0.0.1:5000/", proxy: nil),
        Row(label: "uppercase HTTP_PROXY for http", environment: ["HTTP_PROXY": "http://proxy:3128"],
            url: "http://127.0.0.1:5000/", proxy: "http://proxy:3128"),
        Row(label: "lowercase first", environment: ["https_proxy": "http://lower:1", "HTTPS_PROXY": "http://upper:2"],
            url: "https://sts.amazonaws.com/", proxy: "http://lower:1"),
        Row(label: "an empty lowercase value falls back to the uppercase one",
            environment: ["https_proxy": "", "HTTPS_PROXY": "http://upper:2"], url: "https://sts.amazonaws.com/", proxy: "http://upper:2"),
        Row(label: "NO_PROXY domain matches subdomains", environment: ["HTTPS_PROXY": "http://p:1", "NO_PROXY": "amazonaws.com"],
            url: "https://iam.amazonaws.com/", proxy: nil),
        Row(label: "NO_PROXY with a leading dot", environment: ["HTTPS_PROXY": "http://p:1", "no_proxy": ".amazonaws.com"],
            url: "https://iam.amazonaws.com/", proxy: nil),
        Row(label: "NO_PROXY does not match a longer name", environment: ["HTTPS_PROXY": "http://p:1", "NO_PROXY": "zonaws.com"],
            url: "https://iam.amazonaws.com/", proxy: "http://p:1"),
        Row(label: "NO_PROXY list with spaces and an IP", environment: ["HTTP_PROXY": "http://p:1", "NO_PROXY": "example.org, 127.0.0.1"],
            url: "http://127.0.0.1:5000/", proxy: nil),
        Row(label: "NO_PROXY *", environment: ["HTTPS_PROXY": "http://p:1", "NO_PROXY": "*"],
            url: "https://iam.amazonaws.com/", proxy: nil),
        Row(label: "NO_PROXY host:port for that port", environment: ["HTTP_PROXY": "http://p:1", "NO_PROXY": "127.0.0.1:18300"],
            url: "http://127.0.0.1:18300/", proxy: nil),
        Row(label: "NO_PROXY host:port not for another port", environment: ["HTTP_PROXY": "http://p:1", "NO_PROXY": "127.0.0.1:18300"],
            url: "http://127.0.0.1:5000/", proxy: "http://p:1"),
        Row(label: "NO_PROXY name:port, the scheme's port", environment: ["HTTPS_PROXY": "http://p:1", "NO_PROXY": "amazonaws.com:443"],
            url: "https://iam.amazonaws.com/", proxy: nil),
        Row(label: "NO_PROXY address range", environment: ["HTTP_PROXY": "http://p:1", "NO_PROXY": "127.0.0.0/8"],
            url: "http://127.1.2.3:5000/", proxy: nil),
        Row(label: "NO_PROXY address range excludes others", environment: ["HTTP_PROXY": "http://p:1", "NO_PROXY": "10.0.0.0/8"],
            url: "http://11.0.0.1:5000/", proxy: "http://p:1"),
        Row(label: "NO_PROXY IPv6 range", environment: ["HTTP_PROXY": "http://p:1", "NO_PROXY": "fd00::/8"],
            url: "http://[fd12::1]:5000/", proxy: nil),
        Row(label: "NO_PROXY [v6]:port", environment: ["HTTP_PROXY": "http://p:1", "NO_PROXY": "[::1]:5000"],
            url: "http://[::1]:5000/", proxy: nil),
        Row(label: "NO_PROXY an address is not a name suffix", environment: ["HTTP_PROXY": "http://p:1", "NO_PROXY": ".0.0.1"],
            url: "http://127.0.0.1:5000/", proxy: "http://p:1"),
        Row(label: "NO_PROXY an address matches itself only", environment: ["HTTP_PROXY": "http://p:1", "NO_PROXY": "0.0.1"],
            url: "http://10.0.0.1:5000/", proxy: "http://p:1"),
        Row(label: "NO_PROXY [v6] without a port", environment: ["HTTP_PROXY": "http://p:1", "NO_PROXY": "[::1]"],
            url: "http://[::1]:5000/", proxy: nil),
        Row(label: "NO_PROXY trailing dots on either side", environment: ["HTTP_PROXY": "http://p:1", "NO_PROXY": "localhost."],
            url: "http://localhost:5000/", proxy: nil),
        Row(label: "NO_PROXY trailing dot on the host", environment: ["HTTP_PROXY": "http://p:1", "NO_PROXY": "localhost"],
            url: "http://localhost.:5000/", proxy: nil),
        // Kept for the client's basic proxy authorization; `withoutUserInfo` is what messages show.
        Row(label: "credentials kept for the client", environment: ["HTTPS_PROXY": "http://user:secret@p:1"],
            url: "https://iam.amazonaws.com/", proxy: "http://user:secret@p:1"),
        Row(label: "a proxy without a scheme", environment: ["HTTPS_PROXY": "p:8080"],
            url: "https://iam.amazonaws.com/", proxy: "p:8080"),
    ]

    @Test(arguments: rows)
    func proxyFor(_ row: Row) throws {
        let settings = ProxySettings(environment: row.environment)
        #expect(settings.proxy(for: try #require(URL(string: row.url))) == row.proxy)
    }
}
