"""Inserting rows of a model: COPY on PostgreSQL, bulk_create elsewhere."""

import datetime
import io

# Rows per COPY or bulk_create batch.
BATCH = 5_000


class Writer:
    """Inserts rows of a model: COPY on PostgreSQL, bulk_create elsewhere.

    Rows are tuples in the order of ``columns`` (attnames, the primary key
    included); every other concrete column gets the field's default.
    """

    def __init__(self, connection, counts: dict):
        self.connection = connection
        self.counts = counts
        self.copy = connection.vendor == "postgresql"
        self._defaults: dict = {}

    def _fill(self, model, columns):
        key = (model, tuple(columns))
        if key not in self._defaults:
            from django.utils import timezone

            now = timezone.now()
            extra = []
            for field in model._meta.concrete_fields:
                if field.attname in columns:
                    continue
                if getattr(field, "auto_now", False) or getattr(
                    field, "auto_now_add", False
                ):
                    value = (
                        now
                        if field.get_internal_type() == "DateTimeField"
                        else now.date()
                    )
                else:
                    value = field.get_default()
                extra.append((field, value))
            self._defaults[key] = extra
        return self._defaults[key]

    def write(self, model, columns, rows) -> int:
        rows = list(rows)
        if not rows:
            return 0
        extra = self._fill(model, columns)
        label = model._meta.label
        self.counts[label] = self.counts.get(label, 0) + len(rows)
        if self.copy:
            self._copy(model, columns, extra, rows)
        else:
            objs = []
            for row in rows:
                values = dict(zip(columns, row, strict=True))
                values.update((f.attname, v) for f, v in extra)
                objs.append(model(**values))
            model.objects.bulk_create(objs, batch_size=500)
        return len(rows)

    def _copy(self, model, columns, extra, rows):
        fields = {f.attname: f for f in model._meta.concrete_fields}
        db_columns = [fields[c].column for c in columns] + [f.column for f, _v in extra]
        tail = "\t".join(_text(v) for _f, v in extra)
        sql = 'COPY "{}" ({}) FROM STDIN'.format(
            model._meta.db_table, ", ".join(f'"{c}"' for c in db_columns)
        )
        with self.connection.cursor() as cursor:
            raw = cursor.cursor  # the psycopg2 cursor under Django's wrapper
            for start in range(0, len(rows), BATCH * 4):
                buffer = io.StringIO()
                for row in rows[start : start + BATCH * 4]:
                    line = "\t".join(_text(v) for v in row)
                    buffer.write(f"{line}\t{tail}\n" if extra else f"{line}\n")
                buffer.seek(0)
                raw.copy_expert(sql, buffer)


_ESCAPES = str.maketrans({"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"})


def _text(value) -> str:
    """A value in PostgreSQL's COPY text format."""
    if value is None:
        return "\\N"
    if value is True:
        return "t"
    if value is False:
        return "f"
    if isinstance(value, datetime.datetime | datetime.date):
        return value.isoformat()
    if isinstance(value, str):
        return value.translate(_ESCAPES)
    return str(value)
