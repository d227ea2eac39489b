import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing
import TestSupport

/// The environment's proxy, as the AWS CLI uses it: with only the uppercase `HTTP_PROXY` set, every AWS request of a
/// dry run goes through a local counting proxy (`Tests/Python/counting_proxy.py`); `NO_PROXY` naming the endpoint's
/// host sends them directly; an unreachable proxy fails naming it, without its password.
@Suite("Proxy end to end", .timeLimit(.minutes(8)))
struct ProxyEndToEndTests {
    /// A running counting proxy.
    final class CountingProxy: @unchecked Sendable {
        let process: Process
        let port: Int
        /// Its standard input: the proxy exits when this closes (also when the test process dies).
        let input = Pipe()

        /// Starts the proxy with `arguments` (`--tunnel-to HOST:PORT`).
        init(arguments: [String] = []) throws {
            let python = try #require(ProcessInfo.processInfo.environment["SMSAUTH_EMULATOR_PYTHON"],
                                      "SMSAUTH_EMULATOR_PYTHON is not set: run the tests with scripts/test")
            process = Process()
            process.executableURL = URL(fileURLWithPath: python)
            process.arguments = [Workspace.repository.appendingPathComponent("Tests/Python/counting_proxy.py").path] + arguments
            let output = Pipe()
            process.standardOutput = output
            process.standardError = FileHandle.nullDevice
            process.standardInput = input
            try process.run()
            var line = Data()
            while let byte = try output.fileHandleForReading.read(upToCount: 1), !byte.isEmpty, byte != Data("\n".utf8) {
                line.append(byte)
            }
            port = try #require(Int(String(decoding: line, as: UTF8.self)), "the proxy printed no port")
        }

        deinit {
            try? input.fileHandleForWriting.close()
            process.terminate()
        }

        /// How many requests it forwarded, and to which hosts.
        func forwarded() async throws -> (count: Int, hosts: [String]) {
            let url = try #require(URL(string: "http://127.0.0.1:\(port)/_count"))
            let (data, _) = try await URLSession.shared.data(from: url)
            let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
            return (json["forwarded"] as? Int ?? -1, json["hosts"] as? [String] ?? [])
        }
    }

    /// `environment` reaching the emulator over plain HTTP with no other proxy or CA bundle (also in scripts/test's
    /// https pass, whose environment goes over HTTPS through a proxy of its own).
    static func plainHTTP(_ environment: [String: String], _ context: EndToEndContext) -> [String: String] {
        environment.merging(["AWS_ENDPOINT_URL": context.emulator.url.absoluteString, "HTTPS_PROXY": "",
                             "https_proxy": "", "AWS_CA_BUNDLE": ""]) { $1 }
    }

    @Test func requestsGoThroughTheEnvironmentsProxyUnlessNoProxyNamesTheHost() async throws {
        let (context, space) = try await StatusLockEndToEndTests.demo(region: "eu-south-2")
        defer { space.remove() }
        let proxy = try CountingProxy()
        let endpoint = context.emulator.url
        let (environment, accessKeyId) = try await context.freshEnvironment()
        let proxied = Self.plainHTTP(environment, context).merging(["HTTP_PROXY": "http://127.0.0.1:\(proxy.port)"]) { $1 }

        let viaProxy = try await space.reconcile(["--dry-run"], environment: proxied)
        #expect(viaProxy.status == 0, "\(viaProxy.stdout)\(viaProxy.stderr)")
        let calls = try await context.emulator.calls(accessKeyId: accessKeyId)
        let forwarded = try await proxy.forwarded()
        #expect(!calls.isEmpty)
        #expect(forwarded.count == calls.count, "every AWS request went through the proxy: \(forwarded) vs \(calls.count) calls")
        #expect(forwarded.hosts == ["\(endpoint.host ?? ""):\(endpoint.port ?? 0)"])

        let direct = try await space.reconcile(["--dry-run"], environment: proxied.merging(["NO_PROXY": "example.org, \(endpoint.host ?? "")"]) { $1 })
        #expect(direct.status == 0, "\(direct.stdout)\(direct.stderr)")
        #expect(try await proxy.forwarded().count == forwarded.count, "NO_PROXY names the endpoint's host: nothing proxied")
    }

    @Test func anUnreachableProxyIsNamedWithoutItsPassword() async throws {
        let (context, space) = try await StatusLockEndToEndTests.demo(region: "eu-south-2")
        defer { space.remove() }
        let port = try #require(LoopbackPorts.free(in: LoopbackPorts.unserved), "a loopback port on which nothing listens")
        let result = try await space.reconcile(["--dry-run"], environment: Self.plainHTTP(context.environment, context).merging([
            "HTTP_PROXY": "http://smsauth:hunter2@127.0.0.1:\(port)",
        ]) { $1 })
        #expect(result.status == 1, "\(result.stdout)\(result.stderr)")
        #expect(result.stderr.contains("through proxy http://127.0.0.1:\(port)"), "\(result.stderr)")
        #expect(!result.stderr.contains("hunter2") && !result.stdout.contains("hunter2"))
    }
}
