import Foundation
import Testing

/// `smsauth explain`, run as a user would.
@Suite struct ExplainCommandTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    @Test func explainsAFieldPath() async throws {
        let result = try await CLIRunner.run(["explain", "MfaPolicy.spec.sms"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("FIELD:    spec.sms <object>"))
        #expect(result.stdout.contains("  message\t<string>"))
    }

    @Test func unknownKindOrFieldIsAnErrorWithASuggestion() async throws {
        let kind = try await CLIRunner.run(["explain", "AppClinet"])
        #expect(kind.status != 0)
        #expect(kind.stderr.contains("unknown kind 'AppClinet' (did you mean 'AppClient'?)"), "\(kind.stderr)")
        let field = try await CLIRunner.run(["explain", "AppClient.spec.clientNam"])
        #expect(field.status != 0)
        #expect(field.stderr.contains("AppClient has no field 'spec.clientNam' (did you mean 'spec.clientName'?)"),
                "\(field.stderr)")
        #expect(field.stdout.isEmpty)
        #expect(!(kind.stderr + field.stderr).contains("Usage:"), "a wrong name is not a wrong command line")
    }

    @Test func aManualFolderWithoutTheExamplesIsAClearError() async throws {
        let result = try await CLIRunner.run(["explain", "--manual", "/nonexistent-examples"])
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("error: cannot read the example /nonexistent-examples/"), "\(result.stderr)")
        #expect(result.stderr.contains("is /nonexistent-examples the examples folder?"))
        #expect(!result.stderr.contains("NSCocoaErrorDomain") && result.stdout.isEmpty)
    }

    @Test func needsExactlyOneOfTargetAndManual() async throws {
        let neither = try await CLIRunner.run(["explain"])
        #expect(neither.status != 0)
        #expect(neither.stderr.contains("give a KIND[.FIELD.PATH] or --manual <examples-dir>"), "\(neither.stderr)")
        let both = try await CLIRunner.run(["explain", "UserPool", "--manual", "examples"])
        #expect(both.status != 0)
    }

    @Test func manualPrintsTheCommittedReference() async throws {
        let result = try await CLIRunner.run(["explain", "--manual", "examples"], directory: Self.root)
        #expect(result.status == 0, "\(result.stderr)")
        let committed = try String(contentsOf: Self.root.appendingPathComponent("docs/manifests.md"), encoding: .utf8)
        #expect(result.stdout == committed)
    }
}
