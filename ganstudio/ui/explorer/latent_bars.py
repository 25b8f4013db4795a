"""Bar views of latent A: z and w = mapping(z) (the w bars come from the last render)."""
from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

pg.setConfigOptions(antialias=False)


class _Bars(pg.PlotWidget):
    clicked_dim = Signal(int)

    def __init__(self, color: str):
        super().__init__(background=None)
        self.setMouseEnabled(False, False)
        self.hideButtons()
        self.setMenuEnabled(False)
        self.getPlotItem().hideAxis("bottom")
        self.getPlotItem().getAxis("left").setWidth(28)
        self.setFixedHeight(64)
        self._bars = pg.BarGraphItem(x=np.zeros(1), height=np.zeros(1), width=0.85, brush=color, pen=None)
        self._page = pg.LinearRegionItem(values=(0, 0), movable=False, brush=(255, 255, 255, 28), pen=None)
        self.addItem(self._page)
        self.addItem(self._bars)
        self._n = 0
        self.scene().sigMouseClicked.connect(self._on_click)

    def set_values(self, values: np.ndarray | None) -> None:
        if values is None:
            self._bars.setOpts(x=np.zeros(0), height=np.zeros(0))
            return
        values = np.asarray(values, np.float32).reshape(-1)
        if values.size != self._n:
            self._n = values.size
            self._bars.setOpts(x=np.arange(self._n), height=values, width=0.85)
            self.setXRange(-1, self._n, padding=0)
        else:
            self._bars.setOpts(height=values)
        lim = max(3.0, float(np.abs(values).max()) if values.size else 3.0)
        self.setYRange(-lim, lim, padding=0.05)

    def set_page(self, start: int, stop: int) -> None:
        self._page.setRegion((start - 0.5, stop - 0.5))

    def _on_click(self, ev) -> None:
        pos = self.getPlotItem().vb.mapSceneToView(ev.scenePos())
        dim = int(round(pos.x()))
        if 0 <= dim < self._n:
            self.clicked_dim.emit(dim)


class LatentBars(QWidget):
    """z (what the sliders edit) and w (what the synthesis sees) as bar charts."""

    dim_clicked = Signal(int)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.z_label = QLabel("z")
        self.z_bars = _Bars("#5b9bd5")
        self.w_label = QLabel("w = mapping(z)")
        self.w_bars = _Bars("#e8a33d")
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(2)
        for w in (self.z_label, self.z_bars, self.w_label, self.w_bars):
            lay.addWidget(w)
        self.z_bars.clicked_dim.connect(self.dim_clicked)

    def set_edit_values(self, space: str, values: np.ndarray, row: int = 0) -> None:
        vals = values[row] if values.ndim == 2 else values
        self.z_label.setText({"z": "z (click a bar to jump to its slider)", "w": "w (edited directly)",
                              "w+": f"w+ row {row} (edited directly)"}[space])
        self.z_bars.set_values(vals)

    def set_w(self, w: np.ndarray | None, style: bool) -> None:
        self.w_label.setVisible(style)
        self.w_bars.setVisible(style)
        if style and w is not None:
            self.w_bars.set_values(w[0] if w.ndim == 2 else w)

    def set_page(self, start: int, stop: int) -> None:
        self.z_bars.set_page(start, stop)
