import Testing
@testable import Manifests

/// Label keys and values follow Kubernetes's syntax, in manifests and in `--selector`.
@Suite struct LabelSyntaxTests {
    static let validKeys = ["app", "a", "A1", "my_key.v-2", "example.com/team", "a.b-c.d9/x", String(repeating: "k", count: 63),
                            String(repeating: "p", count: 253) + "/n"]
    static let invalidKeys: [(String, String)] = [
        ("", "a label key's name must not be empty"),
        ("a/b/c", "a label key has at most one '/' (prefix/name)"),
        ("/x", "a label key's prefix (before '/') must not be empty"),
        ("example.com/", "a label key's name must not be empty"),
        (String(repeating: "k", count: 64), "a label key's name has at most 63 characters (this one has 64)"),
        (String(repeating: "p", count: 254) + "/n", "a label key's prefix has at most 253 characters (this one has 254)"),
        ("-app", "a label key's name is made of letters, digits, '-', '_' and '.', and begins and ends with a letter or digit"),
        ("app.", "a label key's name is made of letters, digits, '-', '_' and '.', and begins and ends with a letter or digit"),
        ("ap p", "a label key's name is made of letters, digits, '-', '_' and '.', and begins and ends with a letter or digit"),
        ("äpp", "a label key's name is made of letters, digits, '-', '_' and '.', and begins and ends with a letter or digit"),
        ("Example.com/x", "a label key's prefix is a DNS subdomain such as example.com: lowercase letters, digits, '-' "
            + "and '.', each part beginning and ending with a letter or digit"),
        ("a..b/x", "a label key's prefix is a DNS subdomain such as example.com: lowercase letters, digits, '-' "
            + "and '.', each part beginning and ending with a letter or digit"),
        ("a_b/x", "a label key's prefix is a DNS subdomain such as example.com: lowercase letters, digits, '-' "
            + "and '.', each part beginning and ending with a letter or digit"),
    ]

    @Test(arguments: validKeys) func acceptsKey(_ key: String) {
        #expect(LabelSyntax.keyProblem(key) == nil)
    }

    @Test(arguments: invalidKeys) func refusesKey(_ key: String, _ problem: String) {
        #expect(LabelSyntax.keyProblem(key) == problem)
    }

    @Test func values() {
        for value in ["", "x", "prod", "v1.2_3-a", String(repeating: "v", count: 63)] {
            #expect(LabelSyntax.valueProblem(value) == nil, "\(value)")
        }
        #expect(LabelSyntax.valueProblem(String(repeating: "v", count: 64))
                == "a label value has at most 63 characters (this one has 64)")
        for value in ["-x", "x-", "a b", "a/b", "é"] {
            #expect(LabelSyntax.valueProblem(value)
                    == "a label value is made of letters, digits, '-', '_' and '.', and begins and ends with a letter or digit",
                    "\(value)")
        }
    }

    /// A manifest's invalid label is an error at its key, naming the field; the valid ones are kept.
    @Test func manifestLabelsAreChecked() {
        let text = """
            apiVersion: smsauth/v1
            kind: SmsRole
            metadata:
              name: r
              labels:
                team: sms
                a/b/c: x
                tier: -web
            spec: {roleName: a, externalId: e}

            """
        #expect(TestSupport.check(text) == [
            "t.yaml:7:5: error: 'metadata.labels.a/b/c': a label key has at most one '/' (prefix/name)",
            "t.yaml:8:5: error: 'metadata.labels.tier': a label value is made of letters, digits, '-', '_' and '.', "
                + "and begins and ends with a letter or digit",
        ])
        let loaded = ManifestLoader().load(text: text.replacingOccurrences(of: "    a/b/c: x\n    tier: -web\n", with: ""),
                                           file: "t.yaml")
        #expect(loaded.manifests.first?.metadata.labels == ["team": "sms"])
    }

    /// A selector names only keys and values a manifest can carry.
    static let rejectedSelectors: [(String, Int, String, String)] = [
        ("a/b/c=x", 1, "a label key", "'a/b/c': a label key has at most one '/' (prefix/name)"),
        ("!-x", 2, "a label key",
         "'-x': a label key's name is made of letters, digits, '-', '_' and '.', and begins and ends with a letter or digit"),
        ("app=x-", 5, "a label value",
         "'x-': a label value is made of letters, digits, '-', '_' and '.', and begins and ends with a letter or digit"),
        ("env in (a,b/c)", 11, "a label value",
         "'b/c': a label value is made of letters, digits, '-', '_' and '.', and begins and ends with a letter or digit"),
        (String(repeating: "k", count: 64), 1, "a label key",
         "'\(String(repeating: "k", count: 64))': a label key's name has at most 63 characters (this one has 64)"),
    ]

    @Test(arguments: rejectedSelectors)
    func selectorRefuses(_ text: String, _ column: Int, _ expected: String, _ found: String) {
        #expect(throws: LabelSelectorError(selector: text, column: column, expected: expected, found: found)) {
            try LabelSelector(parsing: text)
        }
    }
}
