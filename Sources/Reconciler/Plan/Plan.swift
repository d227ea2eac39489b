/// The ordered list of changes one reconcile would make: pure data, produced without I/O and rendered separately.
///
/// JSON form (`formatVersion` 1; keys sorted; the summary is derived and ignored on decoding):
/// ```json
/// {
///   "account": "123456789012" | null,
///   "changes": [
///     {
///       "action": "create|update|replace|delete|refuse|noop|blocked|retain|rename|suspended",
///       "address": "UserPool/qnatime",
///       "dependencies": ["SmsRole/cognito-sms"],
///       "fieldChanges": [
///         {"after": <value>, "before": <value>, "followsDependency": false, "forcesReplacement": false,
///          "path": "mfa.mode"}
///       ],
///       "previousAddress": "AppClient/old-name" | null,
///       "reason": "text" | null,
///       "warnings": ["text"]
///     }
///   ],
///   "formatVersion": 1,
///   "regions": ["eu-north-1"],
///   "summary": {
///     "counts": {"blocked": 0, "create": 1, "delete": 0, "noop": 0, "refuse": 0, "rename": 0, "replace": 0,
///                "retain": 0, "suspended": 0, "update": 0},
///     "hasChanges": true,
///     "hasRefusals": false
///   }
/// }
/// ```
/// `<value>` is natural JSON (null, boolean, number, string, array, object); a secret is the string `"(sensitive)"`.
/// `before` is the live value, `after` the manifest's. `account` is the AWS account planned against and `regions`
/// the regions of the resources planned (both added within version 1; a plan without them decodes with `null` and
/// `[]`). Every key is always present. A new format version is introduced only for incompatible changes; new keys and new
/// `action` values (`rename` was added within version 1) are not.
public struct Plan: Hashable, Sendable, Codable {
    /// The JSON format version this build writes and reads.
    public static let formatVersion = 1

    /// The changes, in the order the planner emitted them.
    public let changes: [ResourceChange]
    /// The AWS account the plan was made against (nil when not known).
    public let account: String?
    /// The regions of the resources planned, sorted (IAM roles have none).
    public let regions: [String]

    /// Creates a plan; throws `PlanError.duplicateAddress` when an address appears twice.
    public init(changes: [ResourceChange], account: String? = nil, regions: [String] = []) throws(PlanError) {
        var seen = Set<ResourceAddress>()
        for change in changes where !seen.insert(change.address).inserted {
            throw PlanError.duplicateAddress(change.address)
        }
        self.changes = changes
        self.account = account
        self.regions = regions
    }

    /// `Account <id>, regions: <a>, <b>`: where the plan applies (the text and markdown header). A plan of global
    /// kinds alone (IAM roles) says so instead of `none`.
    public var target: String {
        let global = !changes.isEmpty && changes.allSatisfy { $0.address.kind.relations.region == .global }
        let regionList = !regions.isEmpty ? regions.joined(separator: ", ")
            : global ? "none (IAM roles only, which are global)" : "none"
        return "Account \(account ?? "unknown"), regions: \(regionList)"
    }

    /// Counts per action and the derived flags.
    public var summary: PlanSummary { PlanSummary(changes: changes) }

    /// The change for `address`, if the plan has one.
    public func change(for address: ResourceAddress) -> ResourceChange? {
        changes.first { $0.address == address }
    }

    private enum CodingKeys: String, CodingKey {
        case formatVersion, changes, summary, account, regions
    }

    /// Decodes the documented form; throws for another `formatVersion` or a duplicate address.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let version = try container.decode(Int.self, forKey: .formatVersion)
        do {
            guard version == Self.formatVersion else { throw PlanError.unsupportedFormatVersion(version) }
            try self.init(changes: try container.decode([ResourceChange].self, forKey: .changes),
                          account: try container.decodeIfPresent(String.self, forKey: .account),
                          regions: try container.decodeIfPresent([String].self, forKey: .regions) ?? [])
        } catch let error as PlanError {
            throw DecodingError.dataCorruptedError(
                forKey: .formatVersion, in: container, debugDescription: error.message)
        }
    }

    /// Encodes the documented form, including the derived summary.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(Self.formatVersion, forKey: .formatVersion)
        try container.encode(changes, forKey: .changes)
        try container.encode(summary, forKey: .summary)
        try container.encode(account, forKey: .account)
        try container.encode(regions, forKey: .regions)
    }
}
