import Manifests

/// The fields of the UserPool spec, as `ManagedPaths` reads them (`SpecFields`).
extension UserPoolSpec: SpecFields {
    var specFields: [SpecField] {
        [.field("adopt", adopt), .field("region", region), .field("poolName", poolName),
         .field("usernameAttributes", usernameAttributes), .field("aliasAttributes", aliasAttributes),
         .field("autoVerifiedAttributes", autoVerifiedAttributes), .field("smsRole", smsRole),
         .field("smsRoleArn", smsRoleArn), .field("smsExternalId", smsExternalId), .field("smsService", smsService),
         .field("smsConfigurationSet", smsConfigurationSet), .field("smsConfigurationSetRef", smsConfigurationSetRef),
         .field("smsRegion", smsRegion), .group("verificationMessages", verificationMessages),
         .field("customAttributes", customAttributes), .field("accountRecovery", accountRecovery),
         .field("tags", tags), .mapped(mapped)]
    }
}

extension UserPoolSpec.VerificationMessages: SpecFields {
    var specFields: [SpecField] { [.field("sms", sms), .field("emailSubject", emailSubject), .field("email", email)] }
}
