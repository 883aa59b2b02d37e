#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 ClusterDeck developers
# SPDX-License-Identifier: Apache-2.0
"""Serve the recorded Spark and YARN fixtures on 127.0.0.1, read in place, for screenshots and manual checks.

    scripts/serve-fixtures.py [--shared ../shared] [--port 0]

Spark: every GET of shared/fixtures/spark/url-mapping.tsv under /api/v1/ (the History Server's golden answers).
YARN: every GET response of shared/fixtures/yarn/rm-rest/INDEX.tsv whose path has no placeholder (/ws/v1/...).
Anything else is a 404, as a server that does not know the path answers. Prints "port N" once listening.
"""
import argparse
import csv
import http.server
import os
import sys


def load_routes(shared):
    routes = {}
    spark = os.path.join(shared, "fixtures", "spark")
    with open(os.path.join(spark, "url-mapping.tsv"), newline="") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            # The first file recorded for a request wins (two files answer the same executors URL).
            routes.setdefault("/api/v1/" + row["url_path"], os.path.join(spark, "api-v1", row["expectation_file"]))
    rm = os.path.join(shared, "fixtures", "yarn", "rm-rest")
    with open(os.path.join(rm, "INDEX.tsv"), newline="") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            path = row["url_path"]
            if row["http_method"] == "GET" and row["body_kind"] == "response" and "{" not in path:
                routes.setdefault(path, os.path.join(rm, row["file"]))
    return routes


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", default=os.path.join(here, "..", "..", "shared"))
    parser.add_argument("--port", type=int, default=0)
    args = parser.parse_args()
    routes = load_routes(args.shared)

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            # A request with a query is answered by its own recording if there is one, else by the plain path's.
            file = routes.get(self.path) or routes.get(self.path.split("?", 1)[0].rstrip("/"))
            if file is None:
                body, status, kind = b"not recorded: " + self.path.encode(), 404, "text/plain"
            else:
                with open(file, "rb") as f:
                    body, status, kind = f.read(), 200, "application/json"
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *_):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", args.port), Handler)
    print("port", server.server_address[1], flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
