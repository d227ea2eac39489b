import ArgumentParser
import Foundation
import Reconciler
import Testing

@testable import smsauth

/// Which state a command uses: --status-dir > --state > SMSAUTH_STATE > spec.state (relative to the manifest folder)
/// > the default status folder.
@Suite struct StateAccessTests {
    static let manifests = "/work/sets/team-a"

    static func resolve(_ arguments: [String], environment: [String: String] = [:],
                        settings: String? = nil) throws -> StateAccess {
        try StateAccess.resolve(global: try GlobalOptions.parse(arguments), manifests: manifests,
                                settingsState: settings, environment: environment)
    }

    @Test func precedence() throws {
        let s3 = { (prefix: String) in StateAccess.s3(S3StateURL(bucket: "state-bucket", prefix: prefix)) }
        #expect(try Self.resolve(["--state", "s3://state-bucket/flag"], environment: ["SMSAUTH_STATE": "s3://state-bucket/env"],
                                 settings: "s3://state-bucket/settings") == s3("flag"))
        #expect(try Self.resolve([], environment: ["SMSAUTH_STATE": "s3://state-bucket/env"],
                                 settings: "s3://state-bucket/settings") == s3("env"))
        #expect(try Self.resolve([], settings: "s3://state-bucket/settings") == s3("settings"))
        #expect(try Self.resolve(["--status-dir", "/tmp/st"], environment: ["SMSAUTH_STATE": "s3://state-bucket/env"])
            == .folder(URL(fileURLWithPath: "/tmp/st")))
        #expect(try Self.resolve([], settings: "../state/a") == .folder(URL(fileURLWithPath: "/work/sets/state/a")))
        #expect(try Self.resolve([], settings: "state") == .folder(URL(fileURLWithPath: "/work/sets/team-a/state")))
        #expect(try Self.resolve(["--state", "/var/lib/smsauth"]) == .folder(URL(fileURLWithPath: "/var/lib/smsauth")))
        #expect(try Self.resolve([], environment: ["SMSAUTH_STATE": ""])
            == .folder(StatusDirectory.defaultLocation(manifests: Self.manifests)))
    }

    @Test func conflictingAndMalformedOptionsAreRefused() {
        #expect(throws: (any Error).self) { try GlobalOptions.parse(["--state", "s3://x/y", "--status-dir", "/tmp/a"]) }
        #expect(throws: (any Error).self) { try GlobalOptions.parse(["--state", "s3://Bad_Bucket/y"]) }
        #expect(throws: (any Error).self) { try Self.resolve([], environment: ["SMSAUTH_STATE": "s3://ab"]) }
    }
}
