import AWSServices
import Manifests

/// The Reconciler side of a kind's simple fields (`MappedField`): from the table alone, the desired plan values of a
/// spec's `MappedValues`, the live plan values of the resource's AWS JSON, the request members, what a resource
/// created without them has and which cannot change. Handlers code only the other fields.
struct FieldTable: Sendable {
    /// The kind's table.
    let fields: [MappedField]

    /// The table of `kind`.
    init(_ kind: ResourceKind) { fields = kind.mappedFields }

    /// The row at `path`, if mapped.
    func field(at path: String) -> MappedField? { fields.first { $0.path == path } }

    /// The values the manifest writes, as plan values by path.
    func desired(_ values: MappedValues) -> [String: PlanValue] {
        values.values.mapValues { Self.plan($0.value) }
    }

    /// The value of `field` in `raw` (the resource as AWS describes it), in the manifest's terms: `whenAbsent`,
    /// else `null`, when AWS has none.
    static func live(_ field: MappedField, in raw: [String: JSONValue]) -> PlanValue {
        guard let value = field.aws.member.reduce(Optional(JSONValue.object(raw)), { $0?[$1] }), value != .null else {
            return field.aws.whenAbsent.map(plan) ?? .null
        }
        switch (field.aws.encoding, value) {
        case (.flag(let on, _), .string(let text)): return .bool(text == on)
        case (_, .string(let text)): return .string(text)
        case (_, .bool(let flag)): return .bool(flag)
        case (_, .number(let number)): return .number(number)
        default: return .null
        }
    }

    /// Every mapped path's value in `raw`.
    func live(_ raw: [String: JSONValue]) -> [String: PlanValue] {
        Dictionary(uniqueKeysWithValues: fields.map { ($0.path, Self.live($0, in: raw)) })
    }

    /// The value at `path` in `raw`, nil when `path` is not mapped.
    func live(at path: String, in raw: [String: JSONValue]) -> PlanValue? {
        field(at: path).map { Self.live($0, in: raw) }
    }

    /// Sets the members of the values written on `request`; the immutable ones only when `creating` (they are sent
    /// once, with the create). Other members of the same objects are kept. A mapping written has the object its
    /// members share even when it sets none (`passwordPolicy: {}` sends `Policies.PasswordPolicy`).
    func overlay(_ values: MappedValues, on request: inout [String: JSONValue], creating: Bool) {
        for group in values.groups.keys {
            let members = fields.filter { $0.group == group }.map { Array($0.aws.member.dropLast()) }
            let shared = members.dropFirst().reduce(members.first ?? []) { common, member in
                zip(common, member).prefix { $0 == $1 }.map(\.0)
            }
            Self.makeObject(at: shared[...], in: &request)
        }
        for field in fields where creating || field.field.mutability != .immutable {
            guard let value = values[field.path]?.value else { continue }
            Self.set(Self.json(value, field.aws.encoding), at: field.aws.member[...], in: &request)
        }
    }

    /// What a resource created without them has at the mapped paths whose AWS default the catalog gives.
    var createdWithout: [String: PlanValue] {
        Dictionary(uniqueKeysWithValues: fields.compactMap { field in field.createdWithout.map { (field.path, Self.plan($0)) } })
    }

    /// The mapped paths that cannot change after creation.
    var immutablePaths: Set<String> { Set(fields.filter { $0.field.mutability == .immutable }.map(\.path)) }

    /// The keys of the mapped fields in the mapping `group` (`passwordPolicy`), in table order.
    func keys(in group: String) -> [String] { fields.filter { $0.group == group }.map(\.key) }

    /// A manifest value as a plan value (integers as numbers, as AWS sends them).
    static func plan(_ value: MappedScalar) -> PlanValue {
        switch value {
        case .int(let number): .number(Double(number))
        case .bool(let flag): .bool(flag)
        case .string(let text): .string(text)
        }
    }

    /// A manifest value as AWS spells it.
    static func json(_ value: MappedScalar, _ encoding: MappedEncoding) -> JSONValue {
        switch (value, encoding) {
        case (.bool(let flag), .flag(let on, let off)): .string(flag ? on : off)
        case (.int(let number), _): .number(Double(number))
        case (.bool(let flag), _): .bool(flag)
        case (.string(let text), _): .string(text)
        }
    }

    /// `request` with an object at `member` (the one there, else an empty one).
    private static func makeObject(at member: ArraySlice<String>, in request: inout [String: JSONValue]) {
        guard let key = member.first else { return }
        var inner = request[key]?.objectValue ?? [:]
        makeObject(at: member.dropFirst(), in: &inner)
        request[key] = .object(inner)
    }

    /// `request` with `value` at `member`, creating the objects on the way.
    private static func set(_ value: JSONValue, at member: ArraySlice<String>, in request: inout [String: JSONValue]) {
        guard let key = member.first else { return }
        guard member.count > 1 else {
            request[key] = value
            return
        }
        var inner = request[key]?.objectValue ?? [:]
        set(value, at: member.dropFirst(), in: &inner)
        request[key] = .object(inner)
    }
}
