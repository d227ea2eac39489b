/// Where an app client's configuration and secret are delivered for the apps that use it
/// (`AppClient.spec.outputs`, `AppClient.spec.secret`).
extension AppClientSpec {
    /// `spec.outputs`: an SSM parameter (String) that receives the client configuration, rewritten when it changes.
    public struct Outputs: Sendable, Equatable {
        /// Where the block is.
        public var location: SourceLocation
        /// `spec.outputs.ssmParameter`: the parameter name.
        public var ssmParameter: Located<String>?
        /// `spec.outputs.format`: the document written (default `json`).
        public var format: Located<ClientConfigurationFormat>?
    }

    /// `spec.secret`: where the client secret is written when the client is created or replaced (exactly one of
    /// `secretsManager` and `ssmParameter`).
    public struct Secret: Sendable, Equatable {
        /// Where the block is.
        public var location: SourceLocation
        /// `spec.secret.secretsManager`: a Secrets Manager secret name.
        public var secretsManager: Located<String>?
        /// `spec.secret.ssmParameter`: an SSM SecureString parameter name.
        public var ssmParameter: Located<String>?
        /// `spec.secret.kmsKeyId`: the KMS key that encrypts it (else the account's AWS managed key).
        public var kmsKeyId: Located<String>?
    }
}

/// The documents a client configuration is written as (`smsauth outputs --format`, `spec.outputs.format`).
public enum ClientConfigurationFormat: String, ManifestEnum {
    /// Amplify Gen 2 `amplify_outputs.json`.
    case amplify
    /// Amplify Gen 1 `amplifyconfiguration.json`, `auth.plugins.awsCognitoAuthPlugin`.
    case amplifyGen1 = "amplify-gen1"
    /// smsauth's own JSON shape.
    case json
    /// `KEY=value` lines.
    case env
}
