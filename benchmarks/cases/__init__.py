"""Labelled cases shared by the tests and the benchmarks: published capture–recapture tables
(`capture`) and hand-labelled contact texts (`contacts`).

They are fixtures, not product, so they live beside the benchmarks rather than in `adcount`.
Both sides import them as `cases` without touching `sys.path`: a benchmark run as a script has
this folder's parent as `sys.path[0]`, and pytest adds it (`pythonpath` in pyproject.toml).
"""
