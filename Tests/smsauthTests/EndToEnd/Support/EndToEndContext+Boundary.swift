import AWSCore

extension EndToEndContext {
    /// Creates the customer managed policy `arn` names, so a manifest can use it as a permissions boundary (IAM, and
    /// the emulator, refuse a boundary that does not exist). Already there (another test made it): nothing to do.
    /// IAM is signed for us-east-1, as every emulator test runs in the aws partition.
    func ensureBoundaryPolicy(_ arn: String) async throws {
        guard let name = arn.split(separator: "/").last.map(String.init) else { return }
        var parameters = QueryParameters()
        parameters.set("PolicyName", name)
        parameters.set("PolicyDocument", #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}"#)
        do {
            _ = try await reader.query(.iam, region: "us-east-1", action: "CreatePolicy", parameters: parameters)
        } catch let error as AWSError where error.code == "EntityAlreadyExists" {
            return
        }
    }
}
