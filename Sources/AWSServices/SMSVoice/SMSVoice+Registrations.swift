import AWSCore

/// Registrations: what US carriers must approve before a toll-free or 10DLC number's SMS reach US phones. Read by
/// doctor (`us-registration`).
extension SMSVoice {
    /// One registration as DescribeRegistrations lists it (`RegistrationInformation`).
    public struct Registration: Sendable, Equatable {
        /// `RegistrationId`.
        public var id: String
        /// `RegistrationType`, e.g. `US_TOLL_FREE_REGISTRATION`.
        public var type: String
        /// `RegistrationStatus`: `CREATED`, `SUBMITTED`, `REVIEWING`, …, `COMPLETE`, `REQUIRES_UPDATES`, `CLOSED`.
        public var status: String
        /// `CurrentVersionNumber`.
        public var currentVersion: Int
        /// `LatestDeniedVersionNumber`, when a version was denied.
        public var latestDeniedVersion: Int?

        /// Creates a registration.
        public init(id: String, type: String, status: String, currentVersion: Int, latestDeniedVersion: Int? = nil) {
            self.id = id
            self.type = type
            self.status = status
            self.currentVersion = currentVersion
            self.latestDeniedVersion = latestDeniedVersion
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
            guard let id = item["RegistrationId"]?.stringValue, let type = item["RegistrationType"]?.stringValue,
                  let status = item["RegistrationStatus"]?.stringValue else { return nil }
            return Registration(id: id, type: type, status: status,
                                currentVersion: item["CurrentVersionNumber"]?.intValue ?? 1,
                                latestDeniedVersion: item["LatestDeniedVersionNumber"]?.intValue)
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
