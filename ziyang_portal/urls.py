from django.conf import settings
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from . import archive_views, views
from .dashboard import views as dashboard_views
from .forms import LoginForm

my_patterns = (
    [
        path("", views.my_home, name="home"),
        path("archive/", archive_views.my_archive, name="archive"),
        path("dashboard/", dashboard_views.my_dashboard, name="dashboard"),
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
    path("i18n/", include("django.conf.urls.i18n")),
    path(
        "accounts/login/",
        auth_views.LoginView.as_view(
            authentication_form=LoginForm, redirect_authenticated_user=True
        ),
        name="login",
    ),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("", include("ziyang_portal.security.urls")),
    path("my/", include(my_patterns)),
    path("admin/", admin.site.urls),
    path("captcha/", include("captcha.urls")),
    path("", include("deputies.urls")),
    path("", include("reception.urls")),
    path("", include("suggestions.urls")),
    path("", include("publicity.urls")),
    path("", include("workplan.urls")),
    path("", include("ziyang_portal.exports.urls")),
    path("", include("ziyang_portal.opendata.urls")),
    path("", include("api.urls")),
]

if settings.DEBUG:
    # The development server serves public pictures only; production leaves
    # them to the web server, with the same list of folders (README).
    urlpatterns += [path("media/<path:path>", views.public_media)]
