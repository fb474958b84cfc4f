"""Article bodies: Markdown rendered to HTML, then sanitised.

Markdown passes raw HTML through, so the sanitiser is what keeps scripts, event
handlers, styles and javascript: links out; it runs on every rendering, so a
change of the allowed set applies to every stored article at once.
"""

import markdown
import nh3

ALLOWED_TAGS = {
    "p",
    "br",
    "hr",
    "h2",
    "h3",
    "h4",
    "strong",
    "em",
    "b",
    "i",
    "u",
    "s",
    "blockquote",
    "ul",
    "ol",
    "li",
    "a",
    "code",
    "pre",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
}
# Pictures come only through the gallery (the upload pipeline, with alt text);
# an <img> in the body could load from another host, which the CSP forbids.
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "th": {"scope"}}
ALLOWED_URL_SCHEMES = {"http", "https", "mailto"}


def render_markdown(text: str) -> str:
    html = markdown.markdown(text or "", extensions=["tables", "sane_lists"])
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_URL_SCHEMES,
        link_rel="noopener noreferrer nofollow",
        strip_comments=True,
    )
