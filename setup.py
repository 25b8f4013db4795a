"""Copies the top-level resources/ and training/ folders into the wheel as package data, and
builds the native StyleGAN3 filtering kernels (plain C, loaded with ctypes; optional: without
a C compiler the package installs and runs the PyTorch code instead)."""
import shutil
from pathlib import Path

from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext
from setuptools.command.build_py import build_py


class BuildWithResources(build_py):
    def run(self):
        super().run()
        here = Path(__file__).resolve().parent
        for src, dst in (("resources", "_resources"), ("training", "_training")):
            target = Path(self.build_lib) / "ganstudio" / dst
            if (here / src).is_dir():
                shutil.copytree(here / src, target, dirs_exist_ok=True)


class BuildPlainC(build_ext):
    """The native kernels are a plain shared library, not a Python module: no PyInit_
    symbol to export; optimised, with POSIX threads where the compiler is GCC-like."""

    def get_export_symbols(self, ext):
        return ext.export_symbols or []

    def build_extensions(self):
        if self.compiler.compiler_type == "unix":
            for ext in self.extensions:
                ext.extra_compile_args = ["-O3", "-std=gnu11", "-pthread"]
                ext.extra_link_args = ["-pthread", "-ldl"]
        super().build_extensions()


NATIVE = Extension(
    "ganstudio.core.nets._native._stylegan3_fir",
    sources=["ganstudio/core/nets/_native/stylegan3_fir.c"],
    depends=["ganstudio/core/nets/_native/fir_body.h"],
    optional=True,   # no C compiler: install anyway, the PyTorch code runs
)

setup(cmdclass={"build_py": BuildWithResources, "build_ext": BuildPlainC},
      ext_modules=[NATIVE])
