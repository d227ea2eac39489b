/// How one readiness check came out.
public enum DoctorOutcome: String, Sendable, Equatable, Codable, CaseIterable {
    /// SMS will work as far as this check can tell.
    case pass
    /// SMS works, but not for everyone or not for long (sandbox, low spend limit, a number still pending).
    case warn
    /// SMS will not work until this is fixed.
    case fail
}

/// The result of one check of `smsauth doctor`: which resource, which check, how it came out, why, and the fix.
public struct DoctorCheck: Sendable, Equatable, Codable {
    /// What was checked: `UserPool/<name>` or `Region/<region>` for account-wide SMS settings.
    public var resource: String
    /// Stable id of the check (`sms-role-trust`, `spend-limit`, …; docs/doctor.md lists them).
    public var check: String
    /// Pass, warn or fail.
    public var result: DoctorOutcome
    /// What was found, in one sentence.
    public var message: String
    /// How to fix it (nil on a pass).
    public var fix: String?

    /// Creates a result.
    public init(resource: String, check: String, result: DoctorOutcome, message: String, fix: String? = nil) {
        self.resource = resource
        self.check = check
        self.result = result
        self.message = message
        self.fix = fix
    }

    /// Keys of the JSON form.
    private enum CodingKeys: String, CodingKey {
        case resource, check, result, message, fix
    }

    /// Encodes every key, `fix` as `null` on a pass, so the JSON shape never varies.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(resource, forKey: .resource)
        try container.encode(check, forKey: .check)
        try container.encode(result, forKey: .result)
        try container.encode(message, forKey: .message)
        try container.encode(fix, forKey: .fix)
    }
}

/// Every check of one doctor run, with the counts `--output json` prints.
public struct DoctorReport: Sendable, Equatable, Codable {
    /// The checks, pools first (in manifest address order), then regions.
    public var checks: [DoctorCheck]
    /// How many passed.
    public var passed: Int
    /// How many warned.
    public var warnings: Int
    /// How many failed.
    public var failed: Int

    /// A report of `checks`, counted.
    public init(checks: [DoctorCheck]) {
        self.checks = checks
        passed = checks.filter { $0.result == .pass }.count
        warnings = checks.filter { $0.result == .warn }.count
        failed = checks.filter { $0.result == .fail }.count
    }

    /// Whether any check failed (the command then exits 1).
    public var hasFailures: Bool { failed > 0 }
}
