import Manifests
import Testing
@testable import Reconciler

/// A target's read starts as soon as the resources that find it are read: an app client when its pool is, not when
/// every pool is; everything else at once.
@Suite struct ReadScheduleTests {
    /// Two pools with a client each, an MFA policy on the first, and an SMS role.
    static let text = """
        apiVersion: smsauth/v1
        kind: SmsRole
        metadata: {name: role}
        spec: {roleName: cognito-sms, externalId: 7f1c8a52-3c59-4a8e-9d2e-5b1f0c2d9a11}
        ---
        apiVersion: smsauth/v1
        kind: UserPool
        metadata: {name: a}
        spec: {poolName: A, smsRole: role}
        ---
        apiVersion: smsauth/v1
        kind: UserPool
        metadata: {name: b}
        spec: {poolName: B}
        ---
        apiVersion: smsauth/v1
        kind: AppClient
        metadata: {name: a-web}
        spec: {userPool: a, clientName: web}
        ---
        apiVersion: smsauth/v1
        kind: AppClient
        metadata: {name: a-ios}
        spec: {userPool: a, clientName: ios}
        ---
        apiVersion: smsauth/v1
        kind: AppClient
        metadata: {name: b-web}
        spec: {userPool: b, clientName: web}
        ---
        apiVersion: smsauth/v1
        kind: MfaPolicy
        metadata: {name: a-mfa}
        spec: {userPool: a, mode: "OFF"}
        """

    static func address(_ kind: ResourceKind, _ name: String) -> ResourceAddress { ResourceAddress(kind: kind, name: name) }

    /// Read targets of the manifests named (every one when `names` is nil).
    static func targets(_ names: Set<String>? = nil) throws -> [ReadTarget] {
        let desired = try DesiredState(load: EngineFixtures.load(text), defaultRegion: "eu-west-1")
        return desired.resources.values.filter { names?.contains($0.address.name) ?? true }.map {
            ReadTarget(address: $0.address, desired: $0, status: nil, region: $0.region)
        }
    }

    /// The started targets by kind.
    static func started(_ batches: [(kind: ResourceKind, targets: [ReadTarget])]) -> [ResourceKind: [String]] {
        Dictionary(uniqueKeysWithValues: batches.map { ($0.kind, $0.targets.map(\.address.name)) })
    }

    @Test func whatNothingFindsStartsAtOnceAndAPoolsMembersWhenThatPoolIsRead() throws {
        var schedule = ReadSchedule(try Self.targets())
        #expect(Self.started(schedule.start(idle: true)) == [.smsRole: ["role"], .userPool: ["a", "b"]])
        schedule.known(Self.address(.smsRole, "role"))
        #expect(schedule.start(idle: false).isEmpty, "the members wait for their pools")
        // Pool a read (b still reading): a's two clients in one read, its MFA policy in another; b's client waits.
        schedule.known(Self.address(.userPool, "a"))
        let afterA = schedule.start(idle: false)
        #expect(Self.started(afterA) == [.appClient: ["a-ios", "a-web"], .mfaPolicy: ["a-mfa"]])
        #expect(afterA.map(\.kind) == [.appClient, .mfaPolicy], "kinds in order")
        #expect(!schedule.isEmpty)
        schedule.known(Self.address(.userPool, "a"))
        #expect(schedule.start(idle: false).isEmpty, "known twice starts nothing twice")
        schedule.known(Self.address(.userPool, "b"))
        let afterB = schedule.start(idle: false)
        #expect(Self.started(afterB) == [.appClient: ["b-web"]])
        #expect(schedule.isEmpty)
    }

    @Test func aMemberWhosePoolIsNotReadInThisPassStartsAtOnce() throws {
        var schedule = ReadSchedule(try Self.targets(["a-web", "role"]))
        #expect(Self.started(schedule.start(idle: false)) == [.smsRole: ["role"], .appClient: ["a-web"]])
        #expect(schedule.isEmpty)
    }

    /// A removed client, known only from its status, waits for every pool of the pass (its own pool, removed too, is
    /// described by the UserPool read, whose answer the member reads reuse); with no pool read it starts at once.
    @Test func aRemovedResourceKnownOnlyFromStatusWaitsForEveryResourceOfTheKindsThatFindIt() throws {
        let gone = ReadTarget(address: Self.address(.appClient, "gone"), desired: nil, status: nil, region: nil)
        var schedule = ReadSchedule(try Self.targets(["a", "b"]) + [gone])
        #expect(Self.started(schedule.start(idle: true)) == [.userPool: ["a", "b"]])
        schedule.known(Self.address(.userPool, "a"))
        #expect(schedule.start(idle: false).isEmpty)
        schedule.known(Self.address(.userPool, "b"))
        #expect(Self.started(schedule.start(idle: false)) == [.appClient: ["gone"]])
        var alone = ReadSchedule([gone])
        #expect(Self.started(alone.start(idle: false)) == [.appClient: ["gone"]])
    }

    /// A read that ends without ever delivering a pool (none is running any more) does not leave its members unread.
    @Test func whenNothingIsRunningTheWaitingTargetsStartWithoutTheirPool() throws {
        var schedule = ReadSchedule(try Self.targets(["a", "a-web"]))
        #expect(Self.started(schedule.start(idle: true)) == [.userPool: ["a"]])
        #expect(schedule.start(idle: false).isEmpty)
        #expect(Self.started(schedule.start(idle: true)) == [.appClient: ["a-web"]])
        #expect(schedule.isEmpty)
    }

    /// Numbers, read together with one DescribePhoneNumbers per region, wait for every Registration (their read
    /// uses the registration's id), also a number that names none, so the region is still listed once.
    @Test func aKindThatWaitsForAWholeKindStartsOnceAllOfItIsRead() throws {
        let text = """
            apiVersion: smsauth/v1
            kind: Registration
            metadata: {name: reg}
            spec: {region: us-east-1, registrationType: US_TOLL_FREE_REGISTRATION}
            ---
            apiVersion: smsauth/v1
            kind: Registration
            metadata: {name: other}
            spec: {region: us-east-1, registrationType: US_TOLL_FREE_REGISTRATION}
            ---
            apiVersion: smsauth/v1
            kind: OriginationIdentity
            metadata: {name: tf}
            spec:
              region: us-east-1
              purchaseApproved: true
              phoneNumber: {isoCountryCode: US, numberType: TOLL_FREE, messageType: TRANSACTIONAL, capabilities: [SMS],
                            registration: reg}
            ---
            apiVersion: smsauth/v1
            kind: OriginationIdentity
            metadata: {name: sender}
            spec:
              region: us-east-1
              senderId: {senderId: MYBRAND, isoCountryCode: GB, messageTypes: [TRANSACTIONAL]}
            """
        let desired = try DesiredState(load: EngineFixtures.load(text), defaultRegion: "us-east-1")
        var schedule = ReadSchedule(desired.resources.values.map {
            ReadTarget(address: $0.address, desired: $0, status: nil, region: $0.region)
        })
        #expect(Self.started(schedule.start(idle: true)) == [.registration: ["other", "reg"]])
        schedule.known(Self.address(.registration, "reg"))
        #expect(schedule.start(idle: false).isEmpty, "a Registration is still being read")
        schedule.known(Self.address(.registration, "other"))
        #expect(Self.started(schedule.start(idle: false)) == [.originationIdentity: ["sender", "tf"]])
    }
}
