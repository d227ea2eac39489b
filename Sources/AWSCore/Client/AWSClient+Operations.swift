import Foundation

extension AWSClient {
    /// JSON 1.0/1.1 operation. Output `EmptyOutput` for operations that answer `{}`.
    /// The input is encoded with `AWSJSON.encoder`, the output decoded with `AWSJSON.decode`.
    public func json<Input: Encodable & Sendable, Output: Decodable & Sendable>(
        _ service: ServiceDescriptor, region: String, operation: String, input: Input,
        idempotency: Idempotency = .idempotent, as output: Output.Type = Output.self
    ) async throws -> Output {
        guard case .json(let version, let targetPrefix) = service.wireProtocol else {
            throw AWSClientError.wrongProtocol(service: service.endpointPrefix, operation: operation)
        }
        let body: Data
        do {
            // A `JSONValue` (every caller's input) is written directly when it can be (`JSONWriter`), to the same
            // bytes.
            if let value = input as? JSONValue, let written = JSONWriter.data(value) {
                body = written
            } else {
                body = try AWSJSON.encoder.encode(input)
            }
        } catch {
            throw AWSClientError.requestEncodingFailed(service: service.endpointPrefix, operation: operation,
                                                       reason: AWSClientError.describe(error))
        }
        let headers = [
            HTTPHeader("Content-Type", "application/x-amz-json-\(version)"),
            HTTPHeader("X-Amz-Target", "\(targetPrefix).\(operation)"),
        ]
        let call = Call(service: service, region: region, operation: operation, idempotency: idempotency)
        let response = try await send(call, headers: headers, body: body) { response in
            AWSErrorParser.json(response, service: service.endpointPrefix, operation: operation)
        }
        let isBlank = response.body.allSatisfy { $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }
        do {
            return try AWSJSON.decode(Output.self, from: isBlank ? Data("{}".utf8) : response.body)
        } catch {
            throw AWSClientError.responseDecodingFailed(service: service.endpointPrefix, operation: operation,
                                                        reason: AWSClientError.describe(error))
        }
    }

    /// Query operation (form POST with Action and Version); returns the parsed XML `<OpResult>` element
    /// (or the root when the response has no Result element).
    public func query(_ service: ServiceDescriptor, region: String, action: String, parameters: QueryParameters,
                      idempotency: Idempotency = .idempotent) async throws -> XMLElement {
        guard case .query(let apiVersion) = service.wireProtocol else {
            throw AWSClientError.wrongProtocol(service: service.endpointPrefix, operation: action)
        }
        var form = QueryParameters()
        form.set("Action", action)
        form.set("Version", apiVersion)
        for item in parameters.items { form.set(item.name, item.value) }
        let headers = [HTTPHeader("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")]
        let call = Call(service: service, region: region, operation: action, idempotency: idempotency)
        let response = try await send(call, headers: headers, body: Data(form.formEncoded.utf8)) { response in
            AWSErrorParser.query(response, service: service.endpointPrefix, operation: action)
        }
        let root: XMLElement
        do {
            root = try XMLElement.parse(response.body)
        } catch {
            throw AWSClientError.responseDecodingFailed(service: service.endpointPrefix, operation: action,
                                                        reason: error.description)
        }
        return root.child("\(action)Result") ?? root
    }
}
