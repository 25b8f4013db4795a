"""Draw your own 2-D data: click or paint points, undo, clear, load or save a CSV of x,y rows,
and train on them (the recipe form gets ``data.kind = "points"`` with the CSV's path).

Left click adds a point, dragging with the left button paints a stroke of points, a right
click removes the nearest point; the wheel zooms and a right drag pans.  Each click or stroke
is one step of undo.  The points are shown over the data of the current 2-D toy run (when
there is one), so a drawing can start from a known distribution.
"""
from __future__ import annotations

import math
import time
from pathlib import Path

import numpy as np
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QFileDialog, QGridLayout, QLabel, QPushButton, QVBoxLayout,
                               QWidget)

from ganstudio.train.datacache import DataError
from ganstudio.train.drawn_data import (MIN_POINTS, check_points, read_points_csv,
                                        write_points_csv)

from . import style

pg = style.pyqtgraph()

VIEW_RANGE = 2.0          # the canvas starts at [-2, 2] x [-2, 2] (the toy sets' scale)
STROKE_SPACING = 0.02     # painted points: one per this share of the visible width


class _DrawBox(pg.ViewBox):
    """A view box whose left button draws (click: a point; drag: a stroke) and right click
    erases; panning moves to the right button, zooming stays on the wheel."""

    def __init__(self, canvas: "PointsCanvas"):
        super().__init__()
        self.canvas = canvas
        self.setMenuEnabled(False)

    def mouseClickEvent(self, ev):  # noqa: N802 - pyqtgraph API
        pos = self.mapSceneToView(ev.scenePos())
        if ev.button() == Qt.LeftButton:
            ev.accept()
            self.canvas.add_stroke([(pos.x(), pos.y())])
        elif ev.button() == Qt.RightButton:
            ev.accept()
            self.canvas.remove_near(pos.x(), pos.y())

    def mouseDragEvent(self, ev, axis=None):  # noqa: N802 - pyqtgraph API
        if ev.button() != Qt.LeftButton:
            if ev.button() == Qt.RightButton:   # right drag pans (as the left button would)
                ev.accept()
                d = self.mapToView(ev.pos()) - self.mapToView(ev.lastPos())
                self.translateBy(x=-d.x(), y=-d.y())
                return
            super().mouseDragEvent(ev, axis)
            return
        ev.accept()
        pos = self.mapSceneToView(ev.scenePos())
        if ev.isStart():
            self.canvas.begin_stroke(pos.x(), pos.y())
        else:
            self.canvas.extend_stroke(pos.x(), pos.y())
        if ev.isFinish():
            self.canvas.end_stroke()


class PointsCanvas(QWidget):
    """The drawing of a 2-D point set, its buttons and its message line."""

    use_points = Signal(str)      # the CSV path to train on
    changed = Signal(int)         # number of points

    def __init__(self, drawings_dir=None, parent=None):
        super().__init__(parent)
        self.drawings_dir = drawings_dir    # callable -> Path: where "Train on these" saves
        self.points = np.zeros((0, 2))
        self._strokes: list[int] = []       # points added by each click / stroke (undo)
        self._stroke: list[tuple[float, float]] | None = None
        self.saved_path: Path | None = None  # the file the current points were saved to / read from
        self.box = _DrawBox(self)
        self.plot = pg.PlotWidget(viewBox=self.box)
        item = self.plot.getPlotItem()
        style.style_plot(item, title=self.tr("Your data: click or drag to draw, right-click to erase"),
                         left="y", bottom="x")
        item.setAspectLocked(True)
        item.setRange(xRange=(-VIEW_RANGE, VIEW_RANGE), yRange=(-VIEW_RANGE, VIEW_RANGE), padding=0)
        self.background = pg.ScatterPlotItem(pen=None, brush=style.brush(style.REAL_COLOUR, 60))
        self.scatter = pg.ScatterPlotItem(pen=style.pen("#ffffff", 1, 160),
                                          brush=style.brush(style.D_COLOUR, 230))
        item.addItem(self.background)
        item.addItem(self.scatter)
        self.undo_button = QPushButton(self.tr("Undo"))
        self.undo_button.setShortcut("Ctrl+Z")
        self.undo_button.setToolTip(self.tr("Remove the last click or stroke (Ctrl+Z)"))
        self.clear_button = QPushButton(self.tr("Clear"))
        self.load_button = QPushButton(self.tr("Load CSV…"))
        self.load_button.setToolTip(self.tr("Read points from a CSV file of x,y rows"))
        self.save_button = QPushButton(self.tr("Save CSV…"))
        self.train_button = QPushButton(self.tr("Train on these points"))
        self.train_button.setToolTip(self.tr("Put these points into the recipe (Dataset: drawn points); "
                                             "then press Start"))
        self.message = QLabel("")
        self.message.setObjectName("fieldError")
        self.message.setWordWrap(True)
        self.message.setVisible(False)
        bar = QGridLayout()           # short rows: the tab never widens the panel
        bar.setContentsMargins(0, 0, 0, 0)
        bar.setHorizontalSpacing(4)
        bar.setVerticalSpacing(3)
        bar.addWidget(self.undo_button, 0, 0)
        bar.addWidget(self.clear_button, 0, 1)
        bar.addWidget(self.load_button, 1, 0)
        bar.addWidget(self.save_button, 1, 1)
        bar.addWidget(self.train_button, 2, 0, 1, 2)   # it says how many points there are
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.plot, 1)
        layout.addLayout(bar)
        layout.addWidget(self.message)
        self.undo_button.clicked.connect(self.undo)
        self.clear_button.clicked.connect(self.clear)
        self.load_button.clicked.connect(self._load_dialog)
        self.save_button.clicked.connect(self._save_dialog)
        self.train_button.clicked.connect(self.train_on_points)
        self._shown = False
        self.apply_style()
        self._update()

    def showEvent(self, event):  # noqa: N802 - Qt API
        """Once the canvas has its size: the drawing (else the toy sets' square) fills it."""
        super().showEvent(event)
        if not self._shown:
            self._shown = True
            self._fit()

    def apply_style(self) -> None:
        size = 7 * style.pen_scale() ** 0.5
        self.scatter.setSize(size)
        self.background.setSize(0.6 * size)
        style.apply_fonts(self.plot.getPlotItem())

    # --- editing ------------------------------------------------------------------------------
    def add_stroke(self, pts) -> None:
        pts = np.asarray(pts, dtype=np.float64).reshape(-1, 2)
        if not len(pts):
            return
        self.points = np.concatenate([self.points, pts])
        self._strokes.append(len(pts))
        self.saved_path = None
        self._update()

    def begin_stroke(self, x: float, y: float) -> None:
        self._stroke = [(x, y)]
        self._preview()

    def extend_stroke(self, x: float, y: float) -> None:
        if self._stroke is None:
            self.begin_stroke(x, y)
            return
        (x0, y0) = self._stroke[-1]
        rng = self.box.viewRange()
        step = STROKE_SPACING * (rng[0][1] - rng[0][0])
        dist = math.hypot(x - x0, y - y0)
        n = int(dist // step)
        for i in range(1, n + 1):      # evenly spaced along the pointer's path
            t = i * step / dist
            self._stroke.append((x0 + t * (x - x0), y0 + t * (y - y0)))
        self._preview()

    def end_stroke(self) -> None:
        stroke, self._stroke = self._stroke, None
        if stroke:
            self.add_stroke(stroke)

    def _preview(self) -> None:
        pts = self.points if not self._stroke else np.concatenate([self.points, np.array(self._stroke)])
        self.scatter.setData(pts[:, 0], pts[:, 1])

    def remove_near(self, x: float, y: float) -> bool:
        """Remove the point nearest to (x, y) within 3 % of the visible width."""
        if not len(self.points):
            return False
        d = np.hypot(self.points[:, 0] - x, self.points[:, 1] - y)
        i = int(np.argmin(d))
        rng = self.box.viewRange()
        if d[i] > 0.03 * (rng[0][1] - rng[0][0]):
            return False
        self.points = np.delete(self.points, i, axis=0)
        ends = np.cumsum(self._strokes)              # the stroke that held point i shrinks
        k = int(np.searchsorted(ends, i, side="right"))
        self._strokes[k] -= 1
        if self._strokes[k] == 0:
            del self._strokes[k]
        self.saved_path = None
        self._update()
        return True

    def undo(self) -> None:
        if not self._strokes:
            return
        n = self._strokes.pop()
        self.points = self.points[:-n]
        self.saved_path = None
        self._update()

    def clear(self) -> None:
        self.set_points(np.zeros((0, 2)))

    def set_points(self, pts) -> None:
        """Replace the drawing (one step of undo brings back an empty canvas)."""
        self.points = np.asarray(pts, dtype=np.float64).reshape(-1, 2)
        self._strokes = [len(self.points)] if len(self.points) else []
        self.saved_path = None
        self._update()

    def show_reference(self, pts) -> None:
        """Faint points behind the drawing (e.g. the current toy run's data)."""
        pts = np.zeros((0, 2)) if pts is None else np.asarray(pts)[:1000]
        self.background.setData(pts[:, 0], pts[:, 1])

    def _update(self) -> None:
        self.scatter.setData(self.points[:, 0], self.points[:, 1])
        n = len(self.points)
        self.train_button.setText(self.tr("Train on these {0} points").format(n) if n != 1
                                  else self.tr("Train on this 1 point"))
        self.undo_button.setEnabled(bool(self._strokes))
        self.clear_button.setEnabled(n > 0)
        self.save_button.setEnabled(n > 0)
        self.train_button.setEnabled(n >= MIN_POINTS)
        self.train_button.setToolTip(
            self.tr("Put these points into the recipe (Dataset: drawn points); then press Start")
            if n >= MIN_POINTS else self.tr("Draw at least {0} points first").format(MIN_POINTS))
        self.changed.emit(n)

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    # --- files ----------------------------------------------------------------------------------
    def load_csv(self, path: str | Path) -> bool:
        """Replace the drawing with a CSV's points; a bad file is a message naming the line."""
        try:
            pts = read_points_csv(path)
        except DataError as e:
            self.show_message(self.tr("Cannot load the points: {0}").format(str(e)))
            return False
        self.set_points(pts)
        self.saved_path = Path(path)
        self.show_message("")
        self._fit()
        return True

    def save_csv(self, path: str | Path) -> bool:
        try:
            write_points_csv(path, self.points)
        except DataError as e:
            self.show_message(self.tr("Cannot save the points: {0}").format(str(e)))
            return False
        self.saved_path = Path(path)
        self.show_message("")
        return True

    def _fit(self) -> None:
        if not len(self.points):
            self.plot.getPlotItem().setRange(xRange=(-VIEW_RANGE, VIEW_RANGE),
                                             yRange=(-VIEW_RANGE, VIEW_RANGE), padding=0)
        else:
            lo, hi = self.points.min(0), self.points.max(0)
            pad = np.maximum((hi - lo) * 0.15, 0.25)
            self.plot.getPlotItem().setRange(xRange=(lo[0] - pad[0], hi[0] + pad[0]),
                                             yRange=(lo[1] - pad[1], hi[1] + pad[1]), padding=0)

    def _load_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Load points"), str(self._folder()),
                                              self.tr("CSV files (*.csv *.txt);;All files (*)"))
        if path:
            self.load_csv(path)

    def _save_dialog(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save points"),
                                              str(self._folder() / "points.csv"),
                                              self.tr("CSV files (*.csv)"))
        if path:
            self.save_csv(path)

    def _folder(self) -> Path:
        if self.saved_path is not None:
            return self.saved_path.parent
        return Path(self.drawings_dir()) if self.drawings_dir else Path.home()

    def train_on_points(self) -> Path | None:
        """Check the points, save them (where they were saved, else in the drawings folder) and
        ask for them to be trained on; returns the CSV's path (None when refused)."""
        try:
            check_points(self.points, self.tr("the drawing"))
        except DataError as e:
            self.show_message(str(e))
            return None
        path = self.saved_path
        if path is None:
            folder = Path(self.drawings_dir()) if self.drawings_dir else Path.home()
            try:
                folder.mkdir(parents=True, exist_ok=True)
            except OSError as e:
                self.show_message(self.tr("Cannot create {0}: {1}").format(str(folder), e.strerror or str(e)))
                return None
            path = folder / time.strftime("drawing-%Y%m%d-%H%M%S.csv")
            if not self.save_csv(path):
                return None
        self.show_message("")
        self.use_points.emit(str(path))
        return path
