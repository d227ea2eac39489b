/// `spec` of `SmsAccountSettings`: account-wide SNS SMS preferences of one region.
public struct SmsAccountSettingsSpec: Sendable, Equatable {
    /// `spec.region`; nil means the default region.
    public var region: Located<String>?
    /// `spec.defaultSmsType`.
    public var defaultSmsType: Located<SmsType>?
    /// `spec.monthlySpendLimitUSD`, ≥ 0.
    public var monthlySpendLimitUSD: Located<Int>?
    /// `spec.defaultSenderId`, 1–11 alphanumeric with at least one letter.
    public var defaultSenderId: Located<String>?
    /// `spec.deliveryStatusRoleArn`.
    public var deliveryStatusRoleArn: Located<String>?
    /// `spec.deliveryStatusSuccessSamplingRate`, 0–100 percent.
    public var deliveryStatusSuccessSamplingRate: Located<Int>?

    /// Creates an empty spec.
    public init() {}
}
