"""This app's part of the 2018 demo year （see core/demo.py）.

The key works of 2018 are those the 2018 report names， each linked to the
symposium that discussed it and to the sessions， suggestions and articles about
it； the 2019 plan is section 三 of that report， item by item.
"""

import datetime

from django.db.models import Q

from deputies.models import Deputy, DutyActivity
from publicity.models import Article
from reception.models import ReceptionSession
from suggestions.models import Suggestion

from .models import KeyWork, PlanHeading, PlanItem, PriorityLine, WorkPlan

K = DutyActivity.Kind
M = PlanItem.Measure
PART = PlanHeading.ReportPart

PRIORITY_LINES = ["拼搏赶超线", "长江主轴线", "平安靓丽线", "民生幸福线"]

# (title, priority line, symposium topic, words that mark a record about it,
#  description)
KEY_WORKS_2018 = [
    (
        "红色物业",
        "民生幸福线",
        "红色物业",
        ["红色物业"],
        "推动党建引领的“红色物业”进入无物业老旧小区，改善居民居住环境。",
    ),
    (
        "幸福驿站",
        "民生幸福线",
        "幸福驿站",
        ["幸福驿站"],
        "建设社区“幸福驿站”，为居民提供就近的便民服务。",
    ),
    (
        "“大湖+”",
        "长江主轴线",
        "“大湖+”",
        ["大湖+"],
        "围绕“大湖+”工作，推动湖泊周边环境与功能提升。",
    ),
    (
        "“双评议”",
        "拼搏赶超线",
        "“双评议”",
        ["双评议"],
        "组织代表参与“双评议”，评议相关部门工作和作风。",
    ),
    (
        "巡司河综合治理",
        "长江主轴线",
        "巡司河综合治理",
        ["巡司河"],
        "监督巡司河水环境综合治理和沿线环境整治。",
    ),
    (
        "紫阳湖水质提升",
        "平安靓丽线",
        "紫阳湖水质提升",
        ["紫阳湖水质", "紫阳湖部分水面"],
        "监督紫阳湖水质提升工程，回应居民对水体异味的关切。",
    ),
]

# (title, priority line, description)
KEY_WORKS_2019 = [
    (
        "三旧改造（明伦片）",
        "拼搏赶超线",
        "配合区人大相关专（工）委做好三旧改造的跟踪监督，推动明伦片等旧改项目顺利实施。",
    ),
    (
        "城管精细化管理（服务七军会）",
        "平安靓丽线",
        "参与区人大组织的城管精细化管理工作调研，助力第七届世界军人运动会顺利进行。",
    ),
]

# (name, part of the report, display order)
HEADINGS = [
    ("政治理论学习", PART.TRAINING, 10),
    ("学习培训", PART.TRAINING, 20),
    ("监督", PART.SPECIAL, 30),
    ("代表活动", PART.SPECIAL, 40),
    ("自身建设", PART.PLATFORM, 50),
]

INTRODUCTION_2019 = (
    "2019年，人大紫阳街工委将在完成区人大要求的常规任务的同时，结合实际，创新方法，"
    "加强对代表学习培训、重点项目、民生工程等领域的监督，提高监督实效。"
)

LEAD = "街人大工委"

# (heading, title, description, key work, target date, measure, kind, target,
#  keyword, deputies taking part). Every item counts matching records of 2019
#  automatically, except the last, whose records are linked by hand.
PLAN_2019 = [
    (
        "政治理论学习",
        "学习习近平总书记关于坚持和完善人民代表大会制度的重要思想",
        "组织代表学习习近平总书记关于坚持和完善人民代表大会制度的重要思想，"
        "作为首要任务和看家本领，从讲政治的高度增强学习贯彻的自觉性、主动性。",
        None,
        datetime.date(2019, 6, 30),
        M.ACTIVITIES,
        K.STUDY,
        1,
        "人民代表大会制度",
        [],
    ),
    (
        "政治理论学习",
        "专题学习习近平总书记在庆祝改革开放40周年大会上的重要讲话精神",
        "组织代表开展习近平总书记在庆祝改革开放40周年大会上重要讲话精神的专题学习，"
        "引导代表增强“四个意识”，坚定“四个自信”，切实提高政治站位。",
        None,
        datetime.date(2019, 3, 31),
        M.ACTIVITIES,
        K.STUDY,
        1,
        "改革开放",
        [],
    ),
    (
        "学习培训",
        "参加区人大组织的学习培训和考察学习",
        "采取举行报告会、召开座谈会、积极参加区人大组织的各类学习培训、视察检查调研、"
        "政情通报会等多种活动，使代表了解和掌握有关的法律法规及政策知识。",
        None,
        datetime.date(2019, 11, 30),
        M.ACTIVITIES,
        K.TRAINING,
        2,
        "",
        [],
    ),
    (
        "学习培训",
        "组织代表开展履职工作经验交流",
        "从人大工作实际出发，规范履职的内容、形式和程序，组织人大代表开展工作经验交流，"
        "切实把督办能力转化为履职实效。",
        None,
        datetime.date(2019, 10, 31),
        M.ACTIVITIES,
        K.SYMPOSIUM,
        1,
        "经验交流",
        [],
    ),
    (
        "监督",
        "三旧改造跟踪监督（明伦片旧改项目）",
        "积极配合区人大相关专（工）委做好三旧改造的跟踪监督，推动辖区明伦片等旧改项目的"
        "顺利实施。",
        "三旧改造（明伦片）",
        datetime.date(2019, 10, 31),
        M.ACTIVITIES,
        K.INSPECTION,
        2,
        "明伦",
        ["张某华", "陈某军"],
    ),
    (
        "监督",
        "调研城管精细化管理工作，助力七军会",
        "参与区人大组织的调研城管精细化管理工作，助力七军会顺利进行。",
        "城管精细化管理（服务七军会）",
        datetime.date(2019, 9, 30),
        M.ACTIVITIES,
        K.INSPECTION,
        1,
        "城管",
        ["李某明", "杨某强"],
    ),
    (
        "监督",
        "《消费者权益保护法》执法检查",
        "配合区人大联合开展《消费者权益保护法》执法检查，提出意见建议，促进法律在基层"
        "得到贯彻落实。",
        None,
        datetime.date(2019, 12, 31),
        M.ACTIVITIES,
        K.LAW_INSPECTION,
        1,
        "消费者权益保护法",
        ["张某华", "吴某娟"],
    ),
    (
        "监督",
        "《档案法》执法检查",
        "配合区人大联合开展《档案法》执法检查，提出意见建议。",
        None,
        datetime.date(2019, 12, 31),
        M.ACTIVITIES,
        K.LAW_INSPECTION,
        1,
        "档案法",
        ["李某明", "刘某芳"],
    ),
    (
        "监督",
        "《道路交通安全法》执法检查",
        "配合区人大联合开展《道路交通安全法》执法检查，提出意见建议。",
        None,
        datetime.date(2019, 12, 31),
        M.ACTIVITIES,
        K.LAW_INSPECTION,
        1,
        "道路交通安全法",
        ["胡某伟", "周某斌"],
    ),
    (
        "代表活动",
        "组织开展“代表统一活动日”",
        "继续组织开展好“代表统一活动日”，倾听辖区群众诉求，推动解决群众最急、最忧、"
        "最盼的问题。",
        None,
        datetime.date(2019, 12, 31),
        M.ACTIVITIES,
        K.ACTIVITY_DAY,
        4,
        "",
        ["张某华", "李某明"],
    ),
    (
        "代表活动",
        "组织代表述职",
        "按照区人大常委会的要求，继续组织代表回原选区述职，增进与人民群众的感情。",
        None,
        datetime.date(2019, 9, 30),
        M.DUTY_REPORTS,
        "",
        5,
        "",
        ["张某华"],
    ),
    (
        "代表活动",
        "深入社区（选区）调研，提出微改造方案建议",
        "组织人大代表深入各社区（选区）实地调研，提出适合不同社区发展的微改造方案建议。",
        None,
        datetime.date(2019, 11, 30),
        M.ACTIVITIES,
        K.INSPECTION,
        1,
        "微改造",
        [],
    ),
    (
        "自身建设",
        "完善工作机制，健全工作制度",
        "提高政治站位，不断完善工作机制，健全工作制度，探索新方法，提高调研和督促落实的"
        "能力和水平。",
        None,
        datetime.date(2019, 12, 31),
        M.LINKED,
        "",
        1,
        "",
        [],
    ),
]


def load(out) -> None:
    lines = {}
    for order, name in enumerate(PRIORITY_LINES):
        lines[name], _ = PriorityLine.objects.update_or_create(
            name=name, defaults={"ordering": order}
        )
    _key_works_2018(lines)
    key_works_2019 = {}
    for order, (title, line, description) in enumerate(KEY_WORKS_2019):
        key_works_2019[title], _ = KeyWork.objects.update_or_create(
            title=title,
            start_year=2019,
            defaults={
                "end_year": 2019,
                "priority_line": lines[line],
                "description": description,
                "status": KeyWork.Status.PLANNED,
                "ordering": order,
            },
        )
    _plan_2019(key_works_2019)


def _mentions(words, *fields) -> Q:
    query = Q()
    for word in words:
        for field_name in fields:
            query |= Q(**{f"{field_name}__contains": word})
    return query


def _key_works_2018(lines) -> None:
    symposiums = list(DutyActivity.objects.in_year(2018).of_kind(K.SYMPOSIUM))
    for order, (title, line, topic, words, description) in enumerate(KEY_WORKS_2018):
        key_work, _ = KeyWork.objects.update_or_create(
            title=title,
            start_year=2018,
            defaults={
                "end_year": 2018,
                "priority_line": lines[line],
                "description": description,
                "status": KeyWork.Status.COMPLETED,
                "ordering": order,
            },
        )
        key_work.activities.set(a for a in symposiums if topic in a.topic_list())
        key_work.sessions.set(
            ReceptionSession.objects.in_year(2018)
            .filter(_mentions(words, "summary", "issues__text"))
            .distinct()
        )
        key_work.suggestions.set(
            Suggestion.objects.in_year(2018)
            .filter(_mentions(words, "title", "text"))
            .distinct()
        )
        key_work.articles.set(
            Article.objects.in_year(2018).filter(_mentions(words, "title", "summary"))
        )


def _plan_2019(key_works) -> None:
    plan, _ = WorkPlan.objects.update_or_create(
        year=2019, defaults={"introduction": INTRODUCTION_2019}
    )
    headings = {}
    for name, part, order in HEADINGS:
        headings[name], _ = PlanHeading.objects.update_or_create(
            name=name, defaults={"report_part": part, "ordering": order}
        )
    deputies = {d.name: d for d in Deputy.objects.all()}
    for order, row in enumerate(PLAN_2019):
        heading, title, description, key_work, date, measure = row[:6]
        kind, target, keyword, names = row[6:]
        item, _ = PlanItem.objects.update_or_create(
            plan=plan,
            title=title,
            defaults={
                "heading": headings[heading],
                "description": description,
                "key_work": key_works.get(key_work),
                "lead": LEAD,
                "target_date": date,
                "measure": measure,
                "activity_kind": kind,
                "target_count": target,
                "match_rule": measure != M.LINKED,
                "keyword": keyword,
                "ordering": order,
            },
        )
        item.deputies.set(deputies[name] for name in names if name in deputies)
