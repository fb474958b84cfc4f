from suggestions.forms import SuggestionForm
from suggestions.models import Suggestion


class ChannelSuggestionForm(SuggestionForm):
    """The public form as the WeChat channel submits it.

    Every field, limit and message is the public form's; only the captcha and
    the honeypot go, since the channel proves itself with its token and its
    users answered the channel's own check.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        del self.fields["captcha"]
        del self.fields["website"]

    def build(self, privacy_version: str) -> Suggestion:
        suggestion = super().build(privacy_version)
        suggestion.source = Suggestion.Source.WECHAT_EXPRESS
        return suggestion
