"""How many records of each register a scale makes, after the 2018 demo year."""

import argparse
import math

DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/ziyang_bench"
SCALES = {"1k": 1_000, "10k": 10_000, "100k": 100_000, "1m": 1_000_000}
SEED = 2018
BENCH_PASSWORD = "ziyang-bench-only"  # bench databases only; see bench/README.md

# The 2018 demo year, per 82 suggestions (counted after manage.py load_demo).
DEMO_SUGGESTIONS = 82
DEMO = {
    "communities": 9,
    "constituencies": 5,
    "deputies": 15,
    "city_deputies": 2,
    "sessions": 5,
    "issues_per_session": 21 / 5,
    "counted_activities": {  # kind: number, linear
        "study": 3,
        "inspection": 1,
        "activity_day": 1,
        "briefing": 11,
    },
    "named_activities": {  # kind: number, square root
        "training": 3,
        "symposium": 4,
        "poverty_visit": 3,
        "law_inspection": 1,
    },
    "attendance_per_activity": 289 / 27,
    "duty_reports": 7,
    "articles": 22,
    "submissions_per_article": 45 / 22,
    "delegation_visits": 4,
    "by_elections": 1,
    "escalations": 1,
    "key_works": 8,
    "plan_items": 13,
}


def parse_scale(text: str) -> int:
    text = str(text).strip().lower()
    if text in SCALES:
        return SCALES[text]
    if text.endswith("k") and text[:-1].isdigit():
        return int(text[:-1]) * 1_000
    if text.endswith("m") and text[:-1].isdigit():
        return int(text[:-1]) * 1_000_000
    if text.isdigit() and int(text) > 0:
        return int(text)
    raise argparse.ArgumentTypeError(
        f"scale must be 1k, 10k, 100k, 1m or a number of suggestions, not {text!r}"
    )


def plan_counts(scale: int) -> dict:
    """How many of each record a scale makes (before randomness)."""
    linear = scale / DEMO_SUGGESTIONS
    root = max(1.0, math.sqrt(linear))

    def lin(n):
        return max(1, round(n * linear))

    def sq(n):
        return max(n, round(n * root))

    communities = sq(DEMO["communities"])
    return {
        "suggestions": scale,
        "communities": communities,
        "constituencies": sq(DEMO["constituencies"]),
        "deputies": sq(DEMO["deputies"]),
        "city_deputies": sq(DEMO["city_deputies"]),
        "stations": communities + 1,
        "sessions": lin(DEMO["sessions"]),
        "activities": {
            **{k: lin(n) for k, n in DEMO["counted_activities"].items()},
            **{k: sq(n) for k, n in DEMO["named_activities"].items()},
        },
        "duty_reports": lin(DEMO["duty_reports"]),
        "articles": lin(DEMO["articles"]),
        "delegation_visits": sq(DEMO["delegation_visits"]),
        "by_elections": sq(DEMO["by_elections"]),
        "escalations": sq(DEMO["escalations"]),
        "key_works": sq(DEMO["key_works"]),
        "plan_items": sq(DEMO["plan_items"]),
    }
