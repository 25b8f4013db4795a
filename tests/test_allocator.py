"""Big freed blocks stay in the process for the next tensors (glibc), unless switched off:
rendering a StyleGAN2 again then costs (nearly) no fresh page faults."""
import os
import subprocess
import sys

import pytest

PROBE = """
import resource, torch
torch.set_num_threads(1)
from ganstudio.allocator import keep_freed_memory
tuned = keep_freed_memory()
from ganstudio.core.nets.stylegan import NVLabsStyleGAN2Config, StyleGenerator
G = StyleGenerator(NVLabsStyleGAN2Config(resolution=256, channel_base=16384, channel_max=128)).eval()
with torch.inference_mode():
    ws = G.mapping(torch.randn(2, 512))
    for _ in range(2):                              # the first renders fill the heap
        G.synthesis(ws, noise_mode="const")
    before = resource.getrusage(resource.RUSAGE_SELF).ru_minflt
    for _ in range(6):                              # the next ones should find it there (six, so
        G.synthesis(ws, noise_mode="const")         # that one growth of the heap, 8,192 pages, is
                                                    # far below a tenth of the plain faults)
print(tuned, resource.getrusage(resource.RUSAGE_SELF).ru_minflt - before)
"""


def page_faults(setting):
    env = {k: v for k, v in os.environ.items() if k != "GANSTUDIO_KEEP_FREED_MEMORY"}
    if setting is not None:
        env["GANSTUDIO_KEEP_FREED_MEMORY"] = setting
    out = subprocess.run([sys.executable, "-c", PROBE], env=env, capture_output=True, text=True,
                         timeout=120)
    assert out.returncode == 0, out.stderr
    tuned, faults = out.stdout.split()
    return tuned == "True", int(faults)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc's mallopt: Linux only")
def test_freed_big_blocks_are_reused_unless_switched_off():
    kept, kept_faults = page_faults(None)
    plain, plain_faults = page_faults("0")
    assert kept and not plain
    assert plain_faults > 20000                       # glibc's default: fresh pages every layer
    assert kept_faults < 0.1 * plain_faults           # the freed layers' memory is reused
