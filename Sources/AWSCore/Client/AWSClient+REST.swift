import Foundation

extension AWSClient {
    /// A REST-XML operation (S3): `method` to the URL `url` builds from the resolved endpoint (the caller chooses
    /// path-style or virtual-hosted addressing and percent-encodes the path and query), with `headers` and `body`.
    /// Returns the 2xx response as received; errors are parsed from S3's `<Error>` body (or the status alone, e.g. for
    /// HEAD) into `AWSError`, with `details` holding the body's extra elements and the `x-amz-bucket-region` header.
    public func rest(_ service: ServiceDescriptor, region: String, operation: String, method: String,
                     url: (ResolvedEndpoint) throws -> URL, headers: [HTTPHeader] = [], body: Data = Data(),
                     idempotency: Idempotency = .idempotent) async throws -> HTTPResponse {
        guard case .restXML = service.wireProtocol else {
            throw AWSClientError.wrongProtocol(service: service.endpointPrefix, operation: operation)
        }
        let call = Call(service: service, region: region, operation: operation, idempotency: idempotency)
        return try await send(call, method: method, url: url, headers: headers, body: body) { response in
            AWSErrorParser.restXML(response, service: service.endpointPrefix, operation: operation)
        }
    }
}
