#!/bin/sh
# Writes the PDF layouts of the delegation corpus with LibreOffice (not a project dependency:
# `apt-get install libreoffice-writer-nogui`), from the derived Word and OpenDocument files
# that make_layouts.py writes. The PDFs are kept in the repository, so the tests need only
# poppler's pdftotext; run this again after changing those files. LibreOffice's output is not
# byte for byte reproducible (it dates the file), so there is no --check.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "$here/01.docx" "$here/03.docx" "$here/06.docx" "$here/02.odt" "$here/04.html" "$work/"
(cd "$work" && soffice --headless --convert-to pdf:writer_pdf_Export 01.docx 03.docx 06.docx 02.odt >/dev/null)
# (An HTML table printed so has its cells in the middle of their rows.)
(cd "$work" && soffice --headless --convert-to pdf:writer_pdf_Export 04.html >/dev/null)
for f in 01 02 03 04 06; do
    cp "$work/$f.pdf" "$here/$f.pdf"
done
