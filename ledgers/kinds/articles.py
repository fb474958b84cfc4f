"""The publicity ledger (宣传投稿台账): one submission of an article a row.

Rows with the same title and date are one article sent to several outlets; the
first of them gives the article's text, authors and deputies.
"""

from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy

from publicity.models import Article, Outlet, Submission

from ..sheets import Column
from . import common
from .base import Ledger


class ArticleLedger(Ledger):
    kind = "articles"
    title = gettext_lazy("Articles")
    model = Article
    columns = [
        Column("title", pgettext_lazy("ledger column", "Title"), True),
        Column(
            "date",
            pgettext_lazy("ledger column", "Date"),
            True,
            gettext_lazy("The article's date, as 2019-03-05."),
        ),
        Column(
            "authors",
            pgettext_lazy("ledger column", "Author(s)"),
            True,
            gettext_lazy("Names separated by 、."),
        ),
        Column(
            "outlet",
            pgettext_lazy("ledger column", "Outlet"),
            True,
            gettext_lazy("Its name as in the portal (see below)."),
        ),
        Column(
            "sent_on",
            pgettext_lazy("ledger column", "Date sent"),
            False,
            gettext_lazy("The article's date when empty."),
        ),
        Column(
            "accepted",
            pgettext_lazy("ledger column", "Accepted"),
            False,
            gettext_lazy("是 or 否; 否 when empty."),
        ),
        Column(
            "accepted_on",
            pgettext_lazy("ledger column", "Date accepted"),
            False,
            gettext_lazy("Required when accepted."),
        ),
        Column(
            "issue",
            pgettext_lazy("ledger column", "Issue"),
            False,
            gettext_lazy("For example 2019年第5期."),
        ),
        Column("page", pgettext_lazy("ledger column", "Page"), False),
        Column("url", pgettext_lazy("ledger column", "Web address"), False),
        Column("summary", pgettext_lazy("ledger column", "Summary"), False),
        Column(
            "body",
            pgettext_lazy("ledger column", "Body"),
            False,
            gettext_lazy(
                "The title when empty; such an article is not published on the portal."
            ),
        ),
        Column(
            "deputies",
            pgettext_lazy("ledger column", "Deputies featured"),
            False,
            gettext_lazy("Names as in the register, separated by 、."),
        ),
        Column(
            "profile_post",
            pgettext_lazy("ledger column", "Deputy profile post"),
            False,
            gettext_lazy("是 or 否; 否 when empty."),
        ),
        Column(
            "published",
            pgettext_lazy("ledger column", "Published on the portal"),
            False,
            gettext_lazy("是 or 否; 否 when empty."),
        ),
    ]
    field_columns = {
        "title": "title",
        "date": "date",
        "authors": "authors",
        "summary": "summary",
        "body": "body",
        "outlet": "outlet",
        "sent_on": "sent_on",
        "accepted": "accepted",
        "accepted_on": "accepted_on",
        "issue": "issue",
        "page": "page",
        "url": "url",
    }
    notes = [
        gettext_lazy(
            "One submission a row: an article sent to two outlets takes "
            "two rows with the same title and date."
        ),
        gettext_lazy(
            "Posts on the street's own channels are publishing, not "
            "submissions; the report counts them on their own."
        ),
        gettext_lazy(
            "A submission already on record (the same article to the "
            "same outlet) is skipped, so the same sheet can be imported "
            "again."
        ),
        gettext_lazy(
            "If any row is wrong, the whole sheet is refused and nothing is saved."
        ),
    ]

    def allowed(self):
        return [(_("Outlets"), Outlet.objects.values_list("name", flat=True))]

    def examples(self):
        outlet = Outlet.objects.filter(is_own_channel=False).first()
        return [
            [
                "代表走进社区听民意(示例)",
                "2019-03-06",
                "工委示例工作人员",
                outlet.name if outlet else "",
                "2019-03-07",
                "是",
                "2019-03-10",
                "2019年第3期",
                "",
                "",
                "",
                "",
                "",
                "否",
                "否",
            ]
        ]

    def context(self, user):
        articles = {}
        for article in Article.objects.all():
            articles.setdefault((article.title, article.date), article)
        return {
            "user": user,
            "deputies": common.deputy_lookup(),
            "outlets": {o.name: o for o in Outlet.objects.all()},
            "articles": articles,
            "sent": set(Submission.objects.values_list("article_id", "outlet_id")),
            # The article each key becomes in this sheet, shared by its rows.
            "new": {},
        }

    def plan(self, row, context):
        day = common.date(row, "date", required=True)
        common.not_future(row, "date", day)
        article_key = (row.get("title"), day)
        article = context["articles"].get(article_key)
        if article is None:
            article = context["new"].get(article_key) or _article(row, context, day)
            context["new"][article_key] = article
        outlet = common.named(
            row, "outlet", context["outlets"], _("outlet"), required=True
        )
        accepted = common.yes_no(row, "accepted")
        submission = Submission(
            outlet=outlet,
            sent_on=common.date(row, "sent_on") or day,
            accepted=accepted,
            accepted_on=common.date(row, "accepted_on"),
            issue=row.get("issue"),
            page=row.get("page"),
            url=row.get("url"),
        )
        if row.errors:
            return None
        checks = [(submission, ("article",))]
        if article.pk is None and article.extra_row == row.number:
            checks.insert(0, (article, ()))
        for instance, exclude in checks:
            if not common.validated(row, instance, self.field_columns, exclude=exclude):
                return None
        return common.Plan(
            row=row.number,
            key=(*article_key, outlet.pk),
            existing=article.pk is not None
            and (article.pk, outlet.pk) in context["sent"],
            summary=[
                article.title,
                f"{day:%Y-%m-%d}",
                outlet.name,
                _("yes") if accepted else _("no"),
                submission.accepted_on and f"{submission.accepted_on:%Y-%m-%d}" or "",
            ],
            create=lambda: _create(article, submission),
        )

    def preview_headers(self):
        return [_("Title"), _("Date"), _("Outlet"), _("Accepted"), _("Date accepted")]


def _article(row, context, day) -> Article:
    article = Article(
        title=row.get("title"),
        date=day,
        authors=row.get("authors"),
        summary=row.get("summary"),
        body=row.get("body") or row.get("title"),
        is_profile_post=common.yes_no(row, "profile_post"),
        is_published=bool(row.get("body")) and common.yes_no(row, "published"),
    )
    article.extra_row = row.number
    article.extra_deputies = common.deputies(row, "deputies", context["deputies"])
    return article


@transaction.atomic
def _create(article, submission):
    if article.pk is None:
        article.save()
        article.deputies.set(article.extra_deputies)
    submission.article = article
    submission.save()
    return submission
