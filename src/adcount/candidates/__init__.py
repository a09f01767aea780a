"""Candidate pairs: LSH banding, Hamming neighbours, shared-key joins."""
