"""Views for tests/portal/test_atomic_writes.py: what a request's transaction does."""

from django.contrib.auth.models import Group
from django.db import transaction
from django.http import HttpResponse, JsonResponse
from django.template import engines
from django.template.response import TemplateResponse
from django.urls import path
from django.views.decorators.csrf import csrf_exempt


@csrf_exempt
def state(request):
    return JsonResponse({"atomic": transaction.get_connection().in_atomic_block})


@csrf_exempt
def write_then_fail(request):
    Group.objects.create(name="half-saved")
    raise ValueError("the second half of the write fails")


@csrf_exempt
@transaction.non_atomic_requests
def unwrapped_state(request):
    return JsonResponse({"atomic": transaction.get_connection().in_atomic_block})


class Rendered(TemplateResponse):
    def render(self):
        if not self.is_rendered:
            self.atomic_when_rendered = transaction.get_connection().in_atomic_block
        return super().render()


@csrf_exempt
def template_state(request):
    return Rendered(request, engines["django"].from_string("rendered"), {})


def hello(request):
    return HttpResponse("hello")


urlpatterns = [
    path("state/", state),
    path("fail/", write_then_fail),
    path("unwrapped/", unwrapped_state),
    path("template/", template_state),
    path("hello/", hello),
]
