import Foundation
import Testing
@testable import Manifests

/// The settings document: `smsauth.yaml` at the directory's root, `kind: Settings`, owner and state.
@Suite struct SettingsDocumentTests {
    static let role = TestSupport.doc("SmsRole", "role", ["roleName: r", "externalId: e"])

    /// A settings document with the given spec lines.
    static func settings(_ spec: [String]) -> String {
        (["apiVersion: smsauth/v1", "kind: Settings", "spec:"] + spec.map { "  " + $0 }).joined(separator: "\n") + "\n"
    }

    /// Loads and validates a directory holding `files` (relative path to text); diagnostics relative to it.
    static func load(_ files: [String: String]) throws -> (LoadResult, [String]) {
        let dir = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        for (path, text) in files { try TestSupport.write(text, to: path, in: dir) }
        let result = Validator().loadAndValidate(directory: dir.path)
        let prefix = dir.path + "/"
        return (result, result.diagnostics.map { $0.description.replacingOccurrences(of: prefix, with: "") })
    }

    @Test func theSettingsFileGivesOwnerAndStateAndCountsAsAFileNotAResource() throws {
        let (result, diagnostics) = try Self.load([
            "smsauth.yaml": Self.settings(["owner: qnatime-prod", "state: s3://my-bucket/smsauth"]),
            "role.yaml": Self.role,
        ])
        #expect(diagnostics == [])
        let settings = try #require(result.settings)
        #expect(settings.owner.value == "qnatime-prod")
        #expect(settings.owner.location.line == 4 && settings.owner.location.file.hasSuffix("/smsauth.yaml"))
        #expect(settings.state?.value == "s3://my-bucket/smsauth")
        #expect(settings.location.line == 2)
        #expect(result.manifests.map(\.id.description) == ["SmsRole/role"])
        #expect(result.files.count == 2)
    }

    @Test func withoutASettingsFileThereAreNoSettings() throws {
        let (result, diagnostics) = try Self.load(["role.yaml": Self.role])
        #expect(diagnostics == [])
        #expect(result.settings == nil)
    }

    @Test func stateIsOptional() throws {
        let (result, diagnostics) = try Self.load(["smsauth.yaml": Self.settings(["owner: a"])])
        #expect(diagnostics == [])
        #expect(result.settings?.state == nil)
        #expect(result.settings?.owner.value == "a")
    }

    @Test func unknownAndMissingFieldsAreErrors() throws {
        let (result, diagnostics) = try Self.load([
            "smsauth.yaml": "apiVersion: smsauth/v1\nkind: Settings\nmetadata: {name: x}\nspec:\n  ownr: a\n",
        ])
        #expect(diagnostics == [
            "smsauth.yaml:3:1: error: unknown field 'metadata' in the document",
            "smsauth.yaml:5:3: error: missing required field 'owner' in 'spec'",
            "smsauth.yaml:5:3: error: unknown field 'ownr' in 'spec' (did you mean 'owner'?)",
        ])
        #expect(result.settings == nil)
    }

    @Test(arguments: [
        ("Team_A", "smsauth.yaml:4:10: error: invalid owner 'Team_A': use 1-63 lowercase letters, digits and '-', "
            + "starting and ending with a letter or digit"),
        ("-a", "smsauth.yaml:4:10: error: invalid owner '-a': use 1-63 lowercase letters, digits and '-', starting "
            + "and ending with a letter or digit"),
        (String(repeating: "a", count: 64), "smsauth.yaml:4:10: error: invalid owner '\(String(repeating: "a", count: 64))"
            + "': use 1-63 lowercase letters, digits and '-', starting and ending with a letter or digit"),
    ])
    func badOwnersAreErrors(_ owner: String, _ expected: String) throws {
        let (_, diagnostics) = try Self.load(["smsauth.yaml": Self.settings(["owner: '\(owner)'"])])
        #expect(diagnostics == [expected])
    }

    @Test(arguments: ["s3://my-bucket", "s3://my.bucket-1/smsauth/prod/", "../state", "/var/lib/smsauth", "state"])
    func goodStateLocations(_ state: String) throws {
        let (result, diagnostics) = try Self.load(["smsauth.yaml": Self.settings(["owner: a", "state: '\(state)'"])])
        #expect(diagnostics == [])
        #expect(result.settings?.state?.value == state)
    }

    @Test(arguments: [
        ("ftp://host/x", "unsupported scheme 'ftp': use a local path or s3://bucket/prefix"),
        ("s3://My_Bucket/x", "'My_Bucket' is not an S3 bucket name (3-63 of a-z, 0-9, '.' and '-', starting and "
            + "ending with a letter or digit)"),
        ("s3://", "'' is not an S3 bucket name (3-63 of a-z, 0-9, '.' and '-', starting and ending with a letter "
            + "or digit)"),
        ("s3://a..b", "'a..b' is not an S3 bucket name (3-63 of a-z, 0-9, '.' and '-', starting and ending with a "
            + "letter or digit)"),
        ("", "it is empty; use a local path or s3://bucket/prefix"),
    ])
    func badStateLocations(_ state: String, _ problem: String) throws {
        let (_, diagnostics) = try Self.load(["smsauth.yaml": Self.settings(["owner: a", "state: '\(state)'"])])
        #expect(diagnostics == ["smsauth.yaml:5:10: error: invalid state location '\(state)': \(problem)"])
    }

    @Test func aSettingsDocumentElsewhereIsAnError() throws {
        let (result, diagnostics) = try Self.load([
            "sub/smsauth.yaml": Self.settings(["owner: a"]),
            "other.yaml": Self.settings(["owner: b"]),
        ])
        #expect(diagnostics == [
            "other.yaml:2:7: error: a Settings document belongs in smsauth.yaml at the root of the manifest "
                + "directory, not here",
            "sub/smsauth.yaml:2:7: error: a Settings document belongs in smsauth.yaml at the root of the manifest "
                + "directory, not here",
        ])
        #expect(result.settings == nil)
    }

    @Test func twoSettingsDocumentsAreAnError() throws {
        let (result, diagnostics) = try Self.load([
            "smsauth.yaml": TestSupport.docs(Self.settings(["owner: a"]), Self.settings(["owner: b"])),
        ])
        #expect(diagnostics == [
            "smsauth.yaml:7:7: error: a second Settings document: the manifest directory has one, already defined at "
                + "smsauth.yaml:2:7",
        ])
        #expect(result.settings?.owner.value == "a")
    }

    @Test func resourcesInTheSettingsFileAreErrors() throws {
        let (_, diagnostics) = try Self.load([
            "smsauth.yaml": TestSupport.docs(Self.settings(["owner: a"]), Self.role),
        ])
        #expect(diagnostics == [
            "smsauth.yaml:7:7: error: smsauth.yaml holds the Settings document only; move SmsRole 'role' to another "
                + "file",
        ])
    }
}
