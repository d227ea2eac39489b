/// `spec` of a `PhonePool`: a pool of origination identities.
public struct PhonePoolSpec: Sendable, Equatable {
    /// `spec.adopt`: id or ARN of an existing pool to take over.
    public var adopt: Located<String>?
    /// `spec.region`; nil means the default region.
    public var region: Located<String>?
    /// `spec.originationIdentities`: `OriginationIdentity` names; the first creates the pool.
    public var originationIdentities: Located<[Located<String>]>
    /// `spec.isoCountryCode`; immutable.
    public var isoCountryCode: Located<String>
    /// `spec.messageType`; immutable.
    public var messageType: Located<MessageType>
    /// `spec.optOutListName`.
    public var optOutListName: Located<String>?
    /// `spec.selfManagedOptOuts`.
    public var selfManagedOptOuts: Located<Bool>?
    /// `spec.sharedRoutes`.
    public var sharedRoutes: Located<Bool>?
    /// `spec.twoWay`.
    public var twoWay: Located<Bool>?
    /// `spec.deletionProtection`.
    public var deletionProtection: Located<Bool>?
    /// `spec.tags`.
    public var tags: Located<[String: String]>?

    /// Creates a spec with only the required fields.
    public init(originationIdentities: Located<[Located<String>]>, isoCountryCode: Located<String>,
                messageType: Located<MessageType>) {
        self.originationIdentities = originationIdentities
        self.isoCountryCode = isoCountryCode
        self.messageType = messageType
    }
}
