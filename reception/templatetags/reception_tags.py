import re

from django import template

register = template.Library()

MOBILE = re.compile(r"(?<!\d)(1[3-9]\d)\d{4}(\d{4})(?!\d)")


@register.filter
def mask_phones(text: str) -> str:
    """Mask any mobile number typed into free text (138****5678).

    Deputies are asked never to write voters' contact data in a summary; this
    keeps a slip from reaching a public page.
    """
    return MOBILE.sub(r"\1****\2", text or "")
