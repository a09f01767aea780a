"""Loading: ads from CSV, JSONL, Parquet or a DataFrame into the canonical table, and the facts
every later stage reads.

- `schema`: canonical columns, aliases, validation -> `Ads(table, rejects, flags)` (`load_ads`).
- `io`: reading and writing tables; `csv_records`: a CSV scanner that keeps broken rows as rejects;
  `text_repair`: mojibake and bad characters repaired and flagged; `image_paths`: photo references
  sorted into local paths and URLs, never read outside the image root.
- `facts`: title + text joined in one place (`ad_texts`), posting days, city and site codes, the
  claimed age where the column is empty (`ad_facts`).
"""
