"""Estimators: duplicate rates, linkage uncertainty and capture–recapture."""
