"""Rendering big models: chunked batches, jobs that can pause and give up, previews from the
image so far, and the cache of unchanged synthesis blocks. All must give the pixels of one
plain batched render."""
import numpy as np
import pytest
import torch

from explorer_models import one_torch_thread, style_generator
from ganstudio.core import latent as L
from ganstudio.core.activation_memory import ACTIVATION_BUDGET_BYTES, activation_bytes_per_sample, chunk_size
from ganstudio.core.imaging import to_uint8
from ganstudio.core.nets.stylegan import NVLabsStyleGAN2Config, StyleGenerator
from ganstudio.core.render import (Latent, MixGridSpec, PathSpec, RenderRequest, SweepSpec, preview_resolution,
                                   render)
from ganstudio.core.render_job import RenderJob, upscaled_preview
from ganstudio.core.synthesis_cache import SynthesisCache

_threads = pytest.fixture(scope="module", autouse=True)(one_torch_thread)


@pytest.fixture(scope="module")
def G():
    return style_generator()


def seeds(G, *s):
    return tuple(Latent.from_seed(k, G.z_dim) for k in s)


REQUESTS = {
    "grid": lambda G: RenderRequest(seeds(G, *range(7)), kind="grid"),
    "sweep": lambda G: RenderRequest(seeds(G, 3), kind="strip", sweep=SweepSpec(dim=2, steps=5)),
    "interp": lambda G: RenderRequest(seeds(G, 1, 2), kind="strip", path=PathSpec((0, 1), 6, "slerp", "w")),
    "mix_grid": lambda G: RenderRequest(seeds(G, 1, 2, 3, 4), kind="mix_grid",
                                        mix_grid=MixGridSpec((0, 1), (2, 3), (4, 5, 6))),
    "noise_off": lambda G: RenderRequest(seeds(G, *range(5)), kind="grid", noise_mode="none", psi=0.7),
}


@pytest.mark.parametrize("kind", sorted(REQUESTS))
@pytest.mark.parametrize("chunk", [1, 2, 3])
def test_a_batch_in_chunks_gives_the_images_of_one_batch(G, kind, chunk):
    req = REQUESTS[kind](G)
    whole, chunked = render(G, req, chunk=1000), render(G, req, chunk=chunk)
    assert whole.ok and chunked.ok, (whole.error, chunked.error)
    assert np.array_equal(whole.latents, chunked.latents)          # the same samples, exactly
    assert whole.images.shape == chunked.images.shape and whole.composite.shape == chunked.composite.shape
    # The same pixels. CPU conv kernels may pick another algorithm for another batch size: float32
    # sums in another order differ by ~1e-6, which now and then flips a rounding to uint8.
    diff = np.abs(whole.images.astype(int) - chunked.images.astype(int))
    assert diff.max() <= 1 and (diff > 0).mean() < 0.01


def test_random_noise_in_chunks_reproduces_exactly(G):
    req = RenderRequest(seeds(G, 5), kind="variation", variation=5, noise_seed=11)
    a, b = render(G, req, chunk=2), render(G, req, chunk=2)
    assert a.ok and np.array_equal(a.images, b.images)
    assert len({im.tobytes() for im in a.images[:-1]}) == 5   # every draw differs


def test_a_config_f_1024_model_renders_in_chunks_of_at_most_1_gb():
    big = StyleGenerator(NVLabsStyleGAN2Config(resolution=1024, channel_base=32768, conv_clamp=256))
    per_sample = activation_bytes_per_sample(big)
    assert 100 << 20 < per_sample < 1 << 30             # hundreds of MB per 1024 px sample
    n = chunk_size(big)
    assert 1 <= n <= 4 and n * per_sample <= ACTIVATION_BUDGET_BYTES
    assert chunk_size(style_generator()) >= 64          # a small model: one batch


def test_a_job_shows_its_tiles_as_they_come_and_can_pause_and_give_up(G):
    req = REQUESTS["grid"](G)
    job = RenderJob(G, req, chunk=3)
    job.step()
    part = job.partial()
    assert (part.meta["done"], part.meta["total"]) == (3, 7) and not job.finished
    assert part.images[:3].any() and not part.images[3:].any()      # the rest still blank
    job.step(should_stop=lambda: True)                              # given up between blocks
    assert job.cancelled and job.done == 3
    while not job.finished:
        job.step(max_samples=1)
    assert np.array_equal(job.result().images, render(G, req).images)
    gave_up = render(G, req, should_stop=lambda: True)
    assert gave_up.cancelled and gave_up.images is None


def test_a_failing_chunk_is_an_error_not_an_exception(G):
    req = RenderRequest(seeds(G, 1, 2), kind="grid", noise_strength=((999, 0.5),))
    res = render(G, req, chunk=1)
    assert not res.ok and "999" in res.error


def test_the_preview_is_the_skip_output_of_the_same_latent_upscaled():
    torch.manual_seed(0)
    G = style_generator()
    res_preview = preview_resolution(G)
    assert res_preview == 8                                 # the 16 px model: the 8 px block
    req = RenderRequest(seeds(G, 4), psi=0.8)
    previews = []
    full = render(G, req, preview_res=res_preview, on_preview=previews.append)
    assert full.ok and len(previews) == 1
    p = previews[0]
    ws = L.truncate(G.mapping(torch.tensor(req.latents[0].values)[None]), G.mapping.w_avg, 0.8, None)
    with torch.inference_mode():
        skip = G.synthesis.block_outputs(ws, noise_mode="const")[8][1]
    assert np.array_equal(p.images, to_uint8(skip))
    assert np.array_equal(p.composite, to_uint8(upscaled_preview(skip, 16))[0])
    assert p.composite.shape == full.composite.shape and p.meta["preview_res"] == 8


def test_models_without_blocks_have_no_preview():
    from explorer_models import dcgan_generator
    assert preview_resolution(dcgan_generator()) is None


def _edits(G):
    """A session of main-image edits: fine styles, mixing, noise, w+ rows, then coarse changes."""
    a, b, c = seeds(G, 1, 2, 3)
    fine = list(L.mixing_rows(G, {4: 0, 8: 0, 16: 1}))
    middle = list(L.mixing_rows(G, {4: 0, 8: 1, 16: 2}))
    wplus = np.tile(np.linspace(-1, 1, G.w_dim, dtype=np.float32), (G.num_ws, 1))
    wplus2 = wplus.copy()
    wplus2[-1] += 0.5
    return [
        RenderRequest((a,)),
        RenderRequest((a, b, c), mix_rows=tuple(fine)),
        RenderRequest((a, c, b), mix_rows=tuple(fine)),
        RenderRequest((a, b, c), mix_rows=tuple(middle)),
        RenderRequest((a,), noise_strength=((16, 0.2),)),
        RenderRequest((a,), noise_strength=((16, 0.2),)),                # nothing changed
        RenderRequest((a,), noise_mode="random", noise_seed=3),
        RenderRequest((a,), noise_mode="random", noise_seed=3, noise_strength=((16, 2.0),)),
        RenderRequest((a,), noise_mode="random", noise_seed=4),
        RenderRequest((Latent("w+", wplus),)),
        RenderRequest((Latent("w+", wplus2),)),
        RenderRequest((a,), psi=0.5),
        RenderRequest((b,), noise_mode="none"),
    ]


def test_cached_renders_equal_uncached_ones_and_reuse_unchanged_blocks(G):
    cache = SynthesisCache()
    for i, req in enumerate(_edits(G)):
        cached, plain = render(G, req, cache=cache), render(G, req)
        assert cached.ok and plain.ok, (cached.error, plain.error)
        assert np.array_equal(cached.images, plain.images), f"edit {i} differs"
    assert cache.stats.blocks_reused >= 6       # fine edits skip the first blocks


def test_a_render_given_up_midway_leaves_the_cache_correct(G):
    cache = SynthesisCache()
    edits = _edits(G)
    render(G, edits[0], cache=cache)
    calls = []
    gave_up = render(G, edits[1], cache=cache, should_stop=lambda: calls.append(1) or len(calls) > 1)
    assert gave_up.cancelled
    for req in edits[1:4]:
        assert np.array_equal(render(G, req, cache=cache).images, render(G, req).images)


def test_the_cache_follows_the_network_it_was_filled_for(G):
    cache = SynthesisCache()
    other = style_generator(seed=1)
    req = _edits(G)[0]
    render(G, req, cache=cache)
    assert np.array_equal(render(other, req, cache=cache).images, render(other, req).images)
    with torch.no_grad():
        other.synthesis.b16.torgb.bias.add_(0.5)          # weights edited in place
    assert np.array_equal(render(other, req, cache=cache).images, render(other, req).images)
