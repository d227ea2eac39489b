import Logging
import Testing

@testable import Controller

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

    @Test func anIPv6AddressIsBracketed() {
        #expect(HealthEndpointService.address(host: "::1", port: 9464) == "[::1]:9464")
        #expect(HealthEndpointService.address(host: "127.0.0.1", port: 9464) == "127.0.0.1:9464")
    }
}
