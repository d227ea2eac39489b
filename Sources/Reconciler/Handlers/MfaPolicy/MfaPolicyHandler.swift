import AWSServices
import Manifests

/// MFA and trusted devices of one user pool (`kind: MfaPolicy`).
///
/// Identity: the pool itself (at most one MfaPolicy per pool). It takes no tags; it is `.owned` when its pool is the
/// one its manifest names (whose ownership the UserPool read decided), else (a removed manifest) only when the pool
/// carries smsauth's tags for this owner (`UserPoolMember.state`). MFA is applied only with SetUserPoolMfaConfig (UpdateUserPool cannot turn
/// MFA ON on an existing pool) and read back with GetUserPoolMfaConfig; device tracking through the pool's
/// DeviceConfiguration, merged into the pool's full live configuration. Bound to its pool: a replaced pool gets
/// its MFA policy applied again.
struct MfaPolicyHandler: ResourceHandler {
    /// The kind handled.
    var kind: ResourceKind { .mfaPolicy }

    /// Creates the handler.
    init() {}

    /// Reads every target's pool. Calls per resource: GetUserPoolMfaConfig (mode and factors). The pool itself
    /// (DeviceConfiguration for device tracking, EstimatedNumberOfUsers for the MFA ON warning, SmsConfiguration
    /// for SMS MFA) comes from the UserPool read of the same pass (`context.describedPools`); only a pool that read
    /// did not describe (a removed MfaPolicy whose pool has no manifest) costs one DescribeUserPool. A target whose
    /// pool id is not known is absent without a call; so is one whose pool is gone.
    func read(_ targets: [ReadTarget], context: ReconcileContext) async throws -> [ResourceAddress: LiveState<MfaPolicyLive>] {
        let states = try await targets.concurrentMap(limit: context.readConcurrency) { target in
            (target.address, try await Self.state(of: target, context: context))
        }
        return Dictionary(states) { first, _ in first }
    }

    /// One target's live state: its pool's MFA configuration, or absent when the pool is unknown or gone.
    private static func state(of target: ReadTarget, context: ReconcileContext) async throws -> LiveState<MfaPolicyLive> {
        guard let poolId = UserPoolMember.poolId(of: target, poolName: spec(target.desired)?.userPool.value) else {
            return .absent
        }
        let cognito = context.cognito(UserPoolMember.region(ofPoolId: poolId))
        let described = await context.describedPools?.pool(id: poolId)
        guard let live = try await read(poolId: poolId, cognito: cognito, described: described) else { return .absent }
        let poolName = spec(target.desired)?.userPool.value
        return UserPoolMember.isReferencedPool(poolId, of: target, poolName: poolName)
            ? .owned(live) : UserPoolMember.state(of: live, inPool: live.pool, owner: context.owner)
    }

    /// `userPoolId`.
    func outputs(of live: MfaPolicyLive) -> [String: String] {
        [UserPoolMember.poolIdKey: live.pool.id]
    }

    /// The change: the standard field comparison bound to the pool, with the "every user must enroll" warning when
    /// MFA goes ON on a pool with users. A removed manifest turns MFA OFF only with `onDelete: Delete`.
    func plan(_ input: PlanInput<MfaPolicyLive>) throws(PlanError) -> ResourceChange {
        let live = input.live.value
        guard let spec = Self.spec(input.desired) else {
            return try StandardPlan(desired: [:], live: live.map(MfaPolicyFields.live)).change(for: input)
        }
        return try StandardPlan(
            desired: MfaPolicyFields.desired(spec, live: live), live: live.map(MfaPolicyFields.live),
            boundTo: [UserPoolMember.poolAddress(spec.userPool.value)],
            warnings: MfaPolicyFields.warnings(spec, live: live)).change(for: input)
    }

    /// The `MfaPolicy` spec in `spec`.
    static func spec(in spec: ManifestSpec) -> MfaPolicySpec? {
        if case .mfaPolicy(let policy) = spec { policy } else { nil }
    }

    /// GetUserPoolMfaConfig, then DescribeUserPool unless the pool was `described` in this read pass; nil when the
    /// pool is gone.
    static func read(poolId: String, cognito: CognitoIdentityProvider,
                     described: UserPoolDescription? = nil) async throws -> MfaPolicyLive? {
        let mfaConfig: JSONValue
        do {
            mfaConfig = try await cognito.getUserPoolMfaConfig(poolId: poolId)
        } catch where UserPoolMember.isNotFound(error) {
            return nil
        }
        if let described { return MfaPolicyLive(mfaConfig: mfaConfig, pool: described) }
        guard let pool = try await cognito.describeUserPool(id: poolId) else { return nil }
        return MfaPolicyLive(mfaConfig: mfaConfig, pool: pool)
    }
}
