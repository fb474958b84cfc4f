"""The SMS backends: chosen by SMS_BACKEND; console masks the number; the
Aliyun adapter signs its request as Aliyun documents (HTTP call mocked)."""

import datetime
import io
import json
import logging
import urllib.parse
from unittest import mock

import pytest

from core import sms
from core.sms.backends import aliyun, console, locmem


def test_the_console_backend_is_the_default_and_masks_the_number(settings, caplog):
    if hasattr(settings, "SMS_BACKEND"):
        del settings.SMS_BACKEND
    assert isinstance(sms.get_backend(), console.SmsBackend)
    with caplog.at_level(logging.INFO, logger="core.sms"):
        sms.send_sms("13800005678", "您的事项 ABCD 已受理。")
    assert "138****5678" in caplog.text and "已受理" in caplog.text
    assert "13800005678" not in caplog.text


def test_the_setting_chooses_the_backend(settings):
    settings.SMS_BACKEND = "core.sms.backends.locmem.SmsBackend"
    locmem.outbox.clear()
    sms.send_sms("13800005678", "text", {"code": "X"})
    assert locmem.outbox == [sms.SmsMessage("13800005678", "text", {"code": "X"})]


def test_the_environment_names_the_backend_when_no_setting_does(settings, monkeypatch):
    if hasattr(settings, "SMS_BACKEND"):
        del settings.SMS_BACKEND
    monkeypatch.setenv("SMS_BACKEND", "core.sms.backends.locmem.SmsBackend")
    assert isinstance(sms.get_backend(), locmem.SmsBackend)


def test_the_signature_matches_aliyuns_documented_example():
    # The worked example of Aliyun's SMS API signature documentation.
    params = {
        "AccessKeyId": "testId",
        "Action": "SendSms",
        "Format": "XML",
        "OutId": "123",
        "PhoneNumbers": "15300000001",
        "RegionId": "cn-hangzhou",
        "SignName": "阿里云短信测试专用",
        "SignatureMethod": "HMAC-SHA1",
        "SignatureNonce": "45e25e9b-0a6f-4070-8c85-2956eda1b466",
        "SignatureVersion": "1.0",
        "TemplateCode": "SMS_71390007",
        "TemplateParam": '{"customer":"test"}',
        "Timestamp": "2017-07-12T02:42:19Z",
        "Version": "2017-05-25",
    }
    assert aliyun.signature(params, "testSecret") == "zJDF+Lrzhj/ThnlvIToysFRq6t4="


def test_percent_encoding_follows_rfc3986():
    assert aliyun.percent_encode("a b*~") == "a%20b%2A~"
    assert aliyun.percent_encode("紫") == "%E7%B4%AB"


@pytest.fixture
def aliyun_settings(settings):
    settings.SMS_BACKEND = "core.sms.backends.aliyun.SmsBackend"
    settings.SMS_ALIYUN_ACCESS_KEY_ID = "LTAI-example"
    settings.SMS_ALIYUN_ACCESS_KEY_SECRET = "example-secret"
    settings.SMS_ALIYUN_SIGN_NAME = "紫阳街人大工委"
    settings.SMS_ALIYUN_TEMPLATE_CODE = "SMS_000001"
    return settings


def answer(payload):
    response = mock.MagicMock()
    response.__enter__.return_value = io.BytesIO(json.dumps(payload).encode())
    return response


def test_the_adapter_sends_one_signed_https_get(aliyun_settings):
    with mock.patch(
        "urllib.request.urlopen", return_value=answer({"Code": "OK"})
    ) as call:
        sms.send_sms(
            "13800005678", "全文", {"code": "ABCD-2345-EFGH", "status": "已受理"}
        )
    url = call.call_args.args[0]
    assert call.call_args.kwargs["timeout"] == aliyun.TIMEOUT
    parts = urllib.parse.urlsplit(url)
    assert (parts.scheme, parts.netloc, parts.path) == (
        "https",
        "dysmsapi.aliyuncs.com",
        "/",
    )
    query = dict(urllib.parse.parse_qsl(parts.query))
    assert query["Action"] == "SendSms" and query["Version"] == "2017-05-25"
    assert query["PhoneNumbers"] == "13800005678"
    assert (
        query["SignName"] == "紫阳街人大工委" and query["TemplateCode"] == "SMS_000001"
    )
    assert json.loads(query["TemplateParam"]) == {
        "code": "ABCD-2345-EFGH",
        "status": "已受理",
    }
    assert (
        query["SignatureMethod"] == "HMAC-SHA1" and query["SignatureVersion"] == "1.0"
    )
    datetime.datetime.strptime(query["Timestamp"] + "+0000", "%Y-%m-%dT%H:%M:%SZ%z")
    signature = query.pop("Signature")
    assert signature == aliyun.signature(query, "example-secret")
    # Each request has a nonce of its own.
    with mock.patch(
        "urllib.request.urlopen", return_value=answer({"Code": "OK"})
    ) as again:
        sms.send_sms("13800005678", "全文", {})
    nonce = dict(
        urllib.parse.parse_qsl(urllib.parse.urlsplit(again.call_args.args[0]).query)
    )
    assert nonce["SignatureNonce"] != query["SignatureNonce"]


def test_a_refusal_raises_without_the_number(aliyun_settings):
    refusal = {"Code": "isv.BUSINESS_LIMIT_CONTROL", "Message": "13800005678 触发流控"}
    with (
        mock.patch("urllib.request.urlopen", return_value=answer(refusal)),
        pytest.raises(sms.SmsError) as caught,
    ):
        sms.send_sms("13800005678", "全文", {})
    assert "BUSINESS_LIMIT_CONTROL" in str(caught.value)
    assert "13800005678" not in str(caught.value)


def test_an_unreachable_provider_raises_sms_error(aliyun_settings):
    with (
        mock.patch("urllib.request.urlopen", side_effect=OSError("13800005678 down")),
        pytest.raises(sms.SmsError) as caught,
    ):
        sms.send_sms("13800005678", "全文", {})
    assert "13800005678" not in str(caught.value)


def test_the_adapter_refuses_to_start_unconfigured(settings):
    settings.SMS_BACKEND = "core.sms.backends.aliyun.SmsBackend"
    for name in ("SMS_ALIYUN_ACCESS_KEY_ID", "SMS_ALIYUN_ACCESS_KEY_SECRET"):
        if hasattr(settings, name):
            delattr(settings, name)
    with pytest.raises(sms.SmsError):
        sms.get_backend()
