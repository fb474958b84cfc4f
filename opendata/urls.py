from django.urls import path

from . import views

app_name = "opendata"
urlpatterns = [
    path("open-data/", views.page, name="page"),
    path("open-data/ziyang-open-data.zip", views.download, name="download"),
]
