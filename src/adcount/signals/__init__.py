"""Per-ad signals: MinHash signatures of text, perceptual hashes of photos."""
