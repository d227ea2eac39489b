import Foundation
import Testing
@testable import Reconciler

/// The report: counts, pool checks seeing their region's sandbox, and both renderings.
@Suite struct DoctorReportTests {
    typealias Fixtures = DoctorFixtures

    @Test func poolsComeFirstAndSeeTheirRegionsSandbox() {
        let mfa = MfaFacts(mode: "ON", smsEnabled: true, totpEnabled: false)
        let report = DoctorEvaluation.report(pools: [Fixtures.pool(mfa: .success(mfa))],
                                             regions: [Fixtures.region(inSandbox: .success(true), spendLimit: .success("0"))])
        #expect(report.checks.first?.resource == "UserPool/qnatime")
        #expect(report.checks.last?.resource == "Region/eu-west-1")
        #expect(report.checks.first { $0.check == "mfa-sms" }?.result == .warn)
        #expect((report.passed, report.warnings, report.failed) == (7, 2, 1))  // us-registration passes too
        #expect(report.hasFailures)
    }

    @Test func textHasOneLinePerCheckWithTheFix() {
        let report = DoctorReport(checks: [
            DoctorCheck(resource: "UserPool/a", check: "pool-exists", result: .pass, message: "exists"),
            DoctorCheck(resource: "Region/r", check: "spend-limit", result: .fail, message: "zero", fix: "raise it"),
            DoctorCheck(resource: "Region/r", check: "sms-sandbox", result: .warn, message: "sandbox", fix: "leave"),
        ])
        #expect(DoctorRenderer(symbols: .unicode).text(report) == """
            ✔ UserPool/a: exists
            ✖ Region/r: zero (fix: raise it)
            ! Region/r: sandbox (fix: leave)
            Doctor: 1 passed, 1 warnings, 1 failed (SMS sign-in will not work).

            """)
        #expect(DoctorRenderer(symbols: .ascii).text(report).hasPrefix("PASS UserPool/a: exists\nFAIL Region/r: zero"))
    }

    @Test func emptyReportSaysThereIsNothingToCheck() {
        #expect(DoctorRenderer(symbols: .ascii).text(DoctorReport(checks: [])) ==
                    "No UserPool manifests: nothing to check.\nDoctor: 0 passed, 0 warnings, 0 failed (no failures).\n")
    }

    @Test func jsonHasTheDocumentedShape() throws {
        let report = DoctorReport(checks: [
            DoctorCheck(resource: "Region/r", check: "spend-limit", result: .fail, message: "zero", fix: "raise it"),
            DoctorCheck(resource: "UserPool/a", check: "pool-exists", result: .pass, message: "exists"),
        ])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(DoctorRenderer.json(report).utf8)) as? [String: Any])
        #expect(Set(object.keys) == ["checks", "passed", "warnings", "failed"])
        let check = try #require((object["checks"] as? [[String: Any]])?.first)
        #expect(check["result"] as? String == "fail")
        #expect(Set(check.keys) == ["resource", "check", "result", "message", "fix"])
        #expect(object["failed"] as? Int == 1)
        let pass = try #require((object["checks"] as? [[String: Any]])?.last)
        #expect(pass["fix"] is NSNull)
        #expect(try JSONDecoder().decode(DoctorReport.self, from: Data(DoctorRenderer.json(report).utf8)) == report)
    }
}
