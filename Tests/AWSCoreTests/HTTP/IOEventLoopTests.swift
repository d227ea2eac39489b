import Foundation
import NIOCore
import Testing
@testable import AWSCore

/// Tests of the I/O event loop: where `run` puts a command's tasks, and how `sleep(until:)` waits.
@Suite struct IOEventLoopTests {
    /// An actor without an executor of its own, as the rate limiter's buckets are.
    actor Counter {
        var count = 0
        func increment() -> Bool {
            count += 1
            return IOEventLoopTests.onLoop()
        }
    }

    /// Whether the calling thread is the I/O event loop's.
    static func onLoop() -> Bool {
        IOEventLoop.loop.inEventLoop
    }

    /// The operation, its child tasks and the default actors it calls run on the event loop's thread; outside `run`
    /// they do not.
    @Test func operationChildTasksAndActorsRunOnTheLoop() async {
        #expect(!Self.onLoop())
        let counter = Counter()
        let placements = await IOEventLoop.run { () async -> [Bool] in
            var placements = [Self.onLoop()]
            await withTaskGroup(of: Bool.self) { group in
                for _ in 0..<4 { group.addTask { Self.onLoop() } }
                for await onLoop in group { placements.append(onLoop) }
            }
            placements.append(await counter.increment())
            return placements
        }
        #expect(placements == Array(repeating: true, count: 6))
        #expect(!Self.onLoop())
    }

    /// What the operation throws comes out of `run`.
    @Test func errorsPassThrough() async {
        struct Failure: Error, Equatable {}
        await #expect(throws: Failure()) {
            try await IOEventLoop.run { () async throws(Failure) -> Void in throw Failure() }
        }
    }

    /// A sleep lasts until its deadline, on the loop's timers.
    @Test(arguments: [false, true]) func sleepWaitsUntilTheDeadline(onLoop: Bool) async throws {
        let deadline = ContinuousClock.now + .milliseconds(80)
        if onLoop {
            try await IOEventLoop.run { try await IOEventLoop.sleep(until: deadline) }
        } else {
            try await IOEventLoop.sleep(until: deadline)
        }
        #expect(ContinuousClock.now >= deadline)
    }

    /// A deadline centuries away (a controller's duration flag can ask for one) waits without overflowing; cancelling
    /// ends it.
    @Test func farDeadlineDoesNotOverflow() async {
        let sleeper = Task { try await IOEventLoop.sleep(until: .now + .seconds(Int64.max / 2)) }
        try? await Task.sleep(for: .milliseconds(20))
        sleeper.cancel()
        await #expect(throws: CancellationError.self) { try await sleeper.value }
    }

    /// A deadline already passed returns at once.
    @Test func pastDeadlineReturnsAtOnce() async throws {
        let start = ContinuousClock.now
        try await IOEventLoop.sleep(until: start - .seconds(5))
        #expect(start.duration(to: .now) < .seconds(1))
    }

    /// Cancelling the sleeping task ends the sleep early with `CancellationError`.
    @Test func cancellationEndsTheSleep() async {
        let start = ContinuousClock.now
        let sleeper = Task { try await IOEventLoop.sleep(until: .now + .seconds(30)) }
        try? await Task.sleep(for: .milliseconds(50))
        sleeper.cancel()
        await #expect(throws: CancellationError.self) { try await sleeper.value }
        #expect(start.duration(to: .now) < .seconds(10))
    }

    /// A task cancelled before it sleeps does not sleep.
    @Test func alreadyCancelledTaskDoesNotSleep() async {
        let start = ContinuousClock.now
        let sleeper = Task {
            withUnsafeCurrentTask { $0?.cancel() }
            try await IOEventLoop.sleep(until: .now + .seconds(30))
        }
        await #expect(throws: CancellationError.self) { try await sleeper.value }
        #expect(start.duration(to: .now) < .seconds(10))
    }
}
