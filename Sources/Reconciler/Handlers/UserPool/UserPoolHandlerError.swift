/// Failures of the UserPool handler itself (AWS errors propagate as `AWSError`).
enum UserPoolHandlerError: ReconcileError, Equatable, CustomStringConvertible {
    /// No region is known for the pool.
    case noRegion(ResourceAddress)
    /// The `SmsRole` the pool refers to has no ARN/external id yet when the pool is applied.
    case smsRoleUnknown(ResourceAddress, role: ResourceAddress)
    /// The `ConfigurationSet` the pool refers to has no name output when the pool is applied.
    case configurationSetUnknown(ResourceAddress, set: ResourceAddress)
    /// An update, replace or delete was asked for a pool that was not read.
    case missingLivePool(ResourceAddress, ChangeAction)
    /// A delete was asked while the pool's deletion protection is active.
    case deletionProtected(ResourceAddress, poolId: String)

    /// Stable error code.
    var code: String {
        switch self {
        case .noRegion: "userPool.noRegion"
        case .smsRoleUnknown: "userPool.smsRoleUnknown"
        case .configurationSetUnknown: "userPool.configurationSetUnknown"
        case .missingLivePool: "userPool.missingLivePool"
        case .deletionProtected: "userPool.deletionProtected"
        }
    }

    /// What went wrong and what to do (`description`).
    var message: String { description }

    /// A role or configuration set not known yet or a pool not read may be there at the next run; the others need a manifest change.
    var isRetryable: Bool {
        switch self {
        case .smsRoleUnknown, .configurationSetUnknown, .missingLivePool: true
        case .noRegion, .deletionProtected: false
        }
    }

    /// What went wrong and what to do.
    var description: String {
        switch self {
        case let .noRegion(address):
            "\(address): no region: set spec.region, --region or AWS_REGION"
        case let .smsRoleUnknown(address, role):
            "\(address): \(role) has no ARN and external id yet; apply \(role) first (it must exist before the pool)"
        case let .configurationSetUnknown(address, set):
            "\(address): \(set) is not known yet; apply \(set) first (it must exist before the pool)"
        case let .missingLivePool(address, action):
            "\(address): cannot \(action.rawValue) a pool that was not found; plan again"
        case let .deletionProtected(address, poolId):
            "\(address): user pool \(poolId) has deletion protection ACTIVE; \(UserPoolPlanner.deletionProtectedAdvice)"
        }
    }
}
