"""A web page's element tree from the standard library, for `parse_html` without lxml.

lxml (the ``html`` extra) is the parser of choice: libxml2 repairs broken pages the way
browsers do, and fast.  Where it is not installed, this module builds the same shape of
tree from `html.parser`: elements with ``tag``, ``text``, ``tail``, ``sourceline`` and
``get``, children by iteration, and the few lxml methods `_html` uses (``iter``,
``iterdescendants``, ``iterancestors``, ``getparent``, ``text_content``).

The end tags pages leave out are implied as HTML does for the elements reports use: a
new ``<td>`` ends the open cell, a new ``<tr>`` the open row, a block ends an open
``<p>``, a new ``<li>`` the open item; an end tag with no open element of its name is
ignored, and one closes whatever is still open inside its element.
"""

from __future__ import annotations

from collections.abc import Iterator
from html.parser import HTMLParser
from typing import Final

#: Elements that have no content and no end tag.
_VOID: Final = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
     "source", "track", "wbr", "basefont", "frame", "keygen"}
)
#: Elements a new ``<p>`` (or block) closes an open ``<p>`` for.
_ENDS_P: Final = frozenset(
    {"p", "div", "table", "ul", "ol", "dl", "h1", "h2", "h3", "h4", "h5", "h6", "pre",
     "blockquote", "section", "article", "header", "footer", "nav", "aside", "form",
     "fieldset", "figure", "address", "hr", "center", "main"}
)
#: For a start tag: the open elements it ends, and the elements beyond which it does not
#: look (a ``<td>`` ends the cell open in its own row, not one of an enclosing table).
_IMPLIED_END: Final[dict[str, tuple[frozenset[str], frozenset[str]]]] = {
    "td": (frozenset({"td", "th"}), frozenset({"tr", "table"})),
    "th": (frozenset({"td", "th"}), frozenset({"tr", "table"})),
    "tr": (frozenset({"td", "th", "tr"}), frozenset({"table", "tbody", "thead", "tfoot"})),
    "tbody": (frozenset({"td", "th", "tr", "tbody", "thead", "tfoot"}), frozenset({"table"})),
    "thead": (frozenset({"td", "th", "tr", "tbody", "thead", "tfoot"}), frozenset({"table"})),
    "tfoot": (frozenset({"td", "th", "tr", "tbody", "thead", "tfoot"}), frozenset({"table"})),
    "li": (frozenset({"li"}), frozenset({"ul", "ol", "table"})),
    "dt": (frozenset({"dt", "dd"}), frozenset({"dl", "table"})),
    "dd": (frozenset({"dt", "dd"}), frozenset({"dl", "table"})),
    "option": (frozenset({"option"}), frozenset({"select"})),
}
_P_SCOPE: Final = (frozenset({"p"}), frozenset({"td", "th", "table", "button"}))
#: An end tag does not close elements beyond these (a stray ``</td>`` inside a nested
#: table's cell does not close the outer table).
_END_SCOPE: Final = frozenset({"table", "html"})


class Element:
    """One element of the page (the part of lxml's ``HtmlElement`` that `_html` uses)."""

    __slots__ = (
        "attrs", "children", "parent", "sourceline", "tag", "tail", "tail_line", "text", "text_line"
    )

    def __init__(
        self, tag: str, attrs: dict[str, str | None], sourceline: int, parent: Element | None
    ) -> None:
        self.tag = tag
        self.attrs = attrs
        self.sourceline = sourceline
        self.children: list[Element] = []
        self.parent = parent
        self.text: str | None = None
        self.tail: str | None = None
        self.text_line: int | None = None
        """The source line the element's text starts on."""
        self.tail_line: int | None = None
        """The source line the text after the element starts on."""

    def __iter__(self) -> Iterator[Element]:
        return iter(self.children)

    def get(self, name: str) -> str | None:
        return self.attrs.get(name)

    def getparent(self) -> Element | None:
        return self.parent

    def iter(self, tag: str) -> Iterator[Element]:
        """This element and its descendants named `tag`, in document order."""
        if self.tag == tag:
            yield self
        yield from self.iterdescendants(tag)

    def iterdescendants(self, tag: str, *tags: str) -> Iterator[Element]:
        """The descendants named `tag` (or any of `tags`), in document order."""
        wanted = {tag, *tags}
        stack = list(reversed(self.children))
        while stack:
            el = stack.pop()
            if el.tag in wanted:
                yield el
            stack.extend(reversed(el.children))

    def iterancestors(self) -> Iterator[Element]:
        node = self.parent
        while node is not None:
            yield node
            node = node.parent

    def text_content(self) -> str:
        """The text of the element and its descendants (without its own tail)."""
        parts: list[str] = []
        stack: list[Element | str] = [self]
        while stack:
            item = stack.pop()
            if isinstance(item, str):
                parts.append(item)
                continue
            if item.text:
                parts.append(item.text)
            if item is not self and item.tail:
                stack.append(item.tail)  # after the children: pushed first, popped last
            stack.extend(reversed(item.children))
        return "".join(parts)


class _Builder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Element("html", {}, 1, None)
        self.stack: list[Element] = [self.root]

    # -- the tree
    def _close(self, names: frozenset[str], scope: frozenset[str]) -> None:
        """Close the innermost open element named in `names`, unless a `scope` element is
        met first (and everything open inside it)."""
        for i in range(len(self.stack) - 1, 0, -1):
            tag = self.stack[i].tag
            if tag in names:
                del self.stack[i:]
                return
            if tag in scope:
                return

    def _open(self, tag: str, attrs: list[tuple[str, str | None]]) -> Element:
        if tag == "html":  # the root exists already: keep its attributes
            self.root.attrs.update(attrs)
            return self.root
        if tag in _IMPLIED_END:
            self._close(*_IMPLIED_END[tag])
        if tag in _ENDS_P:
            self._close(*_P_SCOPE)
        parent = self.stack[-1]
        el = Element(tag, dict(attrs), self.getpos()[0], parent)
        parent.children.append(el)
        return el

    # -- HTMLParser's events
    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        el = self._open(tag, attrs)
        if tag not in _VOID and el is not self.root:
            self.stack.append(el)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._open(tag, attrs)  # <br/>, <o:p/>: no content

    def handle_endtag(self, tag: str) -> None:
        if tag in _VOID or tag == "html":
            return
        self._close(frozenset({tag}), _END_SCOPE - {tag})

    def handle_data(self, data: str) -> None:
        el = self.stack[-1]
        if el.children:
            last = el.children[-1]
            if last.tail is None:
                last.tail_line = self.getpos()[0]
            last.tail = (last.tail or "") + data
        else:
            if el.text is None:
                el.text_line = self.getpos()[0]
            el.text = (el.text or "") + data


def parse_page(html: str) -> Element:
    """The page's tree, rooted at its ``<html>`` element (one is made if the page has none)."""
    builder = _Builder()
    builder.feed(html)
    builder.close()
    return builder.root
