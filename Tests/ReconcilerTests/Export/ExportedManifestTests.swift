import Manifests
import Testing
@testable import Reconciler

/// The YAML `smsauth export` writes reads back as the same manifest, and its names are valid and unique.
struct ExportedManifestTests {
    @Test func yamlQuotesStringsAndNestsListsAndMaps() {
        let manifest = ExportedManifest(kind: .userPool, name: "main", spec: [
            ExportField("poolName", .string("a \"quoted\" name: {####}\n")),
            ExportField("deletionProtection", .bool(false)),
            ExportField("usernameAttributes", .list([.string("phone_number")])),
            ExportField("customAttributes", .list([.map([ExportField("name", .string("tier")), ExportField("minLength", .integer(1))])])),
            ExportField("tags", .map([ExportField("cost-center", .string("42")), ExportField("Team", .string("true"))])),
            ExportField("empty", .list([])),
        ])
        #expect(manifest.fileName == "userpool-main.yaml")
        #expect(manifest.yaml == """
            apiVersion: smsauth/v1
            kind: UserPool
            metadata:
              name: main
            spec:
              poolName: "a \\"quoted\\" name: {####}\\n"
              deletionProtection: false
              usernameAttributes:
                - "phone_number"
              customAttributes:
                - name: "tier"
                  minLength: 1
              tags:
                "cost-center": "42"
                Team: "true"
              empty: []

            """)
    }

    @Test func controlCharactersAreEscaped() {
        #expect(ExportYAML.quoted("a\u{1}b\\c") == "\"a\\u0001b\\\\c\"")
    }

    @Test func namesAreValidAndUnique() {
        var names = ExportNames()
        #expect(names.name(.userPool, from: "My Pool!", fallback: "user-pool") == "my-pool")
        #expect(names.name(.userPool, from: "my pool", fallback: "user-pool") == "my-pool-2")
        #expect(names.name(.appClient, from: "my pool", fallback: "app-client") == "my-pool", "unique per kind")
        #expect(names.name(.userPool, from: "ÄÖÜ", fallback: "user-pool") == "user-pool")
        let long = names.name(.userPool, from: String(repeating: "a", count: 80), fallback: "x")
        #expect(long.count == 63)
        let second = names.name(.userPool, from: String(repeating: "a", count: 80), fallback: "x")
        #expect(second.count == 63 && second.hasSuffix("-2"))
        #expect(ExportNames.slug("--a__b--") == "a-b")
    }

    @Test func planValuesBecomeExportValues() {
        #expect(ExportValue(.number(3)) == .integer(3))
        #expect(ExportValue(.null) == nil)
        #expect(ExportValue(.sensitive) == nil, "a secret is never written")
        #expect(ExportValue(.map(["b": .bool(true), "a": .null])) == .map([ExportField("b", .bool(true))]))
    }
}
