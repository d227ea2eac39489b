import Foundation
import Testing
@testable import Manifests

/// `docs/manifests.md` is the generator's output, names every field of the JSON Schema, and its examples validate.
@Suite struct ManifestManualTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let examples = root.appendingPathComponent("examples")

    static func generated() throws -> String {
        try ManifestManual.markdown { try String(contentsOf: examples.appendingPathComponent($0), encoding: .utf8) }
    }

    @Test func committedManualMatchesTheGenerator() throws {
        let committed = try String(contentsOf: Self.root.appendingPathComponent("docs/manifests.md"), encoding: .utf8)
        #expect(committed == (try Self.generated()),
                "regenerate with: smsauth explain --manual examples > docs/manifests.md")
    }

    /// Dotted paths of every property below a JSON Schema node (`list[].field` inside arrays of objects).
    static func paths(in node: [String: Any], prefix: String) -> [String] {
        guard let properties = node["properties"] as? [String: Any] else { return [] }
        return properties.sorted { $0.key < $1.key }.flatMap { name, value -> [String] in
            let here = prefix.isEmpty ? name : "\(prefix).\(name)"
            guard let property = value as? [String: Any] else { return [here] }
            if let items = property["items"] as? [String: Any] { return [here] + paths(in: items, prefix: here + "[]") }
            return [here] + paths(in: property, prefix: here)
        }
    }

    /// The manual's section of one kind, from its heading to the next kind's.
    static func section(of kind: String, in manual: String) throws -> Substring {
        let start = try #require(manual.range(of: "\n## \(kind)\n"))
        let end = manual.range(of: "\n## ", range: start.upperBound..<manual.endIndex)?.lowerBound ?? manual.endIndex
        return manual[start.lowerBound..<end]
    }

    @Test func everyFieldOfTheJSONSchemaIsInTheManual() throws {
        let manual = try Self.generated()
        let schema = JSONSchema.document()
        let definitions = try #require(schema["$defs"] as? [String: Any])
        let topLevel = try #require(schema["properties"] as? [String: Any])
        let policy = Self.paths(in: try #require(topLevel["policy"] as? [String: Any]), prefix: "policy")
        let metadata = Self.paths(in: try #require(topLevel["metadata"] as? [String: Any]), prefix: "metadata")
        var checked = 0
        for guide in KindGuide.all {
            let definition = try #require(definitions["\(guide.kind)Spec"] as? [String: Any])
            let isSettings = guide.kind == ManifestSettings.kind
            let expected = Self.paths(in: definition, prefix: "spec") + (isSettings ? [] : policy + metadata)
            let section = try Self.section(of: guide.kind, in: manual)
            for path in expected {
                #expect(section.contains("| `\(path)` |"), "\(guide.kind): \(path) is not in docs/manifests.md")
                checked += 1
            }
        }
        #expect(checked > 100)
    }

    @Test(arguments: KindGuide.all)
    func everyKindHasItsExampleAndPurpose(_ guide: KindGuide) throws {
        let manual = try Self.generated()
        let section = try Self.section(of: guide.kind, in: manual)
        #expect(section.contains("kind: \(guide.kind)\n"))
        #expect(section.contains(guide.purpose))
        if guide.kind != ManifestSettings.kind {
            #expect(section.contains("### Which fields matter for SMS sign-in"))
        }
    }

    /// The example folder each kind's example comes from validates without errors and holds that kind.
    @Test(arguments: KindGuide.all)
    func everyExampleValidates(_ guide: KindGuide) throws {
        let file = Self.examples.appendingPathComponent(guide.example)
        let result = ManifestLoader().load(directory: file.deletingLastPathComponent().path)
        #expect(result.diagnostics.errorCount == 0, "\(result.diagnostics.map(\.description))")
        if guide.kind == ManifestSettings.kind {
            #expect(result.settings != nil)
        } else {
            #expect(result.manifests.contains { $0.spec.kind.rawValue == guide.kind && $0.location.file.hasSuffix(guide.example) })
        }
    }

    @Test func documentPicksTheKindFromAMultiDocumentFile() {
        let text = "# head\nkind: A\nx: 1\n---\n# about B\nkind: B\ny: 2\n\n"
        #expect(ManifestManual.document(of: "A", in: text) == "# head\nkind: A\nx: 1")
        #expect(ManifestManual.document(of: "B", in: text) == "# about B\nkind: B\ny: 2")
    }
}
