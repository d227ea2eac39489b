import ArgumentParser

/// The `smsauth` command: keeps SMS sign-in on AWS equal to a directory of YAML manifests.
@main
struct SmsAuth: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "smsauth",
        abstract: "Keep SMS sign-in on AWS (Cognito user pools, SMS role, MFA, SNS sandbox, origination numbers) equal to YAML manifests.",
        version: SmsAuthVersion.current,
        subcommands: [Validate.self, Reconcile.self, ControllerCommand.self, Status.self, Verify.self, Doctor.self, Outputs.self, Export.self, Schema.self, Explain.self]
    )
}

/// The release version printed by `smsauth --version`.
enum SmsAuthVersion {
    static let current = "0.1.0"
}
