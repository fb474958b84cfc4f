"""Pagination of every list endpoint: a page of at most MAX_LIMIT records.

DRF's own limit/offset pagination takes any integer, so that a limit past
the database's integer range reached the query and failed, and silently falls
back to the default on a value it cannot read. Here a value that is not a
whole number in range is refused with 400 and says which range is allowed, and
the schema states the same bounds.
"""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from rest_framework.exceptions import ValidationError
from rest_framework.pagination import LimitOffsetPagination

DEFAULT_LIMIT = 50
MAX_LIMIT = 100
# Far past any register the committee keeps, far within a 64-bit integer.
MAX_OFFSET = 1_000_000


class BoundedPagination(LimitOffsetPagination):
    default_limit = DEFAULT_LIMIT
    max_limit = MAX_LIMIT
    limit_query_description = gettext_lazy(
        "Number of results to return per page (1 to %(max)d)."
    )
    offset_query_description = gettext_lazy(
        "The initial index from which to return the results (0 to %(max)d)."
    )

    def get_limit(self, request):
        raw = request.query_params.get(self.limit_query_param)
        if raw is None:
            return self.default_limit
        return _bounded(self.limit_query_param, raw, 1, MAX_LIMIT)

    def get_offset(self, request):
        raw = request.query_params.get(self.offset_query_param)
        if raw is None:
            return 0
        return _bounded(self.offset_query_param, raw, 0, MAX_OFFSET)

    def get_schema_operation_parameters(self, view):
        parameters = super().get_schema_operation_parameters(view)
        bounds = {
            self.limit_query_param: (1, MAX_LIMIT, self.limit_query_description),
            self.offset_query_param: (0, MAX_OFFSET, self.offset_query_description),
        }
        for parameter in parameters:
            low, high, description = bounds[parameter["name"]]
            parameter["schema"].update(minimum=low, maximum=high)
            parameter["description"] = str(description) % {"max": high}
        return parameters


def _bounded(name: str, raw: str, low: int, high: int) -> int:
    # isdecimal, not int(): int() also reads "+5", " 5", "5_000" and "٥".
    value = int(raw) if raw.isascii() and raw.isdecimal() and len(raw) <= 12 else None
    if value is None or not low <= value <= high:
        raise ValidationError(
            {
                "errors": {
                    name: [
                        _("“%(name)s” must be a whole number from %(low)d to %(high)d.")
                        % {"name": name, "low": low, "high": high}
                    ]
                }
            }
        )
    return value
