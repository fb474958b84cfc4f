from django.urls import path

from . import views

app_name = "exports"
urlpatterns = [
    path("exports/<int:pk>/download/", views.download, name="download"),
    path("exports/<int:pk>/progress/", views.progress, name="progress"),
]
