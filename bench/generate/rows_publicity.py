"""The publicity registers of a synthetic year: outlets, articles, submissions."""

import datetime

from .plan import DEMO
from .vocabulary import OUTLETS

ARTICLE_COLUMNS = [
    "id",
    "title",
    "summary",
    "body",
    "authors",
    "date",
    "is_profile_post",
    "is_published",
]
SUBMISSION_COLUMNS = [
    "id",
    "article_id",
    "outlet_id",
    "sent_on",
    "accepted",
    "accepted_on",
]


def _article(ctx, a: int, outlets, deputy_ids, rows) -> None:
    """Article ``a`` with its deputy and submissions, appended to ``rows``."""
    rng = ctx.rng
    outside, own = outlets
    article_rows, submission_rows, article_deputies = rows
    date = ctx.day(0, ctx.days - 20)
    profile = rng.random() < 6 / 22
    article_rows.append(
        (
            a,
            f"{'代表风采' if profile else '工作动态'}:模拟稿件{a}",
            "模拟稿件摘要。",
            "模拟稿件正文。" * 20,
            "工委通讯员(模拟)",
            date,
            profile,
            rng.random() < 20 / 22,
        )
    )
    if profile:
        article_deputies.append((len(article_deputies) + 1, a, rng.choice(deputy_ids)))
    targets = own if profile else []
    k = max(1, round(rng.gauss(DEMO["submissions_per_article"], 0.8)))
    targets = targets + rng.sample(outside, min(len(outside), k))
    for outlet in targets:
        accepted = outlet in own or rng.random() < 35 / 45
        submission_rows.append(
            (
                len(submission_rows) + 1,
                a,
                outlet,
                date,
                accepted,
                date + datetime.timedelta(days=7) if accepted else None,
            )
        )


def write_publicity(ctx, deputy_ids) -> None:
    """The outlets, then the articles and where each was sent.

    Deputy profiles go to the street's own channel as well as outside.
    """
    from publicity.models import Article, Outlet, Submission

    ctx.w.write(
        Outlet,
        ["id", "name", "level", "kind", "is_own_channel", "is_active", "ordering"],
        ((i, *row, True, i) for i, row in enumerate(OUTLETS, start=1)),
    )
    outside = [i for i, row in enumerate(OUTLETS, start=1) if not row[3]]
    own = [i for i, row in enumerate(OUTLETS, start=1) if row[3]]
    article_rows, submission_rows, article_deputies = rows = [], [], []
    for a in range(1, ctx.n["articles"] + 1):
        _article(ctx, a, (outside, own), deputy_ids, rows)
    ctx.w.write(Article, ARTICLE_COLUMNS, article_rows)
    ctx.w.write(
        Article.deputies.through,
        ["id", "article_id", "deputy_id"],
        article_deputies,
    )
    ctx.w.write(Submission, SUBMISSION_COLUMNS, submission_rows)
