import numpy as np
import pytest
import torch
from PIL import Image

from ganstudio.core.imaging import from_uint8, make_grid, save_animation, save_png, to_uint8, upscale


def test_uint8_round_trip_and_clipping():
    x = torch.tensor([[[[-1.0, 0.0, 1.0, 3.0]]]])
    u = to_uint8(x)
    assert u.shape == (1, 1, 4, 1) and u.dtype == np.uint8
    assert u[0, 0, :, 0].tolist() == [0, 128, 255, 255]
    back = from_uint8(u)
    assert torch.allclose(back[0, 0, 0, :3], torch.tensor([-1.0, 0.003921, 1.0]), atol=1e-4)


def test_grid_geometry_padding_and_upscale():
    imgs = np.stack([np.full((4, 5, 3), i * 10, np.uint8) for i in range(6)])
    g = make_grid(imgs, rows=2, cols=3, padding=1, pad_value=255, upscale_by=2)
    assert g.shape == (2 * (8 + 1) + 1, 3 * (10 + 1) + 1, 3)
    assert g[0, 0, 0] == 255                  # border is padding
    assert g[1, 1, 0] == 0                    # first tile
    assert g[1 + 9, 1 + 11 * 2, 0] == 50      # tile 5 (row 1, col 2)
    assert (upscale(imgs[0], 3)[:3, :3] == imgs[0][0, 0]).all()


def test_png_gif_webp_written(tmp_path):
    frames = [np.full((8, 8, 1), v, np.uint8) for v in (0, 120, 250)]
    p = save_png(tmp_path / "a.png", frames[1])
    assert Image.open(p).size == (8, 8)
    for suffix in (".gif", ".webp"):
        out = save_animation(tmp_path / f"a{suffix}", frames, fps=10)
        im = Image.open(out)
        assert im.n_frames == 3 and im.size == (8, 8)
    with pytest.raises(ValueError):
        save_animation(tmp_path / "a.avi", frames)
