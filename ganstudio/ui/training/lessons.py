"""Lessons: small recipes with a short explanation shown beside the plots.

Each lesson has one or more variants (e.g. the failure and its cure); a variant is a complete
recipe dict, sized so that it shows its point within seconds to a few minutes on a CPU.
"""
from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget


def _toy(toy: str, dim: int, objective: dict, *, steps: int, batch: int = 256, pack: int = 1,
         spectral: bool = False, lr: float = 1e-3, lr_g: float | None = None, betas=(0.5, 0.99),
         ema: float = 0.0, log_every: int = 20, hidden: int = 128, layers: int = 3,
         z_dim: int | None = None) -> dict:
    return {
        "model": {"family": "toy", "data_dim": dim, "z_dim": z_dim or dim,
                  "hidden": hidden, "layers": layers, "pack": pack, "d_spectral_norm": spectral},
        "data": {"kind": "toy", "toy": toy},
        "objective": objective,
        "optim": {"lr_g": lr if lr_g is None else lr_g, "lr_d": lr, "beta1": betas[0], "beta2": betas[1],
                  "ema_half_life_images": ema, "ema_rampup": 0.05 if ema else 0.0},
        "train": {"steps": steps, "batch": batch, "seed": 0, "device": "auto",
                  "log_every": log_every, "sample_every": max(steps // 5, 1),
                  "checkpoint_every": 0},
    }


@dataclass(frozen=True)
class Variant:
    label: str
    recipe: dict


@dataclass(frozen=True)
class Lesson:
    key: str
    title: str
    text: str          # rich text shown beside the plots
    variants: tuple[Variant, ...]

    def recipe(self, index: int = 0) -> dict:
        v = self.variants[index]
        return {"title": f"{self.title}: {v.label}" if len(self.variants) > 1 else self.title,
                "name": f"{self.key}-{index}" if len(self.variants) > 1 else self.key,
                "description": "", **v.recipe}


LESSONS: tuple[Lesson, ...] = (
    Lesson("game_1d", "The 1-D game", """
<p>The generator turns noise into single numbers; the discriminator sees a number and says how
likely it is to be real. Real numbers come from a Gaussian around 5.</p>
<p><b>Watch the top plot:</b> the blue histogram (generated) slides onto the grey one (data).</p>
<p><b>Watch the bottom plot:</b> the orange curve is D(x). The dashed green curve is the best
possible discriminator for the current generator,
<i>D*(x) = p<sub>data</sub>(x) / (p<sub>data</sub>(x) + p<sub>g</sub>(x))</i>.
Where the generator puts too little mass D* rises towards 1, where it puts too much it falls
towards 0 &mdash; and the generator follows D's slope.</p>
<p>When p<sub>g</sub> = p<sub>data</sub>, D* is <b>1/2 everywhere</b>: the discriminator can do no better
than a coin toss. That is the equilibrium of the game, and its D loss is 2&nbsp;log&nbsp;2 &asymp; 1.386.</p>
""", (Variant("non-saturating loss", _toy(
        "gauss1d", 1, {"name": "nonsaturating"}, steps=1500, hidden=64, layers=2, lr=1e-3)),)),

    Lesson("mode_collapse", "Mode collapse on a ring of 8", """
<p>The data are eight tight Gaussians on a circle. In the first variant the generator plays the
original <b>minimax</b> game against a discriminator that learns ten times faster. Where D is
confident, the minimax loss gives G almost no gradient, so G piles all its samples onto the
one spot where D is still fooled: <i>modes captured</i> stays at 1 while the high-quality share
climbs &mdash; sharp samples, no variety. That is <b>mode collapse</b>.</p>
<p><b>The cure</b> (second variant, same networks): the non-saturating loss keeps strong
gradients, a small R1 penalty keeps D smooth near the data, <b>PacGAN</b> packing shows D two
samples at once so a lack of variety is visible to it, and an EMA of the generator averages
out the last jitter. All eight modes fill up, and the arrows of G's push point towards each.</p>
""", (Variant("minimax (collapses)", _toy(
        "ring8", 2, {"name": "minimax"}, steps=2000, lr=1e-3, lr_g=1e-4, betas=(0.5, 0.999),
        z_dim=64)),
      Variant("the cure", _toy(
          "ring8", 2, {"name": "nonsaturating", "r1": 0.1}, steps=2000, pack=2, ema=20000,
          z_dim=64)))),

    Lesson("dcgan_fashion", "DCGAN on Fashion-MNIST", """
<p>A deep convolutional GAN: the generator upsamples a 64-number z through transposed
convolutions with batch norm to a 28&times;28 image; the discriminator is the mirror image with
strided convolutions and leaky ReLUs. Adam with lr 2&middot;10<sup>-4</sup> and &beta;<sub>1</sub> = 0.5
are the DCGAN paper's settings.</p>
<p>The sample grid always uses the <b>same z</b>, so you see each image sharpen: blobs first,
then silhouettes (shirts, trousers, shoes), then texture. Scrub the slider back to replay it.</p>
<p>The losses do not fall to zero: a GAN is a game, not a minimisation. D(real) and D(fake)
hovering around 0.5&ndash;0.8 and 0.2&ndash;0.4 is healthy; D(fake) stuck at 0 means D has won and G
learns nothing.</p>
<p>The second variant is the course's own DCGAN: its generator doubles the size with
nearest-neighbour copies followed by 3&times;3 convolutions (which avoids the checkerboard
patterns transposed convolutions can leave) and its discriminator uses dropout. It has more
weights, so each step takes longer.</p>
""", tuple(Variant(label, {
        "model": {"family": "dcgan", "z_dim": z_dim, "channels": 1, "resolution": 28,
                  "base_channels": base, "layout": layout},
        "data": {"kind": "fashion_mnist"},
        "objective": {"name": "nonsaturating"},
        "optim": {"lr_g": 2e-4, "lr_d": 2e-4, "beta1": 0.5, "beta2": 0.999,
                  "ema_half_life_images": 5000, "ema_rampup": 0.05},
        "train": {"steps": 3000, "batch": 64, "seed": 0, "device": "auto", "log_every": 10,
                  "sample_every": 100, "checkpoint_every": 1000, "sample_grid": "6x8"}})
        for label, layout, base, z_dim in (("DCGAN, 28 px", "radford", 32, 64),
                                           ("The course's DCGAN, 28 px", "course", 64, 100)))),

    Lesson("wgan_vs_sn", "WGAN-GP vs spectral normalisation", """
<p>Two ways to keep the discriminator <b>Lipschitz</b> (its output cannot change faster than its
input), which gives the generator useful gradients everywhere.</p>
<p><b>WGAN-GP</b> trains a <i>critic</i> that estimates the Wasserstein distance; a gradient penalty
pushes the norm of its gradient towards 1 at points between real and fake. The heat map is a
score, not a probability: it rises smoothly towards the data, and the arrows of G's push are
long even far from the modes. It takes 5 critic steps per G step (and a second backward pass
for the penalty), so each of its steps costs about five of the other.</p>
<p><b>Spectral normalisation</b> divides each D layer's weights by their largest singular value,
so every layer is 1-Lipschitz by construction: no extra backward pass, one D step per G step
(hinge loss, Adam &beta;<sub>1</sub> = 0 as in the SN-GAN paper). Compare the gradient-norm and
penalty curves (Diagnostics) and how quickly the modes fill.</p>
""", (Variant("WGAN-GP", _toy(
        "ring8", 2, {"name": "wgan_gp", "gp": 1.0, "n_critic": 5}, steps=1000, lr=1e-4,
        betas=(0.5, 0.9), ema=20000)),
      Variant("spectral norm", _toy(
          "ring8", 2, {"name": "hinge"}, steps=2000, spectral=True, lr=2e-4, betas=(0.0, 0.9),
          ema=20000)))),
)

FIRST_RUN_LESSON = "game_1d"


def lesson(key: str) -> Lesson:
    for item in LESSONS:
        if item.key == key:
            return item
    raise KeyError(key)


class LessonPane(QWidget):
    """The explanation of the active lesson and a button per variant."""

    variant_chosen = Signal(str, int)  # lesson key, variant index

    def __init__(self, parent=None):
        super().__init__(parent)
        self.title = QLabel("")
        self.title.setStyleSheet("font-weight: bold; font-size: 12pt;")
        self.text = QLabel("")
        self.text.setObjectName("lessonText")
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.RichText)
        self.text.setAlignment(Qt.AlignTop | Qt.AlignLeft)
        self.buttons = QHBoxLayout()
        self.buttons.setContentsMargins(0, 0, 0, 0)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.addWidget(self.title)
        layout.addLayout(self.buttons)
        layout.addWidget(self.text, 1)
        self.current: Lesson | None = None
        self.variant = 0
        self.setVisible(False)

    def show_lesson(self, item: Lesson | None, variant: int = 0) -> None:
        self.current, self.variant = item, variant
        while self.buttons.count():
            w = self.buttons.takeAt(0).widget()
            if w is not None:
                w.deleteLater()
        if item is None:
            self.setVisible(False)
            return
        self.title.setText(item.title)
        self.text.setText(item.text.strip())
        if len(item.variants) > 1:
            for i, v in enumerate(item.variants):
                b = QPushButton(v.label)
                b.setCheckable(True)
                b.setChecked(i == variant)
                b.setToolTip("Load this variant into the recipe form")
                b.clicked.connect(lambda _=False, k=item.key, i=i: self.variant_chosen.emit(k, i))
                self.buttons.addWidget(b)
            self.buttons.addStretch(1)
        self.setVisible(True)
