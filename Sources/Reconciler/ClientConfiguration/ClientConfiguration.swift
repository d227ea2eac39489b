import AWSServices

/// What an app needs to sign users in with one app client, read from live state: the pool and client ids, the
/// region and the pool's sign-in settings. Never the client secret (only whether the client has one).
public struct ClientConfiguration: Sendable, Equatable {
    /// The pool's region.
    public var region: String
    /// The user pool id.
    public var userPoolId: String
    /// The app client id.
    public var clientId: String
    /// The app client name.
    public var clientName: String
    /// Whether the client has a secret (delivered through `spec.secret`, never here).
    public var hasSecret: Bool
    /// `UsernameAttributes` (`phone_number`, `email`); empty when users sign in with a username.
    public var usernameAttributes: [String]
    /// `AliasAttributes`.
    public var aliasAttributes: [String]
    /// `AutoVerifiedAttributes`: what Cognito verifies at sign-up.
    public var verifiedAttributes: [String]
    /// Standard attributes the pool's schema requires at sign-up.
    public var requiredAttributes: [String]
    /// `OFF`, `ON` or `OPTIONAL`.
    public var mfaConfiguration: String
    /// `SMS`, `TOTP`, `EMAIL`: the factors the pool offers (empty when MFA is OFF).
    public var mfaMethods: [String]
    /// The pool's password policy.
    public var passwordPolicy: PasswordPolicy
    /// The client's explicit auth flows (`ALLOW_` names), sorted.
    public var explicitAuthFlows: [String]

    /// A pool's password policy.
    public struct PasswordPolicy: Sendable, Equatable {
        /// Minimum length.
        public var minimumLength: Int
        /// Requires an uppercase letter.
        public var requireUppercase: Bool
        /// Requires a lowercase letter.
        public var requireLowercase: Bool
        /// Requires a digit.
        public var requireNumbers: Bool
        /// Requires a symbol.
        public var requireSymbols: Bool
    }

    /// Cognito's standard attributes (the user pool attributes reference), the ones a schema may require.
    static let standardAttributes: Set<String> = [
        "address", "birthdate", "email", "family_name", "gender", "given_name", "locale", "middle_name", "name",
        "nickname", "phone_number", "picture", "preferred_username", "profile", "sub", "updated_at", "website",
        "zoneinfo",
    ]

    /// The configuration of `client` in `pool` (DescribeUserPool) with the pool's MFA factors
    /// (GetUserPoolMfaConfig; nil when MFA is OFF and it was not read).
    public init(region: String, pool: UserPoolDescription, mfaConfig: JSONValue?, client: AppClientDescription) {
        let raw = pool.raw
        self.region = region
        userPoolId = pool.id
        clientId = client.clientId
        clientName = client.clientName
        hasSecret = client.hasSecret
        usernameAttributes = Self.strings(raw["UsernameAttributes"])
        aliasAttributes = Self.strings(raw["AliasAttributes"])
        verifiedAttributes = Self.strings(raw["AutoVerifiedAttributes"])
        requiredAttributes = (raw["SchemaAttributes"]?.arrayValue ?? []).compactMap { attribute in
            guard attribute["Required"]?.boolValue == true, let name = attribute["Name"]?.stringValue,
                  Self.standardAttributes.contains(name) else { return nil }
            return name
        }.sorted()
        let mode = pool.mfaConfiguration ?? "OFF"
        mfaConfiguration = mode
        mfaMethods = mode == "OFF" ? [] : Self.mfaMethods(mfaConfig)
        let policy = raw["Policies"]?["PasswordPolicy"]
        passwordPolicy = PasswordPolicy(
            minimumLength: policy?["MinimumLength"]?.intValue ?? 8,
            requireUppercase: policy?["RequireUppercase"]?.boolValue ?? false,
            requireLowercase: policy?["RequireLowercase"]?.boolValue ?? false,
            requireNumbers: policy?["RequireNumbers"]?.boolValue ?? false,
            requireSymbols: policy?["RequireSymbols"]?.boolValue ?? false)
        explicitAuthFlows = Self.strings(client.raw["ExplicitAuthFlows"])
    }

    /// The factors GetUserPoolMfaConfig reports as enabled, in the order SMS, TOTP, EMAIL.
    static func mfaMethods(_ config: JSONValue?) -> [String] {
        var methods: [String] = []
        if config?["SmsMfaConfiguration"]?.objectValue != nil { methods.append("SMS") }
        if config?["SoftwareTokenMfaConfiguration"]?["Enabled"]?.boolValue == true { methods.append("TOTP") }
        if config?["EmailMfaConfiguration"]?.objectValue != nil { methods.append("EMAIL") }
        return methods
    }

    /// The strings of a JSON array, sorted.
    private static func strings(_ value: JSONValue?) -> [String] {
        (value?.arrayValue ?? []).compactMap(\.stringValue).sorted()
    }
}
