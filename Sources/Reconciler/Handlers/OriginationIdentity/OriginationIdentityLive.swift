import AWSServices

/// One phone number or sender ID as End User Messaging SMS describes it, with its tags.
struct OriginationIdentityState: Sendable, Equatable {
    /// Whether this is a phone number or a sender ID.
    enum Form: String, Sendable, Equatable {
        /// A phone number (`PhoneNumberId`).
        case phoneNumber
        /// A sender ID (`SenderId` + `IsoCountryCode`).
        case senderId
    }

    /// Phone number or sender ID.
    var form: Form
    /// The region it lives in.
    var region: String
    /// `PhoneNumberId`, or the `SenderIdArn` for a sender ID (the form pools accept without a country).
    var id: String
    /// `PhoneNumberArn` / `SenderIdArn`.
    var arn: String
    /// The E.164 number (phone numbers).
    var phoneNumber: String?
    /// The sender ID text (sender IDs).
    var senderId: String?
    /// `IsoCountryCode`.
    var isoCountryCode: String
    /// `NumberType` (phone numbers).
    var numberType: String?
    /// `MessageType` of a number, `MessageTypes` of a sender ID.
    var messageTypes: [String]
    /// `NumberCapabilities` (phone numbers).
    var capabilities: [String]
    /// `Status` (phone numbers): PENDING, ACTIVE, ASSOCIATING, DISASSOCIATING, DELETED.
    var status: String?
    /// `TwoWayEnabled`.
    var twoWay: Bool?
    /// `SelfManagedOptOutsEnabled`.
    var selfManagedOptOuts: Bool?
    /// `OptOutListName` (the name, also when AWS answers an ARN).
    var optOutListName: String?
    /// `DeletionProtectionEnabled`.
    var deletionProtection: Bool
    /// `RegistrationId`.
    var registrationId: String?
    /// `PoolId` of the pool holding the number.
    var poolId: String?
    /// All tags, ownership tags included.
    var tags: [String: String]

    /// Reads a `PhoneNumberInformation` (or RequestPhoneNumber result).
    init?(phoneNumber json: JSONValue, region: String, tags: [String: String]) {
        guard let id = json["PhoneNumberId"]?.stringValue, let arn = json["PhoneNumberArn"]?.stringValue else {
            return nil
        }
        form = .phoneNumber
        self.region = region
        self.id = id
        self.arn = arn
        phoneNumber = json["PhoneNumber"]?.stringValue
        senderId = nil
        isoCountryCode = json["IsoCountryCode"]?.stringValue ?? ""
        numberType = json["NumberType"]?.stringValue
        messageTypes = [json["MessageType"]?.stringValue].compactMap { $0 }
        capabilities = (json["NumberCapabilities"]?.arrayValue ?? []).compactMap(\.stringValue).sorted()
        status = json["Status"]?.stringValue
        twoWay = json["TwoWayEnabled"]?.boolValue
        selfManagedOptOuts = json["SelfManagedOptOutsEnabled"]?.boolValue
        optOutListName = json["OptOutListName"]?.stringValue.map(Self.optOutListName)
        deletionProtection = json["DeletionProtectionEnabled"]?.boolValue ?? false
        registrationId = json["RegistrationId"]?.stringValue
        poolId = json["PoolId"]?.stringValue
        self.tags = tags
    }

    /// Reads a `SenderIdInformation` (or RequestSenderId result).
    init?(senderId json: JSONValue, region: String, tags: [String: String]) {
        guard let arn = json["SenderIdArn"]?.stringValue, let text = json["SenderId"]?.stringValue else { return nil }
        form = .senderId
        self.region = region
        id = arn
        self.arn = arn
        phoneNumber = nil
        senderId = text
        isoCountryCode = json["IsoCountryCode"]?.stringValue ?? ""
        numberType = nil
        messageTypes = (json["MessageTypes"]?.arrayValue ?? []).compactMap(\.stringValue).sorted()
        capabilities = []
        status = nil
        twoWay = nil
        selfManagedOptOuts = nil
        optOutListName = nil
        deletionProtection = json["DeletionProtectionEnabled"]?.boolValue ?? false
        registrationId = json["RegistrationId"]?.stringValue
        poolId = nil
        self.tags = tags
    }

    /// What users call it: the phone number, or `SENDERID (CC)`.
    var displayName: String {
        switch form {
        case .phoneNumber: phoneNumber ?? id
        case .senderId: "\(senderId ?? id) (\(isoCountryCode))"
        }
    }

    /// Whether the number still waits for provisioning (sender IDs have no status).
    var isPending: Bool { status == "PENDING" }

    /// The opt-out list an identity or pool uses when none is named (AWS's own list, "Default").
    static let defaultOptOutListName = "Default"

    /// The opt-out list name of a name or an `…:opt-out-list/<name>` ARN.
    static func optOutListName(_ value: String) -> String {
        value.hasPrefix("arn:") ? String(value.split(separator: "/").last ?? Substring(value)) : value
    }
}

/// What `OriginationIdentityHandler.read` found for one manifest.
struct OriginationIdentityLive: Sendable, Equatable {
    /// The identity the manifest is: the one matching its immutable fields, else the one to be replaced.
    var identity: OriginationIdentityState
    /// Other identities carrying this manifest's ownership tags: the old number of a replacement that waits for its
    /// successor to become ACTIVE before it is released.
    var superseded: [OriginationIdentityState]
    /// The registration `spec.phoneNumber.registration` names, with whether the number is associated with it.
    var registration: RegistrationAssociation?

    /// Creates a live value.
    init(identity: OriginationIdentityState, superseded: [OriginationIdentityState] = []) {
        self.identity = identity
        self.superseded = superseded
    }
}
