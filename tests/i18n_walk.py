"""Walk a window's widgets (and its menus, actions, tooltips, plots) and list the visible text
still in English once the Japanese translation is installed.  Used by tests/test_i18n_window.py.

A text is "left in English" when, after removing what is meant to stay in Latin letters (the
ALLOWED words, numbers and units, file names, recipe keys like ``optim.lr_g``, keyboard
shortcuts, code in backticks), a Latin word of two or more letters remains.  Each finding says
where it is (widget class and object path) and whose domain it is: the .ts whose source texts
hold it, else the module of the widget that shows it.
"""
from __future__ import annotations

import html
import re
from dataclasses import dataclass
from pathlib import Path

from ganstudio import i18n
from ganstudio.i18n import build

# Names, abbreviations and units that stay as they are in Japanese (keep this list small).
ALLOWED = {
    "GAN", "GANs", "DCGAN", "StyleGAN", "StyleGAN2", "StyleGAN3", "WGAN", "WGAN-GP", "GP", "RpGAN",
    "R3GAN", "FID", "FD", "KID", "IS", "PPL", "EMA", "Adam", "PyTorch", "CPU", "GPU", "CUDA", "MPS",
    "NVIDIA", "Studio", "Fashion-MNIST", "MNIST", "CIFAR", "MLP", "AdaIN", "ReLU", "JS", "JSD", "KL",
    "SN", "R1", "R2", "RGB", "PNG", "GIF", "MP4", "WebP", "CSV", "TOML", "JSON", "pickle",
    "English", "Ctrl", "Shift", "Alt", "Space", "Enter", "Esc", "Del", "PgUp", "PgDown",
    "Qt", "PySide6", "SeFa", "GANSpace", "InterFaceGAN", "SSIM", "PSNR", "LPIPS", "VGG", "Inception",
    "LSGAN", "PacGAN", "nats", "ToRGB", "toy", "auto", "cpu", "cuda", "px", "ms", "MB", "GB", "KB", "it", "img", "fps",
    "dB", "std", "min", "max", "lr", "Fourier", "FFT", "ADA", "DiffAugment", "psi", "sigma",
    "IDX", "Radford", "sign", "ngf", "ndf", "RGBA", "Debian", "Nash", "xy", "log", "imageio", "ffmpeg",
    "bf16", "fp16", "float32", "AVX512", "BF16", "AMX",
}


def recipe_vocabulary() -> set[str]:
    """What a user types into a recipe or an option: the recipe fields' choices, the objectives'
    names, the augmentations and metrics (help texts name them in any language)."""
    import dataclasses
    from ganstudio.ui.training import recipe_form
    words = set(recipe_form.OBJECTIVES)
    for cls in (recipe_form.DataConfig, *recipe_form.FAMILY_CONFIGS.values(), recipe_form.ObjectiveConfig,
                recipe_form.OptimConfig, recipe_form.TrainConfig):
        for f in dataclasses.fields(cls):
            words.update(str(c) for c in f.metadata.get("choices") or ())
    from ganstudio.train import augment, inception_eval
    words.update(getattr(augment, "_OPS", {}))
    words.update(inception_eval.METRIC_CHOICES)
    return words


_VOCABULARY: set[str] = set()
_PATTERNS = [
    r"<[^>]+>",                                  # HTML tags
    r"`[^`]*`",                                  # code
    r"\[[a-z_]+(\.[a-z_0-9]+)+\]",               # [optim.lr_g]
    r"\b[a-z_]+(\.[a-z_0-9]+)+\b",               # optim.lr_g, train.device
    r"\S+\.(pt|pkl|toml|png|jpg|jpeg|gif|webp|mp4|csv|json|jsonl|npz|npy|qm|ts|idx)\b",
    r"\S*\w/\S*|\S*/\w\S*",                      # paths, units like img/s
    r"(?<!\w)\.\w{2,5}\b",                       # a bare extension: .pkl
    r"\bganstudio( \w+)?",                       # the command line
    r"\b(Ctrl|Shift|Alt|Meta)\+\S+",             # shortcuts
    r"\bF\d{1,2}\b",
    r"\b[A-Za-z]\b",                             # single letters: D, G, z, w, x, k, n
    r"\b[A-Za-z]?\d[\w.,]*\b",                   # numbers, 1e-3, 28x28, 4x4, R1
    r"&(?=\w)",                                  # accelerators
    r"\b\w+_\w+\b",                               # identifiers: log_every, wgan_gp, r_t
    r"(?-i:\b[a-z]+(?=: ))",                       # a value named before its meaning: "idx: ..."
    r"(?<!\w)--[a-z][\w-]*",                       # a command-line option: --mirror
    r"§[^\n<]*",                                  # a course section's heading, quoted as written
]
_STRIP = re.compile("|".join(f"(?:{p})" for p in _PATTERNS), re.IGNORECASE)
_WORD = re.compile(r"[A-Za-z][A-Za-z0-9'’-]*[A-Za-z0-9]")   # "MP4" is one word (ALLOWED), not "MP"


def english_words(text: str) -> list[str]:
    """The Latin words of ``text`` that a Japanese interface should not show."""
    text = html.unescape(_STRIP.sub(" ", html.unescape(text or "")))
    text = _STRIP.sub(" ", text)
    if not _VOCABULARY:
        _VOCABULARY.update(recipe_vocabulary())
    return [w for w in _WORD.findall(text) if w not in ALLOWED and w.strip("'’-") not in ALLOWED
            and w not in _VOCABULARY
            and not all(part in ALLOWED for part in w.split("-"))]   # StyleGAN2-ADA, WGAN-GP


@dataclass
class Finding:
    text: str
    where: str
    owner: str

    def __str__(self):
        return f"[{self.owner}] {self.where}: {self.text!r}"


def _sources_by_domain() -> dict[str, set[str]]:
    """Each domain's texts: its source texts and their translations (a text shown translated
    but still flagged, e.g. for a key left in Latin letters, belongs to the .ts that holds it,
    not to the module of a shared widget such as the Explorer's FittingScrollArea)."""
    out = {}
    for domain in build.DOMAINS:
        path = i18n.ts_path(domain, "ja")
        texts = set()
        if path.is_file():
            from xml.etree import ElementTree
            for m in ElementTree.parse(path).getroot().iter("message"):
                src = m.findtext("source")
                if src:
                    texts.add(src.replace("&", ""))
                translated = m.findtext("translation")
                if translated:
                    texts.add(translated.replace("&", ""))
        out[domain] = texts
    return out


# Reusable widgets any panel puts its content in: they say nothing about whose the text is.
SHARED_WIDGETS = ("ganstudio.ui.explorer.widgets", "ganstudio.ui.screen_fit", "ganstudio.ui.sliders")


def _module_domain(obj) -> str | None:
    """The domain of the nearest ganstudio class among ``obj`` and its parents."""
    while obj is not None:
        for cls in type(obj).__mro__:
            mod = cls.__module__
            if mod.startswith("ganstudio.") and mod not in SHARED_WIDGETS:
                return build.domain_of(mod.replace(".", "/") + ".py") or "app"
        obj = obj.parent() if hasattr(obj, "parent") and callable(obj.parent) else None
    return None


def _path(obj) -> str:
    parts = []
    while obj is not None and len(parts) < 4:
        name = obj.objectName() or type(obj).__name__
        parts.append(name)
        obj = obj.parent() if callable(getattr(obj, "parent", None)) else None
    return "/".join(reversed(parts))


def _texts(w):
    """(text, what) pairs a user can see on widget ``w``."""
    from PySide6.QtWidgets import (QAbstractButton, QAbstractSpinBox, QComboBox, QGroupBox,
                                   QLabel, QLineEdit, QListWidget, QMenu, QTabWidget,
                                   QTableWidget, QTextEdit, QTreeWidget, QDoubleSpinBox, QSpinBox)
    yield w.toolTip(), "tooltip"
    yield w.statusTip(), "status tip"
    yield w.whatsThis(), "what's this"
    if w.isWindow():
        yield w.windowTitle(), "window title"
    if isinstance(w, QLabel):
        yield w.text(), "label"
    if isinstance(w, QAbstractButton):
        yield w.text(), "button"
    if isinstance(w, QGroupBox):
        yield w.title(), "group title"
    if isinstance(w, QLineEdit):
        yield w.placeholderText(), "placeholder"
    if isinstance(w, QTextEdit):
        yield w.toPlainText(), "text"
        yield w.placeholderText(), "placeholder"
    if isinstance(w, QAbstractSpinBox):
        yield w.specialValueText(), "special value"
        if isinstance(w, (QSpinBox, QDoubleSpinBox)):
            yield w.suffix(), "suffix"
            yield w.prefix(), "prefix"
    if isinstance(w, QComboBox):
        for i in range(w.count()):
            yield w.itemText(i), "combo item"
            yield w.itemData(i, 3) or "", "combo item tooltip"    # Qt.ToolTipRole
    if isinstance(w, QTabWidget):
        for i in range(w.count()):
            yield w.tabText(i), "tab"
            yield w.tabToolTip(i), "tab tooltip"
    if isinstance(w, QTableWidget):
        for c in range(w.columnCount()):
            h = w.horizontalHeaderItem(c)
            yield (h.text() if h else ""), "column header"
        for r in range(w.rowCount()):
            for c in range(w.columnCount()):
                item = w.item(r, c)
                yield (item.text() if item else ""), "table cell"
    if isinstance(w, QListWidget):
        for i in range(w.count()):
            yield w.item(i).text(), "list item"
    if isinstance(w, QTreeWidget):
        h = w.headerItem()
        for c in range(w.columnCount()):
            yield h.text(c), "column header"
    if isinstance(w, QMenu):
        yield w.title(), "menu"
    for a in w.actions():
        if Path(a.statusTip()).is_file():   # a file named in a menu (recent, shipped)
            continue
        yield a.text(), "action"
        if a.toolTip() != a.text().replace("&", "").replace("…", "...") and a.toolTip() != a.text():
            yield a.toolTip(), "action tooltip"
        yield a.statusTip(), "action status tip"
        if a.menu() is not None:
            yield a.menu().title(), "menu"
    yield from _plot_texts(w)


def _plot_texts(w):
    """pyqtgraph plots draw their titles, axis labels and legends as graphics items."""
    get = getattr(w, "getPlotItem", None)
    if get is None:
        return
    plot = get()
    yield plot.titleLabel.text, "plot title"
    for name in ("left", "bottom", "right", "top"):
        axis = plot.getAxis(name) if name in plot.axes else None
        if axis is not None and axis.isVisible():
            yield axis.labelText, f"{name} axis"
    legend = plot.legend
    if legend is not None:
        for _sample, label in legend.items:
            yield label.text, "legend"


def untranslated(roots) -> list[Finding]:
    """Every text under ``roots`` (widgets) with English words left in it."""
    from PySide6.QtWidgets import QWidget
    sources = _sources_by_domain()
    seen: set[tuple[str, str]] = set()
    findings = []
    widgets = []
    for root in roots:
        widgets.append(root)
        widgets.extend(root.findChildren(QWidget))
    for w in widgets:
        for text, what in _texts(w):
            if not text or not english_words(text) or (text, what) in seen:
                continue
            seen.add((text, what))
            plain = text.replace("&", "")
            owner = _module_domain(w) or "app"
            held = {plain, plain.split("\n")[0]}        # a form's help text: translation + "\n[key]"
            if not held & sources.get(owner, set()):    # e.g. a lesson's title shown by the panel,
                owner = next((d for d, texts in sources.items() if held & texts), owner)   # a shared widget
            findings.append(Finding(text[:160], f"{_path(w)} {what}", owner))
    return findings
