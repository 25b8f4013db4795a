"""Bookmarks of latents, kept per model (keyed by the checkpoint's sha256) in a JSON file
under the user config directory."""
from __future__ import annotations

import json
import os
import re
from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt, Signal
from PySide6.QtWidgets import QInputDialog, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from ...core.checkpoint import atomic_write
from ...core.render import Latent
from .state import ExplorerState
from .state_events import Change
from .widgets import flow, tool_button


def config_dir() -> Path:
    """GANSTUDIO_CONFIG_DIR, else the platform's per-user config folder for GAN Studio."""
    override = os.environ.get("GANSTUDIO_CONFIG_DIR")
    if override:
        return Path(override)
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.GenericConfigLocation)
    return Path(base or Path.home() / ".config") / "GANStudio"


class BookmarkStore:
    """bookmarks/<key>.json: a list of {"name", "latent"} for one model."""

    def __init__(self, folder: Path | None = None):
        self.folder = Path(folder) if folder else config_dir() / "bookmarks"

    def _file(self, key: str) -> Path:
        return self.folder / (re.sub(r"[^A-Za-z0-9_.-]", "_", key)[:80] + ".json")

    def load(self, key: str) -> list[dict]:
        try:
            data = json.loads(self._file(key).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return []
        out = []
        for item in data if isinstance(data, list) else []:
            try:
                Latent.from_dict(item["latent"])
                kept = {"name": str(item["name"]), "latent": item["latent"]}
                if isinstance(item.get("projection"), dict):   # how a projected latent was made
                    kept["projection"] = item["projection"]
                out.append(kept)
            except (KeyError, TypeError, ValueError):
                continue  # a damaged entry is skipped, the rest still load
        return out

    def save(self, key: str, bookmarks: list[dict]) -> None:
        text = json.dumps(bookmarks, separators=(",", ":"))
        atomic_write(self._file(key), lambda f: f.write(text.encode("utf-8")))


class BookmarksWidget(QWidget):
    """List of bookmarks for the open model: add A, load into A or B, rename, delete."""

    message = Signal(str)

    def __init__(self, state: ExplorerState, store: BookmarkStore, parent=None):
        super().__init__(parent)
        self.state, self.store = state, store
        self.list = QListWidget()
        self.list.setMaximumHeight(130)
        self.list.itemDoubleClicked.connect(lambda _: self.load_into("a"))
        self.add_btn = tool_button(self.tr("＋ Bookmark A"), self.tr("Keep latent A (with its edits) for this model"),
                                   self.add)
        self.to_a = tool_button("→ A", self.tr("Load the selected bookmark into latent A"),
                                lambda: self.load_into("a"))
        self.to_b = tool_button("→ B", self.tr("Load the selected bookmark into latent B"),
                                lambda: self.load_into("b"))
        self.rename_btn = tool_button(self.tr("Rename"), self.tr("Rename the selected bookmark"), self.rename)
        self.del_btn = tool_button(self.tr("Delete"), self.tr("Delete the selected bookmark"), self.delete)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.list)
        lay.addLayout(flow(self.add_btn, self.to_a, self.to_b, self.rename_btn, self.del_btn))
        state.subscribe(self.on_state)

    def on_state(self, aspects: frozenset[Change]) -> None:
        if Change.MODEL in aspects and self.state.model is not None:
            self.state.set_bookmarks(self.store.load(self.state.model.key))
        elif Change.BOOKMARKS in aspects:
            self.refresh()

    def refresh(self) -> None:
        self.list.clear()
        for bm in self.state.bookmarks:
            lat = bm["latent"]
            item = QListWidgetItem(f"{bm['name']}   ·  {lat['space']}"
                                   + (self.tr("  + edit") if lat.get("offset") else "")
                                   + (self.tr("  · projected") if bm.get("projection") else ""))
            item.setData(Qt.ItemDataRole.UserRole, bm["name"])
            self.list.addItem(item)
        has = bool(self.state.bookmarks)
        for b in (self.to_a, self.to_b, self.rename_btn, self.del_btn):
            b.setEnabled(has)

    def _unique(self, name: str) -> str:
        names = {b["name"] for b in self.state.bookmarks}
        base, i = name, 2
        while name in names:
            name, i = f"{base} ({i})", i + 1
        return name

    def add(self, name: str | None = None, extra: dict | None = None) -> None:
        """Bookmark A as ``name`` (None: from its seed); ``extra``: more plain data to keep
        with it (e.g. {"projection": summary} for a projected picture)."""
        lat = self.state.latent("a")
        if name is None:
            edited = self.state.a.space != "z" or lat.offset is not None or \
                not (self.state.a.values == self.state.a.base).all()
            name = ((self.tr("seed {0} edited") if edited else self.tr("seed {0}")).format(lat.seed)
                    if lat.seed is not None else self.tr("latent"))
        self.state.add_bookmark({**(extra or {}), "name": self._unique(name), "latent": lat.to_dict()})
        self._save()
        self.message.emit(self.tr("Bookmarked latent A as “{0}”").format(self.state.bookmarks[-1]["name"]))

    def selected(self) -> dict | None:
        item = self.list.currentItem()
        name = item.data(Qt.ItemDataRole.UserRole) if item else None
        return next((b for b in self.state.bookmarks if b["name"] == name), None)

    def load_into(self, slot: str) -> None:
        bm = self.selected()
        if bm is None:
            return
        try:
            self.state.set_latent(slot, Latent.from_dict(bm["latent"]))
        except ValueError as e:
            self.message.emit(self.tr("Cannot load bookmark “{0}”: {1}").format(bm["name"], e))

    def rename(self) -> None:
        bm = self.selected()
        if bm is None:
            return
        name, ok = QInputDialog.getText(self, self.tr("Rename bookmark"), self.tr("Name:"), text=bm["name"])
        if ok and name.strip() and name.strip() != bm["name"]:
            self.state.rename_bookmark(bm["name"], self._unique(name.strip()))
            self._save()

    def delete(self) -> None:
        bm = self.selected()
        if bm is not None:
            self.state.remove_bookmark(bm["name"])
            self._save()

    def _save(self) -> None:
        try:
            self.store.save(self.state.model.key, self.state.bookmarks)
        except Exception as e:  # noqa: BLE001 - a read-only config dir must not break exploring
            self.message.emit(self.tr("Bookmarks could not be saved: {0}").format(e))
