"""The portal's URLs plus a bare Django view, the benchmarks' yardstick.

/__hello__ exists only here, never in the portal's own URLconf: it measures what
the same processes, middleware and database connection cost without any page.
"""

from django.http import HttpRequest, HttpResponse
from django.urls import path

from ziyang_portal.urls import urlpatterns as portal_urlpatterns


def hello(request: HttpRequest) -> HttpResponse:
    return HttpResponse("hello")


urlpatterns = [path("__hello__", hello), *portal_urlpatterns]
