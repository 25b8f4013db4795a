"""Other runs drawn over the live curves, TensorBoard-style, with their recipe differences.

"Compare runs…" adds finished (or still running) run directories: each gets a colour; its
losses are drawn dashed (D) and dotted (G) over the loss plot, and the keys of the diagnostics
group on show dash-dotted over the lower plot, smoothed like the live curves.  A strip under
the plots lists the runs (click ✕ to remove one) and the recipe keys that differ between them
and the current run.  Reading a run happens on a worker thread, whose answer reaches the strip
only while it still exists (a panel closed mid-read is no error).
"""
from __future__ import annotations

import html
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import numpy as np
from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (QFileDialog, QHBoxLayout, QLabel, QPushButton, QToolButton,
                               QVBoxLayout, QWidget)

from ganstudio.train.run_compare import RunRecords, read_run, recipe_differences
from ganstudio.train.run import RunDirError

from . import style
from .series import History, records_to_columns

MAX_RUNS = 6
# Colours the live run does not use (its D / G colours come first in SERIES_COLOURS).
RUN_COLOURS = ("#b07aa1", "#edc948", "#59c36a", "#76b7b2", "#ff9da7", "#9c755f")
LINE_STYLES = {"loss_d": Qt.DashLine, "loss_g": Qt.DotLine}
DIAG_STYLE = Qt.DashDotLine


def _short(value) -> str:
    text = "—" if value is None else str(value)
    return text if len(text) <= 24 else text[:23] + "…"


class _Answer(QObject):
    """Carries one read's outcome from the reading thread to the strip.

    Made on the GUI thread and owned by nobody but the reading thread: when the strip is gone
    before the read ends, Qt has dropped the connection and the answer goes nowhere (emitting a
    signal of the deleted strip itself would raise on the reading thread)."""

    loaded = Signal(object)          # RunRecords
    failed = Signal(str)


@dataclass
class _Run:
    records: RunRecords
    colour: str
    history: History
    items: dict = field(default_factory=dict)     # key -> PlotDataItem


class RunOverlay(QWidget):
    """The strip of compared runs; draws them on ``curves`` (a LiveCurves)."""

    def __init__(self, curves, parent=None):
        super().__init__(parent)
        self.curves = curves
        self.runs: list[_Run] = []
        self.current_recipe: Callable[[], dict | None] = lambda: None
        # where "Compare runs…" starts: the folder of the last run compared, else this one
        self.runs_folder: Callable[[], Path | None] = lambda: None
        self.folder: str | None = None
        self.button = QPushButton(self.tr("Compare runs…"))
        self.button.setToolTip(self.tr("Draw the curves of other run directories over these, "
                                       "and list how their recipes differ"))
        self.button.clicked.connect(self.choose)
        self.chips = QHBoxLayout()
        self.chips.setContentsMargins(0, 0, 0, 0)
        self.differences = QLabel()
        self.differences.setTextFormat(Qt.RichText)
        self.differences.setWordWrap(True)
        self.differences.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.message = QLabel()
        self.message.setStyleSheet("color: #e15759;")
        self.message.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 2, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(self.chips)
        layout.addWidget(self.differences)
        layout.addWidget(self.message)
        self._update()

    # --- adding and removing ------------------------------------------------------------------
    def start_folder(self) -> str:
        """Where the folder dialog opens: the last compared run's folder, else the runs folder
        (the shown run's parent, or where runs go); the nearest folder that exists."""
        folder = Path(self.folder) if self.folder else self.runs_folder()
        while folder is not None and not folder.is_dir() and folder.parent != folder:
            folder = folder.parent
        return str(folder if folder is not None and folder.is_dir() else Path.home())

    def choose(self) -> None:
        path = QFileDialog.getExistingDirectory(self, self.tr("Compare with run directory"),
                                                self.start_folder())
        if path:
            self.add(path)

    def add(self, path: str | Path) -> None:
        """Read run directory ``path`` on a worker thread, then draw it."""
        path = Path(path)
        self.folder = str(path.parent)
        if any(r.records.path.resolve() == path.resolve() for r in self.runs):
            self._say(self.tr("{0} is already compared").format(path.name))
            return
        if len(self.runs) >= MAX_RUNS:
            self._say(self.tr("at most {0} runs can be compared at once; remove one first")
                      .format(MAX_RUNS))
            return

        answer = _Answer()
        answer.loaded.connect(self._add_loaded)
        answer.failed.connect(self._say)
        refusal = self.tr("cannot compare with {0}: {1}")

        def work():
            try:
                answer.loaded.emit(read_run(path))
            except (RunDirError, OSError, ValueError) as e:
                answer.failed.emit(refusal.format(path.name, e))
        threading.Thread(target=work, name="read-run", daemon=True).start()

    def _add_loaded(self, records: RunRecords) -> None:
        if not records.records:
            self._say(self.tr("{0} has not logged a step yet").format(records.name))
            return
        used = {r.colour for r in self.runs}
        colour = next(c for c in RUN_COLOURS if c not in used)
        history = History(self.curves.history.smoothing)
        history.append(records_to_columns(records.records))
        self.runs.append(_Run(records, colour, history))
        self._say("")
        self.redraw()
        self._update()

    def remove(self, name: str) -> None:
        for run in [r for r in self.runs if r.records.name == name]:
            self._drop_items(run)
            self.runs.remove(run)
        self._update()

    def clear(self) -> None:
        for run in self.runs:
            self._drop_items(run)
        self.runs.clear()
        self._update()

    # --- drawing ------------------------------------------------------------------------------
    def set_smoothing(self, weight: float) -> None:
        for run in self.runs:
            run.history.set_smoothing(weight)
        self.redraw()

    def redraw(self) -> None:
        """Draw every compared run's losses and the keys of the diagnostics group on show."""
        from .curves import CURVE_OPTIONS, EVALUATED, KEY_LABELS, LOSS_KEYS, group_of, shown
        group = self.curves.current_group()
        lo, hi = np.inf, -np.inf
        for run in self.runs:
            self._drop_items(run)
            for key in run.history.keys():
                is_loss = key in LOSS_KEYS
                if not is_loss and group_of(key) != group:
                    continue
                series = run.history.series(key)
                y = series.y if key in EVALUATED else series.smoothed
                finite = np.isfinite(y)
                if not finite.any():
                    continue
                lo, hi = min(lo, float(series.x[0])), max(hi, float(series.x[-1]))
                plot = (self.curves.loss_plot if is_loss else self.curves.diag_plot).getPlotItem()
                pen = style.pen(run.colour, 1.6, style=LINE_STYLES.get(key, DIAG_STYLE))
                # created empty, then filled: pyqtgraph's clip-to-view cannot lay out data
                # while the item is being added to the plot
                item = plot.plot(pen=pen, **CURVE_OPTIONS)
                item.setData(series.x[finite], y[finite])
                label = shown(LOSS_KEYS[key][0]) if is_loss else shown(KEY_LABELS.get(key, key))
                plot.legend.addItem(item, f"{run.records.name} · {label}")
                run.items[key] = (plot, item, f"{run.records.name} · {label}")
        if not len(self.curves.history.steps) and lo < hi:   # no live run: show the compared
            for w in (self.curves.loss_plot, self.curves.diag_plot):
                w.getViewBox().setXRange(lo, hi, padding=0.02)

    def _drop_items(self, run: _Run) -> None:
        for plot, item, _label in run.items.values():
            plot.legend.removeItem(item)
            plot.removeItem(item)
        run.items.clear()

    def hover_rows(self, plot, step: float) -> list[tuple[str, str]]:
        """(colour, "run · curve: value") of the compared runs' points nearest ``step``."""
        from .hover import value_at
        rows = []
        for run in self.runs:
            for owner, item, label in run.items.values():
                if owner is not plot:
                    continue
                x, y = item.getData()
                hit = None if x is None else value_at(np.asarray(x), np.asarray(y), step)
                if hit is not None:
                    rows.append((run.colour, f"{label}: {hit[1]:.4g}"))
        return rows

    # --- the strip ----------------------------------------------------------------------------
    def _say(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))
        self.setVisible(bool(self.runs) or bool(text))

    def _update(self) -> None:
        while self.chips.count():
            w = self.chips.takeAt(0).widget()
            if w is not None:
                w.deleteLater()
        for run in self.runs:
            chip = QToolButton()
            chip.setText(f"■ {run.records.name}  ✕")
            chip.setStyleSheet(f"QToolButton {{ color: {run.colour}; }}")
            chip.setToolTip(self.tr("{0}: {1} logged steps. Click to stop comparing it.")
                            .format(run.records.path, len(run.records.records)))
            chip.clicked.connect(lambda _=False, n=run.records.name: self.remove(n))
            self.chips.addWidget(chip)
        self.chips.addStretch(1)
        self.differences.setText(self._differences_html())
        self.setVisible(bool(self.runs) or self.message.isVisible())

    def _differences_html(self) -> str:
        if not self.runs:
            return ""
        current = self.current_recipe()
        names, recipes = [], []
        if current:
            names.append(self.tr("this run"))
            recipes.append(current)
        names += [r.records.name for r in self.runs]
        recipes += [r.records.recipe for r in self.runs]
        if len(recipes) < 2:
            return self.tr("Nothing to compare the recipe with yet.")
        diffs = recipe_differences(recipes)
        if not diffs:
            return self.tr("The recipes are the same.")
        head = "".join(f"<th align='left'>{html.escape(n)}</th>" for n in names)
        rows = "".join(
            f"<tr><td>{html.escape(key)}</td>"
            + "".join(f"<td>{html.escape(_short(v))}</td>" for v in values) + "</tr>"
            for key, values in diffs[:20])
        more = "" if len(diffs) <= 20 else \
            "<p>" + self.tr("… and {0} more keys").format(len(diffs) - 20) + "</p>"
        title = self.tr("Recipe differences")
        return (f"<b>{title}</b><table cellspacing='0' cellpadding='2'><tr><th></th>{head}</tr>"
                f"{rows}</table>{more}")
