/// The two STS calls credential sources need. Implemented over the AWS client elsewhere; injected so this module
/// does not depend on the client, and faked in tests.
public protocol STSCredentialsService: Sendable {
    /// `sts:AssumeRole` signed with `sourceCredentials`, in `region`.
    func assumeRole(roleArn: String, sessionName: String, externalId: String?, durationSeconds: Int?,
                    sourceCredentials: any CredentialProvider, region: String) async throws -> AWSCredentials
    /// `sts:AssumeRoleWithWebIdentity` (unsigned), in `region`.
    func assumeRoleWithWebIdentity(roleArn: String, sessionName: String, webIdentityToken: String,
                                   region: String) async throws -> AWSCredentials
}
