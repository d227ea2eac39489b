/// `spec` of an `AppClient`.
public struct AppClientSpec: Sendable, Equatable {
    /// `spec.userPool`: name of a `UserPool` manifest.
    public var userPool: Located<String>
    /// `spec.clientName`.
    public var clientName: Located<String>
    /// `spec.generateSecret`; immutable (a change replaces the client).
    public var generateSecret: Located<Bool>?
    /// `spec.explicitAuthFlows`, normalised to `ALLOW_` names.
    public var explicitAuthFlows: Located<[Located<AuthFlow>]>?
    /// `spec.readAttributes`.
    public var readAttributes: Located<[Located<String>]>?
    /// `spec.writeAttributes`.
    public var writeAttributes: Located<[Located<String>]>?
    /// `spec.tokenValidity`.
    public var tokenValidity: TokenValidity?
    /// `spec.outputs`.
    public var outputs: Outputs?
    /// `spec.secret`.
    public var secret: Secret?
    /// The simple fields (`preventUserExistenceErrors`, `enableTokenRevocation`: the rows of
    /// `FieldCatalog.appClient` with an AWS member).
    public var mapped = MappedValues(fields: ResourceKind.appClient.mappedFields)

    /// Creates a spec managing the pool reference and client name only.
    public init(userPool: Located<String>, clientName: Located<String>) {
        self.userPool = userPool
        self.clientName = clientName
    }

    /// `spec.tokenValidity`.
    public struct TokenValidity: Sendable, Equatable {
        /// Where the block is.
        public var location: SourceLocation
        /// Access token lifetime, 5m–1d.
        public var accessToken: Located<TokenDuration>?
        /// ID token lifetime, 5m–1d.
        public var idToken: Located<TokenDuration>?
        /// Refresh token lifetime, 60m–3650d.
        public var refreshToken: Located<TokenDuration>?
    }
}
