import Foundation
import Testing

/// Every shipped manifest set validates cleanly, warnings included (`--strict`).
@Suite struct ExamplesValidateTests {
    /// The project root.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// `manifests/` and each folder of `examples/`.
    static var sets: [String] {
        let examples = (try? FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("examples").path)) ?? []
        return ["manifests"] + examples.filter { !$0.hasPrefix(".") && !$0.hasSuffix(".md") }.sorted().map { "examples/\($0)" }
    }

    @Test func everyExampleFolderIsListed() {
        #expect(Self.sets.count == 10)
    }

    @Test(arguments: sets)
    func validatesWithoutWarnings(_ folder: String) async throws {
        let result = try await CLIRunner.run(["validate", "--strict", folder], directory: Self.root)
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.hasSuffix("0 errors, 0 warnings\n"))
    }
}
