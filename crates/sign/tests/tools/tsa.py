#!/usr/bin/env python3
"""A time-stamp authority for the tests: RFC 3161's HTTP transport (section 3.4) in front of
openssl's own TSA (`openssl ts -reply`). Usage: tsa.py TSA-CONFIG; prints its port, then
serves until killed."""
import http.server
import os
import subprocess
import sys
import tempfile

CONFIG = sys.argv[1]


class Handler(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        query = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        with tempfile.TemporaryDirectory() as d:
            q, r = os.path.join(d, "q.tsq"), os.path.join(d, "r.tsr")
            with open(q, "wb") as f:
                f.write(query)
            p = subprocess.run(["openssl", "ts", "-reply", "-config", CONFIG,
                                "-queryfile", q, "-out", r], capture_output=True)
            if p.returncode != 0:
                self.send_response(500)
                self.end_headers()
                self.wfile.write(p.stderr)
                return
            with open(r, "rb") as f:
                reply = f.read()
        self.send_response(200)
        self.send_header("Content-Type", "application/timestamp-reply")
        self.send_header("Content-Length", str(len(reply)))
        self.end_headers()
        self.wfile.write(reply)

    def log_message(self, *args):
        pass


server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
print(server.server_address[1], flush=True)
server.serve_forever()
