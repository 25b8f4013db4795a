"""Colours and pens shared by the training views (one place, so the theme stays consistent).

pyqtgraph is imported on first use, configured once (:func:`pyqtgraph`): the Explorer, which
the app opens first, does not need it, so start-up does not pay for it.
"""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

# Dark theme colours (the app palette in ganstudio.ui.app uses the same).
BACKGROUND = "#1b1d21"
PLOT_BACKGROUND = "#16181b"
FOREGROUND = "#c9ccd1"
GRID_ALPHA = 0.15

D_COLOUR = "#f28e2b"      # discriminator: orange
G_COLOUR = "#4e9bf0"      # generator: blue
REAL_COLOUR = "#b8bcc4"   # real data: light grey
FAKE_COLOUR = "#4e9bf0"   # generated samples: blue (= G)
DSTAR_COLOUR = "#59c36a"  # the optimal discriminator: green
SERIES_COLOURS = ("#f28e2b", "#4e9bf0", "#59c36a", "#e15759", "#b07aa1", "#edc948",
                  "#76b7b2", "#ff9da7")

_pen_scale = 1.0


def set_pen_scale(scale: float) -> None:
    """Thicker curves for presentation mode (applies to pens made afterwards)."""
    global _pen_scale
    _pen_scale = float(scale)


def pen_scale() -> float:
    return _pen_scale


def pyqtgraph():
    """The pyqtgraph module, configured for the app's theme on the first call."""
    import pyqtgraph as pg
    if not getattr(pg, "_ganstudio_configured", False):
        configure_pyqtgraph(pg)
        pg._ganstudio_configured = True
    return pg


def pen(colour: str, width: float = 1.5, alpha: int = 255, style=None):
    c = QColor(colour)
    c.setAlpha(alpha)
    p = pyqtgraph().mkPen(c, width=width * _pen_scale)
    if style is not None:
        p.setStyle(style)
    p.setCosmetic(True)
    return p


def brush(colour: str, alpha: int = 255):
    c = QColor(colour)
    c.setAlpha(alpha)
    return pyqtgraph().mkBrush(c)


def configure_pyqtgraph(pg) -> None:
    """Global pyqtgraph options: dark background, no antialiasing (fast), row-major images."""
    pg.setConfigOptions(background=PLOT_BACKGROUND, foreground=FOREGROUND, antialias=False,
                        imageAxisOrder="row-major")


def style_plot(plot_item, title: str = "", left: str = "", bottom: str = "", grid: bool = False) -> None:
    """Common look of a PlotItem: labels, plain numbers on the axes, optionally a grid (off by
    default: pyqtgraph's grid lines make each repaint several times as expensive)."""
    if grid:
        plot_item.showGrid(x=True, y=True, alpha=GRID_ALPHA)
    for axis in ("left", "bottom"):
        plot_item.getAxis(axis).enableAutoSIPrefix(False)
    title_never_widens(plot_item.titleLabel)
    if title:
        plot_item.setTitle(title, color=FOREGROUND, size=title_size())
    if left:
        plot_item.setLabel("left", left)
    if bottom:
        plot_item.setLabel("bottom", bottom)
    plot_item.getViewBox().setMenuEnabled(True)


TITLE_ROW = 30    # px: the height pyqtgraph gives a plot's title row


def title_never_widens(label) -> None:
    """A plot title (pyqtgraph's LabelItem) that asks for no minimum width: pyqtgraph makes its
    text's width the plot's minimum, so a long title (a live 'Losses — step …' line) or a
    narrow pane pushed the plot's right edge, colour bar and legend out of sight (issue 22).
    The title is centred over the plot; where it is wider than the plot it wraps onto more
    lines (it used to be clipped at both ends: the Draw data tab's instructions in Japanese)."""
    from PySide6.QtGui import QTextOption
    original, resized = label.updateMin, label.resizeEvent
    option = QTextOption(Qt.AlignmentFlag.AlignHCenter)
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    label.item.document().setDefaultTextOption(option)

    def update_min():
        original()
        height = label.item.boundingRect().height()     # of the lines the text takes now
        label._sizeHint[Qt.SizeHint.MinimumSize] = (0, height)
        label._sizeHint[Qt.SizeHint.PreferredSize] = (label._sizeHint[Qt.SizeHint.PreferredSize][0], height)
        label.setMinimumWidth(0)
        plot = label.parentItem()
        if label.maximumHeight() > 0 and getattr(plot, "titleLabel", None) is label:
            rows = max(TITLE_ROW, height)      # PlotItem.setTitle fixes the row at 30 px
            label.setMaximumHeight(rows)
            plot.layout.setRowFixedHeight(0, rows)
        label.updateGeometry()

    def resize_event(event):
        item, room = label.item, label.rect().width()
        before = item.boundingRect().height()
        item.setTextWidth(-1)
        if room > 40 and item.boundingRect().width() > room:
            item.setTextWidth(room)
        if abs(item.boundingRect().height() - before) > 0.5:
            update_min()
        resized(event)
    label.updateMin = update_min
    label.resizeEvent = resize_event
    update_min()


def title_size() -> str:
    """A plot title's size: the application font's (which presentation mode scales)."""
    from PySide6.QtWidgets import QApplication
    return f"{QApplication.font().pointSizeF():.1f}pt"


def apply_fonts(plot_item) -> None:
    """Tick labels, axis labels, the title and the legend at the application's current font
    size (called when presentation mode changes the font).  Titles and legend entries are
    rich text with a size of their own, so they are set again with the new size."""
    from PySide6.QtWidgets import QApplication
    font = QApplication.font()
    for name in ("left", "bottom", "right", "top"):
        axis = plot_item.getAxis(name)
        axis.setStyle(tickFont=font)
        axis.label.setFont(font)
    title = plot_item.titleLabel
    if title.text:
        plot_item.setTitle(title.text, color=FOREGROUND, size=title_size())
    legend = getattr(plot_item, "legend", None)
    if legend is not None:
        apply_legend_fonts(legend)


def apply_legend_fonts(legend) -> None:
    """A legend's entries (also those added later) at the application's current font size."""
    size = title_size()
    legend.opts["labelTextSize"] = size            # for entries added later
    for _sample, label in legend.items:
        label.setText(label.text, size=size)       # rich text: set again to take the size
