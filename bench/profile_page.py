"""Profile one page in-process with pyinstrument, as a given benchmark user.

    .venv/bin/python -m bench.profile_page / --as anonymous --repeat 20
    .venv/bin/python -m bench.profile_page /admin/suggestions/suggestion/ --as staff

Prints the query count of one request and pyinstrument's call tree for
`--repeat` requests (the first, cold request is not profiled).
"""

import argparse


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("path")
    parser.add_argument(
        "--as",
        dest="who",
        choices=["anonymous", "staff", "deputy"],
        default="anonymous",
    )
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--flat", action="store_true", help="functions by own time")
    parser.add_argument(
        "--database-url",
        default="postgres://postgres@127.0.0.1:5432/ziyang_bench_100k",
    )
    args = parser.parse_args(argv)

    from bench import _server

    _server.configure_django(args.database_url)
    _server.collectstatic()
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from pyinstrument import Profiler

    client = Client(HTTP_HOST="127.0.0.1")
    if args.who != "anonymous":
        accounts = _server.prepare_accounts()
        username = accounts[args.who][0]
        client.force_login(get_user_model().objects.get(username=username))
    response = client.get(args.path)
    print(f"{args.path}: {response.status_code}, {len(response.content)} bytes")
    with CaptureQueriesContext(connection) as queries:
        client.get(args.path)
    print(f"{len(queries)} queries in one request; the slowest:")
    for query in sorted(queries, key=lambda q: -float(q["time"]))[:3]:
        print(f"  {float(query['time']) * 1000:.0f} ms  {query['sql'][:300]}")
    profiler = Profiler(interval=0.0005)
    profiler.start()
    for _ in range(args.repeat):
        client.get(args.path)
    profiler.stop()
    print(
        profiler.output_text(unicode=True, color=False, show_all=False, flat=args.flat)
    )


if __name__ == "__main__":
    main()
