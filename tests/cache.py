"""The Redis cache of the test settings: clear() empties only its own keys.

Django's RedisCache.clear() empties the whole Redis database (FLUSHDB). Test
processes running side by side (pytest-xdist workers, the Celery worker of the
service pass) share that database, each under its own key prefix; a test that
clears the cache must not empty the cache of a test running next to it.
"""

from django.core.cache.backends.redis import RedisCache


def _glob_escape(text: str) -> str:
    return "".join("\\" + c if c in "*?[]\\" else c for c in text)


class KeyPrefixRedisCache(RedisCache):
    def clear(self):
        client = self._cache.get_client(write=True)
        # Keys are "<prefix>:<version>:<key>" (Django's default KEY_FUNCTION).
        pattern = _glob_escape(self.key_prefix) + ":*"
        keys = list(client.scan_iter(match=pattern, count=1000))
        for start in range(0, len(keys), 1000):
            client.delete(*keys[start : start + 1000])
        return True
