"""The staff queues and the month filter of the register's list."""

import datetime

from django.contrib import admin
from django.db.models import Max, Min
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..models import Suggestion


class QueueFilter(admin.SimpleListFilter):
    title = _("queue")
    parameter_name = "queue"

    def lookups(self, request, model_admin):
        return [
            ("new", _("New, to accept")),
            ("overdue", _("Overdue")),
            ("awaiting", _("Awaiting reply")),
            ("reopened", _("Reopened")),
        ]

    def queryset(self, request, queryset):
        method = {
            "new": "new",
            "overdue": "overdue",
            "awaiting": "awaiting_reply",
            "reopened": "reopened",
        }.get(self.value())
        return getattr(queryset, method)() if method else queryset


class MonthFilter(admin.SimpleListFilter):
    title = _("month received")
    parameter_name = "month"

    def lookups(self, request, model_admin):
        # The 36 months up to the latest suggestion, from two index lookups
        # rather than a scan of every row for the months that hold one.
        span = Suggestion.objects.aggregate(
            first=Min("received_at"), last=Max("received_at")
        )
        if span["last"] is None:
            return []
        first = timezone.localtime(span["first"]).date().replace(day=1)
        month = timezone.localtime(span["last"]).date().replace(day=1)
        months = []
        while month >= first and len(months) < 36:
            months.append((f"{month:%Y-%m}", f"{month:%Y-%m}"))
            month = (month - datetime.timedelta(days=1)).replace(day=1)
        return months

    def queryset(self, request, queryset):
        if not self.value():
            return queryset
        try:
            year, month = (int(part) for part in self.value().split("-"))
        except ValueError:
            return queryset.none()
        return queryset.filter(received_at__year=year, received_at__month=month)
