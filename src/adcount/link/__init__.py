"""Linkage: pair features, scoring, clustering into persons and networks."""
