/// What the field catalog alone does not say about a kind: why it exists, which of its fields decide whether SMS
/// sign-in works, and which example manifest shows it. The manifest reference (`docs/manifests.md`) and
/// `smsauth explain` print this text next to the catalog's fields.
public struct KindGuide: Sendable, Equatable {
    /// The document's kind as written in `kind:` (`UserPool`, ..., `Settings`).
    public var kind: String
    /// One or two sentences: what the resource is in AWS and what smsauth does with it.
    public var purpose: String
    /// Advice on the fields that matter for SMS sign-in, one item each.
    public var smsSignIn: [String]
    /// The annotated example, relative to the repository's `examples/` folder (the document of this kind in it).
    public var example: String

    /// The guide of every document kind, resource kinds first (in `ResourceKind` order), then `Settings`.
    public static let all: [KindGuide] = ResourceKind.allCases.map(guide(for:)) + [settings]

    /// The guide of `kind` (`UserPool`, `Settings`, ...) or nil when no such kind exists.
    public static func named(_ kind: String) -> KindGuide? { all.first { $0.kind == kind } }

    /// The top-level fields of a document of this guide's kind.
    public var documentFields: [FieldSpec] {
        ResourceKind(rawValue: kind).map(FieldCatalog.document(for:)) ?? FieldCatalog.settingsDocument
    }

    /// The guide of a resource kind.
    static func guide(for kind: ResourceKind) -> KindGuide {
        let definition = kind.definition
        return KindGuide(kind: kind.rawValue, purpose: definition.purpose, smsSignIn: definition.smsSignIn,
                         example: definition.example)
    }

    /// The guide of the settings document.
    static let settings = KindGuide(kind: ManifestSettings.kind, purpose: """
        The settings document of a manifest set (`smsauth.yaml` at the folder's root): not a resource, it creates \
        nothing. `owner` marks everything the folder manages (the smsauth:owner tag and every status record).
        """, smsSignIn: [], example: "phone-username-mfa-required/smsauth.yaml")
}
