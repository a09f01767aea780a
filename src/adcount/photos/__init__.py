"""The photo channel: perceptual hashes, near-identical photos between ads, stock photos
(docs/images.md).

- `decode`, `frame`, `dct`, `variants`, `hashing`: decoding, cropping borders, the DCT hash of
  each photo and of its mirrored and cropped variants (`hash_images`).
- `hamming`: pairs of photos within a Hamming radius (`image_pairs`).
- `spread`: how many contacts each photo is seen with (stock photos are weak evidence).
- `stage`: `photo_evidence`, the photo stage (`PhotoEvidence`).
"""
