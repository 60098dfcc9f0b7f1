"""The typing stubs (tintuc/_core.pyi) declare what the C module has, with the same parameters."""
import ast
import inspect
import pathlib

import tintuc
from tintuc import _core

STUB = pathlib.Path(tintuc.__file__).with_name("_core.pyi")


def declared():
    tree = ast.parse(STUB.read_text(encoding="utf-8"))
    out = {}
    for node in tree.body:
        if isinstance(node, ast.FunctionDef):
            out[node.name] = node
        elif isinstance(node, ast.ClassDef):
            out[node.name] = {n.name: n for n in node.body if isinstance(n, ast.FunctionDef)}
        elif isinstance(node, ast.AnnAssign):
            out[node.target.id] = None
    return out


def params(fn: ast.FunctionDef) -> list[str]:
    a = fn.args
    return [x.arg for x in a.posonlyargs + a.args + a.kwonlyargs if x.arg not in ("self", "cls")]


def test_every_public_name_is_declared():
    stub = declared()
    public = {n for n in dir(_core) if not n.startswith("__")}
    assert public - set(stub) == set(), "missing from _core.pyi"
    assert set(stub) - public == set(), "declared but not in the module"


def test_functions_take_the_declared_parameters():
    stub = declared()
    for name, node in stub.items():
        obj = getattr(_core, name)
        if isinstance(node, ast.FunctionDef) and getattr(obj, "__text_signature__", None):
            sig = inspect.signature(obj)
            assert list(sig.parameters) == params(node), name


def test_methods_of_the_types_are_declared():
    stub = declared()
    for cls in ("Segmenter", "Automaton"):
        have = {n for n in dir(getattr(_core, cls)) if not n.startswith("_")}
        assert have <= set(stub[cls]), (cls, have - set(stub[cls]))
