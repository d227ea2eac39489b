import AWSServices
import Foundation
import Manifests
import TestSupport
@testable import Reconciler

/// The generic harness for the OriginationIdentity and PhonePool end-to-end tests, with the emulator's number
/// activation delay and plans of either handler.
typealias OriginationEmulator = HandlerHarness<OriginationIdentityHandler>

extension HandlerHarness where Handler == OriginationIdentityHandler {
    /// A harness with a fresh principal.
    static func make() async throws -> Self { try await make(OriginationIdentityHandler()) }

    /// End User Messaging SMS in us-east-1, for checking live values.
    var sms: SMSVoice { SMSVoice(client: context.client, region: "us-east-1") }

    /// An apply context whose reference store starts with `references`.
    func applyContext(_ references: [ResourceAddress: [String: String]], allowPurchase: Bool = false) -> ApplyContext {
        var copy = self
        copy.references = references
        return copy.applyContext(allowPurchase: allowPurchase)
    }

    /// Sets the emulator's number activation delay for this test's access key only (other tests keep theirs).
    func setActivationDelay(_ seconds: Double) async throws {
        let body = "{\"phoneNumberActivationSeconds\": \(seconds), \"accessKeyId\": \"\(principal.accessKeyId)\"}"
        try await emulator.control("POST", "config", body: Data(body.utf8))
    }

    /// Reads one resource with `handler` and plans it; returns the input and the change.
    func readAndPlan<H: ResourceHandler>(
        _ handler: H, _ desired: DesiredResource?, address: ResourceAddress, status: ResourceStatus? = nil,
        references: [ResourceAddress: [String: String]] = [:], deletePolicy: DeletePolicy = .retain,
        allowPurchase: Bool = false
    ) async throws -> (PlanInput<H.Live>, ResourceChange) {
        var harness = with(handler)
        harness.references = references
        let (change, input) = try await harness.plan(address, desired: desired, status: status,
                                                     deletePolicy: deletePolicy, allowPurchase: allowPurchase)
        return (input, change)
    }
}
