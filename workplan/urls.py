from django.urls import path

from . import views

app_name = "workplan"
urlpatterns = [
    path("my/plan/", views.my_plan, name="my_plan"),
]
