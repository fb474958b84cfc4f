"""What the API shows: only what the public pages show, never personal data."""

from django.utils import timezone
from rest_framework import serializers

from deputies.models import Deputy
from publicity.models import Article
from reception.models import Station
from suggestions.models import Reply, Suggestion, TimelineEntry


class StationSerializer(serializers.ModelSerializer):
    kind_display = serializers.CharField(source="get_kind_display", read_only=True)
    community = serializers.CharField(
        source="community.name", default="", read_only=True
    )
    url = serializers.CharField(source="get_absolute_url", read_only=True)

    class Meta:
        model = Station
        fields = [
            "slug",
            "name",
            "kind",
            "kind_display",
            "community",
            "address",
            "opening_hours",
            "reception_days",
            "upgraded_on",
            "url",
        ]


class DeputySerializer(serializers.ModelSerializer):
    gender_display = serializers.CharField(source="get_gender_display", read_only=True)
    level_display = serializers.CharField(source="get_level_display", read_only=True)
    constituency = serializers.CharField(
        source="constituency.name", default="", read_only=True
    )
    community = serializers.CharField(
        source="community.name", default="", read_only=True
    )
    url = serializers.CharField(source="get_absolute_url", read_only=True)

    class Meta:
        model = Deputy
        # No phone, no linked login, no birth year: the public profile only.
        fields = [
            "id",
            "name",
            "gender",
            "gender_display",
            "level",
            "level_display",
            "term",
            "constituency",
            "community",
            "party",
            "occupation",
            "profile",
            "url",
        ]


class ArticleSerializer(serializers.ModelSerializer):
    deputies = serializers.SerializerMethodField()
    url = serializers.CharField(source="get_absolute_url", read_only=True)

    class Meta:
        model = Article
        fields = [
            "id",
            "title",
            "summary",
            "date",
            "is_profile_post",
            "deputies",
            "url",
        ]

    def get_deputies(self, article) -> list[str]:
        return [d.name for d in article.deputies.all()]


class TrackRequestSerializer(serializers.Serializer):
    code = serializers.CharField(max_length=20)
    phone_last4 = serializers.RegexField(r"^\d{4}$", max_length=4, min_length=4)


class TimelineSerializer(serializers.ModelSerializer):
    kind_display = serializers.CharField(source="get_kind_display", read_only=True)
    to_status_display = serializers.CharField(
        source="get_to_status_display", read_only=True
    )

    class Meta:
        model = TimelineEntry
        fields = [
            "at",
            "kind",
            "kind_display",
            "to_status_display",
            "actor_label",
            "note",
        ]


class ReplySerializer(serializers.ModelSerializer):
    channel_display = serializers.CharField(
        source="get_channel_display", read_only=True
    )

    class Meta:
        model = Reply
        fields = ["answered_on", "responder", "channel_display", "text"]


class TrackResultSerializer(serializers.ModelSerializer):
    status_display = serializers.CharField(source="get_status_display", read_only=True)
    received_on = serializers.SerializerMethodField()
    community = serializers.CharField(
        source="community.name", default="", read_only=True
    )
    category = serializers.CharField(source="category.name", default="", read_only=True)
    timeline = TimelineSerializer(source="public_timeline", many=True, read_only=True)
    replies = ReplySerializer(many=True, read_only=True)

    class Meta:
        model = Suggestion
        # The resident's own words and contact details are not sent back.
        fields = [
            "tracking_code",
            "status",
            "status_display",
            "received_on",
            "community",
            "category",
            "due_date",
            "timeline",
            "replies",
        ]

    def get_received_on(self, suggestion) -> str:
        return timezone.localtime(suggestion.received_at).date().isoformat()


class SubmissionRequestSerializer(serializers.Serializer):
    """Documents the multipart form; validation is the public form's own."""

    title = serializers.CharField(max_length=100)
    text = serializers.CharField(max_length=3000)
    name = serializers.CharField(max_length=50)
    phone = serializers.CharField(max_length=11)
    address = serializers.CharField(max_length=200, required=False)
    community = serializers.IntegerField(required=False)
    category = serializers.IntegerField(required=False)
    consent = serializers.BooleanField()
    token = serializers.UUIDField(
        help_text="A fresh UUID per submission; sending it twice returns the "
        "first item instead of a duplicate."
    )
    photos = serializers.ListField(child=serializers.ImageField(), required=False)


class SubmissionResultSerializer(serializers.Serializer):
    tracking_code = serializers.CharField()
    status = serializers.CharField()
    status_display = serializers.CharField()


class ErrorSerializer(serializers.Serializer):
    detail = serializers.CharField()


class ValidationErrorSerializer(serializers.Serializer):
    errors = serializers.DictField(
        child=serializers.ListField(child=serializers.CharField())
    )
