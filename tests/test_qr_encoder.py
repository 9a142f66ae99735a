"""render.qr scores the eight masks faster than ReportLab's encoder: same scores, same code."""

from __future__ import annotations

from hypothesis import given, settings, strategies as st

from outreach_kit.render import qr

ENCODER = qr._load_encoder()
ADDRESSES = st.text(alphabet=st.characters(min_codepoint=32, max_codepoint=126),
                    max_size=180).map(lambda path: f"https://www.example.org/{path}")


def reportlab_code(url: str) -> tuple[tuple[bool, ...], ...]:
    code = ENCODER.QRCode(None, ENCODER.QRErrorCorrectLevel.M)
    code.addData(url)
    code.make()
    return tuple(tuple(bool(cell) for cell in row) for row in code.modules)


@settings(max_examples=40, deadline=None)
@given(ADDRESSES)
def test_every_mask_scores_as_in_reportlabs_encoder(url):
    code = ENCODER.QRCode(None, ENCODER.QRErrorCorrectLevel.M)
    code.addData(url)
    code.version = code.calculate_version()
    for mask in range(8):
        code.makeImpl(True, mask)
        assert qr.lost_points(code.modules) == ENCODER.QRUtil.getLostPoint(code)


@settings(max_examples=40, deadline=None)
@given(ADDRESSES)
def test_the_code_is_reportlabs(url):
    assert qr.encode(url) == reportlab_code(url)


def test_the_content_services_codes_are_reportlabs(library):
    addresses = [s.web for s in library.services.values() if s.web]
    assert addresses
    for url in addresses:
        assert qr.qr_modules(url) == reportlab_code(url)
