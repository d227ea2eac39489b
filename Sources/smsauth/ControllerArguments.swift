import ArgumentParser
import Controller

/// A duration flag value: a number with a unit, `500ms`, `30s`, `10m`, `1h` (a bare number is seconds), from 0 to
/// `maximumSeconds`.
struct DurationArgument: Equatable, CustomStringConvertible {
    /// The duration.
    let duration: Duration
    /// The text as given.
    let description: String

    /// A default value.
    init(_ duration: Duration, text: String) {
        self.duration = duration
        description = text
    }

    /// The longest duration a flag takes: a year, far beyond any useful setting and far within what the timers
    /// count (a longer one used to stop the process with a trap when converted to milliseconds).
    static let maximumSeconds: Double = 365 * 24 * 3600

    /// Parses `500ms`, `30s`, `10m`, `1h`, `2.5s` or `30`, in decimal.
    /// - Throws: `DurationArgumentError` for anything else, a negative value or one beyond `maximumSeconds`.
    init(parsing argument: String) throws(DurationArgumentError) {
        let units: [(suffix: String, seconds: Double)] = [("ms", 0.001), ("s", 1), ("m", 60), ("h", 3600)]
        let unit = units.first { argument.hasSuffix($0.suffix) } ?? ("", 1)
        guard let number = DecimalNumber.parse(argument.dropLast(unit.suffix.count)) else {
            throw .malformed(argument)
        }
        let seconds = number * unit.seconds
        guard (0...Self.maximumSeconds).contains(seconds) else { throw .outOfRange(argument) }
        duration = .milliseconds(Int64((seconds * 1000).rounded()))
        description = argument
    }
}

/// A duration flag value that cannot be used; argument parsing prints its description after the value.
enum DurationArgumentError: Error, Equatable, CustomStringConvertible {
    /// Not a decimal number with an optional unit.
    case malformed(String)
    /// Negative, or longer than `DurationArgument.maximumSeconds`.
    case outOfRange(String)

    /// Stable machine-readable code.
    var code: String {
        switch self {
        case .malformed: "duration.malformed"
        case .outOfRange: "duration.outOfRange"
        }
    }

    /// Human-readable explanation.
    var description: String {
        switch self {
        case .malformed:
            "expected a decimal number with a unit, such as 500ms, 30s, 10m or 1h (a bare number is seconds)"
        case .outOfRange: "a duration must be from 0 to \(Int(DurationArgument.maximumSeconds / 3600))h (365 days)"
        }
    }
}

/// `--listen HOST:PORT` (an IPv6 host in brackets: `[::1]:9464`).
struct ListenAddress: Equatable, CustomStringConvertible {
    /// Bind host.
    let host: String
    /// Bind port (0 picks a free one).
    let port: Int

    /// A default value.
    init(host: String, port: Int) {
        self.host = host
        self.port = port
    }

    /// Parses `HOST:PORT`.
    /// - Throws: `ListenAddressError` naming what is missing or out of range.
    init(parsing argument: String) throws(ListenAddressError) {
        guard let colon = argument.lastIndex(of: ":"), !argument.hasSuffix("]") else { throw .noPort(argument) }
        guard let port = Int(argument[argument.index(after: colon)...]) else { throw .noPort(argument) }
        guard (0...65535).contains(port) else { throw .portOutOfRange(port) }
        var host = String(argument[..<colon])
        if host.hasPrefix("["), host.hasSuffix("]") {
            host = String(host.dropFirst().dropLast())
        } else if host.contains(":") {
            throw .ipv6WithoutBrackets(argument)
        }
        guard !host.isEmpty else { throw .noHost }
        self.host = host
        self.port = port
    }

    /// `host:port`.
    var description: String { HealthEndpointService.address(host: host, port: port) }
}

/// A `--listen` value that cannot be used; argument parsing prints its description after the value.
enum ListenAddressError: Error, Equatable, CustomStringConvertible {
    /// No `:PORT` at the end (a bare host, or an IPv6 address without brackets and port).
    case noPort(String)
    /// A port above 65535 or negative.
    case portOutOfRange(Int)
    /// Nothing before the colon.
    case noHost
    /// An IPv6 address not in brackets: its last colon cannot tell the port.
    case ipv6WithoutBrackets(String)

    /// Human-readable explanation.
    var description: String {
        switch self {
        case .noPort(let value):
            "expected HOST:PORT, such as 127.0.0.1:9464, localhost:9464 or [::1]:9464 (port 0 picks a free one); "
                + "'\(value)' has no port"
        case .portOutOfRange(let port): "the port must be from 0 to 65535, not \(port)"
        case .noHost: "expected HOST:PORT: the host is missing (0.0.0.0:9464 listens on every address)"
        case .ipv6WithoutBrackets(let value): "an IPv6 address goes in brackets before the port, such as [::1]:9464, not '\(value)'"
        }
    }
}
