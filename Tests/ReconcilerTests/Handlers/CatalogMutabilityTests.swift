import AWSServices
import Manifests
import Testing
@testable import Reconciler

/// The manual's Mutability column agrees with the planners, so it cannot promise an in-place change the plan
/// refuses, or the reverse.
@Suite struct CatalogMutabilityTests {
    /// The spec paths (`passwordPolicy.minimumLength`) the catalog marks `mutability` for `kind`, not entering
    /// add-only lists (their entries' fields are immutable per entry).
    static func paths(_ mutability: FieldMutability, of kind: ResourceKind) -> Set<String> {
        func walk(_ fields: [FieldSpec], _ prefix: String) -> [String] {
            fields.flatMap { field -> [String] in
                let here = prefix.isEmpty ? field.name : "\(prefix).\(field.name)"
                let own = field.mutability == mutability ? [here] : []
                return own + (field.mutability == .addOnly ? [] : walk(field.type.children, here))
            }
        }
        return Set(walk(FieldCatalog.spec(for: kind), ""))
    }

    /// The immutable paths each planner uses (SandboxNumber's identity is its number and region, see
    /// `SandboxNumberPlan.identityChange`).
    static let plannerImmutable: [ResourceKind: Set<String>] = [
        .smsRole: SmsRoleFields.immutablePaths,
        .userPool: UserPoolFields.immutablePaths,
        .appClient: AppClientFields.immutable,
        .originationIdentity: OriginationIdentityFields.immutablePaths,
        .phonePool: PhonePoolFields.immutablePaths,
        .sandboxNumber: ["phoneNumber", "region", "service"],
        .mfaPolicy: [],
        .smsAccountSettings: [],
        .smsLogRole: OwnedRoleValues.immutablePaths,
        .configurationSet: ConfigurationSetFields.immutablePaths,
        .smsProtection: [],
        .registration: RegistrationFields.immutablePaths,
    ]

    @Test(arguments: ResourceKind.allCases)
    func immutableFieldsAreThePlannersImmutableFields(_ kind: ResourceKind) throws {
        let planner = try #require(Self.plannerImmutable[kind])
        #expect(Self.paths(.immutable, of: kind) == planner)
    }

    @Test func customAttributesAreAddOnlyAsThePlannerTreatsThem() throws {
        #expect(Self.paths(.addOnly, of: .userPool) == ["customAttributes"])
        let pool = try UserPoolFixtures.pool(for: UserPoolFixtures.yaml())
        let fields = try #require(try UserPoolFields.fromFixture())
        #expect(fields.immutablePaths(for: pool).contains(UserPoolFields.customPrefix + "tenant"))
    }

    /// One UserPool field changed from the fixture's pool, and the manifest text that changes it.
    struct Probe: CustomStringConvertible, Sendable {
        let path: String
        let key: String
        let value: String
        var description: String { path }
    }

    static let probes: [Probe] = [
        Probe(path: "poolName", key: "poolName", value: "Renamed pool"),
        Probe(path: "usernameAttributes", key: "usernameAttributes", value: "[email]"),
        Probe(path: "usernameCaseSensitive", key: "usernameCaseSensitive", value: "true"),
        Probe(path: "autoVerifiedAttributes", key: "autoVerifiedAttributes", value: "[phone_number, email]"),
        Probe(path: "smsRegion", key: "smsRegion", value: "eu-west-1"),
        Probe(path: "passwordPolicy.minimumLength", key: "passwordPolicy", value: "{minimumLength: 12}"),
        Probe(path: "adminCreateUser.allowAdminCreateUserOnly", key: "adminCreateUser", value: "{allowAdminCreateUserOnly: true}"),
        Probe(path: "accountRecovery", key: "accountRecovery", value: "[verified_email]"),
        Probe(path: "deletionProtection", key: "deletionProtection", value: "false"),
        Probe(path: "customAttributes.maxLength", key: "customAttributes",
              value: "[{name: tenant, type: String, mutable: true, minLength: 1, maxLength: 32}]"),
    ]

    /// The catalog field at `path` below UserPool's spec.
    static func field(_ path: String) throws -> FieldSpec {
        var fields = FieldCatalog.spec(for: .userPool)
        var found: FieldSpec?
        for name in path.split(separator: ".") {
            found = try #require(fields.first { $0.name == name })
            fields = found?.type.children ?? []
        }
        return try #require(found)
    }

    /// Mutable: an update; immutable: refused by default and replaced under Recreate.
    @Test(arguments: probes)
    func theUserPoolPlanDoesWhatTheCatalogSays(_ probe: Probe) throws {
        typealias F = UserPoolFixtures
        let pool = try F.pool(for: F.yaml())
        let change = try F.plan(F.yaml(spec: [probe.key: probe.value]), live: .owned(pool))
        let recreate = try F.plan(F.yaml(spec: [probe.key: probe.value], policy: "onImmutableChange: Recreate"),
                                  live: .owned(pool))
        switch try Self.field(probe.path).mutability {
        case .mutable:
            #expect(change.action == .update)
            #expect(recreate.action == .update)
        case .immutable:
            #expect(change.action == .refuse)
            #expect(recreate.action == .replace)
        case let other:
            Issue.record("no expectation for \(String(describing: other))")
        }
    }
}

extension UserPoolFields {
    /// The fields of the fixture's manifest.
    static func fromFixture() throws -> UserPoolFields? {
        guard case let .userPool(spec) = try UserPoolFixtures.manifest(UserPoolFixtures.yaml()).spec else { return nil }
        return UserPoolFields(spec: spec, sms: nil)
    }
}
