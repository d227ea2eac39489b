/// `spec` of a `SandboxNumber`: a destination number verified in the SNS SMS sandbox or in End User Messaging SMS's.
public struct SandboxNumberSpec: Sendable, Equatable {
    /// `spec.region`; nil means the default region.
    public var region: Located<String>?
    /// `spec.phoneNumber`, E.164; the resource's identity.
    public var phoneNumber: Located<String>
    /// `spec.languageCode` of the one-time password SMS.
    public var languageCode: Located<SandboxLanguage>?
    /// `spec.oneTimePasswordFile`, relative to the manifest file.
    public var oneTimePasswordFile: Located<String>?
    /// `spec.service`: the sandbox the number is added to; nil follows the region's pools (`SandboxService`).
    public var service: Located<SmsService>?

    /// Creates the spec.
    public init(region: Located<String>? = nil, phoneNumber: Located<String>,
                languageCode: Located<SandboxLanguage>? = nil, oneTimePasswordFile: Located<String>? = nil,
                service: Located<SmsService>? = nil) {
        self.region = region
        self.phoneNumber = phoneNumber
        self.languageCode = languageCode
        self.oneTimePasswordFile = oneTimePasswordFile
        self.service = service
    }
}
