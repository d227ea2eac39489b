import Manifests

/// The SMS role a pool sends through, as the manifest names it: either an `SmsRole` manifest (`spec.smsRole`, whose
/// ARN and external id come from that resource's outputs) or a role managed elsewhere (`spec.smsRoleArn` with
/// `spec.smsExternalId`). Becomes the pool's `SmsConfiguration` (`SnsCallerArn`, `ExternalId`).
struct UserPoolSmsSettings: Sendable, Equatable {
    /// Shown for a value that is only known once the SMS role exists.
    static let knownAfterApply = "(known after apply)"

    /// The role ARN, nil while the referenced role is unknown.
    var roleArn: String?
    /// The external id, nil while the referenced role is unknown (or none was given with `smsRoleArn`).
    var externalId: String?

    /// The `SmsRole` manifest `spec` refers to, if any.
    static func roleAddress(of spec: UserPoolSpec) -> ResourceAddress? {
        spec.smsRole.map { ResourceAddress(kind: .smsRole, name: $0.value) }
    }

    /// The settings of `spec`, with `roleOutputs` the outputs of its `SmsRole` (keys `arn`, `externalId`);
    /// nil when the manifest manages no SMS role.
    static func resolve(_ spec: UserPoolSpec, roleOutputs: [String: String]?) -> UserPoolSmsSettings? {
        if spec.smsRole != nil {
            return UserPoolSmsSettings(roleArn: roleOutputs?["arn"], externalId: roleOutputs?["externalId"])
        }
        if let arn = spec.smsRoleArn {
            return UserPoolSmsSettings(roleArn: arn.value, externalId: spec.smsExternalId?.value)
        }
        return nil
    }
}
