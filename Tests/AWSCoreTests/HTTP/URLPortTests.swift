import Foundation
import Testing
@testable import AWSCore

/// `URLPort`: a written port must be a TCP port; Foundation alone reads a port too large for an `Int` as none.
@Suite struct URLPortTests {
    @Test(arguments: [
        ("http://127.0.0.1/", true), ("http://127.0.0.1:/", true), ("http://127.0.0.1:1/", true),
        ("https://h.example.com:443/x?y=1", true), ("http://u:p@h:65535", true), ("http://[::1]:8080/", true),
        ("http://h:080/", true),
        ("http://127.0.0.1:0/", false), ("http://127.0.0.1:65536/", false), ("http://127.0.0.1:99999/", false),
        ("http://[::1]:99999/", false), ("http://127.0.0.1:99999999999999999999999/", false),
    ])
    func port(_ text: String, _ valid: Bool) throws {
        let url = try #require(URL(string: text))
        #expect(URLPort.isValid(in: url) == valid)
        #expect(URLPort.isValid(in: try #require(URLComponents(string: text))) == valid)
    }

    /// A URL with a port above 65535 used to stop the process with a trap in SwiftNIO (an IP address literal) or to
    /// go to the default port (a port too large for an `Int`); it is now a transport error naming the URL, not tried again.
    @Test(arguments: ["http://127.0.0.1:99999/", "http://[::1]:70000/", "http://127.0.0.1:99999999999999999999999/"])
    func theTransportRefusesAPortOutOfRange(_ text: String) async throws {
        let request = HTTPRequest(method: "GET", url: try #require(URL(string: text)), headers: [], body: Data())
        await #expect {
            _ = try await HTTP1Transport(proxies: ProxySettings(environment: [:])).send(request, timeout: .seconds(5))
        } throws: { error in
            guard let error = error as? TransportError else { return false }
            return error.reason == "its port is not a number from 1 to 65535" && error.url.hasPrefix("http://")
                && error.code == "transport.urlInvalid" && error.isPermanent
        }
    }
}
