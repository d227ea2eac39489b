import Foundation
import Testing
@testable import Manifests

/// The field catalog, the typed reader and the committed JSON Schema describe the same fields.
@Suite struct CatalogAgreementTests {
    /// One catalog field: its dotted path and the flow YAML that puts a wrongly typed value there.
    struct Probe: CustomStringConvertible, Sendable {
        let kind: ResourceKind
        let path: String
        let yaml: String
        var description: String { "\(kind.rawValue) \(path)" }
    }

    /// A value of the wrong type for `type`.
    static func wrongValue(for type: FieldType) -> String {
        switch type {
        case .stringMap, .object, .textOrChoicesMap: "[wrong]"
        default: "{wrong: 1}"
        }
    }

    /// Probes for every field below `fields`: (path, flow YAML of the mapping holding the wrong value).
    static func probes(_ fields: [FieldSpec], path: String) -> [(String, String)] {
        fields.flatMap { field -> [(String, String)] in
            let here = path.isEmpty ? field.name : "\(path).\(field.name)"
            var result = [(here, "{\(field.name): \(wrongValue(for: field.type))}")]
            switch field.type {
            case .object(let children):
                result += probes(children, path: here).map { ($0.0, "{\(field.name): \($0.1)}") }
            case .list(.object(let children)):
                result += probes(children, path: "\(here)[0]").map { ($0.0, "{\(field.name): [\($0.1)]}") }
            default:
                break
            }
            return result
        }
    }

    static let allProbes: [Probe] = ResourceKind.allCases.flatMap { kind in
        probes(FieldCatalog.spec(for: kind), path: "spec").map { path, spec in
            Probe(kind: kind, path: path,
                  yaml: "{apiVersion: smsauth/v1, kind: \(kind.rawValue), metadata: {name: x}, spec: \(spec)}")
        } + probes(FieldCatalog.metadata + FieldCatalog.policy, path: "").compactMap { path, holder in
            let section = FieldCatalog.metadata.contains { $0.name == path } ? "metadata" : "policy"
            let metadata = section == "policy" ? "{name: x}"
                : path == "name" ? holder : holder.replacingOccurrences(of: "{", with: "{name: x, ", options: .anchored)
            let policy = section == "policy" ? ", policy: \(holder)" : ""
            return Probe(kind: kind, path: "\(section).\(path)",
                         yaml: "{apiVersion: smsauth/v1, kind: \(kind.rawValue), metadata: \(metadata), spec: {}\(policy)}")
        }
    }

    @Test(arguments: allProbes)
    func everyCatalogFieldIsReadAndTypeChecked(_ probe: Probe) {
        let result = ManifestLoader().load(text: probe.yaml, file: "t.yaml")
        let typeErrors = result.diagnostics.filter { $0.code == "wrong-type" }.compactMap(\.field)
        #expect(typeErrors.contains(probe.path), "\(result.diagnostics.map(\.description))")
        #expect(!result.diagnostics.contains { $0.code == "unknown-field" })
    }

    @Test func committedSchemaMatchesTheModel() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let committed = try String(contentsOf: root.appendingPathComponent("schema/smsauth-v1.json"), encoding: .utf8)
        #expect(committed == JSONSchema.text(), "regenerate with: smsauth schema > schema/smsauth-v1.json")
    }

    @Test func schemaListsEveryKindAndSettingsAndForbidsUnknownFields() throws {
        let document = JSONSchema.document()
        let definitions = try #require(document["$defs"] as? [String: Any])
        #expect(Set(definitions.keys) == Set(ResourceKind.allCases.map { "\($0.rawValue)Spec" } + ["SettingsSpec"]))
        for (_, value) in definitions {
            let spec = try #require(value as? [String: Any])
            #expect(spec["additionalProperties"] as? Bool == false)
        }
        #expect((document["allOf"] as? [Any])?.count == ResourceKind.allCases.count + 1)
    }

    @Test(arguments: probes(FieldCatalog.settings, path: "spec"))
    func everySettingsFieldIsReadAndTypeChecked(_ path: String, _ spec: String) {
        let result = ManifestLoader().load(text: "{apiVersion: smsauth/v1, kind: Settings, spec: \(spec)}",
                                           file: "smsauth.yaml")
        #expect(result.diagnostics.filter { $0.code == "wrong-type" }.compactMap(\.field).contains(path),
                "\(result.diagnostics.map(\.description))")
        #expect(!result.diagnostics.contains { $0.code == "unknown-field" })
    }
}
