import Testing
@testable import Reconciler

/// The ownership tags and what they say about whose a resource is (`TagClaim`, `LiveState.choosing`).
@Suite("Ownership tags")
struct OwnershipTagsTests {
    static let pool = ResourceAddress(kind: .userPool, name: "main")

    @Test("the tags carry the owner only when the manifest set has one")
    func tagsWithAndWithoutOwner() {
        #expect(OwnershipTags.tags(for: Self.pool, owner: nil)
                    == ["smsauth:managed-by": "smsauth", "smsauth:resource": "UserPool/main"])
        #expect(OwnershipTags.tags(for: Self.pool, owner: "team-a")
                    == ["smsauth:managed-by": "smsauth", "smsauth:resource": "UserPool/main", "smsauth:owner": "team-a"])
    }

    static let claims: [(String?, String?, TagClaim)] = [
        (nil, nil, .mine), ("team-a", "team-a", .mine), (nil, "team-a", .legacy),
        ("team-b", "team-a", .otherOwner("team-b")), ("team-b", nil, .otherOwner("team-b")),
    ]

    @Test("an owner tag is mine, legacy or another owner's", arguments: claims)
    func claimByOwnerTag(ownerTag: String?, runOwner: String?, expected: TagClaim) {
        var tags = OwnershipTags.tags(for: Self.pool, owner: nil)
        tags[OwnershipTags.ownerKey] = ownerTag
        #expect(OwnershipTags.claim(tags, as: Self.pool, owner: runOwner) == expected)
    }

    /// A read target renamed from `main` in an earlier run whose rename was held: its own address's tags claim as
    /// they always do; the former address's only when they are the run's owner's.
    static let formerClaims: [(String, String?, String?, TagClaim?)] = [
        ("UserPool/main-v2", "team-b", "team-a", .otherOwner("team-b")),
        ("UserPool/main", "team-a", "team-a", .mine), ("UserPool/main", nil, nil, .mine),
        ("UserPool/main", nil, "team-a", nil), ("UserPool/main", "team-b", "team-a", nil),
        ("UserPool/other", "team-a", "team-a", nil),
    ]

    @Test("a former address's tags claim only for the run's owner", arguments: formerClaims)
    func formerAddressClaims(resource: String, ownerTag: String?, runOwner: String?, expected: TagClaim?) throws {
        var status = ResourceStatus(kind: .userPool, name: "main-v2", specHash: "h")
        status.renamedFrom = Self.pool
        let target = ReadTarget(address: ResourceAddress(kind: .userPool, name: "main-v2"), desired: nil, status: status,
                                region: "eu-west-1", formerAddress: Self.pool)
        var tags = [OwnershipTags.managedByKey: OwnershipTags.managedByValue, OwnershipTags.resourceKey: resource]
        tags[OwnershipTags.ownerKey] = ownerTag
        #expect(OwnershipTags.claim(tags, as: target, owner: runOwner) == expected)
        #expect(OwnershipTags.marks(tags, as: target) == (resource != "UserPool/other"))
    }

    @Test("tags of another address, or without managed-by, claim nothing")
    func otherAddressesClaimNothing() {
        let other = OwnershipTags.tags(for: ResourceAddress(kind: .userPool, name: "other"), owner: "team-a")
        #expect(OwnershipTags.claim(other, as: Self.pool, owner: "team-a") == nil)
        #expect(OwnershipTags.claim(["smsauth:resource": "UserPool/main"], as: Self.pool, owner: nil) == nil)
        #expect(OwnershipTags.claim([:], as: Self.pool, owner: nil) == nil)
    }

    /// `classified`'s answer in short: `otherOwner OWNER`, `foreign`, or the state itself.
    static func classification(_ tags: [String: String], owner: String?) -> String {
        switch LiveState.classified("role", tags: tags, as: .bare(pool), owner: owner) {
        case .otherOwner(_, let found): "otherOwner \(found)"
        case .foreign: "foreign"
        case let other: "\(other)"
        }
    }

    @Test("a resource found by its identity that another owner manages is that owner's, whatever address it is tagged for")
    func anotherOwnersResourceUnderAnotherAddressIsNeverForeign() {
        let elsewhere = OwnershipTags.tags(for: ResourceAddress(kind: .smsRole, name: "theirs"), owner: "team-b")
        #expect(Self.classification(elsewhere, owner: "team-a") == "otherOwner team-b")
        #expect(Self.classification(elsewhere, owner: nil) == "otherOwner team-b")
        let ownElsewhere = OwnershipTags.tags(for: ResourceAddress(kind: .smsRole, name: "mine"), owner: "team-a")
        #expect(Self.classification(ownElsewhere, owner: "team-a") == "foreign")
        #expect(Self.classification(["Team": "x", "smsauth:owner": "team-b"], owner: "team-a") == "foreign",
                "without managed-by, smsauth does not manage it")
        #expect(OwnershipTags.otherOwner(of: elsewhere, owner: "team-b") == nil)
    }

    /// A candidate pool with `owner`'s tags (no owner tag when nil).
    static func candidate(_ id: String, owner: String?) -> (live: String, id: String, tags: [String: String]) {
        (id, id, OwnershipTags.tags(for: pool, owner: owner))
    }

    /// The state `choosing` gives, as text for comparison.
    static func choose(_ candidates: [(live: String, id: String, tags: [String: String])], owner: String?) -> String {
        switch LiveState.choosing(candidates, as: .bare(pool), owner: owner) {
        case .absent: "absent"
        case .owned(let id): "owned \(id)"
        case .foreign(let id): "foreign \(id)"
        case .legacy(let id): "legacy \(id)"
        case let .otherOwner(id, owner): "otherOwner \(id) \(owner)"
        case .duplicate(let ids): "duplicate \(ids.joined(separator: ","))"
        }
    }

    @Test("this owner's one resource wins over legacy and other owners' ones")
    func ownedWins() {
        let candidates = [Self.candidate("p3", owner: "team-b"), Self.candidate("p2", owner: nil),
                          Self.candidate("p1", owner: "team-a")]
        #expect(Self.choose(candidates, owner: "team-a") == "owned p1")
    }

    @Test("several resources of this owner are a duplicate naming every id, never the lowest one")
    func duplicatesAreErrors() {
        let candidates = [Self.candidate("p2", owner: "team-a"), Self.candidate("p1", owner: "team-a"),
                          Self.candidate("p3", owner: "team-b")]
        #expect(Self.choose(candidates, owner: "team-a") == "duplicate p1,p2")
        #expect(Self.choose([Self.candidate("p9", owner: nil), Self.candidate("p8", owner: nil)], owner: nil)
                    == "duplicate p8,p9")
        #expect(Self.choose([Self.candidate("p9", owner: nil), Self.candidate("p8", owner: nil)], owner: "team-a")
                    == "duplicate p8,p9", "two legacy candidates cannot both be claimed")
    }

    @Test("without one of this owner's, a legacy resource is claimable, else another owner's is reported")
    func legacyThenOtherOwner() {
        #expect(Self.choose([Self.candidate("p1", owner: "team-b"), Self.candidate("p2", owner: nil)], owner: "team-a")
                    == "legacy p2")
        #expect(Self.choose([Self.candidate("p1", owner: "team-b")], owner: "team-a") == "otherOwner p1 team-b")
        #expect(Self.choose([Self.candidate("p1", owner: "team-b")], owner: nil) == "otherOwner p1 team-b")
        #expect(Self.choose([], owner: "team-a") == "absent")
    }

    @Test("a single resource is classified by its tags; untagged is foreign")
    func classified() {
        let tagged = OwnershipTags.tags(for: Self.pool, owner: "team-b")
        guard case .otherOwner(_, "team-b") = LiveState.classified("p", tags: tagged, as: .bare(Self.pool), owner: "team-a") else {
            Issue.record("another owner's tags must classify as otherOwner")
            return
        }
        guard case .foreign = LiveState.classified("p", tags: ["Team": "x"], as: .bare(Self.pool), owner: "team-a") else {
            Issue.record("a resource without smsauth's tags must be foreign")
            return
        }
    }
}

/// What a rename writes: only the ownership tags, when its plan changes nothing else (`WriteAction.retag`).
@Suite struct RenameRetagTests {
    static let address = ResourceAddress(kind: .smsRole, name: "sender")
    static let old = ["Team": "Ops", "smsauth:managed-by": "smsauth", "smsauth:resource": "SmsRole/cognito-sms"]

    /// A `tags` map change from `old` to `new`.
    static func tags(_ old: [String: String], _ new: [String: String]) -> FieldChange {
        FieldChange(path: "tags", before: .map(old.mapValues(PlanValue.string)), after: .map(new.mapValues(PlanValue.string)))
    }

    @Test func theMissingOwnershipTagsAreTheOnesAbsentOrDifferent() {
        #expect(OwnershipTags.missing(from: Self.old, for: Self.address, owner: "team-a")
                == ["smsauth:resource": "SmsRole/sender", "smsauth:owner": "team-a"])
        #expect(OwnershipTags.missing(from: OwnershipTags.tags(for: Self.address, owner: nil), for: Self.address, owner: nil)
                .isEmpty)
    }

    @Test func aTagChangeIsOwnershipOnlyWhenEveryOtherKeyKeepsItsValue() {
        let retagged = Self.old.merging(["smsauth:resource": "SmsRole/sender"]) { $1 }
        #expect(OwnershipTags.changesOnlyOwnership(Self.tags(Self.old, retagged)))
        #expect(!OwnershipTags.changesOnlyOwnership(Self.tags(Self.old, retagged.merging(["Team": "Dev"]) { $1 })))
        #expect(!OwnershipTags.changesOnlyOwnership(Self.tags(Self.old, retagged.filter { $0.key != "Team" })))
        #expect(OwnershipTags.changesOnlyOwnership(FieldChange(path: OwnershipTags.resourceTagPath, before: .string("a"),
                                                               after: .string("b"))))
        #expect(!OwnershipTags.changesOnlyOwnership(FieldChange(path: "description", before: .string("a"),
                                                                after: .string("b"))))
    }

    @Test func ownershipOnlyKeepsTheOtherTagsAsTheyAre() {
        let wanted = ["Team": "Dev", "smsauth:managed-by": "smsauth", "smsauth:resource": "SmsRole/sender"]
        let narrowed = OwnershipTags.ownershipOnly(Self.tags(Self.old, wanted))
        #expect(narrowed == Self.tags(Self.old, Self.old.merging(["smsauth:resource": "SmsRole/sender"]) { $1 }))
        let other = FieldChange(path: "description", before: .string("a"), after: .string("b"))
        #expect(OwnershipTags.ownershipOnly(other) == other)
    }

    @Test func aRenameChangingOnlyOwnershipTagsIsARetag() throws {
        let retag = Self.tags(Self.old, Self.old.merging(["smsauth:resource": "SmsRole/sender"]) { $1 })
        let rename = { (fields: [FieldChange]) throws -> WriteAction? in
            WriteAction(try ResourceChange(address: Self.address, action: .rename, fieldChanges: fields))
        }
        #expect(try rename([retag]) == .retag)
        #expect(try rename([]) == .retag)
        #expect(try rename([retag, FieldChange(path: "description", before: .string("a"), after: .string("b"))]) == .rename)
        #expect(WriteAction(try ResourceChange(address: Self.address, action: .update, fieldChanges: [retag])) == .update)
        #expect(WriteAction(try ResourceChange(address: Self.address, action: .noop)) == nil)
    }
}
