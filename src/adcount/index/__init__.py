"""Weekly monitoring: a persistent SQLite index linking each new scrape to the persons already known.

`Index` (core), its store (schema, store), candidate search against the store (candidates),
stable ids and changelog (stable_ids), queries over time (history), the report's view (view),
and the one adapter into the pipeline's stages (stages). See docs/index.md.
"""

from adcount.index.core import Index, IndexRun, RefitReport
from adcount.index.schema import IndexVersionError

__all__ = ["Index", "IndexRun", "IndexVersionError", "RefitReport"]
