"""Where a user would drag a Fashion-MNIST garment: its left outer edge on a row near the middle
of the image where that edge is straight (the same x on the five rows around it, dark
background left of it, garment right of it), dragged a few pixels outwards into the
background. Tests choose their drags from the shipped model's image with this, so that they
hold for whichever model ships rather than for one model's pixels."""
from __future__ import annotations

import numpy as np

SHIFT, DARK, BRIGHT = 3, 40, 60
ROWS = (16, 15, 17, 14, 18, 13, 19, 12, 20)   # the middle rows of a 32 px image, nearest the centre first


def left_edge(row: np.ndarray) -> int:
    """x of the first garment pixel (brighter than BRIGHT) of an image row; -1: none."""
    xs = np.nonzero(np.asarray(row) > BRIGHT)[0]
    return int(xs[0]) if len(xs) else -1


def garment_edge(img: np.ndarray, shift: int = SHIFT):
    """((x, y), (x - shift, y)): the handle on the straight left edge of the garment in ``img``
    ([H, W, C]) and the target ``shift`` px left of it; None when no middle row has one."""
    v = np.asarray(img)[:, :, 0]
    for y in ROWS:
        x = left_edge(v[y])
        if not 2 * shift <= x <= 14:
            continue
        if all(left_edge(v[r]) == x and v[r, :x - 1].max() < DARK and v[r, x:x + 3].min() > BRIGHT
               for r in range(y - 2, y + 3)):
            return (x, y), (x - shift, y)
    return None
