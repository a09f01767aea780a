"""The public contract of DESIGN.md: every exported name resolves and has the promised shape."""

import inspect

import pytest

import adcount


@pytest.mark.parametrize("name", sorted(set(adcount.__all__) - {"__version__"}))
def test_every_export_resolves_and_is_documented(name):
    value = getattr(adcount, name)
    assert inspect.getdoc(value), f"adcount.{name} has no docstring"


def test_contract_signatures():
    assert list(inspect.signature(adcount.load_ads).parameters)[:2] == ["source", "image_root"]
    assert inspect.signature(adcount.extract_phones).parameters["region"].default == "FR"
    minhash = inspect.signature(adcount.minhash).parameters
    assert minhash["num_perm"].default == 128 and minhash["seed"].default == 1
    assert inspect.signature(adcount.lsh_pairs).parameters["threshold"].default == 0.5
    cr = inspect.signature(adcount.capture_recapture).parameters
    assert (cr["method"].default, cr["criterion"].default, cr["max_order"].default) == ("loglinear", "bic", 2)
    synth = inspect.signature(adcount.synth.generate).parameters
    assert (synth["preset"].default, synth["seed"].default, synth["out_dir"].default) == (
        "pas-de-calais-2018", 0, None)
    assert {"point", "low", "high", "level", "method", "details"} <= set(adcount.Estimate.__dataclass_fields__)


def test_unknown_attribute_is_an_attribute_error():
    with pytest.raises(AttributeError, match="no attribute 'dedup'"):
        getattr(adcount, "dedup")
