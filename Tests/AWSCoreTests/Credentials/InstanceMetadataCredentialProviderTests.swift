import Foundation
import Testing
@testable import AWSCore

/// IMDSv2 request sequence, endpoint selection, disabling and failures.
@Suite struct InstanceMetadataCredentialProviderTests {
    /// A fake IMDS: token, role listing (`listing` status/body), role document.
    private func imds(listingStatus: Int = 200, listing: String = "app-role\n",
                      document: HTTPResponse = Fixture.credentialsResponse(accessKeyId: "ASIAIMDS")) -> ScriptedMetadataTransport {
        ScriptedMetadataTransport { request in
            let path = URLComponents(url: request.url, resolvingAgainstBaseURL: false)?.path ?? ""
            switch (request.method, path) {
            case ("PUT", "/latest/api/token"):
                return HTTPResponse(status: 200, body: Data("imds-token".utf8))
            case ("GET", "/latest/meta-data/iam/security-credentials/"):
                return HTTPResponse(status: listingStatus, body: Data(listing.utf8))
            case ("GET", "/latest/meta-data/iam/security-credentials/app-role"):
                return document
            default:
                return HTTPResponse(status: 404)
            }
        }
    }

    @Test func tokenThenRoleThenCredentialsWithShortTimeouts() async throws {
        let transport = imds()
        let provider = try InstanceMetadataCredentialProvider(environment: [:], transport: transport)
        #expect(try await provider.credentials().accessKeyId == "ASIAIMDS")
        let sent = await transport.sent
        #expect(sent.map { "\($0.request.method) \($0.request.url.absoluteString)" } == [
            "PUT http://169.254.169.254/latest/api/token",
            "GET http://169.254.169.254/latest/meta-data/iam/security-credentials/",
            "GET http://169.254.169.254/latest/meta-data/iam/security-credentials/app-role",
        ])
        #expect(sent[0].request.header("X-aws-ec2-metadata-token-ttl-seconds") == "21600")
        #expect(sent.dropFirst().map { $0.request.header("X-aws-ec2-metadata-token") } == ["imds-token", "imds-token"])
        #expect(sent.allSatisfy { $0.timeout == .seconds(1) })
    }

    @Test(arguments: [
        (["AWS_EC2_METADATA_SERVICE_ENDPOINT": "http://127.0.0.1:1338/"], "http://127.0.0.1:1338"),
        (["AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE": "IPv6"], "http://[fd00:ec2::254]"),
        ([:], "http://169.254.169.254"),
    ] as [([String: String], String)])
    func endpointSelection(environment: [String: String], endpoint: String) throws {
        #expect(try InstanceMetadataCredentialProvider(environment: environment, transport: imds()).endpoint == endpoint)
    }

    @Test(arguments: ["true", "TRUE"])
    func disabledByEnvironment(value: String) {
        #expect(throws: CredentialsError.notConfigured(source: "EC2 instance metadata",
                                                      reason: "disabled by AWS_EC2_METADATA_DISABLED")) {
            try InstanceMetadataCredentialProvider(environment: ["AWS_EC2_METADATA_DISABLED": value],
                                                   transport: self.imds())
        }
    }

    @Test func notOnEC2IsNotConfiguredAfterOneAttempt() async throws {
        let transport = ScriptedMetadataTransport { request in
            throw TransportError(url: request.url.absoluteString, reason: "timed out")
        }
        let provider = try InstanceMetadataCredentialProvider(environment: [:], transport: transport)
        await #expect(throws: CredentialsError.notConfigured(
            source: "EC2 instance metadata",
            reason: "not reachable: cannot reach http://169.254.169.254/latest/api/token: timed out")) {
            try await provider.credentials()
        }
        #expect(await transport.requests.count == 1)
    }

    @Test func noRoleAttached() async throws {
        let provider = try InstanceMetadataCredentialProvider(environment: [:], transport: imds(listingStatus: 404))
        await #expect(throws: CredentialsError.notConfigured(source: "EC2 instance metadata",
                                                            reason: "no IAM role attached to the instance")) {
            try await provider.credentials()
        }
    }

    @Test func failureCodeInDocument() async throws {
        let document = HTTPResponse(status: 200, body: Data(#"{"Code": "AssumeRoleUnauthorizedAccess"}"#.utf8))
        let provider = try InstanceMetadataCredentialProvider(environment: [:], transport: imds(document: document))
        await #expect(throws: CredentialsError.badResponse(
            source: "EC2 instance metadata", reason: "endpoint returned Code AssumeRoleUnauthorizedAccess")) {
            try await provider.credentials()
        }
    }
}
