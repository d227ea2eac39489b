import Testing

@testable import Controller

/// Per-key exponential backoff: doubling, cap, reset and independence of keys.
@Suite("ItemBackoff")
struct ItemBackoffTests {
    /// (failures so far, expected delay) with the controller defaults.
    static let schedule: [(Int, Duration)] = [
        (0, .milliseconds(5)), (1, .milliseconds(10)), (2, .milliseconds(20)), (10, .milliseconds(5120)),
        (15, .milliseconds(163_840)), (16, .seconds(300)), (100, .seconds(300)), (Int.max, .seconds(300)),
    ]

    /// The delay doubles from 5 ms and never exceeds 5 minutes, even for huge failure counts.
    @Test(arguments: schedule)
    func delayDoublesUpToCap(failures: Int, expected: Duration) {
        #expect(ItemBackoff<String>().delay(afterFailures: failures) == expected)
    }

    /// Each failure of a key doubles its next delay and increments its failure count.
    @Test func consecutiveFailuresDouble() {
        var backoff = ItemBackoff<String>()
        let delays = (0..<4).map { _ in backoff.nextDelay(for: "UserPool/a") }
        #expect(delays == [.milliseconds(5), .milliseconds(10), .milliseconds(20), .milliseconds(40)])
        #expect(backoff.failures("UserPool/a") == 4)
    }

    /// `forget` resets a key to the base delay without touching other keys.
    @Test func forgetResetsOnlyThatKey() {
        var backoff = ItemBackoff<String>()
        _ = backoff.nextDelay(for: "a")
        _ = backoff.nextDelay(for: "a")
        _ = backoff.nextDelay(for: "b")
        backoff.forget("a")
        #expect(backoff.failures("a") == 0)
        #expect(backoff.failures("b") == 1)
        #expect(backoff.nextDelay(for: "a") == .milliseconds(5))
        #expect(backoff.nextDelay(for: "b") == .milliseconds(10))
    }

    /// A cap below the base delay is raised to the base delay.
    @Test func capNeverBelowBase() {
        let backoff = ItemBackoff<Int>(baseDelay: .seconds(2), maxDelay: .seconds(1))
        #expect(backoff.delay(afterFailures: 3) == .seconds(2))
    }
}
