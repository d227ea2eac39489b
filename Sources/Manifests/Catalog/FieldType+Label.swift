extension FieldType {
    /// The type as the manifest reference and `smsauth explain` show it: `string`, `integer (6-99)`,
    /// `list of string`, `one of: Never, Always`, ...
    public var label: String {
        switch self {
        case .string: "string"
        case let .integer(minimum, maximum):
            switch (minimum, maximum) {
            case let (min?, max?): "integer (\(min)-\(max))"
            case let (min?, nil): "integer (at least \(min))"
            case let (nil, max?): "integer (at most \(max))"
            case (nil, nil): "integer"
            }
        case .boolean: "boolean"
        case .duration: "duration (5m, 1h, 30d)"
        case let .enumeration(values, _): "one of: " + values.joined(separator: ", ")
        case .list(let element): "list of " + element.label
        case .stringMap: "map of string to string"
        case .textOrChoicesMap: "map of string to string or list of string"
        case .object: "object"
        }
    }

    /// The fields below this type: an object's, or a list of objects' element fields.
    public var children: [FieldSpec] {
        switch self {
        case .object(let fields), .list(.object(let fields)): fields
        default: []
        }
    }
}
