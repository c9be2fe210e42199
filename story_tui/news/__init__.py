"""Following the news: fetching addresses and feeds safely, and adding what they hold to a library.

`fetch.py` is the only module that talks to the network (httpx, with every limit a hostile server
needs); `feeds.py` reads RSS, Atom and JSON Feed bytes (feedparser, never letting it fetch);
`opml.py` reads and writes the followed list; `shelf.py` is the library folder (where stories
go, the one place a story is added); `memory.py` what refresh remembers between runs (validators,
entries seen, last results); `add.py` turns an article into a new story or a new edition;
`refresh.py` fetches everything a library follows, a few at a time. No Textual, no Rich.
"""
