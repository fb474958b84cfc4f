from django.conf import settings
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path
from django.views.decorators.csrf import csrf_exempt
from django.views.i18n import JavaScriptCatalog, set_language

from archive import views as archive_views
from core import views
from dashboard import views as dashboard_views
from security import views as security_views
from security.login_forms import LoginForm

my_patterns = (
    [
        path("", views.my_home, name="home"),
        path("archive/", archive_views.my_archive, name="archive"),
        path("dashboard/", dashboard_views.my_dashboard, name="dashboard"),
        path("changes/", security_views.my_changes, name="changes"),
        path(
            "archive/<str:fmt>/",
            archive_views.my_archive_export,
            name="archive_export",
        ),
    ],
    "my",
)

urlpatterns = [
    path("", views.home, name="home"),
    path("healthz", views.healthz, name="healthz"),
    # Choosing the page language needs no CSRF token: the switch on every page
    # then holds nothing of one visitor, so public pages can be cached whole
    # (core.pagecache). At worst another site changes a visitor's
    # language, which they change back.
    path("i18n/setlang/", csrf_exempt(set_language), name="set_language"),
    # The words of the portal's scripts (djangojs catalogues), as a script file.
    path("i18n/js/", JavaScriptCatalog.as_view(), name="javascript-catalog"),
    path(
        "accounts/login/",
        auth_views.LoginView.as_view(
            authentication_form=LoginForm, redirect_authenticated_user=True
        ),
        name="login",
    ),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("", include("security.urls")),
    path("my/", include(my_patterns)),
    path("admin/", admin.site.urls),
    path("captcha/", include("captcha.urls")),
    path("", include("deputies.urls")),
    path("", include("reception.urls")),
    path("", include("rosters.urls")),
    path("", include("suggestions.urls")),
    path("", include("publicity.urls")),
    path("", include("workplan.urls")),
    path("", include("api.urls")),
    path("", include("exports.urls")),
    path("", include("opendata.urls")),
]

if settings.DEBUG or settings.MEDIA_STORAGE == "s3":
    # Public pictures only. In production from a folder, the web server serves
    # them with the same list of folders (README); from the private bucket
    # (MEDIA_STORAGE=s3), the portal does.
    urlpatterns += [path("media/<path:path>", views.public_media)]
