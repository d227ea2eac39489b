import Foundation
import Manifests
import Testing
@testable import Reconciler

/// `ManagedPaths` reads the fields each spec type lists (`SpecFields`); these tests hold those lists to the spec
/// types: each names every stored property, and the paths equal those of the reflection walk the lists replaced,
/// for every manifest of every example folder (which hold every kind).
@Suite("ManagedPaths against reflection")
struct ManagedPathsReflectionTests {
    static let examples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("examples")

    /// Every manifest of every example folder.
    static func exampleManifests() throws -> [Manifest] {
        let folders = try FileManager.default.contentsOfDirectory(atPath: examples.path).sorted()
            .map { examples.appendingPathComponent($0) }
            .filter { (try? $0.resourceValues(forKeys: [.isDirectoryKey]).isDirectory) == true }
        return folders.flatMap { ManifestLoader().load(directory: $0.path).manifests }
    }

    /// Manifests with the nested mappings no example sets (a sender ID), so that every list is checked.
    static let beyondTheExamples = """
        apiVersion: smsauth/v1
        kind: OriginationIdentity
        metadata: {name: sender}
        spec:
          region: eu-west-2
          senderId: {senderId: MYBRAND, isoCountryCode: GB, messageTypes: [TRANSACTIONAL]}
        """

    /// The examples' manifests and those beyond them.
    static func manifests() throws -> [Manifest] {
        let extra = EngineFixtures.load(beyondTheExamples).manifests
        #expect(extra.count == 1)
        return try exampleManifests() + extra
    }

    @Test func examplesHoldEveryKind() throws {
        #expect(Set(try Self.exampleManifests().map(\.kind)) == Set(ResourceKind.allCases))
    }

    @Test func pathsEqualTheReflectionWalk() throws {
        for manifest in try Self.manifests() {
            #expect(ManagedPaths.of(manifest) == ReflectedManagedPaths.of(manifest), "\(manifest.id)")
        }
    }

    @Test func listsNameEveryStoredProperty() throws {
        for manifest in try Self.manifests() {
            #expect(manifest.spec.body is any SpecFields, "\(manifest.kind.rawValue) lists no fields")
            let spec = try #require(Mirror(reflecting: manifest.spec).children.first?.value)
            checkLabels(manifest.spec.specFields, of: spec, at: "\(manifest.id)")
        }
    }

    /// Checks that `fields` names the stored properties of `value` (source locations aside), in order, and the
    /// members of each nested mapping that is present.
    private func checkLabels(_ fields: [SpecField], of value: Any, at place: String) {
        let properties = Mirror(reflecting: value).children.filter { !($0.value is Manifests.SourceLocation) }
        let labels = fields.map { field -> String in
            switch field {
            case .value(let label, _), .group(let label, _): label
            case .mapped: "mapped"
            }
        }
        #expect(labels == properties.map { $0.label ?? "" }, "\(place)")
        for (field, property) in zip(fields, properties) {
            guard case .group(let label, let members?) = field,
                  let nested = Mirror(reflecting: property.value).children.first?.value else { continue }
            checkLabels(members, of: nested, at: place + "." + label)
        }
    }
}

/// The reflection walk `ManagedPaths` used before spec types listed their fields, kept as the reference the lists
/// are checked against.
enum ReflectedManagedPaths {
    /// The paths `manifest`'s spec sets, sorted.
    static func of(_ manifest: Manifest) -> [String] {
        guard let payload = Mirror(reflecting: manifest.spec).children.first?.value else { return [] }
        return paths(of: payload, prefix: "").sorted()
    }

    /// The set leaf paths under `value`.
    private static func paths(of value: Any, prefix: String) -> [String] {
        Mirror(reflecting: value).children.flatMap { child -> [String] in
            guard let label = child.label, !(child.value is Manifests.SourceLocation),
                  !(prefix.isEmpty && ManagedPaths.identityPaths.contains(label)),
                  let set = unwrapped(child.value) else { return [] }
            if let mapped = set as? MappedValues { return mapped.values.keys.map { prefix + $0 } }
            let path = prefix + label
            if set is any LocatedValue { return [path] }
            let mirror = Mirror(reflecting: set)
            if mirror.displayStyle == .struct, !mirror.children.isEmpty {
                return paths(of: set, prefix: path + ".")
            }
            return [path]
        }
    }

    /// The content of an optional (nil when it is nil), or the value itself.
    private static func unwrapped(_ value: Any) -> Any? {
        let mirror = Mirror(reflecting: value)
        guard mirror.displayStyle == .optional else { return value }
        return mirror.children.first.map(\.value)
    }
}
