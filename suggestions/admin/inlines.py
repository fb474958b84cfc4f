"""Rows shown inside an item's page: photos, replies, escalation follow-ups."""

from django.contrib import admin
from django.contrib.admin.widgets import AdminFileWidget
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from ..models import EscalationFollowUp, Reply, SuggestionPhoto


class StoredPhoto:
    """A stored resident's photo as the file widget shows it: its name, and the
    authorised view as its address (the media folder never serves it)."""

    def __init__(self, field_file):
        self.name = field_file.name
        self.url = reverse("suggestions:photo", args=[field_file.instance.pk])

    def __str__(self):
        return self.name.rsplit("/", 1)[-1]


class AuthorisedPhotoInput(AdminFileWidget):
    """The admin's file input, whose "currently" link and thumbnail go through
    the view that checks who is asking."""

    template_name = "admin/suggestions/photo_input.html"

    def is_initial(self, value):
        instance = getattr(value, "instance", None)
        return bool(value and getattr(instance, "pk", None))

    def format_value(self, value):
        return StoredPhoto(value) if self.is_initial(value) else None


class PhotoInline(admin.TabularInline):
    model = SuggestionPhoto
    extra = 0
    max_num = 9
    fields = ["image", "open_photo", "uploaded_at"]
    readonly_fields = ["open_photo", "uploaded_at"]

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name == "image":
            kwargs["widget"] = AuthorisedPhotoInput
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    @admin.display(description=_("view"))
    def open_photo(self, obj):
        # Residents' photos are never at a public address: the authorised view.
        if not obj.pk:
            return ""
        return format_html(
            '<a href="{}" target="_blank" rel="noopener">{}</a>',
            reverse("suggestions:photo", args=[obj.pk]),
            _("Open the photo"),
        )


class ReplyInline(admin.StackedInline):
    model = Reply
    extra = 0
    can_delete = False
    fields = ["responder", "answered_on", "channel", "text", "recorded_by"]
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class FollowUpInline(admin.TabularInline):
    model = EscalationFollowUp
    extra = 0
    fields = ["on", "text", "public", "recorded_by"]
    readonly_fields = fields
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False
