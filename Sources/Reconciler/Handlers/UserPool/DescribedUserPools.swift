import AWSServices

/// The user pools described during one live-state read pass, shared between kinds: the UserPool read records every
/// pool it describes, and the MfaPolicy and AppClient reads of the same pass (with no write in between) take the pool
/// from here instead of calling DescribeUserPool again. The UserPool read announces the pools it is about to describe
/// (`expect`), so a read asking for one of those while its DescribeUserPool is still on its way waits for that answer
/// instead of describing the pool a second time (an app client whose manifest now names another pool is looked for
/// in the pool its status recorded, and its read may start before that pool's answer arrives). A new, empty record
/// is made for every pass (`ReconcileContext.forReadPass()`), so nothing read before a change is ever reused after it.
actor DescribedUserPools {
    /// DescribeUserPool answers by pool id.
    private var pools: [String: UserPoolDescription] = [:]
    /// Pools announced and not yet answered, with the reads waiting for them.
    private var expected: [String: [CheckedContinuation<UserPoolDescription?, Never>]] = [:]

    /// An empty record.
    init() {}

    /// Announces that the pools `ids` are being described in this pass. Every id must later be recorded or settled.
    func expect(_ ids: some Sequence<String>) {
        for id in ids where pools[id] == nil && expected[id] == nil { expected[id] = [] }
    }

    /// Records a pool as DescribeUserPool answered it.
    func record(_ pool: UserPoolDescription) {
        pools[pool.id] = pool
        resume(pool.id)
    }

    /// Ends the wait for announced pools that will not be recorded (not found, or their read failed); a pool already
    /// recorded is unaffected.
    func settle(_ ids: some Sequence<String>) {
        for id in ids { resume(id) }
    }

    /// The pool with `id`, when it was described in this pass; when it is announced and not answered yet, waits for
    /// the answer. nil when it is neither.
    func pool(id: String) async -> UserPoolDescription? {
        if let pool = pools[id] { return pool }
        guard expected[id] != nil else { return nil }
        return await withCheckedContinuation { expected[id, default: []].append($0) }
    }

    /// Hands the waiters of `id` what is recorded for it.
    private func resume(_ id: String) {
        for waiter in expected.removeValue(forKey: id) ?? [] { waiter.resume(returning: pools[id]) }
    }
}
