import AWSServices
import Manifests

/// Lists live AWS resources per kind, with the tags that say whose they are: the one place that knows how to find
/// resources no manifest or status file names. Used by lost-state rediscovery (`Rediscovery`) and by
/// `smsauth export`.
///
/// Calls per kind and region:
/// - UserPool: ListUserPools (pages of 60), DescribeUserPool per pool (tags are in `UserPoolTags`).
/// - SmsRole (IAM, global): ListRoles (pages of 100), ListRoleTags per role whose trust policy lets
///   `cognito-idp.amazonaws.com` assume it (every SMS role's does; ListRoles returns no tags).
/// - OriginationIdentity: DescribePhoneNumbers and DescribeSenderIds (all pages), ListTagsForResource per item
///   (released numbers, `DELETED`, are left out).
/// - PhonePool: DescribePools (all pages), ListTagsForResource per pool.
/// AppClient, MfaPolicy, SandboxNumber and SmsAccountSettings take no tags: nothing says whose they are. SmsLogRole
/// roles are tagged but not listed: a removed SmsLogRole whose status is lost is not rediscovered (its trust policy
/// names SNS, not Cognito, so it would cost a ListRoleTags of every role SNS may assume).
public struct ResourceDiscovery: Sendable {
    /// The kinds AWS lets smsauth tag, which discovery can attribute to an owner.
    public static let discoverableKinds: [ResourceKind] = [.smsRole, .userPool, .originationIdentity, .phonePool]

    /// Regions with Cognito user pools where AWS End User Messaging SMS is not offered (botocore's endpoint data
    /// for `pinpoint-sms-voice-v2`): its origination identities and phone pools cannot exist there, and its
    /// endpoint does not answer, so they are not listed there.
    public static let regionsWithoutEndUserMessaging: Set<String> = ["ap-east-1", "ap-southeast-5", "ap-southeast-7"]

    /// Whether resources of `kind` can exist in `region`.
    public static func isOffered(_ kind: ResourceKind, in region: String) -> Bool {
        guard kind == .originationIdentity || kind == .phonePool else { return true }
        return !regionsWithoutEndUserMessaging.contains(region)
    }

    /// AWS access.
    public let context: ReconcileContext

    /// Discovery through `context`.
    public init(context: ReconcileContext) {
        self.context = context
    }

    /// Every resource of `kind` in `region` (IAM roles are global: `region` is ignored) with its tags; empty for a
    /// kind that takes no tags.
    public func resources(of kind: ResourceKind, in region: String) async throws -> [DiscoveredResource] {
        switch kind {
        case .userPool:
            return try await userPools(in: region).map { pool in
                DiscoveredResource(kind: .userPool, identifiers: UserPoolHandler().outputs(of: pool), tags: pool.tags)
            }
        case .smsRole:
            return try await smsRoles().map { role in
                DiscoveredResource(kind: .smsRole, identifiers: ["arn": role.arn, "roleName": role.name], tags: role.tags)
            }
        case .originationIdentity:
            return try await originationIdentities(in: region).map { identity in
                DiscoveredResource(kind: .originationIdentity,
                                   identifiers: OriginationIdentityHandler.outputs(of: identity), tags: identity.tags)
            }
        case .phonePool:
            return try await phonePools(in: region).map { pool in
                DiscoveredResource(kind: .phonePool, identifiers: ["id": pool.id, "arn": pool.arn, "region": region],
                                   tags: pool.tags)
            }
        case .appClient, .mfaPolicy, .sandboxNumber, .smsAccountSettings, .smsLogRole, .configurationSet,
             .smsProtection, .registration:
            return []
        }
    }

    /// Every user pool of `region`, described (ListUserPools, then DescribeUserPool each). A pool deleted between the
    /// two calls is left out.
    public func userPools(in region: String) async throws -> [UserPoolDescription] {
        let cognito = context.cognito(region)
        var pools: [UserPoolDescription] = []
        for summary in try await cognito.listUserPools() {
            if let pool = try await cognito.describeUserPool(id: summary.id) { pools.append(pool) }
        }
        return pools
    }

    /// Every role Cognito may assume (its trust policy names the `cognito-idp.amazonaws.com` service), with its
    /// tags (ListRoles, then ListRoleTags each). A role deleted between the two calls is left out.
    public func smsRoles() async throws -> [IAMRole] {
        let iam = context.iam
        var roles: [IAMRole] = []
        for var role in try await iam.listRoles() where Self.trustsCognito(role.assumeRolePolicy) {
            guard let tags = try await iam.listRoleTags(roleName: role.name) else { continue }
            role.tags = tags
            roles.append(role)
        }
        return roles
    }

    /// Every phone number (not released) and sender ID of `region`, with its tags. One released or deleted between
    /// the calls is left out.
    func originationIdentities(in region: String) async throws -> [OriginationIdentityState] {
        let sms = context.smsVoice(region)
        let numbers = try await sms.describePhoneNumbers().filter { $0["Status"]?.stringValue != "DELETED" }
        let senders = try await sms.describeSenderIds()
        var identities: [OriginationIdentityState] = []
        for item in numbers + senders {
            let arn = item["PhoneNumberArn"]?.stringValue ?? item["SenderIdArn"]?.stringValue ?? ""
            guard let tags = try await sms.listTagsForResource(arn: arn) else { continue }
            guard let state = OriginationIdentityReader.state(of: item, region: region, tags: tags) else {
                throw OriginationIdentityError.unreadable(arn)
            }
            identities.append(state)
        }
        return identities
    }

    /// A phone pool as DescribePools describes it, with its tags.
    public struct PhonePoolListing: Sendable, Equatable {
        /// `PoolId`.
        public var id: String
        /// `PoolArn`.
        public var arn: String
        /// The DescribePools item.
        public var pool: JSONValue
        /// Its tags.
        public var tags: [String: String]
    }

    /// Every phone pool of `region`, with its tags (DescribePools, then ListTagsForResource each). A pool deleted
    /// between the calls is left out.
    public func phonePools(in region: String) async throws -> [PhonePoolListing] {
        let sms = context.smsVoice(region)
        var pools: [PhonePoolListing] = []
        for pool in try await sms.describePools() {
            guard let id = pool["PoolId"]?.stringValue, let arn = pool["PoolArn"]?.stringValue else {
                throw OriginationIdentityError.unreadable(pool["PoolArn"]?.stringValue ?? "a DescribePools item")
            }
            guard let tags = try await sms.listTagsForResource(arn: arn) else { continue }
            pools.append(PhonePoolListing(id: id, arn: arn, pool: pool, tags: tags))
        }
        return pools
    }

    /// Whether a trust policy lets the Cognito service principal assume the role (as the doctor reads it).
    static func trustsCognito(_ document: PolicyDocument?) -> Bool {
        !PolicyStatements(document).assuming(service: SmsRoleChecks.cognitoPrincipal).isEmpty
    }
}
