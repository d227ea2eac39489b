import Testing
@testable import Reconciler

/// What counts as drift in a change: the fields a status file records and the controller's drift metric counts.
@Suite struct DriftTests {
    static let role = ResourceAddress(kind: .smsRole, name: "role-v2")
    static let old = ResourceAddress(kind: .smsRole, name: "role")

    /// A removed-manifest target whose status records the last reconciled spec (so its fields can be drift).
    static let target = ReadTarget(address: role, desired: nil, status: ResourceStatus(kind: .smsRole, name: "role-v2",
                                                                                        specHash: "h"), region: nil)

    static func tags(_ resource: String, team: String) -> PlanValue {
        .map(["smsauth:managed-by": .string("smsauth"), "smsauth:resource": .string(resource), "Team": .string(team)])
    }

    /// A suspended rename shows the ownership tags it would write: they are the rename's, not drift; a tag changed
    /// by hand next to them still is.
    @Test(arguments: [
        (ResourceAddress?.some(old), "Dev", [String]()),
        (.some(old), "Ops", ["tags"]),
        (.none, "Dev", ["tags"]),
    ])
    func aSuspendedRenamesOwnershipTagsAreNotDrift(previous: ResourceAddress?, liveTeam: String, drift: [String]) throws {
        let change = try ResourceChange(
            address: Self.role, action: .suspended,
            fieldChanges: [FieldChange(path: "tags", before: Self.tags("SmsRole/role", team: liveTeam),
                                       after: Self.tags("SmsRole/role-v2", team: "Dev"))],
            reason: "suspended (policy.suspend: true)", previousAddress: previous)
        #expect(Drift.fields(of: change, target: Self.target).map(\.path) == drift)
    }

    @Test func aSuspendedRenamesResourceTagPathIsNotDrift() throws {
        let change = try ResourceChange(
            address: Self.role, action: .suspended,
            fieldChanges: [FieldChange(path: OwnershipTags.resourceTagPath, before: .string("SmsRole/role"),
                                       after: .string("SmsRole/role-v2"))],
            reason: "suspended (policy.suspend: true)", previousAddress: Self.old)
        #expect(Drift.fields(of: change, target: Self.target).isEmpty)
    }
}
