"""The committee's annual work plan: headings, and items measured by records."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core import outline as structure
from deputies.models import Deputy, DutyActivity, DutyReport
from publicity.models import Article
from reception.models import ReceptionSession
from suggestions.models import Suggestion

from .keyworks import KeyWork


class PlanHeading(models.Model):
    """A heading of the work plan (学习培训, 监督, 代表活动, 自身建设 ...)."""

    class ReportPart(models.TextChoices):
        PLATFORM = structure.PLATFORM, _("(1) Platform and facilities")
        TRAINING = structure.TRAINING, _("(2) Study and training")
        SPECIAL = structure.SPECIAL, _("(3) Special activities and supervision")
        CHANNELS = structure.CHANNELS, _("(4) Channels of contact")
        PUBLICITY = structure.PUBLICITY, _("(5) Publicity")

    name = models.CharField(_("name"), max_length=50, unique=True)
    report_part = models.CharField(
        _("part of the work report"),
        max_length=20,
        choices=ReportPart.choices,
        default=ReportPart.SPECIAL,
        help_text=_(
            "Where the next year's report tells how the items under this heading "
            "were carried out."
        ),
    )
    ordering = models.PositiveSmallIntegerField(_("display order"), default=0)

    class Meta:
        ordering = ["ordering", "name"]
        verbose_name = _("plan heading")
        verbose_name_plural = _("plan headings")

    def __str__(self):
        return self.name


class WorkPlan(models.Model):
    """The committee's work plan for a year (年度工作计划)."""

    year = models.PositiveSmallIntegerField(_("year"), unique=True)
    introduction = models.TextField(
        _("introduction"),
        blank=True,
        help_text=_("The opening paragraph of the plan in the previous year's report."),
    )

    class Meta:
        ordering = ["-year"]
        verbose_name = _("work plan")
        verbose_name_plural = _("work plans")
        constraints = [
            models.CheckConstraint(
                condition=Q(year__gte=2000) & Q(year__lte=2100),
                name="workplan_workplan_year_sane",
            ),
        ]

    def __str__(self):
        return _("Work plan for %(year)s") % {"year": self.year}


class PlanItemQuerySet(models.QuerySet):
    def in_year(self, year: int):
        return self.filter(plan__year=year)

    def for_lists(self):
        """What a list of items shows, in a constant number of queries."""
        return self.select_related("plan", "heading", "key_work").prefetch_related(
            "deputies"
        )

    def for_deputy(self, deputy):
        """Items the deputy takes part in: named on the item or in its records."""
        return self.filter(
            Q(
                pk__in=PlanItem.deputies.through.objects.filter(deputy=deputy).values(
                    "planitem_id"
                )
            )
            | Q(
                pk__in=PlanItem.activities.through.objects.filter(
                    dutyactivity__attendances__deputy=deputy,
                    dutyactivity__attendances__attended=True,
                ).values("planitem_id")
            )
            | Q(
                pk__in=PlanItem.sessions.through.objects.filter(
                    receptionsession__deputies=deputy
                ).values("planitem_id")
            )
            | Q(
                pk__in=PlanItem.duty_reports.through.objects.filter(
                    dutyreport__deputy=deputy
                ).values("planitem_id")
            )
        )

    def past_target(self, today=None):
        """Items whose target date has passed; done or not is counted apart."""
        return self.filter(target_date__lt=today or timezone.localdate())


class PlanItem(models.Model):
    """One thing the plan says the committee will do, and how it is measured.

    Progress is the number of records that carry the item out, against the
    target: records linked by hand, plus, when the rule is on, every record of
    the plan's year that matches the measure, the kind and the keyword.
    """

    class Measure(models.TextChoices):
        ACTIVITIES = "activities", _("Duty activities")
        SESSIONS = "sessions", _("Reception sessions")
        DUTY_REPORTS = "duty_reports", _("Duty reports")
        SUGGESTIONS = "suggestions", _("Suggestions")
        ARTICLES = "articles", _("Articles")
        LINKED = "linked", _("Linked records of any kind")

    plan = models.ForeignKey(
        WorkPlan,
        verbose_name=_("work plan"),
        on_delete=models.CASCADE,
        related_name="items",
    )
    heading = models.ForeignKey(
        PlanHeading,
        verbose_name=_("heading"),
        on_delete=models.PROTECT,
        related_name="items",
    )
    title = models.CharField(_("what is planned"), max_length=200)
    description = models.TextField(
        _("description"),
        blank=True,
        help_text=_("The sentence of the plan as the report gives it."),
    )
    key_work = models.ForeignKey(
        KeyWork,
        verbose_name=_("key work served"),
        on_delete=models.SET_NULL,
        related_name="plan_items",
        null=True,
        blank=True,
    )
    lead = models.CharField(
        _("led by"), max_length=100, help_text=_("For example 街人大工委.")
    )
    deputies = models.ManyToManyField(
        Deputy,
        verbose_name=_("deputies taking part"),
        related_name="plan_items",
        blank=True,
    )
    target_date = models.DateField(_("target date"))
    measure = models.CharField(
        _("measured by"),
        max_length=20,
        choices=Measure.choices,
        default=Measure.ACTIVITIES,
    )
    activity_kind = models.CharField(
        _("kind of activity"),
        max_length=20,
        choices=DutyActivity.Kind.choices,
        blank=True,
        help_text=_("Duty activities only; empty counts every kind."),
    )
    target_count = models.PositiveSmallIntegerField(
        _("target"), default=1, help_text=_("How many records make the item done.")
    )
    match_rule = models.BooleanField(
        _("count matching records automatically"),
        default=False,
        help_text=_(
            "Count every record of the plan's year that fits the measure, the kind "
            "and the keyword, besides the records linked by hand."
        ),
    )
    keyword = models.CharField(
        _("keyword"),
        max_length=50,
        blank=True,
        help_text=_("With the rule: only records whose title or summary contains it."),
    )
    activities = models.ManyToManyField(
        DutyActivity,
        verbose_name=_("duty activities"),
        related_name="plan_items",
        blank=True,
    )
    sessions = models.ManyToManyField(
        ReceptionSession,
        verbose_name=_("reception sessions"),
        related_name="plan_items",
        blank=True,
    )
    duty_reports = models.ManyToManyField(
        DutyReport,
        verbose_name=_("duty reports"),
        related_name="plan_items",
        blank=True,
    )
    suggestions = models.ManyToManyField(
        Suggestion,
        verbose_name=_("suggestions"),
        related_name="plan_items",
        blank=True,
    )
    articles = models.ManyToManyField(
        Article, verbose_name=_("articles"), related_name="plan_items", blank=True
    )
    ordering = models.PositiveSmallIntegerField(_("display order"), default=0)

    objects = PlanItemQuerySet.as_manager()

    class Meta:
        ordering = ["plan", "heading__ordering", "ordering", "pk"]
        verbose_name = _("plan item")
        verbose_name_plural = _("plan items")
        constraints = [
            models.CheckConstraint(
                condition=Q(target_count__gte=1),
                name="workplan_planitem_target_positive",
                violation_error_message=_("The target must be at least 1."),
            ),
            models.CheckConstraint(
                condition=Q(measure="activities") | Q(activity_kind=""),
                name="workplan_planitem_kind_only_for_activities",
            ),
            models.CheckConstraint(
                condition=~Q(measure="linked") | Q(match_rule=False),
                name="workplan_planitem_no_rule_for_linked",
            ),
        ]

    def __str__(self):
        return self.title

    def clean(self):
        errors = {}
        if self.activity_kind and self.measure != self.Measure.ACTIVITIES:
            errors["activity_kind"] = _(
                "A kind of activity only applies when the item is measured by duty "
                "activities."
            )
        if self.match_rule and self.measure == self.Measure.LINKED:
            errors["match_rule"] = _(
                "Records of any kind cannot be matched automatically: choose what "
                "the item is measured by, or link the records by hand."
            )
        if self.keyword and not self.match_rule:
            errors["keyword"] = _("A keyword only applies with the automatic rule.")
        if self.target_count is not None and self.target_count < 1:
            errors["target_count"] = _("The target must be at least 1.")
        plan = getattr(self, "plan", None) if self.plan_id else None
        if plan and self.target_date and self.target_date.year != plan.year:
            errors["target_date"] = _(
                "The target date must fall in the plan's year (%(year)s)."
            ) % {"year": plan.year}
        if errors:
            raise ValidationError(errors)

    @property
    def target_text(self) -> str:
        """The target in words, such as "Symposium on a key work × 4"."""
        if self.measure == self.Measure.ACTIVITIES and self.activity_kind:
            what = DutyActivity.Kind(self.activity_kind).label
        else:
            what = self.Measure(self.measure).label
        return f"{what} × {self.target_count}"
