"""The demo year's residents who asked for notices, and the notices they got.

A few open resident opinions opted in (two by SMS to their invented phones, one
by e-mail to an example.invalid address); each public status change of theirs
has its notice, recorded as sent a minute after the change. Nothing is sent
today: these are records of 2018. Running it again changes nothing.
"""

import datetime

from .models import ResidentNotice, Suggestion, TimelineEntry

Channel = Suggestion.NoticeChannel
CHOICES = [
    (Channel.SMS, ""),
    (Channel.SMS, ""),
    (Channel.EMAIL, "jumin-demo@example.invalid"),
]


def load(out) -> None:
    items = list(
        Suggestion.objects.filter(
            kind=Suggestion.Kind.RESIDENT,
            received_at__year=2018,
            personal_data_erased_at__isnull=True,
        )
        .exclude(submitter_phone="")
        .exclude(status__in=Suggestion.FINISHED)
        .order_by("received_at", "pk")[: len(CHOICES)]
    )
    sent = 0
    for item, (channel, email) in zip(items, CHOICES, strict=False):
        if item.notice_channel != channel or item.notice_email != email:
            item.notice_channel, item.notice_email = channel, email
            item.save(update_fields=["notice_channel", "notice_email"])
        entries = item.timeline.filter(
            public=True,
            kind__in=(TimelineEntry.Kind.RECEIVED, TimelineEntry.Kind.TRANSITION),
        )
        for entry in entries:
            ResidentNotice.objects.get_or_create(
                timeline_entry=entry,
                defaults={
                    "suggestion": item,
                    "channel": channel,
                    "status": entry.to_status,
                    "created_at": entry.at,
                    "sent_at": entry.at + datetime.timedelta(minutes=1),
                    "attempts": 1,
                },
            )
            sent += 1
    out.write(f"suggestions: {len(items)} residents with notices, {sent} notices sent")
