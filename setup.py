"""Lists lmac's packages for setuptools; everything else is declared in pyproject.toml.

The repository root *is* the package `lmac` (package-dir {"lmac": "."}, the Remote Script layout),
which setuptools' automatic discovery does not cover: it would name the subpackages `grammar`,
`surface`, ... So they are discovered here, under the root, and prefixed with `lmac.`, so a new
subpackage is never left out of the wheel (tests/dev/test_wheel.py checks it).
"""
import os

from setuptools import find_packages, setup
from setuptools.command.build_py import build_py

HERE = os.path.dirname(os.path.abspath(__file__))
NOT_SHIPPED = ["tests", "tests.*", "build", "build.*", "dist", "dist.*",
               "lark", "lark.*"]   # /lark/ is a vendored copy a developer may leave in a checkout


class BuildPy(build_py):
    """Every module of the root package but this file, which sits in the root too."""

    def find_package_modules(self, package, package_dir):
        modules = build_py.find_package_modules(self, package, package_dir)
        return [m for m in modules if (m[0], m[1]) != ("lmac", "setup")]


setup(packages=["lmac"] + ["lmac." + name for name in find_packages(HERE, exclude=NOT_SHIPPED)],
      cmdclass={"build_py": BuildPy})
