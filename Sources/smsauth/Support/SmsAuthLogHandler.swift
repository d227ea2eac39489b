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
        let timestamp = ISO8601DateFormatter().string(from: time)
        switch format {
        case .text:
            let pairs = metadata.sorted { $0.key < $1.key }.map { "\($0.key)=\(textValue($0.value))" }
            return ([timestamp, level.rawValue, "\(label):", message] + pairs).joined(separator: " ")
        case .json:
            var object: [String: Any] = ["time": timestamp, "level": level.rawValue, "logger": label, "message": message]
            for (key, value) in metadata where object[key] == nil { object[key] = jsonValue(value) }
            guard let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes]) else {
                return #"{"level":"error","message":"unencodable log record"}"#
            }
            return String(decoding: data, as: UTF8.self)
        }
    }

    /// A metadata value for text output: quoted when it contains spaces.
    private static func textValue(_ value: Logger.Metadata.Value) -> String {
        let text = "\(value)"
        return text.contains(" ") ? "\"\(text)\"" : text
    }

    /// A metadata value as a JSON-serialisable object.
    private static func jsonValue(_ value: Logger.Metadata.Value) -> Any {
        switch value {
        case let .string(text): return text
        case let .stringConvertible(convertible): return convertible.description
        case let .array(values): return values.map(jsonValue)
        case let .dictionary(members): return members.mapValues(jsonValue)
        }
    }
}
