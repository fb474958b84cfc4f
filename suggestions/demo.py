"""This app's part of the 2018 demo year (see core/demo.py).

What the 2018 report says in 一(三) and 一(四), as records: 6 session and 4
inter-session deputy suggestions, all answered; 72 resident opinions from the
channels the report names, 48 of them followed up (督办: at least one follow-up
entry by a deputy or staff); the Meiyinsi road case escalated to a city-level
deputy. Residents are invented (居民某某 style, 1380000xxxx phones).

Every item is keyed by a submission token derived from its label, so a second
run finds it and changes nothing. Past events are recorded with notifications
muted: nobody is told today about 2018.
"""

import datetime
import uuid
from zoneinfo import ZoneInfo

from deputies.models import Community, Deputy

from . import demo_notices
from .models import Category, HandlingUnit, Reply, Suggestion
from .services import (
    escalations,
    following,
    intake,
    lifecycle,
    notifications,
    ratings,
    replies,
)

TZ = ZoneInfo("Asia/Shanghai")
NAMESPACE = uuid.UUID("6f1c0e1e-2018-4c5a-9d1e-7a2b3c4d5e6f")
CONGRESS_SESSION = "区十五届人大二次会议"

CATEGORIES = ["城市建设", "市容环境", "交通出行", "社区治理", "民生服务", "治安安全"]
UNITS = [
    "区城管执法局(示例)",
    "区房管局(示例)",
    "区交通大队(示例)",
    "区园林局(示例)",
    "紫阳街道办事处",
    "社区居委会",
]

# (title, category, unit)
TOPICS = [
    ("楼道灯损坏,夜间出行不便", "社区治理", "社区居委会"),
    ("小区下水道堵塞,雨天积水", "城市建设", "区房管局(示例)"),
    ("路边违章停车堵塞消防通道", "交通出行", "区交通大队(示例)"),
    ("垃圾清运不及时,气味较大", "市容环境", "区城管执法局(示例)"),
    ("老旧小区缺少休闲座椅", "民生服务", "紫阳街道办事处"),
    ("人行道地砖松动", "城市建设", "区城管执法局(示例)"),
    ("绿化带树木遮挡路灯", "市容环境", "区园林局(示例)"),
    ("夜间广场舞噪音扰民", "社区治理", "社区居委会"),
    ("小区门口流动摊贩占道", "市容环境", "区城管执法局(示例)"),
    ("希望增设电动车充电桩", "治安安全", "紫阳街道办事处"),
    ("公交站台缺少遮雨棚", "交通出行", "区交通大队(示例)"),
    ("老年人就餐不方便,希望办社区食堂", "民生服务", "紫阳街道办事处"),
]

# 72 resident opinions by source, as the report's channels.
SOURCES = (
    [Suggestion.Source.RECEPTION] * 20
    + [Suggestion.Source.WECHAT_EXPRESS] * 18
    + [Suggestion.Source.COMMUNITY_GROUP] * 16
    + [Suggestion.Source.PHONE] * 8
    + [Suggestion.Source.VISIT] * 6
    + [Suggestion.Source.WEB_FORM] * 4
)
RESIDENT_TOTAL = 72
FOLLOWED_UP = 48

DEPUTY_SUGGESTIONS = [
    # (kind, title, category, unit, month)
    (
        "session",
        "关于加快紫阳湖周边老旧小区改造的建议",
        "城市建设",
        "区房管局(示例)",
        1,
    ),
    ("session", "关于改善巡司河水质的建议", "市容环境", "区园林局(示例)", 1),
    ("session", "关于增设社区养老服务站点的建议", "民生服务", "紫阳街道办事处", 1),
    ("session", "关于规范紫阳路停车秩序的建议", "交通出行", "区交通大队(示例)", 1),
    ("session", "关于推进红色物业全覆盖的建议", "社区治理", "区房管局(示例)", 1),
    ("session", "关于完善社区消防设施的建议", "治安安全", "紫阳街道办事处", 1),
    (
        "inter_session",
        "关于彭刘杨路人行道修缮的建议",
        "城市建设",
        "区城管执法局(示例)",
        4,
    ),
    ("inter_session", "关于紫阳湖公园夜间照明的建议", "市容环境", "区园林局(示例)", 6),
    (
        "inter_session",
        "关于增加首义路公交班次的建议",
        "交通出行",
        "区交通大队(示例)",
        8,
    ),
    ("inter_session", "关于社区食堂运营补贴的建议", "民生服务", "紫阳街道办事处", 10),
]

RATINGS = ["satisfied", "satisfied", "basically", "satisfied", "unsatisfied"]
OUTCOMES = ["A", "A", "B", "C", "A", "D"]


def at(month, day, hour=10):
    return datetime.datetime(2018, month, min(day, 28), hour, 0, tzinfo=TZ)


def token(label: str) -> uuid.UUID:
    return uuid.uuid5(NAMESPACE, label)


def load(out) -> None:
    categories = {
        name: Category.objects.update_or_create(name=name, defaults={"ordering": i})[0]
        for i, name in enumerate(CATEGORIES)
    }
    units = {
        name: HandlingUnit.objects.update_or_create(name=name)[0] for name in UNITS
    }
    communities = list(Community.objects.order_by("ordering", "pk"))
    district = list(Deputy.objects.filter(level=Deputy.Level.DISTRICT).order_by("pk"))
    city = (
        Deputy.objects.filter(name="朱某红").first()
        or Deputy.objects.exclude(level=Deputy.Level.DISTRICT).order_by("pk").first()
    )
    if not communities or not district:
        out.write("suggestions: no deputies register, demo skipped")
        return
    with notifications.notifications_muted():
        for index, row in enumerate(DEPUTY_SUGGESTIONS):
            _deputy_suggestion(index, row, categories, units, district)
        for index in range(RESIDENT_TOTAL - 1):
            _resident_opinion(index, categories, units, communities, district)
        _meiyinsi(categories, units, district, city)
    demo_notices.load(out)
    # An item still open: closed ones lose their contact details a year after
    # closing (the scheduled erasure), and with them the digits to track by.
    sample = (
        Suggestion.objects.filter(
            kind=Suggestion.Kind.RESIDENT, personal_data_erased_at__isnull=True
        )
        .exclude(status__in=(Suggestion.Status.CLOSED, Suggestion.Status.REJECTED))
        .exclude(phone_last4="")
        .order_by("received_at", "pk")
        .first()
    )
    if sample:
        out.write(
            f"suggestions: track {sample.tracking_code} with phone digits "
            f"{sample.phone_last4} at /track/"
        )


def _existing(label):
    return Suggestion.objects.filter(submission_token=token(label)).exists()


def _deputy_suggestion(index, row, categories, units, district):
    label = f"deputy-{index}"
    if _existing(label):
        return
    kind, title, category, unit, month = row
    deputy = district[index % len(district)]
    s = intake.suggestion_create(
        suggestion=Suggestion(
            kind=kind,
            congress_session=CONGRESS_SESSION if kind == "session" else "",
            source=Suggestion.Source.DEPUTY,
            community=deputy.community,
            category=categories[category],
            title=title,
            text=f"{title}。(示例内容)",
            raised_by=deputy,
            following_deputy=deputy,
            submission_token=token(label),
        ),
        at=at(month, 10 + index),
    )
    lifecycle.suggestion_accept(
        suggestion=s,
        actor=None,
        handling_unit=units[unit],
        at=at(month, 12 + index),
    )
    replies.suggestion_reply(
        suggestion=s,
        actor=None,
        responder=unit,
        answered_on=at(month + 2, 5 + index).date(),
        channel=Reply.Channel.WRITTEN,
        text="经研究,已纳入年度工作计划并逐步落实。(示例答复)",
        outcome=OUTCOMES[index % len(OUTCOMES)],
        at=at(month + 2, 5 + index),
    )
    if index % 3 != 2:
        lifecycle.suggestion_close(
            suggestion=s, actor=None, at=at(month + 2, 20 + index % 5)
        )


def _resident_opinion(index, categories, units, communities, district):
    """Index 0..70: the first 47 are followed up (the 48th is Meiyinsi)."""
    label = f"resident-{index}"
    if _existing(label):
        return
    title, category, unit = TOPICS[index % len(TOPICS)]
    community = communities[index % len(communities)]
    deputy = district[index % len(district)]
    month = 1 + index % 11
    day = 3 + (index * 7) % 24
    s = intake.suggestion_create(
        suggestion=Suggestion(
            kind=Suggestion.Kind.RESIDENT,
            source=SOURCES[index],
            community=community,
            category=categories[category],
            title=title,
            text=f"{community.name}居民反映:{title}。(示例内容)",
            submitter_name=f"居民{'甲乙丙丁戊己庚辛壬癸'[index % 10]}某某",
            submitter_phone=f"1380000{index:04d}",
            submitter_address=f"{community.name}示例楼栋{index % 9 + 1}号",
            consent=True,
            privacy_notice_version="2018-01",
            raised_by=deputy if SOURCES[index] != Suggestion.Source.WEB_FORM else None,
            following_deputy=deputy,
            submission_token=token(label),
        ),
        at=at(month, day),
    )
    followed = index < FOLLOWED_UP - 1
    if index >= 66:  # left at receipt, or not accepted
        if index >= 69:
            replies.suggestion_reject(
                suggestion=s,
                actor=None,
                responder="紫阳街道办事处",
                answered_on=at(month, day + 3).date(),
                channel=Reply.Channel.PHONE,
                text="该事项属个人民事纠纷,已告知通过人民调解途径解决。(示例)",
                at=at(month, day + 3),
            )
        return
    lifecycle.suggestion_accept(
        suggestion=s, actor=None, handling_unit=units[unit], at=at(month, day + 1)
    )
    if followed:
        following.suggestion_follow_up(
            suggestion=s,
            actor=deputy.user,
            on_behalf_of=deputy,
            note="代表到现场查看并督促承办单位办理。(示例)",
            public=True,
            at=at(month, day + 2),
        )
    if index >= 56:  # still being handled at the end of the year
        if index % 2:
            lifecycle.suggestion_start(suggestion=s, actor=None, at=at(month, day + 3))
        return
    replies.suggestion_reply(
        suggestion=s,
        actor=None,
        responder=unit,
        answered_on=at(month, day + 5).date(),
        channel=[Reply.Channel.PHONE, Reply.Channel.VISIT, Reply.Channel.WRITTEN][
            index % 3
        ],
        text="已安排处理,问题已解决或正在解决中。(示例答复)",
        outcome=OUTCOMES[index % len(OUTCOMES)],
        at=at(month, day + 5),
    )
    if index % 4 == 3:
        return  # answered, not yet rated
    score = RATINGS[index % len(RATINGS)]
    ratings.suggestion_rate(
        suggestion=s,
        score=score,
        comment="" if score != "unsatisfied" else "问题还没有彻底解决。(示例)",
        at=at(month, day + 7),
    )
    if score != "unsatisfied":
        lifecycle.suggestion_close(suggestion=s, actor=None, at=at(month, day + 8))


def _meiyinsi(categories, units, district, city):
    label = "resident-meiyinsi"
    if _existing(label) or city is None:
        return
    community = Community.objects.filter(slug="meiyinsi").first()
    deputy = next(
        (d for d in district if d.community_id == getattr(community, "pk", None)),
        district[0],
    )
    s = intake.suggestion_create(
        suggestion=Suggestion(
            kind=Suggestion.Kind.RESIDENT,
            source=Suggestion.Source.VISIT,
            community=community,
            category=categories["城市建设"],
            title="梅家山立交转盘下道路坑洼不平、大石墩子影响通行",
            text=(
                "梅隐寺社区居民反映:梅家山转盘津水路段道路破损,坑洼不平,"
                "路中大石墩子影响行人及车辆通行,反映了几年未解决。(示例)"
            ),
            submitter_name="居民梅某某",
            submitter_phone="13800009999",
            submitter_address="梅隐寺社区示例楼栋",
            consent=True,
            privacy_notice_version="2018-01",
            raised_by=deputy,
            following_deputy=deputy,
            submission_token=token(label),
        ),
        at=at(5, 8),
    )
    lifecycle.suggestion_accept(
        suggestion=s,
        actor=None,
        handling_unit=units["区城管执法局(示例)"],
        due_date=datetime.date(2018, 9, 30),
        at=at(5, 9),
    )
    following.suggestion_follow_up(
        suggestion=s,
        actor=None,
        note="工委到现场调查核实,情况属实。",
        public=True,
        at=at(5, 10),
    )
    lifecycle.suggestion_start(suggestion=s, actor=None, at=at(5, 11))
    escalation = escalations.escalation_create(
        suggestion=s,
        actor=None,
        city_deputy=city,
        escalated_on=datetime.date(2018, 5, 15),
        request="请市代表帮助协调办理梅家山立交转盘下道路坑洼不平、大石墩子问题。",
        at=at(5, 15),
    )
    for day, text, status in (
        (datetime.date(2018, 6, 20), "区领导沟通协调,市代表积极呼吁督办。", None),
        (datetime.date(2018, 9, 12), "大石墩子已经拆除。", "partly"),
        (datetime.date(2018, 11, 20), "坑洼不平的道路正在修复中。", "partly"),
    ):
        escalations.escalation_follow_up(
            escalation=escalation,
            actor=None,
            on=day,
            text=text,
            status=status,
            at=datetime.datetime.combine(day, datetime.time(10), tzinfo=TZ),
        )
    replies.suggestion_reply(
        suggestion=s,
        actor=None,
        responder="区城管执法局(示例)",
        answered_on=datetime.date(2018, 11, 22),
        channel=Reply.Channel.VISIT,
        text="大石墩子已拆除,坑洼路面正在修复,预计年底前完工。",
        outcome=Suggestion.Outcome.B,
        at=at(11, 22),
    )
