import ArgumentParser
import Foundation
import Logging
import Manifests
import Reconciler

/// `smsauth export`: reads user pools made outside smsauth and writes manifests that adopt them.
struct Export: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write manifests (with spec.adopt) for user pools that exist in AWS, from their live settings.",
        discussion: """
            Reads each user pool (--pool ID..., or --all in the region), its SMS role (when Cognito may assume it
            and its trust policy has one external id; otherwise the pool keeps smsRoleArn), its app clients and
            its MFA policy, and writes one manifest per resource into --out, every managed field at its live
            value. Pools and roles get spec.adopt, so the first reconcile only adds smsauth's ownership tags.
            Client secrets are never read or written. With --owner, a settings document (smsauth.yaml) naming
            the owner is written too. Writes nothing to AWS; refuses an --out folder that is not empty. See
            docs/export.md.
            """
    )

    /// `--region`, `--profile`, logging.
    @OptionGroup var global: GlobalOptions

    @Option(parsing: .upToNextOption, help: "Ids of the user pools to export (one or more).")
    var pool: [String] = []

    @Flag(help: "Export every user pool of the region.")
    var all = false

    @Option(help: "Folder to write the manifests to (created; must be empty if it exists).")
    var out: String = "./exported"

    @Option(help: "Owner to write into the folder's settings document (smsauth.yaml); none is written without it.")
    var owner: String?

    /// Exactly one of --pool and --all, each pool once; a usable --out and --owner.
    func validate() throws {
        guard pool.isEmpty != !all else { throw ValidationError("Give either --pool ID... or --all.") }
        if pool.contains(where: \.isEmpty) { throw ValidationError("--pool must not be empty.") }
        // The same pool twice would be written as two manifests adopting it, a set validate refuses.
        if let twice = pool.first(where: { id in pool.filter { $0 == id }.count > 1 }) {
            throw ValidationError("--pool \(twice) is given twice; give each pool once.")
        }
        if out.isEmpty { throw ValidationError("--out must not be empty.") }
        if let owner, !RunIdentity.isValidOwner(owner) {
            throw ValidationError("--owner must be 1 to 63 of a-z, 0-9 and '-'.")
        }
    }

    /// Reads AWS and writes the manifests.
    func run() async throws {
        global.bootstrapLogging()
        let logger = Logger(label: "smsauth.export")
        let environment = ProcessInfo.processInfo.environment
        let aws = try AWSContext.make(options: global, environment: environment, logger: logger)
        guard let region = aws.defaultRegion else {
            throw StandardError.failure("no region: use --region, AWS_REGION or the profile's region")
        }
        let folder = URL(fileURLWithPath: out)
        try Self.checkEmpty(folder)
        let manifests: [ExportedManifest]
        do {
            manifests = try await ManifestExporter(context: ReconcileContext(client: aws.client, logger: logger, partitionRegion: aws.defaultRegion))
                .export(all ? .all : .pools(pool), region: region)
        } catch let error as ExportError {
            throw StandardError.failure(error.description)
        } catch {
            throw StandardError.failure("reading AWS failed: \(ReconcileFailure(classifying: error).message)")
        }
        var files = manifests.map { ($0.fileName, $0.yaml) }
        if let owner {
            files.append(("smsauth.yaml", "apiVersion: \(APIVersion.v1)\nkind: Settings\nspec:\n  owner: \(owner)\n"))
        }
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            for (name, text) in files {
                try Data(text.utf8).write(to: folder.appendingPathComponent(name), options: .withoutOverwriting)
            }
        } catch {
            throw StandardError.failure("cannot write \(out): \(error.localizedDescription)")
        }
        print("Exported \(manifests.count) manifest(s) from \(region) to \(out).")
    }

    /// Refuses an existing `folder` that holds anything (nothing already there is ever overwritten).
    static func checkEmpty(_ folder: URL) throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory) else { return }
        guard isDirectory.boolValue else { throw StandardError.failure("\(folder.path) exists and is not a folder") }
        let entries: [String]
        do {
            entries = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        } catch {
            throw StandardError.failure("cannot read \(folder.path): \(error.localizedDescription)")
        }
        if !entries.isEmpty { throw StandardError.failure("\(folder.path) is not empty; export writes only into an empty folder") }
    }
}
