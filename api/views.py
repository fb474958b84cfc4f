"""The JSON API: public read endpoints and the WeChat channel's submissions."""

from django.db.models import Prefetch
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import generics
from rest_framework.parsers import FormParser, MultiPartParser
from rest_framework.response import Response
from rest_framework.throttling import SimpleRateThrottle
from rest_framework.views import APIView

from deputies.models import Deputy
from publicity.models import Article
from reception.models import Station
from suggestions import ratelimit, tracking
from suggestions.models import (
    PRIVACY_NOTICE_VERSION,
    Suggestion,
    TimelineEntry,
)
from suggestions.services import intake

from . import serializers
from .authentication import ChannelTokenAuthentication, HasChannelToken
from .forms import ChannelSuggestionForm, replayed_submission

ERROR = serializers.ErrorSerializer
# Every list is paginated (api.pagination); a limit or offset out of range is 400.
LIST_RESPONSES = {400: OpenApiResponse(serializers.ValidationErrorSerializer)}


@extend_schema(responses={200: serializers.StationSerializer, **LIST_RESPONSES})
class StationList(generics.ListAPIView):
    """Reception stations in service."""

    serializer_class = serializers.StationSerializer
    queryset = (
        Station.objects.public()
        .select_related("community")
        .order_by("ordering", "name")
    )


@extend_schema(
    responses={200: serializers.StationSerializer, 404: OpenApiResponse(ERROR)}
)
class StationDetail(generics.RetrieveAPIView):
    serializer_class = serializers.StationSerializer
    queryset = StationList.queryset
    lookup_field = "slug"


@extend_schema(responses={200: serializers.DeputySerializer, **LIST_RESPONSES})
class DeputyList(generics.ListAPIView):
    """Current deputies' public profiles (no private contact details)."""

    serializer_class = serializers.DeputySerializer
    queryset = (
        Deputy.objects.current()
        .select_related("constituency", "community")
        .order_by("constituency__number", "name", "pk")
    )


@extend_schema(
    responses={200: serializers.DeputySerializer, 404: OpenApiResponse(ERROR)}
)
class DeputyDetail(generics.RetrieveAPIView):
    serializer_class = serializers.DeputySerializer
    queryset = Deputy.objects.select_related("constituency", "community")


@extend_schema(responses={200: serializers.ArticleSerializer, **LIST_RESPONSES})
class NewsList(generics.ListAPIView):
    """Published articles, newest first."""

    serializer_class = serializers.ArticleSerializer
    queryset = (
        Article.objects.published()
        .prefetch_related(Prefetch("deputies", queryset=Deputy.objects.only("name")))
        .order_by("-date", "-pk")
    )


@extend_schema(
    responses={200: serializers.ArticleSerializer, 404: OpenApiResponse(ERROR)}
)
class NewsDetail(generics.RetrieveAPIView):
    serializer_class = serializers.ArticleSerializer
    queryset = NewsList.queryset


class TrackView(APIView):
    """A suggestion's public status, by its tracking code and the last four
    digits of the phone given with it (POST, so neither sits in a URL)."""

    @extend_schema(
        request=serializers.TrackRequestSerializer,
        responses={
            200: serializers.TrackResultSerializer,
            400: OpenApiResponse(serializers.ValidationErrorSerializer),
            404: OpenApiResponse(ERROR),
            429: OpenApiResponse(ERROR),
        },
    )
    def post(self, request):
        if not ratelimit.hit("track-ip", ratelimit.client_address(request)):
            return _too_many(_("Too many look-ups from this network."))
        form = serializers.TrackRequestSerializer(data=request.data)
        if not form.is_valid():
            return Response({"errors": form.errors}, status=400)
        outcome, suggestion = tracking.look_up(
            **form.validated_data, request=request, queryset=_tracked_queryset()
        )
        if outcome is tracking.Outcome.LOCKED:
            return _too_many(tracking.locked_message())
        if outcome is tracking.Outcome.NO_MATCH:
            return Response({"detail": tracking.no_match_message()}, status=404)
        return Response(serializers.TrackResultSerializer(suggestion).data)


def _tracked_queryset():
    return Suggestion.objects.select_related("community", "category").prefetch_related(
        Prefetch(
            "timeline",
            queryset=TimelineEntry.objects.filter(public=True),
            to_attr="public_timeline",
        ),
        "replies",
    )


def _too_many(message):
    return Response({"detail": message}, status=429)


class ChannelThrottle(SimpleRateThrottle):
    """Per token, on top of the public form's own per-phone limit."""

    scope = "wechat"

    def get_cache_key(self, request, view):
        token = request.auth
        if token is None:
            return None
        return self.cache_format % {"scope": self.scope, "ident": token.pk}


class ChannelSubmit(APIView):
    """A resident's opinion sent through 紫阳微邻里·代表直通车.

    Same form, same limits, same privacy rules and the same lifecycle service
    as the public web form; the item's source is the WeChat channel.
    """

    authentication_classes = [ChannelTokenAuthentication]
    permission_classes = [HasChannelToken]
    throttle_classes = [ChannelThrottle]
    parser_classes = [MultiPartParser, FormParser]

    @extend_schema(
        request={"multipart/form-data": serializers.SubmissionRequestSerializer},
        responses={
            201: serializers.SubmissionResultSerializer,
            200: serializers.SubmissionResultSerializer,
            400: OpenApiResponse(serializers.ValidationErrorSerializer),
            401: OpenApiResponse(ERROR),
            403: OpenApiResponse(ERROR),
            429: OpenApiResponse(ERROR),
        },
    )
    def post(self, request):
        already = replayed_submission(request.auth, request.data.get("token"))
        if already is not None:
            return Response(_result(already), status=200)
        form = ChannelSuggestionForm(request.data, request.FILES, channel=request.auth)
        if not form.is_valid():
            return Response({"errors": _plain(form.errors)}, status=400)
        if not ratelimit.hit("submit-phone", form.cleaned_data["phone"]):
            return _too_many(_("Too many submissions with this phone number."))
        suggestion = intake.suggestion_create(
            suggestion=form.build(PRIVACY_NOTICE_VERSION),
            photos=form.cleaned_data["photos"],
            actor=None,
        )
        return Response(_result(suggestion), status=201)


def _plain(errors) -> dict:
    return {field: [str(m) for m in messages] for field, messages in errors.items()}


def _result(suggestion) -> dict:
    return {
        "tracking_code": suggestion.tracking_code,
        "status": suggestion.status,
        "status_display": suggestion.get_status_display(),
    }
