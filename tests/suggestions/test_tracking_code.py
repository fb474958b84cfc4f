import math
import re

import pytest

from suggestions.models import (
    CODE_ALPHABET,
    new_tracking_code,
    normalise_tracking_code,
)


def test_the_code_has_at_least_fifty_bits_in_groups_without_ambiguous_characters():
    code = new_tracking_code()
    assert re.fullmatch(r"[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}", code)
    assert not set("01OIL") & set(code)
    assert not set("01OIL") & set(CODE_ALPHABET)
    assert 12 * math.log2(len(CODE_ALPHABET)) >= 50


def test_codes_do_not_repeat():
    assert len({new_tracking_code() for _ in range(2000)}) == 2000


def test_a_code_typed_loosely_is_normalised():
    assert normalise_tracking_code(" abcd 2345-efgh ") == "ABCD-2345-EFGH"


@pytest.mark.django_db
def test_each_suggestion_gets_a_unique_indexed_code(suggestion):
    field = type(suggestion)._meta.get_field("tracking_code")
    assert field.unique
    assert re.fullmatch(
        r"[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}", suggestion.tracking_code
    )
