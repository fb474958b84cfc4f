"""The public form's page, rendered once and filled in for each visitor.

Rendering the form costs far more than anything else on the page: a template
per field and per option. Yet what a new visitor gets differs only in three
places: the CSRF token, the signed submission token and the challenge. The
page is rendered once per language, text size and address (a poster's
`?station=` fills the form in), with a mark in each of those places, and kept
until a community, category, station or deputy changes (core.pagecache); each
request puts its own token, submission token and challenge in place of the
marks. A page with a message, a logged-in visitor, a bound form or a mark
missing from the page falls back to the ordinary render.
"""

import hashlib
import logging

from django.contrib import messages
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.template.loader import render_to_string
from django.utils.html import escape

from core import pagecache
from core.context_processors import LARGE_TEXT_COOKIE

from . import submission_tokens

logger = logging.getLogger(__name__)

TEMPLATE = "suggestions/suggest.html"
# What the page shows besides the form's own words: places and people.
SHOWN = ("deputies", "reception", "suggestions.category")
MARK = "ziyangshellmark{}x"
CSRF, TOKEN, CHALLENGE = (MARK.format(part) for part in ("csrf", "token", "challenge"))


class _MarkedChallenge:
    """Stands in for the challenge widget while the shell is rendered: it
    writes the mark and remembers how the form asked for the widget."""

    def __init__(self, widget):
        self.widget = widget
        self.call = None

    def __getattr__(self, name):
        return getattr(self.widget, name)

    def render(self, name, value, attrs=None, renderer=None):
        self.call = (name, attrs)
        return CHALLENGE


def may_use_shell(request, form) -> bool:
    """A first visit: no form sent, nobody logged in, no message waiting, and
    an address that is the form's own or a poster's (so that a stranger's
    query strings cannot fill the cache with copies)."""
    poster_only = set(request.GET) <= {"station", "deputy"} and all(
        form.initial.get(name) for name in request.GET
    )
    return (
        request.method == "GET"
        and not form.is_bound
        and not request.user.is_authenticated
        and poster_only
        and not len(messages.get_messages(request))
    )


def _key_parts(request) -> tuple:
    large = request.COOKIES.get(LARGE_TEXT_COOKIE) == "large"
    path = hashlib.sha256(request.get_full_path().encode()).hexdigest()[:32]
    return (large, path)


def render_shell(request, form, context) -> tuple[str, tuple] | None:
    """(page with marks, how the challenge was asked for), or None."""
    challenge = _MarkedChallenge(form.fields["captcha"].widget)
    form.fields["captcha"].widget = challenge
    form.initial = {**form.initial, "token": TOKEN}
    html = render_to_string(TEMPLATE, {**context, "csrf_token": CSRF}, request)
    form.fields["captcha"].widget = challenge.widget
    marks_once = all(html.count(mark) == 1 for mark in (TOKEN, CHALLENGE))
    if not marks_once or CSRF not in html or challenge.call is None:
        logger.warning("The form page's shell lacks a mark; rendering it whole")
        return None
    return str(html), challenge.call


def shell_page(request, form, context) -> HttpResponse | None:
    """The page from its kept shell, with this request's parts; None when the
    page must be rendered the ordinary way."""
    if not may_use_shell(request, form):
        return None
    shell = pagecache.cached_data(
        "suggest-form-shell",
        _key_parts(request),
        lambda: render_shell(request, form, context),
        app_labels=SHOWN,
    )
    if shell is None:
        return None
    html, (name, attrs) = shell
    widget = form.fields["captcha"].widget
    html = html.replace(CSRF, escape(get_token(request)))
    html = html.replace(TOKEN, escape(submission_tokens.issue()))
    html = html.replace(CHALLENGE, widget.render(name, None, attrs))
    return HttpResponse(html)
