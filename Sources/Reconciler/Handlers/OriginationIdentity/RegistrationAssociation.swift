import AWSCore
import AWSServices
import Manifests

/// A phone number's `spec.phoneNumber.registration`: the Registration manifest it is associated with
/// (CreateRegistrationAssociation), what that registration's outputs say, and whether AWS holds the association.
struct RegistrationAssociation: Sendable, Equatable {
    /// The Registration manifest's name.
    var name: String
    /// The registration's id; nil before it exists.
    var id: String?
    /// `RegistrationType`.
    var type: String?
    /// `RegistrationStatus` (`COMPLETE` once approved).
    var status: String?
    /// The current version's status.
    var versionStatus: String?
    /// Whether ListRegistrationAssociations lists the number.
    var associated: Bool
    /// The id of another registration the number is associated with (the number's `RegistrationId`, confirmed by its
    /// ListRegistrationAssociations); nil when none is known.
    var elsewhere: String? = nil

    /// The plan path of the association.
    static let path = "phoneNumber.registration"

    /// Registration types whose numbers join only once a version is approved (the model's
    /// `ASSOCIATE_AFTER_COMPLETE`; the emulator's `SupportedAssociations`).
    static let afterComplete: Set<String> = ["US_TEN_DLC_CAMPAIGN_REGISTRATION"]

    /// The association of `spec`, from the Registration's outputs in `outputs` (by address); nil when the manifest
    /// names no Registration.
    static func of(_ spec: OriginationIdentitySpec?,
                   outputs: [ResourceAddress: [String: String]]) -> RegistrationAssociation? {
        guard let name = spec?.phoneNumber?.registration?.value else { return nil }
        let known = outputs[ResourceAddress(kind: .registration, name: name)] ?? [:]
        return RegistrationAssociation(name: name, id: known["id"], type: known["type"], status: known["status"],
                                       versionStatus: known["versionStatus"], associated: false)
    }

    /// Whether AWS accepts the association now: always, but for a type that takes numbers only once COMPLETE.
    var allowed: Bool { !(type.map(Self.afterComplete.contains) ?? false) || status == "COMPLETE" }

    /// The desired value at `path`: the registration's id (known after apply before it exists); nil while AWS
    /// would refuse the association (not planned yet).
    var desired: PlanValue? {
        allowed ? .string(id ?? UserPoolSmsSettings.knownAfterApply) : nil
    }

    /// The live value at `path`.
    var live: PlanValue { associated ? id.map { .string($0) } ?? .null : elsewhere.map { .string($0) } ?? .null }

    /// What a number waits for while its registration is not COMPLETE; nil once it is.
    var waiting: String? {
        guard status != "COMPLETE" else { return nil }
        let statuses = [status.map { "registration \($0)" }, versionStatus.map { "version \($0)" }].compactMap { $0 }
        return "waiting for Registration/\(name)\(id.map { " (\($0))" } ?? "")"
            + (statuses.isEmpty ? "" : ": " + statuses.joined(separator: ", "))
            + "; US carriers drop its SMS until the registration is COMPLETE"
    }

    /// Reads whether `numberId` is associated (one ListRegistrationAssociations) when the registration exists; when
    /// it is not and the number's `RegistrationId` (`current`) names another registration, whether that one holds it
    /// (one more ListRegistrationAssociations, never in the steady state).
    func read(numberId: String, current: String? = nil, sms: SMSVoice) async throws -> RegistrationAssociation {
        var read = self
        if let id { read.associated = try await sms.registrationAssociations(id: id).contains(numberId) }
        if !read.associated, let current, current != id {
            do {
                read.elsewhere = try await sms.registrationAssociations(id: current).contains(numberId) ? current : nil
            } catch let error as AWSError where error.code == "ResourceNotFoundException" {
                read.elsewhere = nil
            }
        }
        return read
    }

    /// Why a number associated with another registration cannot follow the manifest; nil when it is not.
    func refusal(number: String) -> String? {
        guard let elsewhere else { return nil }
        return "\(number) is associated with registration \(elsewhere), and AWS has no operation that ends an "
            + "association (the model has no DeleteRegistrationAssociation; only releasing the number does): set "
            + "phoneNumber.registration back to the Registration of \(elsewhere), or request a new number for "
            + "Registration/\(name)"
    }
}
