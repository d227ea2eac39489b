import Foundation
import Testing
@testable import AWSCore

/// Default chain order, explicit profile, aggregated error, no secrets in errors.
@Suite struct CredentialChainTests {
    static let profileFiles = (config: "[default]\nregion = us-west-2\n[profile dev]\nregion = eu-central-1\n",
                               credentials: "[default]\naws_access_key_id = AKIAPROFILE\naws_secret_access_key = p\n"
                                   + "[dev]\naws_access_key_id = AKIADEV\naws_secret_access_key = d\n")

    /// A transport that serves container and IMDS credentials with distinct key ids.
    static func transport() -> ScriptedMetadataTransport {
        ScriptedMetadataTransport { request in
            if request.url.host == "169.254.170.2" { return Fixture.credentialsResponse(accessKeyId: "ASIACONTAINER") }
            if request.method == "PUT" { return HTTPResponse(status: 200, body: Data("t".utf8)) }
            if request.url.absoluteString.hasSuffix("/security-credentials/") {
                return HTTPResponse(status: 200, body: Data("role".utf8))
            }
            return Fixture.credentialsResponse(accessKeyId: "ASIAIMDS")
        }
    }

    /// Builds the default chain over `environment` (HOME and file paths are fixed, nothing is read from disk).
    private func chain(_ environment: [String: String], profileFlag: String? = nil, withProfiles: Bool = true,
                       sts: RecordingSTS = RecordingSTS(), transport: ScriptedMetadataTransport = transport()) throws
        -> CredentialChain {
        let config = withProfiles
            ? try Fixture.sharedConfig(config: Self.profileFiles.config, credentials: Self.profileFiles.credentials)
            : try SharedConfig(configFilePath: "/root/.aws/config", configText: nil,
                               credentialsFilePath: "/root/.aws/credentials", credentialsText: nil)
        let clock = TestClock()
        return CredentialChain.make(environment: environment, profileFlag: profileFlag, sharedConfig: config,
                                    transport: transport, sts: sts, now: { clock.now() })
    }

    static let envKeys = ["AWS_ACCESS_KEY_ID": "AKIAENV", "AWS_SECRET_ACCESS_KEY": "e"]
    static let container = ["AWS_CONTAINER_CREDENTIALS_RELATIVE_URI": "/c"]

    @Test(arguments: [
        (envKeys.merging(container) { a, _ in a }, true, "AKIAENV"),
        (["AWS_WEB_IDENTITY_TOKEN_FILE": "TOKENFILE", "AWS_ROLE_ARN": "arn:aws:iam::1:role/Web"], true, "ASIA-Web"),
        (container, true, "AKIAPROFILE"),
        (container, false, "ASIACONTAINER"),
        ([:], false, "ASIAIMDS"),
        (["AWS_PROFILE": "dev"], true, "AKIADEV"),
    ] as [([String: String], Bool, String)])
    func firstConfiguredSourceWins(environment: [String: String], withProfiles: Bool, accessKeyId: String) async throws {
        let dir = try TempDirectory()
        let tokenFile = try dir.write("token", "tok")
        let resolved = environment.mapValues { $0 == "TOKENFILE" ? tokenFile : $0 }
        let chain = try chain(resolved, withProfiles: withProfiles)
        #expect(try await chain.credentials().accessKeyId == accessKeyId)
    }

    @Test func profileFlagUsesOnlyThatProfile() async throws {
        let chain = try chain(Self.envKeys, profileFlag: "dev")
        #expect(chain.providers.map(\.sourceName) == ["profile dev"])
        #expect(try await chain.credentials().accessKeyId == "AKIADEV")
        let missing = try self.chain(Self.envKeys, profileFlag: "ghost")
        await #expect(throws: CredentialsError.profileNotFound(
            profile: "ghost", files: ["/home/u/.aws/credentials", "/home/u/.aws/config"])) {
            try await missing.credentials()
        }
    }

    @Test func allSourcesFailingGiveOneErrorListingEach() async throws {
        let chain = try chain(["AWS_EC2_METADATA_DISABLED": "true"], withProfiles: false)
        let error = await #expect(throws: CredentialsError.self) { try await chain.credentials() }
        #expect(error?.code == "credentials.none")
        #expect(error?.message == "no AWS credentials found; tried: environment (AWS_ACCESS_KEY_ID not set), "
            + "web identity (AWS_WEB_IDENTITY_TOKEN_FILE not set), profile default (not in /root/.aws/credentials or "
            + "/root/.aws/config), container (AWS_CONTAINER_CREDENTIALS_* not set), EC2 instance metadata "
            + "(disabled by AWS_EC2_METADATA_DISABLED)")
    }

    @Test func brokenConfiguredSourceStopsTheChain() async throws {
        let transport = Self.transport()
        let chain = try chain(["AWS_WEB_IDENTITY_TOKEN_FILE": "/nonexistent/token", "AWS_ROLE_ARN": "arn:r"],
                              transport: transport)
        await #expect(throws: CredentialsError.tokenFileUnreadable(source: "web identity", path: "/nonexistent/token")) {
            try await chain.credentials()
        }
        #expect(await transport.requests.isEmpty)
    }

    @Test func stsRegionFollowsRegionResolution() async throws {
        let dir = try TempDirectory()
        let sts = RecordingSTS()
        let environment = ["AWS_WEB_IDENTITY_TOKEN_FILE": try dir.write("t", "tok"), "AWS_ROLE_ARN": "arn:r"]
        _ = try await chain(environment, withProfiles: true, sts: sts).credentials()
        _ = try await chain(environment, withProfiles: false, sts: sts).credentials()
        #expect(await sts.calls.map(\.region) == ["us-west-2", "us-east-1"])
    }

    @Test func errorMessagesNeverContainSecrets() async throws {
        let secrets = ["TOPSECRET", "SESSIONTOKEN", "CONTAINERAUTH"]
        let transport = ScriptedMetadataTransport { _ in HTTPResponse(status: 403, body: Data("TOPSECRET".utf8)) }
        let environments: [[String: String]] = [
            ["AWS_SECRET_ACCESS_KEY": "TOPSECRET", "AWS_SESSION_TOKEN": "SESSIONTOKEN",
             "AWS_EC2_METADATA_DISABLED": "true"],
            ["AWS_ACCESS_KEY_ID": "AKIA", "AWS_SESSION_TOKEN": "SESSIONTOKEN"],
            ["AWS_CONTAINER_CREDENTIALS_RELATIVE_URI": "/c", "AWS_CONTAINER_AUTHORIZATION_TOKEN": "CONTAINERAUTH"],
        ]
        for environment in environments {
            let chain = try chain(environment, withProfiles: false, transport: transport)
            let error = await #expect(throws: CredentialsError.self) { try await chain.credentials() }
            let message = error?.message ?? ""
            #expect(!message.isEmpty)
            #expect(secrets.allSatisfy { !message.contains($0) }, "leaked in: \(message)")
        }
    }
}
