import AWSCore
import AWSServices
import Foundation
import Logging
import Manifests
import Testing
import TestSupport
@testable import Reconciler


/// One end-to-end test's world in the emulator: an SMS role and a user pool created directly with the raw service
/// clients, and the generic harness's read → plan → apply cycle for the pool's app clients and MFA policy.
struct ClientMfaWorld {
    /// The harness (its handler is the pool's, used only to create the world; each call names its own).
    let harness: HandlerHarness<UserPoolHandler>
    let poolId: String
    static let region = "us-east-1"

    var emulator: Emulator { harness.emulator }
    var principal: Emulator.Principal { harness.principal }
    var context: ReconcileContext { harness.context }

    /// A fresh principal, an SMS role (trusting cognito-idp with an external id, allowed sns:Publish) and a pool
    /// that sends SMS through it, with settings smsauth's MfaPolicy must not reset (password policy, a Lambda trigger).
    static func make() async throws -> ClientMfaWorld {
        var harness = try await HandlerHarness.make(UserPoolHandler(), region: region)
        let context = harness.context
        let account = harness.account
        let suffix = UUID().uuidString.prefix(8).lowercased()
        let externalId = UUID().uuidString
        let role = try await context.iam.createRole(.init(
            roleName: "clientmfa-sms-\(suffix)", assumeRolePolicy: PolicyDocument([
                "Version": "2012-10-17",
                "Statement": [[
                    "Effect": "Allow", "Principal": ["Service": "cognito-idp.amazonaws.com"], "Action": "sts:AssumeRole",
                    "Condition": ["StringEquals": ["sts:ExternalId": .string(externalId), "aws:SourceAccount": .string(account)]],
                ]],
            ])))
        try await context.iam.putRolePolicy(roleName: role.name, policyName: "publish", policy: PolicyDocument([
            "Version": "2012-10-17", "Statement": [["Effect": "Allow", "Action": "sns:Publish", "Resource": "*"]],
        ]))
        // The new role reaches Cognito after IAM's propagation delay: created as smsauth creates pools.
        let pool = try await SmsRolePropagation.retrying(context) { try await context.cognito(region).createUserPool([
            "PoolName": .string("clientmfa-\(suffix)"),
            "AutoVerifiedAttributes": ["phone_number"],
            "SmsConfiguration": ["SnsCallerArn": .string(role.arn), "ExternalId": .string(externalId)],
            "Policies": ["PasswordPolicy": ["MinimumLength": 12, "RequireSymbols": true]],
            "LambdaConfig": ["PreSignUp": .string("arn:aws:lambda:us-east-1:\(account):function:pre-sign-up")],
            "UserPoolTags": .strings(OwnershipTags.tags(for: ClientMfaFixtures.pool, owner: nil)),
        ]) }
        harness.references = [ClientMfaFixtures.pool: ["id": pool.id, "region": region]]
        return ClientMfaWorld(harness: harness, poolId: pool.id)
    }

    /// Cognito in the test region.
    var cognito: CognitoIdentityProvider { context.cognito(Self.region) }

    /// The pool's outputs, as the engine hands them to its app clients and MFA policy.
    var references: [ResourceAddress: [String: String]] { harness.references }

    /// What `handler` reads for one resource.
    func read<H: ResourceHandler>(_ handler: H, _ desired: DesiredResource?, address: ResourceAddress,
                                  status: ResourceStatus?) async throws -> LiveState<H.Live> {
        try await harness.with(handler).read(address, desired: desired, status: status)
    }

    /// Reads and plans one resource (its pool unchanged in this run).
    func plan<H: ResourceHandler>(_ handler: H, _ desired: DesiredResource?, address: ResourceAddress,
                                  status: ResourceStatus? = nil,
                                  deletePolicy: DeletePolicy = .retain) async throws -> (ResourceChange, PlanInput<H.Live>) {
        try await harness.with(handler).plan(address, desired: desired, status: status, deletePolicy: deletePolicy,
                                             dependencyActions: [ClientMfaFixtures.pool: .noop])
    }

    /// Reads, plans and (when the action is applied) applies one resource; returns the change and the outputs.
    func reconcile<H: ResourceHandler>(_ handler: H, _ desired: DesiredResource?, address: ResourceAddress,
                                       status: ResourceStatus? = nil,
                                       deletePolicy: DeletePolicy = .retain) async throws -> (ResourceChange, [String: String]) {
        try await harness.with(handler).reconcile(address, desired: desired, status: status, deletePolicy: deletePolicy,
                                                  dependencyActions: [ClientMfaFixtures.pool: .noop])
    }

    /// The status the engine records after an apply: the outputs as `resource`.
    static func status(_ address: ResourceAddress, outputs: [String: String]) -> ResourceStatus {
        HandlerHarness<UserPoolHandler>.status(address, outputs: outputs)
    }

    /// A raw Cognito call, for reading what smsauth's typed clients deliberately drop.
    func raw(_ operation: String, _ input: JSONValue) async throws -> JSONValue {
        try await context.client.json(.cognitoIdentityProvider, region: Self.region, operation: operation, input: input,
                                      as: JSONValue.self)
    }

    /// The operations this world's principal called, in order.
    func operations() async throws -> [String] { try await harness.operations() }
}
