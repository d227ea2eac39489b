@testable import Reconciler

/// Named example plans shared by the rendering tests: one per action, plus secrets and a mixed plan.
enum PlanFixtures {
    /// Addresses used by the fixtures.
    static let pool = ResourceAddress(kind: .userPool, name: "qnatime")
    static let role = ResourceAddress(kind: .smsRole, name: "cognito-sms")
    static let client = ResourceAddress(kind: .appClient, name: "web")
    static let mfa = ResourceAddress(kind: .mfaPolicy, name: "qnatime")

    /// The refusal reason from ARCHITECTURE.md.
    static let immutableReason = "usernameAttributes cannot change after creation (set policy.onImmutableChange: "
        + "Recreate to delete and recreate the pool; all users will be lost)"

    /// The account and regions every fixture plan names.
    static let account = "123456789012"
    static let regions = ["eu-north-1", "us-east-1"]

    /// Every fixture by golden-file base name.
    static func all() throws -> [(name: String, plan: Plan)] {
        [
            ("create", try Plan(changes: [create()], account: account, regions: regions)),
            ("update", try Plan(changes: [update()], account: account, regions: regions)),
            ("replace", try Plan(changes: [replace()], account: account, regions: regions)),
            ("delete", try Plan(changes: [delete()], account: account, regions: regions)),
            ("refuse", try Plan(changes: [refuse()], account: account, regions: regions)),
            ("blocked", try Plan(changes: [refuse(), blocked()], account: account, regions: regions)),
            ("retain", try Plan(changes: [retain()], account: account, regions: regions)),
            ("rename", try Plan(changes: [renameOnly(), renameWithTag()], account: account, regions: regions)),
            ("suspended", try Plan(changes: [suspended()], account: account, regions: regions)),
            ("noop", try Plan(changes: [try ResourceChange(address: pool, action: .noop)], account: account, regions: regions)),
            ("sensitive", try Plan(changes: [sensitive()], account: account, regions: regions)),
            ("mixed", try mixed()),
        ]
    }

    /// The `create` example change.
    static func create() throws -> ResourceChange {
        try ResourceChange(
            address: role, action: .create,
            fieldChanges: [
                FieldChange(path: "roleName", before: nil, after: "cognito-sms"),
                FieldChange(path: "maxSessionDuration", before: nil, after: 3600),
                FieldChange(path: "tags", before: nil, after: ["team": "identity", "env": "prod"]),
            ])
    }

    /// The `update` example change.
    static func update() throws -> ResourceChange {
        try ResourceChange(
            address: pool, action: .update,
            fieldChanges: [
                FieldChange(path: "passwordPolicy.minimumLength", before: 8, after: 12),
                FieldChange(path: "smsMessage", before: "Your code is {####}", after: "Code: {####} | qnatime"),
                FieldChange(path: "deletionProtection", before: true, after: nil),
            ],
            dependencies: [role])
    }

    /// The `replace` example change.
    static func replace() throws -> ResourceChange {
        try ResourceChange(
            address: pool, action: .replace,
            fieldChanges: [
                FieldChange(path: "usernameAttributes", before: ["email"], after: ["phone_number"],
                            forcesReplacement: true),
            ],
            reason: "usernameAttributes cannot change after creation (policy.onImmutableChange: Recreate)",
            warnings: ["all users of the pool will be lost"], dependencies: [role])
    }

    /// The `refuse` example change.
    static func refuse() throws -> ResourceChange {
        try ResourceChange(
            address: pool, action: .refuse,
            fieldChanges: [
                FieldChange(path: "usernameAttributes", before: ["email"], after: ["phone_number"],
                            forcesReplacement: true),
            ],
            reason: immutableReason)
    }

    /// The `blocked` example change.
    static func blocked() throws -> ResourceChange {
        try ResourceChange(
            address: client, action: .blocked,
            fieldChanges: [FieldChange(path: "callbackUrls", before: [], after: ["https://qnatime.example/cb"])],
            reason: "depends on UserPool/qnatime, which is refused", dependencies: [pool])
    }

    /// The `retain` example change.
    /// A delete of a removed manifest, with the reason the planner gives it.
    static func delete() throws -> ResourceChange {
        try ResourceChange(
            address: client, action: .delete,
            reason: "its manifest is gone and policy.onDelete is Delete: deleted in AWS (clientId 3n4b5urk1ft4fl3mg5e62d9ado, userPoolId us-east-1_AbCdEf123)")
    }

    /// The `retain` example change.
    static func retain() throws -> ResourceChange {
        try ResourceChange(
            address: ResourceAddress(kind: .userPool, name: "legacy"), action: .retain,
            reason: "manifest removed and policy.onDelete is Retain; the pool is kept in AWS")
    }

    /// A suspended pool changed by hand: what resuming would change is shown, nothing is applied.
    static func suspended() throws -> ResourceChange {
        try ResourceChange(
            address: pool, action: .suspended,
            fieldChanges: [FieldChange(path: "mfa.mode", before: "OFF", after: "ON")],
            reason: "suspended (policy.suspend: true); nothing is created, updated or corrected until it is removed")
    }

    /// A rename without field changes: no AWS call.
    static func renameOnly() throws -> ResourceChange {
        try ResourceChange(address: ResourceAddress(kind: .appClient, name: "signup-web"), action: .rename,
                           dependencies: [pool], previousAddress: client)
    }

    /// A rename whose only AWS write is the ownership tag.
    static func renameWithTag() throws -> ResourceChange {
        try ResourceChange(
            address: ResourceAddress(kind: .userPool, name: "qna"), action: .rename,
            fieldChanges: [FieldChange(path: "tags.smsauth:resource", before: "UserPool/qnatime", after: "UserPool/qna")],
            previousAddress: pool)
    }

    /// The `sensitive` example change.
    static func sensitive() throws -> ResourceChange {
        try ResourceChange(
            address: client, action: .update,
            fieldChanges: [
                FieldChange(path: "clientSecret", before: .sensitive, after: .sensitive),
                FieldChange(path: "settings", before: ["secret": .sensitive, "ttl": 60], after: ["secret": .sensitive, "ttl": 30]),
            ],
            dependencies: [pool])
    }

    /// A plan mixing noop, updates with a warning, a create and a delete.
    static func mixed() throws -> Plan {
        try Plan(changes: [
            try ResourceChange(address: role, action: .noop),
            try update(),
            try ResourceChange(
                address: mfa, action: .update,
                fieldChanges: [FieldChange(path: "mode", before: "OPTIONAL", after: "ON")],
                warnings: ["the pool has users: every user must enroll in MFA at next sign-in"],
                dependencies: [pool]),
            try ResourceChange(
                address: client, action: .create,
                fieldChanges: [FieldChange(path: "name", before: nil, after: "web")], dependencies: [pool]),
            try ResourceChange(address: ResourceAddress(kind: .appClient, name: "old"), action: .delete,
                               dependencies: [pool]),
        ], account: account, regions: regions)
    }
}
