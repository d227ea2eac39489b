import Foundation

/// A registration of a US number, as doctor reads it (DescribeRegistrations, and DescribeRegistrationVersions while
/// it is not `COMPLETE`).
public struct RegistrationFacts: Sendable, Equatable {
    /// `RegistrationStatus`; nil when the registration does not exist.
    public var status: String?
    /// The latest version's `RegistrationVersionStatus`, when read.
    public var latestVersionStatus: String?
    /// While the registration `REQUIRES_UPDATES`: the reviewer's reasons of its latest denied version (each short
    /// description with its reason code).
    public var deniedReasons: [String]

    /// Creates the facts.
    public init(status: String?, latestVersionStatus: String? = nil, deniedReasons: [String] = []) {
        self.status = status
        self.latestVersionStatus = latestVersionStatus
        self.deniedReasons = deniedReasons
    }
}

/// `us-registration`: US carriers drop SMS from a toll-free or 10DLC number whose registration is not approved,
/// even while the number is ACTIVE. Pure: facts in, result out.
enum RegistrationChecks {
    /// The US numbers this check looks at: SMS-capable toll-free and 10DLC numbers, the kinds that need a
    /// registration (simulators and other types do not).
    static func registered(_ numbers: [OriginationNumber]) -> [OriginationNumber] {
        numbers.filter { $0.smsCapable && ["TOLL_FREE", "TEN_DLC"].contains($0.numberType) }
    }

    /// The check, nil when the region has no such number. Passes when every number's registration is `COMPLETE`;
    /// fails naming each number whose registration is missing, unknown or in another phase, with the reviewer's
    /// reasons of a denied version.
    static func check(_ facts: RegionFacts) -> DoctorCheck? {
        guard case let .success(all) = facts.usNumbers else { return nil }
        let numbers = registered(all).sorted { $0.phoneNumber < $1.phoneNumber }
        guard !numbers.isEmpty else { return nil }
        let registrations: [String: RegistrationFacts]
        switch facts.registrations ?? .success([:]) {
        case let .failure(failure):
            return result(facts, .fail, "the registrations of the US numbers could not be read: \(failure)",
                          fix: "check the credentials' sms-voice:DescribeRegistrations and "
                              + "sms-voice:DescribeRegistrationVersions permissions")
        case let .success(value): registrations = value
        }
        var problems: [String] = [], complete: [String] = [], phases: Set<String> = []
        for number in numbers {
            guard let id = number.registrationId else {
                problems.append("\(number.phoneNumber) (\(number.numberType)) has no registration")
                continue
            }
            guard let registration = registrations[id], let status = registration.status else {
                problems.append("\(number.phoneNumber): registration \(id) does not exist")
                continue
            }
            guard status == "COMPLETE" else {
                problems.append(describe(number, id: id, status: status, registration))
                phases.insert(status)
                continue
            }
            complete.append(number.phoneNumber)
        }
        guard problems.isEmpty else {
            return result(facts, .fail, "US carriers drop SMS from numbers whose registration is not approved: "
                          + problems.joined(separator: "; "),
                          fix: fix(phases))
        }
        return result(facts, .pass, "the registration of \(complete.joined(separator: ", ")) is COMPLETE")
    }

    /// What to do about registrations in `phases` (their `RegistrationStatus`es; none for a missing one).
    private static func fix(_ phases: Set<String>) -> String {
        var steps: [String] = []
        if phases.isEmpty || phases.contains("CREATED") {
            steps.append("request each number with a registration and complete and submit it")
        }
        if phases.contains("REQUIRES_UPDATES") { steps.append("fix what the reviewer named and submit a new version") }
        if !phases.isDisjoint(with: ["SUBMITTED", "AWS_REVIEWING", "REVIEWING", "PROVISIONING"]) {
            steps.append("wait for the review (days to weeks)")
        }
        if phases.contains("REQUIRES_AUTHENTICATION") { steps.append("complete the email authentication AWS sent") }
        if phases.contains("CLOSED") || phases.contains("DELETED") { steps.append("register the number again") }
        if steps.isEmpty { steps.append("finish the registration") }
        return steps.joined(separator: "; ") + " (End User Messaging SMS console or API), then run `smsauth doctor` again"
    }

    /// One number's unfinished registration: its phase, and the reviewer's reasons once a version was denied.
    private static func describe(_ number: OriginationNumber, id: String, status: String,
                                 _ registration: RegistrationFacts) -> String {
        var text = "\(number.phoneNumber): registration \(id) is \(status)"
        if let version = registration.latestVersionStatus, version != status { text += " (latest version \(version))" }
        if !registration.deniedReasons.isEmpty {
            text += "; the reviewer's reasons: \(registration.deniedReasons.joined(separator: "; "))"
        }
        return text
    }

    private static func result(_ facts: RegionFacts, _ outcome: DoctorOutcome, _ message: String,
                               fix: String? = nil) -> DoctorCheck {
        DoctorCheck(resource: facts.resource, check: "us-registration", result: outcome, message: message, fix: fix)
    }
}

extension DoctorReader {
    /// The registrations `numbers` name, by id: one DescribeRegistrations each, and DescribeRegistrationVersions for
    /// one that is not `COMPLETE` (its latest version, and the reviewer's reasons while it requires updates). Nil when
    /// no number names a registration.
    func registrations(of numbers: [OriginationNumber], region: String) async -> DoctorFact<[String: RegistrationFacts]>? {
        let ids = Set(numbers.compactMap(\.registrationId)).sorted()
        guard !ids.isEmpty else { return nil }
        let voice = context.smsVoice(region)
        return await Self.capture {
            var found: [String: RegistrationFacts] = [:]
            for id in ids {
                guard let registration = try await voice.describeRegistration(id: id) else {
                    found[id] = RegistrationFacts(status: nil)
                    continue
                }
                var facts = RegistrationFacts(status: registration.status)
                if registration.status != "COMPLETE" {
                    let versions = try await voice.describeRegistrationVersions(id: registration.id)
                    facts.latestVersionStatus = versions.first?.status
                    if registration.status == "REQUIRES_UPDATES" {
                        facts.deniedReasons = versions.first { $0.status == "DENIED" }?.deniedReasons ?? []
                    }
                }
                found[id] = facts
            }
            return found
        }
    }
}

extension DoctorReader {
    /// The registration each of `numbers` is associated with, by number id, for numbers AWS shows no
    /// `RegistrationId` for yet (it does only once the registration is approved): one DescribeRegistrations of the
    /// region and one ListRegistrationAssociations per registration, only when such a number exists.
    func associatedRegistrations(of numbers: [OriginationIdentityState], region: String) async throws -> [String: String] {
        let unnamed = numbers.filter { $0.registrationId == nil && ["TOLL_FREE", "TEN_DLC"].contains($0.numberType ?? "") }
        guard !unnamed.isEmpty else { return [:] }
        let voice = context.smsVoice(region)
        var found: [String: String] = [:]
        for registration in try await voice.registrations() {
            guard let id = registration["RegistrationId"]?.stringValue,
                  registration["RegistrationStatus"]?.stringValue != "DELETED" else { continue }
            for number in try await voice.registrationAssociations(id: id) where found[number] == nil {
                found[number] = id
            }
        }
        return found
    }
}
