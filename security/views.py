from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from . import two_factor
from .forms import TokenForm
from .models import AuditEvent

MY_CHANGES_PAGE_SIZE = 25

VERIFY_ERRORS = {
    "wrong": gettext_lazy(
        "That code is wrong or has expired. Wait for the next one and try again."
    ),
    "throttled": gettext_lazy(
        "Too many wrong codes. Wait a minute, then enter the newest code."
    ),
}


def _staff_only(request):
    if not request.user.is_staff:
        raise PermissionDenied


def _next_url(request) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return reverse("admin:index")


@never_cache
@login_required
def two_factor_setup(request):
    """Set up an authenticator app: scan the code, then confirm with one code."""
    _staff_only(request)
    if two_factor.confirmed_device(request.user):
        if not request.user.is_verified():
            return redirect("security:two_factor_verify")
        return render(request, "security/two_factor_done.html")
    device = two_factor.pending_device(request.user)
    form = TokenForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if form.is_valid() and two_factor.confirm(
            request, device, form.cleaned_data["token"]
        ):
            return redirect(_next_url(request))
        if form.is_valid():
            form.add_error(
                "token", _("That code is wrong or has expired. Try the next one.")
            )
        status = 400
    context = {
        "form": form,
        "qr_code": mark_safe(two_factor.qr_code_svg(device)),  # noqa: S308 - made by qrcode
        "secret": two_factor.readable_key(device),
        "next": _next_url(request),
    }
    return render(request, "security/two_factor_setup.html", context, status=status)


@never_cache
@login_required
def two_factor_verify(request):
    """The second step of a staff login: one code from the authenticator app."""
    _staff_only(request)
    if not two_factor.confirmed_device(request.user):
        return redirect("security:two_factor_setup")
    form = TokenForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            result = two_factor.verify(request, form.cleaned_data["token"])
            if result == "ok":
                return redirect(_next_url(request))
            form.add_error("token", VERIFY_ERRORS[result])
        status = 400
    return render(
        request,
        "security/two_factor_verify.html",
        {"form": form, "next": _next_url(request)},
        status=status,
    )


@never_cache
@login_required
@require_GET
def my_changes(request):
    """The records this account created, changed or deleted, newest first.

    In the deputy workspace; staff see theirs too. Only the account's own
    events, and only those on records: never another person's, nor logins.
    """
    events = AuditEvent.objects.filter(
        user=request.user, action__in=AuditEvent.RECORD_ACTIONS
    ).order_by("-at", "-pk")
    page = Paginator(events, MY_CHANGES_PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "security/my_changes.html", {"page": page})
