import Foundation
import Testing
@testable import Manifests

/// Bad YAML and bad documents get a clear, located diagnostic, never a crash or a hang.
@Suite struct BadInputTests {
    /// One bad-input case: YAML text and the exact diagnostics expected.
    struct Case: CustomStringConvertible, Sendable {
        let description: String
        let text: String
        let expected: [String]
    }

    static let cases: [Case] = [
        Case(description: "invalid YAML", text: "apiVersion: smsauth/v1\nkind: [SmsRole\n",
             expected: ["t.yaml:3:1: error: invalid YAML: did not find expected ',' or ']' "
                        + "(while parsing a flow sequence at line 2, column 7)"]),
        Case(description: "non-mapping document", text: "- a\n- b\n",
             expected: ["t.yaml:1:1: error: a manifest must be a mapping with apiVersion, kind, metadata and spec, "
                        + "found a list"]),
        Case(description: "scalar document", text: "hello\n",
             expected: ["t.yaml:1:1: error: a manifest must be a mapping with apiVersion, kind, metadata and spec, "
                        + "found 'hello'"]),
        Case(description: "unknown apiVersion", text: "apiVersion: smsauth/v9\nkind: SmsRole\n",
             expected: ["t.yaml:1:13: error: unknown apiVersion 'smsauth/v9': this smsauth understands smsauth/v1"]),
        Case(description: "missing apiVersion", text: "kind: SmsRole\n",
             expected: ["t.yaml:1:1: error: missing required field 'apiVersion' (expected smsauth/v1)"]),
        Case(description: "unknown kind", text: "apiVersion: smsauth/v1\nkind: SmsRoel\n",
             expected: ["t.yaml:2:7: error: unknown kind 'SmsRoel' (did you mean 'SmsRole'?): expected one of "
                        + "SmsRole, UserPool, AppClient, MfaPolicy, SandboxNumber, OriginationIdentity, PhonePool, "
                        + "SmsAccountSettings, SmsLogRole, ConfigurationSet, SmsProtection, Registration, Settings"]),
        Case(description: "unknown field with suggestion",
             text: TestSupport.doc("SmsRole", "r", ["roleName: a", "externalId: e", "extrenalId: x"]),
             expected: ["t.yaml:7:3: error: unknown field 'extrenalId' in 'spec' (did you mean 'externalId'?)"]),
        Case(description: "unknown field without suggestion",
             text: TestSupport.doc("SmsRole", "r", ["roleName: a", "externalId: e"], extra: ["status: {}"]),
             expected: ["t.yaml:7:1: error: unknown field 'status' in the document"]),
        Case(description: "missing required fields",
             text: TestSupport.doc("SmsRole", "r", ["roleName: a"]),
             expected: ["t.yaml:5:3: error: missing required field 'externalId' in 'spec'"]),
        Case(description: "wrong types",
             text: TestSupport.doc("SmsRole", "r", ["roleName: [a]", "externalId: e",
                                                   "maxSessionDurationSeconds: \"3600\"", "tags: x"]),
             expected: ["t.yaml:5:13: error: 'spec.roleName' must be a string, found a list",
                        "t.yaml:7:30: error: 'spec.maxSessionDurationSeconds' must be an integer, found '3600'",
                        "t.yaml:8:9: error: 'spec.tags' must be a mapping of strings, found 'x'"]),
        Case(description: "null value",
             text: TestSupport.doc("SmsRole", "r", ["roleName:", "externalId: e"]),
             expected: ["t.yaml:5:12: error: 'spec.roleName' must be a string, found null"]),
        Case(description: "invalid enum value",
             text: TestSupport.doc("MfaPolicy", "m", ["userPool: p", "mode: optional"]),
             expected: ["t.yaml:6:9: error: 'optional' is not a valid value for 'spec.mode': expected one of OFF, "
                        + "OPTIONAL, ON (did you mean 'OPTIONAL'?)"]),
        Case(description: "duplicate key", text: "apiVersion: smsauth/v1\nkind: SmsRole\nkind: UserPool\n",
             expected: ["t.yaml:3:1: error: duplicate key 'kind': each key may appear only once in a mapping "
                        + "(first at line 2)"]),
        Case(description: "alias bomb",
             text: "a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
                + "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\n? [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n: 1\n",
             expected: ["t.yaml:1:4: error: YAML anchors are not allowed in manifests (anchors and aliases can "
                        + "expand without bound); write the value out"]),
        Case(description: "deep nesting", text: "a: " + String(repeating: "[", count: 70) + "\n",
             expected: ["t.yaml:1:67: error: YAML nesting deeper than 64 levels"]),
        // 100,000 open brackets: refused where the 65th level starts, before anything is built.
        Case(description: "nesting 100,000 levels deep", text: "a: " + String(repeating: "[", count: 100_000),
             expected: ["t.yaml:1:67: error: YAML nesting deeper than 64 levels"]),
        Case(description: "anchor on a key", text: "? &k a\n: 1\n",
             expected: ["t.yaml:1:3: error: YAML anchors are not allowed in manifests (anchors and aliases can "
                        + "expand without bound); write the value out"]),
        Case(description: "alias", text: "a: [x]\nb: *a\n",
             expected: ["t.yaml:2:4: error: YAML aliases are not allowed in manifests (anchors and aliases can "
                        + "expand without bound); write the value out"]),
        Case(description: "duplicate key in a large mapping",
             text: (0..<40).map { "k\($0): 1\n" }.joined() + "k7: 2\n",
             expected: ["t.yaml:41:1: error: duplicate key 'k7': each key may appear only once in a mapping "
                        + "(first at line 8)"]),
        Case(description: "duplicate quoted key", text: "apiVersion: smsauth/v1\n'kind': SmsRole\n\"kind\": x\n",
             expected: ["t.yaml:3:1: error: duplicate key 'kind': each key may appear only once in a mapping "
                        + "(first at line 2)"]),
        Case(description: "control character", text: "a: b\u{7}\n",
             expected: ["t.yaml:1:5: error: invalid YAML: control characters are not allowed"]),
        Case(description: "empty file", text: "", expected: []),
        Case(description: "comment-only file and empty document", text: "# nothing here\n---\n", expected: []),
    ]

    @Test(arguments: cases)
    func reportsBadInput(_ testCase: Case) {
        #expect(TestSupport.check(testCase.text) == testCase.expected)
    }

    @Test func nonUTF8BytesAreLocated() {
        var data = Data("apiVersion: smsauth/v1\nkind: Sms".utf8)
        data.append(0xFF)
        let result = ManifestLoader().load(data: data, file: "t.yaml")
        #expect(result.diagnostics.map(\.description) == ["t.yaml:2:10: error: file is not valid UTF-8 (byte offset 32)"])
        #expect(result.diagnostics.first?.code == "invalid-utf8")
    }

    @Test func starsAndAmpersandsInsideTextAreFine() {
        let text = TestSupport.doc("SmsRole", "r", ["roleName: a", "externalId: e",
                                                  "description: Q&A *bold* & more, \"*quoted*\"",
                                                  "tags: {Note: 'it''s *fine*'}"])
        #expect(TestSupport.check(text).isEmpty)
    }

    @Test func blockScalarsMayStartLinesWithStars() {
        let text = TestSupport.doc("SmsRole", "r", ["roleName: a", "externalId: e", "description: |",
                                                  "  * first", "  &second"])
        #expect(TestSupport.check(text).isEmpty)
    }
}
