"""Handlers of the registration operations (``registrations.py``), mixed into ``SmsVoiceResponse``."""

from typing import Any

from .paging import apply_filters, paginate


class RegistrationResponses:
    """CreateRegistration, DescribeRegistrations, DeleteRegistration, DescribeRegistrationVersions,
    SubmitRegistrationVersion, CreateRegistrationVersion, DiscardRegistrationVersion."""

    backend: Any
    _params: Any
    _reply: Any
    _page: Any

    def create_registration(self) -> str:
        """CreateRegistration."""
        return self._reply(self.backend.create_registration(self._params()).describe())

    def describe_registrations(self) -> str:
        """DescribeRegistrations: by id (an unknown one is ResourceNotFoundException) or all, filtered by
        ``registration-type`` and ``registration-status``."""
        params = self._params()
        ids = params.get("RegistrationIds")
        found = [self.backend.find_registration(value) for value in ids] if ids else list(self.backend.registrations.values())
        infos = [item.describe() for item in found]
        matching = apply_filters(infos, params.get("Filters"), lambda info: {
            "registration-type": info["RegistrationType"], "registration-status": info["RegistrationStatus"],
        })
        for info in matching:
            info.pop("Tags", None)
        return self._page("Registrations", matching, params)

    def delete_registration(self) -> str:
        """DeleteRegistration."""
        return self._reply(self.backend.delete_registration(self._params()["RegistrationId"]))

    def describe_registration_versions(self) -> str:
        """DescribeRegistrationVersions, newest first, by number or filtered by ``registration-version-status``."""
        params = self._params()
        found = self.backend.find_registration(params["RegistrationId"])
        numbers = params.get("VersionNumbers")
        versions = [version for version in reversed(found.versions) if not numbers or version.number in numbers]
        infos = [version.describe() for version in versions]
        matching = apply_filters(infos, params.get("Filters"), lambda info: {
            "registration-version-status": info["RegistrationVersionStatus"],
        })
        page, token = paginate(matching, params.get("NextToken"), params.get("MaxResults"))
        result: dict[str, Any] = {"RegistrationArn": found.arn, "RegistrationId": found.id, "RegistrationVersions": page}
        if token:
            result["NextToken"] = token
        return self._reply(result)

    def submit_registration_version(self) -> str:
        """SubmitRegistrationVersion."""
        return self._reply(self.backend.submit_registration_version(self._params()["RegistrationId"]))

    def create_registration_version(self) -> str:
        """CreateRegistrationVersion."""
        return self._reply(self.backend.create_registration_version(self._params()["RegistrationId"]))

    def discard_registration_version(self) -> str:
        """DiscardRegistrationVersion."""
        return self._reply(self.backend.discard_registration_version(self._params()["RegistrationId"]))
