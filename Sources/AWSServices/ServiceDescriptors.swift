import AWSCore

extension ServiceDescriptor {
    /// Amazon Cognito user pools (JSON 1.1).
    public static let cognitoIdentityProvider = ServiceDescriptor(
        serviceId: "Cognito Identity Provider", endpointPrefix: "cognito-idp", signingName: "cognito-idp",
        wireProtocol: .json(version: "1.1", targetPrefix: "AWSCognitoIdentityProviderService"))
    /// AWS End User Messaging SMS (JSON 1.0, signed as `sms-voice`).
    public static let pinpointSMSVoiceV2 = ServiceDescriptor(
        serviceId: "Pinpoint SMS Voice V2", endpointPrefix: "sms-voice", signingName: "sms-voice",
        wireProtocol: .json(version: "1.0", targetPrefix: "PinpointSMSVoiceV2"))
    /// IAM (query, one global endpoint per partition; `global` is the `aws` partition's, used when no region is given).
    public static let iam = ServiceDescriptor(
        serviceId: "IAM", endpointPrefix: "iam", signingName: "iam",
        wireProtocol: .query(apiVersion: "2010-05-08"),
        global: GlobalEndpoint(host: "iam.amazonaws.com", signingRegion: "us-east-1"))
    /// Amazon SNS (query).
    public static let sns = ServiceDescriptor(
        serviceId: "SNS", endpointPrefix: "sns", signingName: "sns", wireProtocol: .query(apiVersion: "2010-03-31"))
}

extension ServiceDescriptor {
    /// AWS Systems Manager Parameter Store (JSON 1.1, botocore ssm 2014-11-06).
    public static let ssm = ServiceDescriptor(
        serviceId: "SSM", endpointPrefix: "ssm", signingName: "ssm",
        wireProtocol: .json(version: "1.1", targetPrefix: "AmazonSSM"))
    /// AWS Secrets Manager (JSON 1.1, botocore secretsmanager 2017-10-17).
    public static let secretsManager = ServiceDescriptor(
        serviceId: "Secrets Manager", endpointPrefix: "secretsmanager", signingName: "secretsmanager",
        wireProtocol: .json(version: "1.1", targetPrefix: "secretsmanager"))
}

extension ServiceDescriptor {
    /// Amazon S3 (REST-XML, botocore s3 2006-03-01; `AWS_ENDPOINT_URL_S3`).
    public static let s3 = ServiceDescriptor(serviceId: "S3", endpointPrefix: "s3", signingName: "s3", wireProtocol: .restXML)
}

extension ServiceDescriptor {
    /// Every service smsauth calls, STS (credentials, the account id) included.
    public static let all: [ServiceDescriptor] = [
        .cognitoIdentityProvider, .pinpointSMSVoiceV2, .iam, .sns, .ssm, .secretsManager, .s3, .sts,
    ]
}
