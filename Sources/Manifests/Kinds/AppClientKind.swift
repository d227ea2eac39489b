extension KindDefinition {
    /// `AppClient`: a user pool app client.
    static let appClient = KindDefinition(
        ManifestSpec.appClient, read: SpecReader.appClient, fields: FieldCatalog.appClient,
        awsMembers: [
            "spec.userPool": "Cognito CreateUserPoolClient UserPoolId (the pool's id)",
            "spec.clientName": "Cognito CreateUserPoolClient ClientName",
            "spec.generateSecret": "Cognito CreateUserPoolClient GenerateSecret",
            "spec.explicitAuthFlows": "Cognito UpdateUserPoolClient ExplicitAuthFlows",
            "spec.readAttributes": "Cognito UpdateUserPoolClient ReadAttributes",
            "spec.writeAttributes": "Cognito UpdateUserPoolClient WriteAttributes",
            "spec.tokenValidity.accessToken":
                "Cognito UpdateUserPoolClient AccessTokenValidity, TokenValidityUnits.AccessToken",
            "spec.tokenValidity.idToken": "Cognito UpdateUserPoolClient IdTokenValidity, TokenValidityUnits.IdToken",
            "spec.tokenValidity.refreshToken":
                "Cognito UpdateUserPoolClient RefreshTokenValidity, TokenValidityUnits.RefreshToken",
            "spec.outputs.ssmParameter": "SSM PutParameter Name (Type String)",
            "spec.outputs.format": "SSM PutParameter Value (the document written)",
            "spec.secret.secretsManager": "Secrets Manager CreateSecret Name",
            "spec.secret.ssmParameter": "SSM PutParameter Name (Type SecureString)",
            "spec.secret.kmsKeyId": "Secrets Manager CreateSecret KmsKeyId, SSM PutParameter KeyId",
        ],
        purpose: """
            An app client of a user pool (CreateUserPoolClient, UpdateUserPoolClient): the sign-in flows an \
            app may use, the attributes it reads and writes, and its token lifetimes.
            """, smsSignIn: [
                "`explicitAuthFlows` must include `ALLOW_REFRESH_TOKEN_AUTH`, or users are sent a new SMS code "
                    + "every time their tokens expire.",
                "`writeAttributes: [phone_number]` lets sign-up set the number that receives the code.",
                "`preventUserExistenceErrors: true` stops sign-in and recovery from revealing registered numbers.",
                "`generateSecret` is immutable; a generated secret goes to `secret`, never to logs or status.",
            ], example: "phone-username-mfa-required/app-client.yaml",
        relations: KindRelations(references: [KindReference("spec.userPool", names: .userPool, read: .foundByReference) {
            (s: AppClientSpec) in s.userPool
        }], region: .ofReference("spec.userPool")),
        supportsAdoption: false, defaultOnDelete: .delete,
        rules: [ClientRules.tokenValidity, DeliveryRules.secretTarget, DeliveryRules.names, DeliveryRules.distinctTargets],
        // `spec.clientName` in its `spec.userPool`.
        claims: { (s: AppClientSpec, claims: inout ClaimList) in
            claims.add("app-client:\(s.userPool.value)/\(s.clientName.value)", "the app client named "
                       + "'\(s.clientName.value)' of UserPool '\(s.userPool.value)'", "spec.clientName", s.clientName)
        })
}
