import Testing
import AWSCore
@testable import AWSServices

@Suite struct ServiceDescriptorsTests {
    @Test(arguments: [
        (ServiceDescriptor.cognitoIdentityProvider, "AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER"),
        (ServiceDescriptor.iam, "AWS_ENDPOINT_URL_IAM"),
        (ServiceDescriptor.sns, "AWS_ENDPOINT_URL_SNS"),
        (ServiceDescriptor.pinpointSMSVoiceV2, "AWS_ENDPOINT_URL_PINPOINT_SMS_VOICE_V2"),
    ])
    func endpointVariables(service: ServiceDescriptor, variable: String) {
        #expect(service.endpointEnvironmentVariable == variable)
    }
}
