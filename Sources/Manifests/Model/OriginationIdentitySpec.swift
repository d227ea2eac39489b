/// `spec` of an `OriginationIdentity`: a phone number or sender ID to send SMS from.
public struct OriginationIdentitySpec: Sendable, Equatable {
    /// `spec.adopt`: id or ARN of an existing number or sender ID to take over.
    public var adopt: Located<String>?
    /// `spec.region`; nil means the default region.
    public var region: Located<String>?
    /// `spec.phoneNumber`; exactly one of `phoneNumber` and `senderId`.
    public var phoneNumber: PhoneNumber?
    /// `spec.senderId`; exactly one of `phoneNumber` and `senderId`.
    public var senderId: SenderID?
    /// `spec.deletionProtection`.
    public var deletionProtection: Located<Bool>?
    /// `spec.purchaseApproved`: the user agrees to pay for the number.
    public var purchaseApproved: Located<Bool>?
    /// `spec.tags`.
    public var tags: Located<[String: String]>?

    /// Creates an empty spec.
    public init() {}

    /// `spec.phoneNumber`: a number to request.
    public struct PhoneNumber: Sendable, Equatable {
        /// Where the block is.
        public var location: SourceLocation
        /// ISO 3166-1 alpha-2 country; immutable.
        public var isoCountryCode: Located<String>
        /// Number type; immutable.
        public var numberType: Located<NumberType>
        /// Message type; immutable.
        public var messageType: Located<MessageType>
        /// Capabilities; immutable.
        public var capabilities: Located<[Located<NumberCapability>]>
        /// Registration id or ARN.
        public var registrationId: Located<String>?
        /// Opt-out list name.
        public var optOutListName: Located<String>?
        /// Self-managed opt-outs.
        public var selfManagedOptOuts: Located<Bool>?
        /// Two-way messaging.
        public var twoWay: Located<Bool>?
        /// `registration`: the name of the `Registration` manifest this number is associated with
        /// (CreateRegistrationAssociation); exclusive with `registrationId`.
        public var registration: Located<String>? = nil
    }

    /// `spec.senderId`: an alphanumeric sender ID to request.
    public struct SenderID: Sendable, Equatable {
        /// Where the block is.
        public var location: SourceLocation
        /// The sender ID, 1–11 of `[A-Za-z0-9_-]` with at least one letter.
        public var senderId: Located<String>
        /// ISO 3166-1 alpha-2 country.
        public var isoCountryCode: Located<String>
        /// Message types.
        public var messageTypes: Located<[Located<MessageType>]>?
    }

    /// The country the identity sends from, whichever form it takes.
    public var isoCountryCode: Located<String>? { phoneNumber?.isoCountryCode ?? senderId?.isoCountryCode }
}
