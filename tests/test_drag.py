"""Drag editing (ganstudio.core.drag): on the shipped Fashion-MNIST StyleGAN a garment's outer
edge is dragged outwards and follows; a mask keeps the rest of the image; the features are read
as if resized; StyleGAN3 works; every bad setting and input is refused by name."""
from __future__ import annotations

import numpy as np
import pytest
import torch
import torch.nn.functional as F

from explorer_models import dcgan_generator, one_torch_thread, style_generator
from garment_edges import BRIGHT, DARK, SHIFT, garment_edge
from ganstudio.core.checkpoint import load_checkpoint
from ganstudio.core.drag import Dragger, DragSettings, generator_on
from ganstudio.core.drag_features import feature_layers, sample
from ganstudio.core.imaging import to_uint8
from ganstudio.core.nets.stylegan3 import Generator as SG3Generator
from ganstudio.resources import resource

_threads = pytest.fixture(scope="module", autouse=True)(one_torch_thread)

# Seed 2 of the shipped Fashion-MNIST model is a wide garment; the drag is chosen from its image
# as a user would choose it (garment_edges): its straight left edge, dragged SHIFT px outwards.
SEED = 2


@pytest.fixture(scope="module")
def fashion():
    G = load_checkpoint(resource("models/stylegan_fashion32.pt")).build_generator(ema=True)
    G = G.eval().requires_grad_(False)
    z = torch.randn(1, G.z_dim, generator=torch.Generator().manual_seed(SEED))
    with torch.no_grad():
        ws = G.mapping(z)[0]
        img = to_uint8(G.synthesis(ws[None], noise_mode="const"))[0].astype(np.float64)
    edge = garment_edge(img)
    assert edge is not None, f"seed {SEED} of the shipped model shows no straight garment edge on rows 12..20"
    return G, ws, img, edge[0], edge[1]


def patch(img: np.ndarray, p, r: int = 2) -> np.ndarray:
    x, y = int(p[0]), int(p[1])
    return img[y - r:y + r + 1, x - r:x + r + 1].astype(np.float64)


def followed(img0: np.ndarray, img: np.ndarray, handle, target) -> tuple[float, float]:
    """How far the patch at the target is from what was at the handle, before and after."""
    return (np.abs(patch(img0, target) - patch(img0, handle)).mean(),
            np.abs(patch(img, target) - patch(img0, handle)).mean())


def test_the_chosen_edge_is_a_garment_edge_with_background_beside_it(fashion):
    _, _, img, (hx, hy), (tx, ty) = fashion
    assert ty == hy and tx == hx - SHIFT
    for y in range(hy - 2, hy + 3):
        row = img[y, :, 0]
        assert row[hx:hx + 3].min() > BRIGHT and row[:hx - 1].max() < DARK   # garment from hx on, dark left of it


def test_dragging_the_garment_edge_moves_it_to_the_target(fashion):
    G, ws, img0, handle, target = fashion
    steps = []
    result = Dragger(G, ws, [handle], [target], settings=DragSettings(max_steps=60),
                     progress=steps.append).run()
    assert result.arrived and result.distances[0] <= 1.0 < SHIFT
    assert steps and steps[-1].step == result.steps_done and steps[-1].arrived
    assert steps[0].distances == [float(SHIFT)] and steps[0].handles == [tuple(map(float, handle))]
    # The pixels: what was at the handle is now at the target (the garment got wider) ...
    before, after = followed(img0, result.image, handle, target)
    assert after < 0.5 * before
    (tx, ty) = target
    assert result.image[ty, tx, 0] > BRIGHT > img0[ty, tx, 0]
    # ... and the result renders as the drag showed it (w+ of the model's own noise).
    with torch.no_grad():
        again = to_uint8(G.synthesis(torch.tensor(result.ws)[None], noise_mode="const"))[0]
    assert np.abs(again.astype(int) - result.image).max() <= 1
    assert result.to_latent().space == "w+" and result.ws.shape == (G.num_ws, G.w_dim)


def test_a_drag_that_barely_starts_does_not_pass_for_a_moved_edge(fashion):
    G, ws, img0, handle, target = fashion
    result = Dragger(G, ws, [handle], [target], settings=DragSettings(max_steps=1)).run()
    before, after = followed(img0, result.image, handle, target)
    assert not result.arrived and not after < 0.5 * before


def test_a_mask_keeps_the_outside_while_the_edge_moves(fashion):
    G, ws, img0, handle, target = fashion
    (hx, hy) = handle
    mask = np.zeros((32, 32), bool)
    mask[hy - 6:hy + 7, 0:hx + 5] = True       # only around the edge's row may change
    free = Dragger(G, ws, [handle], [target], settings=DragSettings(max_steps=60)).run()
    held = Dragger(G, ws, [handle], [target], mask=mask, settings=DragSettings(max_steps=60)).run()
    outside_free = np.abs(free.image.astype(float) - img0)[~mask].mean()
    outside_held = np.abs(held.image.astype(float) - img0)[~mask].mean()
    assert outside_held <= 3.0 and outside_held < 0.25 * outside_free
    # the band the edge was dragged across (rows around the handle, target to handle) was dark
    # and is now mostly garment: the edge moved, whatever the tracked handle says
    band = np.s_[hy - 2:hy + 3, hx - SHIFT:hx, 0]
    assert img0[band].max() < DARK and held.image[band].mean() > BRIGHT
    before, after = followed(img0, held.image, handle, target)
    assert after < before


def test_only_the_chosen_rows_of_w_plus_change_and_stop_keeps_the_last_image(fashion):
    G, ws, _, handle, target = fashion
    d = Dragger(G, ws, [handle], [target], settings=DragSettings(rows=2, max_steps=50))
    for _ in range(4):
        d.step()
    d.stop()
    assert d.finished
    with pytest.raises(RuntimeError, match="finished"):
        d.step()
    r = d.result()
    assert r.stopped and r.steps_done == 4 and not r.arrived
    assert not np.allclose(r.ws[:2], ws[:2].numpy())
    assert np.array_equal(r.ws[2:], ws[2:].numpy())


def test_features_are_sampled_as_if_resized_bilinearly():
    feat = torch.randn(1, 5, 8, 8, generator=torch.Generator().manual_seed(0))
    big = F.interpolate(feat, size=(32, 32), mode="bilinear", align_corners=False)
    pts = torch.tensor([[0.0, 0.0], [31.0, 31.0], [3.0, 17.0], [20.0, 9.0]])
    got = sample(feat, pts, 32)
    want = torch.stack([big[0, :, int(y), int(x)] for x, y in pts.tolist()])
    assert torch.allclose(got, want, atol=1e-5)


def test_stylegan3_drags_with_its_margins_cropped():
    torch.manual_seed(0)
    G = SG3Generator(z_dim=8, c_dim=0, w_dim=8, img_resolution=32, img_channels=3, channel_base=512,
                     channel_max=32, num_layers=6).eval().requires_grad_(False)
    G.config = {"family": "nvlabs-stylegan3"}
    layers = feature_layers(G)
    assert [layer.name for layer in layers] == G.synthesis.layer_names[:-1]
    assert all(layer.size + 2 * layer.margin == getattr(G.synthesis, layer.name).out_size for layer in layers)
    ws = G.mapping(torch.randn(1, 8))[0]
    d = Dragger(G, ws, [(10, 10)], [(14, 12)], settings=DragSettings(max_steps=3))
    steps = list(d)
    assert len(steps) == 3 and steps[-1].image.shape == (32, 32, 3)
    assert not np.array_equal(steps[-1].ws, ws.numpy())


def test_generator_on_the_same_device_is_the_generator_itself():
    G = style_generator()
    assert generator_on(G, "cpu") is G
    if not torch.cuda.is_available():
        assert generator_on(G, "auto") is G


@pytest.mark.skipif(not torch.cuda.is_available(), reason="needs CUDA")
def test_drag_runs_on_the_gpu():
    G = generator_on(style_generator(), "cuda")
    ws = G.mapping(torch.randn(1, G.z_dim, device="cuda"))[0]
    r = Dragger(G, ws, [(5, 5)], [(8, 6)], settings=DragSettings(max_steps=3)).run()
    assert r.steps_done == 3 and r.ws.shape == (G.num_ws, G.w_dim)


# --- refusals ----------------------------------------------------------------------------------
BAD_SETTINGS = [
    (dict(lr=0), "lr"), (dict(lr=float("nan")), "lr"), (dict(lr=-1), "lr"), (dict(lr=1e9), "lr"),
    (dict(rows=0), "rows"), (dict(rows=2.5), "rows"), (dict(rows=True), "rows"),
    (dict(max_steps=0), "max_steps"), (dict(max_steps=10 ** 9), "max_steps"),
    (dict(motion_radius=0), "motion_radius"), (dict(motion_radius=float("inf")), "motion_radius"),
    (dict(track_radius=-2), "track_radius"), (dict(stop_distance=-1), "stop_distance"),
    (dict(mask_weight=float("nan")), "mask_weight"), (dict(mask_weight=-1), "mask_weight"),
    (dict(feature_layer=""), "feature_layer"),
]


def test_bad_settings_are_refused_by_name():
    for changes, name in BAD_SETTINGS:
        with pytest.raises(ValueError, match=f"drag setting {name}:"):
            DragSettings(**changes).check()
    DragSettings().check()


def test_settings_that_do_not_fit_the_model_are_refused_by_name():
    G = style_generator()     # 16 px, blocks 4, 8, 16
    with pytest.raises(ValueError, match="drag setting rows: this model has"):
        DragSettings(rows=G.num_ws + 1).resolve(G)
    with pytest.raises(ValueError, match="drag setting feature_layer: .*'b32'.*b4, b8"):
        DragSettings(feature_layer="b32").resolve(G)
    with pytest.raises(ValueError, match="drag setting track_radius: at most the image size"):
        DragSettings(track_radius=100).resolve(G)
    s = DragSettings().resolve(G)
    assert s.feature_layer == "b8" and 1 <= s.rows <= G.num_ws and s.stop_distance == 1.0


def test_bad_points_masks_and_models_are_refused():
    G = style_generator()
    ws = G.mapping(torch.randn(1, G.z_dim))[0]
    cases = [
        (dict(handles=[(1, 1)], targets=[(2, 2), (3, 3)]), "one per handle"),
        (dict(handles=[(1, 1)], targets=[(16, 2)]), "targets: every point must lie on the image, 0..15"),
        (dict(handles=[(float("nan"), 1)], targets=[(2, 2)]), "handles: every point"),
        (dict(handles=[], targets=[]), "handles: need a list"),
        (dict(handles=[(1, 1)], targets=[(2, 2)], mask=np.zeros((16, 16))), "mask: marks no pixel"),
        (dict(handles=[(1, 1)], targets=[(2, 2)], mask=np.ones((8, 8))), "mask: must be 16 x 16"),
    ]
    for kw, message in cases:
        with pytest.raises(ValueError, match=message):
            Dragger(G, ws, **kw)
    with pytest.raises(ValueError, match="drag start: w\\+ must be finite"):
        Dragger(G, ws[:2], [(1, 1)], [(2, 2)])
    with pytest.raises(ValueError, match="no mapping network"):
        Dragger(dcgan_generator(), ws, [(1, 1)], [(2, 2)])


def test_the_drags_adam_steps_as_torchs():
    from ganstudio.core.drag import _Adam
    target = torch.linspace(-1, 1, 6)
    a = torch.zeros(6, requires_grad=True)
    b = torch.zeros(6, requires_grad=True)
    mine, theirs = _Adam(a, lr=0.05), torch.optim.Adam([b], lr=0.05)
    for _ in range(5):
        for p in (a, b):
            p.grad = None
            ((p - target) ** 3).abs().sum().backward()
        mine.step()
        theirs.step()
    assert torch.allclose(a, b, atol=1e-6) and not torch.allclose(a, torch.zeros(6))
