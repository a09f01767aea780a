"""Test-wide settings.

On CI (the CI runner sets CI=true) Hypothesis runs derandomized: the same examples on every run,
so a landing never depends on which random inputs one run happened to draw. Locally it keeps
exploring new examples (and remembers failures in .hypothesis/).
"""

import os

from hypothesis import settings

settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")
