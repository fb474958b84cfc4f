"""Rows shown inside an item's page: photos, replies, escalation follow-ups."""

from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from ..models import EscalationFollowUp, Reply, SuggestionPhoto


class PhotoInline(admin.TabularInline):
    model = SuggestionPhoto
    extra = 0
    max_num = 9
    fields = ["image", "open_photo", "uploaded_at"]
    readonly_fields = ["open_photo", "uploaded_at"]

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
