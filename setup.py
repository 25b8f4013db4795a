"""Copies the top-level resources/ and training/ folders into the wheel as package data."""
import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py


class BuildWithResources(build_py):
    def run(self):
        super().run()
        here = Path(__file__).resolve().parent
        for src, dst in (("resources", "_resources"), ("training", "_training")):
            target = Path(self.build_lib) / "ganstudio" / dst
            if (here / src).is_dir():
                shutil.copytree(here / src, target, dirs_exist_ok=True)


setup(cmdclass={"build_py": BuildWithResources})
