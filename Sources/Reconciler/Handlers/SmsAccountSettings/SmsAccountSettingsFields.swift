import Manifests

/// What GetSMSAttributes and GetSMSSandboxAccountStatus say about one region's account SMS settings.
struct SmsAccountSettingsLive: Sendable, Equatable {
    /// The region.
    var region: String
    /// The managed SNS attributes that are set, by SNS name (`MonthlySpendLimit` → `"50"`).
    var attributes: [String: String]
    /// Whether the account is still in the SMS sandbox (changed only by an AWS support case).
    var inSandbox: Bool

    /// Creates the live settings.
    init(region: String, attributes: [String: String], inSandbox: Bool) {
        self.region = region
        self.attributes = attributes
        self.inSandbox = inSandbox
    }
}

/// The manifest fields of SmsAccountSettings and the SNS SMS attributes they manage. Attributes no manifest field
/// names (`UsageReportS3Bucket`, …) are never read or written.
enum SmsAccountSettingsFields {
    /// One managed field.
    struct Field: Sendable {
        /// Manifest path under `spec`.
        let path: String
        /// SNS attribute name.
        let attribute: String
        /// Whether SNS's string holds a number (compared as a number: `"50"` equals `50`).
        let isNumber: Bool
    }

    /// Every managed field, in manifest order.
    static let all: [Field] = [
        Field(path: "defaultSmsType", attribute: "DefaultSMSType", isNumber: false),
        Field(path: "monthlySpendLimitUSD", attribute: "MonthlySpendLimit", isNumber: true),
        Field(path: "defaultSenderId", attribute: "DefaultSenderID", isNumber: false),
        Field(path: "deliveryStatusRoleArn", attribute: "DeliveryStatusIAMRole", isNumber: false),
        Field(path: "deliveryStatusSuccessSamplingRate", attribute: "DeliveryStatusSuccessSamplingRate", isNumber: true),
    ]

    /// The paths of the delivery-status fields when the manifest names an SmsLogRole (`spec.deliveryStatus`).
    static let deliveryStatusPaths = [
        "deliveryStatusRoleArn": "deliveryStatus.role",
        "deliveryStatusSuccessSamplingRate": "deliveryStatus.successSamplingRate",
    ]

    /// The SNS attribute names read.
    static var attributeNames: [String] { all.map(\.attribute) }

    /// The managed fields with the paths `spec` writes them at: the delivery-status fields under `deliveryStatus.`
    /// when it names an SmsLogRole.
    static func fields(of spec: SmsAccountSettingsSpec) -> [Field] {
        guard spec.deliveryStatus != nil else { return all }
        return all.map { field in
            Field(path: deliveryStatusPaths[field.path] ?? field.path, attribute: field.attribute, isNumber: field.isNumber)
        }
    }

    /// The field of `spec` at manifest path `path`.
    static func field(at path: String, of spec: SmsAccountSettingsSpec) -> Field? {
        fields(of: spec).first { $0.path == path }
    }

    /// The `SmsLogRole` manifest `spec.deliveryStatus.role` names, if any.
    static func logRoleAddress(of spec: SmsAccountSettingsSpec) -> ResourceAddress? {
        spec.deliveryStatus.map { ResourceAddress(kind: .smsLogRole, name: $0.role.value) }
    }

    /// The fields the manifest sets, as SNS attribute strings by manifest path. `logRoleArn` is the ARN of the
    /// SmsLogRole `spec.deliveryStatus` names (nil while unknown: then `deliveryStatus.role` is left out).
    static func desiredAttributes(_ spec: SmsAccountSettingsSpec, logRoleArn: String?) -> [String: String] {
        var values: [String: String] = [:]
        values["defaultSmsType"] = spec.defaultSmsType?.value.rawValue
        values["monthlySpendLimitUSD"] = spec.monthlySpendLimitUSD.map { String($0.value) }
        values["defaultSenderId"] = spec.defaultSenderId?.value
        values["deliveryStatusRoleArn"] = spec.deliveryStatusRoleArn?.value
        values["deliveryStatusSuccessSamplingRate"] = spec.deliveryStatusSuccessSamplingRate.map { String($0.value) }
        if let block = spec.deliveryStatus {
            values["deliveryStatus.role"] = logRoleArn
            values["deliveryStatus.successSamplingRate"] = block.successSamplingRate.map { String($0.value) }
        }
        return values
    }

    /// The plan values of the fields the manifest sets; `deliveryStatus.role` is "(known after apply)" while the
    /// log role's ARN is unknown.
    static func desired(_ spec: SmsAccountSettingsSpec, logRoleArn: String?) -> [String: PlanValue] {
        var values: [String: PlanValue] = desiredAttributes(spec, logRoleArn: logRoleArn).reduce(into: [:]) { values, entry in
            if let field = field(at: entry.key, of: spec) { values[entry.key] = value(entry.value, field) }
        }
        if spec.deliveryStatus != nil, logRoleArn == nil {
            values["deliveryStatus.role"] = .string(UserPoolSmsSettings.knownAfterApply)
        }
        return values
    }

    /// The plan values of every managed field as read (`.null` when SNS has none), at the paths `spec` uses.
    static func live(_ live: SmsAccountSettingsLive, for spec: SmsAccountSettingsSpec) -> [String: PlanValue] {
        fields(of: spec).reduce(into: [:]) { values, field in
            values[field.path] = live.attributes[field.attribute].map { value($0, field) } ?? .null
        }
    }

    /// An SNS attribute string as a plan value: numbers compare as numbers, an empty string is unset.
    private static func value(_ text: String, _ field: Field) -> PlanValue {
        if text.isEmpty { return .null }
        if field.isNumber, let number = Double(text) { return .number(number) }
        return .string(text)
    }
}
