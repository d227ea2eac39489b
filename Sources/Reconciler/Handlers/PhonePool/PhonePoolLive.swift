import AWSServices

/// One member of a pool (`OriginationIdentityMetadata`).
struct PoolMember: Sendable, Equatable {
    /// `OriginationIdentityArn`.
    var arn: String
    /// `OriginationIdentity`: a PhoneNumberId or a SenderId.
    var identity: String
    /// `IsoCountryCode`.
    var isoCountryCode: String

    /// Reads an `OriginationIdentityMetadata`.
    init?(_ json: JSONValue) {
        guard let arn = json["OriginationIdentityArn"]?.stringValue else { return nil }
        self.arn = arn
        identity = json["OriginationIdentity"]?.stringValue ?? arn
        isoCountryCode = json["IsoCountryCode"]?.stringValue ?? ""
    }

    /// Whether an OriginationIdentity `id` output (a PhoneNumberId, or a sender ID's ARN) names this member.
    func isIdentified(by id: String) -> Bool { id == arn || id == identity }
}

/// A pool as DescribePools and ListPoolOriginationIdentities describe it, with its tags.
struct PhonePoolLive: Sendable, Equatable {
    /// `PoolId`.
    var id: String
    /// `PoolArn`.
    var arn: String
    /// The region.
    var region: String
    /// `Status`: CREATING, ACTIVE, DELETING.
    var status: String?
    /// `MessageType`.
    var messageType: String?
    /// `TwoWayEnabled`.
    var twoWay: Bool
    /// `SelfManagedOptOutsEnabled`.
    var selfManagedOptOuts: Bool
    /// `OptOutListName` (the name, also when AWS answers an ARN).
    var optOutListName: String?
    /// `SharedRoutesEnabled`.
    var sharedRoutes: Bool
    /// `DeletionProtectionEnabled`.
    var deletionProtection: Bool
    /// All tags, ownership tags included.
    var tags: [String: String]
    /// Its origination identities.
    var members: [PoolMember]

    /// Reads a `PoolInformation` (or CreatePool result).
    init?(_ json: JSONValue, region: String, tags: [String: String], members: [PoolMember]) {
        guard let id = json["PoolId"]?.stringValue, let arn = json["PoolArn"]?.stringValue else { return nil }
        self.id = id
        self.arn = arn
        self.region = region
        status = json["Status"]?.stringValue
        messageType = json["MessageType"]?.stringValue
        twoWay = json["TwoWayEnabled"]?.boolValue ?? false
        selfManagedOptOuts = json["SelfManagedOptOutsEnabled"]?.boolValue ?? false
        optOutListName = json["OptOutListName"]?.stringValue.map(OriginationIdentityState.optOutListName)
        sharedRoutes = json["SharedRoutesEnabled"]?.boolValue ?? false
        deletionProtection = json["DeletionProtectionEnabled"]?.boolValue ?? false
        self.tags = tags
        self.members = members
    }

    /// The country the pool serves, seen through its members (DescribePools does not report one): `preferred` when
    /// a member is from there, else the first member's country.
    func isoCountryCode(preferring preferred: String) -> String? {
        let countries = Set(members.map(\.isoCountryCode))
        return countries.contains(preferred) ? preferred : countries.sorted().first
    }
}
