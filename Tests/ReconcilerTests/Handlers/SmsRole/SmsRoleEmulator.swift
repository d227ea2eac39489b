import AWSServices
import TestSupport
@testable import Reconciler

/// The SmsRole handler against the emulator: the generic harness, read in no region (IAM), with no real sleeping.
typealias SmsRoleEmulator = HandlerHarness<SmsRoleHandler>

extension HandlerHarness where Handler == SmsRoleHandler {
    /// A harness with a fresh principal.
    static func make() async throws -> Self { try await make(SmsRoleHandler(), region: nil, sleep: { _ in }) }

    /// The raw IAM client, to look at and change roles behind the handler's back.
    var iam: IAM { context.iam }

    /// An SmsRole manifest `name` with `spec` lines (field → YAML value) and optional `policy` lines.
    static func desired(name: String, spec: [String: String], policy: String = "") throws -> DesiredResource {
        try SmsRoleFixtures.desired(spec, policy: policy, name: name)
    }
}
