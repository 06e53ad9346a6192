"""gunicorn's settings for the MJC Platform (read by `gunicorn -c gunicorn.conf.py`, and by
default from the working directory).

No server banner (issue 10, "Headers"): gunicorn writes ``Server: gunicorn`` on every response
itself, below the WSGI application, so the middleware that removes the application's
``Server`` header (mjc/core/guard.py) cannot reach it. The line is dropped here.
"""

from gunicorn.http import wsgi

_default_headers = wsgi.Response.default_headers


def _headers_without_server(self):
    return [line for line in _default_headers(self) if not line.lower().startswith("server:")]


wsgi.Response.default_headers = _headers_without_server
