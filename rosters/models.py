"""The duty roster (接待日排班): when which deputies receive voters at a station.

A rule repeats (weekly, or the nth weekday of every month) or names one date;
an exception cancels or moves one of its dates; a swap puts another deputy in
place of one on a date. The planned dates are computed from these on read
(rosters.planning), never stored, so a change of rule shows at once.
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from deputies.models import Deputy
from reception.models import Station

# The usual hours of a half-day reception, when a rule gives no times.
HALF_DAYS = {
    "morning": (datetime.time(9, 0), datetime.time(11, 30)),
    "afternoon": (datetime.time(14, 30), datetime.time(17, 0)),
}


class DutyRuleQuerySet(models.QuerySet):
    def in_force(self):
        return self.filter(active=True, station__active=True)

    def for_planning(self):
        """Everything the planned dates need, in a constant number of queries."""
        swaps = Swap.objects.select_related("absent", "substitute")
        return self.select_related("station").prefetch_related(
            "deputies", "exceptions", models.Prefetch("swaps", queryset=swaps)
        )

    def for_deputy(self, deputy):
        """Rules the deputy is on, or stands in for somebody on."""
        return self.filter(Q(deputies=deputy) | Q(swaps__substitute=deputy)).distinct()


class DutyRule(models.Model):
    """When deputies receive voters at a station: a recurring rule or one date."""

    class Frequency(models.TextChoices):
        MONTHLY = "monthly", _("Every month, on the nth weekday")
        WEEKLY = "weekly", _("Every week")
        ONCE = "once", _("One date")

    class Weekday(models.IntegerChoices):
        MONDAY = 0, _("Monday")
        TUESDAY = 1, _("Tuesday")
        WEDNESDAY = 2, _("Wednesday")
        THURSDAY = 3, _("Thursday")
        FRIDAY = 4, _("Friday")
        SATURDAY = 5, _("Saturday")
        SUNDAY = 6, _("Sunday")

    class Nth(models.IntegerChoices):
        FIRST = 1, _("first")
        SECOND = 2, _("second")
        THIRD = 3, _("third")
        FOURTH = 4, _("fourth")
        LAST = -1, _("last")

    class PartOfDay(models.TextChoices):
        MORNING = "morning", _("Morning")
        AFTERNOON = "afternoon", _("Afternoon")
        HOURS = "hours", _("From a start to an end time")

    station = models.ForeignKey(
        Station,
        verbose_name=_("station"),
        on_delete=models.CASCADE,
        related_name="duty_rules",
    )
    deputies = models.ManyToManyField(
        Deputy,
        verbose_name=_("deputies on duty"),
        related_name="duty_rules",
        help_text=_("Only deputies assigned to the station."),
    )
    frequency = models.CharField(
        _("repeats"),
        max_length=10,
        choices=Frequency.choices,
        default=Frequency.MONTHLY,
    )
    weekday = models.PositiveSmallIntegerField(
        _("weekday"), choices=Weekday.choices, null=True, blank=True
    )
    nth = models.SmallIntegerField(
        _("which one in the month"),
        choices=Nth.choices,
        null=True,
        blank=True,
        help_text=_("For monthly rules: e.g. the second Wednesday."),
    )
    starts_on = models.DateField(
        _("first day"), help_text=_("The first day of the rule; the date of a one-off.")
    )
    ends_on = models.DateField(
        _("last day"),
        null=True,
        blank=True,
        help_text=_("Empty: the rule goes on."),
    )
    part_of_day = models.CharField(
        _("time of day"),
        max_length=10,
        choices=PartOfDay.choices,
        default=PartOfDay.MORNING,
    )
    start_time = models.TimeField(
        _("start time"),
        null=True,
        blank=True,
        help_text=_("Empty: 9:00 in the morning, 14:30 in the afternoon."),
    )
    end_time = models.TimeField(
        _("end time"),
        null=True,
        blank=True,
        help_text=_("Empty: 11:30 in the morning, 17:00 in the afternoon."),
    )
    note = models.CharField(_("note"), max_length=200, blank=True)
    active = models.BooleanField(_("in force"), default=True)

    objects = DutyRuleQuerySet.as_manager()

    class Meta:
        ordering = ["station__ordering", "station__name", "starts_on", "pk"]
        verbose_name = _("duty rule")
        verbose_name_plural = _("duty roster")
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True)
                | Q(ends_on__gte=models.F("starts_on")),
                name="rosters_rule_ends_after_start",
            ),
            models.CheckConstraint(
                condition=Q(start_time__isnull=True)
                | Q(end_time__isnull=True)
                | Q(end_time__gt=models.F("start_time")),
                name="rosters_rule_hours_in_order",
            ),
        ]

    def __str__(self):
        return f"{self.station} · {self.describe()}"

    def clean(self):
        errors = {}
        if self.ends_on and self.starts_on and self.ends_on < self.starts_on:
            errors["ends_on"] = _("The rule cannot end before it starts.")
        if self.frequency != self.Frequency.ONCE and self.weekday is None:
            errors["weekday"] = _("Choose the weekday of a recurring rule.")
        if self.frequency == self.Frequency.MONTHLY and self.nth is None:
            errors["nth"] = _("Choose which weekday of the month, e.g. the second.")
        if self.part_of_day == self.PartOfDay.HOURS and not (
            self.start_time and self.end_time
        ):
            errors["start_time"] = _("Give both the start and the end time.")
        if self.start_time and self.end_time and self.end_time <= self.start_time:
            errors["end_time"] = _("The end time must be after the start time.")
        if errors:
            raise ValidationError(errors)

    def hours(self) -> tuple[datetime.time, datetime.time]:
        default = HALF_DAYS.get(self.part_of_day, HALF_DAYS["morning"])
        return (self.start_time or default[0], self.end_time or default[1])

    def deputy_ids(self) -> set[int]:
        """The rule's deputies: as just chosen in a form, else as stored."""
        pending = getattr(self, "pending_deputies", None)
        if pending is not None:
            return {deputy.pk for deputy in pending}
        if self.pk is None:
            return set()
        return set(self.deputies.values_list("pk", flat=True))

    def describe(self) -> str:
        """The rule in words, e.g. 每月第二个周三上午."""
        from .wording import describe_rule

        return describe_rule(self)


class RuleException(models.Model):
    """One date of a rule cancelled, or moved to another day or time."""

    class Action(models.TextChoices):
        CANCEL = "cancel", _("Cancelled")
        MOVE = "move", _("Moved")

    rule = models.ForeignKey(
        DutyRule,
        verbose_name=_("duty rule"),
        on_delete=models.CASCADE,
        related_name="exceptions",
    )
    date = models.DateField(_("planned date"))
    action = models.CharField(
        _("what changes"), max_length=10, choices=Action.choices, default=Action.CANCEL
    )
    new_date = models.DateField(_("moved to"), null=True, blank=True)
    new_start_time = models.TimeField(_("new start time"), null=True, blank=True)
    new_end_time = models.TimeField(_("new end time"), null=True, blank=True)
    reason = models.CharField(_("reason"), max_length=200, blank=True)

    class Meta:
        ordering = ["rule", "date"]
        verbose_name = _("exception")
        verbose_name_plural = _("exceptions (cancelled or moved dates)")
        constraints = [
            models.UniqueConstraint(
                fields=["rule", "date"], name="rosters_one_exception_per_date"
            )
        ]

    def __str__(self):
        return f"{self.date:%Y-%m-%d} {self.get_action_display()}"

    def clean(self):
        if self.action == self.Action.MOVE and not self.new_date:
            raise ValidationError({"new_date": _("Give the date it is moved to.")})
        if (
            self.new_start_time
            and self.new_end_time
            and self.new_end_time <= self.new_start_time
        ):
            raise ValidationError(
                {"new_end_time": _("The end time must be after the start time.")}
            )
        rule = getattr(self, "rule", None)
        if rule is not None and self.date and rule.starts_on:
            from .recurrence import occurs_on

            if not occurs_on(rule, self.date):
                raise ValidationError(
                    {"date": _("The rule plans no reception on this date.")}
                )


class Swap(models.Model):
    """Another deputy in place of one of the rule's deputies on one date."""

    rule = models.ForeignKey(
        DutyRule,
        verbose_name=_("duty rule"),
        on_delete=models.CASCADE,
        related_name="swaps",
    )
    date = models.DateField(_("planned date"))
    absent = models.ForeignKey(
        Deputy,
        verbose_name=_("deputy replaced"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    substitute = models.ForeignKey(
        Deputy,
        verbose_name=_("deputy standing in"),
        on_delete=models.CASCADE,
        related_name="duty_swaps",
    )

    class Meta:
        ordering = ["rule", "date"]
        verbose_name = _("swap")
        verbose_name_plural = _("swaps")
        constraints = [
            models.UniqueConstraint(
                fields=["rule", "date", "absent"], name="rosters_one_swap_per_deputy"
            ),
            models.CheckConstraint(
                condition=~Q(absent=models.F("substitute")),
                name="rosters_swap_another_deputy",
            ),
        ]

    def __str__(self):
        return f"{self.date:%Y-%m-%d} {self.absent} → {self.substitute}"

    def clean(self):
        rule = getattr(self, "rule", None)
        if rule is None or rule.station_id is None:
            return
        errors = {}
        if self.absent_id and self.absent_id not in rule.deputy_ids():
            errors["absent"] = _("This deputy is not on the rule.")
        if self.substitute_id and self.substitute_id == self.absent_id:
            errors["substitute"] = _("Choose another deputy to stand in.")
        elif self.substitute_id and self.substitute_id in rule.deputy_ids():
            errors["substitute"] = _("This deputy is already on duty that day.")
        elif self.substitute_id and not _may_serve(rule.station, self.substitute_id):
            errors["substitute"] = _("This deputy is not assigned to the station.")
        if self.date and rule.starts_on:
            from .recurrence import occurs_on

            if not occurs_on(rule, self.date):
                errors["date"] = _("The rule plans no reception on this date.")
        if errors:
            raise ValidationError(errors)


def _may_serve(station, deputy_id) -> bool:
    return (
        station.open_to_all_deputies or station.deputies.filter(pk=deputy_id).exists()
    )


class Reminder(models.Model):
    """The notice to a deputy the day before a planned date; its e-mail is
    still in the outbox while `sent_at` is empty."""

    deputy = models.ForeignKey(
        Deputy,
        verbose_name=_("deputy"),
        on_delete=models.CASCADE,
        related_name="duty_reminders",
    )
    station = models.ForeignKey(
        Station,
        verbose_name=_("station"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    date = models.DateField(_("planned date"))
    starts_at = models.DateTimeField(_("starts at"))
    created_at = models.DateTimeField(_("reminder made at"), default=timezone.now)
    sent_at = models.DateTimeField(_("reminder emailed at"), null=True, blank=True)

    class Meta:
        ordering = ["-date", "-pk"]
        verbose_name = _("duty reminder")
        verbose_name_plural = _("duty reminders")
        constraints = [
            models.UniqueConstraint(
                fields=["deputy", "station", "date"],
                name="rosters_one_reminder_per_date",
            )
        ]

    def __str__(self):
        return f"{self.date:%Y-%m-%d} {self.station} · {self.deputy}"

    @property
    def recipient_email(self) -> str:
        user = getattr(self.deputy, "user", None)
        return (user.email if user else "") or ""
