"""The comparison with django-helpdesk: which page meets which, and the factor."""

import pytest

from bench.peer import PEER_PAGES, combined_rps, comparison_rows


def test_pages_loaded_together_share_one_rate():
    # A list shell at 80/s and its data at 20/s: a browser gets 16 lists a second.
    assert combined_rps(80, 20) == pytest.approx(16)
    assert combined_rps(50) == 50
    assert combined_rps(80, 0) == 0


def test_each_portal_page_is_set_against_its_peer_pages():
    ours = [
        {"page": "suggest form", "rps": 600, "hello_rps": 2000},
        {"page": "admin suggestions", "rps": 60, "hello_rps": 1800},
        {"page": "tracking result", "rps": 300, "hello_rps": 2200},
    ]
    peers = [
        {"page": p["name"], "vs": p["vs"], "rps": rps}
        for p, rps in zip(PEER_PAGES, [2500, 150, 100, 80, 20], strict=True)
    ]
    rows = {row["page"]: row for row in comparison_rows(ours, peers)}
    assert rows["suggest form"]["factor"] == pytest.approx(4)
    assert rows["tracking result"]["factor"] == pytest.approx(3)
    assert rows["admin suggestions"]["peer_rps"] == pytest.approx(16)
    assert rows["admin suggestions"]["factor"] == pytest.approx(60 / 16)
    # Hello: the median of the portal's hello runs against the peer's.
    assert rows["hello"]["rps"] == 2000
    assert rows["hello"]["factor"] == pytest.approx(0.8)
    assert rows["hello"]["target"] == 0.7
    assert {r["target"] for p, r in rows.items() if p != "hello"} == {3.0}


def test_a_peer_page_that_never_answered_has_no_factor():
    ours = [{"page": "admin suggestions", "rps": 11, "hello_rps": 900}]
    peers = [
        {"page": "peer list page", "vs": "admin suggestions", "rps": 39},
        {"page": "peer list data", "vs": "admin suggestions", "rps": 0},
    ]
    (row,) = [r for r in comparison_rows(ours, peers) if r["page"] != "hello"]
    assert row["peer_rps"] == 0 and row["factor"] is None and row["ok"]
