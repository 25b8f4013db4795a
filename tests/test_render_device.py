"""Where the Explorer renders: the device decision, moving the model there (and falling back to
the CPU), View > Render on and the status bar, and official models' float16 layers."""
from __future__ import annotations

import numpy as np
import pytest
import torch

from explorer_models import isolated_qsettings, one_torch_thread, save, style_generator
from ganstudio.core import render_device as rd
from ganstudio.core.imaging import to_uint8
from ganstudio.core.nets.stylegan import NVLabsStyleGAN2Config, StyleGenerator
from ganstudio.core.nets.stylegan3 import build_official_sg3

_threads = pytest.fixture(scope="module", autouse=True)(one_torch_thread)


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path, monkeypatch):
    isolated_qsettings(tmp_path, monkeypatch)


def fake_cuda(monkeypatch, names: list[str]) -> None:
    """Make torch report ``names`` as its CUDA devices (none: no CUDA)."""
    monkeypatch.setattr(torch.cuda, "is_available", lambda: bool(names))
    monkeypatch.setattr(torch.cuda, "device_count", lambda: len(names))
    monkeypatch.setattr(torch.cuda, "get_device_name", lambda i=0: names[int(i or 0)])


# --- the decision -------------------------------------------------------------------------------

def test_without_cuda_everything_renders_on_the_cpu(monkeypatch):
    fake_cuda(monkeypatch, [])
    assert rd.decide_device("auto") == "cpu"
    assert rd.decide_device(None) == "cpu"
    assert rd.decide_device("cuda:1") == "cpu"      # remembered on another machine
    assert rd.render_devices() == [rd.RenderDevice("cpu", "CPU")]
    from ganstudio.cli.common import render_device
    assert render_device("auto") == "cpu"


def test_with_cuda_auto_is_the_first_gpu_and_every_gpu_is_listed(monkeypatch):
    fake_cuda(monkeypatch, ["Fake A100", "Fake H200"])
    assert rd.decide_device("auto") == "cuda:0"
    assert rd.decide_device("cuda") == "cuda:0"
    assert rd.decide_device("cuda:1") == "cuda:1"
    assert rd.decide_device("cuda:7") == "cuda:0"   # not here: the first one
    assert rd.decide_device("CPU") == "cpu"
    assert [d.key for d in rd.render_devices()] == ["cpu", "cuda:0", "cuda:1"]
    assert [d.name for d in rd.render_devices()] == ["CPU", "Fake A100", "Fake H200"]
    assert rd.describe_device("cuda:1") == "GPU: Fake H200"
    from ganstudio.cli.common import render_device
    assert render_device("auto") == "cuda:0"


@pytest.mark.parametrize("bad", ["gpu", "cuda:x", "tpu:0"])
def test_a_device_that_is_no_device_is_refused(bad):
    with pytest.raises(ValueError, match="cpu, cuda"):
        rd.decide_device(bad)


def test_the_status_text_names_the_cpu_threads():
    assert rd.describe_device("cpu", 2) == "CPU · 2 threads"
    assert rd.describe_device("cpu", 1) == "CPU · 1 thread"
    assert rd.describe_device("cpu") == "CPU"


def test_a_failed_move_leaves_the_model_whole_on_the_cpu(monkeypatch):
    G = style_generator()
    before = {k: v.clone() for k, v in G.state_dict().items()}
    device, why = rd.move_generator(G, "cuda:0")   # this machine's torch has no CUDA
    assert device == "cpu" and "cuda:0" in why and "CPU" in why
    assert rd.device_of(G).type == "cpu"
    after = G.state_dict()
    assert all(torch.equal(before[k], after[k]) for k in before)
    assert rd.move_generator(G, "cpu") == ("cpu", "")


# --- float16 as NVIDIA runs it ----------------------------------------------------------------------

def _sg2(num_fp16_res: int, resolution: int = 32) -> StyleGenerator:
    cfg = NVLabsStyleGAN2Config(z_dim=32, w_dim=32, mapping_layers=2, channel_base=1024,
                                channel_max=32, resolution=resolution, channels=3,
                                conv_clamp=256.0, num_fp16_res=num_fp16_res)
    torch.manual_seed(1)
    G = StyleGenerator(cfg).eval().requires_grad_(False)
    with torch.no_grad():
        for name, p in G.named_parameters():
            if name.endswith("noise_strength"):
                p.fill_(0.3)
            elif name.endswith("bias"):
                p.add_(torch.randn_like(p) * 0.2)
    return G


def _sg3(num_fp16_res: int):
    torch.manual_seed(2)
    return build_official_sg3(dict(z_dim=32, c_dim=0, w_dim=32, img_resolution=32, img_channels=3,
                                   channel_base=1024, channel_max=32, num_layers=5, num_critical=1,
                                   margin_size=4, num_fp16_res=num_fp16_res,
                                   mapping_kwargs=dict(num_layers=2))).eval().requires_grad_(False)


def _images(G, n: int = 3, noise_mode: str = "const") -> np.ndarray:
    z = torch.from_numpy(np.random.RandomState(5).randn(n, G.z_dim).astype(np.float32))
    with torch.inference_mode():
        ws = G.mapping(z, None)
        return to_uint8(G.synthesis(ws, noise_mode=noise_mode))


def test_stylegan2_fp16_blocks_are_the_top_num_fp16_res_resolutions():
    assert _sg2(0).synthesis.fp16_resolutions() == []
    assert _sg2(2).synthesis.fp16_resolutions() == [16, 32]
    assert _sg2(4, resolution=256).synthesis.fp16_resolutions() == [32, 64, 128, 256]
    assert _sg2(9, resolution=64).synthesis.fp16_resolutions() == [8, 16, 32, 64]   # never below 8


def test_stylegan3_fp16_layers_follow_their_sampling_rates():
    net = _sg3(1).synthesis
    rates = {n: getattr(net, n).out_sampling_rate for n in net.layer_names}
    assert net.fp16_layers() == [n for n in net.layer_names if rates[n] * 2 > 32]
    assert 0 < len(net.fp16_layers()) < len(net.layer_names)
    assert _sg3(0).synthesis.fp16_layers() == []


@pytest.mark.parametrize("make", [_sg2, _sg3], ids=["stylegan2", "stylegan3"])
@pytest.mark.parametrize("n", [1, 3])
def test_the_fp16_path_runs_close_to_fp32_and_the_cpu_default_is_unchanged(make, n):
    G = make(1 if make is _sg3 else 2)
    default = _images(G, n)
    G.synthesis.set_fp16(enabled=False)
    fp32 = _images(G, n)
    assert np.array_equal(default, fp32)          # on the CPU nothing changes by default
    G.synthesis.set_fp16(on_cpu=True)
    half = _images(G, n)
    G.synthesis.set_fp16()
    diff = np.abs(half.astype(int) - fp32.astype(int))
    assert diff.max() <= 4 and diff.mean() < 0.5  # within a few uint8 levels ...
    assert not np.array_equal(half, fp32)         # ... and float16 really ran


def test_fp16_blocks_clamp_at_conv_clamp_in_float16():
    G = _sg2(2)
    G.synthesis.set_fp16(on_cpu=True)
    seen = {}
    G.synthesis.b32.conv1.register_forward_hook(lambda m, i, o: seen.setdefault("conv1", o))
    G.synthesis.b8.conv1.register_forward_hook(lambda m, i, o: seen.setdefault("fp32", o))
    with torch.no_grad():
        G.synthesis.b32.conv1.bias.fill_(1000.0)   # far past the clamp
    _images(G, 1)
    assert seen["conv1"].dtype == torch.float16 and seen["fp32"].dtype == torch.float32
    assert float(seen["conv1"].float().abs().max()) == 256.0


def test_an_official_pickle_keeps_its_fp16_blocks(tmp_path):
    from official_pickles import marker_source, network_pickle, official_like, sg2_generator_record
    from ganstudio.core.official.loader import read_network_pickle
    G = official_like(num_fp16_res=2)
    assert G.synthesis.fp16_resolutions() == [8, 16]
    model = read_network_pickle(network_pickle(sg2_generator_record(G, marker_source("m"))), "g.pkl")
    assert model.model_config["num_fp16_res"] == 2
    plain = read_network_pickle(network_pickle(sg2_generator_record(official_like(), marker_source("m"))), "g.pkl")
    assert "num_fp16_res" not in plain.model_config


# --- the Explorer --------------------------------------------------------------------------------

def _wait_main(qtbot, p):
    qtbot.waitUntil(lambda: p._main_result is not None and p._main_result.request_id == p.last_main_request_id,
                    timeout=20000)
    return p._main_result


def test_switching_to_the_cpu_renders_the_same_image_and_is_remembered(qtbot, explorer_panel, tmp_path):
    p = explorer_panel
    with qtbot.waitSignal(p.first_image_shown, timeout=20000):
        assert p.open_path(save(tmp_path / "style.pt", style_generator()))
    first = _wait_main(qtbot, p).composite.copy()
    rid = p.last_main_request_id
    texts = []
    p.render_device_changed.connect(texts.append)
    assert p.set_render_device("cpu")
    assert p.last_main_request_id > rid               # the image on screen renders again
    again = _wait_main(qtbot, p)
    assert np.array_equal(again.composite, first)
    assert texts and texts[-1].startswith("CPU")
    from ganstudio.ui.explorer import files
    from ganstudio.ui.explorer.panel import RENDER_DEVICE_KEY, remembered_render_device
    assert files.settings().value(RENDER_DEVICE_KEY) == "cpu"
    assert remembered_render_device() == "cpu"


def test_a_failing_move_falls_back_to_the_cpu_with_a_message(qtbot, explorer_panel, tmp_path):
    p = explorer_panel
    with qtbot.waitSignal(p.first_image_shown, timeout=20000):
        assert p.open_path(save(tmp_path / "style.pt", style_generator()))
    first = _wait_main(qtbot, p).composite.copy()
    p.worker.set_device("cuda:0")                    # as if chosen; this torch has no CUDA
    with qtbot.waitSignal(p.worker.device_changed, timeout=20000) as sig:
        p._submit_main()
    device, why = sig.args
    assert device == "cpu" and "cuda:0" in why
    again = _wait_main(qtbot, p)
    assert again.ok and np.array_equal(again.composite, first)   # nothing lost
    assert p.worker.device == "cpu"
    qtbot.waitUntil(lambda: "cuda:0" in p.banner.text(), timeout=5000)


def test_the_device_does_not_change_under_a_running_projection(qtbot, explorer_panel):
    p = explorer_panel

    class Busy:
        running = True
    task = Busy()
    p.worker.track(task)
    assert not p.set_render_device("cpu")
    task.running = False
    assert p.set_render_device("cpu")


def test_the_menu_lists_the_devices_of_the_decision(qtbot, monkeypatch):
    fake_cuda(monkeypatch, ["Fake H200"])
    from ganstudio.ui.main_window import MainWindow
    w = MainWindow()
    qtbot.addWidget(w)
    try:
        texts = [a.text() for a in w.render_menu.actions()]
        assert texts[1:] == ["CPU", "Fake H200"]
        assert [a.data() for a in w.render_menu.actions()] == ["auto", "cpu", "cuda:0"]
        assert w.render_menu.actions()[0].isChecked()
        assert w.render_device_label.text().startswith("Rendering: ")
    finally:
        w.explorer.worker.set_device("cpu")   # nothing may try the fake GPU
        w.close()


def test_the_menu_switches_the_explorer_to_the_cpu(qtbot, monkeypatch):
    fake_cuda(monkeypatch, [])
    from ganstudio.ui.main_window import MainWindow
    w = MainWindow()
    qtbot.addWidget(w)
    try:
        assert [a.data() for a in w.render_menu.actions()] == ["auto", "cpu"]
        cpu = w.render_menu.actions()[1]
        cpu.trigger()
        assert cpu.isChecked() and w.explorer.worker.device == "cpu"
        assert w.render_device_label.text().startswith("Rendering: CPU")
    finally:
        w.close()


# --- on a real GPU (run by benchmarks/gpu_check.py where CUDA is) -----------------------------------

cuda = pytest.mark.skipif(not torch.cuda.is_available(), reason="needs a CUDA device")


@cuda
@pytest.mark.parametrize("make", [_sg2, _sg3], ids=["stylegan2", "stylegan3"])
def test_on_cuda_the_fp16_layers_run_and_stay_close_to_the_cpu(make):
    G_cpu = make(1 if make is _sg3 else 2)
    cpu = _images(G_cpu)
    G = make(1 if make is _sg3 else 2)
    assert rd.move_generator(G, "cuda:0") == ("cuda:0", "")
    half = _images(G)
    G.synthesis.set_fp16(enabled=False)
    fp32 = _images(G)
    assert np.abs(fp32.astype(int) - cpu.astype(int)).max() <= 2
    assert np.abs(half.astype(int) - cpu.astype(int)).max() <= 4
    assert not np.array_equal(half, fp32)


@cuda
def test_on_cuda_a_request_renders_like_on_the_cpu_random_noise_included():
    from ganstudio.core.render import render
    from ganstudio.core.requests import image_request, seed_latents
    G_cpu, G = _sg2(2), _sg2(2)
    rd.move_generator(G, "cuda:0")
    for mode in ("const", "random"):
        req = image_request(seed_latents([4], G.z_dim), noise_mode=mode, noise_seed=9, psi=0.7)
        a, b = render(G, req), render(G_cpu, req)
        assert a.ok and b.ok
        assert np.abs(a.composite.astype(int) - b.composite.astype(int)).max() <= 4


@cuda
def test_on_cuda_a_style_study_gives_the_cpu_numbers():
    from ganstudio.train.style_studies import run_study
    G_cpu, G = _sg2(0), _sg2(0)
    rd.move_generator(G, "cuda:0")
    a, b = run_study("noise", G, False), run_study("noise", G_cpu, False)
    assert a.numbers == pytest.approx(b.numbers)
    assert rd.device_of(G).type == "cuda"   # the Explorer's model stays where it was


@pytest.mark.skipif(torch.cuda.is_available(), reason="checks the machine without CUDA")
def test_the_gpu_check_says_there_is_no_gpu_and_succeeds():
    import subprocess
    import sys
    from pathlib import Path
    root = Path(__file__).resolve().parents[1]
    out = subprocess.run([sys.executable, str(root / "benchmarks" / "gpu_check.py")], cwd=root,
                         capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr
    assert "no CUDA device" in out.stdout
