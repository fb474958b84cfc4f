"""The suggestions of a synthetic year, with replies, ratings, timeline, escalations."""

import datetime

from .context import weighted
from .vocabulary import (
    CATEGORIES,
    HAS_REPLY,
    RATING_SCORES,
    STATUS_MIX,
    STATUS_PATHS,
    SUGGESTION_MIX,
    TOPICS,
    UNITS,
)

# Suggestions per generated chunk.
CHUNK = 20_000

SUGGESTION_COLUMNS = [
    "id",
    "tracking_code",
    "kind",
    "congress_session",
    "source",
    "community_id",
    "category_id",
    "title",
    "text",
    "submitter_name",
    "submitter_phone",
    "submitter_address",
    "phone_last4",
    "consent",
    "privacy_notice_version",
    "reception_session_id",
    "session_issue_uid",
    "raised_by_id",
    "following_deputy_id",
    "handling_unit_id",
    "status",
    "outcome",
    "due_date",
    "received_at",
    "finished_at",
]
REPLY_COLUMNS = [
    "id",
    "suggestion_id",
    "responder",
    "answered_on",
    "channel",
    "text",
    "created_at",
]
RATING_COLUMNS = ["id", "suggestion_id", "reply_id", "score", "comment", "created_at"]
TIMELINE_COLUMNS = [
    "id",
    "suggestion_id",
    "kind",
    "at",
    "actor_label",
    "from_status",
    "to_status",
    "note",
    "public",
]
ESCALATION_COLUMNS = [
    "id",
    "suggestion_id",
    "city_deputy_id",
    "escalated_on",
    "request",
    "status",
]


class TrackingCodes:
    """Unique tracking codes that look random: a bijection of the row number."""

    def __init__(self):
        from suggestions.models import CODE_ALPHABET, CODE_GROUP_SIZE, CODE_GROUPS

        self.alphabet = CODE_ALPHABET
        self.length = CODE_GROUPS * CODE_GROUP_SIZE
        self.group = CODE_GROUP_SIZE
        self.modulus = len(CODE_ALPHABET) ** self.length
        self.multiplier = 1_000_000_007  # prime, so coprime with 31**12

    def __call__(self, n: int) -> str:
        value = (n * self.multiplier + 12_345) % self.modulus
        chars = []
        for _ in range(self.length):
            value, digit = divmod(value, len(self.alphabet))
            chars.append(self.alphabet[digit])
        return "-".join(
            "".join(chars[i : i + self.group])
            for i in range(0, self.length, self.group)
        )


def write_reference_lists(ctx) -> None:
    """The categories and handling units the suggestions point to."""
    from suggestions.models import Category, HandlingUnit

    ctx.w.write(
        Category,
        ["id", "name", "ordering", "active"],
        ((i, name, i, True) for i, name in enumerate(CATEGORIES, start=1)),
    )
    ctx.w.write(
        HandlingUnit,
        ["id", "name", "email", "active"],
        ((i, name, "", True) for i, name in enumerate(UNITS, start=1)),
    )


class SuggestionMaker:
    """Makes the suggestions chunk by chunk, numbering their rows across chunks.

    Reception opinions take the issues of the sessions, oldest first; when the
    issues run out, the rest are counted as visits.
    """

    def __init__(self, ctx, deputy_ids, session_times: dict, issues: list):
        self.ctx = ctx
        self.rng = ctx.rng
        self.deputy_ids = deputy_ids
        self.session_times = session_times
        self.issues = issues
        self.codes = TrackingCodes()
        self.pick_kind = weighted(self.rng, SUGGESTION_MIX)
        self.pick_status = weighted(self.rng, STATUS_MIX)
        self.pick_score = weighted(self.rng, RATING_SCORES)
        self.reply_id = self.rating_id = self.timeline_id = 0
        self.issue_index = 0
        self.resident_ids = []

    def write_all(self) -> list:
        """Every suggestion of the scale; the ids of the residents' opinions."""
        from suggestions.models import Rating, Reply, Suggestion, TimelineEntry

        ctx, scale = self.ctx, self.ctx.scale
        for chunk_start in range(1, scale + 1, CHUNK):
            last = min(scale, chunk_start + CHUNK - 1)
            self.rows = {"suggestion": [], "reply": [], "rating": [], "timeline": []}
            for sid in range(chunk_start, last + 1):
                self._suggestion(sid)
            ctx.w.write(Suggestion, SUGGESTION_COLUMNS, self.rows["suggestion"])
            ctx.w.write(Reply, REPLY_COLUMNS, self.rows["reply"])
            ctx.w.write(Rating, RATING_COLUMNS, self.rows["rating"])
            ctx.w.write(TimelineEntry, TIMELINE_COLUMNS, self.rows["timeline"])
            ctx.out(f"  suggestions {last}/{scale}")
        return self.resident_ids

    def _origin(self):
        """Kind, source, reception session and issue, and when it came in."""
        kind, source = self.pick_kind()
        session_id = issue_uid = None
        if source == "reception":
            if self.issue_index < len(self.issues):
                issue_uid, session_id = self.issues[self.issue_index]
                self.issue_index += 1
                received = self.session_times[session_id]
            else:
                source = "visit"
        if session_id is None:
            received = self.ctx.moment(0, self.ctx.days - 14)
        return kind, source, session_id, issue_uid, received

    def _suggestion(self, sid: int) -> None:
        kind, source, session_id, issue_uid, received = self._origin()
        status = self.pick_status()
        resident = kind == "resident"
        path = STATUS_PATHS[status]
        self.rows["suggestion"].append(
            self._suggestion_row(
                sid, kind, source, session_id, issue_uid, received, status, path
            )
        )
        if resident:
            self.resident_ids.append(sid)
        self._timeline(sid, "received", received, "", "", "received", "")
        at, reply_at = self._transitions(sid, received, path)
        if status in HAS_REPLY:
            self._reply(sid, status, resident, at, reply_at)
        if resident and self.rng.random() < 51 / 76:
            follow_up_at = received + datetime.timedelta(days=3)
            self._timeline(
                sid,
                "follow_up",
                follow_up_at,
                "代表",
                "",
                "",
                "代表上门了解情况。(模拟)",
            )

    def _suggestion_row(
        self, sid, kind, source, session_id, issue_uid, received, status, path
    ) -> tuple:
        rng, pools = self.rng, self.ctx.pools
        due = (received + datetime.timedelta(days=30)).date()
        community = rng.randrange(1, self.ctx.n["communities"] + 1)
        p = rng.randrange(len(pools.names))
        resident = kind == "resident"
        noun = "意见" if resident else "建议"
        finished = None
        if status in ("closed", "rejected"):
            finished = received + datetime.timedelta(days=len(path) * 5 + 1)
        return (
            sid,
            self.codes(sid),
            kind,
            "区十五届人大四次会议" if kind == "session" else "",
            source,
            community,
            rng.randrange(1, len(CATEGORIES) + 1),
            f"关于{rng.choice(TOPICS)}的{noun}(模拟)",
            "居民反映的问题和诉求。(模拟内容,无真实个人信息)",
            pools.names[p] if resident else "",
            pools.phones[p] if resident else "",
            pools.addresses[p] if resident else "",
            pools.phones[p][-4:] if resident else "",
            resident,
            "2018-01" if resident else "",
            session_id,
            issue_uid,
            None if resident else rng.choice(self.deputy_ids),
            rng.choice(self.deputy_ids),
            rng.randrange(1, len(UNITS) + 1),
            status,
            rng.choice("ABCD") if status in HAS_REPLY else "",
            due if status != "received" else None,
            received,
            finished,
        )

    def _timeline(self, sid, kind, at, actor, before, after, note) -> None:
        self.timeline_id += 1
        self.rows["timeline"].append(
            (self.timeline_id, sid, kind, at, actor, before, after, note, True)
        )

    def _transitions(self, sid, received, path):
        """The status changes from "received"; the last one and the reply's."""
        before = "received"
        at = received
        reply_at = None
        for step, after in enumerate(path):
            at = received + datetime.timedelta(days=5 * step + 1)
            if after in ("replied", "rejected") and reply_at is None:
                reply_at = at
            self._timeline(sid, "transition", at, "工委", before, after, "")
            before = after
        return at, reply_at

    def _reply(self, sid, status, resident, at, reply_at) -> None:
        """The handling unit's reply and, for a resident's closed case, a rating."""
        rng = self.rng
        self.reply_id += 1
        self.rows["reply"].append(
            (
                self.reply_id,
                sid,
                UNITS[rng.randrange(len(UNITS))],
                (reply_at or at).date(),
                rng.choice(["written", "phone", "visit", "online"]),
                "已答复。(模拟)",
                reply_at or at,
            )
        )
        if resident and status in ("closed", "reopened"):
            self.rating_id += 1
            self.rows["rating"].append(
                (self.rating_id, sid, self.reply_id, self.pick_score(), "", at)
            )
            self._timeline(sid, "rating", at, "居民", "", "", "")


def write_escalations(ctx, resident_ids, city_ids) -> None:
    """Requests to city-level deputies, with three follow-ups each."""
    from suggestions.models import Escalation, EscalationFollowUp

    rng = ctx.rng
    escalation_rows, follow_rows = [], []
    picked = rng.sample(resident_ids, min(len(resident_ids), ctx.n["escalations"]))
    for e, sid in enumerate(picked, 1):
        on = ctx.day(0, ctx.days - 30)
        escalation_rows.append(
            (
                e,
                sid,
                rng.choice(city_ids),
                on,
                "请市人大代表协调解决。(模拟)",
                rng.choice(["open", "partly", "resolved"]),
            )
        )
        for k in range(3):
            follow_rows.append(
                (
                    len(follow_rows) + 1,
                    e,
                    on + datetime.timedelta(days=7 * (k + 1)),
                    f"第{k + 1}次协调推进。(模拟)",
                    True,
                )
            )
    ctx.w.write(Escalation, ESCALATION_COLUMNS, escalation_rows)
    ctx.w.write(
        EscalationFollowUp,
        ["id", "escalation_id", "on", "text", "public"],
        follow_rows,
    )
