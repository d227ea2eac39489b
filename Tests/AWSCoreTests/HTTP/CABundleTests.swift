import Foundation
import NIOSSL
import Testing
@testable import AWSCore

/// The CA bundle is read once, when the transport is made: files of the wrong shape fail then, with their path; the
/// certificates read, parsed when a TLS connection first needs them, are the ones the HTTP client trusts.
@Suite struct CABundleTests {
    /// A self-signed test authority (EC P-256, valid until 2126; its key was thrown away).
    static let certificate = """
        -----BEGIN CERTIFICATE-----
        MIIBjDCCATGgAwIBAgIUfWPxkoJ3j4srlRWzB57dLUkmqsQwCgYIKoZIzj0EAwIw
        GjEYMBYGA1UEAwwPc21zYXV0aCB0ZXN0IENBMCAXDTI2MTIwNjAwNTUyNloYDzIx
        MjYxMTEyMDA1NTI2WjAaMRgwFgYDVQQDDA9zbXNhdXRoIHRlc3QgQ0EwWTATBgcq
        hkjOPQIBBggqhkjOPQMBBwNCAAQxHA22CgJn81wBREEBpKQ45DO8fnRgJIVKtLhV
        hT4+F7DZhsJsPY5cGm2K6ZWdhjaItvwzrXtYAsIM9KzTlLpto1MwUTAdBgNVHQ4E
        FgQUOq6nI9FyMeRzhO/0TkemTrJSqWYwHwYDVR0jBBgwFoAUOq6nI9FyMeRzhO/0
        TkemTrJSqWYwDwYDVR0TAQH/BAUwAwEB/zAKBggqhkjOPQQDAgNJADBGAiEAjICv
        nONjr8PF/sTXcNT1zmSAAD0JXMA7ITBm1HqNs/gCIQC2AV/TClHKNAgsYD8a5qfM
        HQHgXzQSxhuG5rLobD9iOQ==
        -----END CERTIFICATE-----
        """

    /// `text` in a new temporary file; returns its path.
    static func file(_ text: String) throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("smsauth-ca-\(UUID().uuidString).pem")
        try Data(text.utf8).write(to: url)
        return url.path
    }

    @Test func theClientTrustsTheCertificatesReadOnce() throws {
        let path = try Self.file(Self.certificate + "\n")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let bundle = try CABundle(path: path)
        #expect(bundle.path == path)
        #expect(try bundle.certificates() == [try NIOSSLCertificate(bytes: Array(Self.certificate.utf8), format: .pem)])
        let configuration = try HTTP1ConnectionPool.tlsConfiguration(bundle)
        #expect(configuration.additionalTrustRoots == [.certificates(try bundle.certificates())])
        #expect(configuration.applicationProtocols == ["http/1.1"])
    }

    /// A bundle whose content changed since the last read gets a TLS context of its own, however it was replaced: rewritten
    /// in place with the same size, or swapped behind a symlink as Kubernetes swaps a secret's `..data` link. The same
    /// content read again shares one.
    @Test func aReplacedBundleGetsItsOwnTLSContext() throws {
        let pool = HTTP1ConnectionPool.shared
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("smsauth-ca-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        for name in ["v1", "v2"] {
            try FileManager.default.createDirectory(at: folder.appendingPathComponent(name), withIntermediateDirectories: true)
        }
        let one = Self.certificate + "\n", two = Self.certificate + "\n" + Self.certificate + "\n"
        try Data(one.utf8).write(to: folder.appendingPathComponent("v1/ca.pem"))
        try Data(two.utf8).write(to: folder.appendingPathComponent("v2/ca.pem"))
        let data = folder.appendingPathComponent("..data"), link = folder.appendingPathComponent("ca.pem")
        try FileManager.default.createSymbolicLink(atPath: data.path, withDestinationPath: "v1")
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: "..data/ca.pem")
        let first = try CABundle(path: link.path)
        let again = try CABundle(path: link.path)
        try FileManager.default.removeItem(at: data)
        try FileManager.default.createSymbolicLink(atPath: data.path, withDestinationPath: "v2")
        let swapped = try CABundle(path: link.path)
        #expect(try first.certificates().count == 1 && swapped.certificates().count == 2)
        #expect(try pool.tlsContext(first) === pool.tlsContext(again))
        #expect(try pool.tlsContext(first) !== pool.tlsContext(swapped))

        // The same size and the same second: only the content tells them apart (a trailing newline becomes a space).
        let inPlace = folder.appendingPathComponent("v1/ca.pem")
        let before = try CABundle(path: inPlace.path)
        let handle = try FileHandle(forWritingTo: inPlace)
        try handle.seek(toOffset: UInt64(one.utf8.count - 1))
        try handle.write(contentsOf: Data(" ".utf8))
        try handle.close()
        let rewritten = try CABundle(path: inPlace.path)
        #expect(rewritten.digest != before.digest)
        #expect(try pool.tlsContext(before) !== pool.tlsContext(rewritten))
    }

    @Test func aMissingFileIsUnreadable() {
        let path = "/nonexistent/smsauth-ca-\(UUID().uuidString).pem"
        #expect(throws: TransportConfigurationError.caBundleUnreadable(path: path)) {
            try HTTP1Transport(proxies: ProxySettings(environment: [:]), caBundle: path)
        }
        let folder = FileManager.default.temporaryDirectory.path
        #expect(throws: TransportConfigurationError.caBundleUnreadable(path: folder)) { try CABundle(path: folder) }
    }

    /// `der` as a PEM certificate block.
    static func block(_ der: [UInt8], label: String = "CERTIFICATE") -> String {
        "-----BEGIN \(label)-----\n\(Data(der).base64EncodedString())\n-----END \(label)-----\n"
    }

    @Test func aFileThatIsNotPEMCertificatesIsInvalid() throws {
        let texts = [
            "", "not a certificate\n",
            "-----BEGIN CERTIFICATE-----\nbm90IERFUg==\n-----END CERTIFICATE-----\n",  // base64 of "not DER"
            "-----BEGIN CERTIFICATE-----\nnot base64!\n-----END CERTIFICATE-----\n",
            String(Self.certificate.dropLast("-----END CERTIFICATE-----".count)),  // no END line
            Self.certificate.replacingOccurrences(of: "END CERTIFICATE", with: "END PRIVATE KEY"),
            Self.block([0x30, 0x03, 0x02, 0x01, 0x01], label: "PRIVATE KEY"),  // a key only
            Self.block([0x30, 0x05, 0x02, 0x01, 0x01]),  // a SEQUENCE whose length runs past the block
            Self.block([0x30, 0x85, 0, 0, 0, 0, 1]),  // a length field of five bytes
            Self.certificate + "\n" + Self.block([0x04, 0x01, 0x00]),  // a good block, then one that is no SEQUENCE
        ]
        for text in texts {
            let path = try Self.file(text)
            defer { try? FileManager.default.removeItem(atPath: path) }
            let error = #expect(throws: TransportConfigurationError.self) { try CABundle(path: path) }
            guard case let .caBundleInvalid(failed, _) = error else {
                Issue.record("\(String(describing: error)) for \(text.debugDescription)")
                continue
            }
            #expect(failed == path)
            #expect(error?.code == "config.caBundleInvalid")
        }
    }

    /// As the TLS library reads them: a TRUSTED CERTIFICATE block, spaces inside the base64, bytes after the DER.
    @Test func blocksTheTLSLibraryReadsAreAccepted() throws {
        let lines = Self.certificate.split(separator: "\n").map(String.init)
        let spaced = ([lines[0]] + lines.dropFirst().dropLast().map { String($0.prefix(30)) + " \t" + $0.dropFirst(30) } + [lines.last!])
            .joined(separator: "\n")
        let texts = [
            Self.certificate.replacingOccurrences(of: " CERTIFICATE", with: " TRUSTED CERTIFICATE"),
            spaced,
            Self.block([0x30, 0x03, 0x02, 0x01, 0x01, 0x00]),
        ]
        for text in texts {
            #expect(throws: Never.self, "\(text)") { try PEMCertificateBlocks.check(Array(text.utf8)) }
        }
        let path = try Self.file(spaced + "\n")
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(try CABundle(path: path).certificates() == [try NIOSSLCertificate(bytes: Array(Self.certificate.utf8), format: .pem)])
    }

    @Test func textAndOtherBlocksAroundTheCertificatesAreSkipped() throws {
        let text = "Subject: smsauth test CA\n" + Self.block([0x30, 0x03, 0x02, 0x01, 0x01], label: "EC PARAMETERS")
            + Self.certificate + "\n" + Self.certificate.replacingOccurrences(of: " CERTIFICATE", with: " X509 CERTIFICATE")
            + "\n"
        #expect(try PEMCertificateBlocks.check(Array(text.utf8)) == 2)
        let path = try Self.file(text)
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(try CABundle(path: path).certificates().count == 2)
    }

    /// A block of the right shape that is no certificate passes when the transport is made, and fails the first TLS
    /// connection (and the next) with the bundle's path, as a TLS failure that trying again does not mend.
    @Test(.timeLimit(.minutes(1)))
    func aBlockThatIsNoCertificateFailsTheFirstTLSConnection() async throws {
        let path = try Self.file(Self.block([0x30, 0x03, 0x02, 0x01, 0x01]))  // SEQUENCE { INTEGER 1 }
        defer { try? FileManager.default.removeItem(atPath: path) }
        let transport = try HTTP1Transport(proxies: ProxySettings(environment: [:]), caBundle: path)
        let server = try LoopbackHTTPServer(response: "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n")
        defer { server.stop() }
        let url = try #require(URL(string: "https://127.0.0.1:\(server.port)/"))
        for _ in 0..<2 {
            let error = await #expect(throws: TransportError.self) {
                _ = try await transport.send(HTTPRequest(method: "GET", url: url), timeout: .seconds(10))
            }
            #expect(error?.failure == .tlsRejected)
            #expect(error?.reason.contains("the CA bundle \(path)") == true)
            #expect(error?.reason.contains("is not a PEM file of certificates") == true)
        }
    }
}
