"""The app's QSettings (window layout, panel state).  Recent files live in
``ganstudio.ui.explorer.files`` (the same QSettings("GANStudio", "GANStudio") "recent_files").

``GANSTUDIO_SETTINGS_DIR`` (used by the tests) keeps the settings in an INI file in that folder
instead of the user's configuration.
"""
from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QSettings

ORGANISATION = APPLICATION = "GANStudio"


def app_settings() -> QSettings:
    folder = os.environ.get("GANSTUDIO_SETTINGS_DIR")
    if folder:
        return QSettings(str(Path(folder) / f"{APPLICATION}.ini"), QSettings.IniFormat)
    return QSettings(ORGANISATION, APPLICATION)
