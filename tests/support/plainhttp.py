"""One GET over a fresh plain HTTP connection to a server the tests started (no cookies, no retries)."""

import http.client


def get(target, path):
    """(status, headers, body bytes) of GET path on target, a urlsplit/urlparse result."""
    connection = http.client.HTTPConnection(target.hostname, target.port, timeout=30)
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        return response.status, response.headers, response.read()
    finally:
        connection.close()
