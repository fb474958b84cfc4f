"""Rates: a part of a whole, as the work report states its figures."""


class Rate:
    """A part of a whole, such as 12 deputies attending out of 12 invited."""

    def __init__(self, part: int, whole: int):
        self.part = part
        self.whole = whole

    def __eq__(self, other):
        return isinstance(other, Rate) and (self.part, self.whole) == (
            other.part,
            other.whole,
        )

    def __repr__(self):
        return f"Rate({self.part}, {self.whole})"

    @property
    def percent(self) -> float | None:
        """0-100, or None when nothing was due (a rate of nothing is no rate)."""
        return None if not self.whole else round(100 * self.part / self.whole, 1)
