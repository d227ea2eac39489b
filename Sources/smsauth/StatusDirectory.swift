import Foundation
import Reconciler

/// Where status files live: `--status-dir`, else `<parent>/.smsauth/<name>/status`, where `<parent>/<name>` is the
/// manifest folder's real path (symlinks resolved, `.`, `..` and trailing slashes gone). Sibling folders therefore
/// never share a status folder, and one folder reached through different paths always finds the same one.
enum StatusDirectory {
    /// The status folder for the manifest directory `manifests`.
    /// - Throws: `StatusDirectoryError.legacyStatusFiles` when the default is used, status files are at the shared
    ///   default of earlier versions and the new default does not exist yet (using them, or ignoring them, could
    ///   both act on another folder's resources).
    static func resolve(flag: String?, manifests: String) throws(StatusDirectoryError) -> URL {
        if let flag { return URL(fileURLWithPath: flag).standardizedFileURL }
        let location = defaultLocation(manifests: manifests)
        let legacy = legacyLocation(manifests: manifests)
        guard !FileManager.default.fileExists(atPath: location.path) else { return location }
        let found: [ResourceAddress]
        do {
            found = try StatusStore(directory: legacy).addresses()
        } catch {
            throw .legacyUnreadable(legacy: legacy.path, detail: error.message)
        }
        if !found.isEmpty { throw .legacyStatusFiles(legacy: legacy.path, current: location.path) }
        return location
    }

    /// `<parent>/.smsauth/<name>/status` for the real path `<parent>/<name>` of `manifests` (the lexical absolute
    /// path when it cannot be resolved, e.g. a folder that does not exist).
    static func defaultLocation(manifests: String) -> URL {
        let folder = realPath(manifests)
        let name = folder.lastPathComponent == "/" ? "root" : folder.lastPathComponent
        return folder.deletingLastPathComponent().appendingPathComponent(".smsauth").appendingPathComponent(name)
            .appendingPathComponent("status")
    }

    /// The default of earlier versions, `<DIR>/../.smsauth/status`, shared by every folder beside DIR.
    static func legacyLocation(manifests: String) -> URL {
        URL(fileURLWithPath: manifests).appendingPathComponent("..").appendingPathComponent(".smsauth")
            .appendingPathComponent("status").standardizedFileURL
    }

    /// `path` with every symlink resolved (`realpath(3)`), else made absolute and standardized.
    private static func realPath(_ path: String) -> URL {
        guard let resolved = realpath(path, nil) else { return URL(fileURLWithPath: path).standardizedFileURL }
        defer { free(resolved) }
        return URL(fileURLWithPath: String(cString: resolved))
    }
}

/// Why the default status folder cannot be chosen.
enum StatusDirectoryError: Error, Equatable, CustomStringConvertible {
    /// Status files are at the shared default of earlier versions and the new default does not exist.
    case legacyStatusFiles(legacy: String, current: String)
    /// The shared default of earlier versions cannot be read, so whether it holds status files is unknown.
    case legacyUnreadable(legacy: String, detail: String)

    /// Stable machine-readable code.
    var code: String {
        switch self {
        case .legacyStatusFiles: "status.legacyLocation"
        case .legacyUnreadable: "status.legacyUnreadable"
        }
    }

    /// What was found and the exact fix.
    var description: String {
        switch self {
        case .legacyStatusFiles(let legacy, let current):
            let parent = URL(fileURLWithPath: current).deletingLastPathComponent().path
            return """
                status files of an earlier smsauth version are in \(legacy), the default status folder that every \
                manifest folder beside this one shared; the default for this folder is now \(current), which does \
                not exist. If they belong to this manifest folder, move them: mkdir -p '\(parent)' && mv '\(legacy)' \
                '\(current)'. Otherwise (or to keep using them) pass --status-dir '\(legacy)'.
                """
        case .legacyUnreadable(let legacy, let detail):
            return "cannot tell whether \(legacy) (the default status folder of earlier versions) holds status "
                + "files: \(detail); pass --status-dir"
        }
    }
}
