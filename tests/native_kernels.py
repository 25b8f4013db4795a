"""What the tests of the native CPU kernels (``stylegan3_native``: StyleGAN3's filtering and
the one-pass end of StyleGAN2's layers) share: the skip mark for a build without the library,
seeded random tensors, and comparison up to float32 rounding."""
from __future__ import annotations

import pytest
import torch

from ganstudio.core.nets import stylegan3_native as native

needs_library = pytest.mark.skipif(
    not native.available(),
    reason="the native kernels are not built (pip install -e . builds them)")


def rand(*shape, seed: int = 0, scale: float = 1.0) -> torch.Tensor:
    return torch.randn(*shape, generator=torch.Generator().manual_seed(seed)) * scale


def close(a: torch.Tensor, b: torch.Tensor, rel: float = 2e-5) -> None:
    """Equal up to float32 rounding (sums of up to a few hundred terms; a wrong tap, index or
    edge would be off by the order of the values)."""
    assert a.shape == b.shape
    scale = max(b.abs().max().item(), 1e-30)
    assert (a - b).abs().max().item() <= rel * scale, (a - b).abs().max().item() / scale
