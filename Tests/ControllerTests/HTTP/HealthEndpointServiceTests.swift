import Logging
import NIOCore
import NIOPosix
import Testing

@testable import Controller
import TestSupport

/// The `/metrics`, `/healthz` and `/readyz` service's failure names its `--listen` address.
@Suite struct HealthEndpointServiceTests {
    /// 192.0.2.1 (TEST-NET-1) is no address of this machine: binding to it fails at once and sends nothing.
    @Test(.timeLimit(.minutes(1)))
    func anAddressThatCannotBeBoundIsNamedWithTheFlag() async {
        let service = HealthEndpointService(host: "192.0.2.1", port: 0, metrics: ControllerMetrics(),
                                            readiness: Readiness(), logger: Logger(label: "test"))
        await #expect {
            try await service.run()
        } throws: { error in
            guard let error = error as? HealthEndpointError else { return false }
            return error.address == "192.0.2.1:0"
                && error.description.hasPrefix("controller.listenFailed: cannot serve /metrics, /healthz and /readyz on 192.0.2.1:0 (--listen): ")
        }
    }

    /// The check before the controller starts: an address of another machine or a port another socket listens on
    /// fails it, naming the flag; a free port passes and stays free.
    @Test(.timeLimit(.minutes(1)))
    func theAddressIsCheckedBeforeServing() async throws {
        func service(_ host: String, _ port: Int) -> HealthEndpointService {
            HealthEndpointService(host: host, port: port, metrics: ControllerMetrics(), readiness: Readiness(),
                                  logger: Logger(label: "test"))
        }
        await #expect(throws: HealthEndpointError.self) { try await service("192.0.2.1", 0).checkAddress() }
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let holder = try await Self.listenOnAPortNoOtherTestTakes(group)
        let port = try #require(holder.localAddress?.port)
        await #expect {
            try await service("127.0.0.1", port).checkAddress()
        } throws: { error in
            (error as? HealthEndpointError)?.description.contains("on 127.0.0.1:\(port) (--listen)") == true
        }
        try await holder.close()
        try await service("127.0.0.1", port).checkAddress()
        try await service("127.0.0.1", port).checkAddress()  // the check let the port go
        try await group.shutdownGracefully()
    }

    /// A listening socket on a loopback port of `LoopbackPorts.unserved`. Once closed, its port is neither
    /// handed to another test's connection as its local port, which a port the kernel picked (port 0) can be, nor
    /// given to an emulator another test starts, which a port of `LoopbackPorts.emulators` can be: either made the
    /// check of the freed port fail with "Address already in use" in a full suite run.
    static func listenOnAPortNoOtherTestTakes(_ group: MultiThreadedEventLoopGroup) async throws -> any Channel {
        var lastError: (any Error)?
        for _ in 0..<50 {
            do {
                let port = Int.random(in: LoopbackPorts.unserved)
                return try await ServerBootstrap(group: group).bind(host: "127.0.0.1", port: port).get()
            } catch {
                lastError = error  // taken: try another
            }
        }
        throw lastError!
    }

    @Test func anIPv6AddressIsBracketed() {
        #expect(HealthEndpointService.address(host: "::1", port: 9464) == "[::1]:9464")
        #expect(HealthEndpointService.address(host: "127.0.0.1", port: 9464) == "127.0.0.1:9464")
    }
}
