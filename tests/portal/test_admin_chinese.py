"""The admin in Chinese: its index and the pages of django-axes and django-otp,
whose apps ship no Chinese, as a superuser sees them in zh-hans."""

import re

import pytest
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.urls import reverse
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

pytestmark = pytest.mark.django_db

ENGLISH = [
    "Model name",
    "Add link",
    "Change or view list link",
    "Access attempts",
    "Access attempt",
    "Access logs",
    "Access failures",
    "TOTP device",
    "Axes",
    "Otp_Totp",
    "Attempt Time",
    "IP Address",
    "User Agent",
    "Identity",
    "Timestamps",
    "Throttling",
    "The human-readable name of this device.",
    "Search by user",
    "QR Code",
    "Status",
    "Expiration",
]
# What may stay in Latin letters: the records' own data and technical terms.
DATA = re.compile(
    r"^(root-admin|deputy-zhang|staff-wang|staff-zhao|127\.0\.0\.1|/\S*|&\w+;|"
    r"&[lr]saquo; \d+|&lt;unknown&gt;|"
    r"Mozilla\S*|pytest|test|GET|POST|HTTP|TOTP|IP|Unix|t0|SHA-256|"
    r"[\d\s:.\-/年月日时分秒]+)$"
)


@pytest.fixture
def records(superuser, django_user_model):
    now = timezone.now()
    AccessAttempt.objects.create(
        username="deputy-zhang",
        ip_address="127.0.0.1",
        user_agent="pytest",
        path_info="/accounts/login/",
        failures_since_start=3,
        attempt_time=now,
    )
    AccessLog.objects.create(
        username="root-admin",
        ip_address="127.0.0.1",
        user_agent="pytest",
        path_info="/admin/",
        attempt_time=now,
    )
    AccessFailureLog.objects.create(
        username="deputy-zhang",
        ip_address="127.0.0.1",
        user_agent="pytest",
        path_info="/accounts/login/",
        attempt_time=now,
    )
    # Another account's device: the superuser's own would ask for its code.
    owner = django_user_model.objects.create_user("staff-zhao", is_staff=True)
    return TOTPDevice.objects.create(user=owner, name="手机", confirmed=True)


def visible_lines(html: str) -> list[str]:
    html = re.sub(r"<(script|style|svg)\b.*?</\1>", "", html, flags=re.S)
    html = re.sub(r"<!--.*?-->", "", html, flags=re.S)
    text = re.sub(r"<[^>]+>", "\n", html)
    return [line.strip() for line in text.splitlines() if line.strip()]


def latin_lines(html: str) -> list[str]:
    return [
        line
        for line in visible_lines(html)
        if re.search(r"[A-Za-z]{2,}", line)
        and not re.search(r"[\u4e00-\u9fff]", line)
        and not DATA.match(line)
    ]


def pages(device):
    return [
        reverse("admin:index"),
        reverse("admin:app_list", args=["axes"]),
        reverse("admin:app_list", args=["otp_totp"]),
        reverse("admin:axes_accessattempt_changelist"),
        reverse("admin:axes_accesslog_changelist"),
        reverse("admin:axes_accessfailurelog_changelist"),
        reverse("admin:otp_totp_totpdevice_changelist"),
        reverse("admin:otp_totp_totpdevice_change", args=[device.pk]),
        reverse("admin:otp_totp_totpdevice_add"),
    ]


def test_the_superusers_admin_has_no_english_labels(superuser_client, records):
    for url in pages(records):
        response = superuser_client.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        for word in ENGLISH:
            assert word not in html, f"{word!r} on {url}"
        assert latin_lines(html) == [], url


def test_the_chinese_names_are_shown(superuser_client, records):
    html = superuser_client.get(reverse("admin:index")).content.decode()
    for name in ("模型名称", "登录尝试与锁定", "两步登录", "身份验证器", "登录日志"):
        assert name in html
    change = reverse("admin:otp_totp_totpdevice_change", args=[records.pk])
    html = superuser_client.get(change).content.decode()
    for label in ("设备名称", "便于识别的设备名称。", "失败限制", "密钥"):
        assert label in html


def test_staff_see_login_attempts_in_chinese(staff_client, records):
    for name in ("accessattempt", "accesslog"):
        url = reverse(f"admin:axes_{name}_changelist")
        html = staff_client.get(url).content.decode()
        assert "Attempt Time" not in html and "尝试时间" in html
    # The authenticators stay for superusers.
    devices = reverse("admin:otp_totp_totpdevice_changelist")
    assert staff_client.get(devices).status_code == 403


def test_deputies_and_visitors_never_reach_these_pages(client, deputy_client, records):
    url = reverse("admin:axes_accessattempt_changelist")
    for visitor in (client, deputy_client):
        response = visitor.get(url)
        assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_permission_names_keep_their_english_source(records):
    from django.contrib.auth.models import Permission

    assert Permission.objects.filter(
        codename="view_totpdevice", name="Can view TOTP device"
    ).exists()


def test_the_chinese_names_change_no_migration():
    from django.core.management import call_command

    # Exits with status 1 if django-otp or django-axes would need a migration.
    call_command("makemigrations", "otp_totp", "axes", "--check", "--dry-run")
