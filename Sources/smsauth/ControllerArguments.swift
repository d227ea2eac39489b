import ArgumentParser
import Controller

/// A duration flag value: a number with a unit, `500ms`, `30s`, `10m`, `1h` (a bare number is seconds).
struct DurationArgument: ExpressibleByArgument, Equatable, CustomStringConvertible {
    /// The duration.
    let duration: Duration
    /// The text as given.
    let description: String

    /// A default value.
    init(_ duration: Duration, text: String) {
        self.duration = duration
        description = text
    }

    /// Parses `500ms`, `30s`, `10m`, `1h`, `2.5s` or `30`; nil for anything else or a negative value.
    init?(argument: String) {
        let units: [(suffix: String, seconds: Double)] = [("ms", 0.001), ("s", 1), ("m", 60), ("h", 3600)]
        let unit = units.first { argument.hasSuffix($0.suffix) } ?? ("", 1)
        guard let number = Double(argument.dropLast(unit.suffix.count)), number.isFinite, number >= 0 else {
            return nil
        }
        duration = .milliseconds(Int64((number * unit.seconds * 1000).rounded()))
        description = argument
    }
}

/// `--listen HOST:PORT` (an IPv6 host in brackets: `[::1]:9464`).
struct ListenAddress: ExpressibleByArgument, Equatable, CustomStringConvertible {
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
    init?(argument: String) {
        guard let colon = argument.lastIndex(of: ":"), let port = Int(argument[argument.index(after: colon)...]),
              (0...65535).contains(port) else { return nil }
        var host = String(argument[..<colon])
        if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        guard !host.isEmpty else { return nil }
        self.host = host
        self.port = port
    }

    /// `host:port`.
    var description: String { host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)" }
}
