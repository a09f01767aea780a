"""Tools over a finished `DedupResult`: they read a result, never change it.

- `explain_pair(result, ad_id_a, ad_id_b)`: why two ads were or were not linked, evidence by
  evidence (`explain.py`).
- `review_html(result, path)`: an offline page showing each person's ads side by side (`review.py`).
- `uncertain_pairs(result, n)` and `fold_labels(result, labelled)`: the pairs most worth a human
  label, and a better link model learnt from the labels (`label.py`).
- `evaluate(assignments, truth)`: scores against a ground truth (`evaluate.py`).

They sit above the pipeline and the result: nothing below imports them.
"""

from adcount.tools.evaluate import evaluate
from adcount.tools.explain import Explanation, explain_pair
from adcount.tools.label import fold_labels, uncertain_pairs
from adcount.tools.review import review_html

__all__ = ["Explanation", "evaluate", "explain_pair", "fold_labels", "review_html", "uncertain_pairs"]
