"""Live training curves: D and G losses (raw and smoothed) plus a selectable diagnostics plot.

Each curve is created once; new points go into one compact :class:`History` table and the
curves are redrawn by :meth:`LiveCurves.refresh`, which the panel calls on a timer (so a run
logging thousands of steps per second costs the GUI a handful of ``setData`` calls per second).
Peak-mode downsampling to about one min/max pair per pixel column and clip-to-view keep a
million-point history fluid: a redraw costs the same at any length.
"""
from __future__ import annotations

import math

import numpy as np

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, Qt, Signal
from PySide6.QtWidgets import (QCheckBox, QComboBox, QHBoxLayout, QLabel, QPushButton, QSlider,
                               QSplitter, QStyle, QVBoxLayout, QWidget)

from ..flow_layout import FlowLayout
from .plot_fit import readable_ticks
from . import style
from .hover import HoverReadout, step_text, value_at
from .series import Columns, History, Series

pg = style.pyqtgraph()

# Names, units and labels are marked for translation here and translated where shown
# (context "LiveCurves"); the English names stay the keys.
LOSS_KEYS = {"loss_d": (QT_TRANSLATE_NOOP("LiveCurves", "D loss"), style.D_COLOUR),
             "loss_g": (QT_TRANSLATE_NOOP("LiveCurves", "G loss"), style.G_COLOUR)}

# Diagnostic groups: label -> keys (in drawing order).  The keys of a group share one unit, so
# they share the plot's one y axis (a count of modes and a share in [0, 1] are two groups).  A
# key not listed is a group of its own, named after it.
GROUPS = {
    QT_TRANSLATE_NOOP("LiveCurves", "D(real) / D(fake)"): ("d_real", "d_fake"),
    QT_TRANSLATE_NOOP("LiveCurves", "Gradient norms"): ("grad_norm_d", "grad_norm_g"),
    QT_TRANSLATE_NOOP("LiveCurves", "Penalties"): ("gp", "r1", "r2", "pl"),
    QT_TRANSLATE_NOOP("LiveCurves", "Modes captured (toy)"): ("modes_captured",),
    QT_TRANSLATE_NOOP("LiveCurves", "High-quality share (toy)"): ("high_quality",),
    QT_TRANSLATE_NOOP("LiveCurves", "KL / JS divergence (2-D toy)"): ("js", "kl_data_g", "kl_g_data"),
    QT_TRANSLATE_NOOP("LiveCurves", "Sample mean / std (1-D)"): ("mean", "std"),
    QT_TRANSLATE_NOOP("LiveCurves", "Augmentation (ADA)"): ("aug_p", "ada_rt"),
    QT_TRANSLATE_NOOP("LiveCurves", "FID (while training)"): ("fid",),
    QT_TRANSLATE_NOOP("LiveCurves", "KID (while training)"): ("kid",),
    QT_TRANSLATE_NOOP("LiveCurves", "FD, classifier features"): ("fd_classifier",),
    QT_TRANSLATE_NOOP("LiveCurves", "KID, classifier features"): ("kid_classifier",),
    QT_TRANSLATE_NOOP("LiveCurves", "Inception Score (classifier)"): ("is",),
    QT_TRANSLATE_NOOP("LiveCurves", "Precision / recall"): ("precision", "recall"),
}
# Keys measured every train.eval_every steps only: drawn as points joined by lines, unsmoothed.
EVALUATED = frozenset({"fid", "kid", "precision", "recall", "fd_classifier", "kid_classifier",
                       "is"})
UNITS = {"D(real) / D(fake)": QT_TRANSLATE_NOOP("LiveCurves", "mean D output"), "Gradient norms": QT_TRANSLATE_NOOP("LiveCurves", "norm"),
         "Penalties": QT_TRANSLATE_NOOP("LiveCurves", "penalty"), "Modes captured (toy)": QT_TRANSLATE_NOOP("LiveCurves", "modes"),
         "High-quality share (toy)": QT_TRANSLATE_NOOP("LiveCurves", "share"),
         "KL / JS divergence (2-D toy)": QT_TRANSLATE_NOOP("LiveCurves", "nats"), "Sample mean / std (1-D)": "x",
         "Augmentation (ADA)": "p / r_t", "FID (while training)": "FID",
         "KID (while training)": "KID", "Precision / recall": QT_TRANSLATE_NOOP("LiveCurves", "share"),
         "FD, classifier features": "FD", "KID, classifier features": "KID",
         "Inception Score (classifier)": "IS"}
KEY_LABELS = {"d_real": QT_TRANSLATE_NOOP("LiveCurves", "D(real)"),
              "d_fake": QT_TRANSLATE_NOOP("LiveCurves", "D(fake)"), "grad_norm_d": "|∇D|",
              "grad_norm_g": "|∇G|", "gp": QT_TRANSLATE_NOOP("LiveCurves", "gradient penalty"), "r1": "R1", "r2": "R2",
              "pl": QT_TRANSLATE_NOOP("LiveCurves", "path length"), "modes_captured": QT_TRANSLATE_NOOP("LiveCurves", "modes captured"),
              "high_quality": QT_TRANSLATE_NOOP("LiveCurves", "high-quality share"), "mean": QT_TRANSLATE_NOOP("LiveCurves", "mean"), "std": QT_TRANSLATE_NOOP("LiveCurves", "std"),
              "aug_p": QT_TRANSLATE_NOOP("LiveCurves", "augmentation p"), "ada_rt": "r_t = E[sign D(real)]",
              "fid": "FID", "kid": "KID", "precision": QT_TRANSLATE_NOOP("LiveCurves", "precision"),
              "recall": QT_TRANSLATE_NOOP("LiveCurves", "recall"),
              "js": "JS", "kl_data_g": "KL(data‖G)", "kl_g_data": "KL(G‖data)"}


STEP_AXIS = QT_TRANSLATE_NOOP("LiveCurves", "step")


def shown(text: str) -> str:
    """A curve, group or unit name in the interface's language."""
    return QCoreApplication.translate("LiveCurves", text)
KEY_COLOURS = {"d_real": style.REAL_COLOUR, "d_fake": style.D_COLOUR,
               "grad_norm_d": style.D_COLOUR, "grad_norm_g": style.G_COLOUR}


PRECREATED = ("loss_d", "loss_g", "d_real", "d_fake", "grad_norm_d", "grad_norm_g")
NICE = (1.0, 1.2, 1.5, 2.0, 2.5, 3.0, 4.0, 5.0, 6.0, 8.0, 10.0)


def nice_ceil(x: float) -> float:
    """The smallest of 1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8 times a power of ten that is >= x."""
    if x <= 0:
        return 1.0
    scale = 10.0 ** math.floor(math.log10(x))
    return next(m * scale for m in NICE if m * scale >= x * (1 - 1e-12))


def group_of(key: str) -> str:
    for name, keys in GROUPS.items():
        if key in keys:
            return name
    return KEY_LABELS.get(key, key)


class EmptyNote(QLabel):
    """Says, over an empty plot, why it is empty (hidden while the plot has data)."""

    def __init__(self, plot: QWidget):
        super().__init__(plot)
        self.setAlignment(Qt.AlignCenter)
        self.setWordWrap(True)
        self.setAttribute(Qt.WA_TransparentForMouseEvents)
        self.setStyleSheet("color: #9aa0aa; background: transparent;")
        plot.installEventFilter(self)

    def eventFilter(self, obj, event):  # noqa: N802 - Qt API
        if event.type() == QEvent.Resize:
            self.setGeometry(obj.rect().adjusted(60, 30, -20, -40))
        return False

    def say(self, text: str) -> None:
        if text != self.text():
            self.setText(text)
        self.setVisible(bool(text))


# pyqtgraph's default keeps ~5 points per pixel before its peak (min/max) reduction, i.e. ~10
# vertices per pixel column; one min/max pair per column looks the same and draws ~5x faster.
DOWNSAMPLE_FACTOR = 1.0
# How every curve is drawn (the live ones and the compared runs'): gaps at NaN, only what is in
# view, peak downsampling to about one min / max pair per pixel column.
CURVE_OPTIONS = dict(connect="finite", clipToView=True, autoDownsample=True,
                     downsampleMethod="peak", autoDownsampleFactor=DOWNSAMPLE_FACTOR)


class _Curve:
    """A raw and a smoothed PlotDataItem over one Series."""

    def __init__(self, plot: pg.PlotItem, key: str, label: str, colour: str, series: Series):
        self.key, self.label, self.colour = key, label, colour
        self.series = series
        kw = dict(CURVE_OPTIONS)
        self.raw = plot.plot(pen=style.pen(colour, 1.0, alpha=70), **kw)
        self.evaluated = key in EVALUATED
        if self.evaluated:
            kw.update(symbol="o", symbolSize=7, symbolBrush=colour, symbolPen=None)
        self.smooth = plot.plot(pen=style.pen(colour, 2.0), **kw)
        self.dirty = False

    def update_pens(self) -> None:
        self.raw.setPen(style.pen(self.colour, 1.0, alpha=70))
        self.smooth.setPen(style.pen(self.colour, 2.0))

    def redraw(self, show_raw: bool) -> None:
        s = self.series
        if self.evaluated:      # sparse, exact numbers: the measured points themselves
            x, y = s.x, s.y
            finite = np.isfinite(y)
            self.smooth.setData(x[finite], y[finite])
            self.raw.setVisible(False)
            self.dirty = False
            return
        self.smooth.setData(s.x, s.smoothed)
        if show_raw:
            self.raw.setData(s.x, s.y)
        self.raw.setVisible(show_raw)
        self.dirty = False

    def set_visible(self, visible: bool, show_raw: bool) -> None:
        self.smooth.setVisible(visible)
        self.raw.setVisible(visible and show_raw and not self.evaluated)


def _plot_widget(title: str, left: str) -> pg.PlotWidget:
    w = pg.PlotWidget()
    item = w.getPlotItem()
    # no grid by default: pyqtgraph's grid lines make every repaint ~5x as expensive
    style.style_plot(item, title=title, left=left, bottom=shown(STEP_AXIS))
    readable_ticks(item.getAxis("left"))     # a short plot with large text: labels apart
    item.setDownsampling(auto=True, mode="peak")
    item.setClipToView(True)
    item.addLegend(offset=(-10, 10), labelTextColor=style.FOREGROUND,
                   brush=style.brush(style.PLOT_BACKGROUND, 190))
    return w


class LiveCurves(QWidget):
    """Loss curves and a diagnostics plot; feed with :meth:`add_columns`, draw with :meth:`refresh`."""

    group_added = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self._curves: dict[str, _Curve] = {}
        self.history = History()
        self._group = GROUPS and next(iter(GROUPS))
        self._latest_step = math.nan

        self.loss_plot = _plot_widget(self.tr("Losses"), self.tr("loss"))
        self.diag_plot = _plot_widget("", "")
        # Zooming or panning one plot moves the other along x.  (pyqtgraph's setXLink would
        # switch off x auto-range in both plots as soon as either one auto-ranges.)
        for src, dst in ((self.loss_plot, self.diag_plot), (self.diag_plot, self.loss_plot)):
            src.getViewBox().sigRangeChangedManually.connect(
                lambda _mask, src=src, dst=dst: self._mirror_x(src, dst))
        # Following the run: x runs from the first step to a round number ahead of the newest,
        # moved when the curve reaches it (~10 times per tenfold growth), not with every point,
        # so the axis is not laid out again at each redraw.  Panning or zooming stops it; Fit
        # (or pyqtgraph's own auto-range) starts it again.
        self.following = True
        for w in (self.loss_plot, self.diag_plot):
            vb = w.getViewBox()
            vb.enableAutoRange(x=False, y=True)
            vb.sigRangeChangedManually.connect(lambda _mask: setattr(self, "following", False))
            vb.sigStateChanged.connect(self._on_view_state)

        self.smoothing = QSlider(Qt.Horizontal)
        self.smoothing.setRange(0, 99)
        self.smoothing.setValue(90)
        self.smoothing.setFixedWidth(90)
        self.smoothing.setToolTip(self.tr("Smoothing of the bold curves (exponential moving average weight)"))
        self.smoothing.valueChanged.connect(self._on_smoothing)
        self.smoothing_label = QLabel("0.90")
        self.show_raw = QCheckBox(self.tr("Raw"))
        self.show_raw.setChecked(True)
        self.show_raw.setToolTip(self.tr("Show the unsmoothed values as faint curves"))
        self.show_raw.toggled.connect(self._redraw_all)
        self.grid = QCheckBox(self.tr("Grid"))
        self.grid.setToolTip(self.tr("Grid lines (each redraw costs more CPU)"))
        self.grid.toggled.connect(self._on_grid)
        self.log_scale = QCheckBox(self.tr("Log scale"))
        self.log_scale.setToolTip(self.tr("Logarithmic y axis (values <= 0 are not drawn)"))
        self.log_scale.toggled.connect(self._on_log)
        self.reset_view = QPushButton(self.style().standardIcon(QStyle.SP_BrowserReload), self.tr("Fit"))
        self.reset_view.setToolTip(self.tr("Zoom to show every point and follow new ones again "
                                           "(drag to pan, wheel to zoom)"))
        self.reset_view.clicked.connect(self.fit_view)
        self.group_box = QComboBox()
        self.group_box.setToolTip(self.tr("Which diagnostics the lower plot shows"))
        self.group_box.currentIndexChanged.connect(lambda _i: self._on_group(self.current_group()))

        bar = FlowLayout(align_right=True)   # wraps in a narrow pane instead of widening it
        smoothing = QWidget()                # the label, slider and value wrap as one
        sv = QHBoxLayout(smoothing)
        sv.setContentsMargins(0, 0, 0, 0)
        sv.addWidget(QLabel(self.tr("Smoothing")))
        sv.addWidget(self.smoothing)
        sv.addWidget(self.smoothing_label)
        bar.addWidget(smoothing)
        bar.addWidget(self.show_raw)
        bar.addWidget(self.grid)
        bar.addWidget(self.log_scale)
        bar.addWidget(self.reset_view)
        diag_bar = QHBoxLayout()
        diag_bar.setContentsMargins(0, 0, 0, 0)
        diag_bar.addWidget(QLabel(self.tr("Diagnostics:")))
        diag_bar.addWidget(self.group_box, 1)
        lower = QWidget()
        lv = QVBoxLayout(lower)
        lv.setContentsMargins(0, 0, 0, 0)
        lv.setSpacing(2)
        lv.addLayout(diag_bar)
        lv.addWidget(self.diag_plot, 1)
        split = QSplitter(Qt.Vertical)
        split.addWidget(self.loss_plot)
        split.addWidget(lower)
        split.setSizes([300, 200])
        split.setChildrenCollapsible(False)
        self._keep_plots_readable()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(bar)
        layout.addWidget(split, 1)
        from .overlay import RunOverlay
        self.overlay = RunOverlay(self)
        self.hover = HoverReadout([self.loss_plot, self.diag_plot], self._hover_rows)
        bar.insertWidget(0, self.overlay.button)
        layout.addWidget(self.overlay)
        self.loss_note = EmptyNote(self.loss_plot)
        self.diag_note = EmptyNote(self.diag_plot)
        for key in PRECREATED:  # every run logs these: build them now, not mid-run
            self._make_curve(key)
        self._update_notes()

    # --- data ------------------------------------------------------------------------------
    def curve(self, key: str) -> _Curve | None:
        return self._curves.get(key)

    def keys(self) -> list[str]:
        return list(self._curves)

    def groups(self) -> list[str]:
        """The diagnostics groups offered (their English names, whatever the language)."""
        return [self.group_box.itemData(i) for i in range(self.group_box.count())]

    def current_group(self) -> str:
        return self.group_box.currentData() or ""

    def _set_groups(self, names: list[str], current: str) -> None:
        self.group_box.blockSignals(True)
        self.group_box.clear()
        for g in names:
            self.group_box.addItem(shown(g), g)
        self.group_box.setCurrentIndex(max(self.group_box.findData(current), 0))
        self.group_box.blockSignals(False)
        self._on_group(self.current_group())

    def _make_curve(self, key: str) -> _Curve:
        if key in LOSS_KEYS:
            label, colour = LOSS_KEYS[key]
            label = shown(label)
            c = _Curve(self.loss_plot.getPlotItem(), key, label, colour, self.history.series(key))
            self.loss_plot.getPlotItem().legend.addItem(c.smooth, label)
        else:
            n = len([k for k in self._curves if k not in LOSS_KEYS])
            colour = KEY_COLOURS.get(key, style.SERIES_COLOURS[n % len(style.SERIES_COLOURS)])
            c = _Curve(self.diag_plot.getPlotItem(), key, shown(KEY_LABELS.get(key, key)), colour,
                       self.history.series(key))
            group = group_of(key)
            if self.group_box.findData(group) < 0:
                self._insert_group(group)
            visible = group == self.current_group()
            c.set_visible(visible, self.show_raw.isChecked())
            if visible:
                self.diag_plot.getPlotItem().legend.addItem(c.smooth, c.label)
        self._curves[key] = c
        return c

    def _insert_group(self, group: str) -> None:
        present = self.groups() + [group]
        order = list(GROUPS) + sorted(g for g in present if g not in GROUPS)
        self._set_groups([g for g in order if g in present], self._group if self._group in present else group)
        self.group_added.emit(group)

    def add_columns(self, cols: Columns) -> None:
        """Append logged values (cheap: array copies only; drawing waits for refresh())."""
        if not len(cols):
            return
        self.history.append(cols)
        for key in cols.values:
            c = self._curves.get(key) or self._make_curve(key)
            c.dirty = True
        self._latest_step = float(cols.steps[-1])

    def clear(self) -> None:
        """Forget the run: its points, and the diagnostics only it logged (a toy run's mode
        coverage is not offered for the next run, a DCGAN)."""
        self.history.clear()
        for key in [k for k in self._curves if k not in PRECREATED]:
            c = self._curves.pop(key)
            item = self.diag_plot.getPlotItem()
            item.legend.removeItem(c.smooth)
            item.removeItem(c.raw)
            item.removeItem(c.smooth)
        kept = [g for g in self.groups() if any(group_of(k) == g for k in self._curves)]
        if kept != self.groups():
            self._set_groups(kept, self._group if self._group in kept else kept[0])
        for c in self._curves.values():
            c.dirty = True
        self._latest_step = math.nan
        self.refresh()
        self._set_title("")
        self.fit_view()
        for w in (self.loss_plot, self.diag_plot):   # no steps of the old run on the axis
            w.getViewBox().setXRange(0, 1, padding=0)

    def _hover_rows(self, plot: pg.PlotWidget, step: float) -> list[tuple[str, str]]:
        """What the hover readout lists in ``plot`` at ``step``: the step of the nearest logged
        point, then each visible curve's value there (smoothed, and raw when raw is shown)."""
        losses = plot is self.loss_plot
        group = self.current_group()
        rows, nearest = [], None
        for c in self._curves.values():
            if (c.key in LOSS_KEYS) != losses or not len(c.series):
                continue
            if not losses and group_of(c.key) != group:
                continue
            s = c.series
            hit = value_at(s.x, s.y if c.evaluated else s.smoothed, step)
            if hit is None:
                continue
            text = f"{c.label}: {hit[1]:.4g}"
            raw = None if c.evaluated or not self.show_raw.isChecked() else value_at(s.x, s.y, step)
            if raw is not None:
                text += self.tr(" (raw {0})").format(f"{raw[1]:.4g}")
            rows.append((c.colour, text))
            nearest = hit[0] if nearest is None else nearest
        if nearest is not None:
            rows.insert(0, (style.FOREGROUND, step_text(nearest)))
        return rows + self.overlay.hover_rows(plot.getPlotItem(), step)

    # --- drawing ---------------------------------------------------------------------------
    def refresh(self, both: bool = True) -> bool:
        """Redraw curves that got new points; returns whether anything was drawn.

        both=False redraws at most one of the two plots per call (the loss plot first), so a
        timer calling this spreads the repaint work of a new log line over two frames.
        """
        show_raw = self.show_raw.isChecked()
        group = self.current_group()
        both = self._follow() or both       # a new x range repaints both plots anyway
        loss = [c for c in self._curves.values() if c.dirty and c.key in LOSS_KEYS]
        diag = [c for c in self._curves.values()
                if c.dirty and c.key not in LOSS_KEYS and group_of(c.key) == group]
        todo = loss + diag if both else (loss or diag)
        for c in todo:
            c.redraw(show_raw)
        if loss and (both or todo is loss):
            self._update_readout()
        for w in (self.loss_plot, self.diag_plot):
            # auto-range now, not in the paint: else pyqtgraph paints, finds the range changed
            # and paints the whole plot a second time
            w.getViewBox().prepareForPaint()
        if todo:
            self._update_notes()
        return bool(todo)

    def _update_notes(self) -> None:
        """Why a plot is empty: no run yet, or nothing of this group logged (yet)."""
        if not len(self.history.steps):
            self.loss_note.say(self.tr("No run yet: start training, or open a run directory "
                                       "(File > Open run directory) to see its curves here."))
            self.diag_note.say("")
            return
        self.loss_note.say("")
        group = self.current_group()
        has = any(len(c.series) for c in self._curves.values() if group_of(c.key) == group)
        self.diag_note.say("" if has else self.tr("This run has not logged {0} yet.").format(shown(group)))

    def has_pending(self) -> bool:
        """Whether a visible curve has points not drawn yet."""
        group = self.current_group()
        return any(c.dirty and (c.key in LOSS_KEYS or group_of(c.key) == group)
                   for c in self._curves.values())

    def readout(self) -> str:
        """The newest smoothed losses, e.g. "step 1,200 · D loss 0.61 · G loss 1.2"."""
        parts = []
        for key in LOSS_KEYS:
            c = self._curves.get(key)
            if c is not None and len(c.series):
                parts.append(f"{shown(LOSS_KEYS[key][0])} {c.series.smoothed[-1]:.4g}")
        if parts and not math.isnan(self._latest_step):
            parts.insert(0, step_text(self._latest_step))
        return "  ·  ".join(parts)

    def _set_title(self, text: str) -> None:
        title = self.tr("Losses  —  {0}").format(text) if text else self.tr("Losses")
        self.loss_plot.getPlotItem().setTitle(title, color=style.FOREGROUND, size=style.title_size())

    def _update_readout(self) -> None:
        self._set_title(self.readout())

    def _redraw_all(self) -> None:
        for c in self._curves.values():
            c.dirty = True
            if c.key not in LOSS_KEYS:
                c.set_visible(group_of(c.key) == self.current_group(), self.show_raw.isChecked())
        self.refresh()

    def _on_smoothing(self, value: int) -> None:
        w = value / 100.0
        self.smoothing_label.setText(f"{w:.2f}")
        self.history.set_smoothing(w)
        self._redraw_all()
        self.overlay.set_smoothing(w)

    def _on_grid(self, on: bool) -> None:
        for w in (self.loss_plot, self.diag_plot):
            w.getPlotItem().showGrid(x=on, y=on, alpha=style.GRID_ALPHA)

    def _on_log(self, on: bool) -> None:
        for w in (self.loss_plot, self.diag_plot):
            w.getPlotItem().setLogMode(x=False, y=on)
        self.fit_view()

    def _on_group(self, group: str) -> None:
        if not group:
            return
        self._group = group
        item = self.diag_plot.getPlotItem()
        item.setTitle(shown(group), color=style.FOREGROUND, size=style.title_size())
        item.setLabel("left", shown(UNITS.get(group, group)))
        item.legend.clear()
        for c in self._curves.values():
            if c.key not in LOSS_KEYS and group_of(c.key) == group:
                item.legend.addItem(c.smooth, c.label)
        self._redraw_all()
        self._update_notes()
        if hasattr(self, "overlay"):
            self.overlay.redraw()

    @staticmethod
    def _mirror_x(src: pg.PlotWidget, dst: pg.PlotWidget) -> None:
        x0, x1 = src.getViewBox().viewRange()[0]
        dst.getPlotItem().setXRange(x0, x1, padding=0)

    def fit_view(self) -> None:
        """Show every point and follow new ones again."""
        self.following = True
        for w in (self.loss_plot, self.diag_plot):
            w.getViewBox().enableAutoRange(x=False, y=True)
        self._follow()

    def _follow(self) -> bool:
        """While following: keep the newest step in view, moving the x range in round steps.
        Returns whether the range moved."""
        steps = self.history.steps
        if not self.following or not len(steps):
            return False
        first, last = float(steps[0]), float(steps[-1])
        moved = False
        for w in (self.loss_plot, self.diag_plot):
            x0, x1 = w.getViewBox().viewRange()[0]
            shifted = abs(x0 - first) > 1e-9 * max(1.0, abs(first))
            if shifted or not last <= x1 <= first + nice_ceil(1.25 * (last - first)):
                w.getViewBox().setXRange(first, first + nice_ceil(1.05 * (last - first)), padding=0)
                moved = True
        return moved

    def _on_view_state(self, vb) -> None:
        """pyqtgraph's auto-range (its "A" button or menu) switched x auto-range on: follow."""
        if vb.autoRangeEnabled()[0]:
            vb.enableAutoRange(x=False)
            self.following = True
            self._follow()

    def set_presentation(self, on: bool) -> None:
        """Pens and fonts after style.set_pen_scale / the app font changed."""
        for c in self._curves.values():
            c.update_pens()
        for w in (self.loss_plot, self.diag_plot):
            style.apply_fonts(w.getPlotItem())
        self._keep_plots_readable()

    PLOT_MIN_HEIGHT = 120     # px at normal text size, title and step axis included

    def _keep_plots_readable(self) -> None:
        """Each plot at least PLOT_MIN_HEIGHT times the text's scale high: with large text in a
        short window the splitter left the Diagnostics plot a strip under its title and axis."""
        from ..presentation import text_scale
        height = round(self.PLOT_MIN_HEIGHT * max(1.0, text_scale(self)))
        for w in (self.loss_plot, self.diag_plot):
            w.setMinimumHeight(height)
