"""The work plan of a synthetic year and the key works under supervision."""

from .vocabulary import PLAN_HEADINGS, PRIORITY_LINES, TOPICS

KEY_WORK_COLUMNS = [
    "id",
    "title",
    "priority_line_id",
    "start_year",
    "end_year",
    "status",
    "is_public",
    "ordering",
]
PLAN_ITEM_COLUMNS = [
    "id",
    "plan_id",
    "heading_id",
    "title",
    "key_work_id",
    "lead",
    "target_date",
    "measure",
    "activity_kind",
    "target_count",
    "match_rule",
    "keyword",
    "ordering",
]


def _write_key_works(ctx) -> None:
    """Priority lines and key works, each tied to one reception session."""
    from workplan.models import KeyWork, PriorityLine

    n, rng, year = ctx.n, ctx.rng, ctx.year
    ctx.w.write(
        PriorityLine,
        ["id", "name", "ordering"],
        ((i, name, i) for i, name in enumerate(PRIORITY_LINES, start=1)),
    )
    ctx.w.write(
        KeyWork,
        KEY_WORK_COLUMNS,
        (
            (
                k,
                f"{TOPICS[k % len(TOPICS)]}重点工作(模拟){k}",
                (k - 1) % len(PRIORITY_LINES) + 1,
                year - 1,
                year + 1,
                "in_progress",
                True,
                k,
            )
            for k in range(1, n["key_works"] + 1)
        ),
    )
    ctx.w.write(
        KeyWork.sessions.through,
        ["id", "keywork_id", "receptionsession_id"],
        (
            (k, k, rng.randrange(1, n["sessions"] + 1))
            for k in range(1, n["key_works"] + 1)
        ),
    )


def _plan_item(ctx, p: int, kinds_cycle) -> tuple:
    """Plan item ``p``, with a target near what the year holds."""
    n, rng = ctx.n, ctx.rng
    measure = (
        "activities" if p % 4 else rng.choice(["sessions", "duty_reports", "articles"])
    )
    kind = kinds_cycle[p % len(kinds_cycle)] if measure == "activities" else ""
    # Targets near what the year holds: some items done, some not.
    expected = n["activities"][kind] if kind else n[measure]
    return (
        p,
        1,
        rng.randrange(1, len(PLAN_HEADINGS) + 1),
        f"计划事项(模拟){p}",
        (p - 1) % n["key_works"] + 1,
        "街人大工委",
        ctx.day(),
        measure,
        kind,
        min(32_767, max(1, round(expected * rng.uniform(0.7, 1.2)))),
        True,
        "",
        p,
    )


def write_workplan(ctx) -> None:
    """Key works, the plan's headings, the plan of the year and its items."""
    from workplan.models import PlanHeading, PlanItem, WorkPlan

    _write_key_works(ctx)
    ctx.w.write(
        PlanHeading,
        ["id", "name", "report_part", "ordering"],
        ((i, name, part, i) for i, (name, part) in enumerate(PLAN_HEADINGS, start=1)),
    )
    ctx.w.write(
        WorkPlan,
        ["id", "year", "introduction"],
        [(1, ctx.year, "本年度工作计划(模拟)。")],
    )
    kinds_cycle = list(ctx.n["activities"])
    plan_rows = [
        _plan_item(ctx, p, kinds_cycle) for p in range(1, ctx.n["plan_items"] + 1)
    ]
    ctx.w.write(PlanItem, PLAN_ITEM_COLUMNS, plan_rows)
