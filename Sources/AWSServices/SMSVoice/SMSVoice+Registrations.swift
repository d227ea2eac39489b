import AWSCore

/// Registrations: what US carriers must approve before a toll-free or 10DLC number's SMS reach US phones. Read by
/// doctor (`us-registration`).
extension SMSVoice {
    /// One registration as DescribeRegistrations lists it (`RegistrationInformation`): what doctor reads of it.
    public struct Registration: Sendable, Equatable {
        /// `RegistrationId`.
        public var id: String
        /// `RegistrationStatus`: `CREATED`, `SUBMITTED`, `REVIEWING`, …, `COMPLETE`, `REQUIRES_UPDATES`, `CLOSED`.
        public var status: String

        /// Creates a registration.
        public init(id: String, status: String) {
            self.id = id
            self.status = status
        }
    }

    /// One version of a registration (`RegistrationVersionInformation`).
    public struct RegistrationVersion: Sendable, Equatable {
        /// `VersionNumber`.
        public var number: Int
        /// `RegistrationVersionStatus`: `DRAFT`, `SUBMITTED`, `REVIEWING`, `APPROVED`, `DENIED`, `REVOKED`, ….
        public var status: String
        /// The reviewer's reasons of a denied version: each `ShortDescription` (with its `Reason` code).
        public var deniedReasons: [String]

        /// Creates a version.
        public init(number: Int, status: String, deniedReasons: [String] = []) {
            self.number = number
            self.status = status
            self.deniedReasons = deniedReasons
        }
    }

    /// The registration `id` (an id or ARN), nil when it does not exist.
    public func describeRegistration(id: String) async throws -> Registration? {
        let items: [JSONValue]
        do {
            items = try await allPages("DescribeRegistrations", input: ["RegistrationIds": .strings([id])],
                                       listKey: "Registrations")
        } catch let error as AWSError where error.code == "ResourceNotFoundException" {
            return nil
        }
        return items.first.flatMap { item in
            guard let id = item["RegistrationId"]?.stringValue,
                  let status = item["RegistrationStatus"]?.stringValue else { return nil }
            return Registration(id: id, status: status)
        }
    }

    /// The versions of registration `id`, newest first (all pages).
    public func describeRegistrationVersions(id: String) async throws -> [RegistrationVersion] {
        try await allPages("DescribeRegistrationVersions", input: ["RegistrationId": .string(id)],
                           listKey: "RegistrationVersions")
            .compactMap { item -> RegistrationVersion? in
                guard let number = item["VersionNumber"]?.intValue,
                      let status = item["RegistrationVersionStatus"]?.stringValue else { return nil }
                let reasons = (item["DeniedReasons"]?.arrayValue ?? []).compactMap { reason -> String? in
                    guard let text = reason["ShortDescription"]?.stringValue else { return nil }
                    return reason["Reason"]?.stringValue.map { "\(text) (\($0))" } ?? text
                }
                return RegistrationVersion(number: number, status: status, deniedReasons: reasons)
            }
            .sorted { $0.number > $1.number }
    }
}
