import AWSServices

/// One member of a pool (`OriginationIdentityMetadata`).
public struct PoolMember: Sendable, Equatable {
    /// `OriginationIdentityArn`.
    public var arn: String
    /// `OriginationIdentity`: a PhoneNumberId or a SenderId.
    public var identity: String
    /// `IsoCountryCode`.
    public var isoCountryCode: String

    /// Reads an `OriginationIdentityMetadata`.
    public init?(_ json: JSONValue) {
        guard let arn = json["OriginationIdentityArn"]?.stringValue else { return nil }
        self.arn = arn
        identity = json["OriginationIdentity"]?.stringValue ?? arn
        isoCountryCode = json["IsoCountryCode"]?.stringValue ?? ""
    }

    /// Whether an OriginationIdentity `id` output (a PhoneNumberId, or a sender ID's ARN) names this member.
    public func isIdentified(by id: String) -> Bool { id == arn || id == identity }
}

/// A pool as DescribePools and ListPoolOriginationIdentities describe it, with its tags.
public struct PhonePoolLive: Sendable, Equatable {
    /// `PoolId`.
    public var id: String
    /// `PoolArn`.
    public var arn: String
    /// The region.
    public var region: String
    /// `Status`: CREATING, ACTIVE, DELETING.
    public var status: String?
    /// `MessageType`.
    public var messageType: String?
    /// `TwoWayEnabled`.
    public var twoWay: Bool
    /// `SelfManagedOptOutsEnabled`.
    public var selfManagedOptOuts: Bool
    /// `OptOutListName` (the name, also when AWS answers an ARN).
    public var optOutListName: String?
    /// `SharedRoutesEnabled`.
    public var sharedRoutes: Bool
    /// `DeletionProtectionEnabled`.
    public var deletionProtection: Bool
    /// All tags, ownership tags included.
    public var tags: [String: String]
    /// Its origination identities.
    public var members: [PoolMember]

    /// Reads a `PoolInformation` (or CreatePool result).
    public init?(_ json: JSONValue, region: String, tags: [String: String], members: [PoolMember]) {
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
    public func isoCountryCode(preferring preferred: String) -> String? {
        let countries = Set(members.map(\.isoCountryCode))
        return countries.contains(preferred) ? preferred : countries.sorted().first
    }
}
