import Testing
@testable import AWSCore

@Suite struct ServiceDescriptorTests {
    @Test func endpointVariableFollowsTheSDKRule() {
        let service = ServiceDescriptor(serviceId: "Pinpoint SMS-Voice V2", endpointPrefix: "x", signingName: "x",
                                        wireProtocol: .query(apiVersion: "1"))
        #expect(service.endpointEnvironmentVariable == "AWS_ENDPOINT_URL_PINPOINT_SMS_VOICE_V2")
        #expect(ServiceDescriptor.sts.endpointEnvironmentVariable == "AWS_ENDPOINT_URL_STS")
    }
}
