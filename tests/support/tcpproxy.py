"""A TCP proxy on loopback that a test can cut and restore: a database outage without stopping the
database. Cutting closes every connection through it and stops listening, so new ones are refused
at once, as when the database's machine has gone; restoring listens on the same port again."""

import socket
import threading


class CuttableProxy:
    def __init__(self, target_host, target_port):
        self.target = (target_host, target_port)
        self.lock = threading.Lock()
        self.connections = set()
        self.listener = None
        self.port = 0
        self.restore()

    def restore(self):
        listener = socket.socket()
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(("127.0.0.1", self.port))
        listener.listen(64)
        listener.settimeout(0.05)  # the accepting thread looks at least this often whether it was cut
        self.port = listener.getsockname()[1]
        with self.lock:
            self.listener = listener
        threading.Thread(target=self._accept, args=(listener,), daemon=True).start()

    def cut(self):
        with self.lock:
            listener, self.listener = self.listener, None
            connections, self.connections = self.connections, set()
        if listener is not None:
            listener.close()
        for connection in connections:
            _close(connection)

    close = cut

    def _accept(self, listener):
        while True:
            with self.lock:
                if self.listener is not listener:
                    return
            try:
                client, _ = listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return  # closed by cut()
            client.settimeout(None)
            try:
                upstream = socket.create_connection(self.target, timeout=5)
            except OSError:
                _close(client)
                continue
            upstream.settimeout(None)
            with self.lock:
                cut = self.listener is not listener
                if not cut:
                    self.connections |= {client, upstream}
            if cut:
                _close(client)
                _close(upstream)
                return
            threading.Thread(target=self._pump, args=(client, upstream), daemon=True).start()
            threading.Thread(target=self._pump, args=(upstream, client), daemon=True).start()

    def _pump(self, source, sink):
        try:
            while data := source.recv(65536):
                sink.sendall(data)
        except OSError:
            pass  # cut, or the other side went away
        with self.lock:
            self.connections -= {source, sink}
        _close(source)
        _close(sink)


def _close(connection):
    try:
        connection.shutdown(socket.SHUT_RDWR)  # wakes the thread reading it
    except OSError:
        pass
    connection.close()
