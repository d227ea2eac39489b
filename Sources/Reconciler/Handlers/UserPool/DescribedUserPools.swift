import AWSServices

/// The user pools described during one live-state read pass, shared between kinds: the UserPool read records every
/// pool it describes, and the MfaPolicy read (started after it in the same pass, with no write in between) takes the
/// pool from here instead of calling DescribeUserPool again. A new, empty record is made for every pass
/// (`ReconcileContext.forReadPass()`), so nothing read before a change is ever reused after it.
actor DescribedUserPools {
    /// DescribeUserPool answers by pool id.
    private var pools: [String: UserPoolDescription] = [:]

    /// An empty record.
    init() {}

    /// Records a pool as DescribeUserPool answered it.
    func record(_ pool: UserPoolDescription) {
        pools[pool.id] = pool
    }

    /// The pool with `id`, when it was described in this pass.
    func pool(id: String) -> UserPoolDescription? {
        pools[id]
    }
}
