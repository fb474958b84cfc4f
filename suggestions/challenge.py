"""The public form's challenge: a small sum, drawn in a picture and written in words.

django-simple-captcha draws the stored question with its own Latin font, so the
question is stored in digits with × (never *), e.g. "7×2=" (CAPTCHA_CHALLENGE_FUNCT
points at `math_challenge`). The same sum in words, "七乘二等于几？", is shown as
text beside the picture: screen readers read it, and a resident who cannot see
the picture answers it. A refreshed challenge comes with the page (the form's
script reads the new one from it), so the words always match the picture.
"""

import re
import secrets
import unicodedata

from captcha.fields import CaptchaField, CaptchaTextInput
from captcha.models import CaptchaStore
from django.utils.translation import get_language
from django.utils.translation import gettext as _

# Small numbers only: a sum anyone can work out in their head.
LOWEST, HIGHEST = 1, 9
OPERATORS = ("+", "-", "×")
CHINESE_DIGITS = "零一二三四五六七八九"
QUESTION_RE = re.compile(r"^(\d+)([+\-×])(\d+)=$")


def math_challenge() -> tuple[str, str]:
    """(question, answer): a sum of two numbers from 1 to 9, never below zero."""
    a = LOWEST + secrets.randbelow(HIGHEST - LOWEST + 1)
    b = LOWEST + secrets.randbelow(HIGHEST - LOWEST + 1)
    operator = OPERATORS[secrets.randbelow(len(OPERATORS))]
    if operator == "-" and a < b:
        a, b = b, a
    result = {"+": a + b, "-": a - b, "×": a * b}[operator]
    return f"{a}{operator}{b}=", str(result)


def chinese_number(n: int) -> str:
    """0 to 99 in Chinese words: 7 → 七, 10 → 十, 14 → 十四, 81 → 八十一."""
    if n < 10:
        return CHINESE_DIGITS[n]
    tens, ones = divmod(n, 10)
    words = ("" if tens == 1 else CHINESE_DIGITS[tens]) + "十"
    return words + (CHINESE_DIGITS[ones] if ones else "")


def in_words(question: str) -> str:
    """The stored question as a sentence: "7×2=" → "七乘二等于几？" in Chinese."""
    match = QUESTION_RE.match(question or "")
    if not match:
        return ""
    a, operator, b = int(match[1]), match[2], int(match[3])
    if (get_language() or "").startswith("zh"):
        a, b = chinese_number(a), chinese_number(b)
    names = {"+": _("plus"), "-": _("minus"), "×": _("times")}
    return _("What is %(a)s %(operator)s %(b)s?") % {
        "a": a,
        "operator": names[operator],
        "b": b,
    }


class SpokenCaptchaInput(CaptchaTextInput):
    """The picture, the same question in words, the answer box and its key.

    The answer box is described by the question (and by the error, when the
    form sets `error_id`); the picture's alt text says what it shows.
    """

    template_name = "suggestions/_captcha.html"
    error_id = ""

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        store = CaptchaStore.objects.filter(hashkey=self._key).first()
        question_id = f"{context['widget']['attrs'].get('id', name)}_question"
        context["question"] = in_words(store.challenge if store else "")
        context["question_id"] = question_id
        hidden, answer = context["widget"]["subwidgets"]
        hidden["attrs"].pop("aria-describedby", None)
        answer["attrs"].update(
            {
                "inputmode": "numeric",
                "autocomplete": "off",
                "class": "form-control captcha-answer"
                + (" is-invalid" if self.error_id else ""),
                "aria-describedby": " ".join(
                    filter(None, [question_id, self.error_id])
                ),
            }
        )
        return context


class SpokenCaptchaField(CaptchaField):
    """The arithmetic captcha; an answer typed in full-width digits counts too."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", SpokenCaptchaInput())
        super().__init__(*args, **kwargs)

    def clean(self, value):
        if isinstance(value, list | tuple) and len(value) == 2:
            value = [value[0], unicodedata.normalize("NFKC", value[1] or "")]
        return super().clean(value)
