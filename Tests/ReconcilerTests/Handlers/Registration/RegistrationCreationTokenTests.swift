import Manifests
import Testing
@testable import Reconciler

/// CreateRegistration's ClientToken: a first creation keeps the address's token; a registration made in place of the
/// one its status records (a `registrationType` replacement) gets a token of its own, never the token that created
/// the registration it replaces (AWS answers a token used with other parameters with a conflict, or replays the first
/// answer), and the same one when the create is retried after the run stopped before the new status was written.
@Suite struct RegistrationCreationTokenTests {
    /// The token of CreateRegistration for a manifest of `type`, with a status recording `recorded` (nil: none).
    func token(type: String, recorded: String?) throws -> String {
        let desired = try RegistrationPlanTests.desired(type: type)
        var status = ResourceStatus(kind: .registration, name: "tf", specHash: "h")
        status.resource = recorded.map { ["id": $0] } ?? [:]
        let input = PlanInput<RegistrationLive>(address: RegistrationPlanTests.address, desired: desired, live: .absent,
                                                status: recorded == nil ? nil : status, references: [:],
                                                dependencyActions: [:], deletePolicy: .retain,
                                                options: PlanOptions(account: "123456789012"))
        return try RegistrationHandler.creationToken(input, region: "us-east-1")
    }

    @Test func aFirstCreationKeepsTheAddresssToken() throws {
        #expect(try token(type: "US_TEN_DLC_BRAND_REGISTRATION", recorded: nil)
                    == ClientToken.derive(["us-east-1", "Registration", "", "tf"]))
    }

    @Test func aReplacementNeverReusesTheTokenOfTheRegistrationItReplaces() throws {
        let first = try token(type: "US_TEN_DLC_BRAND_REGISTRATION", recorded: nil)
        let replacement = try token(type: "US_TOLL_FREE_REGISTRATION", recorded: "registration-1")
        #expect(replacement != first)
        // Retried with the replaced id still recorded: the same token, so AWS answers the same registration.
        #expect(try token(type: "US_TOLL_FREE_REGISTRATION", recorded: "registration-1") == replacement)
        // Replaced again, back to the first type: neither earlier token.
        let back = try token(type: "US_TEN_DLC_BRAND_REGISTRATION", recorded: "registration-2")
        #expect(back != first && back != replacement)
    }
}
