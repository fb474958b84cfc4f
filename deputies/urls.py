from django.urls import path

from . import views, workspace

app_name = "deputies"
urlpatterns = [
    path("deputies/", views.deputy_list, name="list"),
    path("deputies/<int:pk>/", views.deputy_detail, name="detail"),
    path("my/reflections/", workspace.my_reflections, name="my_reflections"),
    path(
        "my/reflections/<int:pk>/",
        workspace.my_reflection_edit,
        name="my_reflection_edit",
    ),
]
