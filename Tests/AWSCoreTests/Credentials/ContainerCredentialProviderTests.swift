import Foundation
import Testing
@testable import AWSCore

/// ECS/EKS container endpoint: URLs, host rules, authorization, bad answers.
@Suite struct ContainerCredentialProviderTests {
    /// A transport answering every request with `response`.
    private func transport(_ response: HTTPResponse = Fixture.credentialsResponse()) -> ScriptedMetadataTransport {
        ScriptedMetadataTransport { _ in response }
    }

    @Test func relativeURIUsesECSHostAndParsesCredentials() async throws {
        let transport = transport()
        let provider = try ContainerCredentialProvider(
            environment: ["AWS_CONTAINER_CREDENTIALS_RELATIVE_URI": "/v2/credentials/abc",
                          "AWS_CONTAINER_CREDENTIALS_FULL_URI": "http://127.0.0.1:9/ignored"],
            transport: transport)
        let credentials = try await provider.credentials()
        #expect(credentials == AWSCredentials(
            accessKeyId: "ASIACONTAINER", secretAccessKey: "container-secret", sessionToken: "container-token",
            expiration: Date(timeIntervalSince1970: 1_893_456_000)))
        let sent = await transport.sent
        #expect(sent.map(\.request.url.absoluteString) == ["http://169.254.170.2/v2/credentials/abc"])
        #expect(sent.map(\.request.method) == ["GET"])
        #expect(sent.first?.request.header("Authorization") == nil)
        #expect(sent.map(\.timeout) == [.seconds(2)])
    }

    @Test func authorizationFromTokenFileWinsOverLiteralToken() async throws {
        let dir = try TempDirectory()
        let transport = transport()
        let provider = try ContainerCredentialProvider(environment: [
            "AWS_CONTAINER_CREDENTIALS_FULL_URI": "http://127.0.0.1:8080/creds",
            "AWS_CONTAINER_AUTHORIZATION_TOKEN": "literal",
            "AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE": try dir.write("auth", "from-file\n"),
        ], transport: transport)
        _ = try await provider.credentials()
        #expect(await transport.requests.first?.header("Authorization") == "from-file")
    }

    @Test func literalAuthorizationToken() async throws {
        let transport = transport()
        let provider = try ContainerCredentialProvider(environment: [
            "AWS_CONTAINER_CREDENTIALS_FULL_URI": "https://creds.example.com/x",
            "AWS_CONTAINER_AUTHORIZATION_TOKEN": "literal",
        ], transport: transport)
        #expect(provider.url.absoluteString == "https://creds.example.com/x")
        let recording = ScriptedMetadataTransport { _ in Fixture.credentialsResponse() }
        let local = try ContainerCredentialProvider(environment: [
            "AWS_CONTAINER_CREDENTIALS_FULL_URI": "http://localhost:1/x", "AWS_CONTAINER_AUTHORIZATION_TOKEN": "literal",
        ], transport: recording)
        _ = try await local.credentials()
        #expect(await recording.requests.first?.header("Authorization") == "literal")
    }

    @Test(arguments: [
        ("http://127.0.0.1/x", true), ("http://127.1.2.3:80/x", true), ("http://[::1]:8/x", true),
        ("http://localhost/x", true), ("http://169.254.170.2/x", true), ("http://169.254.170.23/x", true),
        ("http://[fd00:ec2::23]/x", true), ("https://anything.example.com/x", true),
        ("http://example.com/x", false), ("http://169.254.169.254/x", false), ("http://10.0.0.1/x", false),
        ("ftp://127.0.0.1/x", false),
    ])
    func fullURIHostRules(uri: String, allowed: Bool) {
        let build = { try ContainerCredentialProvider(
            environment: ["AWS_CONTAINER_CREDENTIALS_FULL_URI": uri], transport: self.transport()) }
        if allowed {
            #expect(throws: Never.self) { _ = try build() }
        } else {
            #expect(throws: CredentialsError.self) { _ = try build() }
        }
    }

    @Test func notConfiguredWithoutURI() {
        #expect(throws: CredentialsError.notConfigured(source: "container",
                                                      reason: "AWS_CONTAINER_CREDENTIALS_* not set")) {
            try ContainerCredentialProvider(environment: [:], transport: self.transport())
        }
    }

    @Test(arguments: [
        (HTTPResponse(status: 200, body: Data("not json".utf8)), "response is not a credentials JSON object"),
        (HTTPResponse(status: 200, body: Data(#"{"AccessKeyId": "A"}"#.utf8)),
         "response lacks AccessKeyId or SecretAccessKey"),
        (HTTPResponse(status: 200, body: Data(#"{"AccessKeyId": "A", "SecretAccessKey": "S", "Expiration": "soon"}"#.utf8)),
         "Expiration is not an ISO 8601 timestamp"),
        (HTTPResponse(status: 500, body: Data("boom".utf8)), "HTTP 500 from http://169.254.170.2/c"),
    ])
    func badResponses(response: HTTPResponse, reason: String) async throws {
        let provider = try ContainerCredentialProvider(
            environment: ["AWS_CONTAINER_CREDENTIALS_RELATIVE_URI": "/c"], transport: transport(response))
        await #expect(throws: CredentialsError.badResponse(source: "container", reason: reason)) {
            try await provider.credentials()
        }
    }

    @Test func fractionalSecondsExpiration() async throws {
        let provider = try ContainerCredentialProvider(
            environment: ["AWS_CONTAINER_CREDENTIALS_RELATIVE_URI": "/c"],
            transport: transport(Fixture.credentialsResponse(expiration: "2030-01-01T00:00:00.500Z")))
        #expect(try await provider.credentials().expiration == Date(timeIntervalSince1970: 1_893_456_000.5))
    }

    @Test func unreachableEndpointAndBadToken() async throws {
        let down = ScriptedMetadataTransport { request in throw TransportError(url: request.url.absoluteString, reason: "refused") }
        let provider = try ContainerCredentialProvider(
            environment: ["AWS_CONTAINER_CREDENTIALS_RELATIVE_URI": "/c"], transport: down)
        await #expect(throws: CredentialsError.unreachable(
            source: "container", reason: "cannot reach http://169.254.170.2/c: refused")) {
            try await provider.credentials()
        }
        let badToken = try ContainerCredentialProvider(environment: [
            "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI": "/c", "AWS_CONTAINER_AUTHORIZATION_TOKEN": "a\r\nX-Evil: 1",
        ], transport: transport())
        let error = await #expect(throws: CredentialsError.self) { try await badToken.credentials() }
        #expect(error?.code == "credentials.invalidEnvironment")
        #expect(error?.message.contains("X-Evil") == false)
    }
}
