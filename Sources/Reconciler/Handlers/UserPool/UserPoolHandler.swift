import AWSServices
import Manifests

/// Cognito user pools (kind `UserPool`): the kind that holds every user.
///
/// Identity is the ownership tags (pool names are not unique). Updates always send the pool's full live
/// configuration overlaid with the fields the manifest sets, so nothing it does not manage is reset to defaults.
/// MFA and device settings are MfaPolicy's and are carried over untouched. Immutable changes (username
/// attributes, alias attributes, case sensitivity, existing custom attributes) are refused unless the manifest
/// says `policy.onImmutableChange: Recreate`.
struct UserPoolHandler: ResourceHandler {
    /// The live pool, as DescribeUserPool answered it.
    typealias Live = UserPoolDescription

    /// `UserPool`.
    var kind: ResourceKind { .userPool }

    /// The `UserPool` spec in `spec`.
    static func spec(in spec: ManifestSpec) -> UserPoolSpec? {
        if case .userPool(let pool) = spec { pool } else { nil }
    }

    /// Creates the handler.
    init() {}

    /// `id`, `arn` and `region` of the pool.
    func outputs(of live: UserPoolDescription) -> [String: String] {
        var outputs = ["id": live.id, "region": Self.region(of: live)]
        outputs["arn"] = live.arn
        return outputs
    }

    /// The change for one pool (pure; see `UserPoolPlanner`).
    func plan(_ input: PlanInput<UserPoolDescription>) throws(PlanError) -> ResourceChange {
        try UserPoolPlanner(input: input).change()
    }

    /// The region of a pool: from its ARN, else from its id (`us-east-1_AbC…`).
    static func region(of pool: UserPoolDescription) -> String {
        if let arn = pool.arn {
            let parts = arn.split(separator: ":", omittingEmptySubsequences: false)
            if parts.count > 3, !parts[3].isEmpty { return String(parts[3]) }
        }
        return String(pool.id.prefix { $0 != "_" })
    }
}
