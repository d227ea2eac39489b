import Testing
@testable import Manifests

/// A kind's simple fields (`MappedField`) are declared once, as catalog rows with their AWS member: the catalog entry,
/// the `awsMembers` row and the spec's values all come from that row.
@Suite struct MappedFieldTests {
    /// The catalog entry at the dotted `path` of `kind`'s spec.
    static func catalogEntry(_ kind: ResourceKind, _ path: String) -> FieldSpec? {
        var fields = FieldCatalog.spec(for: kind)
        var found: FieldSpec?
        for name in path.split(separator: ".").map(String.init) {
            found = fields.first { $0.name == name }
            if case .object(let members)? = found?.type { fields = members } else { fields = [] }
        }
        return found
    }

    @Test func aRowGivesTheNestedCatalogEntryAndTheAWSMemberRow() throws {
        let row = try #require(ResourceKind.userPool.mappedFields.first { $0.path == "passwordPolicy.minimumLength" })
        #expect(row.group == "passwordPolicy" && row.key == "minimumLength")
        #expect(row.aws.member == ["Policies", "PasswordPolicy", "MinimumLength"] && row.aws.encoding == .plain)
        let entry = try #require(Self.catalogEntry(.userPool, "passwordPolicy.minimumLength"))
        #expect(entry == row.field)
        #expect(entry.type == .integer(minimum: 6, maximum: 99) && entry.mutability == .mutable)
        #expect(FieldCatalog.awsMember(kind: "UserPool", path: "spec.passwordPolicy.minimumLength")
            == "Cognito UpdateUserPool Policies.PasswordPolicy.MinimumLength")
        #expect(row.createdWithout == .int(8))
    }

    @Test func anEncodedRowKeepsItsEncodingAndDefault() throws {
        let row = try #require(ResourceKind.userPool.mappedFields.first { $0.path == "deletionProtection" })
        #expect(row.aws.encoding == .flag(on: "ACTIVE", off: "INACTIVE") && row.aws.whenAbsent == .bool(false))
        #expect(row.createdWithout == .bool(false))
        #expect(FieldCatalog.awsMember(kind: "UserPool", path: "spec.deletionProtection")
            == "Cognito UpdateUserPool DeletionProtection")
    }

    @Test("the tables hold the 1:1 scalar fields of UserPool and AppClient", arguments: [
        (ResourceKind.userPool, ["usernameCaseSensitive", "passwordPolicy.minimumLength", "passwordPolicy.requireUppercase",
                                 "passwordPolicy.requireLowercase", "passwordPolicy.requireNumbers",
                                 "passwordPolicy.requireSymbols", "passwordPolicy.temporaryPasswordValidityDays",
                                 "adminCreateUser.allowAdminCreateUserOnly", "adminCreateUser.inviteSmsMessage",
                                 "deletionProtection"]),
        (ResourceKind.appClient, ["preventUserExistenceErrors", "enableTokenRevocation"]),
    ])
    func tables(kind: ResourceKind, paths: [String]) {
        #expect(kind.mappedFields.map(\.path) == paths)
    }

    /// Every row: one catalog entry, its AWS member row generated, a scalar type, and a mapping holding it holds
    /// mapped fields only (the reader reads such a mapping once).
    @Test(arguments: ResourceKind.allCases)
    func everyRow(kind: ResourceKind) throws {
        for row in kind.mappedFields {
            #expect(Self.catalogEntry(kind, row.path) == row.field, "\(kind).\(row.path)")
            #expect(kind.definition.awsMembers["spec." + row.path] == row.aws.documentation)
            #expect(FieldCatalog.awsMember(kind: kind.rawValue, path: "spec." + row.path) == row.aws.documentation)
            #expect([FieldType.boolean, .string].contains(row.field.type) || row.field.type.isInteger, "\(row.path)")
            if let group = row.group, case .object(let members)? = Self.catalogEntry(kind, group)?.type {
                #expect(members.allSatisfy { $0.aws != nil }, "\(kind).\(group) mixes mapped and coded fields")
            }
        }
    }

    @Test func theReaderKeepsValuesLocationsAndWrittenGroups() throws {
        let text = TestSupport.doc("UserPool", "p", ["poolName: Pool", "passwordPolicy:", "  minimumLength: 12",
                                                     "adminCreateUser: {}", "deletionProtection: true"])
        let manifest = try #require(ManifestLoader().load(text: text, file: "t.yaml").manifests.first)
        guard case .userPool(let spec) = manifest.spec else { throw MappedFieldTestError.wrongKind }
        #expect(spec.mapped["passwordPolicy.minimumLength"]?.value == .int(12))
        #expect(spec.mapped["passwordPolicy.minimumLength"]?.location.line == 7)
        #expect(spec.mapped["deletionProtection"]?.value == .bool(true))
        #expect(spec.mapped.value("deletionProtection", as: Bool.self)?.value == true)
        #expect(spec.mapped.values.count == 2 && Set(spec.mapped.groups.keys) == ["passwordPolicy", "adminCreateUser"])
        #expect(spec.mapped.value("passwordPolicy.minimumLength", as: Int.self)?.value == 12)
        #expect(spec.mapped.value("passwordPolicy.minimumLength", as: Bool.self) == nil, "a value of another type")
        #expect(spec.mapped.value("passwordPolicy.requireSymbols", as: Bool.self) == nil, "not written")
    }

    @Test func theReaderReportsWrongTypesRangesAndUnknownFieldsOnce() {
        let text = TestSupport.doc("UserPool", "p", ["poolName: Pool", "passwordPolicy:", "  minimumLength: 5",
                                                     "  requireSymbols: maybe", "  minimumLenght: 9",
                                                     "usernameCaseSensitive: 3"])
        #expect(TestSupport.check(text) == [
            "t.yaml:7:20: error: 'spec.passwordPolicy.minimumLength' must be between 6 and 99, found 5",
            "t.yaml:8:21: error: 'spec.passwordPolicy.requireSymbols' must be true or false, found 'maybe'",
            "t.yaml:9:5: error: unknown field 'minimumLenght' in 'spec.passwordPolicy' (did you mean 'minimumLength'?)",
            "t.yaml:10:26: error: 'spec.usernameCaseSensitive' must be true or false, found '3'",
        ])
    }
}

/// A manifest of another kind than expected.
enum MappedFieldTestError: Error { case wrongKind }

extension FieldType {
    /// Whether this is an integer type, bounded or not.
    var isInteger: Bool { if case .integer = self { true } else { false } }
}
