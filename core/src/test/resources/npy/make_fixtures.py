"""Regenerates the NumPy reference files used by NpyNumpyReferenceTest (numpy 2.x).

Run from this directory: python3 make_fixtures.py
Each array follows a formula that the Java test recomputes independently.
"""
import numpy as np
from numpy.lib import format as npf


def save(name, a, version=None):
    with open(name, "wb") as f:
        npf.write_array(f, a, version=version)


# value(i) = 0.5 * i - 1 over the flat C-order index i
f4 = (np.arange(6, dtype=np.float32) * 0.5 - 1).reshape(2, 3)
save("f4_2x3.npy", f4)
save("f8_big_endian_4.npy", (np.arange(4) * 0.25 + 3).astype(">f8"))
save("i8_v2_2x2x2.npy", (np.arange(8, dtype=np.int64) * 1_000_000_007 - 3).reshape(2, 2, 2), version=(2, 0))
save("u1_v3_3x4.npy", (np.arange(12) * 21).astype(np.uint8).reshape(3, 4), version=(3, 0))
save("i4_big_endian_2x3x2.npy", (np.arange(12) - 6).astype(">i4").reshape(2, 3, 2))
save("bool_5.npy", np.array([True, False, False, True, True]))
save("empty_f4_0x3.npy", np.zeros((0, 3), dtype=np.float32))
save("scalar_f8.npy", np.array(2.75))
save("fortran_f4_2x3.npy", np.asfortranarray(f4))
save("complex_c8.npy", np.zeros(2, dtype=np.complex64))

arrays = dict(
    floats=f4,
    counts=np.arange(5, dtype=np.int64) * 7,
    pixels=(np.arange(24) % 2).astype(np.uint8).reshape(2, 3, 4),
)
np.savez("stored.npz", **arrays)
np.savez_compressed("compressed.npz", **arrays)
