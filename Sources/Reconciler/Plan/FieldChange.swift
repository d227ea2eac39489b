/// One field that differs between live state and the manifest.
///
/// `before` is always the value AWS has when the run looks, `after` the value the manifest wants (what applying
/// makes it): in the plan, the JSON plan, status `drift` records and logs alike.
public struct FieldChange: Hashable, Codable, Sendable {
    /// Dotted path of the field in the manifest's `spec`, e.g. `passwordPolicy.minimumLength`.
    public let path: String
    /// Live value (`null` when the field or the resource does not exist yet).
    public let before: PlanValue
    /// Desired value (`null` when the field goes away).
    public let after: PlanValue
    /// Whether this field alone makes the resource need a replacement.
    public let forcesReplacement: Bool
    /// Whether the field changes only because a resource it references changes in this run (a pool's SMS external
    /// id following its SmsRole's): not drift.
    public let followsDependency: Bool

    /// Creates a field change.
    public init(path: String, before: PlanValue, after: PlanValue, forcesReplacement: Bool = false,
                followsDependency: Bool = false) {
        self.path = path
        self.before = before
        self.after = after
        self.forcesReplacement = forcesReplacement
        self.followsDependency = followsDependency
    }

    /// The same change, marked as following a dependency.
    func followingDependency() -> FieldChange {
        FieldChange(path: path, before: before, after: after, forcesReplacement: forcesReplacement,
                    followsDependency: true)
    }

    private enum CodingKeys: String, CodingKey {
        case path, before, after, forcesReplacement, followsDependency
    }

    /// Decodes; `followsDependency` (added within format version 1) is false when absent.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(path: try container.decode(String.self, forKey: .path),
                  before: try container.decode(PlanValue.self, forKey: .before),
                  after: try container.decode(PlanValue.self, forKey: .after),
                  forcesReplacement: try container.decode(Bool.self, forKey: .forcesReplacement),
                  followsDependency: try container.decodeIfPresent(Bool.self, forKey: .followsDependency) ?? false)
    }
}
