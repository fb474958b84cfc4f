"""Records that are added and never changed nor removed."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _


class AppendOnlyQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise ValidationError(_("This record is append-only."), code="append_only")

    def delete(self):
        raise ValidationError(_("This record is append-only."), code="append_only")


class AppendOnlyModel(models.Model):
    """Rows are added, never changed nor removed (a database trigger agrees)."""

    objects = AppendOnlyQuerySet.as_manager()

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise ValidationError(_("This record is append-only."), code="append_only")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValidationError(_("This record is append-only."), code="append_only")
