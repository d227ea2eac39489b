/// Rules for an SmsAccountSettings' delivery-status logging.
enum DeliveryStatusRules {
    /// Delivery-status logging is set one way: `spec.deliveryStatus` (an SmsLogRole manifest), or the flat
    /// `spec.deliveryStatusRoleArn` / `spec.deliveryStatusSuccessSamplingRate` (a role managed elsewhere). Both
    /// set the same two SNS attributes, so both at once is an error at each flat field that is set.
    static let oneForm: Validator.Rule = { context in
        context.manifests.flatMap { manifest -> [Diagnostic] in
            guard case .smsAccountSettings(let spec) = manifest.spec, let block = spec.deliveryStatus else { return [] }
            let flat: [(String, SourceLocation)] = [
                spec.deliveryStatusRoleArn.map { ("spec.deliveryStatusRoleArn", $0.location) },
                spec.deliveryStatusSuccessSamplingRate.map { ("spec.deliveryStatusSuccessSamplingRate", $0.location) },
            ].compactMap { $0 }
            return flat.map { field, location in
                .error("delivery-status-conflict", "'\(field)' and 'spec.deliveryStatus' (role \(block.role.value)) "
                       + "are exclusive: name an SmsLogRole in deliveryStatus, or give a role managed elsewhere in "
                       + "deliveryStatusRoleArn and deliveryStatusSuccessSamplingRate", at: location, field: field)
            }
        }
    }
}
