#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# Writes yoklama.xlsx: the attendance sheet of yoklama.csv as a workbook with
# date-formatted day cells (serial numbers), numeric hours and inline strings.
# Run: python3 make_xlsx.py
import zipfile

NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ' \
     'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'


def text(ref, value):
    return f'<c r="{ref}" t="inlineStr"><is><t>{value}</t></is></c>'


def number(ref, value, style=0):
    return f'<c r="{ref}" s="{style}"><v>{value}</v></c>'


# 14.06.2027 is serial 46552 (1900 date system).
rows = [
    [text('A1', 'TC Kimlik No'), text('B1', 'Tarih'), text('C1', 'Katılım saati'), text('D1', 'Devamsızlık nedeni'),
     text('E1', 'Sonuç'), text('F1', 'İptal nedeni')],
    [text('A2', '10000000146'), number('B2', 46552, 1), number('C2', 6)],
    [text('A3', '10000000146'), number('B3', 46553, 1), number('C3', 3.5), text('D3', 'hastalık')],
    [text('A4', '10000000146'), number('B4', 46554, 1), number('C4', 0), text('D4', 'İzinli'), text('E4', 'Tamamladı')],
    [text('A5', '17291716060'), text('E5', 'İptal'), text('F5', 'Çekildi')],
]
sheet = f'<?xml version="1.0" encoding="UTF-8"?><worksheet {NS}><sheetData>' + ''.join(
    f'<row r="{i + 1}">{"".join(cells)}</row>' for i, cells in enumerate(rows)) + '</sheetData></worksheet>'
workbook = f'<?xml version="1.0"?><workbook {NS}><sheets><sheet name="Yoklama" sheetId="1" r:id="rId1"/></sheets></workbook>'
rels = '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' \
       '<Relationship Id="rId1" Type="x" Target="worksheets/sheet1.xml"/>' \
       '<Relationship Id="rId2" Type="x" Target="styles.xml"/></Relationships>'
styles = f'<?xml version="1.0"?><styleSheet {NS}><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs></styleSheet>'
with zipfile.ZipFile('yoklama.xlsx', 'w', zipfile.ZIP_DEFLATED) as z:
    z.writestr('[Content_Types].xml',
               '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>')
    z.writestr('xl/workbook.xml', workbook)
    z.writestr('xl/_rels/workbook.xml.rels', rels)
    z.writestr('xl/styles.xml', styles)
    z.writestr('xl/worksheets/sheet1.xml', sheet)
