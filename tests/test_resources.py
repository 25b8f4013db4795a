"""What ships in resources/: the app finds it without depending on the working directory."""
import os
import subprocess
import sys

from ganstudio import resources
from ganstudio.core.checkpoint import load_checkpoint


def test_default_model_is_a_loadable_generator_not_the_classifier():
    path = resources.default_model()
    assert path is not None and "classifier" not in path.name
    ckpt = load_checkpoint(path)
    assert ckpt.family in ("stylegan", "dcgan") and ckpt.step > 0
    # a full checkpoint (G, EMA G, D and their Adam moments, so training continues from it) of
    # a small model: the 96-channel 32 px StyleGAN is 21 MiB; a file several times that would be
    # a model shipped by mistake
    assert path.stat().st_size <= 25 * 2 ** 20
    assert all("classifier" not in p.name for p in resources.shipped_models())


def test_resources_are_found_from_any_working_directory(tmp_path):
    code = "from ganstudio import resources; print(resources.default_model())"
    out = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True,
                         text=True, check=True, env={k: v for k, v in os.environ.items()
                                                     if k != "GANSTUDIO_RESOURCES"})
    assert out.stdout.strip().endswith(".pt")
