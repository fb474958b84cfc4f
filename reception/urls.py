from django.urls import path

from . import views

app_name = "reception"
urlpatterns = [
    path("stations/", views.station_list, name="station_list"),
    path("stations/<slug:slug>/", views.station_detail, name="station_detail"),
    path("my/sessions/", views.my_sessions, name="my_sessions"),
    path("my/sessions/new/", views.my_session_new, name="my_session_new"),
    path("my/sessions/<int:pk>/", views.my_session_detail, name="my_session_detail"),
    path("my/sessions/<int:pk>/edit/", views.my_session_edit, name="my_session_edit"),
    path(
        "my/sessions/<int:pk>/delete/",
        views.my_session_delete,
        name="my_session_delete",
    ),
    path(
        "reception/sessions/photos/<int:pk>/",
        views.session_photo,
        name="session_photo",
    ),
]
