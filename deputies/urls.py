from django.urls import path

from . import views

app_name = "deputies"
urlpatterns = [
    path("deputies/", views.deputy_list, name="list"),
    path("deputies/<int:pk>/", views.deputy_detail, name="detail"),
]
