from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Count, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.images import PortalImageField, UploadTo

from .markup import render_markdown


class OutletQuerySet(models.QuerySet):
    def with_counts(self, year):
        """Outlets annotated with `submitted` and `accepted` for submissions sent
        in the year; each counts articles, so one outlet counts an article once.
        """
        in_year = Q(submissions__sent_on__year=year)
        return self.annotate(
            submitted=Count("submissions", filter=in_year),
            accepted=Count(
                "submissions", filter=in_year & Q(submissions__accepted=True)
            ),
        )


class Outlet(models.Model):
    """A newspaper, magazine, website, intranet or WeChat account (媒体/平台)."""

    class Level(models.TextChoices):
        NATIONAL = "national", _("National")
        PROVINCE = "province", _("Province")
        CITY = "city", _("City")
        DISTRICT = "district", _("District")
        STREET = "street", _("Street")

    class Kind(models.TextChoices):
        NEWSPAPER = "newspaper", _("Newspaper")
        MAGAZINE = "magazine", _("Magazine")
        WEBSITE = "website", _("Website")
        INTRANET = "intranet", _("Intranet")
        WECHAT = "wechat", _("WeChat account")

    name = models.CharField(_("name"), max_length=100, unique=True)
    level = models.CharField(_("level"), max_length=10, choices=Level.choices)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    is_own_channel = models.BooleanField(
        _("the street's own channel"),
        default=False,
        help_text=_(
            "Posting on the street's own channel (such as its WeChat account) is "
            "publishing, not a submission: it does not count as an article "
            "submitted."
        ),
    )
    is_active = models.BooleanField(
        _("active"),
        default=True,
        help_text=_("Inactive outlets are kept for past years and offered last."),
    )
    ordering = models.PositiveSmallIntegerField(_("display order"), default=0)

    objects = OutletQuerySet.as_manager()

    class Meta:
        ordering = ["ordering", "name"]
        verbose_name = _("outlet")
        verbose_name_plural = _("outlets")

    def __str__(self):
        return self.name


class ArticleQuerySet(models.QuerySet):
    def published(self):
        """Articles published on the portal, newest first."""
        return self.filter(is_published=True).order_by("-date", "-pk")

    def profile_posts(self):
        """Deputy profile posts (人大代表风采)."""
        return self.filter(is_profile_post=True)

    def featuring(self, deputy):
        return self.filter(deputies=deputy)

    def in_year(self, year):
        return self.filter(date__year=year)

    def submitted_in(self, year):
        """Articles sent to at least one outside outlet in the year (投稿数).

        Posts on the street's own channels are publishing, not submissions, so
        they are left out, as the work report counts them on their own.
        """
        sent = Submission.objects.submitted_in(year).values("article")
        return self.filter(pk__in=sent)

    def posted_on_own_channel_in(self, year, outlet=None):
        """Articles posted on the street's own channels (or one of them) in the year."""
        posts = Submission.objects.filter(
            outlet__is_own_channel=True, accepted=True, accepted_on__year=year
        )
        if outlet is not None:
            posts = posts.filter(outlet=outlet)
        return self.filter(pk__in=posts.values("article"))


class Article(models.Model):
    """A piece of publicity: a news item or a deputy profile post (人大代表风采)."""

    title = models.CharField(_("title"), max_length=200)
    summary = models.CharField(
        _("summary"),
        max_length=300,
        blank=True,
        help_text=_("One or two sentences shown in the news list and the feed."),
    )
    body = models.TextField(
        _("body"),
        help_text=_(
            "Markdown: a blank line between paragraphs, **bold**, lists with '-', "
            "links as [text](https://…). Scripts and embedded pictures are removed; "
            "add pictures as the cover or the gallery."
        ),
    )
    authors = models.CharField(
        _("author(s)"),
        max_length=200,
        help_text=_("Names separated by '、', as printed under the title."),
    )
    date = models.DateField(_("date"))
    cover = PortalImageField(
        _("cover picture"), upload_to=UploadTo("publicity/covers"), blank=True
    )
    cover_alt = models.CharField(
        _("cover picture description"),
        max_length=200,
        blank=True,
        help_text=_("What the picture shows, for readers who cannot see it."),
    )
    deputies = models.ManyToManyField(
        "deputies.Deputy",
        verbose_name=_("deputies featured"),
        related_name="articles",
        blank=True,
    )
    activities = models.ManyToManyField(
        "deputies.DutyActivity",
        verbose_name=_("duty activities reported on"),
        related_name="articles",
        blank=True,
    )
    sessions = models.ManyToManyField(
        "reception.ReceptionSession",
        verbose_name=_("reception sessions reported on"),
        related_name="articles",
        blank=True,
    )
    is_profile_post = models.BooleanField(
        _("deputy profile post (人大代表风采)"),
        default=False,
        help_text=_(
            "A post presenting the featured deputies. News that merely names the "
            "deputies present at an event is not a profile post."
        ),
    )
    is_published = models.BooleanField(
        _("published on the portal"),
        default=False,
        help_text=_("Only published articles are shown on the public news pages."),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = ArticleQuerySet.as_manager()

    class Meta:
        ordering = ["-date", "-pk"]
        verbose_name = _("article")
        verbose_name_plural = _("articles")
        constraints = [
            models.CheckConstraint(
                condition=Q(cover="") | ~Q(cover_alt=""),
                name="publicity_article_cover_has_alt",
                violation_error_message=_(
                    "Describe the cover picture for readers who cannot see it."
                ),
            ),
        ]
        indexes = [models.Index(fields=["is_published", "-date"])]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("publicity:news_detail", args=[self.pk])

    def clean(self):
        super().clean()
        if self.cover and not self.cover_alt.strip():
            raise ValidationError(
                {
                    "cover_alt": _(
                        "Describe the cover picture for readers who cannot see it."
                    )
                }
            )

    def body_html(self) -> str:
        """The body as sanitised HTML: safe to mark safe in a template."""
        return render_markdown(self.body)

    def teaser(self) -> str:
        """The summary, or the start of the body as plain text."""
        if self.summary:
            return self.summary
        text = " ".join(self.body.split())
        return text if len(text) <= 120 else text[:119] + "…"


class ArticleImage(models.Model):
    """A picture in an article's gallery; alt text is required."""

    article = models.ForeignKey(
        Article,
        verbose_name=_("article"),
        on_delete=models.CASCADE,
        related_name="images",
    )
    image = PortalImageField(_("picture"), upload_to=UploadTo("publicity/gallery"))
    alt_text = models.CharField(
        _("picture description"),
        max_length=200,
        help_text=_("What the picture shows, for readers who cannot see it."),
    )
    caption = models.CharField(_("caption"), max_length=200, blank=True)
    ordering = models.PositiveSmallIntegerField(_("display order"), default=0)

    class Meta:
        ordering = ["ordering", "pk"]
        verbose_name = _("gallery picture")
        verbose_name_plural = _("gallery pictures")
        constraints = [
            models.CheckConstraint(
                condition=~Q(alt_text=""),
                name="publicity_articleimage_has_alt",
                violation_error_message=_(
                    "Describe the picture for readers who cannot see it."
                ),
            ),
        ]

    def __str__(self):
        return self.alt_text


class SubmissionQuerySet(models.QuerySet):
    def submitted_in(self, year):
        """Submissions to outside outlets sent in the year."""
        return self.filter(sent_on__year=year, outlet__is_own_channel=False)

    def accepted(self):
        return self.filter(accepted=True)

    def accepted_by_outlet(self, year) -> dict[str, int]:
        """{outlet name: articles it accepted} of the submissions sent in the year.

        An article accepted by several outlets counts once for each of them, so
        these figures are independent of the number of articles submitted.
        """
        rows = (
            self.submitted_in(year)
            .accepted()
            .values("outlet__name")
            .annotate(n=Count("article", distinct=True))
            .order_by()
        )
        return {row["outlet__name"]: row["n"] for row in rows}


class Submission(models.Model):
    """An article sent to an outlet (投稿), and whether it was accepted (录用)."""

    article = models.ForeignKey(
        Article,
        verbose_name=_("article"),
        on_delete=models.CASCADE,
        related_name="submissions",
    )
    outlet = models.ForeignKey(
        Outlet,
        verbose_name=_("outlet"),
        on_delete=models.PROTECT,
        related_name="submissions",
    )
    sent_on = models.DateField(_("date sent"))
    accepted = models.BooleanField(_("accepted"), default=False)
    accepted_on = models.DateField(
        _("date accepted"),
        null=True,
        blank=True,
        help_text=_("The date it appeared or was accepted."),
    )
    issue = models.CharField(
        _("issue"), max_length=50, blank=True, help_text=_("For example 2018年第5期.")
    )
    page = models.CharField(_("page"), max_length=20, blank=True)
    url = models.URLField(_("web address"), max_length=500, blank=True)
    note = models.CharField(_("note"), max_length=200, blank=True)

    objects = SubmissionQuerySet.as_manager()

    class Meta:
        ordering = ["sent_on", "pk"]
        verbose_name = _("submission")
        verbose_name_plural = _("submissions")
        constraints = [
            models.UniqueConstraint(
                fields=["article", "outlet"],
                name="publicity_submission_once_per_outlet",
                violation_error_message=_(
                    "This article has already been sent to this outlet."
                ),
            ),
            models.CheckConstraint(
                condition=Q(accepted=True, accepted_on__isnull=False)
                | Q(accepted=False, accepted_on__isnull=True),
                name="publicity_submission_accepted_has_date",
            ),
            models.CheckConstraint(
                condition=Q(accepted_on__isnull=True)
                | Q(accepted_on__gte=models.F("sent_on")),
                name="publicity_submission_accepted_after_sent",
            ),
        ]

    def __str__(self):
        return f"{self.article} → {self.outlet}"

    def clean(self):
        super().clean()
        if self.accepted and not self.accepted_on:
            raise ValidationError(
                {"accepted_on": _("Give the date the article was accepted.")}
            )
        if not self.accepted and self.accepted_on:
            raise ValidationError(
                {"accepted": _("Tick 'accepted' or clear the date accepted.")}
            )
        if self.accepted_on and self.sent_on and self.accepted_on < self.sent_on:
            raise ValidationError(
                {"accepted_on": _("The date accepted cannot be before the date sent.")}
            )

    def placement(self) -> str:
        """Where it appeared, e.g. '2018年第5期 第3版'."""
        parts = [self.issue]
        if self.page:
            parts.append(_("page %(page)s") % {"page": self.page})
        return " ".join(p for p in parts if p)
