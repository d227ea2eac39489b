import AWSCore
import Foundation
import Logging

extension Emulator {
    /// A real AWS client (SigV4 signer, AsyncHTTPClient transport unless another is given) signed as `principal` and
    /// pointed at the emulator. Retries are quick (3 attempts, no real sleeping) so tests never wait on backoff.
    public func client(for principal: Principal, transport: any HTTPTransport = AsyncHTTPClientTransport(),
                       label: String = "test") -> AWSClient {
        let credentials = AWSCredentials(accessKeyId: principal.accessKeyId, secretAccessKey: principal.secretAccessKey)
        return AWSClient(
            credentials: StaticCredentialProvider(sourceName: "emulator principal", credentials: credentials),
            endpoints: EndpointResolver(environment: ["AWS_ENDPOINT_URL": url.absoluteString]),
            transport: transport, signer: SigV4Signer(),
            retry: RetryPolicy(maxAttempts: 3, baseDelay: .milliseconds(1)), sleep: { _ in },
            logger: Logger(label: label))
    }
}
