"""Estimators for heterogeneous ads-per-person frequencies, checked on simulated tables with a known total.

Each scenario draws a few hundred frequency tables from a population of known size N and checks
the coverage and bias the estimators' intervals were chosen for (docs/estimates.md):
- plain Poisson counts: every estimator is consistent and its interval covers N;
- one-inflation (some persons seen once for a reason other than chance, like a person whose
  ad a linkage error split off): Chao's bound overshoots, the f2/f3 bound does not;
- gamma-mixed Poisson (persons posting at very different rates): Chao's bound falls short,
  iChao1 less so, and the bracket of the two bounds covers N.
"""

import numpy as np
import pytest

from adcount.estimate import frequency
from adcount.estimate.heterogeneity import (bracket, chao_one_inflation, ichao, ichao_unseen,
                                            multinomial_delta_variance, one_inflation_unseen)

N = 400
SIMULATIONS = 300
ESTIMATORS = {
    "chao": lambda f: frequency.chao(f, 0.95),
    "chao-f2f3": lambda f: chao_one_inflation(f, 0.95),
    "ichao": lambda f: ichao(f, 0.95),
    "bracket": lambda f: bracket(f, 0.95),
}


def _table(counts: np.ndarray) -> np.ndarray:
    return np.bincount(counts[counts > 0])[1:].astype(float)


def _poisson(rng):
    return _table(rng.poisson(1.5, N))


def _one_inflated(rng):
    counts = rng.poisson(1.5, N)
    return _table(np.where(rng.random(N) < 0.15, 1, counts))


def _gamma_mixed(rng):
    return _table(rng.poisson(rng.gamma(2.0, 0.75, N)))


def _simulate(scenario) -> dict[str, np.ndarray]:
    """(point, low, high) per simulated table, per estimator."""
    rng = np.random.default_rng(20240611)
    tables = [scenario(rng) for _ in range(SIMULATIONS)]
    return {name: np.array([[e.point, e.low, e.high] for e in map(fit, tables)]) for name, fit in ESTIMATORS.items()}


def _coverage(fits: np.ndarray) -> float:
    return float(np.mean((fits[:, 1] <= N) & (N <= fits[:, 2])))


def _bias(fits: np.ndarray) -> float:
    return float(np.mean(fits[:, 0]) / N - 1)


@pytest.fixture(scope="module")
def poisson_fits():
    return _simulate(_poisson)


def test_formulas_on_a_hand_computed_table():
    freq = np.array([20.0, 10.0, 6.0, 3.0])
    # Chao: 20^2 / (2 * 10) = 20; iChao1 adds 6 / (4 * 3) * (20 - 10 * 6 / (2 * 3)) = 0.5 * 10
    assert ichao_unseen(freq) == pytest.approx(25.0)
    assert one_inflation_unseen(freq) == pytest.approx(2 * 1000 / (9 * 36))
    assert ichao(freq, 0.95).point == pytest.approx(39 + 25.0)
    # when f1 is small the iChao1 correction is zero and it is Chao's bound
    assert ichao_unseen(np.array([5.0, 10.0, 6.0, 3.0])) == pytest.approx(25 / 20)


def test_one_inflation_bound_ignores_singletons_and_needs_f3():
    freq = np.array([20.0, 10.0, 6.0, 3.0])
    more_singletons = freq + np.array([200.0, 0, 0, 0])
    assert one_inflation_unseen(more_singletons) == pytest.approx(one_inflation_unseen(freq))
    with pytest.raises(ValueError, match="f3 > 0"):
        chao_one_inflation(np.array([30.0, 8.0]), 0.95)


@pytest.mark.parametrize("name", list(ESTIMATORS))
def test_every_estimator_covers_a_poisson_total(poisson_fits, name):
    fits = poisson_fits[name]
    assert (fits[:, 1] <= fits[:, 0]).all() and (fits[:, 0] <= fits[:, 2]).all()
    assert _coverage(fits) >= 0.88
    assert abs(_bias(fits)) < 0.04


def test_delta_method_standard_error_matches_the_spread(poisson_fits):
    rng = np.random.default_rng(5)
    predicted = np.median([np.sqrt(multinomial_delta_variance(_poisson(rng), one_inflation_unseen))
                           for _ in range(100)])
    observed = poisson_fits["chao-f2f3"][:, 0].std()
    assert predicted == pytest.approx(observed, rel=0.2)


def test_one_inflation_breaks_chao_not_the_f2_f3_bound():
    fits = _simulate(_one_inflated)
    assert _coverage(fits["chao"]) < 0.2 and _bias(fits["chao"]) > 0.15
    assert _coverage(fits["chao-f2f3"]) >= 0.9 and abs(_bias(fits["chao-f2f3"])) < 0.05
    assert _coverage(fits["bracket"]) >= 0.9


def test_heterogeneity_is_bracketed():
    fits = _simulate(_gamma_mixed)
    # both are lower bounds under a mixed Poisson; iChao1 is the sharper one
    assert _bias(fits["chao"]) < 0 and _bias(fits["chao-f2f3"]) < 0
    assert _bias(fits["chao"]) < _bias(fits["ichao"]) < 0.02
    assert _coverage(fits["chao"]) < 0.8 <= _coverage(fits["ichao"])
    assert _coverage(fits["bracket"]) >= 0.9
