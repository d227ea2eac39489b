import Foundation

/// Golden files under `Rendering/Golden/`, found from this source file's path.
///
/// With `SMSAUTH_UPDATE_GOLDEN=1` in the environment, `expected` first rewrites the file with the actual output
/// (for deliberate format changes; review the diff before committing).
enum GoldenFile {
    /// The folder holding the golden files.
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    /// The stored golden text for `name` (after an update when the environment asks for one).
    static func expected(_ name: String, actual: String) throws -> String {
        let url = folder.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["SMSAUTH_UPDATE_GOLDEN"] == "1" {
            try Data(actual.utf8).write(to: url)
        }
        return try String(contentsOf: url, encoding: .utf8)
    }
}
