import AWSCore
import Foundation
import Logging

extension Emulator {
    /// A real AWS client (SigV4 signer, `awsTransport()` unless another is given) signed as `principal` and
    /// pointed at the emulator (`awsEndpoint`). Retries are quick (3 attempts, no real sleeping) so tests never wait
    /// on backoff.
    public func client(for principal: Principal, transport: (any HTTPTransport)? = nil,
                       label: String = "test") -> AWSClient {
        let credentials = AWSCredentials(accessKeyId: principal.accessKeyId, secretAccessKey: principal.secretAccessKey)
        return AWSClient(
            credentials: StaticCredentialProvider(sourceName: "emulator principal", credentials: credentials),
            endpoints: EndpointResolver(environment: ["AWS_ENDPOINT_URL": awsEndpoint]),
            transport: transport ?? awsTransport(), signer: SigV4Signer(),
            retry: RetryPolicy(maxAttempts: 3, baseDelay: .milliseconds(1)), sleep: { _ in },
            logger: Logger(label: label))
    }

    /// Where in-process clients send AWS calls: the HTTPS listener in the "https" pass, else the plain URL.
    public var awsEndpoint: String { secureNetwork?.url ?? url.absoluteString }

    /// The transport of in-process clients: through the pass's proxy, trusting the test CA, in the "https" pass
    /// (`secureNetwork`); else the transport direct.
    public func awsTransport() -> any HTTPTransport {
        guard let secure = secureNetwork else { return HTTP1Transport() }
        do {
            return try HTTP1Transport(proxies: ProxySettings(environment: ["HTTPS_PROXY": secure.proxy]),
                                                caBundle: secure.caBundle)
        } catch {
            fatalError("the https pass's test CA \(secure.caBundle) cannot be read: \(error)")
        }
    }
}
