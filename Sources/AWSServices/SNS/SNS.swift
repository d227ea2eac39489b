import AWSCore
import Foundation

/// Amazon SNS, with only the SMS sandbox and account SMS settings operations, and whether a topic exists.
public struct SNS: Sendable {
    /// The shared AWS client.
    public let client: AWSClient
    /// Region.
    public let region: String

    /// Creates the SNS client for `region`.
    public init(client: AWSClient, region: String) {
        self.client = client
        self.region = region
    }

    /// A sandbox destination number and whether it is verified.
    public struct SandboxPhoneNumber: Sendable, Equatable {
        /// E.164 number.
        public var phoneNumber: String
        /// `Pending` or `Verified`.
        public var status: String
    }

    /// CreateSMSSandboxPhoneNumber: adds the number and texts it a one-time password.
    public func createSandboxPhoneNumber(_ phoneNumber: String, languageCode: String?) async throws {
        var parameters = QueryParameters()
        parameters.set("PhoneNumber", phoneNumber)
        parameters.set("LanguageCode", languageCode)
        _ = try await call("CreateSMSSandboxPhoneNumber", parameters, idempotency: .nonIdempotent)
    }

    /// VerifySMSSandboxPhoneNumber with the one-time password the number received.
    public func verifySandboxPhoneNumber(_ phoneNumber: String, oneTimePassword: String) async throws {
        var parameters = QueryParameters()
        parameters.set("PhoneNumber", phoneNumber)
        parameters.set("OneTimePassword", oneTimePassword)
        _ = try await call("VerifySMSSandboxPhoneNumber", parameters, idempotency: .nonIdempotent)
    }

    /// ListSMSSandboxPhoneNumbers, all pages. An account with none answers `ResourceNotFound` on AWS: that is an empty list.
    public func listSandboxPhoneNumbers() async throws -> [SandboxPhoneNumber] {
        var numbers: [SandboxPhoneNumber] = []
        var token: String?
        repeat {
            var parameters = QueryParameters()
            parameters.set("NextToken", token)
            let result: XMLElement
            do {
                result = try await call("ListSMSSandboxPhoneNumbers", parameters)
            } catch let error as AWSError where error.code == "ResourceNotFound" && numbers.isEmpty {
                return []
            }
            numbers += result.members("PhoneNumbers").compactMap { member in
                member.value("PhoneNumber").map { SandboxPhoneNumber(phoneNumber: $0, status: member.value("Status") ?? "Pending") }
            }
            token = result.value("NextToken").flatMap { $0.isEmpty ? nil : $0 }
        } while token != nil
        return numbers
    }

    /// DeleteSMSSandboxPhoneNumber.
    public func deleteSandboxPhoneNumber(_ phoneNumber: String) async throws {
        var parameters = QueryParameters()
        parameters.set("PhoneNumber", phoneNumber)
        _ = try await call("DeleteSMSSandboxPhoneNumber", parameters)
    }

    /// GetSMSSandboxAccountStatus: whether the account may text only verified numbers.
    public func isInSandbox() async throws -> Bool {
        try await call("GetSMSSandboxAccountStatus", QueryParameters()).value("IsInSandbox") == "true"
    }

    /// Whether the topic `arn` exists (GetTopicAttributes; `NotFound` is false). Call it on the client of the
    /// topic's region.
    public func topicExists(arn: String) async throws -> Bool {
        var parameters = QueryParameters()
        parameters.set("TopicArn", arn)
        do {
            _ = try await call("GetTopicAttributes", parameters)
            return true
        } catch let error as AWSError where error.code == "NotFound" {
            return false
        }
    }

    /// SetSMSAttributes for the given keys only.
    public func setSMSAttributes(_ attributes: [String: String]) async throws {
        var parameters = QueryParameters()
        parameters.setMap("attributes", attributes)
        _ = try await call("SetSMSAttributes", parameters)
    }

    /// GetSMSAttributes: every attribute when `names` is empty, else those.
    public func getSMSAttributes(_ names: [String] = []) async throws -> [String: String] {
        var parameters = QueryParameters()
        parameters.setList("attributes", names.isEmpty ? nil : names)
        let result = try await call("GetSMSAttributes", parameters)
        var attributes: [String: String] = [:]
        for entry in result.child("attributes")?.children("entry") ?? [] {
            if let key = entry.value("key") { attributes[key] = entry.value("value") ?? "" }
        }
        return attributes
    }

    /// One query call to SNS in this region.
    private func call(_ action: String, _ parameters: QueryParameters, idempotency: Idempotency = .idempotent) async throws -> XMLElement {
        try await client.query(.sns, region: region, action: action, parameters: parameters, idempotency: idempotency)
    }
}
