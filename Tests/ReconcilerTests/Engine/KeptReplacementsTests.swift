import AWSServices
import Manifests
import Testing
@testable import Reconciler

/// A role replaced new-first whose old role another manifest names (either role kind, by `roleName` or `adopt`,
/// whatever the case) is kept, not retired.
@Suite struct KeptReplacementsTests {
    static let replaced = ResourceAddress(kind: .smsRole, name: "sms")

    /// The observation of the old role, `old-role`, as its replacement's read found it.
    static func oldRole(_ presence: (SmsRoleLive) -> LiveState<SmsRoleLive> = { .owned($0) }) throws -> Observation {
        Observation(presence(try SmsRoleFixtures.live(try SmsRoleFixtures.role(name: "old-role"))),
                    outputs: SmsRoleHandler().outputs(of:), phase: { _ in .ready })
    }

    /// A change of the replaced role with `action`.
    static func change(_ action: ChangeAction) throws -> ResourceChange {
        try ResourceChange(address: replaced, action: action, reason: "roleName changed")
    }

    /// The claimants among `manifests` of the old role replaced by `change`.
    static func claimants(_ change: ResourceChange, _ manifests: [DesiredResource],
                          observation: Observation? = nil) throws -> [ResourceAddress] {
        KeptReplacements.claimants(of: change, observation: try observation ?? oldRole(), manifests: manifests,
                                   registry: .standard, references: [:])
    }

    @Test(arguments: ["old-role", "OLD-ROLE"])
    func aManifestOfEitherRoleKindNamingTheOldRoleKeepsIt(name: String) throws {
        let logRole = try CrossKindClaimTests.logRole(name)
        #expect(try Self.claimants(try Self.change(.replace), [logRole]) == [logRole.address])
        let smsRole = try SmsRoleFixtures.desired(SmsRoleFixtures.fullSpec.merging(["roleName": name, "adopt": name]) { $1 },
                                                  name: "adopter")
        #expect(try Self.claimants(try Self.change(.replace), [smsRole, logRole]) == [smsRole.address, logRole.address].sorted())
    }

    @Test func theReplacedManifestItselfAndOtherNamesDoNotKeepIt() throws {
        let own = try SmsRoleFixtures.desired(SmsRoleFixtures.fullSpec.merging(["roleName": "old-role"]) { $1 }, name: "sms")
        #expect(try Self.claimants(try Self.change(.replace), [own, try CrossKindClaimTests.logRole("new-role")]).isEmpty)
    }

    @Test(arguments: [ChangeAction.update, .delete, .rename])
    func onlyAReplacementKeepsAnything(action: ChangeAction) throws {
        #expect(try Self.claimants(try Self.change(action), [try CrossKindClaimTests.logRole("old-role")]).isEmpty)
    }

    @Test func anOldRoleThatIsNotTheReplacementsOwnIsNotKeptForAnyone() throws {
        let foreign = try Self.oldRole { .foreign($0) }
        #expect(try Self.claimants(try Self.change(.replace), [try CrossKindClaimTests.logRole("old-role")],
                                   observation: foreign).isEmpty)
    }

    @Test func theReasonNamesTheOldRoleAndItsClaimants() throws {
        let change = try KeptReplacements.keeping(try Self.change(.replace), observation: try Self.oldRole(),
                                                  for: [ResourceAddress(kind: .smsLogRole, name: "logs")])
        let arn = try #require(try Self.oldRole().outputs["arn"])
        #expect(change.reason == "roleName changed; the old one (\(arn)) is kept, not deleted: SmsLogRole/logs names it")
        #expect(change.action == .replace)
    }
}
