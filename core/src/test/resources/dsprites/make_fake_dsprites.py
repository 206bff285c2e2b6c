"""Writes fake_dsprites.npz: the structure of the official dSprites archive at a tiny size.

Factor sizes (colour, shape, scale, orientation, posX, posY) = (1, 3, 2, 2, 2, 2), 10x10 images,
pixel (i, y, x) = 1 when (7 i + 3 y + x) % 5 == 0. A pickled 'metadata' entry mimics the official
file (readers must ignore it). Run from this directory: python3 make_fake_dsprites.py
"""
import numpy as np

sizes = (1, 3, 2, 2, 2, 2)
n = int(np.prod(sizes))
i, y, x = np.indices((n, 10, 10))
imgs = ((7 * i + 3 * y + x) % 5 == 0).astype(np.uint8)
classes = np.indices(sizes).reshape(len(sizes), -1).T.astype(np.int64)
levels = [np.array([1.0]), np.array([1.0, 2.0, 3.0]), np.array([0.5, 1.0]),
          np.array([0.0, np.pi]), np.array([0.0, 1.0]), np.array([0.0, 1.0])]
values = np.stack([levels[f][classes[:, f]] for f in range(len(sizes))], axis=1)
metadata = np.array({"description": "fake dSprites for tests", "latents_sizes": np.array(sizes)}, dtype=object)
np.savez_compressed("fake_dsprites.npz", imgs=imgs, latents_classes=classes, latents_values=values,
                    metadata=metadata)
