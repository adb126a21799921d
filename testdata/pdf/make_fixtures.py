#!/usr/bin/env python3
"""Writes small hand-made PDFs that exercise what real generators do and the
corpus does not: the standard 14 fonts without a Widths array, text placed
one word (or one character) at a time, a Form XObject, a running footer,
rotated text. Run from this folder: python3 make_fixtures.py"""
import re, zlib

def afm(name):
    w = {}
    for line in open('/usr/share/fonts/type1/urw-base35/%s.afm' % name):
        m = re.match(r'C (\d+) ; WX (\d+) ; N (\S+)', line)
        if m:
            w[int(m.group(1))] = int(m.group(2))
    return w

HELV = afm('NimbusSans-Regular')
HELVB = afm('NimbusSans-Bold')

def width(s, size, metrics):
    return sum(metrics.get(ord(c), 500) for c in s) * size / 1000.0

def esc(s):
    return s.replace('\\', '\\\\').replace('(', '\\(').replace(')', '\\)')

def words_line(x, y, text, size=11, font='F1', metrics=HELV, per_char=False):
    """One Tj per word (or per character), each placed with Tm: what many
    report generators do. Spaces are never drawn."""
    ops = []
    for word in text.split(' '):
        if per_char:
            for ch in word:
                ops.append('BT /%s %g Tf 1 0 0 1 %.2f %.2f Tm (%s) Tj ET' % (font, size, x, y, esc(ch)))
                x += width(ch, size, metrics)
        else:
            ops.append('BT /%s %g Tf 1 0 0 1 %.2f %.2f Tm (%s) Tj ET' % (font, size, x, y, esc(word)))
            x += width(word, size, metrics)
        x += width(' ', size, metrics)
    return '\n'.join(ops)

def pdf(pages, forms=None):
    """pages: list of content strings. Fonts: F1 Helvetica, F2 Helvetica-Bold,
    both without Widths. forms: {name: content} drawn with Do."""
    objs = []
    def add(o):
        objs.append(o)
        return len(objs)
    cat = add(None); pagesobj = add(None)
    f1 = add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>')
    f2 = add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>')
    fonts = '/Font << /F1 %d 0 R /F2 %d 0 R >>' % (f1, f2)
    xobjs = ''
    if forms:
        refs = []
        for name, content in forms.items():
            data = content.encode('latin-1')
            n = add('<< /Type /XObject /Subtype /Form /BBox [0 0 612 792] /Resources << %s >> /Length %d >>\nstream\n%s\nendstream' % (fonts, len(data), content))
            refs.append('/%s %d 0 R' % (name, n))
        xobjs = '/XObject << %s >>' % ' '.join(refs)
    kids = []
    for content in pages:
        data = zlib.compress(content.encode('latin-1'))
        c = add(('<< /Length %d /Filter /FlateDecode >>\nstream\n' % len(data)).encode() + data + b'\nendstream')
        kids.append(add('<< /Type /Page /Parent %d 0 R /MediaBox [0 0 612 792] /Resources << %s %s >> /Contents %d 0 R >>' % (pagesobj, fonts, xobjs, c)))
    objs[cat - 1] = '<< /Type /Catalog /Pages %d 0 R >>' % pagesobj
    objs[pagesobj - 1] = '<< /Type /Pages /Kids [%s] /Count %d >>' % (' '.join('%d 0 R' % k for k in kids), len(kids))
    out = b'%PDF-1.4\n'
    offs = []
    for i, o in enumerate(objs):
        offs.append(len(out))
        body = o if isinstance(o, bytes) else o.encode('latin-1')
        out += b'%d 0 obj\n' % (i + 1) + body + b'\nendobj\n'
    x = len(out)
    out += b'xref\n0 %d\n0000000000 65535 f \n' % (len(objs) + 1)
    for o in offs:
        out += b'%010d 00000 n \n' % o
    out += b'trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n' % (len(objs) + 1, cat, x)
    return out

HOURS = ['twenty-four (24)', 'forty-eight (48)', 'seventy-two (72)', 'twelve (12)']
WHAT = ['Security Incident', 'Personal Data Breach', 'suspected intrusion', 'ransomware attack']
TITLE = ['Security Incidents', 'Data Breaches', 'Intrusions', 'Ransomware']
pages = []
for n in range(1, 5):
    s = n + 11
    body = [
        words_line(72, 740, 'ACME Managed Services Agreement', 8),
        words_line(72, 700, '%d. %s' % (s, TITLE[n - 1]), 12, 'F2', HELVB),
        words_line(72, 680, '%d.1 Provider shall notify Customer of any %s within' % (s, WHAT[n - 1])),
        words_line(72, 666, '%s hours after becoming aware of it, and shall give Customer a written' % HOURS[n - 1]),
        words_line(72, 652, 'report of the incident within five (5) Business Days.', per_char=(n == 2)),
        words_line(72, 624, '%d.2 Provider shall keep a log of every access to Customer Data for at least one' % s),
        words_line(72, 610, 'year and make it available to Customer on request.'),
        words_line(280, 40, 'Page %d of 4' % n, 8),
    ]
    if n == 3:  # a clause that runs over the page break
        body.insert(-1, words_line(72, 100, '14.3 The parties shall meet at least once every'))
    if n == 4:
        body.insert(1, words_line(72, 716, 'calendar quarter to review the security of the Services.'))
    pages.append('\n'.join(body))
open('standard14-words.pdf', 'wb').write(pdf(pages))

# Text drawn inside a Form XObject placed with a matrix, and a line drawn
# rotated by 90 degrees in the margin (as some generators print a
# document id or a "DRAFT" note).
form = '\n'.join([
    words_line(0, 0, '7.1 Provider shall encrypt Customer Data at rest using AES-256.'),
    words_line(0, -14, '7.2 Provider shall encrypt Customer Data in transit using TLS 1.2 or later.'),
])
page = '\n'.join([
    words_line(72, 720, '7. Encryption', 12, 'F2', HELVB),
    'q 1 0 0 1 72 700 cm /Fm1 Do Q',
    'BT /F1 9 Tf 0 1 -1 0 580 200 Tm (Document ID 2024-117 rotated margin note) Tj ET',
])
open('form-rotated.pdf', 'wb').write(pdf([page], forms={'Fm1': form}))

# Standard terms printed in two columns, as on the back of an order form:
# a full-width title, then the left column read before the right one, with
# a clause that runs from the bottom of the left column to the top of the
# right.
LEFT = ['1. Services. Provider shall perform the', 'Services described in the Order Form with', 'reasonable skill and care and in accordance', 'with good industry practice at all times.',
        '2. Security. Provider shall maintain the', 'security controls described in Exhibit B,', 'including multi-factor authentication for', 'all administrative access to systems that',
        'store or process Customer Data, and shall', 'review user access rights at least once', 'every ninety (90) days. Provider shall', 'encrypt Customer Data at rest and in transit',
        'using industry standard encryption, and', 'shall notify Customer of any Security']
RIGHT = ['Incident within twenty-four (24) hours', 'after becoming aware of it.', '3. Audit. Customer may audit Provider',
         'once in each calendar year on thirty (30)', 'days written notice during business hours.', '4. Term. This Agreement continues until',
         'terminated by either party on ninety (90)', 'days written notice to the other party.', '5. Insurance. Provider shall maintain',
         'cyber liability insurance of not less than', 'USD 5,000,000 per claim throughout the', 'term of this Agreement and for two years', 'after it ends.']
cols = [words_line(200, 740, 'STANDARD TERMS AND CONDITIONS', 12, 'F2', HELVB)]
for i, t in enumerate(LEFT):
    cols.append(words_line(54, 700 - 13 * i, t, 10))
for i, t in enumerate(RIGHT):
    cols.append(words_line(320, 700 - 13 * i, t, 10))
open('two-columns.pdf', 'wb').write(pdf(['\n'.join(cols)]))
