/// Serialises the tests that move the emulator's clock or depend on time not moving under them (24-hour sandbox
/// rules, numbers staying PENDING, SMS-role propagation, resend limits). The emulator clock is one per emulator
/// process, and every test target runs in one test process, so this process-wide lock is enough to keep them out of
/// each other's way.
public enum EmulatorClockLock {
    /// The one lock for the test process: `EmulatorClockLock.shared.run { … }`.
    public static let shared = AsyncSemaphore(limit: 1)
}
