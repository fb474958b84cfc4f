from django.urls import path

from . import views

app_name = "rosters"
urlpatterns = [
    path(
        "stations/<slug:slug>/calendar.ics",
        views.station_calendar,
        name="station_calendar",
    ),
    path(
        "stations/<slug:slug>/poster.pdf", views.station_poster, name="station_poster"
    ),
    path(
        "deputies/<int:pk>/calendar.ics", views.deputy_calendar, name="deputy_calendar"
    ),
    path("deputies/<int:pk>/poster.pdf", views.deputy_poster, name="deputy_poster"),
    path("rosters/posters.pdf", views.all_posters, name="all_posters"),
    path("my/roster/", views.my_roster, name="my_roster"),
]
