import Foundation

/// The proxy variables of the environment, read as the AWS CLI reads them: `HTTPS_PROXY` for `https://` endpoints,
/// `HTTP_PROXY` for `http://` ones, `NO_PROXY` for hosts reached directly (each name in either case, the lowercase
/// one first). `HTTP1Transport` picks the proxy of each request with `proxy(for:)`.
public struct ProxySettings: Sendable, Equatable {
    /// The proxy of `http://` endpoints.
    public var httpProxy: String?
    /// The proxy of `https://` endpoints.
    public var httpsProxy: String?
    /// `NO_PROXY` entries: `*`, a host name (also matching its subdomains; a leading dot is allowed) or an IP address.
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
        let proxy: String? = switch url.scheme?.lowercased() {
        case "https": httpsProxy
        case "http": httpProxy
        default: nil
        }
        guard let proxy, let host = url.host?.lowercased(), !bypasses(host) else { return nil }
        return proxy
    }

    /// Whether `host` is reached directly (`NO_PROXY`).
    func bypasses(_ host: String) -> Bool {
        let bare = host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
        return noProxy.contains { entry in
            if entry == "*" { return true }
            let name = entry.hasPrefix(".") ? String(entry.dropFirst()) : entry
            return bare == name || bare.hasSuffix("." + name)
        }
    }

    /// `proxy` without a user name or password (proxy credentials never reach a message).
    static func withoutUserInfo(_ proxy: String) -> String {
        guard var components = URLComponents(string: proxy.contains("://") ? proxy : "http://" + proxy) else { return "<proxy>" }
        components.user = nil
        components.password = nil
        return components.string ?? "<proxy>"
    }
}
