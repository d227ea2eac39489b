import AWSCore
import AWSServices
import Foundation
import Logging
import Manifests
import Testing
import TestSupport
@testable import Reconciler


/// One end-to-end test's world in the emulator: its own principal, an SMS role and a user pool created directly
/// with the raw service clients, and the read → plan → apply cycle the engine will run.
struct ClientMfaWorld {
    let emulator: Emulator
    let principal: Emulator.Principal
    let context: ReconcileContext
    let poolId: String
    static let region = "us-east-1"

    /// A fresh principal, an SMS role (trusting cognito-idp with an external id, allowed sns:Publish) and a pool
    /// that sends SMS through it, with settings smsauth's MfaPolicy must not reset (password policy, a Lambda trigger).
    static func make() async throws -> ClientMfaWorld {
        let emulator = try Emulator.fromEnvironment()
        let principal = try await emulator.newPrincipal()
        let client = emulator.client(for: principal)
        let context = ReconcileContext(client: client, logger: Logger(label: "test"))
        let account = try await context.sts(region).getCallerIdentity().account
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
        return ClientMfaWorld(emulator: emulator, principal: principal, context: context, poolId: pool.id)
    }

    /// Cognito in the test region.
    var cognito: CognitoIdentityProvider { context.cognito(Self.region) }

    /// The pool's outputs, as the engine hands them to its app clients and MFA policy.
    var references: [ResourceAddress: [String: String]] { [ClientMfaFixtures.pool: ["id": poolId, "region": Self.region]] }

    /// What `handler` reads for one resource.
    func read<H: ResourceHandler>(_ handler: H, _ desired: DesiredResource?, address: ResourceAddress,
                                  status: ResourceStatus?) async throws -> LiveState<H.Live> {
        let target = ReadTarget(address: address, desired: desired, status: status, region: Self.region, references: references)
        return try #require(try await handler.read([target], context: context)[address])
    }

    /// Reads and plans one resource.
    func plan<H: ResourceHandler>(_ handler: H, _ desired: DesiredResource?, address: ResourceAddress,
                                  status: ResourceStatus? = nil,
                                  deletePolicy: DeletePolicy = .retain) async throws -> (ResourceChange, PlanInput<H.Live>) {
        let live = try await read(handler, desired, address: address, status: status)
        let input = PlanInput(address: address, desired: desired, live: live, status: status, references: references,
                              dependencyActions: [ClientMfaFixtures.pool: .noop], deletePolicy: deletePolicy,
                              options: PlanOptions(account: "123456789012"))
        return (try handler.plan(input), input)
    }

    /// Reads, plans and (when the action is applied) applies one resource; returns the change and the outputs.
    func reconcile<H: ResourceHandler>(_ handler: H, _ desired: DesiredResource?, address: ResourceAddress,
                                       status: ResourceStatus? = nil,
                                       deletePolicy: DeletePolicy = .retain) async throws -> (ResourceChange, [String: String]) {
        let (change, input) = try await plan(handler, desired, address: address, status: status, deletePolicy: deletePolicy)
        guard change.action.isApplied else { return (change, input.live.value.map(handler.outputs(of:)) ?? [:]) }
        let apply = ApplyContext(reconcile: context, references: ReferenceStore(references), options: input.options)
        return (change, try await handler.apply(change, input: input, context: apply))
    }

    /// The status the engine records after an apply: the outputs as `resource`.
    static func status(_ address: ResourceAddress, outputs: [String: String]) -> ResourceStatus {
        ResourceStatus(kind: address.kind, name: address.name, specHash: "test", resource: outputs)
    }

    /// A raw Cognito call, for reading what smsauth's typed clients deliberately drop.
    func raw(_ operation: String, _ input: JSONValue) async throws -> JSONValue {
        try await context.client.json(.cognitoIdentityProvider, region: Self.region, operation: operation, input: input,
                                      as: JSONValue.self)
    }

    /// The operations this world's principal called, in order.
    func operations() async throws -> [String] {
        try await emulator.calls(accessKeyId: principal.accessKeyId).map(\.operation)
    }
}
