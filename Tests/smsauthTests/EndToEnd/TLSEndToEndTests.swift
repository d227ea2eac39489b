import Foundation
import Testing
import TestSupport

/// The emulator over HTTPS (scripts/lib.sh gives it a certificate signed by a test CA, `SMSAUTH_TEST_CA_BUNDLE`):
/// trusted through `AWS_CA_BUNDLE` or the profile's `ca_bundle`, refused without it naming the endpoint, a wrong bundle
/// refused before any request, and HTTPS through `HTTPS_PROXY` (a CONNECT tunnel).
@Suite("TLS end to end", .timeLimit(.minutes(8)))
struct TLSEndToEndTests {
    /// The emulator's HTTPS URL and the test CA's PEM file.
    static func tls() throws -> (url: String, caBundle: String) {
        let environment = ProcessInfo.processInfo.environment
        let url = try #require(environment["SMSAUTH_EMULATOR_TLS_URL"], "run the tests with scripts/test (start_emulator)")
        let caBundle = try #require(environment["SMSAUTH_TEST_CA_BUNDLE"])
        return (url, caBundle)
    }

    @Test func anApplyOverHTTPSTrustsTheCABundleOfTheEnvironment() async throws {
        let (url, caBundle) = try Self.tls()
        let (context, space) = try await StatusLockEndToEndTests.demo(region: "ap-east-2")
        defer { space.remove() }
        let (environment, accessKeyId) = try await context.freshEnvironment()
        let https = environment.merging(["AWS_ENDPOINT_URL": url, "AWS_CA_BUNDLE": caBundle]) { $1 }
        let applied = try await space.reconcile(environment: https)
        #expect(applied.status == 0, "\(applied.stdout)\(applied.stderr)")
        #expect(try await context.ownedPools(named: "demo").count == 1)
        let again = try await space.reconcile(["--dry-run", "--detailed-exitcode"], environment: https)
        #expect(again.stdout == "No changes. 4 unchanged.\n", "\(again.stdout)\(again.stderr)")
        #expect(!(try await context.emulator.calls(accessKeyId: accessKeyId)).isEmpty)
    }

    @Test func theProfilesCABundleIsUsedToo() async throws {
        let (url, caBundle) = try Self.tls()
        let (context, space) = try await StatusLockEndToEndTests.demo(region: "ap-east-2")
        defer { space.remove() }
        let config = space.root.appendingPathComponent("aws-config")
        try Data("[profile tls]\nca_bundle = \(caBundle)\n".utf8).write(to: config)
        let result = try await space.reconcile(["--dry-run"], environment: context.environment.merging([
            "AWS_ENDPOINT_URL": url, "AWS_CONFIG_FILE": config.path, "AWS_PROFILE": "tls",
            "AWS_CA_BUNDLE": "",  // set but empty: not given (the environment would win over the profile)
        ]) { $1 })
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
    }

    /// A proxy that answers the tunnel to an AWS endpoint itself, with a trusted certificate that names only its own
    /// address (an intercepting proxy; here the emulator's certificate, for 127.0.0.1 and localhost), is refused: the
    /// certificate must name the endpoint asked for. NIOSSL alone accepts an IP address of the certificate that is the
    /// socket's peer, which through a tunnel is the proxy.
    @Test func aProxyAnsweringTLSWithACertificateForItselfIsRefused() async throws {
        let (url, caBundle) = try Self.tls()
        let tls = try #require(URL(string: url))
        let proxy = try ProxyEndToEndTests.CountingProxy(arguments: ["--tunnel-to", "127.0.0.1:\(tls.port ?? 443)"])
        let (context, space) = try await StatusLockEndToEndTests.demo(region: "ap-east-2")
        defer { space.remove() }
        let environment = context.environment.merging([
            "AWS_ENDPOINT_URL": "https://sts.intercepted.invalid", "AWS_CA_BUNDLE": caBundle,
            "HTTPS_PROXY": "http://127.0.0.1:\(proxy.port)", "https_proxy": "", "NO_PROXY": "", "no_proxy": "",
        ]) { $1 }
        let result = try await space.reconcile(["--dry-run"], environment: environment)
        #expect(result.status == 1, "\(result.stdout)\(result.stderr)")
        #expect(result.stderr.contains("cannot reach https://sts.intercepted.invalid/: TLS failure: the server's "
                                       + "certificate does not name sts.intercepted.invalid through proxy "
                                       + "http://127.0.0.1:\(proxy.port)"), "\(result.stderr)")
        #expect(try await proxy.forwarded().count == 1, "one tunnel, refused once (not retried)")
    }

    @Test func withoutTheCABundleTheCertificateIsRefusedNamingTheEndpoint() async throws {
        let (url, _) = try Self.tls()
        let (context, space) = try await StatusLockEndToEndTests.demo(region: "ap-east-2")
        defer { space.remove() }
        let result = try await space.reconcile(["--dry-run"], environment: context.environment.merging([
            "AWS_ENDPOINT_URL": url, "AWS_CA_BUNDLE": "",
        ]) { $1 })
        #expect(result.status == 1, "\(result.stdout)\(result.stderr)")
        #expect(result.stderr.contains("cannot reach \(url)/: TLS failure"), "\(result.stderr)")
    }

    @Test func anUnreadableCABundleIsRefusedBeforeAnyRequest() async throws {
        let (url, _) = try Self.tls()
        let (context, space) = try await StatusLockEndToEndTests.demo(region: "ap-east-2")
        defer { space.remove() }
        let (environment, accessKeyId) = try await context.freshEnvironment()
        let missing = space.root.appendingPathComponent("no-such-ca.pem").path
        let result = try await space.reconcile(["--dry-run"], environment: environment.merging([
            "AWS_ENDPOINT_URL": url, "AWS_CA_BUNDLE": missing,
        ]) { $1 })
        #expect(result.status == 1)
        #expect(result.stderr.contains("the CA bundle \(missing) (AWS_CA_BUNDLE or the profile's ca_bundle) cannot be read"), "\(result.stderr)")
        #expect(try await context.emulator.calls(accessKeyId: accessKeyId).isEmpty)
    }

    @Test func httpsGoesThroughTheProxyOfHTTPSProxy() async throws {
        let (url, caBundle) = try Self.tls()
        let (context, space) = try await StatusLockEndToEndTests.demo(region: "ap-east-2")
        defer { space.remove() }
        let proxy = try ProxyEndToEndTests.CountingProxy()
        let result = try await space.reconcile(["--dry-run"], environment: context.environment.merging([
            "AWS_ENDPOINT_URL": url, "AWS_CA_BUNDLE": caBundle, "HTTPS_PROXY": "http://127.0.0.1:\(proxy.port)",
        ]) { $1 })
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        let forwarded = try await proxy.forwarded()
        #expect(forwarded.count >= 1, "at least one tunnel: \(forwarded)")
        #expect(forwarded.hosts == [String(url.dropFirst("https://".count))])
    }
}
