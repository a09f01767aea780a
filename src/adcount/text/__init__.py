"""The text channel: texts normalised once, signed, and paired when near-identical (docs/architecture.md).

- `normalize` (with `confusables`, `words`, `masks`, `scan`, `blocks`): folding look-alike letters,
  emoji, masking contacts and URLs; `normalize_texts` is the one normaliser of a run.
- `shingles`, `minhash`: MinHash signatures (numba kernels); `lsh`: banded LSH candidate pairs.
- `templates`: one organiser's template with different slot values (name, age, city).
- `stage`: `text_evidence`, the text stage (`TextEvidence`).
"""
