/// Rules for the service a user pool sends SMS through (`spec.smsService`): SNS, or End User Messaging SMS with an
/// optional configuration set.
enum SmsServiceRules {
    /// Whether `name` is an End User Messaging configuration set name (pinpoint-sms-voice-v2 CreateConfigurationSet:
    /// 1-64 characters of ASCII letters, digits, `_` and `-`).
    static func isConfigurationSetName(_ name: String) -> Bool {
        (1...64).contains(name.count) && name.unicodeScalars.allSatisfy { scalar in
            scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "_-".unicodeScalars.contains(scalar))
        }
    }

    /// `smsService` needs a role; `smsConfigurationSet` and `smsConfigurationSetRef` only go with
    /// `endUserMessaging`, one of them, and the first is a valid name; `smsRegion` only with SNS; the SmsRole a pool
    /// names grants the pool's service.
    static let consistent: Validator.Rule = { context in
        context.userPools.flatMap { manifest, spec -> [Diagnostic] in
            let name = manifest.metadata.name.value
            let service = spec.smsService?.value ?? .sns
            var found: [Diagnostic] = []
            if let chosen = spec.smsService, !spec.sendsSms {
                found.append(.error("sms-role-required", "UserPool '\(name)' sends SMS through \(chosen.value.rawValue), "
                                    + "which needs an SMS role: set 'spec.smsRole' (or smsRoleArn and smsExternalId)",
                                    at: chosen.location, field: "spec.smsService"))
            }
            if let set = spec.smsConfigurationSet {
                if service != .endUserMessaging {
                    found.append(.error("sms-configuration-set-needs-end-user-messaging",
                                        "'spec.smsConfigurationSet' is only used with 'smsService: endUserMessaging' "
                                        + "(SNS sends without configuration sets)",
                                        at: set.location, field: "spec.smsConfigurationSet"))
                } else if !isConfigurationSetName(set.value) {
                    found.append(.error("invalid-configuration-set-name", "'\(set.value)' is not a configuration set "
                                        + "name: 1-64 letters, digits, '_' or '-'",
                                        at: set.location, field: "spec.smsConfigurationSet"))
                }
            }
            if let ref = spec.smsConfigurationSetRef {
                if service != .endUserMessaging {
                    found.append(.error("sms-configuration-set-needs-end-user-messaging",
                                        "'spec.smsConfigurationSetRef' is only used with 'smsService: endUserMessaging' "
                                        + "(SNS sends without configuration sets)",
                                        at: ref.location, field: "spec.smsConfigurationSetRef"))
                } else if spec.smsConfigurationSet != nil {
                    found.append(.error("sms-configuration-set-conflict", "'spec.smsConfigurationSetRef' and "
                                        + "'spec.smsConfigurationSet' are exclusive: name a ConfigurationSet manifest, "
                                        + "or a set managed elsewhere", at: ref.location,
                                        field: "spec.smsConfigurationSetRef"))
                }
            }
            if let region = spec.smsRegion, service == .endUserMessaging {
                found.append(.error("sms-region-needs-sns", "'spec.smsRegion' is the SNS region; a pool on "
                                    + "'smsService: endUserMessaging' sends from its own region",
                                    at: region.location, field: "spec.smsRegion"))
            }
            if let roleName = spec.smsRole, let role = context.byID[ResourceID(.smsRole, roleName.value)],
               case .smsRole(let roleSpec) = role.spec, roleSpec.service?.value ?? .sns != service {
                let granted = roleSpec.service?.value ?? .sns
                found.append(.error("sms-service-mismatch", "UserPool '\(name)' sends SMS through "
                                    + "\(service.rawValue) but SmsRole '\(roleName.value)' grants \(granted.rawValue): "
                                    + "set the pool's 'spec.smsService' and the role's 'spec.service' alike",
                                    at: spec.smsService?.location ?? roleName.location,
                                    field: spec.smsService != nil ? "spec.smsService" : "spec.smsRole"))
            }
            return found
        }
    }
}
