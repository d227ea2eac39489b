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

    /// `spec.deliveryStatusRoleArn` is an IAM role ARN (`arn:<partition>:iam::<account>:role/<path><name>`), or
    /// empty to turn logging off: SNS refuses anything else, and only at apply time.
    static let roleArn: Validator.Rule = { context in
        context.manifests.compactMap { manifest in
            guard case .smsAccountSettings(let spec) = manifest.spec, let arn = spec.deliveryStatusRoleArn,
                  !arn.value.isEmpty, !Formats.isRoleArn(arn.value) else { return nil }
            return .error("invalid-role-arn", "'\(arn.value)' is not an IAM role ARN (like "
                          + "arn:aws:iam::123456789012:role/sns-delivery-status); leave it empty to turn logging off",
                          at: arn.location, field: "spec.deliveryStatusRoleArn")
        }
    }
}
