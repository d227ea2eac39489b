/// Failures of the UserPool handler itself (AWS errors propagate as `AWSError`).
public enum UserPoolHandlerError: Error, Sendable, Equatable, CustomStringConvertible {
    /// No region is known for the pool.
    case noRegion(ResourceAddress)
    /// The `SmsRole` the pool refers to has no ARN/external id yet when the pool is applied.
    case smsRoleUnknown(ResourceAddress, role: ResourceAddress)
    /// The manifest at this address is not a UserPool.
    case notAUserPool(ResourceAddress)
    /// An update, replace or delete was asked for a pool that was not read.
    case missingLivePool(ResourceAddress, ChangeAction)
    /// A delete was asked while the pool's deletion protection is active.
    case deletionProtected(ResourceAddress, poolId: String)

    /// Stable error code.
    public var code: String {
        switch self {
        case .noRegion: "userpool.noRegion"
        case .smsRoleUnknown: "userpool.smsRoleUnknown"
        case .notAUserPool: "userpool.notAUserPool"
        case .missingLivePool: "userpool.missingLivePool"
        case .deletionProtected: "userpool.deletionProtected"
        }
    }

    /// What went wrong and what to do.
    public var description: String {
        switch self {
        case let .noRegion(address):
            "\(address): no region: set spec.region, --region or AWS_REGION"
        case let .smsRoleUnknown(address, role):
            "\(address): \(role) has no ARN and external id yet; apply \(role) first (it must exist before the pool)"
        case let .notAUserPool(address):
            "\(address): the manifest is not a UserPool"
        case let .missingLivePool(address, action):
            "\(address): cannot \(action.rawValue) a pool that was not found; plan again"
        case let .deletionProtected(address, poolId):
            "\(address): user pool \(poolId) has deletion protection ACTIVE; \(UserPoolPlanner.deletionProtectedAdvice)"
        }
    }
}
