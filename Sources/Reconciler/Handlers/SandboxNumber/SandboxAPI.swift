import AWSCore
import AWSServices
import Foundation
import Manifests

/// The calls that add, verify, resend to and remove a destination number in one region's sandbox, SNS's or End User
/// Messaging's, with each service's errors turned into `SandboxNumberError`. Shared by the handler and `smsauth verify`.
public struct SandboxAPI: Sendable {
    /// Which sandbox.
    public let service: SmsService
    /// Its region.
    public let region: String
    private let client: AWSClient

    /// The sandbox of `service` in `region`, called through `client`.
    public init(service: SmsService, region: String, client: AWSClient) {
        self.service = service
        self.region = region
        self.client = client
    }

    /// The sandbox the reconcile context's client reaches.
    init(service: SmsService, region: String, context: ReconcileContext) {
        self.init(service: service, region: region, client: context.client)
    }

    private var sns: SNS { SNS(client: client, region: region) }
    private var smsVoice: SMSVoice { SMSVoice(client: client, region: region) }

    /// The number as the sandbox lists it, nil when it is not there.
    public func find(_ phoneNumber: String, name: String) async throws -> SandboxNumberLive? {
        switch service {
        case .sns:
            let listed = try await sns.listSandboxPhoneNumbers().first { $0.phoneNumber == phoneNumber }
            return listed.map { SandboxNumberLive(name: name, phoneNumber: phoneNumber, region: region,
                                                  status: SandboxNumberStatus(aws: $0.status)) }
        case .endUserMessaging:
            let listed = try await smsVoice.describeVerifiedDestinationNumbers().first { $0.phoneNumber == phoneNumber }
            return listed.map { SandboxNumberLive(name: name, phoneNumber: phoneNumber, region: region, service: service,
                                                  id: $0.id, status: SandboxNumberStatus(aws: $0.status)) }
        }
    }

    /// Adds `phoneNumber` and has AWS text it a one-time password; answers End User Messaging's entry id (nil for
    /// SNS) and the number's status. SNS: CreateSMSSandboxPhoneNumber (SNS's entries take no tags). End User Messaging:
    /// CreateVerifiedDestinationNumber with `tags`, then SendDestinationNumberVerificationCode by text; a number already there
    /// (added after the plan's read, or before a crash that kept its status from being recorded) is looked up
    /// instead, and sent a code only while it is pending.
    func add(_ phoneNumber: String, language: SandboxLanguage?,
             tags: [String: String]) async throws -> (id: String?, status: SandboxNumberStatus) {
        switch service {
        case .sns:
            try await sns.createSandboxPhoneNumber(phoneNumber, languageCode: language?.rawValue)
            return (nil, .pending)
        case .endUserMessaging:
            var entry: (id: String?, status: SandboxNumberStatus)
            do {
                entry = (try await smsVoice.createVerifiedDestinationNumber(phoneNumber, clientToken: UUID().uuidString,
                                                                             tags: tags), .pending)
            } catch let error as AWSError where error.code == "ConflictException" {
                guard let listed = try await find(phoneNumber, name: ""), listed.id != nil else { throw error }
                entry = (listed.id, listed.status)
            }
            if entry.status == .pending, let id = entry.id {
                try await smsVoice.sendDestinationNumberVerificationCode(
                    id: id, languageCode: language.map(Self.endUserMessagingLanguage))
            }
            return entry
        }
    }

    /// Verifies `live` with `code` (never logged). A wrong or expired code is `wrongCode`, a number not in the
    /// sandbox `notInSandbox`; an End User Messaging number verified meanwhile counts as verified.
    public func verify(_ live: SandboxNumberLive, code: String, name: String) async throws {
        do {
            switch service {
            case .sns:
                try await sns.verifySandboxPhoneNumber(live.phoneNumber, oneTimePassword: code)
            case .endUserMessaging:
                try await smsVoice.verifyDestinationNumber(id: live.id ?? live.phoneNumber, code: code)
            }
        } catch let error as AWSError where service == .endUserMessaging && error.code == "ConflictException" {
            return  // VERIFICATION_ALREADY_COMPLETE: verified meanwhile
        } catch let error as AWSError {
            throw SandboxNumberError.verification(error, service: service, name: name, phoneNumber: live.phoneNumber,
                                                  region: region) ?? error
        }
    }

    /// Has AWS text a new one-time password to the pending `live`. SNS: CreateSMSSandboxPhoneNumber again (at most
    /// 5 resends in 24 hours; `UserError` beyond). End User Messaging: SendDestinationNumberVerificationCode.
    public func resend(_ live: SandboxNumberLive, language: SandboxLanguage?) async throws {
        switch service {
        case .sns:
            try await sns.createSandboxPhoneNumber(live.phoneNumber, languageCode: language?.rawValue)
        case .endUserMessaging:
            try await smsVoice.sendDestinationNumberVerificationCode(id: live.id ?? live.phoneNumber,
                                                                     languageCode: language.map(Self.endUserMessagingLanguage))
        }
    }

    /// Removes `live`; a number already gone counts as removed. SNS refuses within 24 hours of the last verification
    /// (attempt): `deleteNotYetAllowed` with the time from `lastChanged` and `now`.
    func remove(_ live: SandboxNumberLive, lastChanged: Date?, now: Date) async throws {
        do {
            switch service {
            case .sns:
                try await sns.deleteSandboxPhoneNumber(live.phoneNumber)
            case .endUserMessaging:
                try await smsVoice.deleteVerifiedDestinationNumber(id: live.id ?? live.phoneNumber)
            }
        } catch let error as AWSError where ["ResourceNotFound", "ResourceNotFoundException"].contains(error.code) {
            return
        } catch let error as AWSError where service == .sns && error.code == "UserError" {
            throw SandboxNumberError.deleteNotYetAllowed(
                phoneNumber: live.phoneNumber, region: region,
                retryAt: SandboxNumberError.deleteRetryTime(lastChanged: lastChanged, now: now))
        }
    }

    /// End User Messaging's `LanguageCode` for an SNS-style language (`en-US` → `EN_US`; SNS's `kr-KR` is Korean,
    /// `KO_KR`).
    static func endUserMessagingLanguage(_ language: SandboxLanguage) -> String {
        language == .krKR ? "KO_KR" : language.rawValue.uppercased().replacingOccurrences(of: "-", with: "_")
    }
}
