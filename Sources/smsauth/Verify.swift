import AWSCore
import AWSServices
import ArgumentParser
import Foundation
import Logging
import Manifests
import Reconciler

/// `smsauth verify NAME --code CODE [DIR]`: finishes a SandboxNumber's verification with the one-time password
/// AWS texted to it; `smsauth verify NAME --resend [DIR]` has AWS text a new one.
struct Verify: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Verify a SandboxNumber with the one-time password texted to it, or have AWS text a new one.",
        discussion: """
            Loads and validates the manifests, finds the SandboxNumber NAME and verifies it with CODE in its
            sandbox: SNS's (VerifySMSSandboxPhoneNumber) or End User Messaging's (VerifyDestinationNumber), the one
            its spec.service or its region's pools use. The code is never printed or logged. When the number has a
            status file, it is marked Ready. With --resend instead of --code, a Pending number is sent a new code
            (SNS: CreateSMSSandboxPhoneNumber again, at most 5 codes again per number within 24 hours; End User
            Messaging: SendDestinationNumberVerificationCode); nothing is sent to a verified one.
            Exit status: 0 when the number is verified (or already was) or a new code was sent, 1 otherwise.
            """
    )

    /// `--region`, `--profile`, `--status-dir`, ... shared by every subcommand.
    @OptionGroup var global: GlobalOptions

    @Argument(help: "metadata.name of the SandboxNumber.")
    var name: String

    @Option(help: "The one-time password from the SMS (5 to 8 digits).")
    var code: String?

    @Flag(help: "Send a new one-time password to the Pending number instead of verifying (at most 5 a day per number).")
    var resend = false

    @Argument(help: "Manifest directory, read recursively.")
    var directory: String = "./manifests"

    /// Refuses a malformed code, or both or neither of --code and --resend, before anything is read (`--region` is
    /// checked by the global options).
    func validate() throws {
        if resend {
            guard code == nil else { throw ValidationError("give --code or --resend, not both.") }
            return
        }
        guard let code else { throw ValidationError("give --code with the code from the SMS, or --resend.") }
        guard OneTimePasswordFile.isWellFormed(code) else {
            throw ValidationError("--code must be the 5 to 8 digit code from the SMS.")
        }
    }

    /// Verifies the number and prints the result; exits 1 on any problem.
    func run() async throws {
        global.bootstrapLogging()
        let logger = Logger(label: "smsauth.verify")
        let environment = ProcessInfo.processInfo.environment
        let state = try StateAccess.resolve(global: global, manifests: directory,
                                            settingsState: ManifestLoader().load(directory: directory).settings?.state?.value,
                                            environment: environment)
        do {
            let aws = try AWSContext.make(options: global, environment: environment, logger: logger)
            let target = try VerifyTarget.find(name: name, directory: directory, defaultRegion: aws.defaultRegion)
            let sandbox = SandboxAPI(service: target.service, region: target.region, client: aws.client)
            if resend {
                print(try await sendAgain(target, sandbox: sandbox))
                return
            }
            let message = try await verify(target, sandbox: sandbox, code: code ?? "")
            print(message)
            try await VerifyStatus.markVerified(target, store: try await state.openForReading(aws: aws), now: Date())
        } catch let error as StatusStoreError {
            throw StandardError.failure("verified, but the status file was not updated: \(error.message)")
        } catch {
            guard let message = Self.message(of: error) else { throw error }
            throw StandardError.failure(message)
        }
    }

    /// Lists the region's sandbox (to tell "unknown" and "already verified" apart), then verifies.
    private func verify(_ target: VerifyTarget, sandbox: SandboxAPI, code: String) async throws -> String {
        let listed = try await pending(target, sandbox: sandbox)
        guard let listed else { return alreadyVerified(target) }
        try await sandbox.verify(listed, code: code, name: name)
        return "SandboxNumber/\(name): \(target.phoneNumber) verified in the \(SandboxService.sandboxName(target.service)) of \(target.region)"
    }

    /// Has AWS text a new code to the Pending number; nothing is sent to a verified number.
    private func sendAgain(_ target: VerifyTarget, sandbox: SandboxAPI) async throws -> String {
        guard let listed = try await pending(target, sandbox: sandbox) else { return alreadyVerified(target) }
        do {
            try await sandbox.resend(listed, language: target.language)
        } catch let error as AWSError where error.code == "UserError" {
            throw VerifyError.resendLimit(name: name, phoneNumber: target.phoneNumber, region: target.region,
                                          aws: error.message)
        }
        return "SandboxNumber/\(name): a new code was sent to \(target.phoneNumber) in the \(SandboxService.sandboxName(target.service)) of \(target.region)"
    }

    /// The number as its sandbox lists it while Pending, nil when it is verified; throws when the sandbox does not
    /// list it.
    private func pending(_ target: VerifyTarget, sandbox: SandboxAPI) async throws -> SandboxNumberLive? {
        guard let listed = try await sandbox.find(target.phoneNumber, name: name) else {
            throw SandboxNumberError.notInSandbox(name: name, phoneNumber: target.phoneNumber, region: target.region,
                                                  service: target.service)
        }
        return listed.status == .verified ? nil : listed
    }

    /// The message for a number that is already verified.
    private func alreadyVerified(_ target: VerifyTarget) -> String {
        "SandboxNumber/\(name): \(target.phoneNumber) is already verified in the \(SandboxService.sandboxName(target.service)) of \(target.region); nothing to do"
    }

    /// The message for an error `verify` reports and exits on (the sandbox number's own errors and AWS's); nil for
    /// any other error, which is thrown on.
    private static func message(of error: any Error) -> String? {
        switch error {
        case let error as VerifyError: error.message
        case let error as SandboxNumberError: error.message
        case let error as AWSError: "\(error)"
        default: nil
        }
    }
}
