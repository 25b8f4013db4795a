"""The fixed-z sample grid, updating as training goes, with a step slider to scrub back.

Grids arrive as QImages (decoded off the GUI thread) or as paths to PNG files in the run
directory (decoded here when shown, a few hundred microseconds for a small grid).  Grids with a
file on disk are re-read when scrubbed to, so only the few most recently shown stay decoded;
grids without a file are kept in memory, up to a bound.
"""
from __future__ import annotations

import bisect
from collections import OrderedDict
from pathlib import Path

import numpy as np
from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import (QCheckBox, QHBoxLayout, QLabel, QSizePolicy, QSlider, QVBoxLayout,
                               QWidget)

from ..explorer.image_view import fit_scale

MEMORY_GRIDS = 64   # grids without a file kept in memory
DECODED_CACHE = 16  # decoded file grids kept


def qimage_from_array(img: np.ndarray) -> QImage:
    """HxWxC uint8 (C = 1, 3 or 4) or HxW -> an owned QImage (safe to make off the GUI thread)."""
    a = np.ascontiguousarray(img)
    if a.ndim == 3 and a.shape[2] == 1:
        a = np.ascontiguousarray(a[:, :, 0])
    h, w = a.shape[:2]
    if a.ndim == 2:
        fmt, stride = QImage.Format_Grayscale8, w
    elif a.shape[2] == 3:
        fmt, stride = QImage.Format_RGB888, 3 * w
    elif a.shape[2] == 4:
        fmt, stride = QImage.Format_RGBA8888, 4 * w
    else:
        raise ValueError(f"cannot show an image with {a.shape[2]} channels")
    return QImage(a.data, w, h, stride, fmt).copy()


class PixelView(QLabel):
    """Shows an image scaled by an integer factor with nearest-neighbour pixels (crisp).

    The image is painted here, not handed to QLabel.setPixmap: QLabel keeps a pixmap in a QIcon,
    whose scaled copies go to the process-wide QPixmapCache, so every new sample grid would leave
    a converted copy behind (up to the cache's 10 MB).  Only one scaled copy is kept, for the
    current size.  Without an image the label shows its text.
    """

    def __init__(self, parent=None):
        super().__init__(parent)
        self._image: QImage | None = None
        self._scaled: QImage | None = None      # _image at the current size, ready to draw
        self.setAlignment(Qt.AlignCenter)
        self.setWordWrap(True)
        self.setMinimumSize(160, 160)
        self.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Expanding)
        self.setObjectName("pixelView")

    def set_image(self, image: QImage | None) -> None:
        self._image = None if image is None or image.isNull() else image
        self._scaled = None
        self.update()

    def image(self) -> QImage | None:
        return self._image

    def _scaled_image(self) -> QImage | None:
        if self._image is None:
            return None
        iw, ih = self._image.width(), self._image.height()
        # the Explorer's rule: whole-number factors where they fill the pane, else the fit
        factor = fit_scale(self.contentsRect().size(), self._image.size())
        mode = Qt.FastTransformation if factor >= 1 else Qt.SmoothTransformation   # crisp pixels
        size = QSize(max(1, int(iw * factor)), max(1, int(ih * factor)))
        if self._scaled is None or self._scaled.size() != size:
            scaled = self._image.scaled(size, Qt.KeepAspectRatio, mode)
            self._scaled = scaled.convertToFormat(QImage.Format_RGB32)  # drawn without conversion
        return self._scaled

    def paintEvent(self, event):  # noqa: N802 - Qt API
        scaled = self._scaled_image()
        if scaled is None:
            super().paintEvent(event)           # the placeholder text
            return
        r = self.contentsRect()
        p = QPainter(self)
        p.drawImage(r.x() + (r.width() - scaled.width()) // 2,
                    r.y() + (r.height() - scaled.height()) // 2, scaled)
        p.end()

    def resizeEvent(self, event):  # noqa: N802 - Qt API
        super().resizeEvent(event)
        self._scaled = None

    def sizeHint(self):  # noqa: N802 - Qt API
        return QSize(320, 320)


class SampleGridView(QWidget):
    """The newest sample grid, or an earlier one picked with the step slider."""

    shown_step_changed = Signal(int)

    def __init__(self, parent=None):
        super().__init__(parent)
        self._steps: list[int] = []
        self._paths: dict[int, Path | None] = {}
        self._memory: OrderedDict[int, QImage] = OrderedDict()
        self._decoded: OrderedDict[int, QImage] = OrderedDict()
        self._shown: int | None = None

        self.view = PixelView()
        self.view.setText(self.tr("Samples from a fixed z appear here as training goes."))
        self.slider = QSlider(Qt.Horizontal)
        self.slider.setEnabled(False)
        self.slider.setToolTip(self.tr("Scrub back through earlier sample grids"))
        self.slider.valueChanged.connect(self._on_slider)
        self.follow = QCheckBox(self.tr("Follow"))
        self.follow.setChecked(True)
        self.follow.setToolTip(self.tr("Jump to each new grid as it arrives"))
        self.follow.toggled.connect(lambda on: on and self._jump_to_latest())
        self.caption = QLabel("")
        self.caption.setMinimumWidth(120)
        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        bar.addWidget(self.slider, 1)
        bar.addWidget(self.caption)
        bar.addWidget(self.follow)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view, 1)
        layout.addLayout(bar)

    # --- data ------------------------------------------------------------------------------
    def steps(self) -> list[int]:
        return list(self._steps)

    def shown_step(self) -> int | None:
        return self._shown

    def add_grid(self, step: int, image: QImage | None = None, path: str | Path | None = None) -> None:
        """A new grid for ``step`` (an image, a PNG path, or both)."""
        step = int(step)
        if image is None and path is None:
            return
        if step not in self._paths:
            bisect.insort(self._steps, step)
        self._paths[step] = Path(path) if path is not None else self._paths.get(step)
        if image is not None and self._paths[step] is not None:
            # it can be read again from its file: only a few recent ones stay decoded
            self._memory.pop(step, None)
            self._remember_decoded(step, image)
        elif image is not None:
            self._memory[step] = image
            self._memory.move_to_end(step)
            while len(self._memory) > MEMORY_GRIDS:    # the oldest grid without a file is lost
                old, _ = self._memory.popitem(last=False)
                if old != step:
                    self._steps.remove(old)
                    self._paths.pop(old, None)
        self.slider.blockSignals(True)
        self.slider.setRange(0, max(0, len(self._steps) - 1))
        self.slider.setEnabled(len(self._steps) > 1)
        if self._shown is not None and self._shown in self._paths:
            self.slider.setValue(self._steps.index(self._shown))
        self.slider.blockSignals(False)
        if self.follow.isChecked() or self._shown is None:
            self._jump_to_latest()
        else:
            self._update_caption()

    def clear(self) -> None:
        self._steps.clear()
        self._paths.clear()
        self._memory.clear()
        self._decoded.clear()
        self._shown = None
        self.slider.setRange(0, 0)
        self.slider.setEnabled(False)
        self.caption.setText("")
        self.view.set_image(None)
        self.view.setText(self.tr("Samples from a fixed z appear here as training goes."))

    # --- showing ---------------------------------------------------------------------------
    def _image_for(self, step: int) -> QImage | None:
        if step in self._memory:
            return self._memory[step]
        if step in self._decoded:
            self._decoded.move_to_end(step)
            return self._decoded[step]
        path = self._paths.get(step)
        if path is None:
            return None
        img = QImage(str(path))
        if img.isNull():
            return None
        self._remember_decoded(step, img)
        return img

    def _remember_decoded(self, step: int, image: QImage) -> None:
        self._decoded[step] = image
        self._decoded.move_to_end(step)
        while len(self._decoded) > DECODED_CACHE:
            self._decoded.popitem(last=False)

    def show_step(self, step: int) -> None:
        if step not in self._paths:
            return
        img = self._image_for(step)
        self._shown = step
        if img is None:
            self.view.set_image(None)
            self.view.setText(self.tr("the grid of step {0} cannot be read").format(step))
        else:
            self.view.set_image(img)
        self.slider.blockSignals(True)
        self.slider.setValue(self._steps.index(step))
        self.slider.blockSignals(False)
        self._update_caption()
        self.shown_step_changed.emit(step)

    def _jump_to_latest(self) -> None:
        if self._steps:
            self.show_step(self._steps[-1])

    def _on_slider(self, index: int) -> None:
        if 0 <= index < len(self._steps):
            step = self._steps[index]
            latest = index == len(self._steps) - 1
            self.follow.blockSignals(True)
            self.follow.setChecked(latest)
            self.follow.blockSignals(False)
            self.show_step(step)

    def _update_caption(self) -> None:
        if self._shown is None:
            self.caption.setText("")
            return
        n = len(self._steps)
        i = self._steps.index(self._shown) + 1 if self._shown in self._paths else n
        self.caption.setText(self.tr("step {0:,}  ({1}/{2})").format(self._shown, i, n))
