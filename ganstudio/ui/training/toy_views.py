"""Teaching views of toy runs, drawn from ``Trainer.toy_snapshot()`` dicts (see ganstudio.train.toy).

1-D: histograms of real and generated samples with the densities, and below them D(x) with the
optimal discriminator D*(x) = p_data / (p_data + p_g) for the current G: as G matches the
data, D* flattens to 1/2 everywhere and a well-trained D follows it.
2-D: real vs generated scatter over a heat map of D's output, the generator's gradient field
as arrows (where G's loss pushes a sample), the generator's manifold (the image of a regular
grid of z under G, as deformed grid lines), and below it mode coverage / high-quality share
beside the KL and JS divergences between p_data and p_g estimated on the grid
(ganstudio.train.toy_divergence).

Every item is created once and updated with setData / setImage, so a snapshot costs a few
milliseconds of drawing.
"""
from __future__ import annotations

import numpy as np
from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtWidgets import (QCheckBox, QFrame, QGridLayout, QLabel, QScrollArea, QSplitter,
                               QStackedWidget, QVBoxLayout, QWidget)

from ganstudio.train.losses import optimal_discriminator
from ganstudio.train.toy_picture import density_histogram
from ganstudio.train.toy_theory import mass_mask, max_deviation_from_half

from . import style
from .plot_fit import readable_ticks

pg = style.pyqtgraph()

MAX_SCATTER = 1000  # points per cloud drawn in the 2-D view


def _histogram(values: np.ndarray, lo: float, hi: float, bins: int = 60):
    """Bin edges and density histogram over [lo, hi] (samples outside count in the total)."""
    return np.linspace(lo, hi, bins + 1), density_histogram(values, bins, (lo, hi))


def legend_label(title: str, entries) -> QLabel:
    """A plot's title and legend above it, outside the data: the title, then (colour, mark,
    name) entries, on as many lines as the width needs (each entry stays whole)."""
    html = f"<b>{title}</b>&nbsp;&nbsp; " + "&nbsp;&nbsp; ".join(f"<span style='white-space:nowrap'><span style='color:{colour}'>{mark}</span>"
                                f"&nbsp;{name}</span>" for colour, mark, name in entries)
    label = QLabel(html)
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setWordWrap(True)
    label.setObjectName("plotLegend")
    return label


def with_legend(plot: QWidget, legend: QLabel) -> QWidget:
    box = QWidget()
    lay = QVBoxLayout(box)
    lay.setContentsMargins(0, 0, 0, 0)
    lay.setSpacing(0)
    lay.addWidget(legend)
    lay.addWidget(plot, 1)
    return box


class _PlotsAndCaption(QWidget):
    """The 1-D view's scrolled content: at least as high as its plots' minimum plus the caption's
    lines at the width it has now.  (A wrapped label's own minimum assumes some other width: the
    caption's made the plots far taller than the view, the legends' too short, so that the
    caption lay over the lower plot.)"""

    def __init__(self, plots: QWidget, caption: QLabel, legends: tuple[QLabel, ...]):
        super().__init__()
        self.plots, self.caption, self.legends = plots, caption, legends
        self._width = -1

    def _height_for(self, width: int) -> int:
        spacing = self.layout().spacing() if self.layout() is not None else 0
        text = self.caption.heightForWidth(max(width, 1)) if self.caption.text() else 0
        return self.plots.minimumSizeHint().height() + spacing + max(text, 0)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt API
        return QSize(self.plots.minimumSizeHint().width(), self._height_for(self.width()))

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt API
        # The scroll area makes its content this high (at least the view's height): the plots'
        # minimum, not their preferred height, so they scroll only when the view is shorter.
        return self._height_for(width)

    def fit_width(self, width: int) -> None:
        """The legends' lines at this width are their minimum (the plots' minimum follows)."""
        for legend in self.legends:
            legend.setMinimumHeight(max(legend.heightForWidth(max(width, 1)), 0))
        self.updateGeometry()

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().resizeEvent(event)
        if event.size().width() != self._width:      # the wrapped lines change with the width
            self._width = event.size().width()
            self.fit_width(self._width)


class Toy1DView(QWidget):
    """Densities and histograms on top, D(x) and D*(x) below (x axes linked).

    The two plots share a splitter and keep readable minimum heights (more with larger text);
    where the view is shorter than that (a window 800 px high, presentation mode) it scrolls
    instead of squeezing them, and the caption below them scrolls too rather than taking their
    height.  Titles and legends sit above the plots, outside the data."""

    DENSITY_MIN_HEIGHT = 150    # px at normal text size, title and x axis included
    D_MIN_HEIGHT = 150

    def __init__(self, parent=None):
        super().__init__(parent)
        self.density_plot = pg.PlotWidget()
        self.d_plot = pg.PlotWidget()
        self.d_plot.setXLink(self.density_plot)
        dp, pp = self.density_plot.getPlotItem(), self.d_plot.getPlotItem()
        style.style_plot(dp, left=self.tr("density"))
        style.style_plot(pp, left="D(x)", bottom="x")
        dp.hideAxis("bottom")              # the same x as the plot below, whose axis is labelled
        readable_ticks(dp.getAxis("left"))
        readable_ticks(pp.getAxis("left"))
        self.real_hist = dp.plot(stepMode="center", fillLevel=0, brush=style.brush(style.REAL_COLOUR, 60))
        self.fake_hist = dp.plot(stepMode="center", fillLevel=0, brush=style.brush(style.FAKE_COLOUR, 70))
        self.p_data_curve = dp.plot()
        self.p_g_curve = dp.plot()
        self.half_line = pg.InfiniteLine(pos=0.5, angle=0, movable=False)
        pp.addItem(self.half_line)
        self.d_curve = pp.plot()
        self.dstar_curve = pp.plot()
        # Titles and legends sit above the plots, outside the data: inside a plot this short
        # any corner covered the curves.
        self.density_legend = legend_label(self.tr("Data vs generator"), (
            (style.REAL_COLOUR, "▆", self.tr("real samples")), (style.FAKE_COLOUR, "▆", self.tr("generated samples")),
            (style.REAL_COLOUR, "━", "p_data"), (style.FAKE_COLOUR, "━", "p_g")))
        self.d_legend = legend_label(self.tr("Discriminator"), (
            (style.D_COLOUR, "━", "D(x)"), (style.DSTAR_COLOUR, "╍", "D*(x) = p_data / (p_data + p_g)")))
        self.info = QLabel("")
        self.info.setObjectName("toyInfo")
        self.info.setWordWrap(True)
        self.split = QSplitter(Qt.Orientation.Vertical)
        self.split.setChildrenCollapsible(False)
        self.split.addWidget(with_legend(self.density_plot, self.density_legend))
        self.split.addWidget(with_legend(self.d_plot, self.d_legend))
        self.split.setStretchFactor(0, 3)
        self.split.setStretchFactor(1, 2)
        content = _PlotsAndCaption(self.split, self.info, (self.density_legend, self.d_legend))
        cl = QVBoxLayout(content)
        cl.setContentsMargins(0, 0, 0, 0)
        cl.setSpacing(4)
        cl.addWidget(self.split, 1)
        cl.addWidget(self.info)
        self.scroll = QScrollArea()
        self.scroll.setWidget(content)
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.scroll)
        self._probability = None
        self.apply_style()

    def apply_style(self) -> None:
        """Pens and fonts (again after presentation mode changed the scale)."""
        self.real_hist.setPen(style.pen(style.REAL_COLOUR, 1))
        self.fake_hist.setPen(style.pen(style.FAKE_COLOUR, 1))
        self.p_data_curve.setPen(style.pen(style.REAL_COLOUR, 2))
        self.p_g_curve.setPen(style.pen(style.FAKE_COLOUR, 2))
        self.half_line.setPen(style.pen(style.FOREGROUND, 1, 90, Qt.DotLine))
        self.d_curve.setPen(style.pen(style.D_COLOUR, 2.5))
        self.dstar_curve.setPen(style.pen(style.DSTAR_COLOUR, 2, style=Qt.DashLine))
        for w in (self.density_plot, self.d_plot):
            style.apply_fonts(w.getPlotItem())
        from ..presentation import text_scale
        scale = max(1.0, text_scale(self))
        self.density_plot.setMinimumHeight(round(self.DENSITY_MIN_HEIGHT * scale))
        self.d_plot.setMinimumHeight(round(self.D_MIN_HEIGHT * scale))
        self.scroll.widget().fit_width(self.scroll.widget().width())

    def show_snapshot(self, snap: dict) -> None:
        x = np.asarray(snap["x"], dtype=np.float64)
        lo, hi = float(x[0]), float(x[-1])
        edges, h = _histogram(np.asarray(snap["real"]).reshape(-1), lo, hi)
        self.real_hist.setData(edges, h)
        edges, h = _histogram(np.asarray(snap["samples"]).reshape(-1), lo, hi)
        self.fake_hist.setData(edges, h)
        p_data, p_g = snap.get("p_data"), snap.get("p_g")
        if p_data is not None:
            self.p_data_curve.setData(x, p_data)
        self.p_g_curve.setData(x, p_g)
        probability = bool(snap.get("probability", True))
        if probability != self._probability:
            self._probability = probability
            item = self.d_plot.getPlotItem()
            item.setLabel("left", "D(x)" if probability else self.tr("critic f(x)"))
            self.half_line.setVisible(probability)
            self.dstar_curve.setVisible(probability)
            if probability:
                item.setYRange(-0.02, 1.02, padding=0)
                item.enableAutoRange(axis="y", enable=False)
                # 0, 1/2 and 1 only: a short plot (a small window) stacked six labels into a smear
                item.getAxis("left").setTicks([[(0.0, "0"), (0.5, "0.5"), (1.0, "1")], []])
            else:
                item.enableAutoRange(axis="y", enable=True)
                item.getAxis("left").setTicks(None)
        self.d_curve.setData(x, snap["d_value"])
        if probability and p_data is not None and p_g is not None:
            self.dstar_curve.setData(x, optimal_discriminator(p_data, p_g))
        self.info.setText(self._caption(snap, probability, p_data is not None))
        self.scroll.widget().fit_width(self.scroll.widget().width())

    def _caption(self, snap: dict, probability: bool, has_density: bool) -> str:
        parts = [self.tr("step {0}").format(f"{snap.get('step', 0):,}")]
        if "mean" in snap:
            parts.append(self.tr("generated mean {0:.3f}, std {1:.3f}").format(snap["mean"], snap["std"]))
            real = np.asarray(snap["real"]).reshape(-1)
            parts.append(self.tr("data mean {0:.3f}, std {1:.3f}").format(real.mean(), real.std()))
        if probability and has_density:
            parts.append(self._equilibrium(snap))
        elif not probability:
            parts.append(self.tr("a critic has no optimal probability D*: its slope is what moves G"))
        return " · ".join(parts)


    def _equilibrium(self, snap: dict) -> str:
        """Whether p_g = p_data now, read off D*: 1/2 wherever the data has mass at equilibrium."""
        p_data, p_g = np.asarray(snap["p_data"]), np.asarray(snap["p_g"])
        gap = max_deviation_from_half(optimal_discriminator(p_data, p_g), mass_mask(p_data))
        if not np.isfinite(gap):
            return ""
        if gap <= 0.05:
            return self.tr("at equilibrium: D* is within {0:.2f} of 1/2 where the data lives "
                           "(p_g = p_data)").format(gap)
        return self.tr("not at equilibrium: D* is up to {0:.2f} away from 1/2 where the data "
                       "lives").format(gap)


class Toy2DView(QWidget):
    """D's output as a heat map, real and generated scatter, G's gradient field as arrows."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.plot = pg.PlotWidget()
        item = self.plot.getPlotItem()
        style.style_plot(item, title=self.tr("Real vs generated over D(x)"), left="y", bottom="x")
        item.setAspectLocked(True)
        self.heat = pg.ImageItem()
        self.heat.setColorMap(pg.colormap.get("CET-D1A"))
        self.heat.setOpacity(0.75)
        item.addItem(self.heat)
        self.real = pg.ScatterPlotItem(pen=None, brush=style.brush(style.REAL_COLOUR, 170),
                                       name=self.tr("real"))
        self.fake = pg.ScatterPlotItem(pen=None, brush=style.brush("#8fd3ff", 210),
                                       name=self.tr("generated"))
        self.arrows = pg.PlotCurveItem(connect="pairs")
        self.manifold = pg.PlotCurveItem(connect="finite", name=self.tr("G(z grid)"))
        for it in (self.real, self.fake, self.arrows, self.manifold):
            item.addItem(it)
        # the layer check boxes name real / generated / D / push; the legend explains the one
        # layer that needs it (which latents the manifold grid shows), only while it is on
        self.legend = pg.LegendItem(offset=(10, -10), labelTextColor=style.FOREGROUND,
                                    brush=style.brush(style.PLOT_BACKGROUND, 190))
        self.legend.setParentItem(item.getViewBox())
        self.legend.setVisible(False)
        self._manifold_label = ""
        self.colour_bar = pg.ColorBarItem(values=(0, 1), colorMap=self.heat.getColorMap(),
                                          label="D(x)", interactive=False, width=12)
        self.colour_bar.setImageItem(self.heat, insert_in=item)
        self.stats = QLabel("")
        self.stats.setObjectName("toyStats")
        self.layers = {}
        bar = QGridLayout()       # three to a row: the boxes never widen a narrow column
        bar.setContentsMargins(4, 0, 4, 0)
        bar.setVerticalSpacing(2)
        for i, (key, name, target, tip) in enumerate((
                ("Real", self.tr("Real"), self.real, self.tr("The real data")),
                ("Generated", self.tr("Generated"), self.fake, self.tr("The generator's samples")),
                ("D(x)", "D(x)", self.heat, self.tr("The discriminator's output as a heat map")),
                ("G's push", self.tr("G's push"), self.arrows,
                 self.tr("Where the generator's loss pushes a sample (its negative gradient)")),
                ("Manifold", self.tr("G's manifold"), self.manifold,
                 self.tr("The image under G of a regular grid of z: how G folds the latent "
                         "plane onto the data")))):
            box = QCheckBox(name)
            box.setToolTip(tip)
            box.setChecked(key != "Manifold")
            box.toggled.connect(target.setVisible)
            self.layers[key] = box
            bar.addWidget(box, i // 3, i % 3)
        self.manifold.setVisible(False)
        self.layers["Manifold"].toggled.connect(self._show_manifold_legend)
        bar.setColumnStretch(2, 1)
        self.stats.setWordWrap(True)   # its own line: the caption never widens the panel
        self.stats.setContentsMargins(4, 0, 4, 0)
        self.stats.setToolTip(self.tr(
            "Divergences between p_data and p_g, both estimated with the same Gaussian kernel on "
            "the plotted grid. JS is symmetric and at most 0.693 (log 2); KL(data‖G) grows when "
            "G drops modes, KL(G‖data) when G puts samples where there is no data."))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.plot, 1)
        layout.addLayout(bar)
        layout.addWidget(self.stats)
        self._extent = None
        self.apply_style()

    def apply_style(self) -> None:
        """Point sizes, pens and fonts (again after presentation mode changed the scale)."""
        size = 4 * style.pen_scale() ** 0.5
        self.real.setSize(size)
        self.fake.setSize(size)
        self.arrows.setPen(style.pen("#ffffff", 1.2, 200))
        self.manifold.setPen(style.pen("#ffd166", 1.3, 220))
        style.apply_fonts(self.plot.getPlotItem())
        style.apply_legend_fonts(self.legend)

    def show_snapshot(self, snap: dict) -> None:
        xs, ys = np.asarray(snap["x"]), np.asarray(snap["y"])
        d = np.asarray(snap["d_value"], dtype=np.float32)
        if snap.get("probability", True):
            levels = (0.0, 1.0)
        else:
            m = float(np.nanmax(np.abs(d))) if np.isfinite(d).any() else 1.0
            levels = (-max(m, 1e-6), max(m, 1e-6))
        self.heat.setImage(d, autoLevels=False, levels=levels)
        self.colour_bar.setLevels(levels)
        self.colour_bar.setLabel("left", "D(x)" if snap.get("probability", True) else self.tr("critic f(x)"))
        dx = (xs[-1] - xs[0]) / max(len(xs) - 1, 1)
        dy = (ys[-1] - ys[0]) / max(len(ys) - 1, 1)
        rect = QRectF(xs[0] - dx / 2, ys[0] - dy / 2, xs[-1] - xs[0] + dx, ys[-1] - ys[0] + dy)
        self.heat.setRect(rect)
        real = np.asarray(snap["real"])[:MAX_SCATTER]
        fake = np.asarray(snap["samples"])[:MAX_SCATTER]
        fake = fake[np.isfinite(fake).all(1)]
        self.real.setData(real[:, 0], real[:, 1])
        self.fake.setData(fake[:, 0], fake[:, 1])
        self.arrows.setData(*self._arrow_segments(snap["field"], dx * len(xs) / max(len(snap["field"]["x"]), 1)))
        self._show_manifold(snap.get("manifold"))
        extent = tuple(np.round(np.asarray(snap["extent"]).ravel(), 6))
        if extent != self._extent:  # new data range: fit once, then leave zoom to the user
            self._extent = extent
            self.plot.getPlotItem().setRange(rect, padding=0.02)
        self.stats.setText(self._caption(snap))

    @staticmethod
    def _arrow_segments(field: dict, cell: float) -> tuple[np.ndarray, np.ndarray]:
        """Line segments (pairs) for arrows of G's push, the longest 0.9 cells long, with heads."""
        gx, gy = np.meshgrid(field["x"], field["y"])
        u, v = np.asarray(field["u"], dtype=np.float64), np.asarray(field["v"], dtype=np.float64)
        u, v = np.nan_to_num(u), np.nan_to_num(v)
        mag = np.hypot(u, v)
        top = float(mag.max()) if mag.size else 0.0
        if top <= 0:
            return np.zeros(0), np.zeros(0)
        scale = 0.9 * cell / top
        x0, y0 = gx.ravel(), gy.ravel()
        x1, y1 = x0 + u.ravel() * scale, y0 + v.ravel() * scale
        ang = np.arctan2(y1 - y0, x1 - x0)
        head = 0.3 * np.hypot(x1 - x0, y1 - y0)
        xs = [x0, x1, x1, x1 - head * np.cos(ang - 0.45), x1, x1 - head * np.cos(ang + 0.45)]
        ys = [y0, y1, y1, y1 - head * np.sin(ang - 0.45), y1, y1 - head * np.sin(ang + 0.45)]
        # interleave: (start, end) for the shaft, then two head strokes per arrow
        return np.stack(xs, 1).ravel(), np.stack(ys, 1).ravel()

    def _show_manifold(self, m: dict | None) -> None:
        """The deformed grid: each line of G(z) as one polyline, NaN-separated."""
        if not m:
            self.manifold.setData([], [])
            return
        lines = [m["rows"]] + ([m["cols"]] if m.get("cols") is not None else [])
        pts = np.concatenate(lines)                                  # [L, P, 2]
        sep = np.full((pts.shape[0], 1, 2), np.nan)
        flat = np.concatenate([pts, sep], axis=1).reshape(-1, 2)
        self.manifold.setData(flat[:, 0], flat[:, 1])
        r = m.get("z_range", 2.5)
        if m.get("z_dim", 2) == 1:
            label = self.tr("G(z), z from {0:g} to {1:g}").format(-r, r)
        elif m.get("slice"):
            label = self.tr("G(z) over a grid of z[0], z[1] in ±{0:g}<br>(a slice: z[2:] = 0 of {1}-D z)").format(
                r, m["z_dim"])
        else:
            label = self.tr("G(z) over a grid of z in ±{0:g}").format(r)
        if label != self._manifold_label:
            self._manifold_label = label
            self._show_manifold_legend(self.layers["Manifold"].isChecked())

    def _show_manifold_legend(self, on: bool) -> None:
        self.legend.removeItem(self.manifold)
        if on and self._manifold_label:
            self.legend.addItem(self.manifold, self._manifold_label)
            self.apply_style()
        self.legend.setVisible(bool(on and self._manifold_label))

    def _caption(self, snap: dict) -> str:
        parts = [self.tr("step {0}").format(f"{snap.get('step', 0):,}")]
        if "modes_captured" in snap:
            parts.append(self.tr("modes captured {0}/{1}").format(snap["modes_captured"], snap["n_modes"]))
            parts.append(self.tr("high quality {0:.0f}%").format(100 * snap["high_quality"]))
        div = snap.get("divergence")
        if div:
            parts.append(self.tr("JS {0:.3f} · KL(data‖G) {1:.2f} · KL(G‖data) {2:.2f} nats").format(
                div["js"], div["kl_data_g"], div["kl_g_data"]))
        return "\u00a0\u00a0·  ".join(parts)   # a wrapped line never starts with the dot


class ToyView(QStackedWidget):
    """Shows the 1-D or the 2-D view, whichever fits the snapshot (each built on first use)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._views: dict[int, QWidget] = {}
        self.placeholder = QLabel(self.tr("Teaching views appear here while a toy (1-D or 2-D) recipe trains."))
        self.placeholder.setAlignment(Qt.AlignCenter)
        self.placeholder.setWordWrap(True)
        self.addWidget(self.placeholder)
        self.last_snapshot: dict | None = None

    def _view(self, dim: int):
        if dim not in self._views:
            self._views[dim] = Toy1DView() if dim == 1 else Toy2DView()
            self.addWidget(self._views[dim])
        return self._views[dim]

    @property
    def view_1d(self) -> Toy1DView:
        return self._view(1)

    @property
    def view_2d(self) -> Toy2DView:
        return self._view(2)

    def show_snapshot(self, snap: dict) -> None:
        self.last_snapshot = snap
        view = self._view(1 if int(snap.get("dim", 2)) == 1 else 2)
        view.show_snapshot(snap)
        if self.currentWidget() is not view:
            self.setCurrentWidget(view)

    def clear(self) -> None:
        self.last_snapshot = None
        self.setCurrentWidget(self.placeholder)

    def set_presentation(self, on: bool) -> None:
        for view in self._views.values():
            view.apply_style()
