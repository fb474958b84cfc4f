"""{% next_duty_dates station=... %} or {% next_duty_dates deputy=... %}: the
next planned reception dates, for the station and deputy pages."""

from django import template

from deputies.models import Deputy
from rosters import planning

register = template.Library()


@register.simple_tag
def next_duty_dates(station=None, deputy=None):
    """The next planned dates of a station or of a deputy, in order."""
    window = planning.next_window()
    if station is not None:
        return planning.upcoming(planning.for_station(station, *window))
    if deputy is not None:
        return planning.upcoming(planning.for_deputy(deputy, *window))
    return []


@register.simple_tag
def deputy_serving(deputy) -> bool:
    """Whether the deputy serves today: only they have a roster and a poster."""
    return Deputy.objects.current().filter(pk=deputy.pk).exists()
