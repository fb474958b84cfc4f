from django.urls import path

from . import views
from .feeds import NewsFeed

app_name = "publicity"
urlpatterns = [
    path("news/", views.news_list, name="news_list"),
    path("news/feed/", NewsFeed(), name="news_feed"),
    path("news/profiles/", views.profile_list, name="profile_list"),
    path("news/<int:pk>/", views.news_detail, name="news_detail"),
]
