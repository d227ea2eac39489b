/// Everything the manifest side knows about one kind, declared once in the kind's own file (`Kinds/<Kind>Kind.swift`)
/// and found through `ResourceKind.definition`: how its spec is read, its fields and the AWS member each sets, its
/// guide, its relations to other kinds, whether it can adopt, its `policy.onDelete` default, its validation rules and
/// the AWS resources a manifest of it claims. Every parameter is required, so a new kind cannot leave one out.
struct KindDefinition: Sendable {
    /// Reads the typed `spec` from a checked mapping; nil when a required field is missing or invalid (the reader has
    /// recorded why).
    let read: @Sendable (MappingReader) -> ManifestSpec?
    /// The fields of `spec`, without `adopt` (`FieldCatalog.spec(for:)` adds it when `supportsAdoption`).
    let fields: [FieldSpec]
    /// The simple fields of `fields` (those with `FieldSpec.aws`), in catalog order.
    let mappedFields: [MappedField]
    /// The AWS API member each field sets, keyed by its path (`spec.passwordPolicy.minimumLength`, list elements'
    /// fields as `list.field`): the kind's part of `FieldCatalog.awsMembers`, the mapped fields' rows included.
    let awsMembers: [String: String]
    /// `KindGuide.purpose`: what the resource is in AWS and what smsauth does with it.
    let purpose: String
    /// `KindGuide.smsSignIn`: advice on the fields that matter for SMS sign-in.
    let smsSignIn: [String]
    /// `KindGuide.example`: the example manifest, relative to `examples/`.
    let example: String
    /// The fields that name other resources and where the region comes from.
    let relations: KindRelations
    /// Whether `spec.adopt` (take over an existing resource by id or ARN) is allowed.
    let supportsAdoption: Bool
    /// `policy.onDelete` when the manifest leaves it out.
    let defaultOnDelete: DeletePolicy
    /// The validation rules about this kind's manifests (`Validator.rules` runs them with the rules shared by kinds).
    let rules: [Validator.Rule]
    /// Adds the AWS resources a manifest of the kind claims (`ClaimRules.uniqueClaims`), in the order they are
    /// reported.
    let claims: @Sendable (ManifestSpec, inout ClaimList) -> Void

    /// Declares a kind whose specs are `Spec`, wrapped in `ManifestSpec` by `spec` (`ManifestSpec.smsRole`).
    init<Spec>(_ spec: @escaping @Sendable (Spec) -> ManifestSpec, read: @escaping @Sendable (MappingReader) -> Spec?,
               fields: [FieldSpec], awsMembers: [String: String], purpose: String, smsSignIn: [String],
               example: String, relations: KindRelations, supportsAdoption: Bool, defaultOnDelete: DeletePolicy,
               rules: [Validator.Rule], claims: @escaping @Sendable (Spec, inout ClaimList) -> Void) {
        self.read = { read($0).map(spec) }
        self.fields = fields
        mappedFields = MappedField.table(of: fields)
        self.awsMembers = awsMembers.merging(mappedFields.map { ("spec." + $0.path, $0.aws.documentation) }) { hand, _ in
            hand
        }
        self.purpose = purpose
        self.smsSignIn = smsSignIn
        self.example = example
        self.relations = relations
        self.supportsAdoption = supportsAdoption
        self.defaultOnDelete = defaultOnDelete
        self.rules = rules
        self.claims = { manifestSpec, list in
            if let typed = manifestSpec.body as? Spec { claims(typed, &list) }
        }
    }
}
