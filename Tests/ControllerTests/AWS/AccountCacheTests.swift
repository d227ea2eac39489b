import Testing

@testable import Controller

/// Counts lookups and can hold them until released.
actor AccountLookups {
    /// Lookups started.
    private(set) var count = 0
    /// The answer, or nil to fail.
    var answer: String? = "123456789012"
    /// Whether lookups wait for `open()`.
    private var holding = false
    /// Lookups waiting.
    private var waiters: [CheckedContinuation<Void, Never>] = []

    /// One lookup.
    func lookup() async throws -> String {
        count += 1
        if holding { await withCheckedContinuation { waiters.append($0) } }
        guard let answer else { throw LookupFailed() }
        return answer
    }

    /// Makes lookups wait.
    func hold() { holding = true }
    /// Lets waiting lookups finish.
    func open() {
        holding = false
        for waiter in waiters { waiter.resume() }
        waiters = []
    }
    /// Number of lookups waiting.
    var waiting: Int { waiters.count }
    /// Sets the answer (nil fails).
    func answer(_ value: String?) { answer = value }

    /// The lookup error.
    struct LookupFailed: Error {}
}

/// The account id is looked up once per region until forgotten; failures are not remembered.
@Suite("AccountCache")
struct AccountCacheTests {
    /// One lookup per region until `forget()`.
    @Test func remembersUntilForgotten() async throws {
        let cache = AccountCache()
        let calls = AccountLookups()
        for _ in 0..<3 { #expect(try await cache.account(region: "eu-west-1") { try await calls.lookup() } == "123456789012") }
        #expect(await calls.count == 1)
        _ = try await cache.account(region: nil) { try await calls.lookup() }
        #expect(await calls.count == 2)
        await cache.forget()
        _ = try await cache.account(region: "eu-west-1") { try await calls.lookup() }
        #expect(await calls.count == 3)
    }

    /// A failed lookup is asked again next time.
    @Test func failuresAreNotRemembered() async throws {
        let cache = AccountCache()
        let calls = AccountLookups()
        await calls.answer(nil)
        await #expect(throws: AccountLookups.LookupFailed.self) {
            try await cache.account(region: nil) { try await calls.lookup() }
        }
        await calls.answer("210987654321")
        #expect(try await cache.account(region: nil) { try await calls.lookup() } == "210987654321")
        #expect(await calls.count == 2)
    }

    /// Callers arriving while a lookup is in flight wait for it instead of starting their own.
    @Test func concurrentCallersShareOneLookup() async throws {
        let cache = AccountCache()
        let calls = AccountLookups()
        await calls.hold()
        async let first = cache.account(region: nil) { try await calls.lookup() }
        async let second = cache.account(region: nil) { try await calls.lookup() }
        #expect(await eventually { await calls.waiting == 1 })
        await calls.open()
        #expect(try await [first, second] == ["123456789012", "123456789012"])
        #expect(await calls.count == 1)
        #expect(await cache.lookups == 1)
    }
}
