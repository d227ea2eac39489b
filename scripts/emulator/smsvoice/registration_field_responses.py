"""Handlers of the registration form operations (definitions, field values, attachments, associations), mixed into
``SmsVoiceResponse``. The backend parts: ``registration_definitions.py``, ``registration_fields.py``,
``registration_attachments.py``, ``registration_associations.py``."""

import copy
from typing import Any

from . import registration_fields
from .paging import apply_filters
from .registration_definitions import TYPES


class RegistrationFieldResponses:
    """DescribeRegistrationTypeDefinitions, DescribeRegistrationSectionDefinitions,
    DescribeRegistrationFieldDefinitions, PutRegistrationFieldValue, DescribeRegistrationFieldValues,
    DeleteRegistrationFieldValue, CreateRegistrationAttachment, DescribeRegistrationAttachments,
    DeleteRegistrationAttachment, CreateRegistrationAssociation, ListRegistrationAssociations."""

    backend: Any
    _params: Any
    _reply: Any
    _page: Any

    def describe_registration_type_definitions(self) -> str:
        """DescribeRegistrationTypeDefinitions: the named types (an unknown one is ValidationException
        ``UNKNOWN_REGISTRATION_TYPE``) or all, filtered by ``supported-association-resource-type`` and
        ``supported-association-iso-country-code``."""
        params = self._params()
        names = [registration_fields.check_type(name) for name in params.get("RegistrationTypes") or []] or list(TYPES)
        matching = apply_filters([copy.deepcopy(TYPES[name]) for name in names], params.get("Filters"), lambda item: {
            "supported-association-resource-type": [entry["ResourceType"] for entry in item.get("SupportedAssociations", [])],
            "supported-association-iso-country-code": [entry.get("IsoCountryCode")
                                                       for entry in item.get("SupportedAssociations", [])],
        })
        return self._page("RegistrationTypeDefinitions", matching, params)

    def describe_registration_section_definitions(self) -> str:
        """DescribeRegistrationSectionDefinitions of one type, all sections or those at ``SectionPaths``."""
        params = self._params()
        found = registration_fields.sections(params["RegistrationType"], params.get("SectionPaths"))
        return self._page("RegistrationSectionDefinitions", copy.deepcopy(found), params,
                          RegistrationType=params["RegistrationType"])

    def describe_registration_field_definitions(self) -> str:
        """DescribeRegistrationFieldDefinitions of one type, of ``SectionPath`` and at ``FieldPaths`` when given."""
        params = self._params()
        found = registration_fields.fields(params["RegistrationType"], params.get("SectionPath"), params.get("FieldPaths"))
        return self._page("RegistrationFieldDefinitions", copy.deepcopy(found), params,
                          RegistrationType=params["RegistrationType"])

    def put_registration_field_value(self) -> str:
        """PutRegistrationFieldValue."""
        return self._reply(self.backend.put_registration_field_value(self._params()))

    def describe_registration_field_values(self) -> str:
        """DescribeRegistrationFieldValues."""
        params = self._params()
        found, number, values = self.backend.registration_field_values(params)
        return self._page("RegistrationFieldValues", values, params, RegistrationArn=found.arn,
                          RegistrationId=found.id, VersionNumber=number)

    def delete_registration_field_value(self) -> str:
        """DeleteRegistrationFieldValue."""
        params = self._params()
        return self._reply(self.backend.delete_registration_field_value(params["RegistrationId"], params["FieldPath"]))

    def create_registration_attachment(self) -> str:
        """CreateRegistrationAttachment."""
        return self._reply(self.backend.create_registration_attachment(self._params()).describe())

    def describe_registration_attachments(self) -> str:
        """DescribeRegistrationAttachments: by id or ARN (an unknown one is ResourceNotFoundException) or all,
        filtered by ``attachment-status``."""
        params = self._params()
        ids = params.get("RegistrationAttachmentIds")
        found = [self.backend.find_attachment(value) for value in ids] if ids else list(self.backend.attachments.values())
        matching = apply_filters([item.describe() for item in found], params.get("Filters"),
                                 lambda info: {"attachment-status": info["AttachmentStatus"]})
        for info in matching:
            info.pop("Tags", None)
        return self._page("RegistrationAttachments", matching, params)

    def delete_registration_attachment(self) -> str:
        """DeleteRegistrationAttachment."""
        return self._reply(self.backend.delete_registration_attachment(self._params()["RegistrationAttachmentId"]))

    def create_registration_association(self) -> str:
        """CreateRegistrationAssociation."""
        params = self._params()
        return self._reply(self.backend.create_registration_association(params["RegistrationId"], params["ResourceId"]))

    def list_registration_associations(self) -> str:
        """ListRegistrationAssociations, filtered by ``resource-type`` and ``iso-country-code``."""
        params = self._params()
        found, associations = self.backend.registration_associations(params["RegistrationId"])
        matching = apply_filters(associations, params.get("Filters"), lambda info: {
            "resource-type": info["ResourceType"], "iso-country-code": info["IsoCountryCode"],
        })
        return self._page("RegistrationAssociations", matching, params, RegistrationArn=found.arn,
                          RegistrationId=found.id, RegistrationType=found.type)
