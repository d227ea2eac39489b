"""SmsVoiceResponse: the JSON 1.0 front end (``X-Amz-Target: PinpointSMSVoiceV2.<Op>``).

Requests go through moto's ``BaseResponse`` dispatch (so request authentication and IAM
checks apply as for every moto service); each body is validated against the model's
input shape, and each result is trimmed to the members of the model's output shape.
"""

import json
from typing import Any

from moto.core.exceptions import JsonRESTError, _RESTError
from moto.core.responses import BaseResponse

from .clock import clock
from .entities import PhoneNumber, Pool, SenderId
from .exceptions import SmsVoiceError, ValidationException
from .messaging_responses import MessagingResponses
from .registration_field_responses import RegistrationFieldResponses
from .registration_responses import RegistrationResponses
from .models import SmsVoiceBackend, smsvoice_backends
from .paging import apply_filters, paginate
from .validation import service_model, validate_input

# moto's (query protocol) authentication error codes -> the codes AWS JSON services use.
AUTH_ERROR_CODES = {
    "SignatureDoesNotMatch": "InvalidSignatureException",
    "InvalidClientTokenId": "UnrecognizedClientException",
    "AccessDenied": "AccessDeniedException",
}


class SmsVoiceResponse(MessagingResponses, RegistrationResponses, RegistrationFieldResponses, BaseResponse):
    """Handlers of the supported pinpoint-sms-voice-v2 operations."""

    def __init__(self) -> None:
        super().__init__(service_name="pinpoint-sms-voice-v2")

    @property
    def backend(self) -> SmsVoiceBackend:
        """The backend of the calling account and region."""
        return smsvoice_backends[self.current_account][self.region]

    def _authenticate_and_authorize_normal_action(self, resource: str = "*") -> None:
        """moto's authentication, with its XML errors turned into JSON 1.0 errors.

        moto raises query-protocol (XML) auth errors for every service; a JSON 1.0 client
        could not parse them. The codes become the ones AWS JSON services return.
        """
        try:
            super()._authenticate_and_authorize_normal_action(resource)
        except JsonRESTError:
            raise
        except _RESTError as error:
            code = AUTH_ERROR_CODES.get(error.error_type, error.error_type)
            converted = SmsVoiceError(code, error.message)
            converted.code = error.code
            raise converted from None

    def _params(self) -> dict[str, Any]:
        try:
            params = json.loads(self.body) if self.body else {}
        except json.JSONDecodeError:
            raise ValidationException("The request body is not valid JSON.", "CANNOT_PARSE") from None
        validate_input(self._get_action(), params)
        return params

    def _reply(self, result: dict[str, Any]) -> str:
        shape = service_model().operation_model(self._get_action()).output_shape
        members = shape.members if shape is not None else {}
        return json.dumps({key: value for key, value in result.items() if key in members})

    def _page(self, key: str, items: list[Any], params: dict[str, Any], **members: Any) -> str:
        """One page of `items` as the result member `key`, with the other result `members`."""
        page, token = paginate(items, params.get("NextToken"), params.get("MaxResults"))
        result: dict[str, Any] = {**members, key: page}
        if token:
            result["NextToken"] = token
        return self._reply(result)

    def _number(self, number: PhoneNumber) -> str:
        return self._reply(number.describe(clock.now()))

    def request_phone_number(self) -> str:
        """RequestPhoneNumber."""
        return self._number(self.backend.request_phone_number(self._params(), getattr(self, "access_key", None)))

    def describe_phone_numbers(self) -> str:
        """DescribePhoneNumbers."""
        params = self._params()
        now = clock.now()
        numbers = self.backend.describe_phone_numbers(params.get("PhoneNumberIds"))
        infos = [number.describe(now) for number in numbers]
        matching = apply_filters(infos, params.get("Filters"), _phone_filters)
        for info in matching:
            info.pop("Tags", None)
        return self._page("PhoneNumbers", matching, params)

    def update_phone_number(self) -> str:
        """UpdatePhoneNumber."""
        return self._number(self.backend.update_phone_number(self._params()))

    def release_phone_number(self) -> str:
        """ReleasePhoneNumber."""
        return self._number(self.backend.release_phone_number(self._params()["PhoneNumberId"]))

    def request_sender_id(self) -> str:
        """RequestSenderId."""
        return self._reply(self.backend.request_sender_id(self._params()).describe())

    def describe_sender_ids(self) -> str:
        """DescribeSenderIds."""
        params = self._params()
        records = self.backend.describe_sender_ids(params.get("SenderIds"))
        infos = [record.describe() for record in records]
        matching = apply_filters(infos, params.get("Filters"), _sender_filters)
        for info in matching:
            info.pop("Tags", None)
        return self._page("SenderIds", matching, params)

    def update_sender_id(self) -> str:
        """UpdateSenderId."""
        return self._sender(self.backend.update_sender_id(self._params()))

    def release_sender_id(self) -> str:
        """ReleaseSenderId."""
        return self._sender(self.backend.release_sender_id(self._params()))

    def _sender(self, record: SenderId) -> str:
        return self._reply(record.describe())

    def create_pool(self) -> str:
        """CreatePool."""
        return self._reply(self.backend.create_pool(self._params()).describe())

    def describe_pools(self) -> str:
        """DescribePools."""
        params = self._params()
        ids = params.get("PoolIds")
        pools: list[Pool] = (
            [self.backend.find_pool(value) for value in ids] if ids else list(self.backend.pools.values())
        )
        infos = [pool.describe() for pool in pools]
        matching = apply_filters(infos, params.get("Filters"), _pool_filters)
        for info in matching:
            info.pop("Tags", None)
        return self._page("Pools", matching, params)

    def update_pool(self) -> str:
        """UpdatePool."""
        return self._reply(self.backend.update_pool(self._params()).describe())

    def delete_pool(self) -> str:
        """DeletePool."""
        pool = self.backend.delete_pool(self._params()["PoolId"])
        return self._reply(pool.describe(status="DELETING"))

    def associate_origination_identity(self) -> str:
        """AssociateOriginationIdentity."""
        return self._reply(self.backend.associate(self._params()))

    def disassociate_origination_identity(self) -> str:
        """DisassociateOriginationIdentity."""
        return self._reply(self.backend.disassociate(self._params()))

    def list_pool_origination_identities(self) -> str:
        """ListPoolOriginationIdentities."""
        params = self._params()
        pool, members = self.backend.pool_identities(params["PoolId"])
        matching = apply_filters(members, params.get("Filters"), _identity_filters)
        page, token = paginate(matching, params.get("NextToken"), params.get("MaxResults"))
        result: dict[str, Any] = {"PoolArn": pool.arn, "PoolId": pool.id, "OriginationIdentities": page}
        if token:
            result["NextToken"] = token
        return self._reply(result)

    def tag_resource(self) -> str:
        """TagResource."""
        params = self._params()
        self.backend.tag_resource(params["ResourceArn"], params["Tags"])
        return "{}"

    def untag_resource(self) -> str:
        """UntagResource."""
        params = self._params()
        self.backend.untag_resource(params["ResourceArn"], params["TagKeys"])
        return "{}"

    def list_tags_for_resource(self) -> str:
        """ListTagsForResource."""
        arn = self._params()["ResourceArn"]
        tags = self.backend.tagged(arn).tags
        return self._reply({"ResourceArn": arn, "Tags": [{"Key": k, "Value": v} for k, v in tags.items()]})

    def describe_opt_out_lists(self) -> str:
        """DescribeOptOutLists: only the implicit ``Default`` list exists."""
        params = self._params()
        names = [self.backend.opt_out_list(name) for name in params.get("OptOutListNames") or ["Default"]]
        lists = [
            {
                "OptOutListArn": self.backend.arn("opt-out-list", name),
                "OptOutListName": name,
                "CreatedTimestamp": self.backend.created,
            }
            for name in names
        ]
        return self._page("OptOutLists", lists, params)


def _phone_filters(info: dict[str, Any]) -> dict[str, Any]:
    return {
        "status": info["Status"],
        "iso-country-code": info["IsoCountryCode"],
        "message-type": info["MessageType"],
        "number-capability": info["NumberCapabilities"],
        "number-type": info["NumberType"],
        "two-way-enabled": info["TwoWayEnabled"],
        "self-managed-opt-outs-enabled": info["SelfManagedOptOutsEnabled"],
        "opt-out-list-name": info["OptOutListName"],
        "deletion-protection-enabled": info["DeletionProtectionEnabled"],
        "two-way-channel-arn": info.get("TwoWayChannelArn"),
    }


def _sender_filters(info: dict[str, Any]) -> dict[str, Any]:
    return {
        "sender-id": info["SenderId"],
        "iso-country-code": info["IsoCountryCode"],
        "message-type": info["MessageTypes"],
        "deletion-protection-enabled": info["DeletionProtectionEnabled"],
        "registered": info["Registered"],
    }


def _pool_filters(info: dict[str, Any]) -> dict[str, Any]:
    return {
        "status": info["Status"],
        "message-type": info["MessageType"],
        "two-way-enabled": info["TwoWayEnabled"],
        "self-managed-opt-outs-enabled": info["SelfManagedOptOutsEnabled"],
        "opt-out-list-name": info["OptOutListName"],
        "shared-routes-enabled": info["SharedRoutesEnabled"],
        "deletion-protection-enabled": info["DeletionProtectionEnabled"],
        "two-way-channel-arn": info.get("TwoWayChannelArn"),
    }


def _identity_filters(info: dict[str, Any]) -> dict[str, Any]:
    return {"iso-country-code": info["IsoCountryCode"], "number-capability": info["NumberCapabilities"]}
