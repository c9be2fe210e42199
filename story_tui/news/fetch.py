"""Fetching one address as a careful user of curl would: the only module that uses the network.

Every limit a hostile server needs is here: only http and https; a connect timeout, a read
timeout and a deadline on the whole response (a server dripping one byte a second is cut off);
the body limited before and after decompression (we decode gzip and deflate ourselves, a bounded
amount at a time, so a gzip bomb is refused without being inflated); redirects followed here, a
bounded number, each checked like the address itself (http or https, not a port of another
protocol, not this computer or its network when the page was not); a page that is not HTML,
text or a feed refused; TLS always verified; proxies from
the environment (httpx's `trust_env`); 429 and 503 with `Retry-After` respected; a User-Agent
naming story-tui and its version; no cookie ever kept. No UI imports.
"""

from __future__ import annotations

import asyncio
import email.utils
import ipaddress
import socket
import time
import zlib
from dataclasses import dataclass
from http.cookiejar import CookieJar, DefaultCookiePolicy
from typing import TYPE_CHECKING
from urllib.parse import urljoin, urlsplit

if TYPE_CHECKING:
    import httpx

PAGE_TYPES = frozenset(
    {"text/html", "application/xhtml+xml", "text/plain", "text/markdown", "text/x-markdown"}
)
"""What `add` accepts as an article."""
FEED_TYPES = PAGE_TYPES | {
    "application/rss+xml",
    "application/atom+xml",
    "application/rdf+xml",
    "application/xml",
    "text/xml",
    "application/feed+json",
    "application/json",
}
"""What `follow` and `refresh` accept as a feed (some servers send feeds as text/html)."""

BAD_PORTS = frozenset(
    {1, 7, 9, 11, 13, 15, 17, 19, 20, 21, 22, 23, 25, 37, 42, 43, 53, 69, 77, 79, 87, 95}
    | {101, 102, 103, 104, 109, 110, 111, 113, 115, 117, 119, 123, 135, 137, 139, 143, 161}
    | {179, 389, 427, 465, 512, 513, 514, 515, 526, 530, 531, 532, 540, 548, 554, 556, 563}
    | {587, 601, 636, 989, 990, 993, 995, 1719, 1720, 1723, 2049, 3659, 4045, 4190, 5060}
    | {5061, 6000, 6566, 6665, 6666, 6667, 6668, 6669, 6679, 6697, 10080}
)
"""The ports web browsers never fetch from (the Fetch standard's "bad ports": mail, ssh, irc, …):
an HTTP request sent there can be read by that server as commands of its own protocol."""


@dataclass(frozen=True)
class Limits:
    """How long and how much one response may take."""

    connect: float = 10.0
    """Seconds to open the connection."""
    read: float = 15.0
    """Seconds without a byte before giving up."""
    deadline: float = 30.0
    """Seconds for the whole response, from the request to the last byte."""
    max_bytes: int = 8 * 1024 * 1024
    """Largest body, both as sent and once decompressed."""
    max_redirects: int = 5
    retry_wait: float = 5.0
    """A 429/503 asking to wait at most this long is retried once after the wait."""


class FetchError(Exception):
    """Why an address could not be fetched, as one line (and when to try again, if said)."""

    def __init__(self, message: str, retry_at: float | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.retry_at = retry_at
        """Epoch seconds before which the server asked not to be asked again."""


@dataclass(frozen=True)
class Validators:
    """What makes a request conditional (the previous response's ETag and Last-Modified)."""

    etag: str | None = None
    last_modified: str | None = None


@dataclass(frozen=True)
class Fetched:
    """A body fetched in full and within every limit."""

    url: str
    """The address it came from, after redirects."""
    body: bytes
    content_type: str
    validators: Validators


NOT_MODIFIED = "not modified"
"""What `fetch` returns when the server answered 304 to a conditional request."""


def user_agent() -> str:
    """`story-tui/VERSION (+project address)`."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        number = version("story-tui")
    except PackageNotFoundError:
        number = "0+unknown"
    return f"story-tui/{number} (+https://pypi.org/project/story-tui/)"


def check_address(url: str, came_from: str | None = None) -> str:
    """The address, if it is one story-tui fetches: http or https, with a host, on a port that
    belongs to no other protocol; and, when it came from another address (a feed's entry, a
    redirect), not on this computer or its local network unless that address was too.

    Raises:
        FetchError: any other scheme (`file:`, `data:`, `ftp:`, `javascript:`, …), no host, a
            port web browsers refuse, a local address named by a page that is not local.
    """
    try:
        parts = urlsplit(url.strip())
        port = parts.port  # a ValueError when not 0-65535
    except ValueError:
        raise FetchError("not a valid address") from None
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https"):
        shown = f"{scheme}:" if scheme else "no scheme"
        raise FetchError(f"only http and https addresses are fetched ({shown})")
    if not parts.hostname:
        raise FetchError("the address has no host")
    if port is not None and (port == 0 or port in BAD_PORTS):
        raise FetchError(f"port {port} belongs to another protocol; web browsers refuse it too")
    if came_from is not None and is_local(parts.hostname):
        try:
            origin = urlsplit(came_from).hostname
        except ValueError:
            origin = None
        if not origin or not is_local(origin):
            raise FetchError(
                "an address on this computer or its local network, named by a page that is not"
            )
    return url.strip()


def is_local(host: str) -> bool:
    """Whether a host names this computer or a private network: `localhost`, a loopback,
    private, link-local or unspecified IP address (also written the old ways: `127.1`,
    `2130706433`, `0x7f.0.0.1`, which the system's resolver still reads as 127.0.0.1).

    A name that a DNS server resolves to such an address is not seen here.
    """
    host = host.strip("[]").rstrip(".").lower()
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        ip: ipaddress.IPv4Address | ipaddress.IPv6Address = ipaddress.ip_address(host)
    except ValueError:
        if not host or not all(c in "0123456789abcdefx." for c in host):
            return False
        try:
            ip = ipaddress.IPv4Address(socket.inet_aton(host))
        except OSError:
            return False
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return ip.is_loopback or ip.is_private or ip.is_link_local or ip.is_unspecified


def host_of(url: str) -> str:
    """The host and port an address is fetched from (what `at most two per host` counts)."""
    try:
        return urlsplit(url).netloc.lower()
    except ValueError:
        return url


def new_client(limits: Limits | None = None) -> httpx.AsyncClient:
    """The one client a run shares: TLS verified, proxies from the environment, no cookies.

    It follows no redirect itself: `fetch` does, checking each address first.
    """
    import httpx

    limits = limits or Limits()
    jar = CookieJar(DefaultCookiePolicy(allowed_domains=[]))  # refuses every cookie
    return httpx.AsyncClient(
        timeout=httpx.Timeout(limits.read, connect=limits.connect, pool=None),
        follow_redirects=False,
        event_hooks={"response": [_take_location]},
        headers={"User-Agent": user_agent(), "Accept-Encoding": "gzip, deflate"},
        cookies=jar,
        trust_env=True,
        verify=True,
    )


_LOCATION = "story_tui.location"


async def _take_location(response: httpx.Response) -> None:
    """Move a redirect's `Location` aside, for `fetch` to check: httpx parses it even when it
    follows no redirect, and raises `InvalidURL` (no `HTTPError`) on `javascript:alert(1)`."""
    location = response.headers.get("location")
    if location is not None and response.is_redirect:
        del response.headers["location"]
        response.extensions[_LOCATION] = location


async def fetch(
    client: httpx.AsyncClient,
    url: str,
    accept: frozenset[str],
    validators: Validators | None = None,
    limits: Limits | None = None,
) -> Fetched | str:
    """The body at `url`, or `NOT_MODIFIED`.

    Raises:
        FetchError: with one line saying why (and `retry_at` when the server asked to wait).
    """
    import httpx

    limits = limits or Limits()
    check_address(url)
    for attempt in range(2):
        try:
            async with asyncio.timeout(limits.deadline):
                return await _fetch_once(client, url, accept, validators, limits)
        except FetchError as error:
            wait = None if error.retry_at is None else error.retry_at - time.time()
            if attempt == 0 and wait is not None and wait <= limits.retry_wait:
                await asyncio.sleep(max(0.0, wait))
                continue
            raise
        except TimeoutError:
            raise FetchError(
                f"no complete response within {limits.deadline:g} s (a slow or stalled server)"
            ) from None
        except httpx.HTTPError as error:
            raise FetchError(_describe(error, limits)) from None
        except (httpx.InvalidURL, ValueError, OverflowError):
            # httpx refuses the address late (a bad IDNA name, a bad port in a Location).
            raise FetchError("not a valid address") from None
    raise AssertionError("unreachable")  # pragma: no cover


async def _fetch_once(
    client: httpx.AsyncClient,
    url: str,
    accept: frozenset[str],
    validators: Validators | None,
    limits: Limits,
) -> Fetched | str:
    headers = {"Accept": ", ".join(sorted(accept)) + ", */*;q=0.1"}
    if validators is not None and validators.etag:
        headers["If-None-Match"] = validators.etag
    if validators is not None and validators.last_modified:
        headers["If-Modified-Since"] = validators.last_modified
    for hop in range(limits.max_redirects + 1):
        async with client.stream("GET", url, headers=headers) as response:
            location = response.extensions.get(_LOCATION)
            if isinstance(location, str):
                if hop == limits.max_redirects:
                    raise FetchError(f"more than {limits.max_redirects} redirects")
                url = _redirect_to(url, location)
                continue
            return await _answer(response, accept, limits)
    raise AssertionError("unreachable")  # pragma: no cover


def _redirect_to(url: str, location: str) -> str:
    """The address a redirect leads to, checked as a page's link is."""
    try:
        target = urljoin(url, location.strip())
    except ValueError:
        raise FetchError("redirected to an address that is not valid") from None
    try:
        return check_address(target, came_from=url)
    except FetchError as error:
        from story_tui.story.formatting import shorten

        raise FetchError(f"redirected to {shorten(target, 80)}: {error.message}") from None


async def _answer(
    response: httpx.Response, accept: frozenset[str], limits: Limits
) -> Fetched | str:
    """The body of a response that is not a redirect, `NOT_MODIFIED`, or why it is refused."""
    if response.status_code == 304:
        return NOT_MODIFIED
    if response.status_code in (429, 503):
        retry_at = _retry_at(response.headers.get("retry-after"))
        when = ""
        if retry_at is not None:
            when = f"; asked to wait {max(0, round(retry_at - time.time()))} s"
        raise FetchError(f"HTTP {response.status_code} {response.reason_phrase}{when}", retry_at)
    if not 200 <= response.status_code < 300:
        raise FetchError(f"HTTP {response.status_code} {response.reason_phrase}")
    content_type = response.headers.get("content-type", "").split(";")[0].strip().lower()
    if content_type and content_type not in accept:
        raise FetchError(f"not a page of text ({content_type}); nothing fetched")
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limits.max_bytes:
        raise FetchError(f"larger than the limit of {limits.max_bytes:,} bytes")
    body = await _read_body(response, limits.max_bytes)
    return Fetched(
        str(response.url),
        body,
        content_type,
        Validators(response.headers.get("etag"), response.headers.get("last-modified")),
    )


async def _read_body(response: httpx.Response, limit: int) -> bytes:
    """The decoded body, refused as soon as it (as sent or decompressed) passes `limit`."""
    encoding = response.headers.get("content-encoding", "identity").strip().lower()
    if encoding in ("gzip", "x-gzip", "deflate"):
        decoder: zlib._Decompress | None = zlib.decompressobj(zlib.MAX_WBITS | 32)
    elif encoding in ("identity", ""):
        decoder = None
    else:
        raise FetchError(f"sent in an encoding story-tui does not read ({encoding})")
    raw = 0
    out = bytearray()
    too_large = FetchError(f"larger than the limit of {limit:,} bytes")
    async for chunk in response.aiter_raw():
        raw += len(chunk)
        if raw > limit:
            raise too_large
        if decoder is None:
            out += chunk
        else:
            try:
                out += decoder.decompress(chunk, limit - len(out) + 1)
                while decoder.unconsumed_tail and len(out) <= limit:
                    out += decoder.decompress(decoder.unconsumed_tail, limit - len(out) + 1)
            except zlib.error:
                raise FetchError(f"a damaged {encoding} body") from None
        if len(out) > limit:
            raise FetchError(f"larger than the limit of {limit:,} bytes once decompressed")
    return bytes(out)


def _retry_at(value: str | None) -> float | None:
    """Epoch seconds from a `Retry-After` header: a number of seconds or an HTTP date."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return time.time() + min(int(value), 7 * 24 * 3600)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return when.timestamp()


def _describe(error: httpx.HTTPError, limits: Limits) -> str:
    """One line for an httpx error, without its class name or a traceback."""
    import httpx

    if isinstance(error, httpx.ConnectTimeout):
        return f"could not connect within {limits.connect:g} s"
    if isinstance(error, httpx.ReadTimeout):
        return f"the server sent nothing for {limits.read:g} s"
    if isinstance(error, httpx.TimeoutException):
        return "timed out"
    if isinstance(error, httpx.UnsupportedProtocol):
        return "only http and https addresses are fetched"
    if isinstance(error, httpx.RemoteProtocolError):
        return _broken(str(error))
    if isinstance(error, httpx.ReadError):
        return f"the connection broke while reading ({error or 'reset'})"
    if isinstance(error, httpx.ConnectError):
        reason = str(error) or "connection refused"
        if "CERTIFICATE_VERIFY_FAILED" in reason:
            return "the server's TLS certificate could not be verified"
        return f"could not connect: {reason}"
    if isinstance(error, httpx.ProxyError):
        return f"the proxy refused: {error}"
    return f"{type(error).__name__}: {error}" if str(error) else type(error).__name__


def _broken(reason: str) -> str:
    """One line for a server that broke HTTP (h11's message, without its bytes' repr)."""
    if reason.startswith("peer closed connection"):
        sizes = reason.partition("(")[2].rstrip(")")
        return "the server hung up before the end of the page" + (f" ({sizes})" if sizes else "")
    if reason.startswith("Server disconnected"):
        return "the server hung up without answering"
    if "Receive buffer too long" in reason:
        return "the server sent more than 100 KB of headers"
    return f"the server's answer is not valid HTTP ({reason.partition(':')[0] or 'unreadable'})"
