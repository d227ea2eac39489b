import AWSCore
import Foundation
import Logging
import Testing
import TestSupport
@testable import AWSServices

/// The credential chain's STS calls against the emulator, and the chain resolving a role profile through them.
@Suite struct STSCredentialsClientTests {
    @Test func assumedRoleCredentialsWorkForLaterCalls() async throws {
        let clients = try await EmulatorClients.make()
        let caller = try await clients.sts.getCallerIdentity().arn
        let roleName = EmulatorClients.uniqueName("deployer")
        let trust = PolicyDocument([
            "Version": "2012-10-17",
            "Statement": [["Effect": "Allow", "Principal": ["AWS": .string(caller)], "Action": "sts:AssumeRole"]],
        ])
        let role = try await clients.iam.createRole(.init(roleName: roleName, assumeRolePolicy: trust))
        let service = STSCredentialsClient(
            endpoints: EndpointResolver(environment: ["AWS_ENDPOINT_URL": clients.emulator.awsEndpoint]),
            transport: clients.emulator.awsTransport(), logger: Logger(label: "test"))
        let source = FixedCredentials(value: AWSCredentials(accessKeyId: clients.principal.accessKeyId,
                                                            secretAccessKey: clients.principal.secretAccessKey))
        let assumed = try await service.assumeRole(roleArn: role.arn, sessionName: "smsauth-test", externalId: "ext",
                                                   durationSeconds: 900, sourceCredentials: source, region: "us-east-1")
        #expect(assumed.accessKeyId != clients.principal.accessKeyId)
        #expect(assumed.sessionToken?.isEmpty == false)
        #expect(assumed.expiration != nil)
    }

    @Test func webIdentityCallIsUnsignedAndReturnsCredentials() async throws {
        let emulator = try Emulator.fromEnvironment()
        let service = STSCredentialsClient(
            endpoints: EndpointResolver(environment: ["AWS_ENDPOINT_URL": emulator.awsEndpoint]),
            transport: emulator.awsTransport(), logger: Logger(label: "test"))
        let credentials = try await service.assumeRoleWithWebIdentity(
            roleArn: "arn:aws:iam::123456789012:role/web", sessionName: "web-session", webIdentityToken: "token", region: "us-east-1")
        #expect(!credentials.accessKeyId.isEmpty)
        #expect(credentials.sessionToken != nil)
    }

    @Test func parsesAWSTimestamps() {
        #expect(STSCredentialsClient.parseTimestamp("2026-11-23T15:00:00Z") == Date(timeIntervalSince1970: 1_795_446_000))
        #expect(STSCredentialsClient.parseTimestamp("2026-11-23T15:00:00.250Z") != nil)
        #expect(STSCredentialsClient.parseTimestamp("yesterday") == nil)
    }
}
