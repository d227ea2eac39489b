import AWSCore
import AWSServices
import Foundation
import Logging
import Manifests
import TestSupport
@testable import Reconciler

/// Real clients (SigV4 signer, AsyncHTTPClient transport) for a fresh emulator principal, and the handler contexts
/// built on them, for the OriginationIdentity and PhonePool end-to-end tests.
struct OriginationEmulator {

    let emulator: Emulator
    let principal: Emulator.Principal
    let client: AWSClient

    /// A fresh principal and its client.
    static func make() async throws -> OriginationEmulator {
        let emulator = try Emulator.fromEnvironment()
        let principal = try await emulator.newPrincipal()
        let client = emulator.client(for: principal)
        return OriginationEmulator(emulator: emulator, principal: principal, client: client)
    }

    /// The reconcile context.
    var context: ReconcileContext { ReconcileContext(client: client, logger: Logger(label: "test")) }
    /// End User Messaging SMS in us-east-1, for checking live values.
    var sms: SMSVoice { SMSVoice(client: client, region: "us-east-1") }

    /// An apply context whose reference store starts with `references`.
    func applyContext(_ references: [ResourceAddress: [String: String]] = [:], allowPurchase: Bool = false) -> ApplyContext {
        ApplyContext(reconcile: context, references: ReferenceStore(references),
                     options: PlanOptions(account: "123456789012", allowPurchase: allowPurchase))
    }

    /// Sets the emulator's number activation delay for this test's access key only (other tests keep theirs).
    func setActivationDelay(_ seconds: Double) async throws {
        let body = "{\"phoneNumberActivationSeconds\": \(seconds), \"accessKeyId\": \"\(principal.accessKeyId)\"}"
        try await emulator.control("POST", "config", body: Data(body.utf8))
    }

    /// Moves the emulator clock forward.
    func advanceClock(_ seconds: Double) async throws {
        try await emulator.control("POST", "clock", body: Data("{\"advanceSeconds\": \(seconds)}".utf8))
    }

    /// A name no other test uses.
    static func uniqueName(_ prefix: String) -> String {
        "\(prefix)-\(UUID().uuidString.prefix(8).lowercased())"
    }

    /// Reads one resource with `handler` (no status file) and plans it.
    static func readAndPlan<H: ResourceHandler>(
        _ handler: H, _ desired: DesiredResource?, address: ResourceAddress, context: ReconcileContext,
        status: ResourceStatus? = nil, references: [ResourceAddress: [String: String]] = [:],
        deletePolicy: DeletePolicy = .retain, allowPurchase: Bool = false
    ) async throws -> (PlanInput<H.Live>, ResourceChange) {
        let target = ReadTarget(address: address, desired: desired, status: status, region: "us-east-1")
        let live = try await handler.read([target], context: context)[address] ?? .absent
        let input = PlanInput(address: address, desired: desired, live: live, status: status, references: references,
                              dependencyActions: [:], deletePolicy: deletePolicy,
                              options: PlanOptions(account: "123456789012", allowPurchase: allowPurchase))
        return (input, try handler.plan(input))
    }
}
