/// Turns a profile into the provider that yields its credentials, following `source_profile` references the way
/// botocore does (a source profile's static keys win over its own role; a profile may name itself as source to use
/// its own keys; any other revisit is a loop).
struct ProfileCredentialResolver {
    /// The shared files.
    let config: SharedConfig
    /// STS, environment, transport and clock for the providers built.
    let dependencies: CredentialDependencies

    /// The provider for profile `name`.
    func resolve(profileName name: String, explicit: Bool) throws(CredentialsError) -> any CredentialProvider {
        let files = [config.credentialsFilePath, config.configFilePath]
        guard let profile = config.profile(named: name) else {
            if explicit { throw .profileNotFound(profile: name, files: files) }
            throw .notConfigured(source: "profile \(name)", reason: "not in \(files.joined(separator: " or "))")
        }
        if profile.roleArn != nil { return try roleProvider(profile, visited: [name]) }
        if let keys = try staticCredentials(profile) { return keys }
        try rejectUnsupported(profile)
        throw .notConfigured(source: "profile \(name)",
                             reason: "no credentials in profile (\(profile.files.joined(separator: ", ")))")
    }

    /// AssumeRole or AssumeRoleWithWebIdentity for a profile with `role_arn`, wrapped in a refreshing cache.
    private func roleProvider(_ profile: SharedConfig.Profile, visited: [String])
        throws(CredentialsError) -> any CredentialProvider {
        let roleArn = profile.roleArn ?? ""
        let name = "profile \(profile.name)"
        if let tokenFile = profile.webIdentityTokenFile {
            let provider = WebIdentityCredentialProvider(
                sourceName: name, roleArn: roleArn, sessionName: profile.roleSessionName, tokenFilePath: tokenFile,
                dependencies: dependencies)
            return RefreshingCredentialProvider(wrapping: provider, now: dependencies.now)
        }
        if profile["duration_seconds"] != nil, profile.durationSeconds == nil {
            throw .invalidProfile(profile: profile.name, reason: "duration_seconds is not a whole number of seconds")
        }
        let source: any CredentialProvider
        switch (profile.sourceProfile, profile.credentialSource) {
        case (.some, .some):
            throw .invalidProfile(profile: profile.name, reason: "sets both source_profile and credential_source")
        case let (.some(sourceName), nil):
            source = try sourceProfileProvider(sourceName, of: profile, visited: visited)
        case let (nil, .some(credentialSource)):
            source = try credentialSourceProvider(credentialSource, of: profile)
        case (nil, nil):
            throw .invalidProfile(profile: profile.name,
                                  reason: "role_arn needs source_profile, credential_source or web_identity_token_file")
        }
        let provider = AssumeRoleCredentialProvider(
            sourceName: name, roleArn: roleArn, sessionName: profile.roleSessionName, externalId: profile.externalId,
            durationSeconds: profile.durationSeconds, source: source, dependencies: dependencies)
        return RefreshingCredentialProvider(wrapping: provider, now: dependencies.now)
    }

    /// The credentials that sign the AssumeRole call of `parent`, from its `source_profile`.
    private func sourceProfileProvider(_ sourceName: String, of parent: SharedConfig.Profile, visited: [String])
        throws(CredentialsError) -> any CredentialProvider {
        guard let source = config.profile(named: sourceName) else {
            throw .invalidProfile(profile: parent.name, reason: "source_profile \(sourceName) does not exist")
        }
        if visited.contains(sourceName) {
            if sourceName == parent.name, let keys = try staticCredentials(source) { return keys }
            throw .profileCycle(profiles: visited + [sourceName])
        }
        if let keys = try staticCredentials(source) { return keys }
        if source.roleArn != nil { return try roleProvider(source, visited: visited + [sourceName]) }
        throw .invalidProfile(profile: parent.name, reason: "source_profile \(sourceName) has no credentials")
    }

    /// The provider a `credential_source` value names.
    private func credentialSourceProvider(_ value: String, of profile: SharedConfig.Profile)
        throws(CredentialsError) -> any CredentialProvider {
        let environment = dependencies.environment
        let transport = dependencies.transport
        do throws(CredentialsError) {
            switch SharedConfig.CredentialSource(rawValue: value) {
            case .environment:
                return EnvironmentCredentialProvider(environment: environment)
            case .ec2InstanceMetadata:
                let provider = try InstanceMetadataCredentialProvider(environment: environment, transport: transport)
                return RefreshingCredentialProvider(wrapping: provider, now: dependencies.now)
            case .ecsContainer:
                let provider = try ContainerCredentialProvider(environment: environment, transport: transport)
                return RefreshingCredentialProvider(wrapping: provider, now: dependencies.now)
            case nil:
                break
            }
        } catch let .notConfigured(source, reason) {
            throw .invalidProfile(profile: profile.name,
                                  reason: "credential_source \(value) unavailable: \(source) (\(reason))")
        }
        let accepted = SharedConfig.CredentialSource.allCases.map(\.rawValue).joined(separator: ", ")
        throw .invalidProfile(profile: profile.name,
                              reason: "credential_source \(value) is not one of \(accepted)")
    }

    /// The profile's static keys; nil when it has neither key, `invalidProfile` when it has only one.
    private func staticCredentials(_ profile: SharedConfig.Profile)
        throws(CredentialsError) -> StaticCredentialProvider? {
        switch (profile.accessKeyId, profile.secretAccessKey) {
        case (nil, nil):
            return nil
        case let (.some(accessKeyId), .some(secret)):
            let credentials = AWSCredentials(accessKeyId: accessKeyId, secretAccessKey: secret,
                                             sessionToken: profile.sessionToken)
            return StaticCredentialProvider(sourceName: "profile \(profile.name)", credentials: credentials)
        case (.some, nil):
            throw .invalidProfile(profile: profile.name,
                                  reason: "aws_access_key_id is set but aws_secret_access_key is not")
        case (nil, .some):
            throw .invalidProfile(profile: profile.name,
                                  reason: "aws_secret_access_key is set but aws_access_key_id is not")
        }
    }

    /// Names credential kinds smsauth does not implement instead of reporting "no credentials".
    private func rejectUnsupported(_ profile: SharedConfig.Profile) throws(CredentialsError) {
        for key in ["credential_process", "sso_session", "sso_start_url"] where profile[key] != nil {
            throw .invalidProfile(profile: profile.name, reason: "\(key) is not supported by smsauth")
        }
    }
}
