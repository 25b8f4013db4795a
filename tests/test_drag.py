"""Drag editing (ganstudio.core.drag): on the shipped Fashion-MNIST StyleGAN garments' outer
edges are dragged outwards and follow; a mask keeps the rest of the image; the features are read
as if resized; StyleGAN3 works; every bad setting and input is refused by name."""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pytest
import torch
import torch.nn.functional as F

from explorer_models import dcgan_generator, one_torch_thread, style_generator
from garment_edges import BRIGHT, DARK, SHIFT, garment_edge, left_edge
from ganstudio.core.checkpoint import load_checkpoint
from ganstudio.core.drag import Dragger, DragSettings, generator_on
from ganstudio.core.drag_features import feature_layers, sample
from ganstudio.core.imaging import to_uint8
from ganstudio.core.nets.stylegan3 import Generator as SG3Generator
from ganstudio.resources import resource

_threads = pytest.fixture(scope="module", autouse=True)(one_torch_thread)

# The drags are chosen from the shipped Fashion-MNIST model's images as a user would choose them
# (garment_edges): the straight left edge of a garment, dragged SHIFT px outwards. One edge
# decides by chance whether a 32 px model's pixels follow (a fold or a sleeve beside it can
# pull the other way), so the tests judge the first EDGES seeds that show such an edge. The drags
# run with the app's default settings: at 32 px they go on until the tracked handle is on the
# target's pixel, which can take many of the default steps.
EDGES = 6
MASK_ROWS = 6   # a masked drag may change the rows within this many of the handle's, left of it


@dataclass
class Edge:
    seed: int
    ws: torch.Tensor          # [num_ws, w_dim], the seed's w broadcast
    img: np.ndarray           # [32, 32, 1] float, the seed's image
    handle: tuple[int, int]
    target: tuple[int, int]

    def mask(self) -> np.ndarray:
        (hx, hy), m = self.handle, np.zeros((32, 32), bool)
        m[hy - MASK_ROWS:hy + MASK_ROWS + 1, 0:hx + 5] = True
        return m


@pytest.fixture(scope="module")
def fashion():
    G = load_checkpoint(resource("models/stylegan_fashion32.pt")).build_generator(ema=True)
    G = G.eval().requires_grad_(False)
    edges = []
    for seed in range(60):
        z = torch.randn(1, G.z_dim, generator=torch.Generator().manual_seed(seed))
        with torch.no_grad():
            ws = G.mapping(z)[0]
            img = to_uint8(G.synthesis(ws[None], noise_mode="const"))[0].astype(np.float64)
        edge = garment_edge(img)
        if edge is not None:
            edges.append(Edge(seed, ws, img, *edge))
        if len(edges) == EDGES:
            return G, edges
    pytest.fail(f"only {len(edges)} of the shipped model's first 60 seeds show a straight garment edge")


@pytest.fixture(scope="module")
def free_drags(fashion):
    G, edges = fashion
    return [Dragger(G, e.ws, [e.handle], [e.target], settings=DragSettings()).run()
            for e in edges]


def patch(img: np.ndarray, p, r: int = 2) -> np.ndarray:
    x, y = int(p[0]), int(p[1])
    return img[y - r:y + r + 1, x - r:x + r + 1].astype(np.float64)


def followed(e: Edge, img: np.ndarray) -> float:
    """How far the patch at the target is from what was at the handle, after the drag, as a
    fraction of that distance before it: 0 = the garment's edge is now exactly at the target."""
    was = patch(e.img, e.handle)
    return np.abs(patch(img, e.target) - was).mean() / np.abs(patch(e.img, e.target) - was).mean()


def test_the_chosen_edges_are_garment_edges_with_background_beside_them(fashion):
    _, edges = fashion
    for e in edges:
        (hx, hy), (tx, ty) = e.handle, e.target
        assert ty == hy and tx == hx - SHIFT
        for y in range(hy - 2, hy + 3):
            row = e.img[y, :, 0]
            assert row[hx:hx + 3].min() > BRIGHT and row[:hx - 1].max() < DARK   # garment from hx on, dark left of it


def test_dragging_garment_edges_moves_them_to_their_targets(fashion, free_drags):
    G, edges = fashion
    for e, result in zip(edges, free_drags):
        assert result.arrived and result.distances[0] == 0.0, f"seed {e.seed}"   # on the target's pixel
    # The pixels: what was at the handle is now at the target (the garment got wider), judged
    # over the edges: on most of them the patch at the target is now less than half as far
    # from what was at the handle.
    fractions = [followed(e, r.image) for e, r in zip(edges, free_drags)]
    assert np.median(fractions) < 0.5, fractions
    # ... and on most of them the garment now covers the target pixel, which was background
    reached = [r.image[e.target[1], e.target[0], 0] > BRIGHT for e, r in zip(edges, free_drags)]
    assert sum(reached) > EDGES // 2, reached
    # The progress reports and the result of one drag ...
    e = edges[0]
    steps = []
    result = Dragger(G, e.ws, [e.handle], [e.target], settings=DragSettings(),
                     progress=steps.append).run()
    assert steps and steps[-1].step == result.steps_done and steps[-1].arrived
    assert steps[0].distances == [float(SHIFT)] and steps[0].handles == [tuple(map(float, e.handle))]
    assert np.array_equal(result.image, free_drags[0].image)
    # ... render as the drag showed them (w+ of the model's own noise).
    with torch.no_grad():
        again = to_uint8(G.synthesis(torch.tensor(result.ws)[None], noise_mode="const"))[0]
    assert np.abs(again.astype(int) - result.image).max() <= 1
    assert result.to_latent().space == "w+" and result.ws.shape == (G.num_ws, G.w_dim)


def test_tracked_handles_keep_to_their_line_instead_of_sliding_along_the_edge(fashion):
    # Along a straight edge the features are nearly alike: tracked on them alone, a handle slides
    # up and down the edge, and the drag goes on pulling long after the garment got there.  The
    # line prior (the default) keeps the handles near the line from the start to the target.
    G, edges = fashion
    strayed, steps = {}, {}
    for keep in (0.0, DragSettings.keep_to_line):
        strayed[keep], steps[keep] = 0.0, 0
        for e in edges:
            rows = []
            result = Dragger(G, e.ws, [e.handle], [e.target], settings=DragSettings(keep_to_line=keep),
                             progress=lambda s: rows.append(s.handles[0][1])).run()
            strayed[keep] += max(abs(y - e.handle[1]) for y in rows)   # the line is the handle's row
            steps[keep] += result.steps_done
    assert DragSettings.keep_to_line > 0
    assert strayed[DragSettings.keep_to_line] < 0.5 * strayed[0.0], strayed
    assert steps[DragSettings.keep_to_line] < steps[0.0], steps


def test_a_firmer_hold_keeps_the_outside_of_the_mask_stiller(fashion):
    # the Drag tab's "Hold outside": a loose hold lets the rest of the image follow the pull, a
    # firm one keeps it (and the edge moves less)
    G, edges = fashion
    outside, moved = {}, {}
    for weight in (0.5, 8.0):
        outside[weight], moved[weight] = 0.0, 0.0
        for e in edges[:2]:
            mask = e.mask()
            held = Dragger(G, e.ws, [e.handle], [e.target], mask=mask,
                           settings=DragSettings(mask_weight=weight, max_steps=60)).run()
            outside[weight] += np.abs(held.image.astype(float) - e.img)[~mask].mean()
            (hx, hy) = e.handle
            moved[weight] += hx - np.mean([left_edge(held.image[y, :, 0]) for y in range(hy - 2, hy + 3)])
    assert outside[8.0] < 0.25 * outside[0.5], outside
    assert moved[8.0] < moved[0.5], moved


def test_no_step_of_a_drag_jumps_even_at_a_reckless_step_size(fashion):
    # Adam's steps are nearly sign steps: at thirty times the default step size the first one
    # would turn the garment into another.  No step may change the image more than shifting the
    # whole starting image by a pixel; a larger one is halved (and the step size with it).
    G, edges = fashion
    e = edges[0]
    one_pixel = max(np.abs(np.diff(e.img, axis=0)).mean(), np.abs(np.diff(e.img, axis=1)).mean())
    images = [e.img]
    dragger = Dragger(G, e.ws, [e.handle], [e.target], settings=DragSettings(lr=1.0, max_steps=12),
                      progress=lambda s: images.append(s.image.astype(np.float64)))
    dragger.run()
    changes = [np.abs(a - b).mean() for a, b in zip(images[2:], images[1:-1])]
    assert dragger.halvings > 0 and len(changes) >= 2
    assert max(changes) <= one_pixel + 1.0, (changes, one_pixel)   # 1 level: rounding to uint8
    assert max(changes) > 0                                            # and it does drag


def test_a_drag_that_barely_starts_does_not_pass_for_a_moved_edge(fashion):
    G, edges = fashion
    for e in edges:
        result = Dragger(G, e.ws, [e.handle], [e.target], settings=DragSettings(max_steps=1)).run()
        assert not result.arrived and not followed(e, result.image) < 0.5, f"seed {e.seed}"


def test_a_stop_distance_below_a_pixel_drags_onto_the_target_pixel(fashion):
    # Tracked handles sit on whole pixels: with stop_distance 0 the drag keeps pulling until the
    # handle is on the target's pixel (a target between pixel centres: on the nearest one), and
    # arrives there instead of failing for having nothing left to pull.
    G, edges = fashion
    e = edges[0]
    (tx, ty) = e.target
    for target, nearest in (((tx, ty), 0.0), ((tx + 0.5, ty + 0.5), 0.5 ** 0.5)):
        steps = []
        result = Dragger(G, e.ws, [e.handle], [target], settings=DragSettings(stop_distance=0),
                         progress=steps.append).run()
        assert result.steps_done > 1 and steps[0].distances[0] > 2
        assert result.arrived and result.distances[0] == pytest.approx(nearest, abs=1e-6), target


def test_the_last_blocks_features_drag_an_edge_onto_its_target_pixel(fashion):
    # The features as large as the image (the last block's, before its ToRGB) are a layer to
    # drag on too: pulled on them, stopping on the target's pixel, most edges' garments reach
    # their target pixel.
    G, edges = fashion
    assert [layer.name for layer in feature_layers(G)][-1] == "b32"
    reached = 0
    for e in edges:
        (tx, ty) = e.target
        result = Dragger(G, e.ws, [e.handle], [e.target],
                         settings=DragSettings(feature_layer="b32", stop_distance=0)).run()
        assert e.img[ty, tx, 0] < DARK
        reached += bool(result.arrived and result.distances[0] == 0.0 and result.image[ty, tx, 0] > BRIGHT)
    assert reached > EDGES // 2, reached


def test_a_mask_keeps_the_outside_while_the_edge_moves(fashion, free_drags):
    G, edges = fashion
    kept, moved = [], []
    for e, free in zip(edges, free_drags):
        mask = e.mask()
        held = Dragger(G, e.ws, [e.handle], [e.target], mask=mask, settings=DragSettings()).run()
        outside_free = np.abs(free.image.astype(float) - e.img)[~mask].mean()
        outside_held = np.abs(held.image.astype(float) - e.img)[~mask].mean()
        kept.append(outside_held / outside_free)
        # the garment's left edge on the five rows around the handle moved outwards, in pixels,
        # whatever the tracked handle says (the mask holds the drag back, so it need not get all
        # the way)
        (hx, hy) = e.handle
        moved.append(hx - np.mean([left_edge(held.image[y, :, 0]) for y in range(hy - 2, hy + 3)]))
    # outside the mask a masked drag changes a quarter of what the same drag changes without one
    # (the median over the edges; never more than half) ...
    assert np.median(kept) < 0.25 and max(kept) < 0.5, kept
    # ... and every edge moves at least a pixel towards its target, most of them half the way
    assert min(moved) >= 1 and np.median(moved) >= SHIFT / 2, moved


def test_only_the_chosen_rows_of_w_plus_change_and_stop_keeps_the_last_image(fashion):
    G, edges = fashion
    ws = edges[0].ws
    d = Dragger(G, ws, [edges[0].handle], [edges[0].target], settings=DragSettings(rows=2, max_steps=50))
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
    (dict(keep_to_line=float("inf")), "keep_to_line"), (dict(keep_to_line=-0.5), "keep_to_line"),
    (dict(feature_layer=""), "feature_layer"), (dict(track_fine=1), "track_fine"),
    (dict(track_fine="no"), "track_fine"),
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
    assert s.feature_layer == "b8" and 1 <= s.rows <= G.num_ws
    assert s.stop_distance == 0.0 and s.track_fine     # a small image: on the target's pixel


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
