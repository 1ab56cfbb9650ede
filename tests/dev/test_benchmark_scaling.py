"""The scaling benchmark's slope check (benchmarks/scaling.py) reads growth correctly, and each
curve's workload runs (at a tiny size; the timings themselves live in `lmac bench`, not here)."""
import pytest

from lmac.benchmarks import scaling


def test_slope_reads_linear_and_quadratic_growth():
    sizes = [100, 200, 400, 800]
    assert scaling._slope(sizes, [3.0 * n for n in sizes]) == pytest.approx(1.0)
    assert scaling._slope(sizes, [0.01 * n * n for n in sizes]) == pytest.approx(2.0)
    assert scaling._slope(sizes, [5.0 for _ in sizes]) == pytest.approx(0.0)


@pytest.mark.parametrize("name,fn", [(name, fn) for name, fn, _ in scaling.CURVES])
def test_each_curve_workload_runs(name, fn):
    assert fn(4) >= 0.0
