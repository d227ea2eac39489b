/// `spec` of an `MfaPolicy`: MFA and trusted devices for one user pool.
public struct MfaPolicySpec: Sendable, Equatable {
    /// `spec.userPool`: name of a `UserPool` manifest.
    public var userPool: Located<String>
    /// `spec.mode`.
    public var mode: Located<MfaMode>
    /// `spec.sms`.
    public var sms: SmsFactor?
    /// `spec.totp`.
    public var totp: TotpFactor?
    /// `spec.deviceTracking`.
    public var deviceTracking: DeviceTracking?

    /// Creates a spec with no factor blocks.
    public init(userPool: Located<String>, mode: Located<MfaMode>) {
        self.userPool = userPool
        self.mode = mode
    }

    /// `spec.sms`.
    public struct SmsFactor: Sendable, Equatable {
        /// Where the block is.
        public var location: SourceLocation
        /// Whether SMS is an MFA factor.
        public var enabled: Located<Bool>?
        /// Authentication message, 6–140 characters with `{####}`.
        public var message: Located<String>?
    }

    /// `spec.totp`.
    public struct TotpFactor: Sendable, Equatable {
        /// Where the block is.
        public var location: SourceLocation
        /// Whether software tokens are an MFA factor.
        public var enabled: Located<Bool>?
    }

    /// `spec.deviceTracking`.
    public struct DeviceTracking: Sendable, Equatable {
        /// Where the block is.
        public var location: SourceLocation
        /// When devices are remembered.
        public var remember: Located<DeviceRemembering>?
        /// Remembered devices may skip the second factor.
        public var bypassMfaOnRememberedDevices: Located<Bool>?
    }

    /// Whether SMS is an enabled factor.
    public var smsEnabled: Bool { sms?.enabled?.value ?? false }
    /// Whether TOTP is an enabled factor.
    public var totpEnabled: Bool { totp?.enabled?.value ?? false }
}
