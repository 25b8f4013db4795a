"""The Export dialog: current image, image grid, strip as PNG / GIF / WebP / MP4, latent A as
.npy; optionally with the rendered latents and a JSON sidecar that reproduces the pixels."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QSize, QT_TRANSLATE_NOOP, QTimer, Signal
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFileDialog, QFormLayout,
                               QLineEdit, QSizePolicy, QSpinBox, QStackedWidget, QVBoxLayout, QWidget)

from ...core.imaging import mp4_available
from .image_view import ImageView
from .widgets import note, row, tool_button

KINDS = (("image", QT_TRANSLATE_NOOP("ExportDialog", "Current image (PNG)")),
         ("grid", QT_TRANSLATE_NOOP("ExportDialog", "Image grid (PNG)")),
         ("strip", QT_TRANSLATE_NOOP("ExportDialog", "Current strip: interpolation, sweep, mixing grid, variation")),
         ("latent", QT_TRANSLATE_NOOP("ExportDialog", "Latent A (.npy)")))
NOISE_MODES = {"const": QT_TRANSLATE_NOOP("ExportDialog", "const"),     # the noise mode, in the summary
               "random": QT_TRANSLATE_NOOP("ExportDialog", "random"),
               "none": QT_TRANSLATE_NOOP("ExportDialog", "none")}


@dataclass(frozen=True)
class ExportContext:
    """What the Explorer shows now, so the dialog can say what an export will use."""
    resolution: int = 0            # the model's image side in pixels (0: unknown)
    psi: float = 1.0               # truncation
    noise_mode: str = "const"
    mixed: bool = False            # the main image mixes the styles of B / C into A
    styles: bool = False           # the model has styles to mix (StyleGAN)
    class_index: int | None = None


@dataclass
class ExportChoice:
    kind: str                  # image | grid | strip | latent
    out: Path
    rows: int = 4
    cols: int = 4
    seed: int = 0
    padding: int = 2
    upscale: int = 1
    fps: float = 12.0
    sidecar: bool = True
    latents: bool = False


def _spin(lo: int, hi: int, value: int, tip: str = "") -> QSpinBox:
    s = QSpinBox()
    s.setRange(lo, hi)
    s.setValue(value)
    s.setToolTip(tip)
    return s


class ExportDialog(QDialog):
    """``preview_wanted`` (an :class:`ExportChoice`) asks the Explorer for a picture of what the
    export writes; the answer comes back through :meth:`show_preview` (a grid is rendered on
    the render thread, an image or strip is the one on screen)."""

    preview_wanted = Signal(object)

    def __init__(self, parent=None, kind: str = "image", seed: int = 0, folder: str = "",
                 strip_title: str = "", strip_animatable: bool = True,
                 context: ExportContext | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export"))
        self.context = context or ExportContext()
        self.summary = note("")            # what will be written, with which settings
        self.summary.setObjectName("exportSummary")
        # what the export will write; room for a 4 x 4 grid of 32 px tiles at twice its size
        self.preview = ImageView(min_size=QSize(280, 270))
        self.preview.setMaximumHeight(300)
        self.preview.set_placeholder(self.tr("No preview yet"))
        self.preview_note = note("")
        self.preview_text = ""                               # what a rendered preview shows
        self._preview_timer = QTimer(self, singleShot=True, interval=150)   # after typing stops
        self._preview_timer.timeout.connect(lambda: self.preview_wanted.emit(self.choice()))
        self.kind = QComboBox()
        for key, text in KINDS:
            self.kind.addItem(self.tr(text), key)
        self.rows, self.cols = _spin(1, 32, 4, self.tr("rows")), _spin(1, 32, 4, self.tr("columns"))
        self.seed = _spin(0, 2 ** 31 - 1, seed, self.tr("Seeds seed, seed+1, … fill the grid row by row"))
        self.padding = _spin(0, 64, 2, self.tr("Pixels between tiles"))
        self.upscale = _spin(1, 32, 4, self.tr("Nearest-neighbour upscale: crisp pixels"))
        self.fps = _spin(1, 60, 12, self.tr("Animation frames per second"))
        self.format = QComboBox()
        for suffix, text in ((".gif", self.tr("GIF animation")), (".webp", self.tr("WebP animation (lossless)")),
                             (".mp4", self.tr("MP4 video")), (".png", self.tr("PNG strip"))):
            self.format.addItem(text, suffix)
        if not mp4_available():
            item = self.format.model().item(2)
            item.setEnabled(False)
            item.setToolTip(self.tr("needs imageio-ffmpeg: pip install 'ganstudio[video]'"))
        self.format.currentIndexChanged.connect(self._fix_suffix)
        self.sidecar = QCheckBox(self.tr("Write a JSON sidecar (reproduce with `ganstudio export --from`)"))
        self.sidecar.setChecked(True)
        self.latents = QCheckBox(self.tr("Write the rendered latents (.npy)"))
        self.out = QLineEdit()
        browse = tool_button(self.tr("Browse…"), self.tr("Choose the output file"), self._browse)
        self._folder = folder or str(Path.home())
        grid_page = QWidget()
        f = QFormLayout(grid_page)
        f.addRow(self.tr("Rows × columns"), row(self.rows, "×", self.cols, None))
        f.addRow(self.tr("First seed"), self.seed)
        strip_page = QWidget()
        f2 = QFormLayout(strip_page)
        f2.addRow(note(strip_title or self.tr("No strip shown yet")))
        f2.addRow(self.tr("Format"), self.format)
        f2.addRow(self.tr("Frames per second"), self.fps)
        if not strip_animatable:
            for i in range(3):
                self.format.model().item(i).setEnabled(False)
            self.format.setCurrentIndex(3)
        self.pages = QStackedWidget()
        self.pages.addWidget(QWidget())
        self.pages.addWidget(grid_page)
        self.pages.addWidget(strip_page)
        self.pages.addWidget(QWidget())
        self.kind.currentIndexChanged.connect(self._kind_changed)
        common = QFormLayout()
        common.addRow(self.tr("Padding"), self.padding)
        common.addRow(self.tr("Upscale"), self.upscale)
        common.addRow(self.tr("Save to"), row(self.out, browse))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addLayout(row(self.tr("Export"), self.kind))
        lay.addWidget(self.preview)
        lay.addWidget(self.preview_note)
        lay.addWidget(self.pages)
        lay.addLayout(common)
        lay.addWidget(self.sidecar)
        lay.addWidget(self.latents)
        lay.addWidget(self.summary)
        lay.addWidget(buttons)
        for w in (self.rows, self.cols, self.seed, self.padding, self.upscale, self.fps):
            w.valueChanged.connect(self._update_summary)
        for w in (self.rows, self.cols, self.seed, self.padding):
            w.valueChanged.connect(self._preview_timer.start)
        self.kind.currentIndexChanged.connect(self._preview_timer.start)
        for w in (self.sidecar, self.latents):
            w.toggled.connect(self._update_summary)
        self.out.textChanged.connect(self._update_summary)
        self.format.currentIndexChanged.connect(self._update_summary)
        self.kind.setCurrentIndex(max(0, self.kind.findData(kind)))
        self._kind_changed()
        self._update_summary()
        self._preview_timer.start()

    @property
    def preview_tag(self) -> tuple:
        """The tag of this dialog's preview renders (never the Explorer's own generation)."""
        return ("export_preview", id(self))

    def preview_rendered(self, channel: str, result) -> None:
        """The render worker's answer to a grid preview asked for by this dialog; a new main
        image or strip (an edit still rendering when the dialog opened) is previewed again."""
        if (channel, self.kind.currentData()) in (("main", "image"), ("strip", "strip")):
            self._preview_timer.start()
        if channel != "export_preview" or result.meta.get("tag") != self.preview_tag or result.cancelled:
            return
        if result.error:
            self.show_preview(None, result.error)
        else:
            self.show_preview(result.composite, self.preview_text)

    def show_preview(self, image, text: str) -> None:
        """Show ``image`` (HxWx3 uint8; None: none, ``text`` in its place) and say what it is."""
        if image is None:
            self.preview.clear()
            self.preview.set_placeholder(text)
            self.preview_note.setText("")
        else:
            self.preview.set_image(image)
            self.preview_note.setText(text)
        self.preview.setVisible(self.kind.currentData() != "latent")

    def summary_text(self) -> str:
        """The files an export will write, their size, and the Explorer settings it uses."""
        c, k = self.context, self.kind.currentData()
        out = Path(self.out.text() or "export").expanduser()
        if k == "latent":
            return self.tr("Writes {0}: latent A in its own space (z, w or w+), no image.").format(out.name)
        side, up, pad = c.resolution, self.upscale.value(), self.padding.value()
        files = [out.name]
        if self.sidecar.isChecked():
            files.append(self.tr("{0} (settings to reproduce it)").format(out.with_suffix(".json").name))
        if self.latents.isChecked():
            files.append(f"{out.stem}_latents.npy")
        mode = self.tr(NOISE_MODES[c.noise_mode]) if c.noise_mode in NOISE_MODES else c.noise_mode
        uses = [f"ψ {c.psi:.2f}", self.tr("noise {0}").format(mode)]
        if c.class_index is not None:
            uses.append(self.tr("class {0}").format(c.class_index))
        if k == "image" and c.styles and not c.mixed:    # (mixed: said with what is written)
            uses.append(self.tr("no style mixing (B and C unused)"))
        if k == "image":
            size = f": {side * up} × {side * up} px" if side else ""
            what = (self.tr("Latent A with the style mixing shown (B / C)") if c.mixed else self.tr("Latent A")) + size
        elif k == "grid":
            n, rows, cols = self.rows.value() * self.cols.value(), self.rows.value(), self.cols.value()
            size = (f": {cols * side * up + (cols + 1) * pad} × {rows * side * up + (rows + 1) * pad} px"
                    if side else "")
            what = self.tr("{0} × {1} tiles of seeds {2}–{3}").format(
                rows, cols, self.seed.value(), self.seed.value() + n - 1) + size
            if c.mixed:
                what += self.tr("; style mixing is not applied (each tile is its own seed)")
        else:
            what = self.tr("The strip shown below the image, as shown")
            if self.format.currentData() != ".png":
                what += self.tr(", at {0} frames per second").format(self.fps.value())
        sep = self.tr(", ")   # between the files, and between the settings
        return self.tr("Writes {0}. {1}. Uses {2}.").format(sep.join(files), what, sep.join(uses))

    def _update_summary(self, *_) -> None:
        self.summary.setText(self.summary_text())

    def _suffix(self) -> str:
        k = self.kind.currentData()
        return {"image": ".png", "grid": ".png", "latent": ".npy"}.get(k) or self.format.currentData()

    def _kind_changed(self, *_) -> None:
        k = self.kind.currentData()
        self.pages.setCurrentIndex([key for key, _ in KINDS].index(k))
        for i in range(self.pages.count()):   # only the shown page takes room: no blank rows
            shown = i == self.pages.currentIndex()
            policy = QSizePolicy.Policy.Preferred if shown else QSizePolicy.Policy.Ignored
            self.pages.widget(i).setSizePolicy(policy, policy)
        self.pages.adjustSize()
        self.adjustSize()
        for w in (self.padding, self.sidecar, self.latents):
            w.setEnabled(k != "latent")
        self.upscale.setEnabled(k != "latent")
        name = {"image": "image", "grid": "grid", "strip": "strip", "latent": "latent_a"}[k]
        self.out.setText(str(Path(self._folder) / f"{name}{self._suffix()}"))

    def _fix_suffix(self, *_) -> None:
        p = Path(self.out.text() or "strip")
        self.out.setText(str(p.with_suffix(self._suffix())))

    def _browse(self) -> None:
        suffix = self._suffix()
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export to"), self.out.text(), f"*{suffix}")
        if path:
            self.out.setText(str(Path(path).with_suffix(suffix)))

    def choice(self) -> ExportChoice:
        return ExportChoice(self.kind.currentData(), Path(self.out.text()).expanduser(), self.rows.value(),
                            self.cols.value(), self.seed.value(), self.padding.value(), self.upscale.value(),
                            float(self.fps.value()), self.sidecar.isChecked(), self.latents.isChecked())
