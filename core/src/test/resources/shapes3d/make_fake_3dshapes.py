"""Writes tiny HDF5 files with the structure of DeepMind's 3dshapes.h5, in three storage layouts.

Factor sizes (floor_hue, wall_hue, object_hue, scale, shape, orientation) = (2, 2, 2, 2, 2, 3),
96 images of 6x6x3; byte (i, y, x, c) = (31 i + 7 y + 3 x + 50 c) % 256; label of factor f at
level k = -30 + 30 k for orientation, else f + 0.1 k. Needs h5py. Run from this directory:
python3 make_fake_3dshapes.py
"""
import h5py
import numpy as np

sizes = (2, 2, 2, 2, 2, 3)
n = int(np.prod(sizes))
i, y, x, c = np.indices((n, 6, 6, 3))
images = ((31 * i + 7 * y + 3 * x + 50 * c) % 256).astype(np.uint8)
classes = np.indices(sizes).reshape(len(sizes), -1).T
labels = np.where(np.arange(6) == 5, -30.0 + 30.0 * classes, np.arange(6) + 0.1 * classes)

# contiguous storage after a 512-byte user block: data addresses are relative to the block's end
with h5py.File("contiguous_userblock.h5", "w", userblock_size=512) as f:
    f.create_dataset("images", data=images)
    f.create_dataset("labels", data=labels)

# gzip-compressed chunks of 5 whole images (the last chunk is partial)
with h5py.File("chunked_gzip.h5", "w") as f:
    f.create_dataset("images", data=images, chunks=(5, 6, 6, 3), compression="gzip")
    f.create_dataset("labels", data=labels, chunks=(7, 6), compression="gzip")

# chunks that also split rows, columns and channels, with partial chunks on every edge
with h5py.File("tiled_gzip.h5", "w") as f:
    f.create_dataset("images", data=images, chunks=(4, 4, 4, 2), compression="gzip")
    f.create_dataset("labels", data=labels)
