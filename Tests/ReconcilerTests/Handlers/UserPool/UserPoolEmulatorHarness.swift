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

    /// Advances the emulator clock by `duration`, holding `EmulatorClockLock` for the move: the clock is the whole
    /// emulator's, and a test that needs time to stand still (IAM propagation, a number staying pending) holds the
    /// lock. So a test holding the lock must not sleep on this clock.
    func sleep(_ duration: Duration) async throws {
        let seconds = Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
        offset.withLock { $0 += seconds }
        let body = try JSONSerialization.data(withJSONObject: ["advanceSeconds": seconds])
        try await EmulatorClockLock.shared.run { _ = try await emulator.control("POST", "clock", body: body) }
    }
}

/// The generic harness driving a UserPoolHandler, on the emulator's clock, with raw clients to set things up and
/// check results out of band.
typealias UserPoolHarness = HandlerHarness<UserPoolHandler>

extension HandlerHarness where Handler == UserPoolHandler {
    /// A harness with its own principal, whose sleeps move the emulator's clock.
    static func make() async throws -> Self {
        let emulator = try Emulator.fromEnvironment()
        let clock = EmulatorClock(emulator: emulator)
        return try await make(UserPoolHandler(), now: { clock.now() }, sleep: { try await clock.sleep($0) })
    }

    /// The client, signed as this harness's principal.
    var client: AWSClient { context.client }

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
        var harness = self
        harness.region = region
        return try await harness.read(address, desired: desired, status: Self.poolStatus(address, id: id))
    }

    /// Read, plan and (when the plan changes something) apply; returns the change and the outputs after it.
    /// `context` replaces the harness's for the apply (a client that fails on purpose).
    @discardableResult
    func reconcile(_ desired: DesiredResource?, address: ResourceAddress, id: String?,
                   references: [ResourceAddress: [String: String]] = [:],
                   deletePolicy: DeletePolicy = .retain,
                   context: ReconcileContext? = nil) async throws -> (ResourceChange, [String: String]) {
        var harness = self
        harness.references = references
        let (change, input) = try await harness.plan(address, desired: desired, status: Self.poolStatus(address, id: id),
                                                     deletePolicy: deletePolicy)
        guard change.action.isApplied else { return (change, input.live.value.map(handler.outputs(of:)) ?? [:]) }
        let apply = ApplyContext(reconcile: context ?? self.context, references: ReferenceStore(references),
                                 options: options())
        return (change, try await handler.apply(change, input: input, context: apply))
    }

    /// Calls this harness's principal made, by operation.
    func callCounts() async throws -> [String: Int] {
        try await operations().reduce(into: [:]) { $0[$1, default: 0] += 1 }
    }

    /// The status of a pool whose recorded id is `id` (nil: no status file).
    static func poolStatus(_ address: ResourceAddress, id: String?) -> ResourceStatus? {
        id.map { ResourceStatus(kind: .userPool, name: address.name, specHash: "", resource: ["id": $0]) }
    }

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
