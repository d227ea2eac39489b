import Foundation
import NIOSSL

/// A PEM file of extra certificate authorities (`AWS_CA_BUNDLE` or a profile's `ca_bundle`), read once: checked when
/// the transport is made, so that a wrong file fails before any request, and the same certificates are then trusted
/// by the HTTP client (which would otherwise parse the file a second time for its first TLS connection). The process
/// keeps one HTTP client per proxy and bundle version (`HTTPClients`).
struct CABundle: Sendable {
    /// The file, as configured.
    let path: String
    /// Which version of the file was read: its device, inode, size and modification time, taken before it was read.
    /// A file replaced since (a rotated bundle, a remounted secret) is another version, trusted by a client of its own.
    let version: String
    /// Its certificates (at least one).
    let certificates: [NIOSSLCertificate]

    /// Reads the certificates of the PEM file at `path`.
    init(path: String) throws(TransportConfigurationError) {
        guard FileManager.default.isReadableFile(atPath: path) else {
            throw TransportConfigurationError.caBundleUnreadable(path: path)
        }
        let attributes = (try? FileManager.default.attributesOfItem(atPath: path)) ?? [:]
        let version = [FileAttributeKey.systemNumber, .systemFileNumber, .size, .modificationDate]
            .map { attributes[$0].map { "\($0)" } ?? "?" }.joined(separator: "/")
        let certificates: [NIOSSLCertificate]
        do {
            certificates = try NIOSSLCertificate.fromPEMFile(path)
        } catch {
            throw TransportConfigurationError.caBundleInvalid(path: path, reason: String(describing: error))
        }
        guard !certificates.isEmpty else {
            throw TransportConfigurationError.caBundleInvalid(path: path, reason: "no certificate in it")
        }
        self.path = path
        self.version = version
        self.certificates = certificates
    }
}
