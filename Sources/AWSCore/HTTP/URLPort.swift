import Foundation

/// The port a URL writes, checked. Foundation reads a port too large for an `Int` as no port at all (the request would
/// go to the scheme's default port instead), and SwiftNIO stops the process with a trap on a port above 65535.
public enum URLPort {
    /// The ports a TCP connection can be made to.
    public static let valid: ClosedRange<Int> = 1...65535

    /// Whether the port `components` writes, if any, is in `valid` (an empty port, `http://host:/`, is the scheme's).
    public static func isValid(in components: URLComponents) -> Bool {
        guard let range = components.rangeOfPort, let text = components.string?[range], !text.isEmpty else { return true }
        guard text.allSatisfy(\.isASCII), let port = Int(text) else { return false }
        return valid.contains(port)
    }

    /// The same for `url`. A port Foundation read is checked as it is; only a URL without one is parsed again, to
    /// tell no port (or an empty one) from a port too large for an `Int`.
    public static func isValid(in url: URL) -> Bool {
        if let port = url.port { return valid.contains(port) }
        return URLComponents(url: url, resolvingAgainstBaseURL: false).map(isValid(in:)) ?? true
    }
}
