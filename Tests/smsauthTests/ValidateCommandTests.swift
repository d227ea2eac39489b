import Foundation
import Manifests
import Testing

/// `smsauth validate` run as a user would, on the fixture folders.
@Suite struct ValidateCommandTests {
    /// `Tests/smsauthTests/Fixtures`.
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    @Test func validFixtureExitsZero() async throws {
        let result = try await CLIRunner.run(["validate", "valid"], directory: Self.fixtures)
        #expect(result.status == 0)
        #expect(result.stdout == "4 resources in 2 files: 0 errors, 0 warnings\n")
    }

    /// With a Registration manifest, validate says which bundled field definitions it checked the fields against.
    @Test func aRegistrationIsCheckedAgainstTheDatedSnapshot() async throws {
        let example = Workspace.repository.appendingPathComponent("examples/us-production-sms").path
        let text = try await CLIRunner.run(["validate", example])
        #expect(text.status == 0, "\(text.stdout)")
        #expect(text.stdout.hasSuffix("Registration fields checked offline against the bundled field definitions of "
                                      + "\(RegistrationDefinitions.snapshotDate) (plans check them against AWS's, read "
                                      + "at plan time)\n7 resources in 5 files: 0 errors, 0 warnings\n"), "\(text.stdout)")
        let json = try await CLIRunner.run(["validate", example, "--output", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(object["registrationFieldDefinitions"] as? String == RegistrationDefinitions.snapshotDate)
    }

    @Test func brokenFixtureListsEveryProblemAndExitsOne() async throws {
        let result = try await CLIRunner.run(["validate", "./broken/"], directory: Self.fixtures)
        #expect(result.status == 1)
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.last == "4 resources in 5 files: 11 errors, 1 warning")
        let locations = lines.dropLast().map { $0.split(separator: ":").prefix(3).joined(separator: ":") }
        #expect(locations == [
            "broken/dupkey.yml:6:3", "broken/messaging.yaml:5:16", "broken/messaging.yaml:14:18",
            "broken/messaging.yaml:18:7", "broken/pool.yaml:3:18", "broken/pool.yaml:5:3", "broken/pool.yaml:7:28",
            "broken/pool.yaml:9:20", "broken/pool.yaml:11:22", "broken/pool.yaml:17:13", "broken/pool.yaml:19:32",
            "broken/syntax.yaml:4:35",
        ])
        #expect(result.stdout.contains("broken/pool.yaml:5:3: error: unknown field 'poolNmae' in 'spec' "
                                       + "(did you mean 'poolName'?)\n"))
    }

    @Test func jsonOutputHasTheDocumentedShape() async throws {
        let result = try await CLIRunner.run(["validate", "broken", "--output", "json"], directory: Self.fixtures)
        #expect(result.status == 1)
        let object = try #require(JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(Set(object.keys) == ["diagnostics", "resources", "errors", "warnings"])
        #expect(object["errors"] as? Int == 11 && object["warnings"] as? Int == 1 && object["resources"] as? Int == 4)
        let diagnostics = try #require(object["diagnostics"] as? [[String: Any]])
        #expect(diagnostics.count == 12)
        let first = try #require(diagnostics.first)
        #expect(Set(first.keys) == ["severity", "code", "message", "file", "line", "column", "field"])
        #expect(first["code"] as? String == "duplicate-key" && first["line"] as? Int == 6)
        #expect(diagnostics.contains { $0["field"] as? String == "spec.poolNmae" })
    }

    @Test func strictFailsOnWarnings() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("smsauth-strict-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let text = "apiVersion: smsauth/v1\nkind: UserPool\nmetadata: {name: p}\nspec: {poolName: p}\n"
            + "policy: {onImmutableChange: Recreate}\n"
        try Data(text.utf8).write(to: dir.appendingPathComponent("p.yaml"))
        let lenient = try await CLIRunner.run(["validate", dir.path])
        let strict = try await CLIRunner.run(["validate", dir.path, "--strict"])
        #expect(lenient.status == 0 && strict.status == 1)
        #expect(strict.stdout.hasSuffix("1 resource in 1 file: 0 errors, 1 warning\n"))
    }

    @Test func badRegionIsRefusedBeforeReading() async throws {
        let result = try await CLIRunner.run(["validate", "valid", "--region", "Frankfurt"], directory: Self.fixtures)
        #expect(result.status != 0)
        #expect(result.stderr.contains("--region 'Frankfurt' is not an AWS region name"))
    }

    @Test func helpExplainsOutputAndOptions() async throws {
        let result = try await CLIRunner.run(["validate", "--help"])
        #expect(result.status == 0)
        for text in ["--output", "--strict", "--region", "path:line:column", "Exit status"] {
            #expect(result.stdout.contains(text), "\(text)")
        }
    }

    @Test func schemaCommandPrintsTheCommittedSchema() async throws {
        let result = try await CLIRunner.run(["schema"])
        let committed = try String(contentsOf: Self.fixtures.deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("schema/smsauth-v1.json"), encoding: .utf8)
        #expect(result.status == 0)
        #expect(result.stdout == committed)
    }
}
