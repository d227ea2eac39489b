import Manifests
import Testing
@testable import Reconciler

/// Pure plans of OriginationIdentity: purchases, immutable fields, replacement, release guards, pools, adoption.
@Suite("OriginationIdentity plan")
struct OriginationIdentityPlanTests {
    typealias F = OriginationFixtures
    let handler = OriginationIdentityHandler()

    @Test("a purchase is refused without approval and says how to allow it")
    func purchaseRefused() throws {
        let change = try handler.plan(F.input(try F.desired(F.numberYAML()), .absent))
        #expect(change.action == .refuse)
        let reason = try #require(change.reason)
        #expect(reason.contains("requests a new TOLL_FREE number in US: billed monthly"))
        #expect(reason.contains("spec.purchaseApproved: true") && reason.contains("--allow-purchase"))
    }

    @Test("a purchase is allowed by purchaseApproved or --allow-purchase and reads like one", arguments: [
        (F.numberYAML(extra: "  purchaseApproved: true"), false),
        (F.numberYAML(), true),
    ])
    func purchaseAllowed(yaml: String, allowPurchase: Bool) throws {
        let change = try handler.plan(F.input(try F.desired(yaml), .absent, allowPurchase: allowPurchase))
        #expect(change.action == .create)
        #expect(change.warnings == ["requests a new TOLL_FREE number in US: billed monthly"])
        #expect(change.fieldChanges.map(\.path).contains("phoneNumber.numberType"))
    }

    @Test("a sender ID request reads like a purchase")
    func senderPurchase() throws {
        let yaml = """
        apiVersion: smsauth/v1
        kind: OriginationIdentity
        metadata: {name: in-sender}
        spec:
          region: us-east-1
          senderId: {senderId: QNATIME, isoCountryCode: IN, messageTypes: [TRANSACTIONAL]}
        """
        let address = ResourceAddress(kind: .originationIdentity, name: "in-sender")
        let change = try handler.plan(F.input(try F.desired(yaml), .absent, address: address, allowPurchase: true))
        #expect(change.action == .create)
        #expect(change.warnings.first?.hasPrefix("requests the sender ID QNATIME in IN") == true)
    }

    @Test("spec.adopt of something that does not exist never buys")
    func adoptMissing() throws {
        let yaml = F.numberYAML(extra: "  adopt: phone-0123\n  purchaseApproved: true")
        let change = try handler.plan(F.input(try F.desired(yaml), .absent))
        #expect(change.action == .refuse)
        #expect(change.reason?.contains("spec.adopt names phone-0123") == true)
    }

    @Test("equal live state is noop; a mutable difference is an update")
    func noopAndUpdate() throws {
        let live = try #require(F.number())
        let same = try handler.plan(F.input(try F.desired(F.numberYAML(extra: "  deletionProtection: false")), .owned(.init(identity: live))))
        #expect(same.action == .noop && same.fieldChanges.isEmpty)
        let yaml = F.numberYAML(extra: "    selfManagedOptOuts: true\n  deletionProtection: true\n  tags: {Team: Dev}")
        let change = try handler.plan(F.input(try F.desired(yaml), .owned(.init(identity: live))))
        #expect(change.action == .update)
        #expect(change.fieldChanges.map(\.path) == ["deletionProtection", "phoneNumber.selfManagedOptOuts", "tags"])
    }

    @Test("each immutable field is refused by default", arguments: [
        ("phoneNumber.numberType", F.numberYAML(numberType: "LONG_CODE")),
        ("phoneNumber.messageType", F.numberYAML(messageType: "PROMOTIONAL")),
        ("phoneNumber.capabilities", F.numberYAML(capabilities: "[SMS, VOICE]")),
        ("phoneNumber.isoCountryCode", F.numberYAML(country: "CA")),
    ])
    func immutableRefused(path: String, yaml: String) throws {
        let live = try #require(F.number())
        let change = try handler.plan(F.input(try F.desired(yaml), .owned(.init(identity: live))))
        #expect(change.action == .refuse)
        #expect(change.reason?.contains(path) == true)
        #expect(change.reason?.contains("onImmutableChange: Recreate") == true)
        #expect(change.fieldChanges.first { $0.path == path }?.forcesReplacement == true)
    }

    @Test("Recreate requests the new number first and says releasing is irreversible")
    func immutableReplaced() throws {
        let live = try #require(F.number())
        let yaml = F.numberYAML(numberType: "LONG_CODE", extra: "  purchaseApproved: true",
                                policy: "policy: {onImmutableChange: Recreate}")
        let change = try handler.plan(F.input(try F.desired(yaml), .owned(.init(identity: live))))
        #expect(change.action == .replace)
        let reason = try #require(change.reason)
        #expect(reason.contains("requested first") && reason.contains("released only after the new one is ACTIVE"))
        #expect(reason.contains("irreversible"))
        #expect(change.warnings.contains("requests a new LONG_CODE number in US: billed monthly"))
    }

    @Test("a replacement lists the left-out settings the new identity loses: opt-out list, sender message types")
    func replacementListsWhatIsLost() throws {
        var number = try #require(F.number())
        number.optOutListName = "Marketing"
        let yaml = F.numberYAML(numberType: "LONG_CODE", extra: "  purchaseApproved: true",
                                policy: "policy: {onImmutableChange: Recreate}")
        let change = try handler.plan(F.input(try F.desired(yaml), .owned(.init(identity: number))))
        #expect(change.action == .replace)
        #expect(change.fieldChanges.contains(FieldChange(path: "phoneNumber.optOutListName", before: "Marketing", after: "Default")))

        var sender = try #require(F.sender(tags: OwnershipTags.tags(for: F.address, owner: nil)))
        sender.messageTypes = ["TRANSACTIONAL"]
        let senderYAML = """
        apiVersion: smsauth/v1
        kind: OriginationIdentity
        metadata: {name: us-tollfree}
        spec:
          region: us-east-1
          senderId: {senderId: QNATIME, isoCountryCode: GB}
          purchaseApproved: true
        policy: {onImmutableChange: Recreate}
        """
        let replaced = try handler.plan(F.input(try F.desired(senderYAML), .owned(.init(identity: sender))))
        #expect(replaced.action == .replace)
        #expect(replaced.fieldChanges.contains(FieldChange(path: "senderId.messageTypes", before: ["TRANSACTIONAL"],
                                                          after: ["PROMOTIONAL", "TRANSACTIONAL"], forcesReplacement: true)))
    }

    @Test("a replacement is a purchase too, and is refused while the old number is protected")
    func replacementGuards() throws {
        let recreate = "policy: {onImmutableChange: Recreate}"
        let unapproved = try handler.plan(F.input(try F.desired(F.numberYAML(numberType: "LONG_CODE", policy: recreate)),
                                                  .owned(.init(identity: try #require(F.number())))))
        #expect(unapproved.action == .refuse && unapproved.reason?.contains("--allow-purchase") == true)
        let protected = try handler.plan(F.input(try F.desired(F.numberYAML(numberType: "LONG_CODE", policy: recreate)),
                                                 .owned(.init(identity: try #require(F.number(deletionProtection: true)))),
                                                 allowPurchase: true))
        #expect(protected.action == .refuse && protected.reason?.contains("deletion protection is on") == true)
    }

    @Test("a replacement waits for the new number, then releases the old one")
    func finishingReplacement() throws {
        let old = try #require(F.number(id: "phone-old", numberType: "LONG_CODE"))
        let yaml = F.numberYAML(policy: "policy: {onImmutableChange: Recreate}")
        let pending = try handler.plan(F.input(try F.desired(yaml), .owned(.init(identity: try #require(F.number(status: "PENDING")), superseded: [old]))))
        #expect(pending.action == .noop)
        #expect(pending.warnings.contains { $0.hasPrefix("replacement in progress") })
        let active = try handler.plan(F.input(try F.desired(yaml), .owned(.init(identity: try #require(F.number()), superseded: [old]))))
        #expect(active.action == .replace)
        #expect(active.reason?.contains("finishing the replacement") == true && active.reason?.contains("irreversible") == true)
        let pooledOld = try #require(F.number(id: "phone-old", numberType: "LONG_CODE", poolId: "pool-1"))
        let waiting = try handler.plan(F.input(try F.desired(yaml), .owned(.init(identity: try #require(F.number()), superseded: [pooledOld]))))
        #expect(waiting.action == .noop && waiting.warnings.contains { $0.contains("still in pool pool-1") })
    }

    @Test("a pooled number's settings are blocked, not sent to AWS")
    func pooledUpdateBlocked() throws {
        let live = try #require(F.number(poolId: "pool-1"))
        let change = try handler.plan(F.input(try F.desired(F.numberYAML(extra: "  deletionProtection: true")), .owned(.init(identity: live))))
        #expect(change.action == .blocked)
        #expect(change.reason?.contains("in pool pool-1") == true)
    }

    @Test("a foreign identity is refused unless adopted")
    func foreignAndAdopt() throws {
        let foreign = try #require(F.sender(tags: [:]))
        let base = """
        apiVersion: smsauth/v1
        kind: OriginationIdentity
        metadata: {name: us-tollfree}
        spec:
          region: us-east-1
          senderId: {senderId: QNATIME, isoCountryCode: IN}
        """
        let refused = try handler.plan(F.input(try F.desired(base), .foreign(.init(identity: foreign))))
        #expect(refused.action == .refuse && refused.reason?.contains("spec.adopt") == true)
        let adopted = try handler.plan(F.input(try F.desired(base + "\n  adopt: \(foreign.arn)"), .foreign(.init(identity: foreign))))
        #expect(adopted.action == .update)
        #expect(adopted.warnings.contains { $0.contains("adopts") })
    }

    @Test("a removed manifest: retained by default, released with Delete unless protected or pooled", arguments: [
        (DeletePolicy.retain, F.number(), ChangeAction.retain, ""),
        (.delete, F.number(), .delete, ""),
        (.delete, F.number(deletionProtection: true), .refuse, "deletion protection is on"),
        (.delete, F.number(poolId: "pool-9"), .blocked, "still in pool pool-9"),
    ])
    func removed(policy: DeletePolicy, live: OriginationIdentityState?, action: ChangeAction, reason: String) throws {
        let change = try handler.plan(F.input(nil, .owned(.init(identity: try #require(live))), deletePolicy: policy))
        #expect(change.action == action)
        if reason.isEmpty {
            #expect(action != .delete || change.warnings.contains { $0.contains("irreversible") })
        } else {
            #expect(change.reason?.contains(reason) == true)
        }
    }

    @Test("a PENDING number is pending, an ACTIVE one ready")
    func phase() throws {
        #expect(handler.phase(of: .init(identity: try #require(F.number(status: "PENDING")))) == .pending("number is being provisioned (PENDING)"))
        #expect(handler.phase(of: .init(identity: try #require(F.number()))) == .ready)
    }
}
