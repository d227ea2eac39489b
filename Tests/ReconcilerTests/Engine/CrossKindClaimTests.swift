import AWSServices
import Manifests
import Testing
@testable import Reconciler

/// IAM role names are one namespace for both role kinds: a removed SmsRole whose role a current SmsLogRole names
/// (or the other way round) is claimed, so it is released, never deleted and never renamed across kinds.
@Suite struct CrossKindClaimTests {
    static let removed = ResourceAddress(kind: .smsRole, name: "r")
    static let current = ResourceAddress(kind: .smsLogRole, name: "r")

    /// An SmsLogRole manifest naming `roleName`.
    static func logRole(_ roleName: String) throws -> DesiredResource {
        let text = "apiVersion: smsauth/v1\nkind: SmsLogRole\nmetadata: {name: r}\nspec: {roleName: \(roleName)}\n"
        let manifest = try #require(ManifestLoader().load(text: text, file: "logs.yaml").manifests.first)
        return DesiredResource(manifest: manifest, region: nil, dependencies: [])
    }

    @Test func eitherRoleKindClaimsTheRoleOfItsName() throws {
        let live = try SmsRoleFixtures.live(try SmsRoleFixtures.role(name: "shared-role"))
        #expect(SmsRoleHandler().claims(try Self.logRole("shared-role"), live: live, references: [:]))
        #expect(SmsRoleHandler().claims(try Self.logRole("Shared-Role"), live: live, references: [:]),
                "IAM role names are unique whatever their case")
        #expect(!SmsRoleHandler().claims(try Self.logRole("other-role"), live: live, references: [:]))
        let logLive = SmsLogRoleLive(role: try SmsRoleFixtures.role(name: "cognito-sms-role"), deliveryLogsPolicy: nil)
        let smsRole = try SmsRoleFixtures.desired(SmsRoleFixtures.fullSpec.merging(["roleName": "cognito-sms-role"]) { $1 })
        #expect(SmsLogRoleHandler().claims(smsRole, live: logLive, references: [:]))
    }

    @Test func aRemovedRoleNamedByAManifestOfTheOtherKindIsReleasedNotRenamed() throws {
        let role = try SmsRoleFixtures.role(name: "shared-role")
        let found = Observation(LiveState.owned(try SmsRoleFixtures.live(role)), outputs: SmsRoleHandler().outputs(of:),
                                phase: { _ in .ready })
        let foreign = Observation(LiveState.foreign(SmsLogRoleLive(role: role, deliveryLogsPolicy: nil)),
                                  outputs: SmsLogRoleHandler().outputs(of:), phase: { _ in .ready })
        let targets = [
            Self.removed: ReadTarget(address: Self.removed, desired: nil, status: nil, region: nil),
            Self.current: ReadTarget(address: Self.current, desired: try Self.logRole("shared-role"), status: nil, region: nil),
        ]
        let resolution = RenameResolver(registry: .standard).resolve(
            targets: targets, observations: [Self.removed: .success(found), Self.current: .success(foreign)], references: [:])
        #expect(resolution.renamed.isEmpty)
        #expect(resolution.claimed == [Self.removed: [Self.current]])
    }
}
