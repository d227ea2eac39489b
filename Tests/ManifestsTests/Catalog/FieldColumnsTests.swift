import Foundation
import Testing
@testable import Manifests

/// The Default, Mutability and AWS member columns: filled for every field, and shown by the manual, `explain` and
/// the JSON Schema.
@Suite struct FieldColumnsTests {
    /// One catalog field with its dotted path (list elements' fields as `list.field`) and its document.
    struct Entry: CustomStringConvertible, Sendable {
        let document: String
        let path: String
        let field: FieldSpec
        var description: String { "\(document) \(path)" }
    }

    /// Every field below `fields`, depth first.
    static func entries(_ fields: [FieldSpec], document: String, path: String = "") -> [Entry] {
        fields.flatMap { field -> [Entry] in
            let here = path.isEmpty ? field.name : "\(path).\(field.name)"
            return [Entry(document: document, path: here, field: field)]
                + entries(field.type.children, document: document, path: here)
        }
    }

    static let all: [Entry] = ResourceKind.allCases.flatMap { entries(FieldCatalog.document(for: $0), document: $0.rawValue) }
        + entries(FieldCatalog.settingsDocument, document: ManifestSettings.kind)

    @Test func everyFieldHasAMutability() {
        let missing = Self.all.filter { $0.field.mutability == nil }.map(\.description)
        #expect(missing.isEmpty, "fields without a mutability: \(missing)")
        #expect(Self.all.count > 150)
    }

    @Test func everyOptionalValueFieldHasADefaultAndNoRequiredFieldHasOne() {
        for entry in Self.all {
            if case .object = entry.field.type { continue }
            if entry.field.required {
                #expect(entry.field.defaultValue == nil, "\(entry) is required but has a default")
            } else {
                #expect(entry.field.defaultValue != nil, "\(entry) has no default")
            }
        }
    }

    /// Every spec field smsauth sends to AWS names the AWS member it sets. Left out: mappings (their fields name
    /// theirs), smsauth's own settings, `region` (the endpoint, not a member) and `adopt` (a lookup).
    @Test func everyFieldSentToAWSNamesItsMember() {
        let unmapped = Self.all.filter { entry in
            guard entry.path.hasPrefix("spec."), entry.document != ManifestSettings.kind else { return false }
            if case .object = entry.field.type { return false }
            if entry.field.mutability == .smsauth || ["spec.region", "spec.adopt"].contains(entry.path) { return false }
            return FieldCatalog.awsMember(kind: entry.document, path: entry.path) == nil
        }
        #expect(unmapped.isEmpty, "fields without an AWS member: \(unmapped.map(\.description))")
    }

    @Test func theManualHasDefaultAndMutabilityColumns() throws {
        let manual = try ManifestManualTests.generated()
        #expect(manual.contains("| Field | Type | Required | Default | Mutability | AWS member | Description |"))
        #expect(manual.contains("| `spec.roleName` | string | yes |  | immutable | IAM CreateRole RoleName |"))
        #expect(manual.contains("| `spec.path` | string | no | `/` | immutable | IAM CreateRole Path |"))
        #expect(manual.contains("| `spec.customAttributes` | list of object | no | unmanaged | add-only |"))
        #expect(manual.contains("| `policy.onDelete` | one of: Retain, Delete | no | `Retain`; `Delete` for AppClient and SandboxNumber | smsauth |"))
        #expect(manual.contains("| `spec.passwordPolicy.minimumLength` | integer (6-99) | no | unmanaged (AWS: `8`) | mutable | "
            + "Cognito UpdateUserPool Policies.PasswordPolicy.MinimumLength |"))
        for mutability in FieldMutability.allCases {
            #expect(manual.contains("- **\(mutability.label)**: \(mutability.meaning)\n"))
        }
    }

    @Test func explainShowsDefaultAndMutability() throws {
        let text = try Explanation.text(for: "SmsRole.spec.path")
        #expect(text.contains("\nDEFAULT:  /\n"))
        #expect(text.contains("\nCHANGE:   immutable (\(FieldMutability.immutable.meaning))\n"))
        let pool = try Explanation.text(for: "UserPool.spec")
        #expect(pool.contains("  usernameAttributes\t<list of one of: phone_number, email> -immutable-\n"))
        #expect(pool.contains("  poolName\t<string> -required- -mutable-\n"))
    }

    /// The policy defaults the catalog states as one value hold for every kind, as the loader applies them.
    @Test(arguments: ResourceKind.allCases)
    func policyDefaultsAreTheKindsDefaults(_ kind: ResourceKind) {
        let fields = Dictionary(uniqueKeysWithValues: FieldCatalog.policy.map { ($0.name, $0.defaultValue) })
        #expect(fields["onImmutableChange"] == .value(kind.defaultPolicy.onImmutableChange.rawValue))
        #expect(fields["onDrift"] == .value(kind.defaultPolicy.onDrift.rawValue))
        let onDelete = fields["onDelete"]??.label ?? ""
        let listed = onDelete.contains(kind.rawValue)
        #expect(listed == (kind.defaultPolicy.onDelete == .delete), "\(kind): \(onDelete)")
    }

    @Test func theSchemaCarriesValueDefaultsTyped() throws {
        let schema = JSONSchema.document()
        let definitions = try #require(schema["$defs"] as? [String: Any])
        let role = try #require((definitions["SmsRoleSpec"] as? [String: Any])?["properties"] as? [String: Any])
        #expect((role["path"] as? [String: Any])?["default"] as? String == "/")
        #expect((role["maxSessionDurationSeconds"] as? [String: Any])?["default"] == nil, "unmanaged is not a default")
        let policy = try #require(((schema["properties"] as? [String: Any])?["policy"] as? [String: Any])?["properties"]
            as? [String: Any])
        #expect((policy["onImmutableChange"] as? [String: Any])?["default"] as? String == "Refuse")
        #expect((policy["suspend"] as? [String: Any])?["default"] as? Bool == false)
        #expect((policy["onDelete"] as? [String: Any])?["default"] == nil, "the default differs per kind")
    }
}
