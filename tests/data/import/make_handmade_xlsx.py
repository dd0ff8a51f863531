#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# Writes handmade.xlsx and handmade1904.xlsx: the XLSX shapes LibreOffice does
# not produce (inline strings, rich-text shared strings with phonetic runs,
# numbers in exponent notation, cells without references, a 1904 workbook,
# a target path with a leading slash). Run: python3 make_handmade_xlsx.py
import zipfile

NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ' \
     'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'

def write(path, date1904):
    wb = f'<?xml version="1.0"?><workbook {NS}><workbookPr date1904="{1 if date1904 else 0}"/><sheets>' \
         '<sheet name="Veri" sheetId="1" r:id="rId1"/><sheet name="İkinci sayfa" sheetId="2" r:id="rId2"/></sheets></workbook>'
    rels = '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' \
           '<Relationship Id="rId1" Type="x" Target="worksheets/sheet1.xml"/>' \
           '<Relationship Id="rId2" Type="x" Target="/xl/worksheets/sheet2.xml"/>' \
           '<Relationship Id="rId3" Type="x" Target="sharedStrings.xml"/></Relationships>'
    sst = f'<?xml version="1.0"?><sst {NS}><si><t>TC Kimlik No</t></si>' \
          '<si><r><t>Ay</t></r><r><rPr><b/></rPr><t>şe</t></r><rPh><t>PHONETIC</t></rPh></si><si><t>Telefon</t></si></sst>'
    styles = f'<?xml version="1.0"?><styleSheet {NS}><numFmts count="1"><numFmt numFmtId="170" formatCode="[$-41F]d\\ mmmm\\ yyyy"/></numFmts>' \
             '<cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs>' \
             '<cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="170"/></cellXfs></styleSheet>'
    sheet1 = f'<?xml version="1.0"?><worksheet {NS}><sheetData>' \
             '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t>Ad</t></is></c><c r="C1" t="s"><v>2</v></c>' \
             '<c r="D1" t="inlineStr"><is><t>Tarih</t></is></c><c r="E1" t="inlineStr"><is><t>Aktif</t></is></c></row>' \
             '<row r="3"><c r="A3"><v>1.0000000146E10</v></c><c r="B3" t="s"><v>1</v></c><c r="C3" t="inlineStr"><is><t>05321234567</t></is></c>' \
             '<c r="D3" s="1"><v>46552</v></c><c r="E3" t="b"><v>1</v></c></row>' \
             '<row r="4"><c t="str"><v>17291716060</v></c><c><v>2.5</v></c><c/><c s="2"><v>46552.5</v></c><c t="e"><v>#N/A</v></c></row>' \
             '<row r="5"><c r="C5"><v>-0.125</v></c></row>' \
             '</sheetData></worksheet>'
    sheet2 = f'<?xml version="1.0"?><worksheet {NS}><sheetData><row r="2"><c r="B2" t="inlineStr"><is><t>ikinci</t></is></c></row>' \
             '<row r="3"><c r="B3"><v>7</v></c></row></sheetData></worksheet>'
    with zipfile.ZipFile(path, 'w', zipfile.ZIP_DEFLATED) as z:
        z.writestr('[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>')
        z.writestr('xl/workbook.xml', wb)
        z.writestr('xl/_rels/workbook.xml.rels', rels)
        z.writestr('xl/sharedStrings.xml', sst)
        z.writestr('xl/styles.xml', styles)
        z.writestr('xl/worksheets/sheet1.xml', sheet1)
        z.writestr('xl/worksheets/sheet2.xml', sheet2)

write('handmade.xlsx', False)
write('handmade1904.xlsx', True)
