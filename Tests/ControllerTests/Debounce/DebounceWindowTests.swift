import Testing

@testable import Controller

/// Deadlines and batching of the pure debounce state.
@Suite("DebounceWindow")
struct DebounceWindowTests {
    /// Builds a window with 500 ms quiet period and 2 s max wait.
    static func window() -> DebounceWindow<String> {
        DebounceWindow(quietPeriod: .milliseconds(500), maxWait: .seconds(2))
    }

    /// Nothing pending means no deadline and nothing to take.
    @Test func emptyHasNoDeadline() {
        var window = Self.window()
        #expect(window.deadline == nil)
        #expect(window.takeIfDue(now: .seconds(100)) == nil)
    }

    /// Each event pushes the deadline to 500 ms after it; the batch is not due before.
    @Test func quietPeriodRestartsOnEachEvent() {
        var window = Self.window()
        window.add(["a"], now: .zero)
        #expect(window.deadline == .milliseconds(500))
        window.add(["b"], now: .milliseconds(400))
        #expect(window.deadline == .milliseconds(900))
        #expect(window.takeIfDue(now: .milliseconds(899)) == nil)
        #expect(window.takeIfDue(now: .milliseconds(900)) == ["a", "b"])
        #expect(window.deadline == nil)
    }

    /// A constant stream flushes at max wait after the first event.
    @Test func maxWaitBoundsConstantStream() {
        var window = Self.window()
        for step in 0..<10 { window.add(["e\(step % 3)"], now: .milliseconds(300 * step)) }
        #expect(window.deadline == .seconds(2))
        #expect(window.takeIfDue(now: .seconds(2)) == ["e0", "e1", "e2"])
    }

    /// Duplicates collapse, keeping first-arrival order; an empty add changes nothing.
    @Test func duplicatesCollapse() {
        var window = Self.window()
        window.add(["b", "a", "b"], now: .zero)
        window.add([], now: .milliseconds(450))
        #expect(window.deadline == .milliseconds(500))
        window.add(["a"], now: .milliseconds(100))
        #expect(window.takeAll() == ["b", "a"])
    }
}
