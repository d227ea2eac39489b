import ArgumentParser
import Foundation
import Logging
import Manifests
import Reconciler

/// `smsauth outputs [DIR]`: the client configuration apps need (pool id, client id, region, sign-in settings) from
/// live state, in a published format. Never a secret.
struct Outputs: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "outputs",
        abstract: "Print the client configuration of the app clients (ids, region, sign-in settings) from live AWS state.",
        discussion: """
            Validates the manifests, finds each AppClient in AWS as reconcile does, and describes it and its pool
            now. Formats: amplify (Amplify Gen 2 amplify_outputs.json, schema version 1.4), amplify-gen1 (the
            awsCognitoAuthPlugin section of amplifyconfiguration.json), json (smsauth's shape, every client), env
            (KEY=value lines). amplify, amplify-gen1 and env describe one client: choose it with --client when the
            manifests have several. Client secrets are never printed (deliver them with spec.secret). Writes
            nothing to AWS. See docs/app-configuration.md.
            """
    )

    /// `--region`, `--profile`, `--status-dir`, logging.
    @OptionGroup var global: GlobalOptions

    @Argument(help: "Manifest directory, read recursively (.yaml and .yml).")
    var directory: String = "./manifests"

    @Option(help: "Document format: amplify, amplify-gen1, json or env.")
    var format: ClientConfigurationFormat = .json

    @Option(help: "metadata.name of the AppClient manifest to describe (default: every client).")
    var client: String?

    @Option(help: "Write the document to this file (created, or replaced atomically if it is a regular file) instead of standard output.")
    var out: String?

    /// Refuses an empty --client or --out, and an --out that is not a file smsauth may create or replace
    /// (`OutputFile.check`), before any AWS call.
    func validate() throws {
        if let client, client.isEmpty { throw ValidationError("--client must not be empty.") }
        if let out, out.isEmpty { throw ValidationError("--out must not be empty.") }
        if let out {
            do throws(OutputFileError) {
                try OutputFile.check(out)
            } catch {
                throw ValidationError("--out: \(error.description).")
            }
        }
    }

    /// Reads the clients and prints or writes the document.
    func run() async throws {
        global.bootstrapLogging()
        let logger = Logger(label: "smsauth.outputs")
        let environment = ProcessInfo.processInfo.environment
        let loaded = try global.loadValidManifests(from: directory, environment: environment)
        let reading = try await ReadOnlyEngine.make(global: global, directory: directory, loaded: loaded, logger: logger)
        let names = loaded.manifests.map(\.id).filter { $0.kind == .appClient }.map(\.name).sorted()
        if format != .json, client == nil, names.count > 1 {
            throw StandardError.failure(ClientConfigurationError.oneClientNeeded(format, names).description)
        }
        let document: String
        do {
            let configurations = try await ClientConfigurationReader(engine: reading.engine)
                .read(loaded, defaultRegion: reading.aws.defaultRegion, client: client)
            document = ClientConfigurationDocument.render(configurations, as: format)
        } catch let error as ClientConfigurationError {
            throw StandardError.failure(error.description)
        } catch let error as ReconcileEngineError {
            throw StandardError.failure(error.description)
        } catch {
            throw StandardError.failure("reading the app clients failed: \(error)")
        }
        guard let out else {
            print(document, terminator: "")
            return
        }
        do throws(OutputFileError) {
            try OutputFile.write(document, to: out)
        } catch {
            throw StandardError.failure(error.description)
        }
    }
}

extension ClientConfigurationFormat: ExpressibleByArgument {}
