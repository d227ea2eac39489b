/// Why a status folder cannot be used, found before any AWS read.
public enum StatusLocationError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The path exists and is not a folder (a regular file, a device, …).
    case notAFolder(path: String)
    /// The path cannot be looked at (`reason` from the system, e.g. a component that is a regular file).
    case unusable(path: String, reason: String)
    /// The folder is missing and cannot be created.
    case cannotCreate(path: String, reason: String)
    /// The folder exists but a file cannot be created in it (read-only mount, permissions).
    case notWritable(path: String, reason: String)
    /// The folder (or a kind folder in it) cannot be listed.
    case notReadable(path: String, reason: String)

    /// Stable machine-readable code.
    public var code: String {
        switch self {
        case .notAFolder: "status.notAFolder"
        case .unusable: "status.unusable"
        case .cannotCreate: "status.cannotCreate"
        case .notWritable: "status.notWritable"
        case .notReadable: "status.notReadable"
        }
    }

    /// Human-readable explanation, naming the path.
    public var message: String {
        switch self {
        case .notAFolder(let path): "status folder \(path) is not a folder"
        case .unusable(let path, let reason): "status folder \(path) cannot be used: \(reason)"
        case .cannotCreate(let path, let reason): "status folder \(path) cannot be created: \(reason)"
        case .notWritable(let path, let reason): "status folder \(path) is not writable: \(reason)"
        case .notReadable(let path, let reason): "status folder \(path) cannot be read: \(reason)"
        }
    }

    /// `code: message`.
    public var description: String { "\(code): \(message)" }
}
