"""Priority lines and the key works under supervision, with their records."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Count, F, Q
from django.utils.translation import gettext_lazy as _

from deputies.models import DutyActivity
from publicity.models import Article
from reception.models import ReceptionSession
from suggestions.models import Suggestion


class PriorityLine(models.Model):
    """One of the district's priority lines (such as 民生幸福线)."""

    name = models.CharField(_("name"), max_length=50, unique=True)
    description = models.TextField(_("description"), blank=True)
    ordering = models.PositiveSmallIntegerField(_("display order"), default=0)

    class Meta:
        ordering = ["ordering", "name"]
        verbose_name = _("priority line")
        verbose_name_plural = _("priority lines")

    def __str__(self):
        return self.name


class KeyWorkQuerySet(models.QuerySet):
    def running_in(self, year: int):
        """Key works that run in the year: started by then, not ended before."""
        return self.filter(
            Q(start_year__lte=year), Q(end_year__isnull=True) | Q(end_year__gte=year)
        )

    def public(self):
        return self.filter(is_public=True)

    def for_deputy(self, deputy):
        """Key works the deputy took part in, through any record or plan item.

        One subquery per kind of link rather than joins across all of them,
        which would multiply rows.
        """
        links = KeyWork._meta
        activities = links.get_field("activities").remote_field.through
        sessions = links.get_field("sessions").remote_field.through
        suggestions = links.get_field("suggestions").remote_field.through
        articles = links.get_field("articles").remote_field.through
        # PlanItem lives in .plans, which imports this module: reach it through
        # the relation rather than by an import.
        plan_items = links.get_field("plan_items").related_model
        return self.filter(
            Q(
                pk__in=activities.objects.filter(
                    dutyactivity__attendances__deputy=deputy,
                    dutyactivity__attendances__attended=True,
                ).values("keywork_id")
            )
            | Q(
                pk__in=sessions.objects.filter(
                    receptionsession__deputies=deputy
                ).values("keywork_id")
            )
            | Q(
                pk__in=suggestions.objects.filter(
                    Q(suggestion__raised_by=deputy)
                    | Q(suggestion__following_deputy=deputy)
                ).values("keywork_id")
            )
            | Q(
                pk__in=articles.objects.filter(article__deputies=deputy).values(
                    "keywork_id"
                )
            )
            | Q(pk__in=plan_items.objects.filter(deputies=deputy).values("key_work_id"))
        )

    def with_counts(self):
        """The number of linked records of each kind, in the same query."""
        return self.annotate(
            activity_count=Count("activities", distinct=True),
            session_count=Count("sessions", distinct=True),
            suggestion_count=Count("suggestions", distinct=True),
            article_count=Count("articles", distinct=True),
        )


class KeyWork(models.Model):
    """A key work the committee supervises (重点工作/监督事项)."""

    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned")
        IN_PROGRESS = "in_progress", _("In progress")
        COMPLETED = "completed", _("Completed")
        SUSPENDED = "suspended", _("Suspended")

    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    priority_line = models.ForeignKey(
        PriorityLine,
        verbose_name=_("priority line"),
        on_delete=models.PROTECT,
        related_name="key_works",
        null=True,
        blank=True,
    )
    start_year = models.PositiveSmallIntegerField(_("first year"))
    end_year = models.PositiveSmallIntegerField(
        _("last year"),
        null=True,
        blank=True,
        help_text=_("Leave empty while the work goes on."),
    )
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.PLANNED
    )
    is_public = models.BooleanField(
        _("shown on the home page"),
        default=True,
        help_text=_("Only the title and the progress are shown to the public."),
    )
    ordering = models.PositiveSmallIntegerField(_("display order"), default=0)
    activities = models.ManyToManyField(
        DutyActivity,
        verbose_name=_("duty activities"),
        related_name="key_works",
        blank=True,
        help_text=_("Symposiums, inspections, law-enforcement inspections and more."),
    )
    sessions = models.ManyToManyField(
        ReceptionSession,
        verbose_name=_("reception sessions"),
        related_name="key_works",
        blank=True,
    )
    suggestions = models.ManyToManyField(
        Suggestion,
        verbose_name=_("suggestions"),
        related_name="key_works",
        blank=True,
    )
    articles = models.ManyToManyField(
        Article, verbose_name=_("articles"), related_name="key_works", blank=True
    )

    objects = KeyWorkQuerySet.as_manager()

    class Meta:
        ordering = ["-start_year", "ordering", "title"]
        verbose_name = _("key work")
        verbose_name_plural = _("key works")
        constraints = [
            models.UniqueConstraint(
                fields=["title", "start_year"],
                name="workplan_keywork_title_once_a_year",
                violation_error_message=_(
                    "A key work with this title already starts in that year."
                ),
            ),
            models.CheckConstraint(
                condition=Q(end_year__isnull=True) | Q(end_year__gte=F("start_year")),
                name="workplan_keywork_ends_after_start",
                violation_error_message=_(
                    "The last year cannot be before the first year."
                ),
            ),
        ]

    def __str__(self):
        return self.title

    def clean(self):
        if (
            self.end_year is not None
            and self.start_year
            and (self.end_year < self.start_year)
        ):
            raise ValidationError(
                {"end_year": _("The last year cannot be before the first year.")}
            )

    @property
    def years(self) -> str:
        if self.end_year == self.start_year:
            return str(self.start_year)
        return f"{self.start_year}–{self.end_year or ''}"
