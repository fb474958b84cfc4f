from django.conf import settings
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path
from django.views.static import serve

from . import views
from .forms import LoginForm

my_patterns = (
    [path("", views.my_home, name="home")],
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
    path("my/", include(my_patterns)),
    path("admin/", admin.site.urls),
    path("", include("deputies.urls")),
    path("", include("reception.urls")),
    path("", include("suggestions.urls")),
    path("", include("publicity.urls")),
]

if settings.DEBUG:
    # Public media only; production serves MEDIA_ROOT from the web server.
    urlpatterns += [
        path("media/<path:path>", serve, {"document_root": settings.MEDIA_ROOT})
    ]
