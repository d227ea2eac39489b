import Foundation
import NIOSSL

/// A PEM file of extra certificate authorities (`AWS_CA_BUNDLE` or a profile's `ca_bundle`), read once when the
/// transport is made. Its shape is checked then (`PEMCertificateBlocks`: at least one certificate block, each base64
/// of a DER structure), so that a wrong file (missing, empty, a key only, not PEM) fails before any request. The
/// certificates themselves are parsed only when a TLS connection first needs them (`certificates()`), as botocore
/// loads its bundle: a command whose endpoints are all `http://` (a local emulator) does not pay for parsing a system
/// bundle of 140 authorities, about 5 ms a process. The process keeps one TLS context per bundle content
/// (`HTTP1ConnectionPool.tlsContext`).
struct CABundle: Sendable {
    /// The file, as configured.
    let path: String
    /// The SHA-256 of the bytes read, as hex: a bundle replaced since (rotated, a remounted secret behind a symlink,
    /// rewritten in place) is other content, trusted by a client of its own.
    let digest: String
    /// The bytes read.
    private let bytes: [UInt8]

    /// Reads the PEM file at `path` (following symlinks), once, and checks its shape.
    init(path: String) throws(TransportConfigurationError) {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw TransportConfigurationError.caBundleUnreadable(path: path)
        }
        let bytes = [UInt8](data)
        do {
            try PEMCertificateBlocks.check(bytes)
        } catch {
            throw TransportConfigurationError.caBundleInvalid(path: path, reason: error.reason)
        }
        self.path = path
        self.digest = Digest.sha256Hex(data)
        self.bytes = bytes
    }

    /// Its certificates (at least one), parsed from the bytes read.
    /// - Throws: `caBundleInvalid` when a certificate block does not hold a certificate.
    func certificates() throws(TransportConfigurationError) -> [NIOSSLCertificate] {
        let certificates: [NIOSSLCertificate]
        do {
            certificates = try NIOSSLCertificate.fromPEMBytes(bytes)
        } catch {
            throw TransportConfigurationError.caBundleInvalid(path: path, reason: String(describing: error))
        }
        guard !certificates.isEmpty else {
            throw TransportConfigurationError.caBundleInvalid(path: path, reason: "no certificate in it")
        }
        return certificates
    }
}
