import Foundation
import Testing
@testable import AWSCore

/// AssumeRoleWithWebIdentity from the environment.
@Suite struct WebIdentityCredentialProviderTests {
    @Test func readsTokenFileOnEveryCall() async throws {
        let dir = try TempDirectory()
        let tokenFile = try dir.write("token", "first-token")
        let sts = RecordingSTS()
        let provider = try WebIdentityCredentialProvider.fromEnvironment(Fixture.dependencies(environment: [
            "AWS_WEB_IDENTITY_TOKEN_FILE": tokenFile, "AWS_ROLE_ARN": "arn:aws:iam::1:role/Web",
            "AWS_ROLE_SESSION_NAME": "pod-1",
        ], sts: sts))
        #expect(try await provider.credentials().accessKeyId == "ASIA-Web")
        try dir.write("token", "second-token\n")
        _ = try await provider.credentials()
        let calls = await sts.calls
        #expect(calls.map(\.token) == ["first-token", "second-token"])
        #expect(calls.map(\.sessionName) == ["pod-1", "pod-1"])
        #expect(calls.map(\.region) == ["eu-west-1", "eu-west-1"])
        #expect(provider.sourceName == "web identity")
    }

    @Test func defaultSessionNameUsesClock() async throws {
        let dir = try TempDirectory()
        let sts = RecordingSTS()
        let clock = TestClock(Date(timeIntervalSince1970: 42))
        let provider = try WebIdentityCredentialProvider.fromEnvironment(Fixture.dependencies(environment: [
            "AWS_WEB_IDENTITY_TOKEN_FILE": try dir.write("t", "tok"), "AWS_ROLE_ARN": "arn:r",
        ], sts: sts, clock: clock))
        _ = try await provider.credentials()
        #expect(await sts.calls.map(\.sessionName) == ["smsauth-42"])
    }

    @Test(arguments: [
        ([:], CredentialsError.notConfigured(source: "web identity", reason: "AWS_WEB_IDENTITY_TOKEN_FILE not set")),
        (["AWS_WEB_IDENTITY_TOKEN_FILE": "/t"],
         .invalidEnvironment(source: "web identity", reason: "AWS_WEB_IDENTITY_TOKEN_FILE is set but AWS_ROLE_ARN is not")),
    ] as [([String: String], CredentialsError)])
    func environmentSetUp(environment: [String: String], expected: CredentialsError) {
        #expect(throws: expected) {
            try WebIdentityCredentialProvider.fromEnvironment(Fixture.dependencies(environment: environment))
        }
    }

    @Test(arguments: ["missing", "empty"])
    func unreadableOrEmptyTokenFile(kind: String) async throws {
        let dir = try TempDirectory()
        let path = kind == "empty" ? try dir.write("token", " \n") : dir.path + "/missing"
        let provider = try WebIdentityCredentialProvider.fromEnvironment(Fixture.dependencies(environment: [
            "AWS_WEB_IDENTITY_TOKEN_FILE": path, "AWS_ROLE_ARN": "arn:r",
        ]))
        await #expect(throws: CredentialsError.tokenFileUnreadable(source: "web identity", path: path)) {
            try await provider.credentials()
        }
    }
}
