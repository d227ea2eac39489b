/// Temporary credentials from `sts:AssumeRole`, signed with another source's credentials.
public struct AssumeRoleCredentialProvider: CredentialProvider {
    /// E.g. `profile dev`.
    public let sourceName: String
    /// The role to assume.
    public let roleArn: String
    /// Fixed session name; nil means `smsauth-<epoch>` at each call.
    public let sessionName: String?
    /// `ExternalId`, if the role's trust policy requires one.
    public let externalId: String?
    /// `DurationSeconds`; nil leaves the STS default.
    public let durationSeconds: Int?
    /// Credentials that sign the AssumeRole call.
    public let source: any CredentialProvider
    /// STS, region and clock.
    let dependencies: CredentialDependencies

    /// Creates a provider.
    public init(sourceName: String, roleArn: String, sessionName: String?, externalId: String?, durationSeconds: Int?,
                source: any CredentialProvider, dependencies: CredentialDependencies) {
        self.sourceName = sourceName
        self.roleArn = roleArn
        self.sessionName = sessionName
        self.externalId = externalId
        self.durationSeconds = durationSeconds
        self.source = source
        self.dependencies = dependencies
    }

    /// Fetches source credentials, then calls AssumeRole. A source that is not configured is an error here,
    /// not a reason to fall through: the profile asked for it.
    public func credentials() async throws -> AWSCredentials {
        let signing: AWSCredentials
        do {
            signing = try await source.credentials()
        } catch let CredentialsError.notConfigured(source, reason) {
            throw CredentialsError.invalidProfile(
                profile: sourceName, reason: "source credentials for \(roleArn) unavailable: \(source) (\(reason))")
        }
        let signer = StaticCredentialProvider(sourceName: source.sourceName, credentials: signing)
        do {
            return try await dependencies.sts.assumeRole(
                roleArn: roleArn, sessionName: sessionName ?? dependencies.defaultSessionName(), externalId: externalId,
                durationSeconds: durationSeconds, sourceCredentials: signer, region: dependencies.stsRegion)
        } catch let error as CredentialsError {
            throw error
        } catch {
            throw CredentialsError.stsFailed(source: sourceName, roleArn: roleArn, reason: String(describing: error))
        }
    }
}
