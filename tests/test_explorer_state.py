"""The Explorer's state without widgets: its typed change events, the main image's rendered w
coming back to it, and its requests being the command line's for the same settings."""
from __future__ import annotations

import numpy as np
import pytest

from explorer_models import one_torch_thread, style_generator
from ganstudio.core.render import render
from ganstudio.ui.explorer.model_view import ModelView
from ganstudio.ui.explorer.state import ExplorerState
from ganstudio.ui.explorer.state_events import Change

_threads = pytest.fixture(scope="module", autouse=True)(one_torch_thread)


@pytest.fixture(scope="module")
def G():
    return style_generator()


@pytest.fixture
def state(G):
    st = ExplorerState()
    st.set_model(ModelView.from_generator(G, {"family": "stylegan", "resolution": 16}))
    return st


def heard(state) -> list:
    got = []
    state.subscribe(got.append)
    return got


def test_every_setter_announces_typed_changes(state):
    got = heard(state)
    state.set_strip(kind="interp", points=["a", "c"])
    state.set_schedule({8: 1})
    state.add_bookmark({"name": "x", "latent": state.latent("a").to_dict()})
    state.rename_bookmark("x", "y")
    state.set_noise(seed=7)
    assert got == [frozenset({Change.STRIP}), frozenset({Change.MIXING}), frozenset({Change.BOOKMARKS}),
                   frozenset({Change.BOOKMARKS}), frozenset({Change.NOISE})]
    assert state.strip.kind == "interp" and state.strip.points == ["a", "c"]
    assert state.schedule[8] == 1 and set(state.schedule) == set(state.model.block_resolutions)
    assert [b["name"] for b in state.bookmarks] == ["y"] and state.noise_seed == 7
    assert all(isinstance(c, Change) for changes in got for c in changes)
    with pytest.raises(TypeError, match="kinds"):
        state.set_strip(kinds="sweep")        # a misspelt setting is refused, not stored
    with pytest.raises(ValueError, match="slideshow"):
        state.set_strip(kind="slideshow")
    assert state.strip.kind == "interp" and len(got) == 5


def test_the_main_images_w_comes_back_to_the_state(state, G):
    assert not state.set_space("w")           # nothing rendered yet: no w to go to
    first = state.send_main(1)
    result = render(G, first)
    assert state.main_rendered(result) is first and state.shown_request is first
    assert state.set_space("w") and state.a.space == "w"
    assert np.allclose(state.a.values, result.w[0])
    # The same w renders the same pixels as the z it came from.
    again = render(G, state.send_main(2))
    assert np.array_equal(again.images, result.images)


def test_a_render_of_an_older_a_is_not_taken_for_the_new_one(state, G):
    state.main_rendered(render(G, state.send_main(1)))
    state.set_seed("a", 99)                   # A changed; its image is not back yet
    assert not state.set_space("w") and state.a.space == "z"
    state.main_rendered(render(G, state.send_main(2)))
    assert state.set_space("w+") and state.a.values.shape == (G.num_ws, G.w_dim)


def test_an_older_result_arriving_late_is_forgotten(state, G):
    old, new = state.send_main(1), state.send_main(2)
    assert state.main_rendered(render(G, new)) is new
    assert state.main_rendered(render(G, old)) is None     # given up: never shown as the newest


def cli_request(G, *argv):
    """The request `ganstudio export CKPT ARGV --out x.png` renders with G."""
    import argparse

    from ganstudio.cli import export as cli
    parser = argparse.ArgumentParser()
    cli.add_parser(parser.add_subparsers())
    args = parser.parse_args(["export", "model.pt", *map(str, argv), "--out", "x.png"])
    return cli._build(G, args, cli._check_args(args))


def same(a, b) -> bool:
    return a.to_dict() == b.to_dict()


def test_the_strip_is_the_request_ganstudio_export_builds_for_the_same_settings(state, G):
    from ganstudio.core.export import compute_directions
    for slot, seed in (("a", 4), ("b", 2), ("c", 3)):
        state.set_seed(slot, seed)
    state.set_truncation(psi=0.7)
    psi = ("--psi", 0.7)
    state.set_strip(kind="gallery", gallery_shape=(2, 8), gallery_seeds=list(range(5, 21)))
    assert same(state.strip_request(), cli_request(G, "--grid", "2x8", "--seed", 5, *psi))
    state.set_strip(kind="interp", points=["a", "b", "c"], frames=5, mode="lerp", space="w")
    assert same(state.strip_request(), cli_request(G, "--interp", "4,2,3", "--frames", 5, "--mode", "lerp",
                                                   "--space", "w", *psi))
    state.set_strip(kind="mix_grid", mix_rows_seeds=[1, 2], mix_cols_seeds=[3, 4, 5], mix_styles="middle")
    assert same(state.strip_request(), cli_request(G, "--mix", "1,2x3,4,5", "--styles", "middle", *psi))
    state.set_strip(kind="sweep", sweep_target="dimension", sweep_index=3, sweep_lo=-2.0, sweep_hi=2.0, sweep_steps=5)
    assert same(state.strip_request(), cli_request(G, "--sweep", 3, "--seed", 4, "--steps", 5, "--range=-2,2", *psi))
    state.set_directions(compute_directions(G, "pca"))     # as the Explorer computes them on opening
    state.set_strip(sweep_target="direction", sweep_index=1)
    assert same(state.strip_request(), cli_request(G, "--sweep", "pca1", "--seed", 4, "--steps", 5, "--range=-2,2",
                                                   *psi))
    state.set_direction_rows(0, 3)
    assert same(state.strip_request(), cli_request(G, "--sweep", "pca1", "--seed", 4, "--steps", 5, "--range=-2,2",
                                                   "--layers", "0:3", *psi))
    # ... and a setting that differs makes a different request (the comparison can fail)
    assert not same(state.strip_request(), cli_request(G, "--sweep", "pca1", "--seed", 4, "--steps", 5,
                                                       "--range=-2,2", *psi))
