"""The linkage: the channels' evidence read pair by pair, scored, and clustered into persons and
networks (docs/linkage.md).

- `candidates`: the candidate pairs every channel proposes (`candidate_pairs`).
- `features`: the evidence of each pair (`AdSignals`, `pair_features`); `comparisons`: its levels.
- models: `fellegi_sunter` (EM, no labels), `rules` (hand-set weights), `supervised` (labels),
  `fit_check` (EM or the rules), `weights`, `scoring` (bits to probabilities), `model_io` (JSON).
- `pair_scores`: the scoring stage (`score_pairs`).
- `chaining`, `photo_sets`, `cluster`: the pieces of clustering; `rounds`: the clustering stage
  (`cluster_rounds`, three rounds, one `Partition`).
"""
