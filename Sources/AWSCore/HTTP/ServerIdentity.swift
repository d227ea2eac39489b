import NIOCore
import NIOSSL

/// Whether a TLS server's certificate names the endpoint asked for: smsauth's check, on top of NIOSSL's verification
/// (the chain and the dates; NIOSSL's own name check is off, see `HTTP1ConnectionPool.tlsConfiguration`). A host name
/// must be one of the certificate's DNS names, where `*.` stands for exactly one leftmost label under at least two
/// others; an IP address must be one of its IP addresses. A certificate without subject alternative names names
/// nothing.
enum ServerIdentity {
    /// One subject alternative name.
    enum Name: Equatable {
        case dns(String)
        case ip([UInt8])
    }

    /// The DNS names and IP addresses of `certificate`.
    static func names(of certificate: NIOSSLCertificate) -> [Name] {
        certificate._subjectAlternativeNames().compactMap { name in
            switch name.nameType {
            case .dnsName: .dns(String(decoding: Array(name.contents), as: UTF8.self))
            case .ipAddress: .ip(Array(name.contents))
            default: nil
            }
        }
    }

    /// Whether `names` name `host` (a host name, or an IP address without brackets).
    static func matches(host: String, names: [Name]) -> Bool {
        if let address = HostText.addressBytes(host) { return names.contains(.ip(address)) }
        let wanted = normalized(host)
        return names.contains { name in
            guard case .dns(let dns) = name else { return false }
            let pattern = normalized(dns)
            if pattern == wanted { return true }
            // A wildcard stands for one label under at least two others: `*.com` names nothing.
            guard pattern.hasPrefix("*."), !pattern.dropFirst(2).contains("*"),
                  pattern.dropFirst(2).contains(".") else { return false }
            let suffix = pattern.dropFirst(1)  // ".example.com"
            guard wanted.hasSuffix(suffix) else { return false }
            let label = wanted.dropLast(suffix.count)
            return !label.isEmpty && !label.contains(".")
        }
    }

    /// Lower case, without a trailing dot.
    private static func normalized(_ name: String) -> String {
        let lower = name.lowercased()
        return lower.hasSuffix(".") ? String(lower.dropLast()) : lower
    }
}
