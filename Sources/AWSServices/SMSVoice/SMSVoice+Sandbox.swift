import AWSCore

/// The End User Messaging SMS sandbox: its account tier and its verified destination numbers (what the
/// `SandboxNumber` kind writes on that path, `smsauth verify` and doctor read).
extension SMSVoice {
    /// One verified destination number as DescribeVerifiedDestinationNumbers lists it.
    public struct VerifiedDestination: Sendable, Equatable {
        /// `VerifiedDestinationNumberId`.
        public var id: String
        /// `DestinationPhoneNumber`, E.164.
        public var phoneNumber: String
        /// `Status`: `PENDING` or `VERIFIED`.
        public var status: String
        /// `VerifiedDestinationNumberArn` (what its tags are read by).
        public var arn: String

        /// Creates a listed number.
        public init(id: String, phoneNumber: String, status: String, arn: String = "") {
            self.id = id
            self.phoneNumber = phoneNumber
            self.status = status
            self.arn = arn
        }
    }

    /// DescribeAccountAttributes, all pages: attribute name → value (`ACCOUNT_TIER`: `SANDBOXED` or `PRODUCTION`;
    /// `DEFAULT_PROTECT_CONFIGURATION_ID` while an account-default protect configuration is set).
    public func describeAccountAttributes() async throws -> [String: String] {
        var attributes: [String: String] = [:]
        for item in try await allPages("DescribeAccountAttributes", input: [:], listKey: "AccountAttributes") {
            if let name = item["Name"]?.stringValue { attributes[name] = item["Value"]?.stringValue ?? "" }
        }
        return attributes
    }

    /// Every verified destination number of the region (all pages).
    public func describeVerifiedDestinationNumbers() async throws -> [VerifiedDestination] {
        try await allPages("DescribeVerifiedDestinationNumbers", input: [:], listKey: "VerifiedDestinationNumbers")
            .compactMap { item in
                guard let id = item["VerifiedDestinationNumberId"]?.stringValue,
                      let number = item["DestinationPhoneNumber"]?.stringValue else { return nil }
                return VerifiedDestination(id: id, phoneNumber: number, status: item["Status"]?.stringValue ?? "PENDING",
                                           arn: item["VerifiedDestinationNumberArn"]?.stringValue ?? "")
            }
    }

    /// CreateVerifiedDestinationNumber with a `ClientToken` (a retry returns the same entry); sends nothing. Answers
    /// the new entry's id. A number already in the region's sandbox is a `ConflictException`.
    public func createVerifiedDestinationNumber(_ phoneNumber: String, clientToken: String,
                                                tags: [String: String]) async throws -> String {
        let output = try await call("CreateVerifiedDestinationNumber", [
            "DestinationPhoneNumber": .string(phoneNumber), "ClientToken": .string(clientToken),
            "Tags": tags.isEmpty ? .null : SMSVoice.tagList(tags),
        ])
        return output["VerifiedDestinationNumberId"]?.stringValue ?? ""
    }

    /// SendDestinationNumberVerificationCode by text message; `languageCode` is End User Messaging's
    /// `LanguageCode` (nil: AWS's default, en-US). A verified number is a `ConflictException`.
    public func sendDestinationNumberVerificationCode(id: String, languageCode: String?) async throws {
        _ = try await call("SendDestinationNumberVerificationCode", [
            "VerifiedDestinationNumberId": .string(id), "VerificationChannel": "TEXT",
            "LanguageCode": languageCode.map(JSONValue.string) ?? .null,
        ], idempotency: .nonIdempotent)
    }

    /// VerifyDestinationNumber with the code texted to it (never logged); a wrong code is a `ValidationException`.
    public func verifyDestinationNumber(id: String, code: String) async throws {
        _ = try await call("VerifyDestinationNumber", ["VerifiedDestinationNumberId": .string(id),
                                                       "VerificationCode": .string(code)])
    }

    /// DeleteVerifiedDestinationNumber.
    public func deleteVerifiedDestinationNumber(id: String) async throws {
        _ = try await call("DeleteVerifiedDestinationNumber", ["VerifiedDestinationNumberId": .string(id)])
    }
}
