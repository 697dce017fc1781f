#!/usr/bin/env python3
"""Turns a `tmux capture-pane -e -p` dump (text with SGR colour codes) into
an SVG of the terminal: one cell per column, Hangul and emoji two cells
wide, the terminal's colours. Used by shoot.sh to make munje's screenshots
from the real app; rsvg-convert then makes PNGs."""

import re
import sys
import unicodedata
from html import escape

CELL_W, CELL_H, FONT = 8, 19, 16
FG, BG = "#d8d8d8", "#1d1f21"
BASIC = ["#1d1f21", "#cc6666", "#b5bd68", "#f0c674", "#81a2be", "#b294bb", "#8abeb7", "#c5c8c6",
         "#666666", "#ff7b7b", "#c5f07a", "#ffe08a", "#9ecbff", "#d7a9f0", "#9ff0e6", "#ffffff"]


def xterm256(n):
    if n < 16:
        return BASIC[n]
    if n < 232:
        n -= 16
        steps = [0, 95, 135, 175, 215, 255]
        return "#%02x%02x%02x" % (steps[n // 36], steps[(n // 6) % 6], steps[n % 6])
    v = 8 + (n - 232) * 10
    return "#%02x%02x%02x" % (v, v, v)


def width(ch):
    if unicodedata.combining(ch) or ch in "\u200d\ufe0f":
        return 0
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


def apply_sgr(params, st):
    codes = [int(p) if p else 0 for p in params.split(";")] if params else [0]
    i = 0
    while i < len(codes):
        c = codes[i]
        if c == 0:
            st.clear()
        elif c == 1:
            st["bold"] = True
        elif c == 3:
            st["italic"] = True
        elif c == 4:
            st["underline"] = True
        elif c == 7:
            st["reverse"] = True
        elif c == 9:
            st["strike"] = True
        elif c in (22, 23, 24, 27, 29):
            st.pop({22: "bold", 23: "italic", 24: "underline", 27: "reverse", 29: "strike"}[c], None)
        elif 30 <= c <= 37:
            st["fg"] = BASIC[c - 30]
        elif 90 <= c <= 97:
            st["fg"] = BASIC[c - 90 + 8]
        elif 40 <= c <= 47:
            st["bg"] = BASIC[c - 40]
        elif 100 <= c <= 107:
            st["bg"] = BASIC[c - 100 + 8]
        elif c == 39:
            st.pop("fg", None)
        elif c == 49:
            st.pop("bg", None)
        elif c in (38, 48) and i + 1 < len(codes):
            key = "fg" if c == 38 else "bg"
            if codes[i + 1] == 5 and i + 2 < len(codes):
                st[key] = xterm256(codes[i + 2])
                i += 2
            elif codes[i + 1] == 2 and i + 4 < len(codes):
                st[key] = "#%02x%02x%02x" % tuple(codes[i + 2:i + 5])
                i += 4
        i += 1


def main():
    lines = sys.stdin.read().split("\n")
    while lines and lines[-1] == "":
        lines.pop()
    cols = int(sys.argv[1]) if len(sys.argv) > 1 else 100
    out = []
    sgr = re.compile(r"\x1b\[([0-9;]*)m")
    for y, line in enumerate(lines):
        st, x, pos = {}, 0, 0
        while pos < len(line):
            m = sgr.match(line, pos)
            if m:
                apply_sgr(m.group(1), st)
                pos = m.end()
                continue
            ch = line[pos]
            pos += 1
            w = width(ch)
            if w == 0:
                continue
            fg, bg = st.get("fg", FG), st.get("bg")
            if st.get("reverse"):
                fg, bg = (bg or BG), fg
            px, py = x * CELL_W, y * CELL_H
            if bg:
                out.append('<rect x="%d" y="%d" width="%d" height="%d" fill="%s"/>' % (px, py, w * CELL_W, CELL_H, bg))
            if ch != " ":
                attrs = ' fill="%s"' % fg
                if st.get("bold"):
                    attrs += ' font-weight="bold"'
                if st.get("italic"):
                    attrs += ' font-style="italic"'
                deco = [d for d, k in (("underline", "underline"), ("line-through", "strike")) if st.get(k)]
                if deco:
                    attrs += ' text-decoration="%s"' % " ".join(deco)
                # Box-drawing and block characters fill the cell; stretch them.
                if "\u2500" <= ch <= "\u259f":
                    attrs += ' textLength="%d" lengthAdjust="spacingAndGlyphs"' % (w * CELL_W)
                out.append('<text x="%d" y="%d"%s>%s</text>' % (px, py + CELL_H - 5, attrs, escape(ch)))
            x += w
    width_px, height_px = cols * CELL_W, len(lines) * CELL_H
    print('<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" font-family="Noto Sans Mono CJK KR, monospace" font-size="%d">'
          % (width_px, height_px, FONT))
    print('<rect width="100%%" height="100%%" fill="%s"/>' % BG)
    print("\n".join(out))
    print("</svg>")


if __name__ == "__main__":
    main()
