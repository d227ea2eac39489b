import Testing
@testable import AWSCore

/// Tests of QueryParameters.
@Suite struct QueryParametersTests {
    /// Scalars in order and nil omitted.
    @Test func scalarsInOrderAndNilOmitted() {
        var parameters = QueryParameters()
        parameters.set("RoleName", "sms-role")
        parameters.set("MaxSessionDuration", 3600)
        parameters.set("Description", nil as String?)
        parameters.set("Enabled", true)
        parameters.set("Disabled", false)
        parameters.set("Missing", nil as Int?)
        parameters.set("RoleName", "renamed")
        #expect(parameters.formEncoded == "RoleName=renamed&MaxSessionDuration=3600&Enabled=true&Disabled=false")
    }

    /// Lists use member numbering.
    @Test func listsUseMemberNumbering() {
        var parameters = QueryParameters()
        parameters.setList("AttributeNames", ["a", "b"])
        parameters.setList("Omitted", nil)
        parameters.setList("Empty", [])
        #expect(parameters.formEncoded == "AttributeNames.member.1=a&AttributeNames.member.2=b&Empty=")
    }

    /// Maps are sorted entries.
    @Test func mapsAreSortedEntries() {
        var parameters = QueryParameters()
        parameters.setMap("attributes", ["MonthlySpendLimit": "1", "DefaultSMSType": "Transactional"])
        parameters.setMap("Custom", ["k": "v"], keyName: "Name", valueName: "Val")
        parameters.setMap("Empty", [:])
        #expect(parameters.formEncoded == "attributes.entry.1.key=DefaultSMSType&attributes.entry.1.value=Transactional"
                + "&attributes.entry.2.key=MonthlySpendLimit&attributes.entry.2.value=1"
                + "&Custom.entry.1.Name=k&Custom.entry.1.Val=v")
    }

    /// Tags are sorted members and empty tags are an empty list.
    @Test func tagsAreSortedMembersAndEmptyTagsAreAnEmptyList() {
        var parameters = QueryParameters()
        parameters.setTags("Tags", ["team": "auth", "app": "qnatime"])
        parameters.setTags("NoTags", [:])
        parameters.setTags("Omitted", nil)
        #expect(parameters.formEncoded == "Tags.member.1.Key=app&Tags.member.1.Value=qnatime"
                + "&Tags.member.2.Key=team&Tags.member.2.Value=auth&NoTags=")
    }

    /// Form-encodes as the AWS SDKs do: space as `+`, everything else but unreserved percent-encoded.
    @Test(arguments: [
        ("plain-_.~AZaz09", "plain-_.~AZaz09"),
        ("a b", "a+b"),
        ("a+b=c&d", "a%2Bb%3Dc%26d"),
        ("/path/*?#", "%2Fpath%2F%2A%3F%23"),
        ("{\"Action\":\"sts:AssumeRole\"}", "%7B%22Action%22%3A%22sts%3AAssumeRole%22%7D"),
        ("Grüße ✓", "Gr%C3%BC%C3%9Fe+%E2%9C%93"),
        ("+4915112345678", "%2B4915112345678"),
    ])
    func percentEncodesEverythingButUnreserved(raw: String, encoded: String) {
        var parameters = QueryParameters()
        parameters.set("K", raw)
        #expect(parameters.formEncoded == "K=\(encoded)")
    }
}
