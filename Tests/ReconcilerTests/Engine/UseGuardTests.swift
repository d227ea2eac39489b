import Manifests
import Testing
@testable import Reconciler

/// The delete of a removed resource that a current manifest still names directly is blocked (`UseGuard`).
@Suite struct UseGuardTests {
    static let set = ResourceAddress(kind: .configurationSet, name: "events")
    static let outputs = ["name": "signin-events", "region": "us-east-1", "arn": "arn"]

    /// The targets: a pool in `region` naming `named` in `spec.smsConfigurationSet`.
    static func targets(named: String, region: String = "us-east-1") throws -> [ResourceAddress: ReadTarget] {
        let text = """
            apiVersion: smsauth/v1
            kind: UserPool
            metadata: {name: pool}
            spec: {region: \(region), poolName: p, smsRoleArn: "arn:aws:iam::1:role/x", smsExternalId: e,
                   smsService: endUserMessaging, smsConfigurationSet: \(named)}

            """
        let manifest = try #require(ManifestLoader().load(text: text, file: "t.yaml").manifests.first)
        let desired = DesiredResource(manifest: manifest, region: region, dependencies: [])
        return [desired.address: ReadTarget(address: desired.address, desired: desired, status: nil, region: region),
                set: ReadTarget(address: set, desired: nil, status: nil, region: "us-east-1")]
    }

    @Test func theDeleteOfASetAPoolStillNamesIsBlockedNamingThePool() throws {
        let delete = try ResourceChange(address: Self.set, action: .delete)
        let guarded = try UseGuard.guarding(delete, outputs: Self.outputs, targets: try Self.targets(named: "signin-events"))
        #expect(guarded.action == .blocked)
        #expect(guarded.reason == "not deleted: still used by UserPool/pool (spec.smsConfigurationSet: signin-events); "
                + "point them elsewhere first, or restore the manifest with policy.onDelete: Retain")
    }

    @Test func anotherNameOrRegionOrARetainIsLeftAsPlanned() throws {
        let delete = try ResourceChange(address: Self.set, action: .delete)
        #expect(try UseGuard.guarding(delete, outputs: Self.outputs, targets: try Self.targets(named: "other")).action == .delete)
        #expect(try UseGuard.guarding(delete, outputs: Self.outputs,
                                      targets: try Self.targets(named: "signin-events", region: "eu-west-1")).action == .delete)
        let retain = try ResourceChange(address: Self.set, action: .retain)
        #expect(try UseGuard.guarding(retain, outputs: Self.outputs, targets: try Self.targets(named: "signin-events")).action == .retain)
    }

    @Test func theDeleteOfARoleAManifestNamesByArnIsBlocked() throws {
        let role = ResourceAddress(kind: .smsLogRole, name: "logs")
        let arn = "arn:aws:iam::123456789012:role/sns-delivery"
        let text = "apiVersion: smsauth/v1\nkind: SmsAccountSettings\nmetadata: {name: east}\n"
            + "spec: {region: us-east-1, deliveryStatusRoleArn: \"\(arn)\"}\n"
        let manifest = try #require(ManifestLoader().load(text: text, file: "t.yaml").manifests.first)
        let settings = DesiredResource(manifest: manifest, region: "us-east-1", dependencies: [])
        let targets = [settings.address: ReadTarget(address: settings.address, desired: settings, status: nil, region: "us-east-1")]
        let delete = try ResourceChange(address: role, action: .delete)
        let guarded = try UseGuard.guarding(delete, outputs: ["arn": arn, "roleName": "sns-delivery"], targets: targets)
        #expect(guarded.action == .blocked)
        #expect(guarded.reason?.hasPrefix("not deleted: still used by SmsAccountSettings/east (spec.deliveryStatusRoleArn: ") == true)
        let other = try UseGuard.guarding(delete, outputs: ["arn": arn + "-2", "roleName": "sns-delivery-2"], targets: targets)
        #expect(other.action == .delete)
    }

    /// A number to buy names its registration by id (`spec.phoneNumber.registrationId`): while it is not bought yet
    /// no number is associated, so only this guard keeps the removed Registration (and its carrier review) alive.
    @Test func theDeleteOfARegistrationANumberNamesByIdIsBlocked() throws {
        let registration = ResourceAddress(kind: .registration, name: "tollfree")
        let id = "registration-0123456789abcdef0123456789abcdef"
        let number = try OriginationFixtures.desired(OriginationFixtures.numberYAML(extra: OriginationFixtures.registration))
        let targets = [number.address: ReadTarget(address: number.address, desired: number, status: nil, region: "us-east-1")]
        let delete = try ResourceChange(address: registration, action: .delete)
        let guarded = try UseGuard.guarding(delete, outputs: ["id": id, "region": "us-east-1"], targets: targets)
        #expect(guarded.action == .blocked)
        #expect(guarded.reason?.hasPrefix("not deleted: still used by OriginationIdentity/us-tollfree "
                                          + "(spec.phoneNumber.registrationId: \(id))") == true, "\(guarded.reason ?? "")")
        let byArn = try UseGuard.guarding(delete, outputs: ["id": "registration-1", "region": "us-east-1", "arn": id],
                                          targets: targets)
        #expect(byArn.action == .blocked, "the field may hold the ARN instead")
        let other = try UseGuard.guarding(delete, outputs: ["id": "registration-1", "region": "us-east-1"], targets: targets)
        #expect(other.action == .delete)
    }

    /// A replacement that gives a role a new ARN while a manifest names the old ARN directly (`spec.smsRoleArn`, not
    /// `smsRole`) is blocked: the replacement deletes the old role once its dependents moved, and a pool naming it
    /// by ARN is no dependent (it was left naming a deleted role). A replacement keeping the named value is planned.
    @Test func aReplacementThatChangesWhatAManifestNamesByArnIsBlocked() throws {
        let role = ResourceAddress(kind: .smsRole, name: "x")
        let old = "arn:aws:iam::1:role/x"
        let replace = try ResourceChange(address: role, action: .replace, reason: "roleName cannot change")
        let targets = try Self.targets(named: "signin-events")
        let guarded = try UseGuard.guarding(replace, outputs: ["arn": old, "roleName": "x"],
                                            replacedBy: ["arn": "arn:aws:iam::1:role/y", "roleName": "y"], targets: targets)
        #expect(guarded.action == .blocked)
        #expect(guarded.reason?.hasPrefix("not replaced: UserPool/pool (spec.smsRoleArn: \(old)) would keep naming the old one") == true,
                "\(guarded.reason ?? "")")
        let same = try UseGuard.guarding(replace, outputs: ["arn": old], replacedBy: ["arn": old], targets: targets)
        #expect(same.action == .replace)
    }
}
