"""The lesson pane: the active lesson's text, its variants, and what is true of the run now.

Toy snapshots of the run (the trainer's plain dicts) arrive through :meth:`LessonPane.show_snapshot`;
a :class:`~ganstudio.train.lesson_checks.LessonTracker` turns them into named numbers, and
the pane says, step by step, whether the lesson's claim holds yet ("not yet at equilibrium:
mean 5.41 ...") and, at the last step, the verdict.
"""
from __future__ import annotations

import math

import numpy as np
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ganstudio.train.lesson_checks import (
    BILINEAR_LR,
    BILINEAR_START,
    LessonTracker,
    evaluate,
)
from ganstudio.train.toy_theory import bilinear_game
from ganstudio.ui.training import style

from .model import Lesson, Number, Variant, tr

OK_MARK, BAD_MARK = "✓", "✗"


def format_number(value, fmt: str) -> str:
    """A number as the pane shows it (see :class:`Number` for the formats)."""
    if value is None:
        return "–"
    if isinstance(value, list):
        if fmt == "pctlist":
            return " / ".join(f"{v:.0%}" for v in value)
        return ", ".join(f"{v:.2f}" for v in value)
    if not math.isfinite(value):
        return str(value)
    if fmt == "pct":
        return f"{value:.1%}"
    if fmt == "int":
        return f"{round(value):,}"
    if fmt == "e":
        return f"{value:.2e}"
    if fmt == "g3":
        return f"{value:.3g}"
    if fmt == "f3":
        return f"{value:.3f}"
    return f"{value:.2f}"


class _CaptionedPlot(QWidget):
    """A lesson's own picture: a square plot of fixed height with a caption under it."""

    def __init__(self, title: str, height: int, parent=None):
        super().__init__(parent)
        self.plot = style.pyqtgraph().PlotWidget()
        item = self.plot.getPlotItem()
        style.style_plot(item, title=title, left="y", bottom="x")
        item.setAspectLocked(True)
        self.plot.setFixedHeight(height)
        self.caption = QLabel()
        self.caption.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.plot)
        layout.addWidget(self.caption)


class BilinearPlot(_CaptionedPlot):
    """min_x max_y xy played by gradient steps, as far as the run has got: the simultaneous
    players spiral away from the equilibrium (0, 0), the alternating ones circle it."""

    def __init__(self, parent=None):
        super().__init__(self.tr("Bilinear game min_x max_y xy"), 220, parent)
        item = self.plot.getPlotItem()
        self.sim = item.plot(pen=style.pen(style.FAKE_COLOUR, 2))
        self.alt = item.plot(pen=style.pen(style.D_COLOUR, 2))
        self.nash = item.plot([0.0], [0.0], pen=None, symbol="+", symbolSize=14,
                              symbolBrush=style.brush(style.FOREGROUND, 255))
        self.caption.setText(self.tr("<span style='color:{0}'>■</span> simultaneous steps · "
                                     "<span style='color:{1}'>■</span> alternating steps · "
                                     "+ the Nash equilibrium (0, 0)")
                             .format(style.FAKE_COLOUR, style.D_COLOUR))
        self.show_steps(0)

    def show_steps(self, steps: int) -> None:
        steps = max(int(steps), 0)
        sim = bilinear_game(steps, BILINEAR_LR, BILINEAR_START)
        alt = bilinear_game(steps, BILINEAR_LR, BILINEAR_START, alternating=True)
        self.sim.setData(sim[:, 0], sim[:, 1])
        self.alt.setData(alt[:, 0], alt[:, 1])
        r = max(float(np.abs(sim).max()), 1.6)
        self.plot.getPlotItem().setRange(xRange=(-r, r), yRange=(-r, r), padding=0.05)


class WGridPlot(_CaptionedPlot):
    """The synthesis network's image of a regular grid of w (``snap["lesson"]["w_grid"]``) over
    the data: even cells mean equal steps in w move the output equally far."""

    def __init__(self, parent=None):
        super().__init__(self.tr("Synthesis of a regular grid of w"), 240, parent)
        item = self.plot.getPlotItem()
        self.real = style.pyqtgraph().ScatterPlotItem(pen=None, size=3, brush=style.brush(style.REAL_COLOUR, 120))
        self.grid = item.plot(pen=style.pen(style.FAKE_COLOUR, 1.2), connect="finite")
        item.addItem(self.real)
        self.caption.setText(self.tr("<span style='color:{0}'>■</span> G's synthesis of a regular "
                                     "grid of w (the range the mapping network fills) · "
                                     "<span style='color:{1}'>■</span> real data")
                             .format(style.FAKE_COLOUR, style.REAL_COLOUR))

    def clear(self) -> None:
        self.grid.setData([], [])
        self.real.setData([], [])

    def show_snapshot(self, snap: dict) -> None:
        grid = (snap.get("lesson") or {}).get("w_grid")
        if not grid:
            return
        lines = np.concatenate([grid["rows"], grid["cols"]])          # [L, P, 2]
        sep = np.full((lines.shape[0], 1, lines.shape[2]), np.nan)
        flat = np.concatenate([lines, sep], axis=1).reshape(-1, lines.shape[2])
        self.grid.setData(flat[:, 0], flat[:, 1])
        real = snap.get("real")
        if real is not None and len(real):
            self.real.setData(real[:500, 0], real[:500, 1])


class LessonPane(QWidget):
    """The explanation of the active lesson, a button per variant, and the live readout."""

    variant_chosen = Signal(str, int)  # lesson key, variant index

    def __init__(self, parent=None):
        super().__init__(parent)
        self.title = QLabel("")
        self.title.setStyleSheet("font-weight: bold; font-size: 12pt;")
        self.title.setWordWrap(True)
        self.course = QLabel("")
        self.course.setObjectName("lessonCourse")
        self.course.setWordWrap(True)
        self.course.setStyleSheet("font-style: italic;")
        self.live = QLabel("")
        self.live.setObjectName("lessonLive")
        self.live.setWordWrap(True)
        self.live.setTextFormat(Qt.RichText)
        self.live.setFrameShape(QFrame.StyledPanel)
        self.live.setMargin(4)
        self.live.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.text = QLabel("")
        self.text.setObjectName("lessonText")
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.RichText)
        self.text.setAlignment(Qt.AlignTop | Qt.AlignLeft)
        self.bilinear = BilinearPlot()
        self.bilinear.setVisible(False)
        self.w_grid = WGridPlot()
        self.w_grid.setVisible(False)
        self.live.setSizePolicy(QSizePolicy.Preferred, QSizePolicy.Minimum)
        self.buttons = QGridLayout()      # one or two variants a row: the pane stays narrow
        self.buttons.setContentsMargins(0, 0, 0, 0)
        # the title, the variants and the live numbers stay in view; the rest scrolls
        body = QWidget()
        bl = QVBoxLayout(body)
        bl.setContentsMargins(0, 0, 4, 0)
        bl.addWidget(self.bilinear)
        bl.addWidget(self.w_grid)
        bl.addWidget(self.course)
        bl.addWidget(self.text, 1)
        self.scroll = QScrollArea()
        self.scroll.setWidget(body)
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.NoFrame)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.addWidget(self.title)
        layout.addLayout(self.buttons)
        layout.addWidget(self.live)
        layout.addWidget(self.scroll, 1)
        self.current: Lesson | None = None
        self.variant = 0
        self.tracker = LessonTracker()
        self.total = 0
        self.setVisible(False)

    # --- the lesson ----------------------------------------------------------------------------
    @property
    def current_variant(self) -> Variant | None:
        return None if self.current is None else self.current.variants[self.variant]

    def show_lesson(self, item: Lesson | None, variant: int = 0) -> None:
        self.current, self.variant = item, variant
        while self.buttons.count():
            w = self.buttons.takeAt(0).widget()
            if w is not None:
                w.deleteLater()
        if item is None:
            self.setVisible(False)
            return
        self.title.setText(item.display_title)
        self.course.setText(self.tr("Course: {0}").format(tr(item.course)) if item.course else "")
        self.course.setVisible(bool(item.course))
        self.text.setText(tr(item.text).strip())
        if len(item.variants) > 1:
            per_row = 2 if all(len(tr(v.label)) <= 16 for v in item.variants) else 1
            for i, v in enumerate(item.variants):
                b = QPushButton(tr(v.label))
                b.setCheckable(True)
                b.setChecked(i == variant)
                b.setToolTip(self.tr("Load this variant into the recipe form"))
                b.clicked.connect(lambda _=False, k=item.key, i=i: self.variant_chosen.emit(k, i))
                self.buttons.addWidget(b, i // per_row, i % per_row)
        self.tracker = LessonTracker(bilinear=item.extra == "bilinear")
        self.bilinear.setVisible(item.extra == "bilinear")
        self.bilinear.show_steps(0)
        self.w_grid.setVisible(item.extra == "w_grid")
        self.w_grid.clear()
        self.total = int(item.variants[variant].recipe["train"]["steps"])
        self.live.setVisible(bool(self.current_variant.numbers))
        self._show_waiting()
        self.setVisible(True)

    # --- live numbers ----------------------------------------------------------------------------
    def clear_run(self) -> None:
        """A new run (or none): forget the previous run's numbers."""
        self.tracker.reset()
        if self.current is not None:
            self.bilinear.show_steps(0)
            self.w_grid.clear()
            self._show_waiting()

    def _show_waiting(self) -> None:
        v = self.current_variant
        if v is None or not v.numbers:
            self.live.setText("")
            return
        rows = "".join(f"<br>{tr(n.label)}: –" for n in v.numbers)
        self.live.setText(self.tr("<b>Live:</b> start the run; these numbers are measured "
                                  "from it as it trains.") + rows)

    def show_snapshot(self, snap: dict, total: int | None = None) -> None:
        """A toy snapshot of the running lesson: update the live readout."""
        v = self.current_variant
        if v is None or not v.numbers or not snap:
            return
        if total:
            self.total = int(total)
        numbers = self.tracker.update(snap)
        if self.current.extra == "bilinear":
            self.bilinear.show_steps(int(numbers.get("step", 0)))
        elif self.current.extra == "w_grid":
            self.w_grid.show_snapshot(snap)
        self.live.setText(self.readout(v, numbers))

    def readout(self, v: Variant, numbers: dict) -> str:
        """Rich text: where the run stands now (or the verdict at its end), then the numbers."""
        step = int(numbers.get("step", 0))
        met, results = evaluate(v.checks, numbers)
        goal = tr(v.goal)
        finished = self.total and step >= self.total
        if finished:
            head = (self.tr("<b>Verdict at step {0}:</b> {1} {2}").format(f"{step:,}", goal, OK_MARK)
                    if met else
                    self.tr("<b>Verdict at step {0}:</b> not {1} {2} (see the numbers marked {2})")
                    .format(f"{step:,}", goal, BAD_MARK))
        elif met:
            head = self.tr("<b>Step {0} of {1}:</b> {2} now.").format(
                f"{step:,}", f"{self.total:,}", goal)
        else:
            head = self.tr("<b>Step {0} of {1}:</b> not yet {2}.").format(
                f"{step:,}", f"{self.total:,}", goal)
        by_key: dict[str, list] = {}
        for check, ok in results:
            by_key.setdefault(check.key, []).append((check, ok))
        rows = []
        for n in v.numbers:
            value = format_number(numbers.get(n.key), n.fmt)
            marks = [self._criterion(c, ok, n) for c, ok in by_key.get(n.key, ())]
            rows.append(f"{tr(n.label)}: <b>{value}</b>" + ("".join(marks)))
        return head + "<br>" + "<br>".join(rows)

    def _criterion(self, c, ok, n: Number) -> str:
        bound = format_number(c.bound, "pct" if n.fmt in ("pct", "pctlist") else
                              ("e" if n.fmt == "e" else ("int" if n.fmt == "int" else "f2")))
        if c.centre is not None and c.op == "<":
            text = self.tr("within {0} of {1}").format(bound, f"{c.centre:g}")
        elif c.centre is not None:
            text = self.tr("more than {0} from {1}").format(bound, f"{c.centre:g}")
        elif n.fmt == "int":            # counts: "at least 24" for > 23.5
            text = (self.tr("at least {0}").format(math.floor(c.bound) + 1) if c.op == ">"
                    else self.tr("at most {0}").format(math.ceil(c.bound) - 1))
        elif c.op == "<":
            text = self.tr("below {0}").format(bound)
        else:
            text = self.tr("above {0}").format(bound)
        mark = "" if ok is None else (f" {OK_MARK}" if ok else f" {BAD_MARK}")
        return f" ({text}{mark})"
