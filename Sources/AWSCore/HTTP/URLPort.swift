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

    /// The same for `url`.
    public static func isValid(in url: URL) -> Bool {
        URLComponents(url: url, resolvingAgainstBaseURL: false).map(isValid(in:)) ?? true
    }
}
