"""By-elections (补选) that filled a constituency's seats."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .register import Constituency, Deputy


class ByElectionQuerySet(models.QuerySet):
    def in_year(self, year: int | None):
        return self if year is None else self.filter(date__year=year)


class ByElection(models.Model):
    """A by-election (补选) that filled seats of a constituency."""

    constituency = models.ForeignKey(
        Constituency,
        verbose_name=_("constituency"),
        on_delete=models.PROTECT,
        related_name="by_elections",
    )
    date = models.DateField(_("date"))
    seats = models.PositiveSmallIntegerField(_("seats to fill"), default=1)
    elected = models.ManyToManyField(
        Deputy,
        verbose_name=_("deputies elected"),
        related_name="by_elections",
        blank=True,
    )
    notes = models.TextField(_("notes"), blank=True)

    objects = ByElectionQuerySet.as_manager()

    class Meta:
        ordering = ["-date"]
        verbose_name = _("by-election")
        verbose_name_plural = _("by-elections")
        constraints = [
            models.CheckConstraint(
                condition=Q(seats__gte=1), name="deputies_byelection_seats_positive"
            ),
        ]

    def __str__(self):
        return f"{self.constituency} · {self.date:%Y-%m-%d}"
