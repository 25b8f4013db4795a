"""Help pages: Getting started (the two panels in one page) and the keyboard shortcuts."""
from __future__ import annotations

import re

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QTableWidget, QTableWidgetItem,
                               QTextBrowser, QVBoxLayout, QHeaderView)

GETTING_STARTED = QT_TRANSLATE_NOOP("GuideDialog", """
<h2>Getting started with GAN Studio</h2>
<p>A <b>generative adversarial network</b> is two networks playing a game: a <i>generator</i>
turns random numbers (a latent vector <i>z</i>) into samples, and a <i>discriminator</i> tries to
tell those samples from real data. Each improves by exploiting the other's mistakes. GAN Studio
lets you watch that game as it is played, and explore what a trained generator has learned.</p>

<h3>The Training panel</h3>
<ol>
<li><b>Pick a lesson or a recipe.</b> Lessons are small runs with an explanation beside the plots
&mdash; <i>The 1-D game</i> finishes in seconds on a CPU. Presets are the recipes in
<code>training/</code>; <i>File &rsaquo; Open</i> reads any recipe (<code>.toml</code>).</li>
<li><b>Adjust the form:</b> dataset (with a preview and its size), architecture, objective and
regularisers, optimiser, batch, steps, device and seed. An invalid value is outlined in red with
the reason in its tooltip, and <b>Start</b> stays disabled until it is fixed.</li>
<li><b>Start</b> (Ctrl+Enter). <b>Pause / Resume</b> with Space, <b>Stop</b> with Ctrl+. (a
checkpoint is written), <b>Save checkpoint now</b> with Ctrl+K, and <b>Open in Explorer</b>
(Ctrl+E) to explore the current generator while it trains.</li>
<li><b>Watch:</b> the D and G loss curves (raw and smoothed; drag to pan, wheel to zoom, <i>Fit</i>
to follow again), the diagnostics plot (D(real)/D(fake), gradient norms, penalties), and the
sample grid from a fixed <i>z</i> &mdash; drag its slider to replay earlier steps. Toy (1-D / 2-D)
runs add a <b>Teaching view</b>: histograms with D(x) and the optimal D*(x), or a scatter over
D's heat map with the generator's gradient field and the modes captured.</li>
<li><b>Follow a run elsewhere:</b> <i>File &rsaquo; Open run directory</i> attaches to a folder that
<code>ganstudio train</code> is writing (also through a synced or mounted folder from a server)
or has finished, and shows the same curves and samples as they grow.</li>
</ol>
<p>Every run is saved under the runs folder (Documents/GAN Studio/runs by default): the resolved
recipe, <code>metrics.jsonl</code>, sample grids and checkpoints. Closing the window during a
run asks first, then stops cleanly with a checkpoint.</p>

<h3>The Explorer panel</h3>
<p>Opens a checkpoint (<code>.pt</code>) &mdash; the shipped Fashion-MNIST StyleGAN at start-up &mdash;
and shows a grid of samples. Move through latent space with the sliders, change the truncation
&psi; (closer to the average image, less variety), mix styles from two latents per resolution,
interpolate between samples, and export grids and animations from <i>File &rsaquo; Export</i>.</p>

<h3>Teaching from a projector</h3>
<p><i>View &rsaquo; Presentation mode</i> (F11) goes full screen with every text larger (how much:
<i>View &rsaquo; Presentation text size</i>), thicker curves and the recipe form hidden; the next
start comes back to it.</p>
<p>While a run is paused, <b>D step</b> and <b>G step</b> move one player only and <b>Full step</b>
makes whole training steps, <i>k</i> at a time; <b>Slow motion</b> waits after every step, and the
learning rates and the loss change live with <b>Apply</b> (the run's <code>metrics.jsonl</code>
records it). The <b>Draw data</b> tab trains on points you click, paint or load from a CSV file of
x,y rows. The 2-D teaching view can draw <b>G's manifold</b> (the image of a grid of <i>z</i>) and
shows the KL and JS divergences between the data and the generated samples.</p>
""")


class GuideDialog(QDialog):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Getting started"))
        self.resize(720, 640)
        self.browser = QTextBrowser()
        self.browser.setOpenExternalLinks(True)
        self.browser.setHtml(self.tr(GETTING_STARTED))
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)


def shortcut_rows(actions: list[QAction]) -> list[tuple[str, str]]:
    """(shortcut, what it does) for every action with a shortcut, without duplicates."""
    rows, seen = [], set()
    for a in actions:
        for seq in a.shortcuts():
            key = seq.toString(seq.SequenceFormat.NativeText)
            if not key or key in seen:
                continue
            seen.add(key)
            rows.append((key, re.sub(r"\(&\w\)", "", a.text()).replace("&", "").rstrip(".…")))
    return rows


class ShortcutsDialog(QDialog):
    """Built from the window's actions, so it can never disagree with them."""

    def __init__(self, actions: list[QAction], parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.resize(460, 520)
        rows = shortcut_rows(actions)
        table = QTableWidget(len(rows), 2)
        table.setHorizontalHeaderLabels([self.tr("Keys"), self.tr("Action")])
        table.verticalHeader().setVisible(False)
        table.setEditTriggers(QTableWidget.NoEditTriggers)
        table.setSelectionMode(QTableWidget.NoSelection)
        table.horizontalHeader().setSectionResizeMode(1, QHeaderView.Stretch)
        for i, (keys, text) in enumerate(rows):
            k = QTableWidgetItem(keys)
            k.setTextAlignment(Qt.AlignCenter)
            table.setItem(i, 0, k)
            table.setItem(i, 1, QTableWidgetItem(text))
        self.table = table
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(table)
        layout.addWidget(buttons)
