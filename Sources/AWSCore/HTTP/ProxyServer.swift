import Foundation

/// An HTTP proxy as `HTTPS_PROXY` / `HTTP_PROXY` name it: `http://[user:password@]host[:port]`, port 80 by default;
/// a bare `host:port` is read as `http://host:port`. Every connection through it is a `CONNECT` tunnel
/// (`ProxyTunnel`), for `http://` endpoints too, so the proxy never sees a request, only where it goes.
struct ProxyServer: Hashable, Sendable {
    /// The proxy's host.
    var host: String
    /// The proxy's port.
    var port: Int
    /// The `Proxy-Authorization` value (`Basic …`) for a proxy URL with a user name; nil without one.
    var authorization: String?

    /// Reads a proxy URL. Other schemes than `http` are refused: a proxy is spoken to in plain HTTP, so an
    /// `https://` or `socks5://` proxy would be reached with the wrong protocol. So is a path, a query or a fragment:
    /// a proxy URL has none, and an unencoded `#`, `/` or `?` in a password would cut the URL there (write them
    /// `%23`, `%2F`, `%3F`).
    init(parsing text: String) throws(TransportConfigurationError) {
        guard let components = URLComponents(string: text.contains("://") ? text : "http://" + text),
              components.scheme?.lowercased() == "http", let host = components.host, !host.isEmpty,
              URLPort.isValid(in: components), components.percentEncodedPath.isEmpty || components.percentEncodedPath == "/",
              components.percentEncodedQuery == nil, components.percentEncodedFragment == nil else {
            throw TransportConfigurationError.proxyInvalid(ProxySettings.withoutUserInfo(text))
        }
        self.host = HostText.unbracketed(host)  // http://[::1]:3128
        port = components.port ?? 80
        authorization = components.percentEncodedUser.map { user in
            let password = components.percentEncodedPassword ?? ""
            let credentials = (user.removingPercentEncoding ?? user) + ":" + (password.removingPercentEncoding ?? password)
            return "Basic " + Data(credentials.utf8).base64EncodedString()
        }
    }
}
