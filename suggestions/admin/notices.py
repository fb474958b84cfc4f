"""What the item's page shows of the resident's notices (the channel with the
address masked, each notice with its delivery), and the outbox of all of them."""

from django.contrib import admin
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from ..models import ResidentNotice


def _when(value) -> str:
    return timezone.localtime(value).strftime("%Y-%m-%d %H:%M") if value else ""


class ResidentNoticesDisplay:
    @admin.display(description=_("notices to the resident"))
    def notices_html(self, obj):
        if obj.notice_channel == obj.NoticeChannel.SMS:
            to = gettext("SMS to %(phone)s") % {"phone": obj.masked_phone}
        elif obj.notice_channel == obj.NoticeChannel.EMAIL:
            to = gettext("E-mail to %(email)s") % {"email": obj.masked_notice_email}
        else:
            to = gettext("No notices asked for, or stopped")
        rows = [
            (
                notice.get_status_display(),
                gettext("SMS") if notice.channel == "sms" else gettext("E-mail"),
                gettext("sent %(at)s") % {"at": _when(notice.sent_at)}
                if notice.sent_at
                else gettext("not sent (%(why)s)")
                % {"why": notice.last_error or gettext("waiting")},
            )
            for notice in obj.resident_notices.order_by("created_at", "pk")
        ]
        return format_html(
            "<p>{}</p><ul>{}</ul>",
            to,
            format_html_join("", "<li>{} · {} · {}</li>", rows),
        )


class DeliveryFilter(admin.SimpleListFilter):
    title = _("delivery")
    parameter_name = "delivery"

    def lookups(self, request, model_admin):
        return [
            ("sent", _("Sent")),
            ("waiting", _("Waiting")),
            ("given_up", _("Given up")),
        ]

    def queryset(self, request, queryset):
        if self.value() == "sent":
            return queryset.filter(sent_at__isnull=False)
        if self.value() == "waiting":
            return queryset.pending()
        if self.value() == "given_up":
            return queryset.filter(given_up_at__isnull=False)
        return queryset


@admin.register(ResidentNotice)
class ResidentNoticeAdmin(admin.ModelAdmin):
    """The outbox of residents' notices, read only: never an address here."""

    list_display = [
        "suggestion",
        "status",
        "channel",
        "created_at",
        "sent_at",
        "attempts",
        "given_up_at",
        "last_error",
    ]
    list_select_related = ["suggestion"]
    list_filter = [DeliveryFilter, "channel", "status"]
    search_fields = ["suggestion__tracking_code"]
    fields = list_display

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
