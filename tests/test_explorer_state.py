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
    assert state.strip.kind == "interp"


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
