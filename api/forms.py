from django import forms
from django.utils.translation import gettext_lazy as _

from suggestions import submission_tokens
from suggestions.forms import SuggestionForm
from suggestions.models import Suggestion


class ChannelSuggestionForm(SuggestionForm):
    """The public form as the WeChat channel submits it.

    Every field, limit and message is the public form's; only the captcha and
    the honeypot go, since the channel proves itself with its token and its
    users answered the channel's own check. The submission token is the
    channel's own UUID, required, and kept within the channel (`channel`).
    """

    signed_token = False
    token = forms.UUIDField(
        error_messages={
            "required": _("A submission token (a fresh UUID) is required."),
            "invalid": _("The submission token must be a UUID."),
        }
    )

    def __init__(self, *args, channel, **kwargs):
        super().__init__(*args, **kwargs)
        self.channel = channel
        del self.fields["captcha"]
        del self.fields["website"]

    def clean_token(self):
        client_token = self.cleaned_data["token"]
        return submission_tokens.for_channel(self.channel.pk, client_token)

    def build(self, privacy_version: str) -> Suggestion:
        suggestion = super().build(privacy_version)
        suggestion.source = Suggestion.Source.WECHAT_EXPRESS
        return suggestion


def replayed_submission(channel, raw_token) -> Suggestion | None:
    """The item this channel already made with this token, if any."""
    form = forms.UUIDField()
    try:
        client_token = form.clean(raw_token)
    except forms.ValidationError:
        return None
    stored = submission_tokens.for_channel(channel.pk, client_token)
    return Suggestion.objects.filter(submission_token=stored).first()
