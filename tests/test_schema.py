"""Loading ads: formats, aliases, encodings, and the promise that every row lands somewhere."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pyarrow as pa
import pytest

import adcount
from adcount.load.io import InputError
from adcount.load.schema import SchemaError

HEADER = "id,description,telephone,date,age,photos,ville,site"
ROWS = [
    'a1,"Léa 24 ans, douce et coquine à Arras, appelle-moi",06 12 34 56 78,2018-09-21,24,img/a.jpg|img/b.jpg,Arras,vivastreet',
    'a2,"Nadia, nouvelle à Lens",,21/09/2018,vingt,,Lens,wannonce',
    'a1,"Même identifiant qu\'une autre annonce",,,,,,',
    ',"Annonce sans identifiant",,,,,,',
    'a3,"Date illisible",,pas une date,,,,',
    'a4,"Photo hors du dossier",,,,../../etc/passwd,,',
    'a5,"",,,,,,',
    'a6,"Photo en ligne seulement",,2018-10-01 14:05,30 ans,https://example.org/a.jpg,Calais,',
    'a7,"Âge absurde",,,7,,,',
]


def write(path, lines, encoding="utf-8"):
    path.write_bytes(("\n".join(lines) + "\n").encode(encoding))
    return path


@pytest.fixture
def messy_csv(tmp_path):
    (tmp_path / "img").mkdir()
    return write(tmp_path / "ads.csv", [HEADER, *ROWS])


def test_every_row_lands_in_table_or_rejects(messy_csv, tmp_path):
    ads = adcount.load_ads(messy_csv, image_root=tmp_path)
    assert sorted(ads.table["source_row"].tolist() + ads.rejects["row"].tolist()) == list(range(len(ROWS)))
    assert ads.table["ad_id"].tolist() == ["a1", "a4", "a6"]


def test_each_reject_reason(messy_csv, tmp_path):
    ads = adcount.load_ads(messy_csv, image_root=tmp_path)
    reasons = dict(zip(ads.rejects["row"], ads.rejects["reason"]))
    assert reasons[1].startswith("age is not a number")
    assert reasons[2] == "duplicate ad_id (first seen at row 0)"
    assert reasons[3] == "empty ad_id"
    assert reasons[4] == "unparsable posted_at (or outside 1990-2100)"
    assert 5 not in reasons  # its photo leaves the image folder: the photo is dropped, the ad kept
    assert reasons[6] == "no text, title, phone or usable image"
    assert reasons[8].startswith("age is not a number")


def test_canonical_values(messy_csv, tmp_path):
    table = adcount.load_ads(messy_csv, image_root=tmp_path).table
    first = table.iloc[0]
    assert first["images"] == ["img/a.jpg", "img/b.jpg"]
    assert first["phones"] == ["06 12 34 56 78"]
    assert first["posted_at"] == pd.Timestamp("2018-09-21")
    assert first["city"] == "Arras" and first["site"] == "vivastreet" and first["age"] == 24
    last = table.iloc[2]
    assert last["images"] == [] and last["image_urls"] == ["https://example.org/a.jpg"]
    assert last["age"] == 30 and last["posted_at"] == pd.Timestamp("2018-10-01 14:05")


def test_unusable_photo_references_are_flagged_and_their_ads_kept(messy_csv, tmp_path):
    ads = adcount.load_ads(messy_csv, image_root=tmp_path)
    flags = ads.flags.set_index("ad_id")
    assert flags.loc["a4", "value"] == "../../etc/passwd" and "leaves image_root" in flags.loc["a4", "reason"]
    assert flags.loc["a6", "value"] == "https://example.org/a.jpg" and "not fetched" in flags.loc["a6", "reason"]
    assert ads.table.set_index("ad_id").loc["a4", "images"] == []


def test_text_over_one_megabyte_is_rejected(tmp_path):
    frame = pd.DataFrame({"ad_id": ["big", "ok"], "text": ["é" * 600_000, "petite annonce"]})
    ads = adcount.load_ads(frame)
    assert ads.rejects["reason"].tolist() == ["text longer than 1 MB"]
    assert ads.table["ad_id"].tolist() == ["ok"]


def test_missing_ad_id_names_aliases():
    with pytest.raises(SchemaError, match=r"missing required column 'ad_id' \(accepted aliases: id, ad"):
        adcount.load_ads(pd.DataFrame({"text": ["x"]}))


def test_missing_content_column():
    with pytest.raises(SchemaError, match="no content column"):
        adcount.load_ads(pd.DataFrame({"ad_id": ["1"], "city": ["Arras"]}))


def test_two_columns_for_one_meaning():
    with pytest.raises(SchemaError, match="both mean 'text'"):
        adcount.load_ads(pd.DataFrame({"ad_id": ["1"], "text": ["a"], "description": ["b"]}))


def test_aliases_with_accents_and_case(tmp_path):
    path = write(tmp_path / "fr.csv", ["Id Annonce;Texte;Téléphone;Département", "x1;Bonjour;0612345678;62"])
    table = adcount.load_ads(path).table
    assert table.loc[0, "text"] == "Bonjour" and table.loc[0, "region"] == "62"
    assert table.loc[0, "phones"] == ["0612345678"]


@pytest.mark.parametrize("encoding", ["utf-8-sig", "cp1252", "latin-1"])
def test_encodings(tmp_path, encoding):
    path = write(tmp_path / "enc.csv", ["ad_id,text", "1,\"Élodie à Béthune, très câline\""], encoding=encoding)
    assert adcount.load_ads(path).table.loc[0, "text"] == "Élodie à Béthune, très câline"


def test_undecodable_file_is_refused_clearly(tmp_path):
    path = tmp_path / "bad.csv"
    path.write_bytes(b"ad_id,text\n1,caf\x81\x8d\n")
    with pytest.raises(InputError, match="neither UTF-8 nor Windows-1252"):
        adcount.load_ads(path)


def test_jsonl_with_a_broken_line(tmp_path):
    lines = [json.dumps({"ad_id": "j1", "text": "Bonjour", "images": ["p/1.jpg"]}),
             "{not json",
             json.dumps({"ad_id": "j2", "title": "Salut", "phones": ["0612345678", "0712345678"]})]
    ads = adcount.load_ads(write(tmp_path / "ads.jsonl", lines), image_root=tmp_path)
    assert ads.table["ad_id"].tolist() == ["j1", "j2"]
    assert ads.table.loc[1, "phones"] == ["0612345678", "0712345678"]
    assert ads.rejects["row"].tolist() == [1] and "invalid JSON on line 2" in ads.rejects.loc[0, "reason"]


def test_parquet_arrow_and_dataframe_agree(tmp_path):
    frame = pd.DataFrame({"ad_id": ["1", "2"], "text": ["un", "deux"], "age": [22, 31],
                          "posted_at": pd.to_datetime(["2018-09-01", "2018-10-02"])})
    frame.to_parquet(tmp_path / "ads.parquet")
    from_parquet = adcount.load_ads(tmp_path / "ads.parquet").table
    from_arrow = adcount.load_ads(pa.Table.from_pandas(frame)).table
    from_frame = adcount.load_ads(frame).table
    for table in (from_parquet, from_arrow):
        pd.testing.assert_frame_equal(table, from_frame)
    assert from_frame["age"].tolist() == [22, 31]


def test_absolute_and_parent_paths_without_root(tmp_path):
    frame = pd.DataFrame({"ad_id": ["1", "2", "3"], "text": ["a", "b", "c"],
                          "images": ["/etc/passwd", "x/../../y.jpg", "photos/ok.jpg"]})
    ads = adcount.load_ads(frame)
    assert ads.table["ad_id"].tolist() == ["1", "2", "3"] and ads.rejects.empty
    assert ads.table["images"].tolist() == [[], [], ["photos/ok.jpg"]]
    assert ads.flags["ad_id"].tolist() == ["1", "2"]
    assert set(ads.flags["reason"]) == {"absolute image path or '..' without image_root: not read"}


def test_unknown_suffix_and_missing_file(tmp_path):
    with pytest.raises(InputError, match="unsupported file type"):
        adcount.load_ads(write(tmp_path / "ads.xlsx", ["x"]))
    with pytest.raises(InputError, match="not found"):
        adcount.load_ads(tmp_path / "nope.csv")


def test_extra_columns_are_kept(tmp_path):
    frame = pd.DataFrame({"ad_id": ["1"], "text": ["a"], "true_person_id": ["p1"]})
    assert adcount.load_ads(frame).table["true_person_id"].tolist() == ["p1"]


def test_row_order_and_positions_are_stable():
    frame = pd.DataFrame({"ad_id": [str(i) for i in range(50)], "text": ["x"] * 50})
    frame.loc[[3, 17], "ad_id"] = ""
    ads = adcount.load_ads(frame)
    assert np.array_equal(ads.table["source_row"], [i for i in range(50) if i not in (3, 17)])


def test_ragged_csv_rows_are_rejected_one_by_one(tmp_path):
    lines = ["ad_id,text,city", "1,Bonjour,Arras", "2,Salut, toi,Lens", "3,\"Coucou, toi\",Calais", "4,Hello"]
    ads = adcount.load_ads(write(tmp_path / "ragged.csv", lines))
    assert ads.table["ad_id"].tolist() == ["1", "3", "4"]
    assert ads.table.loc[1, "text"] == "Coucou, toi" and ads.table.loc[1, "city"] == "Calais"
    assert ads.table.loc[2, "city"] == ""  # a short row is padded, as pandas does
    assert ads.rejects["row"].tolist() == [1]
    assert ads.rejects["reason"].tolist() == ["row has 4 fields, the header has 3"]


def test_every_column_and_alias_is_documented():
    from pathlib import Path

    from adcount.load.schema import ALIASES

    page = (Path(__file__).resolve().parents[1] / "docs" / "input.md").read_text()
    for column, aliases in ALIASES.items():
        row = next((line for line in page.splitlines() if line.startswith(f"| `{column}` |")), "")
        assert row, f"docs/input.md has no row for {column}"
        for alias in aliases:
            assert f"`{alias}`" in row, f"docs/input.md does not list alias {alias!r} of {column}"
