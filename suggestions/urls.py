from django.urls import path

from . import notice_views, quick, views

app_name = "suggestions"
urlpatterns = [
    path("suggest/", views.suggest, name="suggest"),
    path("suggest/done/", views.suggest_done, name="suggest_done"),
    path("suggest/privacy/", views.privacy, name="privacy"),
    path("track/", views.track, name="track"),
    path("track/result/", views.track_result, name="track_result"),
    path("track/rate/", views.track_rate, name="track_rate"),
    path(
        "track/notices/stop/",
        notice_views.track_notices_stop,
        name="track_notices_stop",
    ),
    path("notices/stop/<str:token>/", notice_views.notices_stop, name="notices_stop"),
    path("my/suggestions/", views.my_suggestions, name="my_suggestions"),
    path("my/suggestions/new/", quick.quick_item, name="quick_item"),
    path("my/suggestions/<int:pk>/", views.my_suggestion, name="my_suggestion"),
    path("suggestions/photos/<int:pk>/", views.photo, name="photo"),
    path(
        "my/sessions/<int:session_id>/issues/<uuid:issue_uid>/suggest/",
        views.from_session_issue,
        name="from_session_issue",
    ),
]
