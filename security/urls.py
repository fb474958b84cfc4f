from django.urls import path

from . import views

app_name = "security"
urlpatterns = [
    path(
        "accounts/two-factor/setup/",
        views.two_factor_setup,
        name="two_factor_setup",
    ),
    path(
        "accounts/two-factor/verify/",
        views.two_factor_verify,
        name="two_factor_verify",
    ),
]
