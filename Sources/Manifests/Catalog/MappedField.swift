/// A simple field: a manifest scalar that is one AWS member, set and read the same way in every kind that has one.
/// Declared once, in the kind's catalog list, by adding `aws(_:_:)` to the field's `FieldSpec`; from that one row come
/// the catalog entry (so the reader, the JSON Schema and the manual), the `awsMembers` row, the spec's value
/// (`MappedValues`, read by `MappingReader.mapped`) and, in the Reconciler, the desired and live plan values and the
/// request members (`FieldTable`). Only fields that need code have code.
public struct MappedField: Sendable, Equatable {
    /// Dotted path under `spec` (`passwordPolicy.minimumLength`).
    public let path: String
    /// The catalog entry (name, type with its range, description, mutability, default).
    public let field: FieldSpec
    /// Where and how AWS holds the value.
    public let aws: AWSMapping

    /// The table of `fields` (a kind's spec fields): every mapped field, nested mappings included, in catalog order.
    static func table(of fields: [FieldSpec], prefix: String = "") -> [MappedField] {
        fields.flatMap { field -> [MappedField] in
            let path = prefix + field.name
            if case .object(let members) = field.type { return table(of: members, prefix: path + ".") }
            return field.aws.map { [MappedField(path: path, field: field, aws: $0)] } ?? []
        }
    }

    /// The mapping named `name` of `path` (`passwordPolicy` of `passwordPolicy.minimumLength`), nil at the top.
    public var group: String? { path.firstIndex(of: ".").map { String(path[..<$0]) } }
    /// The key inside its mapping (`minimumLength`).
    public var key: String { field.name }

    /// The field's value in a resource created without it: the catalog's AWS default (`FieldDefault.unmanaged`)
    /// read as the field's type; nil when AWS sets nothing or the default is not a scalar of that type.
    public var createdWithout: MappedScalar? {
        guard case .unmanaged(let text?)? = field.defaultValue else { return nil }
        return MappedScalar(parsing: text, as: field.type)
    }
}

/// The AWS side of a mapped field.
public struct AWSMapping: Sendable, Equatable {
    /// The service and operation that set it, as the manual shows (`Cognito UpdateUserPool`).
    public let operation: String
    /// The member path in the resource's JSON (`["Policies", "PasswordPolicy", "MinimumLength"]`), the same in the
    /// describe answer and the create/update request.
    public let member: [String]
    /// How AWS spells the value.
    public let encoding: MappedEncoding
    /// The manifest value a live resource without the member has (pools made before `UsernameConfiguration` are
    /// case sensitive); nil: none (`null`).
    public let whenAbsent: MappedScalar?

    /// The `awsMembers` row: operation and dotted member path.
    public var documentation: String { "\(operation) \(member.joined(separator: "."))" }
}

/// How AWS spells a mapped value.
public enum MappedEncoding: Sendable, Equatable {
    /// As the manifest does: a boolean as a boolean, an integer as a number, a string as a string.
    case plain
    /// A boolean as one of two strings (`deletionProtection: true` is `ACTIVE`); any other string reads as false.
    case flag(on: String, off: String)
}

extension FieldSpec {
    /// This field as a mapped field set by `operation` at `member` (`FieldCatalog.userPool`).
    func aws(_ operation: String, _ member: [String], _ encoding: MappedEncoding = .plain,
             whenAbsent: MappedScalar? = nil) -> FieldSpec {
        var copy = self
        copy.aws = AWSMapping(operation: operation, member: member, encoding: encoding, whenAbsent: whenAbsent)
        return copy
    }
}
