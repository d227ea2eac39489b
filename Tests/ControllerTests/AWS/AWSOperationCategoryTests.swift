import AWSCore
import Testing

@testable import Controller

/// The rate-limit category of an operation: Cognito's quota categories, one `default` per other service.
@Suite("AWSOperation.rateLimitCategory")
struct AWSOperationCategoryTests {
    @Test(arguments: [
        (AWSOperation(service: "cognito-idp", name: "DescribeUserPool"), "cognito-idp:UserPoolRead"),
        (AWSOperation(service: "cognito-idp", name: "ListTagsForResource"), "cognito-idp:UserPoolRead"),
        (AWSOperation(service: "cognito-idp", name: "SetUserPoolMfaConfig"), "cognito-idp:UserPoolUpdate"),
        (AWSOperation(service: "cognito-idp", name: "CreateUserPoolClient"), "cognito-idp:UserPoolClientCreate"),
        (AWSOperation(service: "cognito-idp", name: "ListUserPoolClients"), "cognito-idp:UserPoolClientRead"),
        (AWSOperation(service: "cognito-idp", name: "UpdateUserPoolClient"), "cognito-idp:UserPoolClientUpdate"),
        (AWSOperation(service: "cognito-idp", name: "AdminGetUser"), "cognito-idp:default"),
        (AWSOperation(service: "iam", name: "GetRole"), "iam:default"),
        (AWSOperation(service: "sms-voice", name: "DescribePhoneNumbers"), "sms-voice:default"),
        (AWSOperation(service: "iam", name: "DescribeUserPool"), "iam:default"),
        (AWSOperation.unidentified, "unknown:default"),
    ])
    func category(operation: AWSOperation, category: String) {
        #expect(operation.rateLimitCategory == category)
    }

    /// AWS's default limits have a bucket for each Cognito category an operation falls into, and no other.
    @Test func awsDefaultsCoverEveryCognitoCategory() {
        let limited = Set(RateLimiterConfiguration.awsDefaults.categories.keys)
        let used = Set(AWSOperation.cognitoCategories.keys.map {
            AWSOperation(service: "cognito-idp", name: $0).rateLimitCategory
        })
        #expect(limited == used)
        #expect(used.count == 8)
    }

    /// The categories of some services: that of every operation they have, and the credential endpoints'.
    @Test func categoriesOfServicesHoldEveryOperationsCategory() {
        let categories = AWSOperation.rateLimitCategories(services: ["cognito-idp", "iam"])
        let operations = AWSOperation.cognitoCategories.keys.map { AWSOperation(service: "cognito-idp", name: $0) }
            + [AWSOperation(service: "cognito-idp", name: "AdminGetUser"), AWSOperation(service: "iam", name: "GetRole"),
               .unidentified]
        #expect(Set(operations.map(\.rateLimitCategory)) == categories)
    }
}
