import Foundation

/// Who holds a status lock: the record written into the lock file as `key=value` lines (`pid`, `host`, `since` in
/// ISO 8601), so a refused writer can name the holder.
public struct StatusLockHolder: Sendable, Equatable {
    /// Process id of the holder.
    public var pid: Int32
    /// Host name of the holder's machine.
    public var host: String
    /// When the holder took the lock.
    public var since: Date

    /// A holder record.
    public init(pid: Int32, host: String, since: Date) {
        self.pid = pid
        self.host = host
        self.since = since
    }

    /// This process, now.
    public static func current() -> StatusLockHolder {
        StatusLockHolder(pid: getpid(), host: hostName(), since: Date())
    }

    /// The machine's name from `gethostname` (not `ProcessInfo.hostName`, which may ask DNS for the canonical name).
    public static func hostName() -> String {
        var buffer = [CChar](repeating: 0, count: 256)
        guard gethostname(&buffer, buffer.count - 1) == 0 else { return "unknown" }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// The lock file's content: `pid=…`, `host=…`, `since=…` lines.
    public var record: String {
        "pid=\(pid)\nhost=\(host)\nsince=\(Self.format(since))\n"
    }

    /// `pid 123 on host example since 2026-12-04T18:30:00Z`.
    public var summary: String {
        "pid \(pid) on host \(host) since \(Self.format(since))"
    }

    /// Parses a record; nil when it is empty or lacks a field (a holder that has not written it yet, or a lock
    /// file from an older version holding only a pid).
    public init?(record: String) {
        var fields: [Substring: Substring] = [:]
        for line in record.split(separator: "\n") {
            guard let equals = line.firstIndex(of: "=") else { continue }
            fields[line[..<equals]] = line[line.index(after: equals)...]
        }
        guard let pid = fields["pid"].flatMap({ Int32($0) }), let host = fields["host"], !host.isEmpty,
              let since = fields["since"].flatMap({ try? Self.timestampStyle.parse(String($0)) }) else {
            return nil
        }
        self.init(pid: pid, host: String(host), since: since)
    }

    /// ISO 8601 in UTC, whole seconds. FoundationEssentials' format style, not `ISO8601DateFormatter`, which keeps
    /// ICU's locale and time-zone data resident in the long-running controller.
    private static let timestampStyle = Date.ISO8601FormatStyle()

    /// `since` as written in the record.
    private static func format(_ date: Date) -> String {
        date.formatted(timestampStyle)
    }
}
