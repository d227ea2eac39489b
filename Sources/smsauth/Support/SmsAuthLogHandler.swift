import Foundation
import Logging

/// The log handler behind `--log-format`: one line per record on standard error, either for people
/// (`2026-11-23T13:46:00Z info smsauth.reconcile: applied kind=UserPool resource=qnatime`) or as JSON with stable
/// keys (`time`, `level`, `logger`, `message`, then every metadata key as given).
struct SmsAuthLogHandler: LogHandler {
    /// Output format.
    enum Format: Sendable { case text, json }

    /// The logger's label, e.g. `smsauth.reconcile`.
    let label: String
    /// Output format.
    let format: Format
    /// Lowest level written.
    var logLevel: Logger.Level
    /// Metadata attached to every record of this logger.
    var metadata: Logger.Metadata = [:]

    /// Metadata lookup by key.
    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    /// Writes one record.
    func log(event: LogEvent) {
        var merged = metadata
        if let extra = event.metadata { merged.merge(extra) { $1 } }
        let line = Self.render(time: Date(), level: event.level, label: label, message: "\(event.message)",
                               metadata: merged, format: format)
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    /// One formatted line (pure, for tests).
    static func render(time: Date, level: Logger.Level, label: String, message: String,
                       metadata: Logger.Metadata, format: Format) -> String {
        let timestamp = time.formatted(timestampStyle)
        switch format {
        case .text:
            let pairs = metadata.sorted { $0.key < $1.key }.map { "\($0.key)=\(textValue($0.value))" }
            return ([timestamp, level.rawValue, "\(label):", message] + pairs).joined(separator: " ")
        case .json:
            var object: [String: JSONLogValue] = [
                "time": .string(timestamp), "level": .string(level.rawValue), "logger": .string(label),
                "message": .string(message),
            ]
            for (key, value) in metadata where object[key] == nil { object[key] = jsonValue(value) }
            guard let data = try? jsonEncoder.encode(object) else {
                return #"{"level":"error","message":"unencodable log record"}"#
            }
            return String(decoding: data, as: UTF8.self)
        }
    }

    /// `2026-11-23T13:46:00Z`. FoundationEssentials' format style, not `ISO8601DateFormatter`: that one builds an ICU
    /// date formatter on every call, which costs CPU per line and keeps megabytes of ICU locale and time-zone data
    /// resident in a long-running controller.
    private static let timestampStyle = Date.ISO8601FormatStyle()

    /// A metadata value for text output: quoted when it contains spaces.
    private static func textValue(_ value: Logger.Metadata.Value) -> String {
        let text = "\(value)"
        return text.contains(" ") ? "\"\(text)\"" : text
    }

    /// Sorted keys, slashes as they are. `JSONEncoder` rather than `JSONSerialization`, whose sorted keys compare
    /// through ICU collation (more ICU data resident, more CPU per line).
    private static let jsonEncoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    /// A metadata value as JSON.
    private static func jsonValue(_ value: Logger.Metadata.Value) -> JSONLogValue {
        switch value {
        case let .string(text): .string(text)
        case let .stringConvertible(convertible): .string(convertible.description)
        case let .array(values): .array(values.map(jsonValue))
        case let .dictionary(members): .object(members.mapValues(jsonValue))
        }
    }
}

/// A JSON log value: metadata are strings, lists and maps of them.
enum JSONLogValue: Encodable {
    case string(String)
    case array([JSONLogValue])
    case object([String: JSONLogValue])

    /// Encodes the value itself (no case wrapper).
    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case let .string(text): try container.encode(text)
        case let .array(values): try container.encode(values)
        case let .object(members): try container.encode(members)
        }
    }
}
