"""Synthetic ad sets with ground truth."""
