import Testing
@testable import Reconciler

/// `sms-sandbox`, `us-origination` and `spend-limit`, one row per way they can come out.
@Suite struct DoctorRegionChecksTests {
    typealias Fixtures = DoctorFixtures

    static let sandboxCases: [(String, DoctorFact<Bool>, DoctorFact<[SandboxDestination]>, DoctorOutcome, [String])] = [
        ("out of the sandbox", .success(false), .success([]), .pass, ["out of the SMS sandbox"]),
        ("in, verified and pending", .success(true), .success([
            SandboxDestination(phoneNumber: "+15550002", verified: true),
            SandboxDestination(phoneNumber: "+15550001", verified: true),
            SandboxDestination(phoneNumber: "+15550003", verified: false),
        ]), .warn, ["(verified: +15550001, +15550002)", "pending verification: +15550003", "smsauth verify"]),
        ("in, none", .success(true), .success([]), .warn, ["(none verified)", "SandboxNumber"]),
        ("in, list unreadable", .success(true), .failure(Fixtures.readError), .warn, ["could not be listed"]),
        ("status unreadable", .failure(Fixtures.readError), .success([]), .fail, ["could not be read"]),
    ]

    @Test(arguments: sandboxCases)
    func sandbox(_ row: (String, DoctorFact<Bool>, DoctorFact<[SandboxDestination]>, DoctorOutcome, [String])) {
        let check = RegionChecks.sandbox(Fixtures.region(inSandbox: row.1, destinations: row.2))
        #expect(check.check == "sms-sandbox")
        #expect(check.resource == "Region/eu-west-1")
        #expect(check.result == row.3, "\(row.0)")
        let text = check.message + " " + (check.fix ?? "")
        for part in row.4 { #expect(text.contains(part), "\(row.0): \(text)") }
    }

    static let originationCases: [(String, DoctorFact<[OriginationNumber]>, DoctorOutcome, String)] = [
        ("active toll-free", .success([OriginationNumber(phoneNumber: "+18005550100", status: "ACTIVE", numberType: "TOLL_FREE")]),
         .pass, "+18005550100"),
        ("pending only", .success([OriginationNumber(phoneNumber: "+18005550100", status: "PENDING", numberType: "TOLL_FREE")]),
         .warn, "still PENDING"),
        ("none", .success([]), .fail, "no ACTIVE US origination number in eu-west-1"),
        ("simulator only", .success([OriginationNumber(phoneNumber: "+12065550100", status: "ACTIVE", numberType: "SIMULATOR")]),
         .fail, "only simulator numbers"),
        ("voice only", .success([OriginationNumber(phoneNumber: "+18005550100", status: "ACTIVE", numberType: "TOLL_FREE",
                                                   smsCapable: false)]), .fail, "no ACTIVE"),
        ("unreadable", .failure(Fixtures.readError), .fail, "could not be read"),
    ]

    @Test(arguments: originationCases)
    func usOrigination(_ row: (String, DoctorFact<[OriginationNumber]>, DoctorOutcome, String)) {
        let check = RegionChecks.usOrigination(Fixtures.region(usNumbers: row.1))
        #expect(check.check == "us-origination")
        #expect(check.result == row.2, "\(row.0)")
        #expect(check.message.contains(row.3), "\(row.0): \(check.message)")
    }

    static let spendCases: [(String, DoctorFact<String?>, DoctorOutcome, String)] = [
        ("fifty", .success("50"), .pass, "50 USD"),
        ("fractional", .success("0.5"), .pass, "0.5 USD"),
        ("unset", .success(nil), .warn, "default of 1 USD"),
        ("zero", .success("0"), .fail, "is 0 USD: no SMS is sent"),
        ("not a number", .success("lots"), .warn, "not a number"),
        ("unreadable", .failure(Fixtures.readError), .fail, "could not be read"),
    ]

    @Test(arguments: spendCases)
    func spendLimit(_ row: (String, DoctorFact<String?>, DoctorOutcome, String)) {
        let check = RegionChecks.spendLimit(Fixtures.region(spendLimit: row.1))
        #expect(check.check == "spend-limit")
        #expect(check.result == row.2, "\(row.0)")
        #expect(check.message.contains(row.3), "\(row.0): \(check.message)")
        #expect((check.fix == nil) == (row.2 == .pass))
    }
}
