import AWSCore
import AWSServices
import Manifests
import Testing
import TestSupport
@testable import Reconciler

/// OriginationIdentity against the emulator: PENDING → ACTIVE, noop second plan, updates, the crash-after-request
/// re-run, and a release guarded by deletion protection. Serialized: the activation delay is global emulator state.
@Suite("OriginationIdentity end to end", .serialized, .timeLimit(.minutes(8)))
struct OriginationIdentityEndToEndTests {
    let handler = OriginationIdentityHandler()

    /// A toll-free number manifest named `name`.
    static func yaml(_ name: String, protection: Bool) -> String {
        OriginationFixtures.numberYAML(name, extra: OriginationFixtures.registration
                                       + "\n  deletionProtection: \(protection)\n  purchaseApproved: true\n  tags: {Team: Dev}")
    }

    @Test("request → PENDING → ACTIVE, second plan noop, update, release refused while protected, then released")
    func lifecycle() async throws {
        try await EmulatorClockLock.shared.run {
            let aws = try await OriginationEmulator.make()
            let name = OriginationEmulator.unique("num")
            let address = ResourceAddress(kind: .originationIdentity, name: name)
            let desired = try OriginationFixtures.desired(Self.yaml(name, protection: true))
            let (input, change) = try await aws.readAndPlan(handler, desired, address: address)
            #expect(change.action == .create)
            #expect(change.warnings == ["requests a new TOLL_FREE number in US: billed monthly"])

            try await aws.setActivationDelay(600)
            let outputs: [String: String]
            do {
                outputs = try await handler.apply(change, input: input, context: aws.applyContext())
                try await aws.setActivationDelay(0)
            } catch {
                try await aws.setActivationDelay(0)
                throw error
            }
            let id = try #require(outputs["id"])
            #expect(outputs["arn"]?.hasSuffix("phone-number/\(id)") == true && outputs["region"] == "us-east-1")
            #expect(outputs["phoneNumber"]?.hasPrefix("+18") == true)

            let (pendingInput, pendingPlan) = try await aws.readAndPlan(handler, desired, address: address)
            let pendingLive = try #require(pendingInput.live.value)
            #expect(handler.phase(of: pendingLive) == .pending("number is being provisioned (PENDING)"))
            #expect(pendingPlan.action == .noop)

            try await aws.advanceClock(seconds: 600)
            let (activeInput, activePlan) = try await aws.readAndPlan(handler, desired, address: address)
            #expect(handler.phase(of: try #require(activeInput.live.value)) == .ready)
            #expect(activePlan.action == .noop)

            let (removedInput, removedPlan) = try await aws.readAndPlan(
                handler, nil, address: address, status: Self.status(name, outputs), deletePolicy: .delete)
            #expect(removedPlan.action == .refuse && removedPlan.reason?.contains("deletion protection is on") == true)
            #expect(removedInput.live.value?.identity.id == id)

            let unprotected = try OriginationFixtures.desired(Self.yaml(name, protection: false))
            let (updateInput, update) = try await aws.readAndPlan(handler, unprotected, address: address)
            #expect(update.action == .update && update.fieldChanges.map(\.path) == ["deletionProtection"])
            _ = try await handler.apply(update, input: updateInput, context: aws.applyContext())
            let described = try await aws.sms.describePhoneNumbers(ids: [id])
            #expect(described.first?["DeletionProtectionEnabled"]?.boolValue == false)
            let (_, again) = try await aws.readAndPlan(handler, unprotected, address: address)
            #expect(again.action == .noop)

            let (deleteInput, delete) = try await aws.readAndPlan(
                handler, nil, address: address, status: Self.status(name, outputs), deletePolicy: .delete)
            #expect(delete.action == .delete)
            _ = try await handler.apply(delete, input: deleteInput, context: aws.applyContext())
            await #expect(throws: AWSError.self) { try await aws.sms.describePhoneNumbers(ids: [id]) }
        }
    }

    @Test("a crash after the request and a re-run without status (also two at once) buy exactly one number")
    func crashAfterRequest() async throws {
        let aws = try await OriginationEmulator.make()
        let name = OriginationEmulator.unique("crash")
        let address = ResourceAddress(kind: .originationIdentity, name: name)
        let desired = try OriginationFixtures.desired(Self.yaml(name, protection: false))
        let (input, change) = try await aws.readAndPlan(handler, desired, address: address)
        #expect(change.action == .create)
        let first = try await handler.apply(change, input: input, context: aws.applyContext())
        async let second = handler.apply(change, input: input, context: aws.applyContext())
        async let third = handler.apply(change, input: input, context: aws.applyContext())
        let rerun = try await [second, third]
        #expect(rerun.allSatisfy { $0["id"] == first["id"] })

        var ours: [String] = []
        for number in try await aws.sms.describePhoneNumbers() {
            guard let arn = number["PhoneNumberArn"]?.stringValue, let id = number["PhoneNumberId"]?.stringValue else { continue }
            if OwnershipTags.marks(try await aws.sms.listTagsForResource(arn: arn) ?? [:], as: address) { ours.append(id) }
        }
        #expect(ours == [try #require(first["id"])])
        let (_, replan) = try await aws.readAndPlan(handler, desired, address: address)
        #expect(replan.action == .noop)
        _ = try await aws.sms.releasePhoneNumber(id: try #require(first["id"]))
    }

    /// AWS remembers a ClientToken for a while and answers a repeated request with what it bought, also once that
    /// number is released: a manifest re-applied soon after its number was released gets that DELETED number back,
    /// which is reported (nothing is bought); once the token has expired (24 h on the emulator clock) a new one is.
    @Test("a number released and requested again with the same ClientToken is reported, not bought twice")
    func requestAgainAfterRelease() async throws {
        try await EmulatorClockLock.shared.run {
            let aws = try await OriginationEmulator.make()
            let name = OriginationEmulator.unique("again")
            let address = ResourceAddress(kind: .originationIdentity, name: name)
            let desired = try OriginationFixtures.desired(Self.yaml(name, protection: false))
            let (input, change) = try await aws.readAndPlan(handler, desired, address: address)
            let first = try #require(try await handler.apply(change, input: input, context: aws.applyContext())["id"])
            _ = try await aws.sms.releasePhoneNumber(id: first)

            let (again, create) = try await aws.readAndPlan(handler, desired, address: address)
            #expect(create.action == .create)
            let error = await #expect(throws: OriginationIdentityError.self) {
                try await handler.apply(create, input: again, context: aws.applyContext())
            }
            #expect(error?.code == "originationIdentity.releasedByToken")
            #expect(error?.description.contains("already released") == true)
            let requests = try await aws.emulator.calls(accessKeyId: aws.principal.accessKeyId).filter { $0.operation == "RequestPhoneNumber" }
            #expect(requests.map(\.status) == [200, 200])

            try await aws.advanceClock(seconds: 24 * 3600)
            let (later, buy) = try await aws.readAndPlan(handler, desired, address: address)
            let second = try #require(try await handler.apply(buy, input: later, context: aws.applyContext())["id"])
            #expect(second != first)
            _ = try await aws.sms.releasePhoneNumber(id: second)
        }
    }

    /// How the ownership tags of a recorded number were changed by hand.
    enum TagEdit: String, CaseIterable, Sendable {
        /// Every ownership tag removed.
        case removed
        /// `smsauth:resource` removed, `smsauth:managed-by` kept.
        case resourceRemoved
        /// `smsauth:resource` naming another manifest (as another manifest's `spec.adopt` leaves it).
        case otherManifest
    }

    /// The number a status file records, found without this manifest's ownership tags (removed or changed by hand,
    /// or taken by another manifest), is foreign: refused until `spec.adopt` names it. It was read as absent, so the
    /// plan bought a second number (the ClientToken answered the same number for 24 hours; after that a new one was
    /// bought); with `smsauth:managed-by` still on it, until this fix too.
    @Test("a recorded number without this manifest's tags is refused as foreign, never bought again",
          arguments: TagEdit.allCases)
    func aRecordedNumberWithoutItsTagsIsNotBoughtAgain(edit: TagEdit) async throws {
        let aws = try await OriginationEmulator.make()
        let name = OriginationEmulator.unique("untagged")
        let address = ResourceAddress(kind: .originationIdentity, name: name)
        let desired = try OriginationFixtures.desired(Self.yaml(name, protection: false))
        let (input, change) = try await aws.readAndPlan(handler, desired, address: address)
        let outputs = try await handler.apply(change, input: input, context: aws.applyContext())
        let id = try #require(outputs["id"]), arn = try #require(outputs["arn"])
        switch edit {
        case .removed: try await aws.sms.untagResource(arn: arn, keys: Array(OwnershipTags.keys))
        case .resourceRemoved: try await aws.sms.untagResource(arn: arn, keys: [OwnershipTags.resourceKey])
        case .otherManifest:
            try await aws.sms.tagResource(arn: arn, tags: [OwnershipTags.resourceKey: "OriginationIdentity/\(name)-other"])
        }

        let (again, plan) = try await aws.readAndPlan(handler, desired, address: address, status: Self.status(name, outputs))
        #expect(plan.action == .refuse, "\(plan.action): \(plan.reason ?? "")")
        #expect(plan.reason?.contains("set spec.adopt to its id or ARN to manage it") == true, "\(plan.reason ?? "")")
        #expect(again.live.value?.identity.id == id)
        _ = try await aws.sms.releasePhoneNumber(id: id)
    }

    /// A rename takes along the identities a replacement has still to release (`superseded`): their ownership tags
    /// name the new manifest too, so a later run finds them its own and releases them. Before, only the current
    /// identity was re-tagged, and the superseded one was never released (a number billed monthly); and the removed
    /// name's read took the first listed identity as current.
    @Test func aRenameRetagsTheSupersededIdentities() async throws {
        let aws = try await OriginationEmulator.make()
        let (oldName, newName) = (OriginationEmulator.unique("before"), OriginationEmulator.unique("after"))
        let old = ResourceAddress(kind: .originationIdentity, name: oldName)
        let new = ResourceAddress(kind: .originationIdentity, name: newName)
        var numbers: [[String: String]] = []
        // The superseded number is bought (and listed) first: the removed name's read takes as current the one its
        // status records, not the first listed (a rename is paired by the current one's fields).
        for name in [OriginationEmulator.unique("first"), oldName] {
            let address = ResourceAddress(kind: .originationIdentity, name: name)
            let desired = try OriginationFixtures.desired(Self.yaml(name, protection: false))
            let (input, change) = try await aws.readAndPlan(handler, desired, address: address)
            numbers.append(try await handler.apply(change, input: input, context: aws.applyContext()))
        }
        let superseded = numbers[0], current = numbers[1]
        let supersededArn = try #require(superseded["arn"])
        try await aws.sms.tagResource(arn: supersededArn, tags: OwnershipTags.tags(for: old, owner: nil))
        let status = Self.status(oldName, current.merging([OriginationIdentityHandler.supersedesKey: supersededArn]) { $1 })
        let (removed, _) = try await aws.readAndPlan(handler, nil, address: old, status: status)
        #expect(removed.live.value?.identity.arn == current["arn"])
        #expect(removed.live.value?.superseded.map(\.arn) == [supersededArn])

        let desired = try OriginationFixtures.desired(Self.yaml(newName, protection: false))
        let input = PlanInput(address: new, desired: desired, live: removed.live, status: status, references: [:],
                              dependencyActions: [:], deletePolicy: .retain, options: removed.options)
        let rename = try ResourceChange(
            address: new, action: .rename,
            fieldChanges: [FieldChange(path: OwnershipTags.resourceTagPath, before: .string(old.description),
                                       after: .string(new.description))],
            previousAddress: old)
        _ = try await handler.apply(rename, input: input, context: aws.applyContext())
        for arn in [try #require(current["arn"]), supersededArn] {
            #expect(try await aws.sms.listTagsForResource(arn: arn)?[OwnershipTags.resourceKey] == new.description, "\(arn)")
        }
        for id in [current["id"], superseded["id"]].compactMap({ $0 }) { _ = try await aws.sms.releasePhoneNumber(id: id) }
    }

    /// A status file recording `outputs`.
    static func status(_ name: String, _ outputs: [String: String]) -> ResourceStatus {
        ResourceStatus(kind: .originationIdentity, name: name, specHash: "test", resource: outputs)
    }
}
