import Manifests

/// What GetSMSAttributes and GetSMSSandboxAccountStatus say about one region's account SMS settings.
public struct SmsAccountSettingsLive: Sendable, Equatable {
    /// The region.
    public var region: String
    /// The managed SNS attributes that are set, by SNS name (`MonthlySpendLimit` → `"50"`).
    public var attributes: [String: String]
    /// Whether the account is still in the SMS sandbox (changed only by an AWS support case).
    public var inSandbox: Bool

    /// Creates the live settings.
    public init(region: String, attributes: [String: String], inSandbox: Bool) {
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

    /// The SNS attribute names read.
    static var attributeNames: [String] { all.map(\.attribute) }

    /// The field at manifest path `path`.
    static func field(at path: String) -> Field? { all.first { $0.path == path } }

    /// The fields the manifest sets, as SNS attribute strings by manifest path.
    static func desiredAttributes(_ spec: SmsAccountSettingsSpec) -> [String: String] {
        var values: [String: String] = [:]
        values["defaultSmsType"] = spec.defaultSmsType?.value.rawValue
        values["monthlySpendLimitUSD"] = spec.monthlySpendLimitUSD.map { String($0.value) }
        values["defaultSenderId"] = spec.defaultSenderId?.value
        values["deliveryStatusRoleArn"] = spec.deliveryStatusRoleArn?.value
        values["deliveryStatusSuccessSamplingRate"] = spec.deliveryStatusSuccessSamplingRate.map { String($0.value) }
        return values
    }

    /// The plan values of the fields the manifest sets.
    static func desired(_ spec: SmsAccountSettingsSpec) -> [String: PlanValue] {
        desiredAttributes(spec).reduce(into: [:]) { values, entry in
            if let field = field(at: entry.key) { values[entry.key] = value(entry.value, field) }
        }
    }

    /// The plan values of every managed field as read (`.null` when SNS has none).
    static func live(_ live: SmsAccountSettingsLive) -> [String: PlanValue] {
        all.reduce(into: [:]) { values, field in
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
