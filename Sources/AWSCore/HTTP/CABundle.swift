import Foundation
import NIOSSL

/// A PEM file of extra certificate authorities (`AWS_CA_BUNDLE` or a profile's `ca_bundle`), read once: checked when
/// the transport is made, so that a wrong file fails before any request, and the same certificates are then trusted
/// by its TLS connections. The process keeps one TLS context per bundle content (`HTTP1ConnectionPool.tlsContext`).
struct CABundle: Sendable {
    /// The file, as configured.
    let path: String
    /// The SHA-256 of the bytes read, as hex: a bundle replaced since (rotated, a remounted secret behind a symlink,
    /// rewritten in place) is other content, trusted by a client of its own.
    let digest: String
    /// Its certificates (at least one).
    let certificates: [NIOSSLCertificate]

    /// Reads the certificates of the PEM file at `path` (following symlinks), once.
    init(path: String) throws(TransportConfigurationError) {
        guard let bytes = FileManager.default.contents(atPath: path) else {
            throw TransportConfigurationError.caBundleUnreadable(path: path)
        }
        let certificates: [NIOSSLCertificate]
        do {
            certificates = try NIOSSLCertificate.fromPEMBytes(Array(bytes))
        } catch {
            throw TransportConfigurationError.caBundleInvalid(path: path, reason: String(describing: error))
        }
        guard !certificates.isEmpty else {
            throw TransportConfigurationError.caBundleInvalid(path: path, reason: "no certificate in it")
        }
        self.path = path
        self.digest = Digest.sha256Hex(bytes)
        self.certificates = certificates
    }
}
