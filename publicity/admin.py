from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.db import models
from django.db.models import Count, Q
from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from .exports import yearly_workbook
from .forms import ArticleAdminForm, YearForm
from .models import Article, ArticleImage, Outlet, Submission
from .selectors import latest_year, yearly_table


class InvalidFormIs400Mixin:
    """A change form re-rendered with errors answers 400, like every portal form."""

    def render_change_form(self, request, context, *args, **kwargs):
        response = super().render_change_form(request, context, *args, **kwargs)
        if request.method == "POST" and context.get("errors"):
            response.status_code = 400
        return response


class HttpsUrlMixin:
    """Addresses typed without a scheme are read as https, as Django 6 will."""

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if isinstance(db_field, models.URLField):
            kwargs["assume_scheme"] = "https"
        return super().formfield_for_dbfield(db_field, request, **kwargs)


@admin.register(Outlet)
class OutletAdmin(InvalidFormIs400Mixin, admin.ModelAdmin):
    list_display = ["name", "level", "kind", "is_own_channel", "is_active", "ordering"]
    list_editable = ["ordering"]
    list_filter = ["level", "kind", "is_own_channel", "is_active"]
    search_fields = ["name"]


class SubmissionInline(HttpsUrlMixin, admin.TabularInline):
    model = Submission
    extra = 1
    fields = ["outlet", "sent_on", "accepted", "accepted_on", "issue", "page", "url"]

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "outlet":
            # Inactive outlets stay choosable so that past submissions still
            # validate; they come last.
            kwargs["queryset"] = Outlet.objects.order_by(
                "-is_active", "ordering", "name"
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


class ArticleImageInline(admin.TabularInline):
    model = ArticleImage
    extra = 1
    fields = ["image", "alt_text", "caption", "ordering"]


class SubmittedToFilter(admin.SimpleListFilter):
    title = _("submitted to")
    parameter_name = "outlet"

    def lookups(self, request, model_admin):
        return [(str(o.pk), o.name) for o in Outlet.objects.all()]

    def queryset(self, request, queryset):
        if self.value():
            return queryset.filter(submissions__outlet=self.value()).distinct()
        return queryset


@admin.register(Article)
class ArticleAdmin(InvalidFormIs400Mixin, admin.ModelAdmin):
    form = ArticleAdminForm
    # Stated here because the counts annotated below drop Meta.ordering.
    ordering = ["-date", "-pk"]
    list_display = [
        "title",
        "date",
        "authors",
        "is_profile_post",
        "is_published",
        "submission_count",
        "acceptance_count",
    ]
    list_filter = ["is_published", "is_profile_post", SubmittedToFilter]
    date_hierarchy = "date"
    search_fields = ["title", "summary", "body", "authors", "deputies__name"]
    filter_horizontal = ["deputies"]
    autocomplete_fields = ["activities", "sessions"]
    inlines = [SubmissionInline, ArticleImageInline]
    fieldsets = [
        (
            None,
            {"fields": ["title", "authors", "date", "summary", "body", "body_preview"]},
        ),
        (_("Pictures"), {"fields": ["cover", "cover_alt"]}),
        (
            _("Deputies and publishing"),
            {"fields": ["deputies", "is_profile_post", "is_published"]},
        ),
        (
            _("What the article reports on"),
            {"fields": ["activities", "sessions"]},
        ),
    ]
    readonly_fields = ["body_preview"]
    actions = ["publish", "unpublish"]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(
                n_submissions=Count("submissions", distinct=True),
                n_accepted=Count(
                    "submissions",
                    filter=Q(submissions__accepted=True),
                    distinct=True,
                ),
            )
        )

    @admin.display(description=_("body as readers see it"))
    def body_preview(self, obj):
        # The sanitiser's output, so staff see what survives of pasted markup.
        return mark_safe(obj.body_html()) if obj.pk else "-"

    @admin.display(description=_("submissions"), ordering="n_submissions")
    def submission_count(self, obj):
        return obj.n_submissions

    @admin.display(description=_("acceptances"), ordering="n_accepted")
    def acceptance_count(self, obj):
        return obj.n_accepted

    @admin.action(description=_("Publish on the portal"), permissions=["change"])
    def publish(self, request, queryset):
        count = queryset.update(is_published=True)
        self.message_user(
            request, _("%(count)d article(s) published.") % {"count": count}
        )

    @admin.action(description=_("Withdraw from the portal"), permissions=["change"])
    def unpublish(self, request, queryset):
        count = queryset.update(is_published=False)
        self.message_user(
            request, _("%(count)d article(s) withdrawn.") % {"count": count}
        )


@admin.register(Submission)
class SubmissionAdmin(InvalidFormIs400Mixin, HttpsUrlMixin, admin.ModelAdmin):
    list_display = [
        "article",
        "outlet",
        "sent_on",
        "accepted",
        "accepted_on",
        "placement",
    ]
    list_filter = ["accepted", "outlet__level", "outlet"]
    list_select_related = ["article", "outlet"]
    date_hierarchy = "sent_on"
    search_fields = ["article__title", "outlet__name", "issue"]
    autocomplete_fields = ["article"]
    change_list_template = "admin/publicity/submission/change_list.html"

    @admin.display(description=_("where it appeared"))
    def placement(self, obj):
        return obj.placement() or obj.url

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path(
                "yearly/",
                view(self.yearly_view),
                name="publicity_submission_yearly",
            ),
            path(
                "yearly/export/",
                view(self.yearly_export_view),
                name="publicity_submission_yearly_export",
            ),
            *super().get_urls(),
        ]

    def _year_form(self, request):
        if not self.has_view_permission(request):
            raise PermissionDenied
        return YearForm.from_query(request.GET, default=latest_year())

    def yearly_view(self, request):
        """Submissions and acceptances of a year by outlet and by level."""
        form = self._year_form(request)
        valid = form.is_valid()
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": _("Submissions and acceptances by year"),
            "form": form,
            "table": yearly_table(form.cleaned_data["year"]) if valid else None,
        }
        return TemplateResponse(
            request,
            "admin/publicity/submission/yearly.html",
            context,
            status=200 if valid else 400,
        )

    def yearly_export_view(self, request):
        form = self._year_form(request)
        if not form.is_valid():
            return self.yearly_view(request)
        year = form.cleaned_data["year"]
        response = HttpResponse(
            yearly_workbook(yearly_table(year)),
            content_type=(
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            ),
        )
        response["Content-Disposition"] = (
            f'attachment; filename="publicity-submissions-{year}.xlsx"'
        )
        return response
