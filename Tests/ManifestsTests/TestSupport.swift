import Foundation
@testable import Manifests

/// Builds manifest YAML and runs loader plus validator on it.
enum TestSupport {
    /// A document of `kind` named `name` whose spec is the given block lines (indented by two spaces).
    static func doc(_ kind: String, _ name: String, _ spec: [String], extra: [String] = []) -> String {
        (["apiVersion: smsauth/v1", "kind: \(kind)", "metadata: {name: \(name)}", "spec:"]
            + spec.map { "  " + $0 } + extra).joined(separator: "\n") + "\n"
    }

    /// Documents joined with `---`.
    static func docs(_ documents: String...) -> String { documents.joined(separator: "---\n") }

    /// Loads `text` as file `t.yaml` and validates it; every diagnostic's description, sorted.
    static func check(_ text: String, region: String? = nil) -> [String] {
        let loaded = ManifestLoader().load(text: text, file: "t.yaml")
        return (loaded.diagnostics + Validator(defaultRegion: region).validate(loaded)).sorted().map(\.description)
    }

    /// A fresh empty temporary directory.
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("smsauth-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Writes `text` to `path` below `directory`, creating folders.
    static func write(_ text: String, to path: String, in directory: URL) throws {
        let url = directory.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }
}
