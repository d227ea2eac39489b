import Manifests

/// The fields of the AppClient spec, as `ManagedPaths` reads them (`SpecFields`).
extension AppClientSpec: SpecFields {
    var specFields: [SpecField] {
        [.field("userPool", userPool), .field("clientName", clientName), .field("generateSecret", generateSecret),
         .field("explicitAuthFlows", explicitAuthFlows), .field("readAttributes", readAttributes),
         .field("writeAttributes", writeAttributes), .group("tokenValidity", tokenValidity),
         .group("outputs", outputs), .group("secret", secret), .mapped(mapped)]
    }
}

extension AppClientSpec.TokenValidity: SpecFields {
    var specFields: [SpecField] {
        [.field("accessToken", accessToken), .field("idToken", idToken), .field("refreshToken", refreshToken)]
    }
}

extension AppClientSpec.Outputs: SpecFields {
    var specFields: [SpecField] { [.field("ssmParameter", ssmParameter), .field("format", format)] }
}

extension AppClientSpec.Secret: SpecFields {
    var specFields: [SpecField] {
        [.field("secretsManager", secretsManager), .field("ssmParameter", ssmParameter), .field("kmsKeyId", kmsKeyId)]
    }
}
