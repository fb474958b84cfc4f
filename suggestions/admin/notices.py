"""What the item's page shows of the resident's notices: the channel with the
address masked, and each notice of the outbox with its delivery."""

from django.contrib import admin
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _


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
