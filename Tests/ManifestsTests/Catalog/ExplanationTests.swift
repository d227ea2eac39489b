import Testing
@testable import Manifests

/// `Explanation`: the text of `smsauth explain`.
@Suite struct ExplanationTests {
    @Test func kindShowsPurposeSmsAdviceAndTopLevelFields() throws {
        let text = try Explanation.text(for: "AppClient")
        #expect(text.hasPrefix("KIND:     AppClient\n"))
        #expect(text.contains("ALLOW_REFRESH_TOKEN_AUTH"))
        #expect(text.contains("SMS SIGN-IN:"))
        for field in ["apiVersion", "kind", "metadata", "spec", "policy"] {
            #expect(text.contains("\n  \(field)\t<"), "\(field)")
        }
    }

    @Test func nestedFieldShowsTypeDescriptionAndChildren() throws {
        let text = try Explanation.text(for: "UserPool.spec.passwordPolicy")
        #expect(text.contains("FIELD:    spec.passwordPolicy <object>"))
        #expect(text.contains("  minimumLength\t<integer (6-99)>"))
        let leaf = try Explanation.text(for: "UserPool.spec.passwordPolicy.minimumLength")
        #expect(leaf.contains("FIELD:    spec.passwordPolicy.minimumLength <integer (6-99)>"))
        #expect(leaf.contains("Minimum password length."))
        #expect(!leaf.contains("FIELDS:"))
    }

    @Test func listOfObjectsIsEnteredByItsElementFields() throws {
        let text = try Explanation.text(for: "UserPool.spec.customAttributes.name")
        #expect(text.contains("FIELD:    spec.customAttributes.name <string>"))
        #expect(text.contains("REQUIRED: yes"))
    }

    @Test func settingsDocumentIsExplained() throws {
        let text = try Explanation.text(for: "Settings.spec.owner")
        #expect(text.contains("REQUIRED: yes"))
        #expect(text.contains("PATTERN:  \(SchemaPatterns.resourceName)"))
    }

    @Test func unknownKindSuggestsTheClosest() {
        #expect(throws: ExplanationError.unknownKind("UserPol", suggestion: "UserPool")) {
            try Explanation.text(for: "UserPol.spec")
        }
        #expect(throws: ExplanationError.unknownKind("Nothing", suggestion: nil)) { try Explanation.text(for: "Nothing") }
    }

    @Test func unknownFieldNamesItsPathAndSuggestsTheClosest() {
        #expect(throws: ExplanationError.unknownField(kind: "UserPool", path: "spec.passwordPolicy.minimumLenght",
                                                      suggestion: "spec.passwordPolicy.minimumLength")) {
            try Explanation.text(for: "UserPool.spec.passwordPolicy.minimumLenght")
        }
        #expect(throws: ExplanationError.unknownField(kind: "UserPool", path: "spec.poolName.x", suggestion: nil)) {
            try Explanation.text(for: "UserPool.spec.poolName.x")
        }
        let error = ExplanationError.unknownField(kind: "MfaPolicy", path: "spec.mod", suggestion: "spec.mode")
        #expect(error.description == "MfaPolicy has no field 'spec.mod' (did you mean 'spec.mode'?)")
        #expect(error.code == "explain.unknownField")
    }

    @Test func everyAWSMemberNamesAFieldOfTheCatalog() throws {
        for key in FieldCatalog.awsMembers.keys.sorted() {
            #expect(throws: Never.self, "\(key)") { try Explanation.text(for: key) }
        }
        let text = try Explanation.text(for: "AppClient.spec.explicitAuthFlows")
        #expect(text.contains("AWS:      Cognito UpdateUserPoolClient ExplicitAuthFlows\n"))
    }
}
