"""Keeps sent messages in `outbox`, for tests (like Django's mail.outbox)."""

outbox: list = []


class SmsBackend:
    def send(self, message) -> None:
        outbox.append(message)
