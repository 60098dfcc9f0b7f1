"""examples/quickstart.ipynb runs from top to bottom in a real kernel, and its timeline comes out
as a PNG."""
import base64
import pathlib
import sys

import pytest

nbformat = pytest.importorskip("nbformat")
nbclient = pytest.importorskip("nbclient")
kernelspec = pytest.importorskip("ipykernel.kernelspec")

ROOT = pathlib.Path(__file__).resolve().parent.parent
NOTEBOOK = ROOT / "examples" / "quickstart.ipynb"
KERNEL = "tintuc-tests"


@pytest.fixture(scope="module")
def executed(tmp_path_factory):
    # A kernel spec for this very interpreter, so the notebook sees the tintuc under test
    # whatever `python` is first on PATH.
    prefix = tmp_path_factory.mktemp("jupyter")
    kernelspec.install(kernel_name=KERNEL, prefix=str(prefix))
    mp = pytest.MonkeyPatch()
    mp.setenv("JUPYTER_PATH", str(prefix / "share" / "jupyter"))
    mp.setenv("MPLBACKEND", "module://matplotlib_inline.backend_inline")
    try:
        nb = nbformat.read(NOTEBOOK, as_version=4)
        client = nbclient.NotebookClient(nb, kernel_name=KERNEL, timeout=600,
                                         resources={"metadata": {"path": str(NOTEBOOK.parent)}})
        client.execute()
    finally:
        mp.undo()
    return nb


def test_kernel_is_this_interpreter(tmp_path):
    kernelspec.install(kernel_name=KERNEL, prefix=str(tmp_path))
    spec = (tmp_path / "share" / "jupyter" / "kernels" / KERNEL / "kernel.json").read_text()
    assert sys.executable in spec


def test_notebook_runs_without_errors(executed):
    code_cells = [c for c in executed.cells if c.cell_type == "code"]
    assert code_cells and all(c.execution_count for c in code_cells)
    for cell in code_cells:
        errors = [o for o in cell.outputs if o.output_type == "error"]
        assert errors == [], cell.source
    html = [o["data"]["text/html"] for c in code_cells for o in c.outputs if "text/html" in o.get("data", {})]
    assert any('class="tintuc-corpus"' in h for h in html)
    assert any('class="tintuc-document"' in h for h in html)


def test_notebook_timeline_renders_to_png(executed, tmp_path):
    import matplotlib.image

    (cell,) = [c for c in executed.cells if "timeline" in c.metadata.get("tags", [])]
    images = [o["data"]["image/png"] for o in cell.outputs if "image/png" in o.get("data", {})]
    assert len(images) == 1
    png = tmp_path / "timeline.png"
    png.write_bytes(base64.b64decode(images[0]))
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    image = matplotlib.image.imread(png)
    assert image.shape[0] > 100 and image.shape[1] > 300 and image[..., :3].std() > 0


def test_committed_notebook_has_no_outputs():
    # outputs are made by running it; committed ones would go stale
    nb = nbformat.read(NOTEBOOK, as_version=4)
    nbformat.validate(nb)
    assert all(not c.get("outputs") for c in nb.cells if c.cell_type == "code")
