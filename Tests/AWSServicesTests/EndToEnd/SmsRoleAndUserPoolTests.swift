import AWSCore
import Foundation
import Testing
import TestSupport
@testable import AWSServices

/// The foundation end to end: real signer and transport, the emulator with signature checking on.
@Suite struct SmsRoleAndUserPoolTests {
    @Test func createsAnSmsRoleAndAPoolThatSendsSmsThroughIt() async throws {
        let clients = try await EmulatorClients.make()
        let account = try await clients.sts.getCallerIdentity().account
        #expect(account.count == 12)

        let roleName = EmulatorClients.uniqueName("sms-role")
        let externalId = UUID().uuidString
        let trust = PolicyDocument([
            "Version": "2012-10-17",
            "Statement": [[
                "Effect": "Allow", "Principal": ["Service": "cognito-idp.amazonaws.com"], "Action": "sts:AssumeRole",
                "Condition": ["StringEquals": ["sts:ExternalId": .string(externalId), "aws:SourceAccount": .string(account)]],
            ]],
        ])
        let role = try await clients.iam.createRole(.init(
            roleName: roleName, path: "/service-role/", assumeRolePolicy: trust, description: "Cognito SMS",
            tags: ["smsauth:managed-by": "smsauth", "smsauth:resource": "SmsRole/test"]))
        let publish = PolicyDocument([
            "Version": "2012-10-17",
            "Statement": [["Effect": "Allow", "Action": "sns:Publish", "Resource": "*"]],
        ])
        try await clients.iam.putRolePolicy(roleName: roleName, policyName: "smsauth-sns-publish", policy: publish)

        let read = try #require(try await clients.iam.getRole(name: roleName))
        #expect(read.arn == role.arn)
        #expect(read.path == "/service-role/")
        #expect(read.assumeRolePolicy == trust)
        #expect(read.tags["smsauth:managed-by"] == "smsauth")
        #expect(try await clients.iam.getRolePolicy(roleName: roleName, policyName: "smsauth-sns-publish") == publish)
        #expect(try await clients.iam.listRolePolicies(roleName: roleName) == ["smsauth-sns-publish"])

        let pool = try await RolePropagation.awaited { try await clients.cognito.createUserPool([
            "PoolName": .string(EmulatorClients.uniqueName("pool")),
            "UsernameAttributes": ["phone_number"],
            "AutoVerifiedAttributes": ["phone_number"],
            "SmsConfiguration": ["SnsCallerArn": .string(role.arn), "ExternalId": .string(externalId)],
            "UserPoolTags": ["smsauth:managed-by": "smsauth"],
        ]) }
        let described = try #require(try await clients.cognito.describeUserPool(id: pool.id))
        #expect(described.raw["SmsConfiguration"]?["SnsCallerArn"]?.stringValue == role.arn)
        #expect(described.raw["SmsConfiguration"]?["ExternalId"]?.stringValue == externalId)
        #expect(described.tags["smsauth:managed-by"] == "smsauth")
        #expect(try await clients.cognito.describeUserPool(id: "us-east-1_doesnotexist") == nil)
    }

    @Test func aPoolWithARoleThatDoesNotTrustCognitoIsRefused() async throws {
        let clients = try await EmulatorClients.make()
        let roleName = EmulatorClients.uniqueName("not-cognito")
        let trust = PolicyDocument([
            "Version": "2012-10-17",
            "Statement": [["Effect": "Allow", "Principal": ["Service": "ec2.amazonaws.com"], "Action": "sts:AssumeRole"]],
        ])
        let role = try await clients.iam.createRole(.init(roleName: roleName, assumeRolePolicy: trust))
        let error = await #expect(throws: AWSError.self) {
            _ = try await clients.cognito.createUserPool([
                "PoolName": "refused",
                "SmsConfiguration": ["SnsCallerArn": .string(role.arn), "ExternalId": "x"],
            ])
        }
        #expect(error?.code == "InvalidSmsRoleTrustRelationshipException")
    }

    /// Query services answer `SignatureDoesNotMatch`; JSON services such as Cognito `InvalidSignatureException`.
    @Test(arguments: [("query", "SignatureDoesNotMatch"), ("json", "InvalidSignatureException")])
    func aWrongSecretIsRejectedLikeAWSDoes(protocolKind: String, expectedCode: String) async throws {
        let clients = try await EmulatorClients.make(secretOverride: "not-the-secret-0000000000000000000000000")
        let error = await #expect(throws: AWSError.self) {
            if protocolKind == "query" {
                _ = try await clients.iam.getRole(name: "anything")
            } else {
                _ = try await clients.cognito.listUserPools()
            }
        }
        #expect(error?.code == expectedCode)
        #expect(error?.httpStatus == 403)
        #expect(error?.message.contains("not-the-secret") == false)
    }
}
