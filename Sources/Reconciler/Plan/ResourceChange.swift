/// What the plan will do to one resource, and why.
///
/// A `replace`, `refuse` or `blocked` change always has a `reason` that is not blank (checked on creation and on
/// decoding); other actions may carry one too (e.g. why a resource is retained).
public struct ResourceChange: Hashable, Sendable, Codable {
    /// The resource.
    public let address: ResourceAddress
    /// What happens to it.
    public let action: ChangeAction
    /// The fields that differ, in the order the planner found them.
    public private(set) var fieldChanges: [FieldChange]
    /// Why (required for replace, refuse and blocked).
    public private(set) var reason: String?
    /// Things the user should know even though the change is allowed (e.g. every user must enroll in MFA).
    public private(set) var warnings: [String]
    /// Resources this one depends on, sorted and without repeats.
    public let dependencies: [ResourceAddress]
    /// The address the resource had before a rename (its status file moves from there, unless a run that held the
    /// rename already moved it: `ReadTarget.formerAddress`); nil otherwise.
    public let previousAddress: ResourceAddress?

    /// Creates a change; throws `PlanError.missingReason` when the action needs a reason and has none.
    public init(
        address: ResourceAddress, action: ChangeAction, fieldChanges: [FieldChange] = [], reason: String? = nil,
        warnings: [String] = [], dependencies: [ResourceAddress] = [], previousAddress: ResourceAddress? = nil
    ) throws(PlanError) {
        let given = reason.flatMap { $0.allSatisfy(\.isWhitespace) ? nil : $0 }
        if action.requiresReason, given == nil { throw PlanError.missingReason(address, action) }
        self.previousAddress = previousAddress
        self.address = address
        self.action = action
        self.fieldChanges = fieldChanges
        self.reason = given
        self.warnings = warnings
        self.dependencies = Array(Set(dependencies)).sorted()
    }

    /// The same change (address and previous address kept) with the given parts instead of its own: the one way a
    /// planner revises a change. Throws `PlanError.missingReason` when the resulting action needs a reason and has
    /// none.
    public func revised(action: ChangeAction? = nil, fieldChanges: [FieldChange]? = nil, reason: String? = nil,
                        warnings: [String]? = nil, dependencies: [ResourceAddress]? = nil) throws(PlanError) -> ResourceChange {
        try ResourceChange(address: address, action: action ?? self.action, fieldChanges: fieldChanges ?? self.fieldChanges,
                           reason: reason ?? self.reason, warnings: warnings ?? self.warnings,
                           dependencies: dependencies ?? self.dependencies, previousAddress: previousAddress)
    }

    private enum CodingKeys: String, CodingKey {
        case address, action, fieldChanges, reason, warnings, dependencies, previousAddress
    }

    /// Whether applying the change alters AWS: its action always does, or it is a rename with field changes.
    public var changesLiveState: Bool {
        action.changesLiveState || (action == .rename && !fieldChanges.isEmpty)
    }

    /// Decodes and checks the reason rule.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        do {
            try self.init(
                address: try container.decode(ResourceAddress.self, forKey: .address),
                action: try container.decode(ChangeAction.self, forKey: .action),
                fieldChanges: try container.decode([FieldChange].self, forKey: .fieldChanges),
                reason: try container.decodeIfPresent(String.self, forKey: .reason),
                warnings: try container.decode([String].self, forKey: .warnings),
                dependencies: try container.decode([ResourceAddress].self, forKey: .dependencies),
                previousAddress: try container.decodeIfPresent(ResourceAddress.self, forKey: .previousAddress))
        } catch let error as PlanError {
            throw DecodingError.dataCorruptedError(forKey: .reason, in: container, debugDescription: error.message)
        }
    }

    /// Encodes every key; `reason` and `previousAddress` are `null` when absent so the JSON shape never varies.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(address, forKey: .address)
        try container.encode(action, forKey: .action)
        try container.encode(fieldChanges, forKey: .fieldChanges)
        try container.encode(reason, forKey: .reason)
        try container.encode(warnings, forKey: .warnings)
        try container.encode(dependencies, forKey: .dependencies)
        try container.encode(previousAddress, forKey: .previousAddress)
    }
}
