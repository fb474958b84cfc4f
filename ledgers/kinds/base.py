"""What a ledger is: its columns, its template and how one row becomes a record."""

from ..sheets import Column


class Ledger:
    kind = ""
    title = ""
    # The record the ledger adds; importing needs its add permission.
    model = None
    columns: list[Column] = []
    # Model field -> sheet column, to name a model's validation error.
    field_columns: dict[str, str] = {}
    notes: list = []

    @property
    def permission(self) -> str:
        meta = self.model._meta
        return f"{meta.app_label}.add_{meta.model_name}"

    def allowed(self) -> list:
        """(what, the words it takes) for the notes sheet."""
        return []

    def examples(self) -> list[list]:
        return []

    def context(self, user) -> dict:
        """What the rows are matched against, read once for the whole sheet."""
        return {"user": user}

    def plan(self, row, context):
        """The Plan of the row's record, or None; problems go to row.errors."""
        raise NotImplementedError

    def preview_headers(self) -> list:
        return []
