/// One field that differs between live state and the manifest.
public struct FieldChange: Hashable, Codable, Sendable {
    /// Dotted path of the field in the manifest's `spec`, e.g. `passwordPolicy.minimumLength`.
    public let path: String
    /// Live value (`null` when the field or the resource does not exist yet).
    public let before: PlanValue
    /// Desired value (`null` when the field goes away).
    public let after: PlanValue
    /// Whether this field alone makes the resource need a replacement.
    public let forcesReplacement: Bool

    /// Creates a field change.
    public init(path: String, before: PlanValue, after: PlanValue, forcesReplacement: Bool = false) {
        self.path = path
        self.before = before
        self.after = after
        self.forcesReplacement = forcesReplacement
    }
}
