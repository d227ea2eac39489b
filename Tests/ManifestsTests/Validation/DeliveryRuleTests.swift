import Testing
@testable import Manifests

/// `AppClient.spec.outputs` and `spec.secret`: exact diagnostics with file, line and field.
@Suite struct DeliveryRuleTests {
    typealias F = Fixtures

    static func client(_ lines: [String], name: String = "c") -> String {
        F.doc("AppClient", name, ["userPool: pool", "clientName: \(name)"] + lines, [])
    }

    static let cases: [ValidationCase] = [
        ValidationCase("secret and outputs valid", F.docs(client(["generateSecret: true",
                                                                  "secret: {secretsManager: app/web-secret, kmsKeyId: alias/app}",
                                                                  "outputs: {ssmParameter: /app/web, format: amplify}"]),
                                                          F.pool, F.role)),
        ValidationCase("secret without generateSecret", F.docs(client(["secret: {ssmParameter: /app/secret}"]), F.pool, F.role),
                       ["t.yaml:7:11: error: 'spec.secret' delivers the client secret, but the client has none: set "
                        + "'spec.generateSecret: true'"]),
        ValidationCase("secret with two targets", F.docs(client(["generateSecret: true",
                                                                 "secret: {ssmParameter: /a, secretsManager: b}"]),
                                                         F.pool, F.role),
                       ["t.yaml:8:11: error: 'spec.secret' needs exactly one of 'secretsManager' and 'ssmParameter'"]),
        ValidationCase("parameter path without slash", F.docs(client(["outputs: {ssmParameter: app/web}"]), F.pool, F.role),
                       ["t.yaml:7:27: error: 'spec.outputs.ssmParameter' is a path and must start with '/', found \"app/web\""]),
        ValidationCase("reserved parameter prefix", F.docs(client(["outputs: {ssmParameter: /aws/web}"]), F.pool, F.role),
                       ["t.yaml:7:27: error: 'spec.outputs.ssmParameter' must not begin with 'aws' or 'ssm' (reserved by "
                        + "AWS), found \"/aws/web\""]),
        ValidationCase("bad secret name", F.docs(client(["generateSecret: true", "secret: {secretsManager: \"a b\"}"]),
                                                 F.pool, F.role),
                       ["t.yaml:8:28: error: 'spec.secret.secretsManager' may contain only letters, digits and / _ + = . @ -, "
                        + "found \"a b\""]),
        ValidationCase("two clients write one parameter",
                       F.docs(client(["outputs: {ssmParameter: /app/web}"], name: "a"),
                              client(["outputs: {ssmParameter: /app/web}"], name: "b"), F.pool, F.role),
                       ["t.yaml:15:27: error: 'spec.outputs.ssmParameter' names /app/web, which AppClient 'a' already "
                        + "writes in 'spec.outputs.ssmParameter' (t.yaml:2:7)"]),
        ValidationCase("outputs without parameter", F.docs(client(["outputs: {format: env}"]), F.pool, F.role),
                       ["t.yaml:7:12: error: missing required field 'ssmParameter' in 'spec.outputs'"]),
    ]

    @Test(arguments: cases)
    func rules(_ testCase: ValidationCase) {
        #expect(TestSupport.check(testCase.text, region: testCase.region) == testCase.expected)
    }

    @Test(arguments: ["/a", "a", "a.b-c_d", "/a/b/c", String(repeating: "a", count: 2048)])
    func validParameterNames(_ name: String) {
        #expect(DeliveryNames.parameterProblem(name) == nil)
    }

    @Test(arguments: ["", "ssm-x", "AWSx", "/a b", String(repeating: "a", count: 2049),
                      "/" + Array(repeating: "a", count: 16).joined(separator: "/")])
    func invalidParameterNames(_ name: String) {
        #expect(DeliveryNames.parameterProblem(name) != nil)
    }
}
