extension SharedConfig {
    /// One named profile, merged from both shared files. Accessors return nil for absent or empty values.
    public struct Profile: Sendable, Equatable {
        /// Profile name (`default`, `dev`, …).
        public let name: String
        /// Lower-case key → value, credentials-file values winning over config-file values.
        public let values: [String: String]
        /// The files the profile appears in (credentials file first).
        public let files: [String]

        /// Creates a profile.
        public init(name: String, values: [String: String], files: [String]) {
            self.name = name
            self.values = values
            self.files = files
        }

        /// The value of `key` (lower case), nil if absent or empty.
        public subscript(key: String) -> String? {
            guard let value = values[key], !value.isEmpty else { return nil }
            return value
        }

        /// `region`.
        public var region: String? { self["region"] }
        /// `aws_access_key_id`.
        public var accessKeyId: String? { self["aws_access_key_id"] }
        /// `aws_secret_access_key`. Never log it.
        public var secretAccessKey: String? { self["aws_secret_access_key"] }
        /// `aws_session_token`. Never log it.
        public var sessionToken: String? { self["aws_session_token"] }
        /// `role_arn`.
        public var roleArn: String? { self["role_arn"] }
        /// `source_profile`.
        public var sourceProfile: String? { self["source_profile"] }
        /// `external_id`.
        public var externalId: String? { self["external_id"] }
        /// `role_session_name`.
        public var roleSessionName: String? { self["role_session_name"] }
        /// `duration_seconds` as an integer; nil when absent or not an integer (check `self["duration_seconds"]`).
        public var durationSeconds: Int? { self["duration_seconds"].flatMap { Int($0) } }
        /// `web_identity_token_file`.
        public var webIdentityTokenFile: String? { self["web_identity_token_file"] }
        /// `credential_source` as written (see `CredentialSource` for the accepted values).
        public var credentialSource: String? { self["credential_source"] }
        /// `endpoint_url`.
        public var endpointURL: String? { self["endpoint_url"] }
    }

    /// Accepted values of a profile's `credential_source`.
    public enum CredentialSource: String, Sendable, CaseIterable {
        /// Keys from `AWS_ACCESS_KEY_ID` / `AWS_SECRET_ACCESS_KEY`.
        case environment = "Environment"
        /// The EC2 instance role via IMDSv2.
        case ec2InstanceMetadata = "Ec2InstanceMetadata"
        /// The ECS/EKS container credentials endpoint.
        case ecsContainer = "EcsContainer"
    }
}
