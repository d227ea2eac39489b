import AWSServices

extension PlanValue {
    /// The plan form of a verbatim AWS JSON value (numbers stay numbers, objects become maps).
    public init(_ json: JSONValue) {
        switch json {
        case .null: self = .null
        case let .bool(value): self = .bool(value)
        case let .number(value): self = .number(value)
        case let .string(value): self = .string(value)
        case let .array(values): self = .list(values.map(PlanValue.init))
        case let .object(members): self = .map(members.mapValues(PlanValue.init))
        }
    }
}
