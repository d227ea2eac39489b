import Manifests

/// One stored field of a spec type, as `ManagedPaths` reads it.
enum SpecField {
    /// A field that is one path (a value, a list, a map): set unless it is nil.
    case value(String, isSet: Bool)
    /// A nested mapping (`verificationMessages`): its members, nil when it is left out.
    case group(String, [SpecField]?)
    /// The kind's table fields (`MappedValues`): the paths written, each a path of its own.
    case mapped(MappedValues)

    /// The field `label`, set unless `value` is nil (a required field is always set).
    static func field<Value>(_ label: String, _ value: Value?) -> SpecField { .value(label, isSet: value != nil) }

    /// The nested mapping `label`, whose members `value` lists.
    static func group<Group: SpecFields>(_ label: String, _ value: Group?) -> SpecField {
        .group(label, value?.specFields)
    }
}

/// A spec type (or a mapping nested in one) that lists its stored fields for `ManagedPaths`: every stored property
/// but its source location, by its Swift name (which is its YAML key). `ManagedPathsReflectionTests` checks each
/// list against the type's properties and the paths against the reflection walk it replaced.
protocol SpecFields {
    /// The stored fields, in declaration order.
    var specFields: [SpecField] { get }
}

extension ManifestSpec {
    /// The stored fields of the spec, whatever its kind: each kind's spec type lists its own (`SpecFields`, in
    /// `Handlers/<Kind>/<Kind>Spec+Fields.swift`), so a new kind changes no file here.
    /// `ManagedPathsReflectionTests` fails for a kind whose spec lists none.
    var specFields: [SpecField] {
        (body as? any SpecFields)?.specFields ?? []
    }
}
