"""Builds tintuc._core from csrc/ against ICU.

ICU is found with pkg-config (icu-uc, icu-i18n). Overrides, for systems without pkg-config:
  TINTUC_ICU_CFLAGS   extra compiler flags, e.g. "-I/opt/icu/include"
  TINTUC_ICU_LIBS     linker flags, e.g. "-L/opt/icu/lib -licui18n -licuuc -licudata"
Other switches:
  TINTUC_SANITIZE=1   build with AddressSanitizer and UndefinedBehaviorSanitizer
  TINTUC_DEBUG=1      build with -O0 -g
"""
import glob
import os
import shlex
import shutil
import subprocess
import sys

from setuptools import Extension, setup

ICU_MISSING = """
tintuc needs ICU's development files (headers and pkg-config data) to build its C core.
Install them, then run the install again:
  Debian/Ubuntu:  sudo apt-get install libicu-dev pkg-config
  Fedora/RHEL:    sudo dnf install libicu-devel pkgconf-pkg-config
  macOS:          brew install icu4c pkg-config
                  export PKG_CONFIG_PATH="$(brew --prefix icu4c)/lib/pkgconfig"
Or point TINTUC_ICU_CFLAGS and TINTUC_ICU_LIBS at an ICU you built yourself.
"""


def icu_flags():
    cflags = os.environ.get("TINTUC_ICU_CFLAGS")
    libs = os.environ.get("TINTUC_ICU_LIBS")
    if cflags is not None and libs is not None:
        return shlex.split(cflags), shlex.split(libs)
    if shutil.which("pkg-config") is None:
        sys.exit("error: pkg-config not found." + ICU_MISSING)
    try:
        got_c = subprocess.run(["pkg-config", "--cflags", "icu-uc", "icu-i18n"],
                               check=True, capture_output=True, text=True).stdout
        got_l = subprocess.run(["pkg-config", "--libs", "icu-uc", "icu-i18n"],
                               check=True, capture_output=True, text=True).stdout
    except subprocess.CalledProcessError as e:
        sys.exit("error: pkg-config cannot find ICU (icu-uc, icu-i18n): "
                 + e.stderr.strip() + "\n" + ICU_MISSING)
    return shlex.split(cflags if cflags is not None else got_c), shlex.split(libs if libs is not None else got_l)


def extension():
    cflags, libs = icu_flags()
    compile_args = ["-std=c11", "-fvisibility=hidden", "-Wall", "-Wextra", "-Wno-missing-field-initializers"] + cflags
    link_args = list(libs)
    if os.environ.get("TINTUC_DEBUG"):
        compile_args += ["-O0", "-g"]
    else:
        compile_args += ["-O2"]
    if os.environ.get("TINTUC_SANITIZE"):
        san = ["-fsanitize=address,undefined", "-fno-omit-frame-pointer", "-fno-sanitize-recover=undefined"]
        compile_args += san + ["-g"]
        link_args += san
    sources = sorted(glob.glob("csrc/core/*.c")) + sorted(glob.glob("csrc/glue/*.c"))
    return Extension(
        "tintuc._core",
        sources=sources,
        depends=sorted(glob.glob("csrc/core/*.h")) + sorted(glob.glob("csrc/glue/*.h")),
        extra_compile_args=compile_args,
        extra_link_args=link_args,
    )


setup(ext_modules=[extension()])
