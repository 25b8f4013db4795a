"""The Explorer stays live on big models: the main image first, the gallery tile by tile behind
it, a preview (or a progress badge) while a slow main image renders, and a status line that
always says what is going on. Slowness is simulated with small models (a pause in a block, or
the worker's thresholds at 0); nothing here asserts a wall-clock time."""
import time

import numpy as np
import pytest
import torch

from explorer_models import dcgan_generator, one_torch_thread, save, style_generator
from ganstudio.core.imaging import to_uint8

_threads = pytest.fixture(scope="module", autouse=True)(one_torch_thread)
TIMEOUT = 20000


@pytest.fixture
def panel(explorer_panel):
    return explorer_panel


def slow_style_generator(pause_s: float = 0.03):
    """A small StyleGAN whose last block pauses on every call (a stand-in for a big model)."""
    G = style_generator()
    G.synthesis.b16.register_forward_pre_hook(lambda module, args: time.sleep(pause_s))
    return G


def open_live(qtbot, p, G):
    with qtbot.waitSignal(p.first_image_shown, timeout=TIMEOUT):
        assert p.open_generator(G, {"family": G.config["family"]})


def settle(qtbot, p):
    """Wait until the newest main image is in, nothing is left to do, and (for a StyleGAN) the
    directions computed on opening have arrived: their arrival re-renders the main image."""
    qtbot.waitUntil(lambda: p._main_result is not None and p._main_result.request_id == p.last_main_request_id
                    and p.worker.is_idle() and (not p.state.model.style or p.state.directions is not None),
                    timeout=TIMEOUT)


def record(p):
    """(channel, "final" | "partial" | "preview", request id, tiles done) for every result."""
    events = []

    def partial(channel, r):
        events.append((channel, "preview" if r.meta.get("preview") else "partial", r.request_id, r.meta.get("done")))
    p.worker.partial.connect(partial)
    p.worker.rendered.connect(lambda channel, r: events.append((channel, "final", r.request_id, None)))
    return events


def strip_finished(events, rid=None):
    return any(e[0] == "strip" and e[1] == "final" and (rid is None or e[2] == rid) for e in events)


def test_opening_a_model_shows_the_image_first_then_the_gallery_tile_by_tile(qtbot, panel):
    panel.worker.step_ms = 0                  # as for a big model: one tile per step
    events, texts = record(panel), []
    panel.activity_changed.connect(texts.append)
    open_live(qtbot, panel, style_generator())
    qtbot.waitUntil(lambda: strip_finished(events) and panel.worker.is_idle(), timeout=TIMEOUT)
    assert events[0][:2] == ("main", "final")                     # the image before any tile
    tiles = [e[3] for e in events if e[:2] == ("strip", "partial")]
    assert tiles == list(range(1, 16))                            # then the 16 tiles one by one
    assert panel.strip_view.has_image() and panel._strip_result.images.shape[0] == 16
    assert "rendering the image…" in texts
    counts = list(dict.fromkeys(t for t in texts if t.startswith("gallery")))   # a tile redone after
    assert counts == [f"gallery {k} of 16" for k in range(1, 17)]              # a preemption counts once
    qtbot.waitUntil(lambda: texts[-1] == "", timeout=TIMEOUT)     # and then nothing


def test_a_slider_move_during_the_gallery_renders_first_and_the_gallery_goes_on(qtbot, panel):
    panel.worker.step_ms = 0
    open_live(qtbot, panel, slow_style_generator())
    with qtbot.waitSignal(panel.worker.partial, timeout=TIMEOUT, check_params_cb=lambda ch, r: ch == "strip"):
        pass                                                      # the gallery is under way
    events = record(panel)
    strip_rid = panel.last_strip_request_id
    panel.editor.sliders.rows[0][1].setValue(2.0)                 # the user moves a slider
    rid = panel.last_main_request_id
    qtbot.waitUntil(lambda: strip_finished(events), timeout=TIMEOUT)
    main_at = events.index(("main", "final", rid, None))
    strip_at = next(i for i, e in enumerate(events) if e[:2] == ("strip", "final"))
    assert main_at < strip_at                                     # the new image did not wait
    assert panel.last_strip_request_id == strip_rid               # an edit of A keeps the gallery ...
    tiles = [e[3] for e in events if e[:2] == ("strip", "partial")]
    assert tiles == sorted(tiles) and (not tiles or tiles[0] > 1)  # ... which goes on, not over
    settle(qtbot, panel)


def test_a_new_gallery_drops_the_rest_of_the_old_one(qtbot, panel):
    panel.worker.step_ms = 0
    open_live(qtbot, panel, slow_style_generator())
    with qtbot.waitSignal(panel.worker.partial, timeout=TIMEOUT, check_params_cb=lambda ch, r: ch == "strip"):
        pass
    events = record(panel)
    old = panel.last_strip_request_id
    panel.state.shuffle_gallery()                                 # "Shuffle" while it renders
    new = panel.last_strip_request_id
    assert new != old
    qtbot.waitUntil(lambda: strip_finished(events, new) and panel.worker.is_idle(), timeout=TIMEOUT)
    assert not strip_finished(events, old)
    seeds = panel.state.strip.gallery_seeds[:16]
    first = panel._strip_result.images[0]
    assert panel._strip_result.request_id == new and first.any() and len(seeds) == 16


def test_a_slow_stylegan2_image_shows_its_preview_first(qtbot, panel):
    panel.worker.slow_ms = 0                  # every render counts as slow
    open_live(qtbot, panel, style_generator())
    settle(qtbot, panel)
    previews, badges = [], []

    def on_partial(channel, r):
        if channel == "main":
            previews.append(r)
            badges.append(panel.view.badge())
    panel.worker.partial.connect(on_partial)
    panel.editor.sliders.rows[0][1].setValue(1.5)
    settle(qtbot, panel)
    rid = panel.last_main_request_id
    preview = next(p for p in previews if p.request_id == rid)
    assert preview.meta["preview_res"] == 8 and badges[previews.index(preview)] == "preview · full image coming"
    final = panel._main_result
    ws = torch.tensor(final.latents)
    with torch.inference_mode():
        skip = panel.state.model.G.synthesis.block_outputs(ws, noise_mode="const")[8][1]
    assert np.array_equal(preview.images, to_uint8(skip))        # the same latent's 8 px image
    assert preview.composite.shape == final.composite.shape      # shown at the full size
    assert panel.view.badge() is None                             # the full image replaced it


def test_a_slow_model_without_blocks_keeps_its_image_with_a_progress_badge(qtbot, panel):
    panel.worker.slow_ms = 0
    open_live(qtbot, panel, dcgan_generator())
    settle(qtbot, panel)
    events = record(panel)
    before = panel.view.image().copy()
    panel.editor.sliders.rows[0][1].setValue(1.0)
    assert panel.view.badge() == "rendering…" and panel.view.image() == before
    settle(qtbot, panel)
    assert panel.view.badge() is None and panel.view.image() != before
    assert not [e for e in events if e[0] == "main" and e[1] != "final"]


def test_the_status_bar_says_what_the_explorer_is_doing(qtbot, main_window, tmp_path):
    path = save(tmp_path / "model.pt", style_generator())
    explorer, shown = main_window.explorer, []
    explorer.activity_changed.connect(lambda _text: shown.append(main_window.activity_label.text()))
    assert explorer.open_path(path, wait=False)
    qtbot.waitUntil(lambda: explorer._strip_result is not None and explorer.worker.is_idle(), timeout=TIMEOUT)
    qtbot.waitUntil(lambda: main_window.activity_label.text() == "idle", timeout=TIMEOUT)
    assert "loading…" in shown and "rendering the image…" in shown
    assert any(text.startswith("gallery ") for text in shown)


def test_big_models_render_on_every_core_unless_a_training_runs(monkeypatch):
    from ganstudio.core.nets.stylegan import NVLabsStyleGAN2Config, StyleGenerator
    from ganstudio.ui.explorer.panel import render_threads_for
    monkeypatch.delenv("GANSTUDIO_RENDER_THREADS", raising=False)
    big = StyleGenerator(NVLabsStyleGAN2Config(resolution=256, channel_base=16384))  # paper256
    small = style_generator()
    assert render_threads_for(big, 1, training=False, cores=4) == 4
    assert render_threads_for(big, 2, training=True, cores=4) == 2      # the training keeps half
    assert render_threads_for(small, 1, training=False, cores=4) == 1   # a second thread barely helps
    monkeypatch.setenv("GANSTUDIO_RENDER_THREADS", "3")                 # the user's choice wins
    assert render_threads_for(big, 3, training=False, cores=4) == 3


def test_the_render_thread_uses_the_threads_chosen_for_each_model(qtbot):
    from ganstudio.core.render import Latent, RenderRequest, RenderResult
    from ganstudio.ui.render_worker import RenderWorker
    seen = []

    def fake_render(G, request):
        seen.append((G, torch.get_num_threads()))
        return RenderResult(request_id=request.request_id, images=np.zeros((1, 2, 2, 3), np.uint8))

    worker = RenderWorker(render_fn=fake_render, threads=lambda G: 2 if G == "big" else 1)
    try:
        for G in ("big", "small", "big"):
            with qtbot.waitSignal(worker.rendered, timeout=TIMEOUT):
                worker.submit("main", G, RenderRequest((Latent("z", np.zeros(4)),),
                                                        request_id=len(seen)))
    finally:
        worker.stop()
    assert seen == [("big", 2), ("small", 1), ("big", 2)]


def test_a_slow_model_whose_first_image_was_interrupted_still_previews_the_next_edit(qtbot, panel):
    """Opening submits the main image more than once: the first render is given up part-way and
    the next resumes from its blocks. The model's speed must still be known, so the first slider
    move of a slow model shows its preview."""
    panel.worker.slow_ms = 0
    open_live(qtbot, panel, slow_style_generator(0.2))
    settle(qtbot, panel)
    previews = []
    panel.worker.partial.connect(lambda channel, r: channel == "main" and previews.append(r.request_id))
    panel.editor.sliders.rows[0][1].setValue(1.5)
    settle(qtbot, panel)
    assert panel.last_main_request_id in previews
