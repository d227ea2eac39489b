import Testing
@testable import Reconciler

/// `pool-exists`, `sends-sms`, `pool-sms-configuration` and `mfa-sms`, and how `PoolChecks.evaluate` chains them.
@Suite struct DoctorPoolChecksTests {
    typealias Fixtures = DoctorFixtures

    static let existsCases: [(String, DoctorFact<PoolSnapshot?>, DoctorOutcome, String)] = [
        ("owned", .success(PoolSnapshot(id: "p1", owned: true)), .pass, "user pool p1 exists"),
        ("foreign", .success(PoolSnapshot(id: "p1", owned: false)), .warn, "ownership tags"),
        ("absent", .success(nil), .fail, "does not exist"),
        ("unreadable", .failure(Fixtures.readError), .fail, "could not be read: AccessDenied"),
    ]

    @Test(arguments: existsCases)
    func exists(_ row: (String, DoctorFact<PoolSnapshot?>, DoctorOutcome, String)) {
        let (check, _) = PoolChecks.exists(Fixtures.pool(pool: row.1))
        #expect(check.check == "pool-exists")
        #expect(check.result == row.2, "\(row.0)")
        #expect(check.message.contains(row.3), "\(row.0): \(check.message)")
    }

    static let configurationCases: [(String, PoolSnapshot, DoctorOutcome, String)] = [
        ("right role and id", PoolSnapshot(id: "p", owned: true, smsRoleArn: Fixtures.roleArn, smsExternalId: "ext-1"),
         .pass, "right external id"),
        ("no configuration", PoolSnapshot(id: "p", owned: true), .fail, "no SMS configuration"),
        ("other role", PoolSnapshot(id: "p", owned: true, smsRoleArn: "arn:aws:iam::123456789012:role/other",
                                    smsExternalId: "ext-1"), .fail, "not the SMS role"),
        ("other external id", PoolSnapshot(id: "p", owned: true, smsRoleArn: Fixtures.roleArn, smsExternalId: "old"),
         .fail, "external id is old, the SMS role expects ext-1"),
    ]

    @Test(arguments: configurationCases)
    func smsConfiguration(_ row: (String, PoolSnapshot, DoctorOutcome, String)) {
        let check = PoolChecks.smsConfiguration(Fixtures.pool(), pool: row.1)
        #expect(check.check == "pool-sms-configuration")
        #expect(check.result == row.2, "\(row.0)")
        #expect(check.message.contains(row.3), "\(row.0): \(check.message)")
    }

    static let mfaCases: [(String, DoctorFact<MfaFacts>, String?, Bool?, DoctorOutcome, String)] = [
        ("off", .success(MfaFacts(mode: "OFF", smsEnabled: false, totpEnabled: false)), Fixtures.roleArn, true, .pass, "MFA OFF"),
        ("optional sms", .success(MfaFacts(mode: "OPTIONAL", smsEnabled: true, totpEnabled: false)), Fixtures.roleArn, true,
         .pass, "OPTIONAL (SMS)"),
        ("on sms and totp in sandbox", .success(MfaFacts(mode: "ON", smsEnabled: true, totpEnabled: true)), Fixtures.roleArn, true,
         .pass, "ON (SMS, TOTP)"),
        ("on sms only out of sandbox", .success(MfaFacts(mode: "ON", smsEnabled: true, totpEnabled: false)), Fixtures.roleArn, false,
         .pass, "ON (SMS)"),
        ("on sms only in sandbox", .success(MfaFacts(mode: "ON", smsEnabled: true, totpEnabled: false)), Fixtures.roleArn, true,
         .warn, "only factor while the account is in the SMS sandbox"),
        ("sms without configuration", .success(MfaFacts(mode: "OPTIONAL", smsEnabled: true, totpEnabled: false)), nil, false,
         .fail, "no SMS configuration"),
        ("unreadable", .failure(Fixtures.readError), Fixtures.roleArn, false, .fail, "could not be read"),
    ]

    @Test(arguments: mfaCases)
    func mfa(_ row: (String, DoctorFact<MfaFacts>, String?, Bool?, DoctorOutcome, String)) {
        let pool = PoolSnapshot(id: "p", owned: true, smsRoleArn: row.2, smsExternalId: "ext-1")
        let check = PoolChecks.mfa(Fixtures.pool(), pool: pool, mfa: row.1, inSandbox: row.3)
        #expect(check.check == "mfa-sms")
        #expect(check.result == row.4, "\(row.0)")
        #expect(check.message.contains(row.5), "\(row.0): \(check.message)")
    }

    @Test func healthyPoolRunsEveryCheckAndPasses() {
        let checks = PoolChecks.evaluate(Fixtures.pool(), inSandbox: false)
        #expect(checks.map(\.check) == ["pool-exists", "sms-role-exists", "sms-role-trust", "sms-role-publish",
                                        "pool-sms-configuration", "mfa-sms"])
        #expect(checks.allSatisfy { $0.result == .pass && $0.resource == "UserPool/qnatime" })
    }

    @Test func poolThatSendsNoSmsWarnsOnce() {
        let checks = PoolChecks.evaluate(Fixtures.pool(role: nil, sendsSms: false), inSandbox: nil)
        #expect(checks.map(\.check) == ["pool-exists", "sends-sms"])
        #expect(checks.last?.result == .warn)
    }

    @Test func smsWithoutRoleFails() {
        let checks = PoolChecks.evaluate(Fixtures.pool(role: nil), inSandbox: false)
        let role = checks.first { $0.check == "sms-role-exists" }
        #expect(role?.result == .fail)
        #expect(role?.message == "the pool uses SMS but names no SMS role")
    }

    @Test func missingPoolAndRoleSkipTheChecksThatNeedThem() {
        let facts = Fixtures.pool(pool: .success(nil), role: Fixtures.roleFacts(live: .success(nil)), mfa: nil)
        let checks = PoolChecks.evaluate(facts, inSandbox: true)
        #expect(checks.map(\.check) == ["pool-exists", "sms-role-exists"])
        #expect(checks.allSatisfy { $0.result == .fail && $0.fix?.contains("smsauth reconcile") == true })
    }
}
