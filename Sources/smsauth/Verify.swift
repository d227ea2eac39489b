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
        abstract: "Verify a SandboxNumber with the one-time password texted to it, or have AWS text a new one.",
        discussion: """
            Loads and validates the manifests, finds the SandboxNumber NAME and calls VerifySMSSandboxPhoneNumber
            with CODE. The code is never printed or logged. When the number has a status file, it is marked Ready.
            With --resend instead of --code, a Pending number is sent a new code (CreateSMSSandboxPhoneNumber
            again; AWS sends at most 5 codes again per number within 24 hours); nothing is sent to a verified one.
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
            let sns = SNS(client: aws.client, region: target.region)
            if resend {
                print(try await sendAgain(target, sns: sns))
                return
            }
            let message = try await verify(target, sns: sns, code: code ?? "")
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
    private func verify(_ target: VerifyTarget, sns: SNS, code: String) async throws -> String {
        if let verified = try await alreadyVerified(target, sns: sns) { return verified }
        do {
            try await sns.verifySandboxPhoneNumber(target.phoneNumber, oneTimePassword: code)
        } catch let error as AWSError {
            throw SandboxNumberError.verification(error, name: name, phoneNumber: target.phoneNumber,
                                                  region: target.region) ?? error
        }
        return "SandboxNumber/\(name): \(target.phoneNumber) verified in \(target.region)"
    }

    /// Has AWS text a new code to the Pending number (CreateSMSSandboxPhoneNumber on a listed number sends a new
    /// one-time password); nothing is sent to a verified number.
    private func sendAgain(_ target: VerifyTarget, sns: SNS) async throws -> String {
        if let verified = try await alreadyVerified(target, sns: sns) { return verified }
        do {
            try await sns.createSandboxPhoneNumber(target.phoneNumber, languageCode: target.languageCode)
        } catch let error as AWSError where error.code == "UserError" {
            throw VerifyError.resendLimit(name: name, phoneNumber: target.phoneNumber, region: target.region,
                                          aws: error.message)
        }
        return "SandboxNumber/\(name): a new code was sent to \(target.phoneNumber) in \(target.region)"
    }

    /// The "already verified" message when the region's sandbox lists the number as verified, nil when it is
    /// Pending; throws when the sandbox does not list it.
    private func alreadyVerified(_ target: VerifyTarget, sns: SNS) async throws -> String? {
        let listed = try await sns.listSandboxPhoneNumbers().first { $0.phoneNumber == target.phoneNumber }
        guard let listed else {
            throw SandboxNumberError.notInSandbox(name: name, phoneNumber: target.phoneNumber, region: target.region)
        }
        guard SandboxNumberStatus(aws: listed.status) == .verified else { return nil }
        return "SandboxNumber/\(name): \(target.phoneNumber) is already verified in \(target.region); nothing to do"
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
