/// The loopback port ranges the tests draw from, apart so that one test's port cannot be taken by another's.
///
/// Both lie below Linux's ephemeral range (32768-60999): a port the kernel picks (port 0) can, once closed, become
/// the local port of another test's outgoing connection. `scripts/free_port.py` draws from `emulators` too.
public enum LoopbackPorts {
    /// Where an emulator (or another server a test starts) is given a free port: `EmulatorProcess.freePort()`,
    /// `scripts/free_port.py`.
    public static let emulators = 20_000..<32_000
    /// Where a test holds a port, lets it go and expects it to be free again a moment later. No server is started
    /// on these, so no other test can take the freed port in between.
    public static let heldAndFreed = 10_000..<20_000
}
