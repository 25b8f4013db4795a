"""Official NVlabs network pickles: opened by the restricted unpickler (nothing from the file
runs), mapped onto GAN Studio's StyleGAN2 network, rendered, exported and converted.

The pickles are built by hand in ``official_pickles.py`` with NVlabs' persistence structure;
no NVIDIA code is involved."""
from __future__ import annotations

import builtins
import os
import pickle
import subprocess

import numpy as np
import pytest
import torch
from PIL import Image

from explorer_models import export_cli as cli, one_torch_thread
from official_pickles import (EasyDict, Persistent, marker_source, network_pickle, official_like,
                              persistent_tree, sg2_generator_record)
from ganstudio.core.checkpoint import CheckpointError, load_checkpoint, save_generator_checkpoint
from ganstudio.core.official import PersistentObject, unpickle_network
from ganstudio.core.official import families
from ganstudio.core.render import Latent, RenderRequest, render

_threads = pytest.fixture(scope="module", autouse=True)(one_torch_thread)

@pytest.fixture(scope="module")
def sg2(tmp_path_factory):
    d = tmp_path_factory.mktemp("official")
    marker = d / "module_src_ran"
    G = official_like()
    path = d / "network-snapshot-000400.pkl"
    path.write_bytes(network_pickle(sg2_generator_record(G, marker_source(marker))))
    return {"path": path, "G": G, "marker": marker, "dir": d}


def labels(classes, c_dim=3):
    return torch.nn.functional.one_hot(torch.tensor(classes), c_dim).float()


# --- reading the pickle ------------------------------------------------------------------------------

@pytest.mark.parametrize("protocol", [2, 4])
def test_a_hand_built_network_pickle_loads_into_the_right_state_dict(tmp_path, protocol):
    marker = tmp_path / "ran"
    G = official_like(1)
    path = tmp_path / "net.pkl"
    path.write_bytes(network_pickle(sg2_generator_record(G, marker_source(marker)), protocol=protocol))
    ckpt = load_checkpoint(path)
    assert not marker.exists()                      # the pickled module source never ran
    cfg = ckpt.model_config
    assert (cfg["family"], cfg["c_dim"], cfg["mapping_layers"], cfg["conv_clamp"], cfg["w_avg_beta"]) == \
        ("nvlabs-stylegan2", 3, 2, 256.0, 0.998)
    want = G.state_dict()
    assert list(ckpt.G) == list(want)                # official resample_filter buffers dropped
    assert all(torch.equal(ckpt.G[k], want[k]) for k in want)
    built = ckpt.build_generator()
    z = torch.randn(3, 8, generator=torch.Generator().manual_seed(0))
    for c in (labels([0, 1, 2]), None):
        assert torch.equal(built(z, psi=0.7, c=c, noise_mode="const"), G(z, psi=0.7, c=c, noise_mode="const"))
    official = ckpt.extra["official"]
    assert official["generator"] == "G_ema" and official["kind"] == "StyleGAN2"
    assert official["training_set_kwargs"]["path"] == "~/datasets/ffhq.zip"
    assert official["init_kwargs"]["synthesis_kwargs"]["channel_base"] == 128


def test_the_unpickler_turns_persistent_objects_into_inert_records(sg2):
    data = unpickle_network(sg2["path"].read_bytes())
    G = data["G_ema"]
    assert isinstance(G, PersistentObject) and G.class_name == "Generator"
    assert G.init_kwargs["mapping_kwargs"] == {"num_layers": 2}
    assert type(G.init_kwargs["mapping_kwargs"]) is not EasyDict   # a stand-in, not the pickled class
    mapping = G.child("mapping")
    assert mapping.attr("w_avg_beta") == 0.998 and mapping.child("embed").class_name == "FullyConnectedLayer"
    conv = G.child("synthesis").child("b8").child("conv0")
    assert conv.attr("act_gain") == pytest.approx(2 ** 0.5) and conv.attr("in_size").tolist() == [8, 8]
    sd = G.state_dict()
    assert "synthesis.b8.conv0.resample_filter" in sd and "mapping.embed.weight" in sd
    assert G.source_size > 0 and len(G.source_sha256) == 64
    assert not sg2["marker"].exists()


class _Payload:
    def __init__(self, fn, *args):
        self.fn, self.args = fn, args

    def __reduce__(self):
        return self.fn, self.args


def _payloads(marker):
    touch = f"open({str(marker)!r}, 'w').close()"
    return {"posix.system": _Payload(os.system, f"touch {marker}"),
            "subprocess.Popen": _Payload(subprocess.Popen, ["touch", str(marker)]),
            "builtins.eval": _Payload(builtins.eval, touch),
            "builtins.exec": _Payload(builtins.exec, touch)}


@pytest.mark.parametrize("name", ["posix.system", "subprocess.Popen", "builtins.eval", "builtins.exec"])
def test_a_payload_is_refused_by_name_and_does_not_run(tmp_path, sg2, name):
    if name == "posix.system" and os.name != "posix":
        pytest.skip("os.system is posix.system only on POSIX")
    marker = tmp_path / "payload_ran"
    payload = _payloads(marker)[name]
    bare, nested = tmp_path / "bare.pkl", tmp_path / "nested.pkl"
    bare.write_bytes(pickle.dumps(payload))
    G_rec = sg2_generator_record(sg2["G"], marker_source(marker))  # a real network around it
    nested.write_bytes(network_pickle(G_rec, training_set_kwargs={"path": payload}))
    for path in (bare, nested):
        with pytest.raises(CheckpointError) as info:
            load_checkpoint(path)
        assert "was not unpickled" in str(info.value) and name in str(info.value)
        assert "Nothing from the file was run" in str(info.value)
    assert not marker.exists()


class _EvilStorage:
    """A 'tensor storage' whose bytes are a code-running pickle."""

    def __init__(self, inner: bytes):
        self.inner = inner

    def __reduce__(self):
        return torch.storage._load_from_bytes, (self.inner,)


def test_unknown_globals_and_evil_storages_are_refused_by_name(tmp_path):
    evil_inner = pickle.dumps(_Payload(os.system, f"touch {tmp_path / 'ran'}"), protocol=2)
    cases = {
        "linear.pkl": (pickle.dumps({"G_ema": torch.nn.Linear(2, 2)}), "torch.nn.modules.linear.Linear"),
        "tf.pkl": (b"\x80\x02cdnnlib.tflib.network\nNetwork\n)\x81.", "TensorFlow-era StyleGAN pickle"),
        "getattr.pkl": (b"\x80\x02cbuiltins\ngetattr\n.", "builtins.getattr"),
        "storage.pkl": (pickle.dumps({"G_ema": _EvilStorage(evil_inner)}), "refused by torch's safe loader"),
    }
    for fname, (raw, words) in cases.items():
        (tmp_path / fname).write_bytes(raw)
        with pytest.raises(CheckpointError) as info:
            load_checkpoint(tmp_path / fname)
        assert words in str(info.value), str(info.value)
    assert not (tmp_path / "ran").exists()


class _DTypeWithFlags:
    """A float dtype whose pickled state claims it holds Python objects (flag bits)."""

    def __reduce__(self):
        return np.dtype, ("f8", False, True), (3, "<", None, None, None, -1, -1, 63)


def test_numpy_objects_and_forged_dtypes_are_refused(tmp_path):
    cases = {"objects.pkl": (pickle.dumps({"G_ema": np.array([object()])}), "not a plain number type"),
             "flags.pkl": (pickle.dumps({"G_ema": _DTypeWithFlags()}), "unusual pickled state")}
    for fname, (raw, words) in cases.items():
        (tmp_path / fname).write_bytes(raw)
        with pytest.raises(CheckpointError) as info:
            load_checkpoint(tmp_path / fname)
        assert words in str(info.value), str(info.value)


def test_damaged_foreign_and_unsupported_pickles_get_clear_messages(tmp_path, sg2, monkeypatch):
    raw = sg2["path"].read_bytes()
    cases = {"half.pkl": (raw[: len(raw) // 2], "truncated or damaged"),
             "list.pkl": (pickle.dumps([1, 2, 3]), "holds no network generator")}
    resnet = sg2_generator_record(sg2["G"], "")
    resnet.state["_modules"]["synthesis"].state["_modules"]["b8"].state["architecture"] = "resnet"
    cases["resnet.pkl"] = (network_pickle(resnet), "'resnet' architecture")
    sg3_like = Persistent("Generator", {"_modules": {"synthesis": Persistent(
        "SynthesisNetwork", {"_modules": {"input": Persistent("SynthesisInput", {}, "")}}, "")},
        "_init_kwargs": {"z_dim": 4, "c_dim": 0, "w_dim": 4, "img_resolution": 16, "img_channels": 3}}, "")
    cases["sg3.pkl"] = (network_pickle(sg3_like), "StyleGAN3 networks are not available")
    monkeypatch.setattr(families, "stylegan3_module", lambda: None)
    for fname, (data, words) in cases.items():
        (tmp_path / fname).write_bytes(data)
        with pytest.raises(CheckpointError) as info:
            load_checkpoint(tmp_path / fname)
        assert words in str(info.value), str(info.value)


# --- conversion and rendering ----------------------------------------------------------------------

def test_conversion_round_trips_through_a_weights_only_checkpoint(sg2, tmp_path):
    ckpt = load_checkpoint(sg2["path"])
    out = save_generator_checkpoint(ckpt, tmp_path / "converted.pt")
    raw = torch.load(out, weights_only=True)   # plain data only
    assert raw["model_config"] == ckpt.model_config and raw["extra"]["official"]["kind"] == "StyleGAN2"
    again = load_checkpoint(out)
    assert again.model_config == ckpt.model_config
    z = torch.randn(2, 8, generator=torch.Generator().manual_seed(3))
    a, b = again.build_generator(), ckpt.build_generator()
    assert torch.equal(a(z, c=labels([1, 2]), noise_mode="const"), b(z, c=labels([1, 2]), noise_mode="const"))
    assert again.summary()["origin"] == "official StyleGAN2 network pickle (G_ema)"
    with pytest.raises(CheckpointError, match="end in .pt"):
        save_generator_checkpoint(ckpt, tmp_path / "converted.pkl")


def test_the_class_of_a_conditional_model_is_part_of_the_request(sg2):
    G = load_checkpoint(sg2["path"]).build_generator()
    lat = (Latent.from_seed(4, G.z_dim),)
    imgs = {k: render(G, RenderRequest(lat, class_index=k)).images for k in (None, 0, 2)}
    assert np.array_equal(imgs[None], imgs[0]) and not np.array_equal(imgs[0], imgs[2])
    bad = render(G, RenderRequest(lat, class_index=3))
    assert "classes 0..2" in bad.error
    req = RenderRequest(lat, class_index=2, psi=0.5, cutoff=2)
    assert RenderRequest.from_dict(req.to_dict()).class_index == 2
    assert "class_index" not in RenderRequest(lat).to_dict()   # sidecars of other models unchanged
    mix = RenderRequest(lat + (Latent.from_seed(5, G.z_dim),), mix_rows=(0, 0, 1, 1, 1, 1), class_index=1)
    assert render(G, mix).ok


def test_ganstudio_export_reads_pickles_with_a_class_and_converts_them(sg2, tmp_path, capsys):
    pkl = sg2["path"]
    assert cli(pkl, "--grid", "2x2", "--out", tmp_path / "grid.png") == 0
    assert Image.open(tmp_path / "grid.png").size == (2 * 16 + 3 * 2, 2 * 16 + 3 * 2)
    assert cli(pkl, "--grid", "2x2", "--class", "2", "--psi", "0.7", "--out", tmp_path / "c2.png") == 0
    assert cli(pkl, "--convert", tmp_path / "model.pt") == 0
    assert "wrote" in capsys.readouterr().out
    assert cli(tmp_path / "model.pt", "--grid", "2x2", "--class", "2", "--psi", "0.7",
               "--out", tmp_path / "c2_again.png") == 0
    pixels = {name: np.asarray(Image.open(tmp_path / name)) for name in ("grid.png", "c2.png", "c2_again.png")}
    assert np.array_equal(pixels["c2.png"], pixels["c2_again.png"])   # (their records name each file)
    assert not np.array_equal(pixels["grid.png"], pixels["c2.png"])
    assert cli(pkl, "--grid", "1x1", "--class", "3", "--out", tmp_path / "x.png") == 2
    assert "classes 0..2" in capsys.readouterr().err
    assert cli(pkl, "--convert", tmp_path / "model.pkl") == 2


# --- StyleGAN3: the same loader, the StyleGAN3 network module ------------------------------------------

def test_a_stylegan3_pickle_opens_on_the_stylegan3_network(tmp_path):
    sg3 = pytest.importorskip("ganstudio.core.nets.stylegan3")
    kwargs = dict(z_dim=8, c_dim=2, w_dim=8, img_resolution=16, img_channels=3, channel_base=256,
                  channel_max=16, mapping_kwargs={"num_layers": 2}, num_layers=4)
    torch.manual_seed(0)
    G = sg3.build_official_sg3(dict(kwargs)).eval().requires_grad_(False)
    rec = persistent_tree(G, marker_source(tmp_path / "ran"), rename=False)
    rec.state["_init_kwargs"] = {**kwargs, "mapping_kwargs": EasyDict(num_layers=2)}
    (tmp_path / "sg3.pkl").write_bytes(network_pickle(rec))
    ckpt = load_checkpoint(tmp_path / "sg3.pkl")
    assert ckpt.family == "nvlabs-stylegan3" and not (tmp_path / "ran").exists()
    built = ckpt.build_generator()
    ws = G.mapping(torch.randn(2, 8, generator=torch.Generator().manual_seed(1)), labels([0, 1], 2))
    assert torch.equal(built.synthesis(ws), G.synthesis(ws))
    converted = load_checkpoint(save_generator_checkpoint(ckpt, tmp_path / "sg3.pt"))
    assert torch.equal(converted.build_generator().synthesis(ws), G.synthesis(ws))
    rec.state["_init_kwargs"]["bogus_option"] = 1
    (tmp_path / "bogus.pkl").write_bytes(network_pickle(rec))
    with pytest.raises(CheckpointError, match="bogus_option"):
        load_checkpoint(tmp_path / "bogus.pkl")
