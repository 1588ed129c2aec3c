"""Rates, intervals and funnel limits, checked against values worked out by hand."""

from __future__ import annotations

import pytest

from vblint.aggregate import Z95, Z998, Aggregate, funnel_limits, month_of, wilson
from vblint.model import Finding, Severity

HIT = [Finding("VB101", "puts-self-at-risk", "responsibility-shifting", Severity.ERROR, "m", "t", 0, 1, 1, 1)]


def test_wilson_interval_matches_the_textbook_value() -> None:
    # 10 of 100: p = 0.1; centre = (0.1 + z²/200) / (1 + z²/100) = 0.11480; half-width = 0.05957.
    low, high = wilson(10, 100)
    assert low == pytest.approx(0.05523, abs=5e-5)
    assert high == pytest.approx(0.17437, abs=5e-5)


def test_wilson_interval_at_the_edges() -> None:
    assert wilson(0, 0) == (0.0, 0.0)
    low, high = wilson(0, 10)
    assert low == 0.0 and high == pytest.approx(0.27753, abs=5e-5)  # z²/(n + z²) = 3.8415 / 13.8415
    low, high = wilson(10, 10)
    assert high == pytest.approx(1.0) and low == pytest.approx(0.72247, abs=5e-5)


def test_funnel_limits_by_hand() -> None:
    # p = 0.2, n = 100: standard error 0.04.
    assert funnel_limits(0.2, 100, Z95) == pytest.approx((0.2 - 1.959964 * 0.04, 0.2 + 1.959964 * 0.04))
    assert funnel_limits(0.2, 100, Z998) == pytest.approx((0.2 - 3.090232 * 0.04, 0.2 + 3.090232 * 0.04))
    assert funnel_limits(0.01, 4, Z998)[0] == 0.0  # clipped at zero


def test_funnel_status_separates_a_real_outlier_from_a_small_noisy_team() -> None:
    agg = Aggregate()
    for i in range(1000):  # a big team at 10%
        agg.add("Big", "", "", "", 10, HIT if i % 10 == 0 else [])
    for i in range(10):  # a small team at 30%: high, but 3 of 10 is within noise
        agg.add("Small", "", "", "", 10, HIT if i < 3 else [])
    for i in range(400):  # a larger team at 25%: a real outlier
        agg.add("Worse", "", "", "", 10, HIT if i % 4 == 0 else [])
    assert agg.funnel_status("Small") == "within"
    assert agg.funnel_status("Worse") == "above 99.8%"
    assert agg.funnel_status("Big").startswith(("below", "within"))


@pytest.mark.parametrize(("date", "month"), [("2026-03-14", "2026-03"), ("2026-03-14T10:22:00", "2026-03"),
                                              ("14/03/2026 10:22", "2026-03"), ("4.11.2025", "2025-11"),
                                              ("yesterday", ""), ("2026-13-01", "")])
def test_month_of_reads_common_export_dates(date: str, month: str) -> None:
    assert month_of(date) == month
