"""Pseudonymisation: key resolution order, stable keyed tokens, and no contact in any message."""

from __future__ import annotations

import os
import stat
import warnings

import pytest

from adcount.privacy import EphemeralKeyWarning, KEY_ENV, KEY_FILE, pseudonymize, pseudonymize_lists, resolve_key

KEY = b"k" * 32


def test_tokens_are_stable_short_prefixed_and_keyed():
    phones = ["+33612345678", "+33781556214", "+33612345678"]
    tokens = pseudonymize(phones, KEY, "ph")
    assert tokens[0] == tokens[2] != tokens[1]
    assert all(t.startswith("ph_") and len(t) == 19 for t in tokens)
    assert pseudonymize(phones, KEY, "phone") == tokens
    assert pseudonymize(phones, b"x" * 32, "ph") != tokens
    assert "612345678" not in "".join(tokens)


def test_kinds_have_prefixes_and_are_domain_separated():
    value = ["lea59"]
    em, hd = pseudonymize(value, KEY, "em")[0], pseudonymize(value, KEY, "hd")[0]
    assert em.startswith("em_") and hd.startswith("hd_")
    assert em[3:] != hd[3:]


def test_explicit_key_wins_over_environment(monkeypatch, tmp_path):
    monkeypatch.setenv(KEY_ENV, "environment-key-0123456789")
    assert resolve_key(KEY, out_dir=tmp_path) == KEY
    assert resolve_key(None, out_dir=tmp_path) == b"environment-key-0123456789"
    assert not (tmp_path / KEY_FILE).exists()


def test_key_file_is_created_once_private_and_reused(monkeypatch, tmp_path):
    monkeypatch.delenv(KEY_ENV, raising=False)
    out = tmp_path / "run"
    first = resolve_key(out_dir=out)
    path = out / KEY_FILE
    assert path.exists()
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    assert resolve_key(out_dir=out) == first
    assert len(first) == 32
    other = resolve_key(out_dir=tmp_path / "other")
    assert other != first


def test_no_key_and_no_directory_gives_ephemeral_key_with_warning(monkeypatch):
    monkeypatch.delenv(KEY_ENV, raising=False)
    with pytest.warns(EphemeralKeyWarning):
        first = resolve_key()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", EphemeralKeyWarning)
        assert resolve_key() != first


def test_bad_keys_and_values_fail_without_revealing_them(monkeypatch, tmp_path):
    monkeypatch.delenv(KEY_ENV, raising=False)
    with pytest.raises(ValueError, match="too short") as info:
        resolve_key("secret")
    assert "secret" not in str(info.value)
    (tmp_path / KEY_FILE).write_text("not hex at all +33612345678\n")
    with pytest.raises(ValueError, match="not a hex-encoded key") as info:
        resolve_key(out_dir=tmp_path)
    assert "33612345678" not in str(info.value)
    with pytest.raises(TypeError, match="position 1") as info:
        pseudonymize(["+33612345678", 612345678], KEY, "ph")  # type: ignore[list-item]
    assert "612345678" not in str(info.value)
    with pytest.raises(ValueError, match="unknown contact kind"):
        pseudonymize(["x"], KEY, "fax")


def test_list_columns_keep_shape_and_match_single_values():
    rows = [["+33612345678", "+33781556214"], [], ["+33612345678"]]
    tokens = pseudonymize_lists(rows, KEY, "ph")
    assert [len(r) for r in tokens] == [2, 0, 1]
    assert tokens[0][0] == tokens[2][0] == pseudonymize(["+33612345678"], KEY, "ph")[0]
    assert tokens[0][1] != tokens[0][0]


def test_extracted_contacts_end_to_end_leave_no_raw_value():
    from adcount.contacts.batch import extract_contacts

    ads = ["Léa 06 12 34 56 78 lea.douce (at) gmail (dot) com snap: lea.59", "rien ici"]
    phones, emails, handles = zip(*extract_contacts(ads))
    out = [pseudonymize_lists(list(col), KEY, kind) for col, kind in ((phones, "ph"), (emails, "em"), (handles, "hd"))]
    text = repr(out)
    for raw in ("612345678", "lea.douce", "gmail", "lea.59"):
        assert raw not in text
    assert out[0][0][0].startswith("ph_") and out[1][0][0].startswith("em_") and out[2][0][0].startswith("hd_")
