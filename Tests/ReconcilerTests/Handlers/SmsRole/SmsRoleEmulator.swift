import AWSCore
import AWSServices
import Foundation
import Logging
import Manifests
import Testing
import TestSupport
@testable import Reconciler

/// The SmsRole handler against the local emulator: a fresh principal, real signer and transport, and the
/// read → plan → apply steps the engine performs, for one resource.
struct SmsRoleEmulator {
    let emulator: Emulator
    let principal: Emulator.Principal
    let client: AWSClient
    let account: String
    let handler = SmsRoleHandler()

    /// A fresh principal and a client signed with it.
    static func make() async throws -> SmsRoleEmulator {
        let emulator = try Emulator.fromEnvironment()
        let principal = try await emulator.newPrincipal()
        let client = emulator.client(for: principal)
        let account = try await STS(client: client, region: "us-east-1").getCallerIdentity().account
        return SmsRoleEmulator(emulator: emulator, principal: principal, client: client, account: account)
    }

    /// The raw IAM client, to look at and change roles behind the handler's back.
    var iam: IAM { IAM(client: client) }

    /// The reconcile context (no real sleeping).
    var context: ReconcileContext { ReconcileContext(client: client, logger: Logger(label: "test"), sleep: { _ in }) }

    /// A name no other test uses.
    static func unique(_ prefix: String) -> String { "\(prefix)-\(UUID().uuidString.prefix(8).lowercased())" }

    /// An SmsRole manifest `name` with `spec` lines (field → YAML value) and optional `policy` lines.
    static func desired(name: String, spec: [String: String], policy: String = "") throws -> DesiredResource {
        try SmsRoleFixtures.desired(spec, policy: policy, name: name)
    }

    /// Reads `address` (manifest `desired`, last outputs `recorded`) and plans it.
    func plan(_ address: ResourceAddress, desired: DesiredResource?, recorded: [String: String] = [:],
              deletePolicy: DeletePolicy = .retain) async throws -> (ResourceChange, PlanInput<SmsRoleLive>) {
        let status = recorded.isEmpty ? nil : ResourceStatus(kind: .smsRole, name: address.name, specHash: "h", resource: recorded)
        let target = ReadTarget(address: address, desired: desired, status: status, region: nil)
        let live = try await handler.read([target], context: context)
        let input = PlanInput(address: address, desired: desired, live: try #require(live[address]), status: status,
                              references: [:], dependencyActions: [:], deletePolicy: deletePolicy,
                              options: PlanOptions(account: account))
        return (try handler.plan(input), input)
    }

    /// Plans and applies `desired`, returning the change applied and the outputs.
    @discardableResult
    func reconcile(_ address: ResourceAddress, desired: DesiredResource?, recorded: [String: String] = [:],
                   deletePolicy: DeletePolicy = .retain) async throws -> (ResourceChange, [String: String]) {
        let (change, input) = try await plan(address, desired: desired, recorded: recorded, deletePolicy: deletePolicy)
        let options = PlanOptions(account: account)
        let applyContext = ApplyContext(reconcile: context, references: ReferenceStore(), options: options)
        return (change, try await handler.apply(change, input: input, context: applyContext))
    }

    /// The operations this test's principal sent, in order.
    func operations() async throws -> [String] {
        try await emulator.calls(accessKeyId: principal.accessKeyId).map(\.operation)
    }
}
