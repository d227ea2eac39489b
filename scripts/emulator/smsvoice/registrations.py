"""Registrations (what US carriers require before a toll-free or 10DLC number may send): CreateRegistration,
DescribeRegistrations, DeleteRegistration, DescribeRegistrationVersions, SubmitRegistrationVersion,
CreateRegistrationVersion, DiscardRegistrationVersion; and the reviewer, ``review`` (the control endpoint
``POST /_smsauth/sms-voice-registration-review``), since AWS's review takes days to weeks.

Mixed into ``SmsVoiceBackend``. Statuses are the model's ``RegistrationStatus`` / ``RegistrationVersionStatus``:
a registration is ``CREATED`` with version 1 ``DRAFT``; submitting makes the version and the registration
``SUBMITTED``; the reviewer moves them to ``REVIEWING``, to ``APPROVED`` / ``COMPLETE`` (an earlier approved version
becomes ``ARCHIVED``) or to ``DENIED`` / ``REQUIRES_UPDATES`` with the reviewer's ``DeniedReasons``. A new version
(``CreateRegistrationVersion``) is a ``DRAFT`` again; the registration keeps its status until that one is submitted.
A version holds the form's field values (``registration_fields.py``); a new version starts with a copy of the
previous version's values, and submitting needs every REQUIRED field and, for a type whose association is
``ASSOCIATE_BEFORE_SUBMIT`` (toll-free), an associated phone number. Associated phone numbers
(``registration_associations.py``) keep a registration from being deleted.
"""

import copy
from dataclasses import dataclass, field
from typing import Any

from .clock import clock
from .common import tag_map
from .entities import tag_list
from .exceptions import ConflictException, ResourceNotFoundException, ValidationException
from .registration_definitions import TYPES

REGISTRATION = "registration"
# The registration types this emulator knows (DescribeRegistrationTypeDefinitions lists many more on AWS).
REGISTRATION_TYPES = tuple(TYPES)
# Reviewer outcomes: version status, registration status, timestamp member of the version's history.
OUTCOMES = {
    "REVIEWING": ("REVIEWING", "REVIEWING", "ReviewingTimestamp"),
    "APPROVED": ("APPROVED", "COMPLETE", "ApprovedTimestamp"),
    "DENIED": ("DENIED", "REQUIRES_UPDATES", "DeniedTimestamp"),
}


@dataclass
class RegistrationVersion:
    """One version of a registration (``RegistrationVersionInformation``)."""

    number: int
    status: str = "DRAFT"
    history: dict[str, float] = field(default_factory=dict)
    denied_reasons: list[dict[str, str]] = field(default_factory=list)
    # Field path -> {"TextValue": …} / {"SelectChoices": […]} / {"RegistrationAttachmentId": …}.
    values: dict[str, dict[str, Any]] = field(default_factory=dict)

    def describe(self) -> dict[str, Any]:
        """Its information; ``DeniedReasons`` only once denied."""
        info: dict[str, Any] = {
            "VersionNumber": self.number,
            "RegistrationVersionStatus": self.status,
            "RegistrationVersionStatusHistory": dict(self.history),
        }
        if self.denied_reasons:
            info["DeniedReasons"] = [dict(reason) for reason in self.denied_reasons]
        return info

    def move(self, status: str, timestamp: str) -> None:
        """Sets the status and records when."""
        self.status = status
        self.history[timestamp] = clock.now()


@dataclass
class Registration:
    """A registration (``RegistrationInformation``) and its versions."""

    id: str
    arn: str
    type: str
    created: float
    status: str = "CREATED"
    versions: list[RegistrationVersion] = field(default_factory=list)
    tags: dict[str, str] = field(default_factory=dict)
    # Ids of the associated phone numbers, in association order.
    associations: list[str] = field(default_factory=list)

    @property
    def current(self) -> RegistrationVersion:
        """The latest version that was not discarded."""
        return next(version for version in reversed(self.versions) if version.status != "DISCARDED")

    def latest(self, status: str) -> int | None:
        """The number of the latest version with `status`."""
        return next((version.number for version in reversed(self.versions) if version.status == status), None)

    def describe(self) -> dict[str, Any]:
        """Its information (plus tags, kept only where the output shape has them)."""
        info: dict[str, Any] = {
            "RegistrationArn": self.arn,
            "RegistrationId": self.id,
            "RegistrationType": self.type,
            "RegistrationStatus": self.status,
            "CurrentVersionNumber": self.current.number,
            "CreatedTimestamp": self.created,
            "Tags": tag_list(self.tags),
        }
        approved = self.latest("APPROVED")
        denied = self.latest("DENIED")
        if approved is not None:
            info["ApprovedVersionNumber"] = approved
        if denied is not None:
            info["LatestDeniedVersionNumber"] = denied
        return info

    def version_reply(self, version: RegistrationVersion) -> dict[str, Any]:
        """What the version operations answer."""
        return {"RegistrationArn": self.arn, "RegistrationId": self.id, "AwsReview": False, **version.describe()}


class RegistrationsMixin:
    """Registration operations of the backend."""

    registrations: dict[str, Registration]

    def find_registration(self, id_or_arn: str) -> Registration:
        """The registration with this id or ARN (a deleted one is gone)."""
        key = id_or_arn.rsplit("/", 1)[-1] if id_or_arn.startswith("arn:") else id_or_arn
        found = self.registrations.get(key)
        if found is None:
            raise ResourceNotFoundException(REGISTRATION, id_or_arn)
        return found

    def create_registration(self: Any, params: dict[str, Any]) -> Registration:
        """CreateRegistration: ``CREATED`` with a ``DRAFT`` version 1."""
        token = params.get("ClientToken")
        previous = self.replay("CreateRegistration", token, params)
        if previous is not None and previous in self.registrations:
            return self.registrations[previous]
        kind = params["RegistrationType"]
        if kind not in REGISTRATION_TYPES:
            raise ValidationException(
                f"The registration type {kind} is not valid.",
                "UNKNOWN_REGISTRATION_TYPE",
                [{"Name": "RegistrationType", "Message": f"must be one of {', '.join(REGISTRATION_TYPES)}"}],
            )
        new_id = self.new_id("registration")
        created = Registration(id=new_id, arn=self.arn(REGISTRATION, new_id), type=kind, created=clock.now(),
                               tags=tag_map(params.get("Tags")))
        created.versions.append(RegistrationVersion(1, history={"DraftTimestamp": clock.now()}))
        self.registrations[new_id] = created
        self.remember("CreateRegistration", token, params, new_id)
        return created

    def delete_registration(self: Any, id_or_arn: str) -> dict[str, Any]:
        """DeleteRegistration: answers the registration as ``DELETED``; refused while phone numbers are associated with
        it (``ConflictException`` ``RESOURCE_DELETION_NOT_ALLOWED``: release them first)."""
        found = self.find_registration(id_or_arn)
        if found.associations:
            raise ConflictException(f"{found.id} has associated phone numbers: {', '.join(found.associations)}.",
                                    "RESOURCE_DELETION_NOT_ALLOWED", REGISTRATION, found.id)
        del self.registrations[found.id]
        self.forget(found.id)
        found.status = "DELETED"
        return found.describe()

    def submit_registration_version(self: Any, id_or_arn: str) -> dict[str, Any]:
        """SubmitRegistrationVersion: the current ``DRAFT`` version, else ``SUBMIT_REGISTRATION_VERSION_NOT_ALLOWED``;
        then every REQUIRED field needs a value (``missing_required``); then a type whose association is
        ``ASSOCIATE_BEFORE_SUBMIT`` needs an associated origination identity (``unassociated``)."""
        found = self.find_registration(id_or_arn)
        version = found.current
        if version.status != "DRAFT":
            raise ConflictException(f"Version {version.number} is {version.status}, not DRAFT.",
                                    "SUBMIT_REGISTRATION_VERSION_NOT_ALLOWED", REGISTRATION, found.id)
        self.missing_required(found, version)
        self.unassociated(found)
        version.move("SUBMITTED", "SubmittedTimestamp")
        found.status = "SUBMITTED"
        return found.version_reply(version)

    @staticmethod
    def unassociated(found: Registration) -> None:
        """SubmitRegistrationVersion's association check: a type whose ``SupportedAssociations`` say
        ``ASSOCIATE_BEFORE_SUBMIT`` (toll-free: "the origination identity has to be supplied when creating a
        registration") is submitted only with an associated origination identity, else ValidationException
        ``INVALID_REGISTRATION_ASSOCIATION`` naming ``RegistrationId`` (the model's reason closest to it; the
        model has no ``AssociationRequirement``, so every ASSOCIATE_BEFORE_SUBMIT association is required)."""
        rules = TYPES[found.type].get("SupportedAssociations", [])
        before = [rule for rule in rules if rule["AssociationBehavior"] == "ASSOCIATE_BEFORE_SUBMIT"]
        if before and not found.associations:
            kind = before[0]["ResourceType"]
            raise ValidationException(
                f"A {found.type} is submitted only once a {kind} is associated with it "
                "(CreateRegistrationAssociation).",
                "INVALID_REGISTRATION_ASSOCIATION",
                [{"Name": "RegistrationId", "Message": f"{found.id} has no associated {kind}"}])

    def create_registration_version(self, id_or_arn: str) -> dict[str, Any]:
        """CreateRegistrationVersion: a new ``DRAFT`` holding a copy of the current version's field values; refused
        while the current version is a draft or under review."""
        found = self.find_registration(id_or_arn)
        current = found.current
        if current.status in ("DRAFT", "SUBMITTED", "REVIEWING", "AWS_REVIEWING"):
            raise ConflictException(f"Version {current.number} is {current.status}.",
                                    "CREATE_REGISTRATION_VERSION_NOT_ALLOWED", REGISTRATION, found.id)
        version = RegistrationVersion(found.versions[-1].number + 1, history={"DraftTimestamp": clock.now()},
                                      values=copy.deepcopy(current.values))
        found.versions.append(version)
        return found.version_reply(version)

    def discard_registration_version(self, id_or_arn: str) -> dict[str, Any]:
        """DiscardRegistrationVersion: only a ``DRAFT`` that is not the first version."""
        found = self.find_registration(id_or_arn)
        version = found.current
        if version.status != "DRAFT" or version.number == 1:
            raise ConflictException(f"Version {version.number} cannot be discarded.",
                                    "DISCARD_REGISTRATION_VERSION_NOT_ALLOWED", REGISTRATION, found.id)
        version.move("DISCARDED", "DiscardedTimestamp")
        return found.version_reply(version)

    def review(self: Any, id_or_arn: str, outcome: str, reasons: list[dict[str, str]]) -> Registration:
        """The reviewer's decision on the submitted (or reviewing) version: ``REVIEWING``, ``APPROVED`` (an earlier
        approved version is ``ARCHIVED``; associated numbers show the registration's id) or ``DENIED`` with `reasons`
        (each ``Reason`` and ``ShortDescription``)."""
        found = self.find_registration(id_or_arn)
        version = found.current
        if version.status not in ("SUBMITTED", "REVIEWING"):
            raise ValueError(f"version {version.number} of {found.id} is {version.status}, not under review")
        if outcome not in OUTCOMES:
            raise ValueError(f"outcome must be one of {', '.join(OUTCOMES)}")
        if outcome == "DENIED" and not all(reason.get("Reason") and reason.get("ShortDescription") for reason in reasons or [{}]):
            raise ValueError("a denial needs reasons, each with Reason and ShortDescription")
        version_status, registration_status, timestamp = OUTCOMES[outcome]
        if outcome == "APPROVED":
            for earlier in found.versions:
                if earlier.status == "APPROVED":
                    earlier.move("ARCHIVED", "ArchivedTimestamp")
        version.move(version_status, timestamp)
        version.denied_reasons = list(reasons) if outcome == "DENIED" else []
        found.status = registration_status
        if outcome == "APPROVED":
            self.approved(found)
        return found
