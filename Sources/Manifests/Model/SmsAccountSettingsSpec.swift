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
    /// `spec.deliveryStatus`: delivery-status logging through an `SmsLogRole` manifest (instead of the two flat
    /// fields above, which name a role managed elsewhere).
    public var deliveryStatus: DeliveryStatus?

    /// `spec.deliveryStatus`.
    public struct DeliveryStatus: Sendable, Equatable {
        /// Where the block is.
        public var location: SourceLocation
        /// `role`: name of the `SmsLogRole` manifest whose ARN becomes `DeliveryStatusIAMRole`.
        public var role: Located<String>
        /// `successSamplingRate`, 0–100 percent.
        public var successSamplingRate: Located<Int>?

        /// Creates the block.
        public init(location: SourceLocation, role: Located<String>, successSamplingRate: Located<Int>? = nil) {
            self.location = location
            self.role = role
            self.successSamplingRate = successSamplingRate
        }
    }

    /// Creates an empty spec.
    public init() {}
}
