"""Home, login, workspace, language switch, error pages and security headers."""

import pytest
from django.test import Client
from django.urls import path

from tests.conftest import PASSWORD
from ziyang_portal import urls as portal_urls


def test_home_page_is_in_chinese_by_default(client, db):
    response = client.get("/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="zh-hans">' in html
    assert "紫阳街人大工委" in html
    assert "跳到主要内容" in html
    assert '<main id="main"' in html


def test_home_page_rejects_post(client, db):
    assert client.post("/").status_code == 405


def test_language_switch_to_english_and_back(client, db):
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    assert response.status_code == 302
    html = client.get("/").content.decode()
    assert '<html lang="en">' in html
    assert "Ziyang Street People&#x27;s Congress Working Committee" in html
    client.post("/i18n/setlang/", {"language": "zh-hans", "next": "/"})
    assert '<html lang="zh-hans">' in client.get("/").content.decode()


def test_language_switch_ignores_an_unknown_language(client, db):
    client.post("/i18n/setlang/", {"language": "xx", "next": "/"})
    assert '<html lang="zh-hans">' in client.get("/").content.decode()


def test_language_switch_refuses_an_external_redirect(client, db):
    response = client.post(
        "/i18n/setlang/", {"language": "en", "next": "https://evil.example/"}
    )
    assert response["Location"] == "/"


def test_login_page_is_in_chinese(client, db):
    html = client.get("/accounts/login/").content.decode()
    assert "代表登录" in html
    assert 'autocomplete="current-password"' in html


def test_deputy_logs_in_and_lands_on_the_workspace(client, deputy_user):
    response = client.post(
        "/accounts/login/", {"username": deputy_user.username, "password": PASSWORD}
    )
    assert response.status_code == 302
    assert response["Location"] == "/my/"
    assert "我的工作台" in client.get("/my/").content.decode()


def test_wrong_password_gives_a_clear_chinese_message(client, deputy_user):
    response = client.post(
        "/accounts/login/", {"username": deputy_user.username, "password": "nope"}
    )
    assert response.status_code == 200
    assert "请输入一个正确的" in response.content.decode()


def test_logout_needs_post_and_ends_the_session(deputy_client):
    assert deputy_client.post("/accounts/logout/").status_code == 302
    assert deputy_client.get("/my/").status_code == 302


def test_workspace_sends_anonymous_visitors_to_the_login(client, db):
    response = client.get("/my/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_workspace_is_refused_to_an_account_that_is_not_a_deputy(
    resident_client, staff_client
):
    assert resident_client.get("/my/").status_code == 403
    assert staff_client.get("/my/").status_code == 403


def test_admin_login_is_titled_for_the_committee_in_chinese(client, db):
    html = client.get("/admin/login/").content.decode()
    assert "紫阳街人大工委" in html
    assert "登录" in html


def test_admin_index_for_staff(staff_client):
    response = staff_client.get("/admin/")
    assert response.status_code == 200
    assert "工委管理后台" in response.content.decode()


def test_admin_refuses_deputies(deputy_client):
    response = deputy_client.get("/admin/")
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_404_page_is_in_chinese(client, db):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert "页面不存在" in response.content.decode()


def boom(request):
    raise RuntimeError("boom")


def forbidden(request):
    from django.core.exceptions import PermissionDenied

    raise PermissionDenied


urlpatterns = [
    path("boom/", boom),
    path("forbidden/", forbidden),
    *portal_urls.urlpatterns,
]


@pytest.mark.urls("tests.portal.test_pages")
def test_500_page_is_in_chinese_and_shows_no_traceback(db):
    client = Client(raise_request_exception=False)
    response = client.get("/boom/")
    assert response.status_code == 500
    html = response.content.decode()
    assert "服务器出错" in html
    assert "Traceback" not in html
    assert "RuntimeError" not in html


@pytest.mark.urls("tests.portal.test_pages")
def test_403_page_is_in_chinese(client, db):
    response = client.get("/forbidden/")
    assert response.status_code == 403
    assert "无权访问" in response.content.decode()


def test_unknown_host_gets_400(client, db):
    response = client.get("/", HTTP_HOST="evil.example")
    assert response.status_code == 400


def test_security_headers_on_every_page(client, db):
    response = client.get("/")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"
    csp = response["Content-Security-Policy"]
    assert "default-src 'self'" in csp
    assert "script-src 'self'" in csp
    assert "http" not in csp


def test_production_headers_hsts_and_secure_cookies(client, db, settings):
    settings.SECURE_HSTS_SECONDS = 31536000
    settings.SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    settings.SECURE_HSTS_PRELOAD = True
    settings.SESSION_COOKIE_SECURE = True
    settings.CSRF_COOKIE_SECURE = True
    response = client.get("/accounts/login/", secure=True)
    assert "max-age=31536000" in response["Strict-Transport-Security"]
    assert response.cookies["csrftoken"]["secure"] is True


def test_static_files_are_vendored_not_from_a_cdn(client, db):
    html = client.get("/").content.decode()
    assert "/static/vendor/bootstrap/bootstrap.min.css" in html
    assert "cdn" not in html.lower()


def test_development_server_serves_public_pictures_but_never_residents_photos(
    client, db, settings
):
    from pathlib import Path

    from django.urls import clear_url_caches

    settings.DEBUG = True
    media = Path(settings.MEDIA_ROOT)
    for folder in ("publicity/covers", "suggestions/photos"):
        (media / folder).mkdir(parents=True, exist_ok=True)
        (media / folder / "x.jpg").write_bytes(b"\xff\xd8demo")
    import importlib

    from ziyang_portal import urls

    importlib.reload(urls)
    clear_url_caches()
    try:
        with pytest.MonkeyPatch.context() as mp:
            mp.setattr(settings, "ROOT_URLCONF", "ziyang_portal.urls")
            assert client.get("/media/publicity/covers/x.jpg").status_code == 200
            assert client.get("/media/suggestions/photos/x.jpg").status_code == 404
            assert (
                client.get("/media/publicity/../suggestions/photos/x.jpg").status_code
                == 404
            )
    finally:
        settings.DEBUG = False
        importlib.reload(urls)
        clear_url_caches()
