import Testing
@testable import Reconciler

/// `us-registration`, one row per way it can come out.
@Suite struct DoctorRegistrationChecksTests {
    typealias Fixtures = DoctorFixtures

    static func number(_ phone: String = "+18005550100", type: String = "TOLL_FREE", registration: String? = "registration-1",
                       sms: Bool = true) -> OriginationNumber {
        OriginationNumber(phoneNumber: phone, status: "ACTIVE", numberType: type, smsCapable: sms, registrationId: registration)
    }

    struct Row: CustomStringConvertible, Sendable {
        let description: String
        let numbers: [OriginationNumber]
        let registrations: DoctorFact<[String: RegistrationFacts]>?
        let outcome: DoctorOutcome?
        let parts: [String]
    }

    static let rows: [Row] = [
        Row(description: "complete", numbers: [number()],
            registrations: .success(["registration-1": RegistrationFacts(status: "COMPLETE")]),
            outcome: .pass, parts: ["the registration of +18005550100 is COMPLETE"]),
        Row(description: "under review", numbers: [number()],
            registrations: .success(["registration-1": RegistrationFacts(status: "REVIEWING", latestVersionStatus: "REVIEWING")]),
            outcome: .fail, parts: ["+18005550100: registration registration-1 is REVIEWING", "drop SMS"]),
        Row(description: "denied, with the reviewer's reasons", numbers: [number()],
            registrations: .success(["registration-1": RegistrationFacts(
                status: "REQUIRES_UPDATES", latestVersionStatus: "DENIED",
                deniedReasons: ["The opt-in workflow is missing (OPT_IN)", "Use case unclear (USE_CASE)"])]),
            outcome: .fail, parts: ["is REQUIRES_UPDATES (latest version DENIED)",
                                    "the reviewer's reasons: The opt-in workflow is missing (OPT_IN); Use case unclear (USE_CASE)",
                                    "submit a new version"]),
        Row(description: "a new draft after a denial", numbers: [number()],
            registrations: .success(["registration-1": RegistrationFacts(status: "REQUIRES_UPDATES", latestVersionStatus: "DRAFT",
                                                                          deniedReasons: ["Bad (X)"])]),
            outcome: .fail, parts: ["(latest version DRAFT)", "Bad (X)"]),
        Row(description: "registration gone", numbers: [number()],
            registrations: .success(["registration-1": RegistrationFacts(status: nil)]),
            outcome: .fail, parts: ["registration registration-1 does not exist"]),
        Row(description: "no registration on a 10DLC number", numbers: [number("+12065550100", type: "TEN_DLC", registration: nil)],
            registrations: nil, outcome: .fail, parts: ["+12065550100 (TEN_DLC) has no registration"]),
        Row(description: "one complete, one not: fails naming only the other", numbers: [
            number(), number("+18005550101", registration: "registration-2")],
            registrations: .success(["registration-1": RegistrationFacts(status: "COMPLETE"),
                                     "registration-2": RegistrationFacts(status: "CREATED")]),
            outcome: .fail, parts: ["+18005550101: registration registration-2 is CREATED"]),
        Row(description: "unreadable", numbers: [number()], registrations: .failure(Fixtures.readError),
            outcome: .fail, parts: ["could not be read", "sms-voice:DescribeRegistrations"]),
        Row(description: "simulator and voice-only numbers need none: no check", numbers: [
            number("+12065550100", type: "SIMULATOR", registration: nil), number(sms: false)],
            registrations: nil, outcome: nil, parts: []),
        Row(description: "no US number: no check", numbers: [], registrations: nil, outcome: nil, parts: []),
    ]

    @Test(arguments: rows)
    func registration(_ row: Row) {
        var facts = Fixtures.region(usNumbers: .success(row.numbers))
        facts.registrations = row.registrations
        let check = RegistrationChecks.check(facts)
        #expect(check?.result == row.outcome)
        #expect(check.map { $0.check == "us-registration" && $0.resource == "Region/eu-west-1" } ?? true)
        let text = (check?.message ?? "") + " " + (check?.fix ?? "")
        for part in row.parts { #expect(text.contains(part), "\(text)") }
    }

    @Test func theRegionEvaluationPutsItAfterUsOrigination() {
        var facts = Fixtures.region(usNumbers: .success([Self.number()]))
        facts.registrations = .success(["registration-1": RegistrationFacts(status: "COMPLETE")])
        let ids = RegionChecks.evaluate(facts).map(\.check)
        #expect(ids.firstIndex(of: "us-registration") == ids.firstIndex(of: "us-origination").map { $0 + 1 })
    }
}
