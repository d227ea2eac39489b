import Foundation
import Testing
@testable import AWSCore

/// Profile credentials: static keys, assume-role variants and broken profiles.
@Suite struct ProfileCredentialProviderTests {
    /// Resolves `name` over the given files with fakes and returns the provider and the STS fake.
    private func provider(_ name: String, explicit: Bool = false, config: String? = nil, credentials: String? = nil,
                          environment: [String: String] = [:], sts: RecordingSTS = RecordingSTS())
        throws -> ProfileCredentialProvider {
        ProfileCredentialProvider(
            profileName: name, explicit: explicit,
            sharedConfig: try Fixture.sharedConfig(config: config, credentials: credentials),
            dependencies: Fixture.dependencies(environment: environment, sts: sts))
    }

    @Test func staticKeysFromCredentialsFile() async throws {
        let provider = try provider("dev", credentials: """
            [dev]
            aws_access_key_id = AKIADEV
            aws_secret_access_key = dev-secret
            aws_session_token = dev-token
            """)
        #expect(try await provider.credentials() == AWSCredentials(
            accessKeyId: "AKIADEV", secretAccessKey: "dev-secret", sessionToken: "dev-token"))
        #expect(provider.sourceName == "profile dev")
    }

    @Test func assumeRoleFromSourceProfileWithDefaultsAndOptions() async throws {
        let sts = RecordingSTS()
        let provider = try provider("admin", config: """
            [profile admin]
            role_arn = arn:aws:iam::1:role/Admin
            source_profile = base
            external_id = ext-1
            duration_seconds = 900
            [profile plain]
            role_arn = arn:aws:iam::1:role/Plain
            source_profile = base
            """, credentials: "[base]\naws_access_key_id = AKIABASE\naws_secret_access_key = base-secret\n",
            sts: sts)
        let credentials = try await provider.credentials()
        #expect(credentials.accessKeyId == "ASIA-Admin")
        #expect(await sts.calls == [STSCall(
            operation: "AssumeRole", roleArn: "arn:aws:iam::1:role/Admin", sessionName: "smsauth-1700000000",
            externalId: "ext-1", durationSeconds: 900, sourceAccessKeyId: "AKIABASE", region: "eu-west-1")])
    }

    @Test func chainedRolesAndSessionName() async throws {
        let sts = RecordingSTS()
        let provider = try provider("top", config: """
            [profile top]
            role_arn = arn:aws:iam::1:role/Top
            source_profile = middle
            role_session_name = me
            [profile middle]
            role_arn = arn:aws:iam::1:role/Middle
            source_profile = base
            [profile base]
            aws_access_key_id = AKIABASE
            aws_secret_access_key = s
            """, sts: sts)
        #expect(try await provider.credentials().accessKeyId == "ASIA-Top")
        let calls = await sts.calls
        #expect(calls.map(\.roleArn) == ["arn:aws:iam::1:role/Middle", "arn:aws:iam::1:role/Top"])
        #expect(calls.map(\.sourceAccessKeyId) == ["AKIABASE", "ASIA-Middle"])
        #expect(calls.last?.sessionName == "me")
    }

    @Test func selfReferencingProfileUsesItsOwnKeys() async throws {
        let sts = RecordingSTS()
        let provider = try provider("me", credentials: """
            [me]
            aws_access_key_id = AKIAME
            aws_secret_access_key = s
            role_arn = arn:aws:iam::1:role/R
            source_profile = me
            """, sts: sts)
        #expect(try await provider.credentials().accessKeyId == "ASIA-R")
        #expect(await sts.calls.map(\.sourceAccessKeyId) == ["AKIAME"])
    }

    @Test func credentialSourceEnvironmentSignsWithEnvironmentKeys() async throws {
        let sts = RecordingSTS()
        let provider = try provider("ci", config: """
            [profile ci]
            role_arn = arn:aws:iam::1:role/Ci
            credential_source = Environment
            """, environment: ["AWS_ACCESS_KEY_ID": "AKIAENV", "AWS_SECRET_ACCESS_KEY": "s"], sts: sts)
        #expect(try await provider.credentials().accessKeyId == "ASIA-Ci")
        #expect(await sts.calls.map(\.sourceAccessKeyId) == ["AKIAENV"])
    }

    @Test func webIdentityTokenFileInProfile() async throws {
        let dir = try TempDirectory()
        let tokenFile = try dir.write("token", "oidc-token\n")
        let sts = RecordingSTS()
        let provider = try provider("eks", config: """
            [profile eks]
            role_arn = arn:aws:iam::1:role/Pod
            web_identity_token_file = \(tokenFile)
            """, sts: sts)
        #expect(try await provider.credentials().accessKeyId == "ASIA-Pod")
        #expect(await sts.calls == [STSCall(operation: "AssumeRoleWithWebIdentity", roleArn: "arn:aws:iam::1:role/Pod",
                                            sessionName: "smsauth-1700000000", token: "oidc-token",
                                            region: "eu-west-1")])
    }

    static let brokenProfiles: [(String, CredentialsError)] = [
        ("[profile p]\nrole_arn = arn:r\nsource_profile = ghost\n",
         .invalidProfile(profile: "p", reason: "source_profile ghost does not exist")),
        ("[profile p]\nrole_arn = arn:r\nsource_profile = q\n[profile q]\nrole_arn = arn:q\nsource_profile = p\n",
         .profileCycle(profiles: ["p", "q", "p"])),
        ("[profile p]\nrole_arn = arn:r\nsource_profile = p\n", .profileCycle(profiles: ["p", "p"])),
        ("[profile p]\nrole_arn = arn:r\nsource_profile = q\ncredential_source = Environment\n[profile q]\n",
         .invalidProfile(profile: "p", reason: "sets both source_profile and credential_source")),
        ("[profile p]\nrole_arn = arn:r\n",
         .invalidProfile(profile: "p", reason: "role_arn needs source_profile, credential_source or web_identity_token_file")),
        ("[profile p]\nrole_arn = arn:r\ncredential_source = Magic\n",
         .invalidProfile(profile: "p", reason: "credential_source Magic is not one of Environment, Ec2InstanceMetadata, EcsContainer")),
        ("[profile p]\nrole_arn = arn:r\ncredential_source = EcsContainer\n",
         .invalidProfile(profile: "p", reason: "credential_source EcsContainer unavailable: container (AWS_CONTAINER_CREDENTIALS_* not set)")),
        ("[profile p]\nrole_arn = arn:r\nsource_profile = q\n[profile q]\nregion = x\n",
         .invalidProfile(profile: "p", reason: "source_profile q has no credentials")),
        ("[profile p]\nrole_arn = arn:r\nsource_profile = q\nduration_seconds = 1h\n[profile q]\n",
         .invalidProfile(profile: "p", reason: "duration_seconds is not a whole number of seconds")),
        ("[profile p]\naws_access_key_id = AKIA\n",
         .invalidProfile(profile: "p", reason: "aws_access_key_id is set but aws_secret_access_key is not")),
        ("[profile p]\ncredential_process = /bin/creds\n",
         .invalidProfile(profile: "p", reason: "credential_process is not supported by smsauth")),
        ("[profile p]\nregion = x\n",
         .notConfigured(source: "profile p", reason: "no credentials in profile (/home/u/.aws/config)")),
    ]

    @Test(arguments: brokenProfiles)
    func brokenProfilesFailWithSpecificErrors(config: String, expected: CredentialsError) async throws {
        let provider = try provider("p", config: config)
        await #expect(throws: expected) { try await provider.credentials() }
    }

    @Test func environmentCredentialSourceWithoutKeysIsAnError() async throws {
        let provider = try provider("p", config: "[profile p]\nrole_arn = arn:r\ncredential_source = Environment\n")
        await #expect(throws: CredentialsError.invalidProfile(
            profile: "profile p",
            reason: "source credentials for arn:r unavailable: environment (AWS_ACCESS_KEY_ID not set)")) {
            try await provider.credentials()
        }
    }

    @Test func missingProfileImplicitVersusExplicit() async throws {
        let implicit = try provider("default")
        await #expect(throws: CredentialsError.notConfigured(
            source: "profile default", reason: "not in /home/u/.aws/credentials or /home/u/.aws/config")) {
            try await implicit.credentials()
        }
        let explicit = try provider("dev", explicit: true)
        await #expect(throws: CredentialsError.profileNotFound(
            profile: "dev", files: ["/home/u/.aws/credentials", "/home/u/.aws/config"])) {
            try await explicit.credentials()
        }
    }

    @Test func stsFailureNamesRoleWithoutSecrets() async throws {
        let failure = AWSError(service: "sts", operation: "AssumeRole", code: "AccessDenied", message: "not allowed",
                               httpStatus: 403)
        let provider = try provider("p", config: """
            [profile p]
            role_arn = arn:aws:iam::1:role/R
            source_profile = base
            [profile base]
            aws_access_key_id = AKIABASE
            aws_secret_access_key = TOPSECRET
            """, sts: RecordingSTS(failure: failure))
        let error = await #expect(throws: CredentialsError.self) { try await provider.credentials() }
        #expect(error?.code == "credentials.stsFailed")
        #expect(error?.message.contains("arn:aws:iam::1:role/R") == true)
        #expect(error?.message.contains("AccessDenied") == true)
        #expect(error?.message.contains("TOPSECRET") == false)
    }
}
