/// XML bodies for the reader's tests, beyond `AWSSamples`: the shapes of SNS GetSMSAttributes and S3 answers.
enum XMLSamples {
    /// SNS GetSMSAttributes, pretty-printed, attributes as `entry` key/value pairs.
    static let snsGetSMSAttributes = """
        <?xml version="1.0" encoding="UTF-8"?>
        <GetSMSAttributesResponse xmlns="http://sns.amazonaws.com/doc/2010-03-31/">
          <GetSMSAttributesResult>
            <attributes>
              <entry>
                <key>DefaultSMSType</key>
                <value>Transactional</value>
              </entry>
              <entry>
                <key>MonthlySpendLimit</key>
                <value>100</value>
              </entry>
            </attributes>
          </GetSMSAttributesResult>
          <ResponseMetadata>
            <RequestId>5b1e3e5e-a3a4-5e6f-9f4e-0123456789ab</RequestId>
          </ResponseMetadata>
        </GetSMSAttributesResponse>
        """

    /// S3 ListObjectsV2, with a key holding an escaped `&` and quoted ETags.
    static let s3ListBucketResult = """
        <?xml version="1.0" encoding="UTF-8"?>
        <ListBucketResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Name>smsauth-state</Name><Prefix>pools/</Prefix>\
        <KeyCount>2</KeyCount><MaxKeys>1000</MaxKeys><IsTruncated>true</IsTruncated><Contents><Key>pools/a&amp;b.json</Key>\
        <LastModified>2026-11-23T13:29:04.000Z</LastModified><ETag>&quot;9b2cf535f27731c974343645a3985328&quot;</ETag>\
        <Size>12</Size><StorageClass>STANDARD</StorageClass></Contents><Contents><Key>pools/c.json</Key>\
        <LastModified>2026-11-23T13:29:05.000Z</LastModified><ETag>&quot;d41d8cd98f00b204e9800998ecf8427e&quot;</ETag>\
        <Size>0</Size><StorageClass>STANDARD</StorageClass></Contents>\
        <NextContinuationToken>1ueGcxLPRx1Tr/XYExHnhbYLgveDs2J/wm36Hy4vbOwM=</NextContinuationToken></ListBucketResult>
        """

    /// S3 error.
    static let s3NoSuchBucket = """
        <?xml version="1.0" encoding="UTF-8"?>
        <Error><Code>NoSuchBucket</Code><Message>The specified bucket does not exist</Message>\
        <BucketName>smsauth-state</BucketName><RequestId>4442587FB7D0A2F9</RequestId>\
        <HostId>vjVbcS9XhO8Lx+pu+QEvxb+7Mn0=</HostId></Error>
        """

    /// A realistic IAM GetRole answer of about 1.5 KB (pretty-printed, with description and tags).
    static let iamGetRoleLarge = """
        <GetRoleResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/">
          <GetRoleResult>
            <Role>
              <Path>/service-role/</Path>
              <AssumeRolePolicyDocument>%7B%22Version%22%3A%222012-10-17%22%2C%22Statement%22%3A%5B%7B%22Effect%22%3A%22Allow%22%2C%22Principal%22%3A%7B%22Service%22%3A%22cognito-idp.amazonaws.com%22%7D%2C%22Action%22%3A%22sts%3AAssumeRole%22%2C%22Condition%22%3A%7B%22StringEquals%22%3A%7B%22sts%3AExternalId%22%3A%22qnatime-external%22%7D%7D%7D%5D%7D</AssumeRolePolicyDocument>
              <MaxSessionDuration>3600</MaxSessionDuration>
              <RoleId>AROARZPUZDIKLAX3F7TXN</RoleId>
              <RoleLastUsed>
                <LastUsedDate>2026-11-30T08:12:44Z</LastUsedDate>
                <Region>eu-west-1</Region>
              </RoleLastUsed>
              <RoleName>sms-role</RoleName>
              <Description>Lets Cognito user pool qnatime send SMS through SNS &amp; nothing else</Description>
              <Arn>arn:aws:iam::123456789012:role/service-role/sms-role</Arn>
              <CreateDate>2026-11-23T13:29:04Z</CreateDate>
              <Tags>
                <member>
                  <Key>managed-by</Key>
                  <Value>smsauth</Value>
                </member>
                <member>
                  <Key>team</Key>
                  <Value>auth</Value>
                </member>
              </Tags>
            </Role>
          </GetRoleResult>
          <ResponseMetadata>
            <RequestId>QGBkGPQa3ZCSKFm7o6VHdiiX0GH5qgCYRZ07yJ1gquVCAokcuF9d</RequestId>
          </ResponseMetadata>
        </GetRoleResponse>
        """
}
