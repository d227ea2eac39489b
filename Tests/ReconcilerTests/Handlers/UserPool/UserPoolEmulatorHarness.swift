import AWSCore
import AWSServices
import Foundation
import Logging
import Manifests
import Synchronization
import Testing
import TestSupport
@testable import Reconciler

/// The emulator's clock as the handler sees it: `sleep` moves the emulator clock forward instead of waiting, and
/// `now` follows it, so retries that wait for IAM propagation take no real time.
final class EmulatorClock: Sendable {
    /// The emulator.
    let emulator: Emulator
    /// Time added by sleeps.
    private let offset = Mutex(0.0)
    /// When the clock was made.
    private let start = Date()

    /// A clock for `emulator`.
    init(emulator: Emulator) {
        self.emulator = emulator
    }

    /// Now, plus everything slept.
    func now() -> Date { start.addingTimeInterval(offset.withLock { $0 }) }

    /// Advances the emulator clock by `duration`.
    func sleep(_ duration: Duration) async throws {
        let seconds = Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
        offset.withLock { $0 += seconds }
        let body = try JSONSerialization.data(withJSONObject: ["advanceSeconds": seconds])
        try await emulator.control("POST", "clock", body: body)
    }
}

/// A UserPoolHandler driven the way the engine drives it (read → plan → apply), against the emulator with a fresh
/// principal, plus raw clients to set things up and check results out of band.
struct UserPoolHarness {
    let emulator: Emulator
    let principal: Emulator.Principal
    let client: AWSClient
    let context: ReconcileContext
    let handler = UserPoolHandler()

    /// A harness with its own principal.
    static func make() async throws -> UserPoolHarness {
        let emulator = try Emulator.fromEnvironment()
        let principal = try await emulator.newPrincipal()
        let client = emulator.client(for: principal)
        let clock = EmulatorClock(emulator: emulator)
        let context = ReconcileContext(client: client, logger: Logger(label: "test"), now: { clock.now() },
                                       sleep: { try await clock.sleep($0) })
        return UserPoolHarness(emulator: emulator, principal: principal, client: client, context: context)
    }

    /// Cognito in `region`, for out-of-band setup and checks.
    func cognito(_ region: String = "us-east-1") -> CognitoIdentityProvider { context.cognito(region) }

    /// Creates an SMS role Cognito may use and returns its outputs (`arn`, `externalId`), as SmsRole's would be.
    /// With `trustedExternalId`, the trust policy names another external id, so Cognito cannot use the role
    /// until `trust(externalId:)` is put in place.
    func smsRole(name: String = unique("sms"), trustedExternalId: String? = nil) async throws -> [String: String] {
        let externalId = UUID().uuidString
        let role = try await context.iam.createRole(.init(
            roleName: name, path: "/service-role/", assumeRolePolicy: Self.trust(externalId: trustedExternalId ?? externalId)))
        let publish = PolicyDocument([
            "Version": "2012-10-17", "Statement": [["Effect": "Allow", "Action": "sns:Publish", "Resource": "*"]],
        ])
        try await context.iam.putRolePolicy(roleName: name, policyName: "sns-publish", policy: publish)
        return ["arn": role.arn, "externalId": externalId]
    }

    /// The trust policy of an SMS role for `externalId` in the emulator's account.
    static func trust(externalId: String) -> PolicyDocument {
        PolicyDocument([
            "Version": "2012-10-17",
            "Statement": [[
                "Effect": "Allow", "Principal": ["Service": "cognito-idp.amazonaws.com"], "Action": "sts:AssumeRole",
                "Condition": ["StringEquals": ["sts:ExternalId": .string(externalId), "aws:SourceAccount": "123456789012"]],
            ]],
        ])
    }

    /// Reads one pool the way the engine does (`id` is the one recorded in status, if any).
    func read(_ desired: DesiredResource?, address: ResourceAddress, id: String?,
              region: String = "us-east-1") async throws -> LiveState<UserPoolDescription> {
        let status = id.map { ResourceStatus(kind: .userPool, name: address.name, specHash: "", resource: ["id": $0]) }
        let target = ReadTarget(address: address, desired: desired, status: status, region: desired?.region ?? region)
        let states = try await handler.read([target], context: self.context)
        return try #require(states[address])
    }

    /// Read, plan and (when the plan changes something) apply; returns the change and the outputs after it.
    @discardableResult
    func reconcile(_ desired: DesiredResource?, address: ResourceAddress, id: String?,
                   references: [ResourceAddress: [String: String]] = [:],
                   deletePolicy: DeletePolicy = .retain,
                   context: ReconcileContext? = nil) async throws -> (ResourceChange, [String: String]) {
        let context = context ?? self.context
        let live = try await read(desired, address: address, id: id)
        let input = PlanInput(address: address, desired: desired, live: live, status: nil, references: references,
                              dependencyActions: [:], deletePolicy: deletePolicy,
                              options: PlanOptions(account: "123456789012"))
        let change = try handler.plan(input)
        guard change.action.isApplied else { return (change, live.value.map(handler.outputs(of:)) ?? [:]) }
        let apply = ApplyContext(reconcile: context, references: ReferenceStore(references),
                                 options: PlanOptions(account: "123456789012"))
        return (change, try await handler.apply(change, input: input, context: apply))
    }

    /// Calls this harness's principal made, by operation.
    func callCounts() async throws -> [String: Int] {
        try await emulator.calls(accessKeyId: principal.accessKeyId).reduce(into: [:]) { $0[$1.operation, default: 0] += 1 }
    }

    /// A name no other test uses.
    static func unique(_ prefix: String) -> String { "\(prefix)-\(UUID().uuidString.prefix(8).lowercased())" }

    /// A UserPool manifest from `yaml`, renamed so that parallel tests never share an address or a pool name.
    static func desired(_ yaml: String, name: String, poolName: String? = nil) throws -> DesiredResource {
        var desired = try UserPoolFixtures.desired(yaml).manifest
        desired.metadata.name = Located(name, at: desired.metadata.name.location)
        if case var .userPool(spec) = desired.spec {
            spec.poolName = Located(poolName ?? name, at: spec.poolName.location)
            desired.spec = .userPool(spec)
        }
        let region = desired.spec.region?.value ?? "us-east-1"
        let role: [ResourceAddress] = if case let .userPool(spec) = desired.spec, let smsRole = spec.smsRole {
            [ResourceAddress(kind: .smsRole, name: smsRole.value)]
        } else { [] }
        return DesiredResource(manifest: desired, region: region, dependencies: role)
    }
}
