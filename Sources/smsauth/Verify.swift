import AWSCore
import AWSServices
import ArgumentParser
import Foundation
import Logging
import Manifests
import Reconciler

/// `smsauth verify NAME --code CODE [DIR]`: finishes a SandboxNumber's verification with the one-time password
/// AWS texted to it.
struct Verify: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Verify a SandboxNumber with the one-time password texted to it.",
        discussion: """
            Loads and validates the manifests, finds the SandboxNumber NAME and calls VerifySMSSandboxPhoneNumber
            with CODE. The code is never printed or logged. When the number has a status file, it is marked Ready.
            Exit status: 0 when the number is verified (or already was), 1 otherwise.
            """
    )

    /// `--region`, `--profile`, `--status-dir`, ... shared by every subcommand.
    @OptionGroup var global: GlobalOptions

    @Argument(help: "metadata.name of the SandboxNumber.")
    var name: String

    @Option(help: "The one-time password from the SMS (5 to 8 digits).")
    var code: String

    @Argument(help: "Manifest directory, read recursively.")
    var directory: String = "./manifests"

    /// Refuses a malformed code before anything is read (`--region` is checked by the global options).
    func validate() throws {
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
            let message = try await verify(target, sns: SNS(client: aws.client, region: target.region))
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
    private func verify(_ target: VerifyTarget, sns: SNS) async throws -> String {
        let listed = try await sns.listSandboxPhoneNumbers().first { $0.phoneNumber == target.phoneNumber }
        guard let listed else {
            throw SandboxNumberError.notInSandbox(name: name, phoneNumber: target.phoneNumber, region: target.region)
        }
        if SandboxNumberStatus(aws: listed.status) == .verified {
            return "SandboxNumber/\(name): \(target.phoneNumber) is already verified in \(target.region); nothing to do"
        }
        do {
            try await sns.verifySandboxPhoneNumber(target.phoneNumber, oneTimePassword: code)
        } catch let error as AWSError {
            throw SandboxNumberError.verification(error, name: name, phoneNumber: target.phoneNumber,
                                                  region: target.region) ?? error
        }
        return "SandboxNumber/\(name): \(target.phoneNumber) verified in \(target.region)"
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
