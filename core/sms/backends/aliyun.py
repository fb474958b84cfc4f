"""Aliyun SMS (Dysms, 短信服务): SendSms over HTTPS with the RPC signature.

The request follows Aliyun's documented signature version 1.0: the parameters
sorted by name, each name and value percent-encoded (RFC 3986, space as %20,
`~` kept), joined with `&`; the string to sign is ``GET&%2F&`` and that query
percent-encoded once more; the signature is HMAC-SHA1 of it, keyed with the
AccessKey secret and `&`, in Base64. Aliyun sends only approved templates: the
message's `params` fill the template `SMS_ALIYUN_TEMPLATE_CODE` under the
signature name `SMS_ALIYUN_SIGN_NAME`.

Settings (a Django setting, else the environment): SMS_ALIYUN_ACCESS_KEY_ID,
SMS_ALIYUN_ACCESS_KEY_SECRET, SMS_ALIYUN_SIGN_NAME, SMS_ALIYUN_TEMPLATE_CODE,
SMS_ALIYUN_ENDPOINT (default https://dysmsapi.aliyuncs.com/).
"""

import base64
import datetime
import hashlib
import hmac
import json
import urllib.parse
import urllib.request
import uuid

from .. import SmsError, setting

ENDPOINT = "https://dysmsapi.aliyuncs.com/"
TIMEOUT = 10  # seconds


def percent_encode(value: str) -> str:
    return urllib.parse.quote(str(value), safe="~")


def canonical_query(params: dict) -> str:
    return "&".join(
        f"{percent_encode(k)}={percent_encode(v)}" for k, v in sorted(params.items())
    )


def signature(params: dict, secret: str, method: str = "GET") -> str:
    to_sign = (
        f"{method}&{percent_encode('/')}&{percent_encode(canonical_query(params))}"
    )
    digest = hmac.new(f"{secret}&".encode(), to_sign.encode(), hashlib.sha1).digest()
    return base64.b64encode(digest).decode()


def signed_params(
    message, *, key_id, secret, sign_name, template, now=None, nonce=None
):
    now = now or datetime.datetime.now(datetime.UTC)
    params = {
        "AccessKeyId": key_id,
        "Action": "SendSms",
        "Format": "JSON",
        "PhoneNumbers": message.to,
        "RegionId": "cn-hangzhou",
        "SignName": sign_name,
        "SignatureMethod": "HMAC-SHA1",
        "SignatureNonce": nonce or uuid.uuid4().hex,
        "SignatureVersion": "1.0",
        "TemplateCode": template,
        "TemplateParam": json.dumps(message.params, ensure_ascii=False),
        "Timestamp": now.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "Version": "2017-05-25",
    }
    params["Signature"] = signature(params, secret)
    return params


class SmsBackend:
    def __init__(self):
        self.key_id = setting("SMS_ALIYUN_ACCESS_KEY_ID")
        self.secret = setting("SMS_ALIYUN_ACCESS_KEY_SECRET")
        self.sign_name = setting("SMS_ALIYUN_SIGN_NAME")
        self.template = setting("SMS_ALIYUN_TEMPLATE_CODE")
        self.endpoint = setting("SMS_ALIYUN_ENDPOINT", ENDPOINT)
        if not (self.key_id and self.secret and self.sign_name and self.template):
            raise SmsError("Aliyun SMS is not configured")

    def send(self, message) -> None:
        params = signed_params(
            message,
            key_id=self.key_id,
            secret=self.secret,
            sign_name=self.sign_name,
            template=self.template,
        )
        url = f"{self.endpoint}?{canonical_query(params)}"
        try:
            with urllib.request.urlopen(url, timeout=TIMEOUT) as response:
                answer = json.loads(response.read().decode("utf-8"))
        except (OSError, ValueError) as exc:
            raise SmsError(f"Aliyun SMS unreachable: {type(exc).__name__}") from None
        if answer.get("Code") != "OK":
            # The provider's code only: its message may repeat the number.
            raise SmsError(f"Aliyun SMS refused the message: {answer.get('Code')}")
