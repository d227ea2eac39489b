import Foundation

/// The proxy variables of the environment, read as the AWS CLI reads them: `HTTPS_PROXY` for `https://` endpoints,
/// `HTTP_PROXY` for `http://` ones, `NO_PROXY` for hosts reached directly (each name in either case, the lowercase
/// one first). `HTTP1Transport` picks the proxy of each request with `proxy(for:)`.
public struct ProxySettings: Sendable, Equatable {
    /// The proxy of `http://` endpoints.
    public var httpProxy: String?
    /// The proxy of `https://` endpoints.
    public var httpsProxy: String?
    /// `NO_PROXY` entries: `*`, a host name (also matching its subdomains; a leading dot is allowed), an IP address or
    /// range, each possibly with a port (`bypasses`).
    public var noProxy: [String]

    /// Reads `environment`.
    public init(environment: [String: String]) {
        func value(_ name: String) -> String? {
            for candidate in [name.lowercased(), name.uppercased()] {
                if let value = environment[candidate]?.trimmingCharacters(in: .whitespaces), !value.isEmpty { return value }
            }
            return nil
        }
        httpProxy = value("http_proxy")
        httpsProxy = value("https_proxy")
        noProxy = (value("no_proxy") ?? "").split(separator: ",")
            .map { $0.trimmingCharacters(in: .whitespaces).lowercased() }.filter { !$0.isEmpty }
    }

    /// The proxy a request to `url` goes through, as configured: its user name and password included, which the
    /// client sends as basic proxy authorization (messages show it through `withoutUserInfo`); nil when the request
    /// goes directly.
    public func proxy(for url: URL) -> String? {
        let scheme = url.scheme?.lowercased()
        let proxy: String? = switch scheme {
        case "https": httpsProxy
        case "http": httpProxy
        default: nil
        }
        guard let proxy, let host = url.host?.lowercased(),
              !bypasses(host, port: url.port ?? (scheme == "https" ? 443 : 80)) else { return nil }
        return proxy
    }

    /// Whether `host` on `port` is reached directly (`NO_PROXY`), as the AWS CLI decides: `*` for every host; an
    /// entry with a port (`host:8080`, `[::1]:8080`) for that port only; an IP address for that address, an address
    /// range (`10.0.0.0/8`, `fd00::/8`) for the addresses in it; a host name for itself and its subdomains (a
    /// leading dot is allowed). A host name entry never matches an IP address, nor an address entry a name.
    func bypasses(_ host: String, port: Int) -> Bool {
        let bare = Self.plain(host)
        let address = HostText.addressBytes(bare)
        return noProxy.contains { entry in
            if entry == "*" { return true }
            var name = entry.hasPrefix(".") ? String(entry.dropFirst()) : entry
            if let (entryHost, entryPort) = Self.splitPort(name) {
                guard entryPort == port else { return false }
                name = entryHost
            }
            name = Self.plain(name)
            if let slash = name.firstIndex(of: "/") {
                guard let address, let network = HostText.addressBytes(String(name[..<slash])),
                      let bits = Int(name[name.index(after: slash)...]), (0...network.count * 8).contains(bits),
                      network.count == address.count else { return false }
                return Self.samePrefix(address, network, bits: bits)
            }
            if let address { return HostText.addressBytes(name) == address }
            return bare == name || bare.hasSuffix("." + name)
        }
    }

    /// `host` without the brackets of an IPv6 address or a trailing dot.
    private static func plain(_ host: String) -> String {
        let unbracketed = HostText.unbracketed(host)
        return unbracketed.hasSuffix(".") ? String(unbracketed.dropLast()) : unbracketed
    }

    /// `host:port` or `[v6]:port` split; nil when the entry has no port (a bare IPv6 address has colons but no port).
    private static func splitPort(_ entry: String) -> (String, Int)? {
        if entry.hasPrefix("["), let close = entry.firstIndex(of: "]") {
            let rest = entry[entry.index(after: close)...]
            guard rest.hasPrefix(":"), let port = Int(rest.dropFirst()) else { return nil }
            return (String(entry[entry.index(after: entry.startIndex)..<close]), port)
        }
        let parts = entry.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, let port = Int(parts[1]) else { return nil }
        return (String(parts[0]), port)
    }

    /// Whether the first `bits` bits of `a` and `b` are equal.
    private static func samePrefix(_ a: [UInt8], _ b: [UInt8], bits: Int) -> Bool {
        for index in 0..<(bits + 7) / 8 {
            let kept = min(8, bits - index * 8)
            let mask = UInt8(truncatingIfNeeded: 0xFF << (8 - kept))
            if a[index] & mask != b[index] & mask { return false }
        }
        return true
    }

    /// `proxy` as messages show it: its scheme, host and port only, never its user name, password, path, query or
    /// fragment. Cut as text, not parsed: in `http://user:pa#ss@host`, a URL parser reads `pa#ss@host` as a
    /// fragment after the host `user`, and would show part of the password.
    static func withoutUserInfo(_ proxy: String) -> String {
        let scheme = proxy.range(of: "://").map { String(proxy[..<$0.lowerBound]) } ?? "http"
        let rest = proxy.range(of: "://").map { proxy[$0.upperBound...] } ?? proxy[...]
        let afterUser = rest.lastIndex(of: "@").map { rest[rest.index(after: $0)...] } ?? rest
        let authority = afterUser.prefix { !"/?#".contains($0) }
        return PrintableText.of(scheme) + "://" + PrintableText.of(String(authority))
    }
}
