"""Projection (GAN inversion): a generated image is found again, Stop keeps the best latent,
the result and `ganstudio project`'s sidecar render the reconstruction pixel for pixel, bad
pictures get clear messages, models without a mapping network optimise z, and the command
line refuses bad numbers naming the option."""
import struct
import zlib

import numpy as np
import pytest
import torch
from PIL import Image

from explorer_models import dcgan_generator, export_cli, one_torch_thread, style_generator
from ganstudio.core.checkpoint import save_checkpoint
from ganstudio.core.imaging import from_uint8
from ganstudio.core.nets import build_discriminator
from ganstudio.core.projection import Projector, ProjectionSettings
from ganstudio.core.projection_distance import make_distance, psnr
from ganstudio.core.render import render
from ganstudio.core.target_image import ImageRefused, load_target_image

_threads = pytest.fixture(scope="module", autouse=True)(one_torch_thread)
FAST = dict(w_samples=1000, candidates=128)


def generated_target(G, seed: int = 3) -> torch.Tensor:
    """An image G itself renders from a known latent, as pixels a user could save: [C, R, R]."""
    z = torch.randn(1, G.z_dim, generator=torch.Generator().manual_seed(seed))
    with torch.no_grad():
        img = G.synthesis(G.mapping(z), noise_mode="const") if G.mapping is not None else G(z)
    return from_uint8(((img.clamp(-1, 1) + 1) * 127.5).round().to(torch.uint8).permute(0, 2, 3, 1))[0]


def rendered(G, result) -> np.ndarray:
    out = render(G, result.to_request())
    assert out.ok, out.error
    return out.images[0]


# --- the projector --------------------------------------------------------------------------------------

def test_projecting_a_generated_image_finds_it_again_and_renders_exactly():
    G = style_generator()
    target = generated_target(G)
    steps = []
    p = Projector(G, target, ProjectionSettings(space="w+", steps=60, start="best", **FAST),
                  progress=steps.append)
    start = p.best_loss
    result = p.run()
    assert [s.step for s in steps] == list(range(1, 61))
    assert result.space == "w+" and result.latent.shape == (G.num_ws, G.w_dim)
    assert result.best_loss < start / 4
    recon = from_uint8(result.reconstruction)
    assert float(psnr(recon, target[None])) > 22.0
    # the plain-data result renders its reconstruction pixel for pixel
    assert np.array_equal(rendered(G, result), result.reconstruction)
    # each step shows the current reconstruction
    assert steps[-1].pixels().shape == (16, 16, G.channels)


def test_w_space_gives_one_w_for_every_layer():
    G = style_generator()
    result = Projector(G, generated_target(G), ProjectionSettings(space="w", steps=10, **FAST)).run()
    assert result.space == "w" and result.latent.shape == (G.w_dim,)
    assert result.losses[-1] < result.losses[0]
    assert np.array_equal(rendered(G, result), result.reconstruction)


def test_stop_keeps_the_best_latent_so_far():
    G = style_generator()
    p = Projector(G, generated_target(G, 5), ProjectionSettings(space="w+", steps=200, **FAST))
    for step in p:
        if step.step == 15:
            p.stop()
    result = p.result()
    assert result.stopped and result.steps_done == 15 and len(result.losses) == 15
    assert result.best_loss == min(result.losses) and result.losses[result.best_step - 1] == result.best_loss
    assert np.array_equal(rendered(G, result), result.reconstruction)
    with pytest.raises(RuntimeError):
        p.step()


def test_should_stop_ends_a_run_with_the_best_latent():
    G = style_generator()
    p = Projector(G, generated_target(G), ProjectionSettings(steps=100, **FAST))
    result = p.run(should_stop=lambda: len(p.losses) >= 5)
    assert result.steps_done == 5 and result.stopped


def test_the_discriminator_distance_and_noise_optimisation_run():
    G = style_generator()
    D = build_discriminator(G.config).eval()
    target = generated_target(G)
    settings = ProjectionSettings(space="w", steps=8, noise="optimise", **FAST)
    result = Projector(G, target, settings, make_distance("d", target, D)).run()
    assert result.distance == "d" and len(result.noise_maps) > 0
    assert result.best_loss <= result.losses[0]
    # the model's own noise is untouched by the projection
    again = Projector(G, target, ProjectionSettings(steps=1, **FAST)).run(should_stop=lambda: True)
    assert np.array_equal(rendered(G, again), again.reconstruction)


def test_a_model_without_a_mapping_network_optimises_z():
    G = dcgan_generator()
    target = generated_target(G)
    p = Projector(G, target, ProjectionSettings(space="w+", steps=40))
    assert p.space == "z" and "z is optimised" in p.note
    result = p.run()
    assert result.space == "z" and result.latent.shape == (G.z_dim,)
    assert result.best_loss < result.losses[0] / 4
    assert np.array_equal(rendered(G, result), result.reconstruction)


def test_bad_settings_and_targets_are_refused():
    G = style_generator()
    with pytest.raises(ValueError, match="steps"):
        ProjectionSettings(steps=0).check()
    with pytest.raises(ValueError, match="lr"):
        ProjectionSettings(lr=float("nan")).check()
    with pytest.raises(ValueError, match=r"must be \[1, 16, 16\]"):
        Projector(G, torch.zeros(3, 16, 16))
    with pytest.raises(ValueError, match="NaN"):
        Projector(G, torch.full((1, 16, 16), float("nan")))


# --- pictures --------------------------------------------------------------------------------------------

def tiny_png_header(path, width: int, height: int):
    """A PNG whose header claims width x height (no pixel data): what a huge picture looks like
    before it is decoded."""
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IEND", b""))
    return path


def test_unreadable_truncated_enormous_and_animated_pictures_are_refused(tmp_path):
    text = tmp_path / "notes.png"
    text.write_text("not a picture")
    with pytest.raises(ImageRefused, match="notes.png is not an image"):
        load_target_image(text, 16, 3)
    whole = tmp_path / "whole.png"
    Image.fromarray(np.random.default_rng(0).integers(0, 255, (64, 64, 3), np.uint8)).save(whole)
    cut = tmp_path / "cut.png"
    cut.write_bytes(whole.read_bytes()[:len(whole.read_bytes()) // 2])
    with pytest.raises(ImageRefused, match="cut.png is truncated"):
        load_target_image(cut, 16, 3)
    with pytest.raises(ImageRefused, match="megapixels"):
        load_target_image(tiny_png_header(tmp_path / "huge.png", 12000, 10000), 16, 3)
    with pytest.raises(ImageRefused, match="does not exist"):
        load_target_image(tmp_path / "missing.png", 16, 3)
    gif = tmp_path / "anim.gif"
    frames = [Image.new("RGB", (20, 20), c) for c in ((255, 0, 0), (0, 0, 255))]
    frames[0].save(gif, save_all=True, append_images=frames[1:], duration=100)
    with pytest.raises(ImageRefused, match=r"animated \(2 frames\)"):
        load_target_image(gif, 16, 3)
    blue = load_target_image(gif, 16, 3, frame=1)
    assert blue.pixels[8, 8].tolist() == [0, 0, 255] and "frame 1 of 2" in blue.notes[0]


def test_sixteen_bit_alpha_and_channel_conversions_are_done_and_said(tmp_path):
    deep = tmp_path / "deep.png"
    Image.fromarray(np.full((16, 16), 65535, np.uint16)).save(deep)
    t = load_target_image(deep, 16, 1)
    assert t.pixels.max() == 255 and any("16-bit" in n for n in t.notes)
    rgba = np.zeros((16, 16, 4), np.uint8)   # fully transparent
    Image.fromarray(rgba, "RGBA").save(tmp_path / "clear.png")
    on_white = load_target_image(tmp_path / "clear.png", 16, 3)
    on_black = load_target_image(tmp_path / "clear.png", 16, 3, background="black")
    assert on_white.pixels.min() == 255 and "composited on white" in " ".join(on_white.notes)
    assert on_black.pixels.max() == 0 and "composited on black" in " ".join(on_black.notes)
    Image.new("RGB", (40, 20), (200, 30, 30)).save(tmp_path / "red.png")
    grey = load_target_image(tmp_path / "red.png", 16, 1)
    assert grey.tensor.shape == (1, 16, 16) and any("grey" in n for n in grey.notes)
    assert grey.crop_box == (10, 0, 30, 20)
    Image.new("L", (16, 16), 80).save(tmp_path / "grey.png")
    colour = load_target_image(tmp_path / "grey.png", 16, 3)
    assert colour.tensor.shape == (3, 16, 16) and (colour.pixels == 80).all()
    assert any("colour" in n for n in colour.notes)


# --- the command line ---------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def model(tmp_path_factory):
    G = style_generator()
    path = tmp_path_factory.mktemp("model") / "style.pt"
    return save_checkpoint(path, model_config=G.config, G=G, G_ema=G, D=build_discriminator(G.config), step=1)


def project_cli(*argv) -> int:
    from ganstudio.cli import main
    try:
        return main(["project", *map(str, argv)])
    except SystemExit as e:
        return int(e.code)


def test_project_writes_latents_side_by_side_and_a_sidecar_export_renders_exactly(model, tmp_path, capsys):
    pics = tmp_path / "pics"
    pics.mkdir()
    Image.fromarray(np.random.default_rng(1).integers(0, 255, (48, 40, 3), np.uint8)).save(pics / "a.png")
    (pics / "broken.png").write_bytes(b"\x89PNG\r\n\x1a\nnope")
    out = tmp_path / "out"
    assert project_cli(model, pics, "--space", "w", "--steps", "6", "--out", out, "--video", "gif") == 1
    captured = capsys.readouterr()
    assert "skipped broken.png" in captured.err and "1 of 2 image(s) projected" in captured.err
    assert np.load(out / "a.npy").shape == (10,)
    side = np.asarray(Image.open(out / "a.png"))
    assert side.shape[0] == 16 and side.shape[1] > 32
    assert Image.open(out / "a.gif").n_frames >= 2
    again = tmp_path / "again.png"
    assert export_cli(model, "--from", out / "a.json", "--out", again) == 0
    assert np.array_equal(np.asarray(Image.open(again)), side[:, -16:])


@pytest.mark.parametrize("option, value, words", [
    ("--steps", "0", "--steps must be 1..100000"),
    ("--steps", "-5", "--steps must be 1..100000"),
    ("--steps", "10000000", "--steps must be 1..100000"),
    ("--steps", "many", "--steps takes a whole number"),
    ("--lr", "nan", "--lr must be a finite number"),
    ("--lr", "0", "--lr must be greater than 0"),
    ("--lr", "inf", "--lr must be a finite number"),
    ("--fps", "-1", "--fps must be greater than 0"),
    ("--upscale", "0", "--upscale must be 1..32"),
    ("--candidates", "0", "--candidates must be"),
    ("--crop", "5,5,2,2", "--crop takes LEFT,TOP,RIGHT,BOTTOM"),
])
def test_bad_numbers_are_refused_naming_the_option(model, tmp_path, capsys, option, value, words):
    Image.new("RGB", (16, 16)).save(tmp_path / "p.png")
    assert project_cli(model, tmp_path / "p.png", "--out", tmp_path / "o", option, value) == 2
    err = capsys.readouterr().err
    assert words in err and len(err.strip().splitlines()) == 1
    assert not (tmp_path / "o").exists()


def test_a_missing_picture_is_a_one_line_error(model, tmp_path, capsys):
    assert project_cli(model, tmp_path / "nope.png", "--out", tmp_path / "o") == 2
    assert "nope.png does not exist" in capsys.readouterr().err


# --- official StyleGAN2 / StyleGAN3 models ---------------------------------------------------------------

def test_an_official_stylegan2_pickle_projects_and_its_sidecar_renders_exactly(tmp_path, capsys):
    from official_pickles import marker_source, official_like, sg2_generator_record, write_network_pickle
    pkl = tmp_path / "official.pkl"
    write_network_pickle(pkl, sg2_generator_record(official_like(), marker_source(tmp_path / "ran")))
    Image.fromarray(np.random.default_rng(2).integers(0, 255, (16, 16, 3), np.uint8)).save(tmp_path / "p.png")
    assert project_cli(pkl, tmp_path / "p.png", "--steps", "4", "--out", tmp_path / "o") == 0
    assert not (tmp_path / "ran").exists()
    assert '"distance":"ssim"' in (tmp_path / "o" / "p.json").read_text()   # the pickle's D is not read
    assert export_cli(pkl, "--from", tmp_path / "o" / "p.json", "--out", tmp_path / "x.png") == 0
    side = np.asarray(Image.open(tmp_path / "o" / "p.png"))
    assert np.array_equal(np.asarray(Image.open(tmp_path / "x.png")), side[:, -16:])


def test_a_stylegan3_generator_projects_in_w_plus():
    sg3 = pytest.importorskip("ganstudio.core.nets.stylegan3")
    kwargs = dict(z_dim=8, c_dim=0, w_dim=8, img_resolution=16, img_channels=3, channel_base=256,
                  channel_max=16, mapping_kwargs={"num_layers": 2}, num_layers=4)
    torch.manual_seed(0)
    G = sg3.build_official_sg3(kwargs).eval().requires_grad_(False)
    target = torch.rand(3, 16, 16) * 2 - 1
    result = Projector(G, target, ProjectionSettings(space="w+", steps=5, **FAST)).run()
    assert result.latent.shape == (G.num_ws, G.w_dim) and result.best_loss <= result.losses[0]
    assert np.array_equal(rendered(G, result), result.reconstruction)
