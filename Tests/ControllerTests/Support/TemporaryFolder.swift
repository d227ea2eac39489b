import Foundation

/// A fresh folder under the system temporary directory, removed when the value is released.
final class TemporaryFolder: Sendable {
    /// Absolute path of the folder.
    let path: String

    /// Creates the folder.
    init() throws {
        path = FileManager.default.temporaryDirectory.path + "/ctl-test-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    /// Removes the folder and everything in it.
    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }

    /// Absolute path of `relative` inside the folder.
    func url(_ relative: String) -> URL {
        URL(fileURLWithPath: path + "/" + relative)
    }

    /// Writes `text` to `relative` in place (no temporary file), creating or truncating it.
    func write(_ relative: String, _ text: String = "kind: UserPool\n") throws {
        try Data(text.utf8).write(to: url(relative))
    }

    /// Creates the folder `relative` (and missing parents).
    func makeFolder(_ relative: String) throws {
        try FileManager.default.createDirectory(at: url(relative), withIntermediateDirectories: true)
    }

    /// Renames `from` to `to` (replacing `to` atomically when it exists, as `rename(2)` does).
    func rename(_ from: String, _ to: String) throws {
        guard Foundation.rename(url(from).path, url(to).path) == 0 else { throw CocoaError(.fileWriteUnknown) }
    }

    /// Creates a symlink at `relative` pointing to `target` (stored as given).
    func symlink(_ relative: String, to target: String) throws {
        try FileManager.default.createSymbolicLink(atPath: url(relative).path, withDestinationPath: target)
    }

    /// Removes `relative` (recursively for folders).
    func remove(_ relative: String) throws {
        try FileManager.default.removeItem(at: url(relative))
    }
}
