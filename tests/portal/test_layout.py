"""The layout stays as README's "What is where" draws it (the import rules are
import-linter's contracts in pyproject.toml, run by `make lint` and CI)."""

import ast
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
MAX_MODULE_LINES = 400
MAX_FUNCTION_LINES = 60
MAX_CONFIGURATION_LINES = 1000


def python_files():
    tracked = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard", "*.py"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    for name in tracked:
        path = ROOT / name
        # Migrations are generated; demo data is a long list of records.
        if "/migrations/" in name or path.name == "demo.py" or not path.exists():
            continue
        yield name, path


def oversized(files):
    modules, functions = [], []
    for name, path in files:
        source = path.read_text(encoding="utf-8")
        if len(source.splitlines()) > MAX_MODULE_LINES:
            modules.append(f"{name} ({len(source.splitlines())} lines)")
        for node in ast.walk(ast.parse(source)):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                length = node.end_lineno - node.lineno + 1
                if length > MAX_FUNCTION_LINES:
                    functions.append(f"{name}:{node.lineno} {node.name} ({length})")
    return modules, functions


def test_no_module_or_function_is_too_long():
    modules, functions = oversized(python_files())
    assert not modules + functions, (
        f"modules over {MAX_MODULE_LINES} lines or functions over "
        f"{MAX_FUNCTION_LINES}: {modules + functions}"
    )


def test_the_checker_finds_a_long_function_and_a_long_module(tmp_path):
    long_function = tmp_path / "f.py"
    long_function.write_text("def f():\n" + "    x = 1\n" * MAX_FUNCTION_LINES)
    long_module = tmp_path / "m.py"
    long_module.write_text("x = 1\n" * (MAX_MODULE_LINES + 1))
    fine = tmp_path / "ok.py"
    fine.write_text("def f():\n" + "    x = 1\n" * (MAX_FUNCTION_LINES - 1))
    modules, functions = oversized(
        [("f.py", long_function), ("m.py", long_module), ("ok.py", fine)]
    )
    assert modules == [f"m.py ({MAX_MODULE_LINES + 1} lines)"]
    assert functions == [f"f.py:1 f ({MAX_FUNCTION_LINES + 1})"]


def test_the_project_package_holds_configuration_only():
    package = ROOT / "ziyang_portal"
    lines = sum(len(p.read_text().splitlines()) for p in package.rglob("*.py"))
    assert lines < MAX_CONFIGURATION_LINES
    modules = {
        str(p.relative_to(package)) for p in package.rglob("*.py") if p.stat().st_size
    }
    assert modules <= {
        "__init__.py",
        "admin.py",
        "apps.py",
        "asgi.py",
        "celery.py",
        "urls.py",
        "wsgi.py",
        "settings/__init__.py",
        "settings/base.py",
        "settings/local.py",
        "settings/production.py",
        "settings/test.py",
    }
