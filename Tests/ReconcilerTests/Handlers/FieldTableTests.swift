import AWSServices
import Manifests
import Testing
@testable import Reconciler

/// The generic Reconciler side of the simple fields: desired, live and request values from a kind's table alone.
@Suite struct FieldTableTests {
    /// The values `entries` (by path) for the table `fields`.
    static func values(_ fields: [MappedField], _ entries: [String: MappedScalar]) -> MappedValues {
        var values = MappedValues(fields: fields)
        let here = SourceLocation(file: "t.yaml", line: 1, column: 1)
        for (path, value) in entries { values.set(path, Located(value, at: here)) }
        return values
    }

    @Test func anEncodedRowIsDesiredAsTheManifestSaysAndSentAndReadAsAWSSpellsIt() {
        let table = FieldTable(.userPool)
        let values = Self.values(table.fields, ["deletionProtection": .bool(true)])
        #expect(table.desired(values) == ["deletionProtection": .bool(true)])
        var request: [String: JSONValue] = ["PoolName": "kept"]
        table.overlay(values, on: &request, creating: false)
        #expect(request == ["PoolName": "kept", "DeletionProtection": "ACTIVE"])
        #expect(table.live(at: "deletionProtection", in: request) == .bool(true))
        #expect(table.live(at: "deletionProtection", in: ["DeletionProtection": "INACTIVE"]) == .bool(false))
        #expect(table.live(at: "deletionProtection", in: [:]) == .bool(false), "absent reads as whenAbsent")
        #expect(table.live(at: "passwordPolicy.minimumLength", in: [:]) == .null, "no whenAbsent: null")
        #expect(table.live(at: "poolName", in: request) == nil, "not mapped")
        #expect(table.createdWithout["deletionProtection"] == .bool(false))
        let other = Self.values(table.fields, ["deletionProtection": .bool(false)])
        table.overlay(other, on: &request, creating: false)
        #expect(request["DeletionProtection"] == "INACTIVE")
    }

    @Test func immutableRowsAreSentOnlyWhenCreating() throws {
        let table = FieldTable(.userPool)
        let values = Self.values(table.fields, ["usernameCaseSensitive": .bool(false),
                                                "passwordPolicy.minimumLength": .int(12)])
        var update: [String: JSONValue] = [:]
        update["Policies"] = ["PasswordPolicy": ["RequireSymbols": true], "Other": "kept"]
        table.overlay(values, on: &update, creating: false)
        #expect(update == ["Policies": ["PasswordPolicy": ["MinimumLength": 12, "RequireSymbols": true], "Other": "kept"]])
        var create: [String: JSONValue] = [:]
        table.overlay(values, on: &create, creating: true)
        #expect(create["UsernameConfiguration"] == ["CaseSensitive": false])
        #expect(table.immutablePaths == ["usernameCaseSensitive"])
        #expect(table.keys(in: "adminCreateUser") == ["allowAdminCreateUserOnly", "inviteSmsMessage"])
    }

    @Test func aMappingWrittenWithoutValuesSendsTheObjectItsMembersShare() throws {
        let text = "apiVersion: smsauth/v1\nkind: UserPool\nmetadata: {name: p}\n"
            + "spec: {poolName: Pool, passwordPolicy: {}, adminCreateUser: {}}\n"
        let manifest = try #require(ManifestLoader().load(text: text, file: "t.yaml").manifests.first)
        guard case .userPool(let spec) = manifest.spec else {
            Issue.record("not a UserPool")
            return
        }
        var create: [String: JSONValue] = [:]
        FieldTable(.userPool).overlay(spec.mapped, on: &create, creating: true)
        #expect(create == ["Policies": ["PasswordPolicy": [:]], "AdminCreateUserConfig": [:]])
        var update: [String: JSONValue] = ["AdminCreateUserConfig": ["InviteMessageTemplate": ["EmailMessage": "kept"]]]
        FieldTable(.userPool).overlay(spec.mapped, on: &update, creating: false)
        #expect(update["AdminCreateUserConfig"] == ["InviteMessageTemplate": ["EmailMessage": "kept"]])
    }

    /// Values of `row`'s type to try: both booleans, the range's ends, a string.
    static func samples(_ row: MappedField) -> [MappedScalar] {
        switch row.field.type {
        case .boolean: [.bool(true), .bool(false)]
        case .integer(let minimum, let maximum): [.int(minimum ?? -3), .int(maximum ?? 42)]
        default: [.string("Code {####} for {username}")]
        }
    }

    @Test("every row round-trips: the request overlay read back by the live view is the desired value",
          arguments: ResourceKind.allCases)
    func roundTrip(kind: ResourceKind) {
        let table = FieldTable(kind)
        for row in table.fields {
            for sample in Self.samples(row) {
                let values = Self.values(table.fields, [row.path: sample])
                var request: [String: JSONValue] = [:]
                table.overlay(values, on: &request, creating: true)
                #expect(table.live(at: row.path, in: request) == table.desired(values)[row.path], "\(kind).\(row.path)")
                #expect(FieldTable.live(row, in: [:]) == row.aws.whenAbsent.map(FieldTable.plan) ?? .null)
            }
        }
    }

    @Test("the spec hash renders the simple fields as the spec's own fields were, so recorded hashes stay valid")
    func specHashShape() throws {
        let text = """
            apiVersion: smsauth/v1
            kind: UserPool
            metadata: {name: pool}
            spec:
              poolName: Pool
              passwordPolicy: {minimumLength: 12, requireSymbols: true}
            """
        let manifest = try #require(ManifestLoader().load(text: text, file: "p.yaml").manifests.first)
        let canonical = SpecHash.canonical(manifest)
        #expect(canonical.contains(",adminCreateUser=null,adopt=null,") && !canonical.contains("mapped"))
        #expect(canonical.contains(",deletionProtection=null,passwordPolicy={minimumLength=12,requireLowercase=null,"
                                   + "requireNumbers=null,requireSymbols=true,requireUppercase=null,"
                                   + "temporaryPasswordValidityDays=null},poolName=\"Pool\","))
        #expect(canonical.contains(",usernameAttributes=null,usernameCaseSensitive=null,verificationMessages=null}"))
        #expect(ManagedPaths.of(manifest) == ["passwordPolicy.minimumLength", "passwordPolicy.requireSymbols", "poolName"])
    }
}
