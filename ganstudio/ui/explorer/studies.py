"""StyleGAN and evaluation lessons on the Explorer's model (Help > StyleGAN lessons).

Each lesson runs one study of :mod:`ganstudio.train.style_studies` on the render thread (as a
job, so it never runs beside a render of the same generator), then shows its numbers, what
they mean for THIS model (the text says what was measured, never the ideal), and pictures.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from PySide6.QtCore import QCoreApplication, QSize, QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import (QDialog, QHBoxLayout, QLabel, QListWidget, QPushButton,
                               QScrollArea, QSizePolicy, QVBoxLayout, QWidget)

from ...train import style_studies as studies
from ...train.style_studies import run_study
from ..render_worker import Job, JobKind
from .image_view import ImageView

CONTEXT = "StyleLessons"
translate = QCoreApplication.translate   # what lupdate reads: translate("StyleLessons", "text")


def _tr(text: str) -> str:
    """A text marked with QT_TRANSLATE_NOOP("StyleLessons", ...) in the user's language."""
    return QCoreApplication.translate(CONTEXT, text)


@dataclass(frozen=True)
class StyleLesson:
    key: str              # a study of style_studies.STUDIES
    title: str
    course: str
    text: str
    fashion_only: bool = False


LESSONS = (
    StyleLesson("mapping", QT_TRANSLATE_NOOP("StyleLessons", "StyleGAN: the mapping network (z vs w)"),
                QT_TRANSLATE_NOOP("StyleLessons", "Course §3.5 StyleGAN概要: StyleGANの主要技術 (Mapping Network)"),
                QT_TRANSLATE_NOOP("StyleLessons", "<p>z is drawn from a Gaussian, but the training images "
                                  "are not spread like one: a generator fed z directly must warp "
                                  "the space. StyleGAN first maps z to w with an MLP, and the synthesis "
                                  "network only sees w.</p><p><b>Measured:</b> the perceptual path "
                                  "length of short steps along straight paths, in Z (spherical) and "
                                  "in W (linear), with the squared pixel distance. The shorter the "
                                  "path, the more evenly the images change: compare the two strips.</p>")),
    StyleLesson("demodulation", QT_TRANSLATE_NOOP("StyleLessons", "StyleGAN2: weight demodulation"),
                QT_TRANSLATE_NOOP("StyleLessons", "Course 第12回 §3.7.1 StyleGAN2: Artifacts除去 (demodulation)"),
                QT_TRANSLATE_NOOP("StyleLessons", "<p>A style scales the input channels of each convolution. "
                                  "StyleGAN normalised the features themselves (AdaIN); the generator "
                                  "learned to cheat with a strong local spike that dominates the "
                                  "statistics: the <i>droplet</i> artefact. StyleGAN2 instead divides "
                                  "the scaled weights by their norm (demodulation), so each output "
                                  "keeps unit scale whatever the style.</p><p><b>Measured:</b> every "
                                  "styled layer's output std for 32 samples, as trained and with "
                                  "demodulation switched off: the ratio of the largest to the smallest "
                                  "per-sample std, averaged over layers, and the largest std seen. The "
                                  "droplet itself only grows in a model trained without "
                                  "demodulation; here you see what demodulation holds in check.</p>")),
    StyleLesson("noise", QT_TRANSLATE_NOOP("StyleLessons", "StyleGAN: noise inputs"),
                QT_TRANSLATE_NOOP("StyleLessons", "Course §3.5 StyleGAN概要: StyleGANの主要技術 (Noise Injection)"),
                QT_TRANSLATE_NOOP("StyleLessons", "<p>Per-pixel noise added after every convolution gives the "
                                  "generator a source of stochastic detail (texture, hair, stitching) "
                                  "so that w can spend itself on the content.</p><p><b>Measured:</b> "
                                  "one w rendered with 16 noise draws: the per-pixel std of the image "
                                  "(the heat map: bright = where noise acts) and the share of pixels "
                                  "it moves by more than 2 levels of 255.</p>")),
    StyleLesson("mixing", QT_TRANSLATE_NOOP("StyleLessons", "StyleGAN: style mixing, coarse / middle / fine"),
                QT_TRANSLATE_NOOP("StyleLessons", "Course §3.5 StyleGAN概要: StyleGANのスタイル混合"),
                QT_TRANSLATE_NOOP("StyleLessons", "<p>Each resolution of the synthesis network reads its own "
                                  "rows of w, so styles can be mixed: take the coarse rows from B and "
                                  "the rest from A, and so on.</p><p><b>Measured:</b> for 64 pairs, the "
                                  "mean pixel change when one band of rows comes from B and, for "
                                  "Fashion-MNIST models, how often the classifier's class changes. The "
                                  "grid: A, B, then A with B's coarse, middle and fine styles.</p>")),
    StyleLesson("path_length", QT_TRANSLATE_NOOP("StyleLessons", "StyleGAN2: path length regularisation"),
                QT_TRANSLATE_NOOP("StyleLessons", "Course 第12回 §3.7.1 StyleGAN2: Path Length Regularization"),
                QT_TRANSLATE_NOOP("StyleLessons", "<p>A fixed-size step in w should change the image by a "
                                  "fixed amount, wherever in W it is taken: then W is smooth and "
                                  "interpolations and edits behave. StyleGAN2 measures the length of "
                                  "J<sub>w</sub><sup>T</sup>y (J the synthesis network's Jacobian, y a "
                                  "random image direction) and penalises its variation around a "
                                  "running mean: E[(|J<sup>T</sup>y| − a)<sup>2</sup>].</p><p><b>Measured "
                                  "on this model:</b> the length for 64 w, its spread (std / mean), the "
                                  "penalty the regulariser would add now, and the samples with the "
                                  "shortest and the longest paths. A model trained with the "
                                  "regulariser (objective.path_length &gt; 0) keeps the spread small; "
                                  "the shipped models were trained without it. The lesson Path length "
                                  "regularisation (Training panel ▸ Lesson) trains a small generator "
                                  "with and without it and shows the difference.</p>")),
    StyleLesson("truncation", QT_TRANSLATE_NOOP("StyleLessons", "Evaluation: truncation, precision and recall"),
                QT_TRANSLATE_NOOP("StyleLessons", "Course §3.6 実践: 評価指標 (FID, Precision & Recall)"),
                QT_TRANSLATE_NOOP("StyleLessons", "<p>FID folds quality and variety into one number. Precision "
                                  "asks how many samples look real (fall inside the real images' "
                                  "k-NN manifold); recall asks how much of the real data the samples "
                                  "cover. The truncation trick (psi &lt; 1) pulls w toward its mean: "
                                  "typical images, less variety.</p><p><b>Measured:</b> 1,000 samples "
                                  "at each psi against 1,000 Fashion-MNIST test images, in the "
                                  "shipped classifier's feature space (fast; `ganstudio eval "
                                  "--metrics fid,pr` gives the Inception numbers). Rows of the picture: "
                                  "psi 0.3, 0.5, 0.7, 1.0.</p>"),
                fashion_only=True),
)


class PictureView(ImageView):
    """A lesson's picture at the dialog's width (its height follows, within limits), with the
    Explorer's fit / zoom / pan, never a fixed-scale copy that stays small in a wide dialog."""

    def __init__(self, img: np.ndarray, parent=None):
        super().__init__(parent, min_size=QSize(120, 120))
        self._aspect = img.shape[0] / max(img.shape[1], 1)
        policy = self.sizePolicy()
        policy.setHeightForWidth(True)
        policy.setVerticalPolicy(QSizePolicy.Policy.Preferred)
        self.setSizePolicy(policy)
        self.set_image(np.ascontiguousarray(img))

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt API
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt API
        return max(120, min(560, round(width * self._aspect)))

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt API
        return QSize(480, self.heightForWidth(480))


def verdict(key: str, n: dict) -> str:
    """What the numbers of study ``key`` say about this model (translated rich text)."""
    if key == "mapping":
        shorter = n["path_w"] < n["path_z"]
        text = translate("StyleLessons", "Path length in Z {0:.3g}, in W {1:.3g}: ")
        text = text.format(n["path_z"], n["path_w"])
        if shorter:
            return text + translate("StyleLessons", "W's paths are {0:.2f}x shorter; the mapping network "
                                                    "made the latent space more even.").format(n["ratio"])
        return text + translate("StyleLessons", "W's paths are not shorter here ({0:.2f}x).").format(n["ratio"])
    if key == "demodulation":
        return translate("StyleLessons", "With demodulation the per-sample std varies {0:.2f}x within a layer "
                                         "(largest std {1:.3g}); without it {2:.3g}x (largest {3:.3g}).").format(
            n["spread_on"], n["peak_on"], n["spread_off"], n["peak_off"])
    if key == "noise":
        return translate("StyleLessons", "Noise moves {0:.0%} of the pixels by more than 2 levels; their std "
                                         "is {1:.2f} levels on average, {2:.1f} at most.").format(
            n["moved_share"], n["mean_std"], n["max_std"])
    if key == "mixing":
        parts = []
        for band, name in (("coarse", translate("StyleLessons", "coarse")),
                           ("middle", translate("StyleLessons", "middle")),
                           ("fine", translate("StyleLessons", "fine"))):
            part = translate("StyleLessons", "{0}: pixels change {1:.1f} levels").format(name, n[f"change_{band}"])
            if f"class_{band}" in n:
                part += translate("StyleLessons", ", class changes in {0:.0%}").format(n[f"class_{band}"])
            parts.append(part)
        return translate("StyleLessons", "; ").join(parts) + translate("StyleLessons", ".")
    if key == "path_length":
        return translate("StyleLessons", "Path length {0:.3g} on average ({1:.3g} to {2:.3g}); spread {3:.0%} "
                                         "of the mean; the regulariser's penalty would be {4:.3g}.").format(
            n["mean"], n["shortest"], n["longest"], n["cv"], n["penalty"])
    rows = [(psi, n[f"precision_{psi}"], n[f"recall_{psi}"], n[f"fd_{psi}"])
            for psi in (f"{p:g}" for p in studies.TRUNCATION_PSIS)]
    head = translate("StyleLessons", "<table cellpadding='3'><tr><th>psi</th><th>precision</th><th>recall</th>"
                                     "<th>FD (classifier)</th></tr>")
    body = "".join(f"<tr><td>{psi}</td><td>{p:.3f}</td><td>{r:.3f}</td><td>{fd:.1f}</td></tr>"
                   for psi, p, r, fd in rows)
    lo, hi = rows[0], rows[-1]
    said = translate("StyleLessons", "From psi {0} to {1} recall goes {2:.2f} → {3:.2f} and precision "
                                     "{4:.2f} → {5:.2f}; the FD rises {6:.0f}x: one number that calls the less "
                                     "varied samples much worse, without saying whether quality or variety "
                                     "moved.").format(
        hi[0], lo[0], hi[2], lo[2], hi[1], lo[1], lo[3] / max(hi[3], 1e-9))
    return head + body + "</table><p>" + said + "</p>"


class StudyDialog(QDialog):
    """The lessons list, the chosen lesson's text, Run, and the result."""

    def __init__(self, explorer, parent=None):
        super().__init__(parent)
        self.explorer = explorer
        self.setWindowTitle(self.tr("StyleGAN lessons on the Explorer's model"))
        self.resize(980, 680)
        self.list = QListWidget()
        for lesson in LESSONS:
            self.list.addItem(_tr(lesson.title))
        self.list.setWordWrap(True)
        self.list.setFixedWidth(320)
        self.list.currentRowChanged.connect(self._show_lesson)
        self.course = QLabel()
        self.course.setStyleSheet("color: #9aa0aa;")
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.RichText)
        self.run_button = QPushButton(self.tr("Run on this model"))
        self.run_button.clicked.connect(self.run)
        self.open_shipped = QPushButton(self.tr("Open the shipped Fashion-MNIST StyleGAN"))
        self.open_shipped.clicked.connect(self._open_shipped)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.result = QLabel()
        self.result.setWordWrap(True)
        self.result.setTextFormat(Qt.RichText)
        self.pictures = QVBoxLayout()
        right = QWidget()
        rv = QVBoxLayout(right)
        rv.addWidget(self.course)
        rv.addWidget(self.text)
        buttons = QHBoxLayout()
        buttons.addWidget(self.run_button)
        buttons.addWidget(self.open_shipped)
        buttons.addStretch(1)
        rv.addLayout(buttons)
        rv.addWidget(self.status)
        rv.addWidget(self.result)
        rv.addLayout(self.pictures)
        rv.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(right)
        layout = QHBoxLayout(self)
        layout.addWidget(self.list)
        layout.addWidget(scroll, 1)
        self.job: Job | None = None
        explorer.worker.job_done.connect(self._on_job)
        explorer.model_changed.connect(lambda _info: self._update_buttons())
        self.list.setCurrentRow(0)

    @property
    def lesson(self) -> StyleLesson:
        return LESSONS[max(self.list.currentRow(), 0)]

    def _model(self):
        model = self.explorer.state.model
        return model if model is not None and model.style else None

    def _fashion(self, model) -> bool:
        from ...train.class_labels import is_fashion_mnist
        return is_fashion_mnist(model.info)

    def _show_lesson(self, _row: int) -> None:
        lesson = self.lesson
        self.course.setText(_tr(lesson.course))
        self.text.setText(_tr(lesson.text))
        self._clear_result()
        self._update_buttons()

    def _update_buttons(self) -> None:
        model = self._model()
        ok = model is not None and (not self.lesson.fashion_only or self._fashion(model))
        if model is None:
            why = self.tr("Open a StyleGAN model in the Explorer first (any StyleGAN checkpoint "
                          "or official pickle).")
        elif not ok:
            why = self.tr("This lesson compares with Fashion-MNIST test images: open a "
                          "Fashion-MNIST StyleGAN.")
        else:
            why = self.tr("Model: {0}").format(model.info.get("name") or model.family_name)
        self.run_button.setEnabled(ok and not self.job)
        self.open_shipped.setVisible(not ok)
        self.status.setText(why)

    def _clear_result(self) -> None:
        self.result.setText("")
        while self.pictures.count():
            w = self.pictures.takeAt(0).widget()
            if w is not None:
                w.deleteLater()

    def _open_shipped(self) -> None:
        from ... import resources
        self.explorer.open_path(str(resources.resource("models/stylegan_fashion32.pt")))

    def run(self) -> None:
        model = self._model()
        if model is None or self.job:
            return
        key, G, fashion = self.lesson.key, model.G, self._fashion(model)
        self.job = Job.new(JobKind.STUDY)
        self._clear_result()
        self.status.setText(self.tr("Measuring… (runs on the render thread, about a minute at most)"))
        self.run_button.setEnabled(False)
        self.explorer.worker.submit_job(self.job, lambda: (key, run_study(key, G, fashion)))

    def _on_job(self, job: Job, value, error: str) -> None:
        if job != self.job:
            return
        self.job = None
        self._update_buttons()
        if error:
            self.status.setText(self.tr("The lesson could not run: {0}").format(error))
            return
        key, result = value
        self.result.setText(verdict(key, result.numbers))
        for name, img in result.pictures.items():
            caption = QLabel(_tr(PICTURE_CAPTIONS.get(name, name)))
            self.pictures.addWidget(caption)
            self.pictures.addWidget(PictureView(img))


PICTURE_CAPTIONS = {
    "z": QT_TRANSLATE_NOOP("StyleLessons", "Interpolation in Z"),
    "w": QT_TRANSLATE_NOOP("StyleLessons", "Interpolation in W (same ends)"),
    "on": QT_TRANSLATE_NOOP("StyleLessons", "Demodulation on (as trained)"),
    "off": QT_TRANSLATE_NOOP("StyleLessons", "Demodulation off"),
    "draws": QT_TRANSLATE_NOOP("StyleLessons", "One w, eight noise draws"),
    "std": QT_TRANSLATE_NOOP("StyleLessons", "Per-pixel std over 16 draws (bright = noise acts)"),
    "grid": QT_TRANSLATE_NOOP("StyleLessons", "Rows: A, B, A + B's coarse, A + B's middle, A + B's fine"),
    "rows": QT_TRANSLATE_NOOP("StyleLessons", "Rows: psi 0.3, 0.5, 0.7, 1.0"),
    "extremes": QT_TRANSLATE_NOOP("StyleLessons", "Top: the shortest paths; bottom: the longest"),
}
