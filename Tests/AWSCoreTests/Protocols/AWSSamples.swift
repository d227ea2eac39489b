/// Response bodies as AWS sends them (captured from moto 5.2.1, whose serializers follow the AWS wire formats,
/// and from AWS error shapes). Identifiers are the captured ones; no secrets.
enum AWSSamples {
    /// IAM GetRole: the trust policy is URL-encoded.
    static let iamGetRole = """
        <GetRoleResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/"><GetRoleResult><Role>\
        <Path>/service-role/</Path><RoleName>sms-role</RoleName><RoleId>AROARZPUZDIKLAX3F7TXN</RoleId>\
        <Arn>arn:aws:iam::123456789012:role/service-role/sms-role</Arn><CreateDate>2026-11-23T13:29:04.281362Z</CreateDate>\
        <AssumeRolePolicyDocument>%7B%22Version%22%3A%222012-10-17%22%2C%22Statement%22%3A%5B%7B%22Effect%22%3A%22Allow\
        %22%2C%22Principal%22%3A%7B%22Service%22%3A%22cognito-idp.amazonaws.com%22%7D%2C%22Action%22%3A%22sts%3AAssumeRol\
        e%22%7D%5D%7D</AssumeRolePolicyDocument><MaxSessionDuration>3600</MaxSessionDuration><RoleLastUsed/></Role>\
        </GetRoleResult><ResponseMetadata><RequestId>QGBkGPQa3ZCSKFm7o6VHdiiX0GH5qgCYRZ07yJ1gquVCAokcuF9d</RequestId>\
        </ResponseMetadata></GetRoleResponse>
        """

    /// STS GetCallerIdentity, pretty-printed as AWS does.
    static let stsGetCallerIdentity = """
        <GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
          <GetCallerIdentityResult>
            <UserId>AKIAIOSFODNN7EXAMPLE</UserId>
            <Account>123456789012</Account>
            <Arn>arn:aws:sts::123456789012:user/moto</Arn>
          </GetCallerIdentityResult>
          <ResponseMetadata>
            <RequestId>01234567-89ab-cdef-0123-456789abcdef</RequestId>
          </ResponseMetadata>
        </GetCallerIdentityResponse>
        """

    /// IAM error (404).
    static let iamNoSuchEntity = """
        <ErrorResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/"><Error><Type>Sender</Type>\
        <Code>NoSuchEntity</Code><Message>Role nope not found</Message></Error>\
        <RequestId>CLhrGMOVLgyKIsRT9xJZqIN77el73g4NN9UdMyDAGW3ORAaGBk4s</RequestId></ErrorResponse>
        """

    /// SNS throttling error (400).
    static let snsThrottling = """
        <ErrorResponse xmlns="http://sns.amazonaws.com/doc/2010-03-31/"><Error><Type>Sender</Type>\
        <Code>Throttling</Code><Message>Rate exceeded</Message></Error>\
        <RequestId>9b1f4b5e-5a3c-5d1e-8c2a-1f2e3d4c5b6a</RequestId></ErrorResponse>
        """

    /// The `<Response><Errors>` error variant (EC2 style).
    static let responseErrors = """
        <?xml version="1.0" encoding="UTF-8"?>
        <Response><Errors><Error><Code>RequestLimitExceeded</Code><Message>Request limit exceeded.</Message></Error>\
        </Errors><RequestID>ea966190-f9aa-478e-9ede-example</RequestID></Response>
        """

    /// Cognito DescribeUserPool (trimmed to a few schema attributes; dates are epoch seconds with fractions).
    static let cognitoDescribeUserPool = """
        {"UserPool": {"Id": "eu-west-1_eaf923b6a9ab4f16b144aa7a0bc37a68", "Name": "qnatime", "Policies": \
        {"PasswordPolicy": {"MinimumLength": 8, "RequireUppercase": true, "RequireLowercase": true, \
        "RequireNumbers": true, "RequireSymbols": true, "TemporaryPasswordValidityDays": 7}}, \
        "LastModifiedDate": 1795440548.732, "CreationDate": 1.7e9, "SchemaAttributes": [{"Name": "sub", \
        "AttributeDataType": "String", "DeveloperOnlyAttribute": false, "Mutable": false, "Required": true, \
        "StringAttributeConstraints": {"MinLength": "1", "MaxLength": "2048"}}], "MfaConfiguration": "OFF", \
        "UserPoolTags": {"team": "auth", "cost-center": "42"}, "SmsConfiguration": {"SnsCallerArn": \
        "arn:aws:iam::123456789012:role/service-role/sms-role", "ExternalId": "qnatime-external"}, \
        "Arn": "arn:aws:cognito-idp:eu-west-1:123456789012:userpool/eu-west-1_eaf923b6a9ab4f16b144aa7a0bc37a68"}}
        """

    /// Cognito error as moto sends it: plain `__type`, plus the `X-Amzn-ErrorType` header.
    static let cognitoNotFound = """
        {"__type": "ResourceNotFoundException", "message": "User pool eu-west-1_nope does not exist."}
        """

    /// A JSON error with a namespaced `__type`, as AWS front ends send it.
    static let unrecognizedClient = """
        {"__type":"com.amazon.coral.service#UnrecognizedClientException",\
        "message":"The security token included in the request is invalid."}
        """

    /// What a proxy answers when the service is down: not an AWS body.
    static let htmlServerError = """
        <!doctype html>
        <html lang=en>
        <title>500 Internal Server Error</title>
        <h1>Internal Server Error</h1>
        """
}
