/// A failure to read `~/.aws/config` or `~/.aws/credentials`. Messages name the file and line, never the line text
/// (a malformed line may hold a secret).
public enum SharedConfigError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Line `line` of `file` is not a section header, a `key = value` pair, a continuation or a comment.
    case malformedLine(file: String, line: Int, reason: String)
    /// `file` exists but could not be read as UTF-8 text.
    case unreadableFile(file: String, reason: String)

    /// Stable machine-readable code.
    public var code: String {
        switch self {
        case .malformedLine: "config.malformedLine"
        case .unreadableFile: "config.unreadableFile"
        }
    }

    /// Human-readable message.
    public var message: String {
        switch self {
        case let .malformedLine(file, line, reason): "\(file):\(line): \(reason)"
        case let .unreadableFile(file, reason): "cannot read \(file): \(reason)"
        }
    }

    /// Same as `message`.
    public var description: String { message }
}
