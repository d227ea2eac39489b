import Foundation
import Testing
@testable import AWSCore

/// Merging of the two files, loading from environment-selected paths, active profile name.
@Suite struct SharedConfigTests {
    @Test func credentialsFileWinsForKeysInBothFiles() throws {
        let config = try Fixture.sharedConfig(
            config: "[profile dev]\nregion = eu-west-1\naws_access_key_id = AKIACONFIG\n",
            credentials: "[dev]\naws_access_key_id = AKIACREDS\naws_secret_access_key = s\n")
        let profile = try #require(config.profile(named: "dev"))
        #expect(profile.accessKeyId == "AKIACREDS")
        #expect(profile.secretAccessKey == "s")
        #expect(profile.region == "eu-west-1")
        #expect(profile.files == ["/home/u/.aws/credentials", "/home/u/.aws/config"])
    }

    @Test func profileInOnlyOneFileOrNeither() throws {
        let config = try Fixture.sharedConfig(config: "[profile a]\nregion = r\n", credentials: "[b]\nx = 1\n")
        #expect(config.profile(named: "a")?.files == ["/home/u/.aws/config"])
        #expect(config.profile(named: "b")?.files == ["/home/u/.aws/credentials"])
        #expect(config.profile(named: "c") == nil)
        #expect(config.profileNames == ["a", "b"])
    }

    @Test func typedAccessorsReadTheDocumentedKeys() throws {
        let config = try Fixture.sharedConfig(config: """
            [profile p]
            role_arn = arn:aws:iam::1:role/r
            source_profile = base
            external_id = ext
            role_session_name = sess
            duration_seconds = 900
            web_identity_token_file = /t
            credential_source = Environment
            endpoint_url = http://127.0.0.1:1
            aws_session_token = tok
            """)
        let profile = try #require(config.profile(named: "p"))
        #expect(profile.roleArn == "arn:aws:iam::1:role/r")
        #expect(profile.sourceProfile == "base")
        #expect(profile.externalId == "ext")
        #expect(profile.roleSessionName == "sess")
        #expect(profile.durationSeconds == 900)
        #expect(profile.webIdentityTokenFile == "/t")
        #expect(profile.credentialSource == "Environment")
        #expect(profile.endpointURL == "http://127.0.0.1:1")
        #expect(profile.sessionToken == "tok")
        #expect(profile.region == nil)
    }

    @Test func loadReadsPathsFromEnvironmentAndMissingFilesAreEmpty() throws {
        let dir = try TempDirectory()
        try dir.write("custom/config", "[profile x]\nregion = ap-south-1\n")
        let config = try SharedConfig.load(environment: [
            "HOME": dir.path, "AWS_CONFIG_FILE": dir.path + "/custom/config",
        ])
        #expect(config.configFilePath == dir.path + "/custom/config")
        #expect(config.credentialsFilePath == dir.path + "/.aws/credentials")
        #expect(config.profile(named: "x")?.region == "ap-south-1")
        #expect(config.profile(named: "default") == nil)
    }

    @Test func loadDefaultsToHomeAndExpandsTilde() throws {
        let dir = try TempDirectory()
        try dir.write(".aws/credentials", "[default]\naws_access_key_id = AKIA\naws_secret_access_key = s\n")
        let config = try SharedConfig.load(environment: ["HOME": dir.path, "AWS_CONFIG_FILE": "~/other/config"])
        #expect(config.configFilePath == dir.path + "/other/config")
        #expect(config.profile(named: "default")?.accessKeyId == "AKIA")
    }

    @Test func loadReportsMalformedFileWithPath() throws {
        let dir = try TempDirectory()
        let path = try dir.write(".aws/credentials", "[default]\nbroken\n")
        #expect(throws: SharedConfigError.malformedLine(file: path, line: 2, reason: "expected 'key = value'")) {
            try SharedConfig.load(environment: ["HOME": dir.path])
        }
    }

    @Test func unreadableFileIsAnError() throws {
        let dir = try TempDirectory()
        try FileManager.default.createDirectory(atPath: dir.path + "/.aws/config", withIntermediateDirectories: true)
        #expect(throws: SharedConfigError.self) { try SharedConfig.load(environment: ["HOME": dir.path]) }
    }

    @Test(arguments: [
        (nil, [:], "default"),
        (nil, ["AWS_PROFILE": "env"], "env"),
        ("flag", ["AWS_PROFILE": "env"], "flag"),
        ("", ["AWS_PROFILE": ""], "default"),
    ] as [(String?, [String: String], String)])
    func activeProfileName(flag: String?, environment: [String: String], expected: String) {
        #expect(SharedConfig.activeProfileName(environment: environment, profileFlag: flag) == expected)
    }
}
