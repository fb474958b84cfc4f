from django.urls import path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

from . import views

app_name = "api"
urlpatterns = [
    path("api/schema/", SpectacularAPIView.as_view(), name="schema"),
    # The init script is served by the same view (?script=), so the strict
    # Content-Security-Policy needs no inline script.
    path(
        "api/docs/",
        SpectacularSwaggerSplitView.as_view(url_name="api:schema"),
        name="docs",
    ),
    path("api/stations/", views.StationList.as_view(), name="stations"),
    path("api/stations/<str:slug>/", views.StationDetail.as_view(), name="station"),
    path("api/deputies/", views.DeputyList.as_view(), name="deputies"),
    path("api/deputies/<int:pk>/", views.DeputyDetail.as_view(), name="deputy"),
    path("api/news/", views.NewsList.as_view(), name="news"),
    path("api/news/<int:pk>/", views.NewsDetail.as_view(), name="article"),
    path("api/track/", views.TrackView.as_view(), name="track"),
    path(
        "api/wechat/suggestions/",
        views.ChannelSubmit.as_view(),
        name="wechat_submit",
    ),
]
