import Controller
import Testing

@testable import smsauth

/// `--rate-limit CATEGORY=RATE[/BURST]`: what it accepts, and the error of everything else.
@Suite struct RateLimitArgumentTests {
    @Test(arguments: [
        ("cognito-idp:UserPoolRead=5/5", "cognito-idp:UserPoolRead", 5.0, 5),
        ("cognito-idp:UserPoolClientRead=2.5", "cognito-idp:UserPoolClientRead", 2.5, 3),
        ("default=10", "default", 10, 10),
        ("iam:default=0.5/4", "iam:default", 0.5, 4),
        ("s3:default=1e3", "s3:default", 1000, 1000),
        ("unknown:default=0.001", "unknown:default", 0.001, 1),
        ("cognito-idp:default=1000000000", "cognito-idp:default", 1e9, 1_000_000_000),
    ])
    func accepted(_ argument: String, _ category: String, _ rate: Double, _ burst: Int) throws {
        let parsed = try RateLimitArgument(parsing: argument)
        #expect(parsed.category == category)
        #expect(parsed.limit == (try RateLimit(perSecond: rate, burst: burst)))
    }

    /// Not-a-number, infinite and out-of-range rates used to stop the process (a failed integer conversion, or a
    /// token wait beyond `Duration`'s range); unknown categories used to be ignored without a word.
    @Test(arguments: [
        ("cognito-idp:UserPoolRead=nan", "rateLimit.notARate"),
        ("default=inf", "rateLimit.notARate"),
        ("default=infinity/5", "rateLimit.notARate"),
        ("default=0x10", "rateLimit.notARate"),
        ("default=", "rateLimit.notARate"),
        ("default=1e400", "rateLimit.invalidRate"),
        ("default=1e300", "rateLimit.invalidRate"),
        ("default=1e300/5", "rateLimit.invalidRate"),
        ("default=1e-300", "rateLimit.invalidRate"),
        ("cognito-idp:UserPoolRead=1e-30/1", "rateLimit.invalidRate"),
        ("iam:default=0", "rateLimit.invalidRate"),
        ("iam:default=-1", "rateLimit.invalidRate"),
        ("default=5/0", "rateLimit.invalidBurst"),
        ("default=5/x", "rateLimit.notABurst"),
        ("default=5/", "rateLimit.notABurst"),
        ("default=5/5/5", "rateLimit.malformed"),
        ("cognito-idp:UserPoolRead", "rateLimit.malformed"),
        ("=5", "rateLimit.malformed"),
        ("cognito-idp:Bogus=5", "rateLimit.unknownCategory"),
        ("bogus=5", "rateLimit.unknownCategory"),
        ("cognito-idp=5", "rateLimit.unknownCategory"),
        ("COGNITO-IDP:userpoolread=5", "rateLimit.unknownCategory"),
    ])
    func refused(_ argument: String, _ code: String) {
        #expect {
            _ = try RateLimitArgument(parsing: argument)
        } throws: { error in
            (error as? RateLimitArgumentError)?.code == code
        }
    }

    @Test func aCategoryInAnotherCaseIsNamed() {
        #expect(RateLimitArgumentError.unknownCategory("COGNITO-IDP:userpoolread", suggestion: "cognito-idp:UserPoolRead")
            .description == "unknown category 'COGNITO-IDP:userpoolread'; did you mean 'cognito-idp:UserPoolRead'?")
        #expect(throws: RateLimitArgumentError.unknownCategory("Default", suggestion: "default")) {
            try RateLimitArgument(parsing: "Default=5")
        }
    }

    @Test func anUnknownCategoryListsTheKnownOnes() {
        let message = RateLimitArgumentError.unknownCategory("sns:Publish", suggestion: nil).description
        for category in ["default", "cognito-idp:UserPoolRead", "cognito-idp:UserPoolClientDelete", "cognito-idp:default",
                         "iam:default", "sns:default", "sms-voice:default", "sts:default", "s3:default", "ssm:default",
                         "secretsmanager:default", "unknown:default"] {
            #expect(message.contains(category), "\(category)")
        }
    }

    /// The last of two limits of one category counts.
    @Test func theLastLimitOfACategoryCounts() throws {
        let configuration = RateLimitArgument.configuration([
            try RateLimitArgument(parsing: "default=5"), try RateLimitArgument(parsing: "default=6/2"),
            try RateLimitArgument(parsing: "cognito-idp:UserPoolRead=1"),
        ])
        #expect(configuration.defaultLimit == (try RateLimit(perSecond: 6, burst: 2)))
        #expect(configuration.limit(for: "cognito-idp:UserPoolRead") == (try RateLimit(perSecond: 1, burst: 1)))
        #expect(configuration.limit(for: "cognito-idp:UserPoolClientRead") == (try RateLimit(perSecond: 15, burst: 15)))
        #expect(configuration.limit(for: "iam:default") == (try RateLimit(perSecond: 6, burst: 2)))
    }
}
