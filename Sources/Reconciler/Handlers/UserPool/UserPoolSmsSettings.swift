import AWSServices
import Manifests

/// The SMS role a pool sends through, as the manifest names it: either an `SmsRole` manifest (`spec.smsRole`, whose
/// ARN and external id come from that resource's outputs) or a role managed elsewhere (`spec.smsRoleArn` with
/// `spec.smsExternalId`), and the service it sends through (`spec.smsService`). Becomes the pool's `SmsConfiguration`:
/// `SnsCallerArn` and `ExternalId` for SNS, `EumsSms` (`CallerArn`, `ExternalId`, `ConfigurationSetName`) for End
/// User Messaging SMS.
struct UserPoolSmsSettings: Sendable, Equatable {
    /// Shown for a value that is only known once the SMS role exists.
    static let knownAfterApply = "(known after apply)"

    /// The role ARN, nil while the referenced role is unknown.
    var roleArn: String?
    /// The external id, nil while the referenced role is unknown (or none was given with `smsRoleArn`).
    var externalId: String?
    /// The service SMS is sent through.
    var service: SmsService = .sns
    /// The End User Messaging configuration set (End User Messaging only).
    var configurationSet: String?

    /// The End User Messaging members of the pool's desired fields (`service`, `configurationSet`), empty for SNS
    /// (so an SNS pool's fields are what they were before End User Messaging existed).
    var pathFields: [String: PlanValue] {
        guard service == .endUserMessaging else { return [:] }
        return ["service": .string(service.rawValue), "configurationSet": configurationSet.map(PlanValue.string) ?? .null]
    }

    /// The `SmsConfiguration` for these settings, keeping the members of `live` smsauth does not manage
    /// (`SnsRegion` on SNS; `OriginationIdentity`, `Region`, … inside `EumsSms`) and dropping the other path's.
    func configuration(over live: [String: JSONValue]) -> [String: JSONValue] {
        switch service {
        case .sns:
            var config = live
            config["EumsSms"] = nil
            config["SnsCallerArn"] = roleArn.map(JSONValue.string)
            config["ExternalId"] = externalId.map(JSONValue.string)
            return config
        case .endUserMessaging:
            var eums = live["EumsSms"]?.objectValue ?? [:]
            eums["CallerArn"] = roleArn.map(JSONValue.string)
            eums["ExternalId"] = externalId.map(JSONValue.string)
            eums["ConfigurationSetName"] = configurationSet.map(JSONValue.string)
            return ["EumsSms": .object(eums)]
        }
    }

    /// The `SmsRole` manifest `spec` refers to, if any.
    static func roleAddress(of spec: UserPoolSpec) -> ResourceAddress? {
        spec.smsRole.map { ResourceAddress(kind: .smsRole, name: $0.value) }
    }

    /// The `ConfigurationSet` manifest `spec` refers to (`spec.smsConfigurationSetRef`), if any.
    static func configurationSetAddress(of spec: UserPoolSpec) -> ResourceAddress? {
        spec.smsConfigurationSetRef.map { ResourceAddress(kind: .configurationSet, name: $0.value) }
    }

    /// The settings of `spec`, with `roleOutputs` the outputs of its `SmsRole` (keys `arn`, `externalId`) and
    /// `setOutputs` those of its `ConfigurationSet` (key `name`, the set's AWS name, known before it exists); nil
    /// when the manifest manages no SMS role.
    static func resolve(_ spec: UserPoolSpec, roleOutputs: [String: String]?,
                        setOutputs: [String: String]? = nil) -> UserPoolSmsSettings? {
        let service = spec.smsService?.value ?? .sns
        let named = spec.smsConfigurationSetRef != nil ? setOutputs?["name"] ?? knownAfterApply : spec.smsConfigurationSet?.value
        let configurationSet = service == .endUserMessaging ? named : nil
        if spec.smsRole != nil {
            return UserPoolSmsSettings(roleArn: roleOutputs?["arn"], externalId: roleOutputs?["externalId"],
                                       service: service, configurationSet: configurationSet)
        }
        if let arn = spec.smsRoleArn {
            return UserPoolSmsSettings(roleArn: arn.value, externalId: spec.smsExternalId?.value, service: service,
                                       configurationSet: configurationSet)
        }
        return nil
    }
}
