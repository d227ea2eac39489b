import Testing
@testable import AWSCore

/// Keys from environment variables.
@Suite struct EnvironmentCredentialProviderTests {
    @Test func readsKeysAndOptionalToken() async throws {
        let provider = EnvironmentCredentialProvider(environment: [
            "AWS_ACCESS_KEY_ID": "AKIAENV", "AWS_SECRET_ACCESS_KEY": "env-secret", "AWS_SESSION_TOKEN": "env-token",
        ])
        let credentials = try await provider.credentials()
        #expect(credentials == AWSCredentials(accessKeyId: "AKIAENV", secretAccessKey: "env-secret",
                                              sessionToken: "env-token"))
        #expect(provider.sourceName == "environment")
    }

    @Test(arguments: [
        ([:], CredentialsError.notConfigured(source: "environment", reason: "AWS_ACCESS_KEY_ID not set")),
        (["AWS_ACCESS_KEY_ID": "", "AWS_SECRET_ACCESS_KEY": "s"],
         .notConfigured(source: "environment", reason: "AWS_ACCESS_KEY_ID not set")),
        (["AWS_ACCESS_KEY_ID": "AKIA"],
         .invalidEnvironment(source: "environment", reason: "AWS_ACCESS_KEY_ID is set but AWS_SECRET_ACCESS_KEY is not")),
    ] as [([String: String], CredentialsError)])
    func missingOrPartialKeys(environment: [String: String], expected: CredentialsError) async {
        await #expect(throws: expected) {
            try await EnvironmentCredentialProvider(environment: environment).credentials()
        }
    }
}
