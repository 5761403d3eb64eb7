"""Run every benchmark and print its table: `make bench`, or

    python benchmarks/run.py [--scale 0.01] [--requests 30]

With DATABASE_URL unset it makes a quick run on a SQLite file of its own (var/bench.sqlite3,
never the development database) at 1% of the full size; with DATABASE_URL set (PostgreSQL) it
runs at full size unless --scale says otherwise. The database is migrated and the generated data
set made (or replaced, when its size differs) first.

Each benchmark is a script in this folder, runnable on its own, that takes --scale and prints a
Markdown table; BENCHMARKS lists them in the order they run.
"""

import argparse
import os
import subprocess
import sys
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
BENCHMARKS = ["api_latency", "import_enterprises"]


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="Run every benchmark and print its table.")
    parser.add_argument("--scale", type=float, default=None,
                        help="Size of the data set relative to the full one (default: 1 on "
                             "PostgreSQL, 0.01 on SQLite).")
    parser.add_argument("--requests", type=int, default=30, help="Requests per API case.")
    args = parser.parse_args(argv)

    env = dict(os.environ)
    if not env.get("DATABASE_URL"):
        (BASE_DIR / "var").mkdir(exist_ok=True)
        env["DATABASE_URL"] = f"sqlite:///{BASE_DIR / 'var' / 'bench.sqlite3'}"
    on_sqlite = env["DATABASE_URL"].startswith("sqlite")
    scale = args.scale if args.scale is not None else (0.01 if on_sqlite else 1.0)
    env["DJANGO_SETTINGS_MODULE"] = "config.settings"
    if not env.get("DJANGO_SECRET_KEY") and env.get("DJANGO_DEBUG", "0") == "0":
        import secrets

        env["DJANGO_SECRET_KEY"] = secrets.token_urlsafe(50)

    python = sys.executable
    manage = [python, str(BASE_DIR / "manage.py")]
    subprocess.run([*manage, "migrate", "--noinput", "-v", "0"], env=env, check=True)
    ensure = ("from benchmarks.scale_data import Sizes, generated_counts; "
              f"sizes = Sizes.scaled({scale!r}); "
              "wanted = {'enterprises': sizes.enterprises, 'patents': sizes.patents, "
              "'awards': sizes.awards}; "
              "raise SystemExit(0 if generated_counts() == wanted else 3)")
    present = subprocess.run([*manage, "shell", "-c", ensure], env=env)
    if present.returncode == 3:
        print(f"Generating the data set at scale {scale} ...", flush=True)
        subprocess.run([*manage, "generate_scale_data", "--clear", "--scale", str(scale)],
                       env=env, check=True)
    elif present.returncode != 0:
        return present.returncode

    failed = []
    for name in BENCHMARKS:
        script = BASE_DIR / "benchmarks" / f"{name}.py"
        if not script.exists():
            continue
        print(flush=True)
        command = [python, str(script), "--scale", str(scale)]
        if name == "api_latency":
            command += ["--requests", str(args.requests)]
        if subprocess.run(command, env=env, cwd=BASE_DIR).returncode != 0:
            failed.append(name)
    if failed:
        print(f"\nFailed: {', '.join(failed)}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
