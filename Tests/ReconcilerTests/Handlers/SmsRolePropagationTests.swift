import AWSCore
import Foundation
import Synchronization
import Testing
@testable import Reconciler

/// `SmsRolePropagation.retrying` on a fake clock: the waits double, the last is cut short so that the last attempt is
/// made when the timeout is reached (it used to give up a whole wait early: after 1 s of a 3 s timeout), and the
/// failure says how long it waited in seconds with one decimal.
@Suite struct SmsRolePropagationTests {
    static let notTrusted = AWSError(service: "cognito-idp", operation: "UpdateUserPool",
                                     code: "InvalidSmsRoleTrustRelationshipException", message: "not trusted", httpStatus: 400)

    @Test(arguments: [(3, [1.0, 2.0], 3), (4, [1.0, 2.0, 1.0], 4), (1, [1.0], 2)])
    func theLastAttemptIsAtTheTimeout(timeout: Int, waits: [Double], attempts: Int) async throws {
        let clock = Mutex(0.0)
        let base = EngineFixtures.context()
        let context = ReconcileContext(
            client: base.client, logger: EngineFixtures.quietLogger,
            now: { Date(timeIntervalSince1970: clock.withLock { $0 }) },
            sleep: { delay in clock.withLock { $0 += delay.inSeconds } },
            smsRolePropagationTimeout: .seconds(timeout))
        let tries = Mutex(0)
        let error = await #expect(throws: SmsRolePropagation.NotUsable.self) {
            try await SmsRolePropagation.retrying(context) { () async throws -> Int in
                tries.withLock { $0 += 1 }
                throw Self.notTrusted
            }
        }
        #expect(tries.withLock { $0 } == attempts)
        #expect(clock.withLock { $0 } == waits.reduce(0, +))
        #expect(error?.description.hasPrefix("Cognito still cannot use the SMS role after \(timeout).0 s: ") == true,
                "\(error?.description ?? "")")
    }
}
