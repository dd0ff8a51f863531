<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="tr_TR">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../views/dialogs/aboutdialog.cpp" line="13"/>
        <source>Köprü</source>
        <translation>Köprü</translation>
    </message>
    <message>
        <location filename="../views/dialogs/aboutdialog.cpp" line="14"/>
        <source>Plans the on-the-job training of vocational teachers in industry for the Sectoral Excellence Centres.</source>
        <translation>Sektörel Mükemmeliyet Merkezleri için meslek öğretmenlerinin sektörde işbaşı eğitimini planlar.</translation>
    </message>
    <message>
        <location filename="../views/dialogs/aboutdialog.cpp" line="16"/>
        <source>Licence: GPL-3.0-or-later</source>
        <translation>Lisans: GPL-3.0-or-later</translation>
    </message>
    <message>
        <location filename="../views/dialogs/aboutdialog.cpp" line="17"/>
        <source>Built with Qt %1 (running on Qt %2).</source>
        <translation>Qt %1 ile derlendi (Qt %2 üzerinde çalışıyor).</translation>
    </message>
    <message>
        <location filename="../views/dialogs/aboutdialog.cpp" line="19"/>
        <source>About Köprü</source>
        <translation>Köprü hakkında</translation>
    </message>
</context>
<context>
    <name>BackupManager</name>
    <message>
        <location filename="../models/safety/backupmanager.cpp" line="247"/>
        <location filename="../models/safety/backupmanager.cpp" line="263"/>
        <source>invalid backup reason &quot;%1&quot;</source>
        <translation>geçersiz yedekleme nedeni &quot;%1&quot;</translation>
    </message>
    <message>
        <location filename="../models/safety/backupmanager.cpp" line="68"/>
        <source>cannot create the backup folder %1</source>
        <translation>yedek klasörü %1 oluşturulamıyor</translation>
    </message>
    <message>
        <location filename="../models/safety/backupmanager.cpp" line="92"/>
        <source>the database is open in another Köprü program (%1); close it there first</source>
        <translation>veritabanı başka bir Köprü programında açık (%1); önce orada kapatın</translation>
    </message>
    <message>
        <location filename="../models/safety/backupmanager.cpp" line="94"/>
        <source>the database is open in another Köprü program; close it there first</source>
        <translation>veritabanı başka bir Köprü programında açık; önce orada kapatın</translation>
    </message>
    <message>
        <location filename="../models/safety/backupmanager.cpp" line="102"/>
        <location filename="../models/safety/backupmanager.cpp" line="106"/>
        <source>cannot read the file: %1</source>
        <translation>dosya okunamıyor: %1</translation>
    </message>
    <message>
        <location filename="../models/safety/backupmanager.cpp" line="108"/>
        <source>cannot write the file: %1</source>
        <translation>dosya yazılamıyor: %1</translation>
    </message>
    <message>
        <location filename="../models/safety/backupmanager.cpp" line="250"/>
        <location filename="../models/safety/backupmanager.cpp" line="300"/>
        <location filename="../models/safety/backupmanager.cpp" line="320"/>
        <source>no backup was made: %1</source>
        <translation>yedek alınmadı: %1</translation>
    </message>
    <message>
        <location filename="../models/safety/backupmanager.cpp" line="253"/>
        <source>no backup was made: the database is older than this program and gets its identity when it is upgraded</source>
        <translation>yedek alınmadı: veritabanı bu programdan eski; kimliğini yükseltildiğinde alır</translation>
    </message>
    <message>
        <location filename="../models/safety/backupmanager.cpp" line="277"/>
        <source>the backup was not made: %1</source>
        <translation>yedek alınmadı: %1</translation>
    </message>
    <message>
        <location filename="../models/safety/backupmanager.cpp" line="281"/>
        <source>the backup was not made: the file changed its identity while it was copied</source>
        <translation>yedek alınmadı: dosya kopyalanırken kimliği değişti</translation>
    </message>
    <message>
        <location filename="../models/safety/backupmanager.cpp" line="389"/>
        <source>cannot delete the old backup</source>
        <translation>eski yedek silinemiyor</translation>
    </message>
    <message>
        <location filename="../models/safety/backupmanager.cpp" line="401"/>
        <source>this is a backup of another database</source>
        <translation>bu, başka bir veritabanının yedeği</translation>
    </message>
    <message>
        <location filename="../models/safety/backupmanager.cpp" line="427"/>
        <source>the backup cannot be restored: %1</source>
        <translation>yedek geri yüklenemiyor: %1</translation>
    </message>
    <message>
        <location filename="../models/safety/backupmanager.cpp" line="435"/>
        <source>this file is not a Köprü database and no backup was ever made from it, so the restore does not replace it; nothing was changed (move the file away first to restore here)</source>
        <translation>bu dosya bir Köprü veritabanı değil ve ondan hiç yedek alınmadı; bu yüzden geri yükleme onun yerine yazmaz, hiçbir şey değiştirilmedi (buraya geri yüklemek için önce dosyayı başka bir yere taşıyın)</translation>
    </message>
    <message>
        <location filename="../models/safety/backupmanager.cpp" line="441"/>
        <source>%1 is a backup of another database (its identity is %2, this database&apos;s is %3); nothing was changed</source>
        <translation>%1 başka bir veritabanının yedeği (kimliği %2, bu veritabanınınki %3); hiçbir şey değiştirilmedi</translation>
    </message>
    <message>
        <location filename="../models/safety/backupmanager.cpp" line="457"/>
        <source>the current file could not be saved before restoring, so it was left alone: %1</source>
        <translation>geçerli dosya geri yüklemeden önce saklanamadığı için dosyaya dokunulmadı: %1</translation>
    </message>
    <message>
        <location filename="../models/safety/backupmanager.cpp" line="469"/>
        <source>cannot copy the backup next to the database (disk full?)</source>
        <translation>yedek veritabanının yanına kopyalanamıyor (disk dolu mu?)</translation>
    </message>
    <message>
        <location filename="../models/safety/backupmanager.cpp" line="476"/>
        <source>the backup could not be upgraded, nothing was changed: %1</source>
        <translation>yedek yükseltilemedi, hiçbir şey değiştirilmedi: %1</translation>
    </message>
    <message>
        <location filename="../models/safety/backupmanager.cpp" line="480"/>
        <source>the copy of the backup is damaged, nothing was changed: %1</source>
        <translation>yedeğin kopyası hasarlı, hiçbir şey değiştirilmedi: %1</translation>
    </message>
    <message>
        <location filename="../models/safety/backupmanager.cpp" line="485"/>
        <source>cannot remove %1; is the database still open?</source>
        <translation>%1 silinemiyor; veritabanı hâlâ açık mı?</translation>
    </message>
    <message>
        <location filename="../models/safety/backupmanager.cpp" line="494"/>
        <source>on open</source>
        <translation>açılışta</translation>
    </message>
    <message>
        <location filename="../models/safety/backupmanager.cpp" line="495"/>
        <source>before import</source>
        <translation>içe aktarmadan önce</translation>
    </message>
    <message>
        <location filename="../models/safety/backupmanager.cpp" line="496"/>
        <source>before plan run</source>
        <translation>plan çalıştırmadan önce</translation>
    </message>
    <message>
        <location filename="../models/safety/backupmanager.cpp" line="497"/>
        <source>before upgrade</source>
        <translation>yükseltmeden önce</translation>
    </message>
    <message>
        <location filename="../models/safety/backupmanager.cpp" line="498"/>
        <source>before restore</source>
        <translation>geri yüklemeden önce</translation>
    </message>
    <message>
        <location filename="../models/safety/backupmanager.cpp" line="499"/>
        <source>manual</source>
        <translation>elle</translation>
    </message>
    <message>
        <location filename="../models/safety/backupmanager.cpp" line="500"/>
        <source>before erasure</source>
        <translation>kalıcı silmeden önce</translation>
    </message>
</context>
<context>
    <name>Certificates</name>
    <message>
        <location filename="../models/certificates/certificatedocument.cpp" line="53"/>
        <source>Vocational Teacher Training Programme</source>
        <translation>Mesleki Eğitimde İşletme Temelli Öğretmen Eğitimi Programı</translation>
    </message>
    <message>
        <location filename="../models/certificates/certificatedocument.cpp" line="56"/>
        <source>CERTIFICATE OF PARTICIPATION</source>
        <translation>KATILIM BELGESİ</translation>
    </message>
    <message>
        <location filename="../models/certificates/certificatedocument.cpp" line="58"/>
        <source>This is to certify that</source>
        <translation>Bu belge, aşağıda adı yazılı öğretmene verilmiştir:</translation>
    </message>
    <message>
        <location filename="../models/certificates/certificatedocument.cpp" line="64"/>
        <source>took part in the on-the-job training for teachers of the field %1 at %2 from %3 to %4 and completed it with %5 hours of training.</source>
        <translation>%3 – %4 tarihleri arasında %2 işletmesinde düzenlenen %1 alanı işletme temelli öğretmen eğitimine katılmış ve %5 saatlik eğitimi tamamlamıştır.</translation>
    </message>
    <message>
        <location filename="../models/certificates/certificatedocument.cpp" line="73"/>
        <source>%1 hours</source>
        <translation>%1 saat</translation>
    </message>
    <message>
        <location filename="../models/certificates/certificatedocument.cpp" line="75"/>
        <source>%1 of %2 hours</source>
        <translation>%2 saatin %1 saati</translation>
    </message>
    <message>
        <location filename="../models/certificates/certificatedocument.cpp" line="78"/>
        <source>Field</source>
        <translation>Alan</translation>
    </message>
    <message>
        <location filename="../models/certificates/certificatedocument.cpp" line="79"/>
        <source>Company</source>
        <translation>İşletme</translation>
    </message>
    <message>
        <location filename="../models/certificates/certificatedocument.cpp" line="80"/>
        <source>Dates</source>
        <translation>Tarihler</translation>
    </message>
    <message>
        <location filename="../models/certificates/certificatedocument.cpp" line="81"/>
        <source>Training hours</source>
        <translation>Eğitim süresi</translation>
    </message>
    <message>
        <location filename="../models/certificates/certificatedocument.cpp" line="84"/>
        <source>Centre</source>
        <translation>Merkez</translation>
    </message>
    <message>
        <location filename="../models/certificates/certificatedocument.cpp" line="89"/>
        <source>Competencies covered</source>
        <translation>Eğitimde ele alınan yeterlikler</translation>
    </message>
    <message>
        <location filename="../models/certificates/certificatedocument.cpp" line="106"/>
        <source>Head of the centre</source>
        <translation>Merkez Müdürü</translation>
    </message>
    <message>
        <location filename="../models/certificates/certificatedocument.cpp" line="109"/>
        <source>Certificate number</source>
        <translation>Belge numarası</translation>
    </message>
    <message>
        <location filename="../models/certificates/certificatedocument.cpp" line="110"/>
        <source>Verification code</source>
        <translation>Doğrulama kodu</translation>
    </message>
    <message>
        <location filename="../models/certificates/certificatedocument.cpp" line="111"/>
        <source>Issued on</source>
        <translation>Düzenlenme tarihi</translation>
    </message>
    <message>
        <location filename="../models/certificates/certificatedocument.cpp" line="114"/>
        <source>Verification at the issuing centre: kopru-cli verify-certificate DB %1 %2</source>
        <translation>Belgeyi düzenleyen merkezde doğrulama: kopru-cli verify-certificate DB %1 %2</translation>
    </message>
    <message>
        <location filename="../models/certificates/certificatedocument.cpp" line="124"/>
        <source>Certificates of participation</source>
        <translation>Katılım belgeleri</translation>
    </message>
    <message>
        <location filename="../models/certificates/certificatedocument.cpp" line="138"/>
        <source>There is no certificate to write.</source>
        <translation>Yazılacak belge yok.</translation>
    </message>
    <message>
        <location filename="../models/certificates/certificatedocument.cpp" line="145"/>
        <source>The folder cannot be made.</source>
        <translation>Klasör oluşturulamıyor.</translation>
    </message>
    <message>
        <location filename="../models/certificates/certificateissuer.cpp" line="34"/>
        <source>There is no training session %1.</source>
        <translation>%1 numaralı eğitim oturumu yok.</translation>
    </message>
    <message>
        <location filename="../models/certificates/certificateissuer.cpp" line="42"/>
        <source>There is no centre %1.</source>
        <translation>%1 numaralı merkez yok.</translation>
    </message>
    <message>
        <location filename="../models/certificates/certificateissuer.cpp" line="51"/>
        <source>There is no placement %1.</source>
        <translation>%1 numaralı yerleştirme yok.</translation>
    </message>
    <message>
        <location filename="../models/certificates/certificateissuer.cpp" line="54"/>
        <source>Placement %1 is not completed: a certificate is issued for completed placements only.</source>
        <translation>%1 numaralı yerleştirme tamamlanmamış: belge yalnızca tamamlanmış yerleştirmeler için düzenlenir.</translation>
    </message>
    <message>
        <location filename="../models/certificates/certificateissuer.cpp" line="84"/>
        <source>No unused verification code was found.</source>
        <translation>Kullanılmamış bir doğrulama kodu bulunamadı.</translation>
    </message>
</context>
<context>
    <name>ChangeListener</name>
    <message>
        <location filename="../models/db/changelistener.cpp" line="62"/>
        <source>this database cannot tell about other users&apos; changes</source>
        <translation>bu veritabanı diğer kullanıcıların değişikliklerini bildiremez</translation>
    </message>
    <message>
        <location filename="../models/db/changelistener.cpp" line="67"/>
        <source>cannot listen for other users&apos; changes: %1</source>
        <translation>diğer kullanıcıların değişiklikleri dinlenemiyor: %1</translation>
    </message>
</context>
<context>
    <name>ChartExport</name>
    <message>
        <location filename="../views/charts/chartexport.cpp" line="65"/>
        <source>cannot write the image</source>
        <translation>görüntü yazılamıyor</translation>
    </message>
    <message>
        <location filename="../views/charts/chartexport.cpp" line="74"/>
        <source>cannot write the PDF file</source>
        <translation>PDF dosyası yazılamıyor</translation>
    </message>
    <message>
        <location filename="../views/charts/chartexport.cpp" line="105"/>
        <source>Print chart</source>
        <translation>Grafiği yazdır</translation>
    </message>
</context>
<context>
    <name>Conflicts</name>
    <message>
        <location filename="../models/planning/conflicts.cpp" line="64"/>
        <source>%1, session of %2: %3 teachers placed, capacity %4</source>
        <translation>%1, %2 tarihli oturum: %3 öğretmen yerleştirildi, kontenjan %4</translation>
    </message>
    <message>
        <location filename="../models/planning/conflicts.cpp" line="88"/>
        <source>%1 is placed in two sessions at the same time (from %2 and from %3)</source>
        <translation>%1 aynı tarihlerde iki oturuma yerleştirilmiş (%2 ve %3 başlangıçlı oturumlar)</translation>
    </message>
    <message>
        <location filename="../models/planning/conflicts.cpp" line="116"/>
        <source>%1 (field %2) is placed at %3 in a session of field %4</source>
        <translation>%1 (%2 alanı), %3 işletmesinde %4 alanına ait bir oturuma yerleştirilmiş</translation>
    </message>
    <message>
        <location filename="../models/planning/conflicts.cpp" line="122"/>
        <source>%1 is available %2 – %3, the session at %4 runs %5 – %6</source>
        <translation>%1, %2 – %3 arasında müsait; %4 işletmesindeki oturum ise %5 – %6 arasında</translation>
    </message>
    <message>
        <location filename="../models/planning/conflicts.cpp" line="172"/>
        <source>Over capacity</source>
        <translation>Kontenjan aşımı</translation>
    </message>
    <message>
        <location filename="../models/planning/conflicts.cpp" line="174"/>
        <source>Overlapping dates</source>
        <translation>Çakışan tarihler</translation>
    </message>
    <message>
        <location filename="../models/planning/conflicts.cpp" line="176"/>
        <source>Field mismatch</source>
        <translation>Alan uyuşmazlığı</translation>
    </message>
    <message>
        <location filename="../models/planning/conflicts.cpp" line="178"/>
        <source>Teacher unavailable</source>
        <translation>Öğretmen müsait değil</translation>
    </message>
</context>
<context>
    <name>Connection</name>
    <message>
        <location filename="../models/db/connection.cpp" line="68"/>
        <source>Qt&apos;s PostgreSQL driver (QPSQL) is not installed</source>
        <translation>Qt&apos;nin PostgreSQL sürücüsü (QPSQL) kurulu değil</translation>
    </message>
    <message>
        <location filename="../models/db/connection.cpp" line="80"/>
        <source>cannot connect to the server: %1</source>
        <translation>sunucuya bağlanılamıyor: %1</translation>
    </message>
    <message>
        <location filename="../models/db/connection.cpp" line="95"/>
        <source>the file does not exist</source>
        <translation>dosya yok</translation>
    </message>
    <message>
        <location filename="../models/db/connection.cpp" line="122"/>
        <source>the file cannot be opened as a database (%1)</source>
        <translation>dosya veritabanı olarak açılamıyor (%1)</translation>
    </message>
</context>
<context>
    <name>CsvReader</name>
    <message>
        <location filename="../models/io/csvreader.cpp" line="59"/>
        <source>more than %1 columns</source>
        <translation>%1 sütundan fazla</translation>
    </message>
    <message>
        <location filename="../models/io/csvreader.cpp" line="188"/>
        <source>a quoted field starts here and never ends (a missing closing &quot;)</source>
        <translation>tırnak içindeki bir değer burada başlıyor ama hiç kapanmıyor (kapanış &quot; işareti eksik)</translation>
    </message>
    <message>
        <location filename="../models/io/csvreader.cpp" line="191"/>
        <source>the line is longer than %1 characters: this is not a table of Köprü&apos;s (or its lines are broken)</source>
        <translation>satır %1 karakterden uzun: bu bir Köprü tablosu değil (ya da satırları bozuk)</translation>
    </message>
    <message>
        <location filename="../models/io/csvreader.cpp" line="278"/>
        <source>cannot read the file: %1</source>
        <translation>dosya okunamıyor: %1</translation>
    </message>
    <message>
        <location filename="../models/io/csvreader.cpp" line="300"/>
        <source>the table is too large (more than %1 rows or %2 cells): split it into smaller files</source>
        <translation>tablo çok büyük (%1 satırdan ya da %2 hücreden fazla): daha küçük dosyalara bölün</translation>
    </message>
    <message>
        <location filename="../models/io/csvreader.cpp" line="126"/>
        <source>unexpected text after a closing quote</source>
        <translation>kapanış tırnağından sonra beklenmeyen metin</translation>
    </message>
</context>
<context>
    <name>Database</name>
    <message>
        <location filename="../models/db/database.cpp" line="145"/>
        <source>not a Köprü database, or the file is damaged (%1)</source>
        <translation>Köprü veritabanı değil ya da dosya hasarlı (%1)</translation>
    </message>
    <message>
        <location filename="../models/db/database.cpp" line="174"/>
        <source>the database has the older schema version %1 and must be upgraded to %2, which needs write access</source>
        <translation>veritabanı eski şema sürümü %1 ile yazılmış ve %2 sürümüne yükseltilmesi gerekiyor; bunun için yazma izni gerekir</translation>
    </message>
    <message>
        <location filename="../models/db/database.cpp" line="180"/>
        <source>upgrading the database failed, nothing was changed: %1</source>
        <translation>veritabanı yükseltilemedi, hiçbir şey değiştirilmedi: %1</translation>
    </message>
    <message>
        <location filename="../models/db/database.cpp" line="169"/>
        <source>cannot read the database header (%1)</source>
        <translation>veritabanı başlığı okunamıyor (%1)</translation>
    </message>
    <message>
        <location filename="../models/db/database.cpp" line="106"/>
        <source>the server database has the older schema version %1 and must be upgraded to %2 by its owner (%3) with kopru-cli upgrade</source>
        <translation>sunucu veritabanı daha eski %1 şema sürümünde; sahibi (%3) kopru-cli upgrade ile %2 sürümüne yükseltmelidir</translation>
    </message>
    <message>
        <location filename="../models/db/database.cpp" line="230"/>
        <source>no migration from version %1 to %2</source>
        <translation>%1 sürümünden %2 sürümüne geçiş tanımlı değil</translation>
    </message>
    <message>
        <location filename="../models/db/database.cpp" line="234"/>
        <source>invalid database id %1</source>
        <translation>geçersiz veritabanı kimliği %1</translation>
    </message>
    <message>
        <location filename="../models/db/database.cpp" line="260"/>
        <location filename="../models/db/database.cpp" line="269"/>
        <source>schema step %1: %2</source>
        <translation>şema adımı %1: %2</translation>
    </message>
    <message>
        <location filename="../models/db/database.cpp" line="284"/>
        <source>the upgraded data violates foreign keys</source>
        <translation>yükseltilen veriler yabancı anahtar kısıtlarını ihlal ediyor</translation>
    </message>
</context>
<context>
    <name>DatabaseCopy</name>
    <message>
        <location filename="../models/db/databasecopy.cpp" line="123"/>
        <source>the copy has another schema version than the database</source>
        <translation>kopyanın şema sürümü veritabanınınkinden farklı</translation>
    </message>
    <message>
        <location filename="../models/db/databasecopy.cpp" line="127"/>
        <source>the copy does not carry the database&apos;s identity</source>
        <translation>kopya veritabanının kimliğini taşımıyor</translation>
    </message>
    <message>
        <location filename="../models/db/databasecopy.cpp" line="140"/>
        <source>the copy holds %1 rows of table %2 where the database holds %3</source>
        <translation>kopyada %2 tablosunun %1 satırı var, veritabanında %3</translation>
    </message>
    <message>
        <location filename="../models/db/databasecopy.cpp" line="144"/>
        <source>the copy holds other tables than the database</source>
        <translation>kopyadaki tablolar veritabanınınkilerden farklı</translation>
    </message>
    <message>
        <location filename="../models/db/databasecopy.cpp" line="169"/>
        <source>no copy was made: %1</source>
        <translation>kopya alınmadı: %1</translation>
    </message>
    <message>
        <location filename="../models/db/databasecopy.cpp" line="180"/>
        <source>the database has no identity (database_id); it is damaged</source>
        <translation>veritabanının kimliği (database_id) yok; veritabanı hasarlı</translation>
    </message>
    <message>
        <location filename="../models/db/databasecopy.cpp" line="227"/>
        <location filename="../models/db/pagecopy.cpp" line="78"/>
        <location filename="../models/db/pagecopy.cpp" line="81"/>
        <source>the copy could not be written: %1</source>
        <translation>kopya yazılamadı: %1</translation>
    </message>
    <message>
        <location filename="../models/db/databasecopy.cpp" line="238"/>
        <source>the database kept changing while it was copied; try again</source>
        <translation>veritabanı kopyalanırken değişmeye devam etti; yeniden deneyin</translation>
    </message>
    <message>
        <location filename="../models/db/databasecopy.cpp" line="240"/>
        <source>the copy failed its check and was removed: %1</source>
        <translation>kopya denetimden geçemedi ve silindi: %1</translation>
    </message>
    <message>
        <location filename="../models/db/pagecopy.cpp" line="61"/>
        <location filename="../models/db/pagecopy.cpp" line="67"/>
        <source>the database could not be read: %1</source>
        <translation>veritabanı okunamadı: %1</translation>
    </message>
</context>
<context>
    <name>DatabaseFile</name>
    <message>
        <location filename="../models/db/databasefile.cpp" line="42"/>
        <location filename="../models/db/databasefile.cpp" line="156"/>
        <source>not a Köprü database, or the file is damaged (%1)</source>
        <translation>Köprü veritabanı değil ya da dosya hasarlı (%1)</translation>
    </message>
    <message>
        <location filename="../models/db/databasefile.cpp" line="57"/>
        <source>this is a server database, not a file: this needs a .kopru file (the other kopru-cli commands work with server databases; see docs/server.md)</source>
        <translation>bu bir dosya değil, bir sunucu veritabanı: bu işlem bir .kopru dosyası gerektirir (diğer kopru-cli komutları sunucu veritabanlarıyla çalışır; bkz. docs/server.md)</translation>
    </message>
    <message>
        <location filename="../models/db/databasefile.cpp" line="62"/>
        <source>the file does not exist</source>
        <translation>dosya yok</translation>
    </message>
    <message>
        <location filename="../models/db/databasefile.cpp" line="66"/>
        <source>this is a folder, not a file</source>
        <translation>bu bir klasör, dosya değil</translation>
    </message>
    <message>
        <location filename="../models/db/databasefile.cpp" line="67"/>
        <source>this is not a regular file (a pipe, a device or a socket)</source>
        <translation>bu normal bir dosya değil (bir boru, bir aygıt ya da bir soket)</translation>
    </message>
    <message>
        <location filename="../models/db/databasefile.cpp" line="70"/>
        <source>cannot read the file: %1</source>
        <translation>dosya okunamıyor: %1</translation>
    </message>
    <message>
        <location filename="../models/db/databasefile.cpp" line="93"/>
        <source>the file is empty, not a Köprü database (kopru-cli init or File › New creates one)</source>
        <translation>dosya boş, bir Köprü veritabanı değil (kopru-cli init ya da Dosya › Yeni bir veritabanı oluşturur)</translation>
    </message>
    <message>
        <location filename="../models/db/databasefile.cpp" line="95"/>
        <source>this file is not a Köprü database (it is not an SQLite database at all)</source>
        <translation>bu dosya bir Köprü veritabanı değil (hiç SQLite veritabanı değil)</translation>
    </message>
    <message>
        <location filename="../models/db/databasefile.cpp" line="107"/>
        <source>this SQLite file is not a Köprü database (it belongs to another program, or is empty)</source>
        <translation>bu SQLite dosyası bir Köprü veritabanı değil (başka bir programa ait ya da boş)</translation>
    </message>
    <message>
        <location filename="../models/db/databasefile.cpp" line="108"/>
        <source>this SQLite file is not a Köprü database (it belongs to another program)</source>
        <translation>bu SQLite dosyası bir Köprü veritabanı değil (başka bir programa ait)</translation>
    </message>
    <message>
        <location filename="../models/db/databasefile.cpp" line="111"/>
        <source>the database was written by a newer Köprü (schema version %1; this program knows up to %2). Install the newer version to open it.</source>
        <translation>veritabanı Köprü&apos;nün daha yeni bir sürümüyle yazılmış (şema sürümü %1; bu program en çok %2 sürümünü tanıyor). Açmak için yeni sürümü kurun.</translation>
    </message>
    <message>
        <location filename="../models/db/databasefile.cpp" line="117"/>
        <source>the database has no schema (version %1): it is not a usable Köprü database</source>
        <translation>veritabanının şeması yok (sürüm %1): kullanılabilir bir Köprü veritabanı değil</translation>
    </message>
    <message>
        <location filename="../models/db/databasefile.cpp" line="143"/>
        <source>the database file is damaged (%1); restore a backup</source>
        <translation>veritabanı dosyası hasarlı (%1); bir yedeği geri yükleyin</translation>
    </message>
    <message>
        <location filename="../models/db/databasefile.cpp" line="172"/>
        <source>cannot read the identity of the database (%1)</source>
        <translation>veritabanının kimliği okunamıyor (%1)</translation>
    </message>
    <message>
        <location filename="../models/db/databasefile.cpp" line="174"/>
        <source>the database has no identity (database_id); it is damaged</source>
        <translation>veritabanının kimliği (database_id) yok; veritabanı hasarlı</translation>
    </message>
</context>
<context>
    <name>DatabaseRole</name>
    <message>
        <location filename="../models/exchange/databaserole.cpp" line="44"/>
        <source>&quot;%1&quot; is not a role: write national, or centre:ID with a centre&apos;s id (1–%2)</source>
        <translation>&quot;%1&quot; bir rol değil: national ya da bir merkezin numarasıyla centre:NUMARA yazın (1–%2)</translation>
    </message>
    <message>
        <location filename="../models/exchange/databaserole.cpp" line="71"/>
        <source>the database&apos;s role is damaged (role &quot;%1&quot;, centre &quot;%2&quot;)</source>
        <translation>veritabanının rolü bozuk (rol &quot;%1&quot;, merkez &quot;%2&quot;)</translation>
    </message>
    <message>
        <location filename="../models/exchange/databaserole.cpp" line="84"/>
        <source>there is no centre %1 in this database</source>
        <translation>bu veritabanında %1 numaralı merkez yok</translation>
    </message>
    <message>
        <location filename="../models/exchange/databaserole.cpp" line="112"/>
        <source>this database has exchanged packages as %1: its role cannot change any more</source>
        <translation>bu veritabanı %1 olarak paket alıp verdi: rolü artık değişemez</translation>
    </message>
    <message>
        <location filename="../models/exchange/databaserole.cpp" line="144"/>
        <source>Centre %1</source>
        <translation>Merkez %1</translation>
    </message>
    <message>
        <location filename="../models/exchange/databaserole.cpp" line="144"/>
        <source>National office</source>
        <translation>Genel Müdürlük</translation>
    </message>
</context>
<context>
    <name>DatabaseTransfer</name>
    <message>
        <location filename="../models/db/databasetransfer.cpp" line="139"/>
        <source>table %1: %2 rows in the source, %3 in the copy</source>
        <translation>%1 tablosu: kaynakta %2 satır, kopyada %3</translation>
    </message>
    <message numerus="yes">
        <location filename="../models/db/databasetransfer.cpp" line="158"/>
        <source>the server database is not empty (%n table(s), e.g. %1); Köprü copies only into an empty database: create a new one (createdb) or choose another</source>
        <translation>
            <numerusform>sunucu veritabanı boş değil (%n tablo, örneğin %1); Köprü yalnızca boş bir veritabanına kopyalar: yeni bir tane oluşturun (createdb) ya da başka birini seçin</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../models/db/databasetransfer.cpp" line="173"/>
        <source>cannot set up the roles (the user needs the CREATEROLE privilege): %1</source>
        <translation>roller kurulamıyor (kullanıcının CREATEROLE yetkisi olmalı): %1</translation>
    </message>
    <message>
        <location filename="../models/db/databasetransfer.cpp" line="221"/>
        <source>the source and the target are the same</source>
        <translation>kaynak ile hedef aynı</translation>
    </message>
    <message>
        <location filename="../models/db/databasetransfer.cpp" line="258"/>
        <source>cannot make a temporary folder: %1</source>
        <translation>geçici klasör oluşturulamıyor: %1</translation>
    </message>
</context>
<context>
    <name>DbCommand</name>
    <message>
        <location filename="../models/editing/dbcommand.cpp" line="22"/>
        <source>The database is closed.</source>
        <translation>Veritabanı kapalı.</translation>
    </message>
    <message>
        <location filename="../models/editing/dbcommand.cpp" line="57"/>
        <source>Cannot redo &quot;%1&quot;: %2</source>
        <translation>&quot;%1&quot; yinelenemiyor: %2</translation>
    </message>
    <message>
        <location filename="../models/editing/dbcommand.cpp" line="67"/>
        <source>Cannot undo &quot;%1&quot;: %2</source>
        <translation>&quot;%1&quot; geri alınamıyor: %2</translation>
    </message>
    <message>
        <location filename="../models/editing/dbcommand.cpp" line="83"/>
        <source>the data was changed meanwhile by another program or window; the view now shows the current values</source>
        <translation>veriler bu arada başka bir program ya da pencere tarafından değiştirildi; görünüm şimdi güncel değerleri gösteriyor</translation>
    </message>
    <message numerus="yes">
        <location filename="../models/editing/deleterowscommand.cpp" line="121"/>
        <source>%n placement(s) would be removed; they must be removed explicitly</source>
        <translation>
            <numerusform>bu işlem %n yerleştirmeyi de kaldırır; yerleştirmeler ayrıca, açıkça kaldırılmalıdır</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../models/editing/setvaluecommand.cpp" line="68"/>
        <location filename="../models/editing/setvaluecommand.cpp" line="77"/>
        <source>the row no longer exists</source>
        <translation>satır artık yok</translation>
    </message>
</context>
<context>
    <name>DecidePlacementsCommand</name>
    <message>
        <location filename="../models/exchange/decideplacementscommand.cpp" line="59"/>
        <source>the plan decision on placement %1</source>
        <translation>%1 numaralı yerleştirmeye ilişkin plan kararı</translation>
    </message>
</context>
<context>
    <name>DemoDatabase</name>
    <message>
        <location filename="../views/mainwindow/demodatabase.cpp" line="41"/>
        <location filename="../views/mainwindow/demodatabase.cpp" line="51"/>
        <location filename="../views/mainwindow/demodatabase.cpp" line="89"/>
        <source>Demo Database</source>
        <translation>Demo veritabanı</translation>
    </message>
    <message>
        <location filename="../views/mainwindow/demodatabase.cpp" line="42"/>
        <source>The previous demo database %1 could not be replaced. Is it open in another window?</source>
        <translation>Önceki demo veritabanı %1 değiştirilemedi. Başka bir pencerede açık olabilir mi?</translation>
    </message>
    <message>
        <location filename="../views/mainwindow/demodatabase.cpp" line="49"/>
        <source>Creating the demo database (8,000 teachers, 320,000 need ratings)…</source>
        <translation>Demo veritabanı oluşturuluyor (8.000 öğretmen, 320.000 ihtiyaç puanı)…</translation>
    </message>
    <message>
        <location filename="../views/mainwindow/demodatabase.cpp" line="90"/>
        <source>The demo database could not be created:
%1</source>
        <translation>Demo veritabanı oluşturulamadı:
%1</translation>
    </message>
</context>
<context>
    <name>DemoGenerator</name>
    <message numerus="yes">
        <location filename="../models/demo/demogenerator.cpp" line="468"/>
        <source>the demo data would put %n attendance day(s) outside their training session</source>
        <translation>
            <numerusform>demo verileri %n yoklama gününü eğitim oturumunun dışına koyacaktı</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../models/demo/demogenerator.cpp" line="485"/>
        <source>the demo data would break %n reference(s) between records of table %1</source>
        <translation>
            <numerusform>demo verileri %1 tablosundaki kayıtlar arasında %n bağlantıyı bozacaktı</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EntityColumns</name>
    <message>
        <location filename="../models/itemmodels/competencytablemodel.cpp" line="13"/>
        <location filename="../models/itemmodels/partnertablemodel.cpp" line="33"/>
        <location filename="../models/itemmodels/teachertablemodel.cpp" line="17"/>
        <location filename="../views/competencies/competenciespage.cpp" line="81"/>
        <location filename="../views/teachers/teacherspage.cpp" line="131"/>
        <source>Field</source>
        <translation>Alan</translation>
    </message>
    <message>
        <location filename="../models/itemmodels/competencytablemodel.cpp" line="14"/>
        <location filename="../views/competencies/competenciespage.cpp" line="82"/>
        <source>Code</source>
        <translation>Kod</translation>
    </message>
    <message>
        <location filename="../models/itemmodels/competencytablemodel.cpp" line="15"/>
        <location filename="../views/competencies/competenciespage.cpp" line="83"/>
        <source>Turkish title</source>
        <translation>Türkçe ad</translation>
    </message>
    <message>
        <location filename="../models/itemmodels/competencytablemodel.cpp" line="16"/>
        <location filename="../views/competencies/competenciespage.cpp" line="84"/>
        <source>English title</source>
        <translation>İngilizce ad</translation>
    </message>
    <message>
        <location filename="../models/itemmodels/competencytablemodel.cpp" line="17"/>
        <location filename="../views/competencies/competenciespage.cpp" line="85"/>
        <source>Unit</source>
        <translation>Ünite</translation>
    </message>
    <message>
        <location filename="../models/itemmodels/partnertablemodel.cpp" line="15"/>
        <location filename="../views/partners/partnerspage.cpp" line="115"/>
        <source>Company</source>
        <translation>İşletme</translation>
    </message>
    <message>
        <location filename="../models/itemmodels/partnertablemodel.cpp" line="16"/>
        <location filename="../views/partners/partnerspage.cpp" line="116"/>
        <source>Sector</source>
        <translation>Sektör</translation>
    </message>
    <message>
        <location filename="../models/itemmodels/partnertablemodel.cpp" line="17"/>
        <location filename="../models/itemmodels/teachertablemodel.cpp" line="20"/>
        <location filename="../views/partners/partnerspage.cpp" line="117"/>
        <location filename="../views/teachers/teacherspage.cpp" line="132"/>
        <source>Province</source>
        <translation>İl</translation>
    </message>
    <message>
        <location filename="../models/itemmodels/partnertablemodel.cpp" line="18"/>
        <location filename="../views/partners/partnerspage.cpp" line="118"/>
        <source>District</source>
        <translation>İlçe</translation>
    </message>
    <message>
        <location filename="../models/itemmodels/partnertablemodel.cpp" line="20"/>
        <location filename="../views/partners/partnerspage.cpp" line="119"/>
        <source>Contact person</source>
        <translation>İrtibat kişisi</translation>
    </message>
    <message>
        <location filename="../models/itemmodels/partnertablemodel.cpp" line="21"/>
        <location filename="../models/itemmodels/teachertablemodel.cpp" line="23"/>
        <location filename="../views/partners/partnerspage.cpp" line="120"/>
        <location filename="../views/teachers/teacherspage.cpp" line="135"/>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <location filename="../models/itemmodels/partnertablemodel.cpp" line="22"/>
        <location filename="../models/itemmodels/teachertablemodel.cpp" line="22"/>
        <location filename="../views/partners/partnerspage.cpp" line="121"/>
        <location filename="../views/teachers/teacherspage.cpp" line="134"/>
        <source>E-mail</source>
        <translation>E-posta</translation>
    </message>
    <message>
        <location filename="../models/itemmodels/teachertablemodel.cpp" line="14"/>
        <location filename="../views/teachers/teacherspage.cpp" line="128"/>
        <source>National ID</source>
        <translation>T.C. Kimlik No</translation>
    </message>
    <message>
        <location filename="../models/itemmodels/teachertablemodel.cpp" line="16"/>
        <location filename="../views/teachers/teacherspage.cpp" line="129"/>
        <source>First name</source>
        <translation>Ad</translation>
    </message>
    <message>
        <location filename="../models/itemmodels/teachertablemodel.cpp" line="15"/>
        <location filename="../views/teachers/teacherspage.cpp" line="130"/>
        <source>Last name</source>
        <translation>Soyad</translation>
    </message>
    <message>
        <location filename="../models/itemmodels/teachertablemodel.cpp" line="21"/>
        <location filename="../views/teachers/teacherspage.cpp" line="133"/>
        <source>Centre</source>
        <translation>Merkez</translation>
    </message>
    <message>
        <location filename="../models/itemmodels/competencytablemodel.cpp" line="18"/>
        <source>Ratings</source>
        <translation>Puan sayısı</translation>
    </message>
    <message>
        <location filename="../models/itemmodels/partnertablemodel.cpp" line="19"/>
        <source>Address</source>
        <translation>Adres</translation>
    </message>
    <message>
        <location filename="../models/itemmodels/partnertablemodel.cpp" line="23"/>
        <source>Protocol date</source>
        <translation>Protokol tarihi</translation>
    </message>
    <message>
        <location filename="../models/itemmodels/partnertablemodel.cpp" line="24"/>
        <source>Active</source>
        <translation>Aktif</translation>
    </message>
    <message>
        <location filename="../models/itemmodels/partnertablemodel.cpp" line="25"/>
        <source>Sessions</source>
        <translation>Oturumlar</translation>
    </message>
    <message>
        <location filename="../models/itemmodels/partnertablemodel.cpp" line="26"/>
        <source>Places</source>
        <translation>Kontenjan</translation>
    </message>
    <message>
        <location filename="../models/itemmodels/partnertablemodel.cpp" line="34"/>
        <source>Start</source>
        <translation>Başlangıç</translation>
    </message>
    <message>
        <location filename="../models/itemmodels/partnertablemodel.cpp" line="35"/>
        <source>End</source>
        <translation>Bitiş</translation>
    </message>
    <message>
        <location filename="../models/itemmodels/partnertablemodel.cpp" line="36"/>
        <source>Hours</source>
        <translation>Saat</translation>
    </message>
    <message>
        <location filename="../models/itemmodels/partnertablemodel.cpp" line="37"/>
        <source>Capacity</source>
        <translation>Kontenjan</translation>
    </message>
    <message>
        <location filename="../models/itemmodels/partnertablemodel.cpp" line="38"/>
        <source>Placed</source>
        <translation>Yerleştirilen</translation>
    </message>
    <message>
        <location filename="../models/itemmodels/partnertablemodel.cpp" line="39"/>
        <source>Competencies</source>
        <translation>Yeterlikler</translation>
    </message>
    <message>
        <location filename="../models/itemmodels/teachertablemodel.cpp" line="18"/>
        <source>Branch</source>
        <translation>Branş</translation>
    </message>
    <message>
        <location filename="../models/itemmodels/teachertablemodel.cpp" line="19"/>
        <source>School</source>
        <translation>Okul</translation>
    </message>
    <message>
        <location filename="../models/itemmodels/teachertablemodel.cpp" line="24"/>
        <source>Experience (years)</source>
        <translation>Deneyim (yıl)</translation>
    </message>
    <message>
        <location filename="../models/itemmodels/teachertablemodel.cpp" line="25"/>
        <source>Available from</source>
        <translation>Müsaitlik başlangıcı</translation>
    </message>
    <message>
        <location filename="../models/itemmodels/teachertablemodel.cpp" line="26"/>
        <source>Available to</source>
        <translation>Müsaitlik bitişi</translation>
    </message>
    <message>
        <location filename="../models/itemmodels/teachertablemodel.cpp" line="27"/>
        <source>Notes</source>
        <translation>Notlar</translation>
    </message>
    <message>
        <location filename="../views/teachers/teacherspage.cpp" line="260"/>
        <source>Reason</source>
        <translation>Gerekçe</translation>
    </message>
</context>
<context>
    <name>Export</name>
    <message>
        <location filename="../models/export/cellformat.cpp" line="54"/>
        <source>cannot write the file: %1</source>
        <translation>dosya yazılamıyor: %1</translation>
    </message>
    <message>
        <location filename="../models/export/exporter.cpp" line="30"/>
        <source>export cancelled</source>
        <translation>dışa aktarma iptal edildi</translation>
    </message>
    <message>
        <location filename="../models/export/exporter.cpp" line="131"/>
        <source>%1 cannot be exported as %2</source>
        <translation>%1, %2 olarak dışa aktarılamaz</translation>
    </message>
    <message>
        <location filename="../models/export/exporter.cpp" line="135"/>
        <source>the needs analysis cannot be restricted to a partner</source>
        <translation>ihtiyaç analizi bir işletmeyle sınırlandırılamaz</translation>
    </message>
    <message>
        <location filename="../models/export/exporter.cpp" line="137"/>
        <source>the list of unplaced teachers cannot be restricted to a partner</source>
        <translation>yerleştirilemeyen öğretmenler listesi bir işletmeyle sınırlandırılamaz</translation>
    </message>
    <message>
        <location filename="../models/export/exporter.cpp" line="140"/>
        <source>no output file given</source>
        <translation>çıktı dosyası belirtilmedi</translation>
    </message>
    <message>
        <location filename="../models/export/exporter.cpp" line="141"/>
        <source>Reading the data</source>
        <translation>Veriler okunuyor</translation>
    </message>
    <message>
        <location filename="../models/export/exporter.cpp" line="115"/>
        <location filename="../models/export/exporter.cpp" line="148"/>
        <location filename="../models/export/exporter.cpp" line="177"/>
        <source>Writing the file</source>
        <translation>Dosya yazılıyor</translation>
    </message>
    <message>
        <location filename="../models/export/exporter.cpp" line="122"/>
        <location filename="../models/export/exporter.cpp" line="157"/>
        <location filename="../models/export/exporter.cpp" line="212"/>
        <source>Done</source>
        <translation>Tamamlandı</translation>
    </message>
    <message>
        <location filename="../models/export/exporter.cpp" line="185"/>
        <source>Köprü training schedule</source>
        <translation>Köprü eğitim takvimi</translation>
    </message>
    <message>
        <location filename="../models/export/icswriter.cpp" line="152"/>
        <source>On-the-job training: %1 (%2)</source>
        <translation>İşbaşı eğitimi: %1 (%2)</translation>
    </message>
    <message>
        <location filename="../models/export/icswriter.cpp" line="155"/>
        <source>Field: %1 – %2</source>
        <translation>Alan: %1 – %2</translation>
    </message>
    <message>
        <location filename="../models/export/icswriter.cpp" line="156"/>
        <source>Centre: %1</source>
        <translation>Merkez: %1</translation>
    </message>
    <message>
        <location filename="../models/export/icswriter.cpp" line="157"/>
        <source>Hours: %1</source>
        <translation>Saat: %1</translation>
    </message>
    <message>
        <location filename="../models/export/icswriter.cpp" line="158"/>
        <source>Competencies: %1</source>
        <translation>Yeterlikler: %1</translation>
    </message>
    <message>
        <location filename="../models/export/icswriter.cpp" line="160"/>
        <source>Contact: %1</source>
        <translation>İrtibat: %1</translation>
    </message>
    <message>
        <location filename="../models/export/icswriter.cpp" line="162"/>
        <source>Phone: %1</source>
        <translation>Telefon: %1</translation>
    </message>
    <message>
        <location filename="../models/document/pdfwriter.cpp" line="16"/>
        <source>PDF output needs a graphical application object</source>
        <translation>PDF çıktısı grafik bir uygulama nesnesi gerektirir</translation>
    </message>
    <message>
        <location filename="../models/export/plandata.cpp" line="146"/>
        <source>unknown field code %1</source>
        <translation>bilinmeyen alan kodu %1</translation>
    </message>
    <message>
        <location filename="../models/export/plandata.cpp" line="151"/>
        <source>unknown centre %1</source>
        <translation>bilinmeyen merkez %1</translation>
    </message>
    <message>
        <location filename="../models/export/plandata.cpp" line="156"/>
        <source>unknown partner %1</source>
        <translation>bilinmeyen işletme %1</translation>
    </message>
    <message>
        <location filename="../models/export/pseudonymiser.cpp" line="73"/>
        <source>Teacher %1</source>
        <comment>pseudonym of an anonymised teacher</comment>
        <translation>Öğretmen %1</translation>
    </message>
    <message>
        <location filename="../models/export/reportbuilders.cpp" line="34"/>
        <source>contact: %1</source>
        <translation>irtibat: %1</translation>
    </message>
    <message>
        <location filename="../models/export/reportbuilders.cpp" line="59"/>
        <location filename="../models/export/tablebuilders.cpp" line="126"/>
        <source>Placement plan</source>
        <translation>Yerleştirme planı</translation>
    </message>
    <message>
        <location filename="../models/export/reportbuilders.cpp" line="60"/>
        <location filename="../models/export/tablebuilders.cpp" line="99"/>
        <location filename="../models/export/tablebuilders.cpp" line="130"/>
        <source>Teacher (pseudonym)</source>
        <translation>Öğretmen (takma ad)</translation>
    </message>
    <message>
        <location filename="../models/export/reportbuilders.cpp" line="61"/>
        <location filename="../models/export/schedulebuilders.cpp" line="27"/>
        <location filename="../models/export/tablebuilders.cpp" line="99"/>
        <location filename="../models/export/tablebuilders.cpp" line="130"/>
        <source>Teacher</source>
        <translation>Öğretmen</translation>
    </message>
    <message>
        <location filename="../models/export/reportbuilders.cpp" line="63"/>
        <location filename="../models/export/tablebuilders.cpp" line="101"/>
        <location filename="../models/export/tablebuilders.cpp" line="132"/>
        <source>National ID (pseudonym)</source>
        <translation>T.C. Kimlik No (takma ad)</translation>
    </message>
    <message>
        <location filename="../models/export/reportbuilders.cpp" line="64"/>
        <location filename="../models/export/tablebuilders.cpp" line="102"/>
        <location filename="../models/export/tablebuilders.cpp" line="133"/>
        <source>National ID</source>
        <translation>T.C. Kimlik No</translation>
    </message>
    <message>
        <location filename="../models/export/reportbuilders.cpp" line="66"/>
        <location filename="../models/export/schedulebuilders.cpp" line="28"/>
        <location filename="../models/export/tablebuilders.cpp" line="140"/>
        <source>School</source>
        <translation>Okul</translation>
    </message>
    <message>
        <location filename="../models/export/reportbuilders.cpp" line="67"/>
        <location filename="../models/export/tablebuilders.cpp" line="104"/>
        <location filename="../models/export/tablebuilders.cpp" line="141"/>
        <source>Province</source>
        <translation>İl</translation>
    </message>
    <message>
        <location filename="../models/export/reportbuilders.cpp" line="68"/>
        <location filename="../models/export/reportbuilders.cpp" line="101"/>
        <location filename="../models/export/schedulebuilders.cpp" line="29"/>
        <location filename="../models/export/tablebuilders.cpp" line="98"/>
        <location filename="../models/export/tablebuilders.cpp" line="129"/>
        <location filename="../models/export/tablebuilders.cpp" line="180"/>
        <location filename="../models/export/tablebuilders.cpp" line="223"/>
        <source>Field</source>
        <translation>Alan</translation>
    </message>
    <message>
        <location filename="../models/export/reportbuilders.cpp" line="69"/>
        <location filename="../models/export/reportbuilders.cpp" line="100"/>
        <source>Dates</source>
        <translation>Tarihler</translation>
    </message>
    <message>
        <location filename="../models/export/reportbuilders.cpp" line="70"/>
        <location filename="../models/export/reportbuilders.cpp" line="101"/>
        <location filename="../models/export/schedulebuilders.cpp" line="32"/>
        <location filename="../models/export/tablebuilders.cpp" line="152"/>
        <location filename="../models/export/tablebuilders.cpp" line="191"/>
        <source>Hours</source>
        <translation>Saat</translation>
    </message>
    <message>
        <location filename="../models/export/reportbuilders.cpp" line="71"/>
        <location filename="../models/export/reportbuilders.cpp" line="106"/>
        <location filename="../models/export/tablebuilders.cpp" line="153"/>
        <location filename="../models/export/tablebuilders.cpp" line="194"/>
        <source>Competencies</source>
        <translation>Yeterlikler</translation>
    </message>
    <message>
        <location filename="../models/export/reportbuilders.cpp" line="72"/>
        <location filename="../models/export/schedulebuilders.cpp" line="37"/>
        <location filename="../models/export/tablebuilders.cpp" line="154"/>
        <source>Status</source>
        <translation>Durum</translation>
    </message>
    <message>
        <location filename="../models/export/reportbuilders.cpp" line="77"/>
        <location filename="../models/export/reportbuilders.cpp" line="110"/>
        <location filename="../models/export/schedulebuilders.cpp" line="40"/>
        <location filename="../models/export/schedulebuilders.cpp" line="78"/>
        <location filename="../models/export/tablebuilders.cpp" line="50"/>
        <location filename="../models/export/tablebuilders.cpp" line="57"/>
        <source>No centre</source>
        <translation>Merkez yok</translation>
    </message>
    <message>
        <location filename="../models/export/reportbuilders.cpp" line="92"/>
        <source>No placements.</source>
        <translation>Yerleştirme yok.</translation>
    </message>
    <message>
        <location filename="../models/export/reportbuilders.cpp" line="99"/>
        <location filename="../models/export/tablebuilders.cpp" line="177"/>
        <source>Training schedule</source>
        <translation>Eğitim takvimi</translation>
    </message>
    <message>
        <location filename="../models/export/reportbuilders.cpp" line="102"/>
        <location filename="../models/export/tablebuilders.cpp" line="193"/>
        <source>Placed</source>
        <translation>Yerleştirilen</translation>
    </message>
    <message>
        <location filename="../models/export/reportbuilders.cpp" line="103"/>
        <location filename="../models/export/tablebuilders.cpp" line="195"/>
        <source>Teachers (pseudonyms)</source>
        <translation>Öğretmenler (takma adlar)</translation>
    </message>
    <message>
        <location filename="../models/export/reportbuilders.cpp" line="104"/>
        <location filename="../models/export/schedulebuilders.cpp" line="61"/>
        <location filename="../models/export/tablebuilders.cpp" line="196"/>
        <source>Teachers</source>
        <translation>Öğretmenler</translation>
    </message>
    <message>
        <location filename="../models/export/reportbuilders.cpp" line="127"/>
        <source>No sessions with placements.</source>
        <translation>Yerleştirme yapılmış oturum yok.</translation>
    </message>
    <message>
        <location filename="../models/export/reportbuilders.cpp" line="154"/>
        <source>No fields.</source>
        <translation>Alan yok.</translation>
    </message>
    <message>
        <location filename="../models/document/documentpainter.cpp" line="102"/>
        <source>cannot start painting the document</source>
        <translation>belge çizimi başlatılamıyor</translation>
    </message>
    <message>
        <location filename="../models/document/documentpainter.cpp" line="106"/>
        <source>cannot start a new page</source>
        <translation>yeni sayfa başlatılamıyor</translation>
    </message>
    <message>
        <location filename="../models/document/documentpainter.cpp" line="113"/>
        <source>cannot finish the document</source>
        <translation>belge tamamlanamıyor</translation>
    </message>
    <message>
        <location filename="../models/document/documentpainter.cpp" line="51"/>
        <source>Page %1/%2</source>
        <translation>Sayfa %1/%2</translation>
    </message>
    <message>
        <location filename="../models/export/schedulebuilders.cpp" line="24"/>
        <source>Schedule per teacher</source>
        <translation>Öğretmen bazında takvim</translation>
    </message>
    <message>
        <location filename="../models/export/schedulebuilders.cpp" line="25"/>
        <location filename="../models/export/tablebuilders.cpp" line="63"/>
        <source>Exported on %1</source>
        <translation>Dışa aktarma tarihi: %1</translation>
    </message>
    <message>
        <location filename="../models/export/schedulebuilders.cpp" line="30"/>
        <location filename="../models/export/tablebuilders.cpp" line="150"/>
        <location filename="../models/export/tablebuilders.cpp" line="189"/>
        <source>Start</source>
        <translation>Başlangıç</translation>
    </message>
    <message>
        <location filename="../models/export/schedulebuilders.cpp" line="31"/>
        <location filename="../models/export/tablebuilders.cpp" line="151"/>
        <location filename="../models/export/tablebuilders.cpp" line="190"/>
        <source>End</source>
        <translation>Bitiş</translation>
    </message>
    <message>
        <location filename="../models/export/schedulebuilders.cpp" line="33"/>
        <location filename="../models/export/tablebuilders.cpp" line="142"/>
        <location filename="../models/export/tablebuilders.cpp" line="181"/>
        <source>Partner</source>
        <translation>İşletme</translation>
    </message>
    <message>
        <location filename="../models/export/schedulebuilders.cpp" line="34"/>
        <location filename="../models/export/tablebuilders.cpp" line="143"/>
        <location filename="../models/export/tablebuilders.cpp" line="182"/>
        <source>Partner address</source>
        <translation>İşletme adresi</translation>
    </message>
    <message>
        <location filename="../models/export/schedulebuilders.cpp" line="35"/>
        <location filename="../models/export/tablebuilders.cpp" line="144"/>
        <location filename="../models/export/tablebuilders.cpp" line="183"/>
        <source>Contact person</source>
        <translation>İrtibat kişisi</translation>
    </message>
    <message>
        <location filename="../models/export/schedulebuilders.cpp" line="36"/>
        <location filename="../models/export/tablebuilders.cpp" line="147"/>
        <location filename="../models/export/tablebuilders.cpp" line="186"/>
        <source>Contact phone</source>
        <translation>İrtibat telefonu</translation>
    </message>
    <message>
        <location filename="../models/export/schedulebuilders.cpp" line="55"/>
        <source>Calendar per centre</source>
        <translation>Merkez bazında takvim</translation>
    </message>
    <message>
        <location filename="../models/export/schedulebuilders.cpp" line="56"/>
        <source>One row per programme week (Monday to Sunday).</source>
        <translation>Program haftası başına bir satır (pazartesiden pazara).</translation>
    </message>
    <message>
        <location filename="../models/export/schedulebuilders.cpp" line="58"/>
        <source>Week of</source>
        <translation>Hafta başlangıcı</translation>
    </message>
    <message>
        <location filename="../models/export/schedulebuilders.cpp" line="59"/>
        <source>Week</source>
        <translation>Hafta</translation>
    </message>
    <message>
        <location filename="../models/export/schedulebuilders.cpp" line="60"/>
        <source>Sessions</source>
        <translation>Oturumlar</translation>
    </message>
    <message>
        <location filename="../models/export/schedulebuilders.cpp" line="62"/>
        <source>Partners</source>
        <translation>İşletmeler</translation>
    </message>
    <message>
        <location filename="../models/export/schedulebuilders.cpp" line="134"/>
        <source>Nothing to print.</source>
        <translation>Yazdırılacak bir şey yok.</translation>
    </message>
    <message>
        <location filename="../models/export/tablebuilders.cpp" line="75"/>
        <source>proposed</source>
        <comment>placement status</comment>
        <translation>önerildi</translation>
    </message>
    <message>
        <location filename="../models/export/tablebuilders.cpp" line="77"/>
        <source>confirmed</source>
        <comment>placement status</comment>
        <translation>onaylandı</translation>
    </message>
    <message>
        <location filename="../models/export/tablebuilders.cpp" line="79"/>
        <source>completed</source>
        <comment>placement status</comment>
        <translation>tamamlandı</translation>
    </message>
    <message>
        <location filename="../models/export/tablebuilders.cpp" line="81"/>
        <source>cancelled</source>
        <comment>placement status</comment>
        <translation>iptal edildi</translation>
    </message>
    <message>
        <location filename="../models/export/tablebuilders.cpp" line="87"/>
        <source>Anonymised export (KVKK): teacher names and national IDs are replaced by pseudonyms; no phone numbers or e-mail addresses.</source>
        <translation>Anonimleştirilmiş dışa aktarma (KVKK): öğretmen adları ve T.C. kimlik numaraları yerine takma adlar kullanılmıştır; telefon numarası ve e-posta adresi yer almaz.</translation>
    </message>
    <message>
        <location filename="../models/export/schedulebuilders.cpp" line="57"/>
        <location filename="../models/export/tablebuilders.cpp" line="128"/>
        <location filename="../models/export/tablebuilders.cpp" line="179"/>
        <source>Centre</source>
        <translation>Merkez</translation>
    </message>
    <message>
        <location filename="../models/export/tablebuilders.cpp" line="96"/>
        <source>Teachers without a placement</source>
        <translation>Yerleştirilemeyen öğretmenler</translation>
    </message>
    <message>
        <location filename="../models/export/tablebuilders.cpp" line="105"/>
        <source>Reason</source>
        <translation>Gerekçe</translation>
    </message>
    <message>
        <location filename="../models/export/tablebuilders.cpp" line="106"/>
        <source>Sessions in the field</source>
        <translation>Alandaki oturumlar</translation>
    </message>
    <message>
        <location filename="../models/export/tablebuilders.cpp" line="107"/>
        <source>Sessions within the dates</source>
        <translation>Tarihlerine uyan oturumlar</translation>
    </message>
    <message>
        <location filename="../models/export/tablebuilders.cpp" line="137"/>
        <source>E-mail</source>
        <translation>E-posta</translation>
    </message>
    <message>
        <location filename="../models/export/tablebuilders.cpp" line="138"/>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <location filename="../models/export/tablebuilders.cpp" line="148"/>
        <location filename="../models/export/tablebuilders.cpp" line="187"/>
        <source>Contact e-mail</source>
        <translation>İrtibat e-postası</translation>
    </message>
    <message>
        <location filename="../models/export/tablebuilders.cpp" line="192"/>
        <source>Capacity</source>
        <translation>Kontenjan</translation>
    </message>
    <message>
        <location filename="../models/export/tablebuilders.cpp" line="218"/>
        <source>Needs analysis</source>
        <translation>İhtiyaç analizi</translation>
    </message>
    <message>
        <location filename="../models/export/tablebuilders.cpp" line="220"/>
        <source>High need: need level %1 or 5. Supply: places in sessions covering the competency.</source>
        <translation>Yüksek ihtiyaç: ihtiyaç düzeyi %1 veya 5. Arz: yeterliği kapsayan oturumlardaki kontenjan.</translation>
    </message>
    <message>
        <location filename="../models/export/tablebuilders.cpp" line="224"/>
        <source>Competency</source>
        <translation>Yeterlik</translation>
    </message>
    <message>
        <location filename="../models/export/tablebuilders.cpp" line="225"/>
        <source>Title</source>
        <translation>Ad</translation>
    </message>
    <message>
        <location filename="../models/export/tablebuilders.cpp" line="226"/>
        <source>Respondents</source>
        <translation>Yanıtlayan</translation>
    </message>
    <message>
        <location filename="../models/export/tablebuilders.cpp" line="227"/>
        <source>Not applicable</source>
        <translation>Fikrim yok</translation>
    </message>
    <message>
        <location filename="../models/export/tablebuilders.cpp" line="228"/>
        <source>Mean need</source>
        <translation>Ortalama ihtiyaç</translation>
    </message>
    <message>
        <location filename="../models/export/tablebuilders.cpp" line="229"/>
        <source>High need (%)</source>
        <translation>Yüksek ihtiyaç (%)</translation>
    </message>
    <message>
        <location filename="../models/export/tablebuilders.cpp" line="230"/>
        <source>Supply (places)</source>
        <translation>Arz (kontenjan)</translation>
    </message>
    <message>
        <location filename="../models/export/xlsxexport.cpp" line="146"/>
        <source>the sheet &quot;%1&quot; has more rows or columns than a worksheet can hold</source>
        <translation>&quot;%1&quot; sayfası bir çalışma sayfasının alabileceğinden fazla satır veya sütun içeriyor</translation>
    </message>
    <message>
        <location filename="../models/export/xlsxexport.cpp" line="183"/>
        <source>cell %1 of the sheet &quot;%2&quot;</source>
        <translation>&quot;%2&quot; sayfasının %1 hücresi</translation>
    </message>
    <message>
        <location filename="../models/export/xlsxexport.cpp" line="184"/>
        <source>the sheet &quot;%1&quot;</source>
        <translation>&quot;%1&quot; sayfası</translation>
    </message>
    <message>
        <location filename="../models/export/xlsxexport.cpp" line="185"/>
        <source>cannot write %1: %2</source>
        <translation>%1 yazılamıyor: %2</translation>
    </message>
    <message>
        <location filename="../models/export/xlsxexport.cpp" line="280"/>
        <source>cannot name a worksheet &quot;%1&quot;: %2</source>
        <translation>çalışma sayfasına &quot;%1&quot; adı verilemiyor: %2</translation>
    </message>
    <message>
        <location filename="../models/export/xlsxexport.cpp" line="283"/>
        <source>cannot name a worksheet &quot;%1&quot;</source>
        <translation>çalışma sayfasına &quot;%1&quot; adı verilemiyor</translation>
    </message>
    <message>
        <location filename="../models/export/xlsxexport.cpp" line="288"/>
        <source>cannot write the workbook: %1</source>
        <translation>çalışma kitabı yazılamıyor: %1</translation>
    </message>
    <message>
        <location filename="../models/export/xlsxexport.cpp" line="305"/>
        <source>Sheet</source>
        <translation>Sayfa</translation>
    </message>
    <message>
        <location filename="../models/export/xlsxexport.cpp" line="265"/>
        <source>cannot create the workbook</source>
        <translation>çalışma kitabı oluşturulamıyor</translation>
    </message>
    <message>
        <location filename="../models/export/monthreport.cpp" line="27"/>
        <source>Schedule, %1</source>
        <translation>Takvim, %1</translation>
    </message>
</context>
<context>
    <name>Import</name>
    <message>
        <location filename="../models/import/needsplan.cpp" line="50"/>
        <source>a long-form needs file needs the column %1</source>
        <translation>uzun biçimli bir ihtiyaç dosyasında %1 sütunu bulunmalı</translation>
    </message>
    <message>
        <location filename="../models/import/needsplan.cpp" line="63"/>
        <source>no column names a competency: use competency codes (ELK07, Q1[ELK07], Q1_ELK07) or numbers within the field (01, Q1[SQ001]) as headers, or the columns competency and need</source>
        <translation>hiçbir sütun bir yeterliği belirtmiyor: başlık olarak yeterlik kodlarını (ELK07, Q1[ELK07], Q1_ELK07) ya da alan içindeki numaraları (01, Q1[SQ001]) kullanın veya yeterlik ve ihtiyaç sütunlarını ekleyin</translation>
    </message>
    <message>
        <location filename="../models/import/needsplan.cpp" line="116"/>
        <source>the answers of national ID %1 are also on line %2</source>
        <translation>%1 T.C. kimlik numarasının yanıtları %2. satırda da var</translation>
    </message>
    <message>
        <location filename="../models/import/needsplan.cpp" line="122"/>
        <location filename="../models/import/needsplan.cpp" line="176"/>
        <source>no teacher with national ID %1: import the teachers first</source>
        <translation>%1 T.C. kimlik numaralı öğretmen yok: önce öğretmenleri içe aktarın</translation>
    </message>
    <message>
        <location filename="../models/import/needsplan.cpp" line="148"/>
        <source>column &quot;%1&quot; is no competency of the teacher&apos;s field %2</source>
        <translation>&quot;%1&quot; sütunu öğretmenin %2 alanının bir yeterliği değil</translation>
    </message>
    <message>
        <location filename="../models/import/needsplan.cpp" line="189"/>
        <source>unknown competency &quot;%1&quot;</source>
        <translation>bilinmeyen yeterlik &quot;%1&quot;</translation>
    </message>
    <message>
        <location filename="../models/import/needsplan.cpp" line="190"/>
        <source>competency %1 is not in the teacher&apos;s field %2</source>
        <translation>%1 yeterliği öğretmenin %2 alanında değil</translation>
    </message>
    <message>
        <location filename="../models/import/needsplan.cpp" line="206"/>
        <source>this teacher&apos;s rating of %1 is also on line %2</source>
        <translation>bu öğretmenin %1 puanı %2. satırda da var</translation>
    </message>
    <message>
        <location filename="../models/import/needsplan.cpp" line="230"/>
        <source>this row is of survey round %1, but the file is imported as round %2</source>
        <translation>bu satır %1. anket turuna ait, ancak dosya %2. tur olarak içe aktarılıyor</translation>
    </message>
    <message>
        <location filename="../models/import/needsplan.cpp" line="297"/>
        <location filename="../models/import/programmeplan.cpp" line="527"/>
        <location filename="../models/import/tableplan.cpp" line="137"/>
        <source>cancelled</source>
        <translation>iptal edildi</translation>
    </message>
    <message>
        <location filename="../models/import/importer.cpp" line="46"/>
        <source>this row changes %1 of a record that %2</source>
        <translation>bu satır bir kaydın %1 değerini değiştiriyor: %2</translation>
    </message>
    <message>
        <location filename="../models/import/importer.cpp" line="67"/>
        <source>the file has no column for %1 (recognised headers: %2)</source>
        <translation>dosyada %1 için sütun yok (tanınan başlıklar: %2)</translation>
    </message>
    <message>
        <location filename="../models/import/importer.cpp" line="80"/>
        <source>column &quot;%1&quot; is not used</source>
        <translation>&quot;%1&quot; sütunu kullanılmıyor</translation>
    </message>
    <message>
        <location filename="../models/import/importer.cpp" line="88"/>
        <source>columns &quot;%1&quot; and &quot;%2&quot; both hold %3</source>
        <translation>&quot;%1&quot; ve &quot;%2&quot; sütunlarının ikisi de %3 içeriyor</translation>
    </message>
    <message>
        <location filename="../models/import/importer.cpp" line="190"/>
        <source>the file has no data rows</source>
        <translation>dosyada veri satırı yok</translation>
    </message>
    <message>
        <location filename="../models/import/importpartners.cpp" line="31"/>
        <source>competency %1 is not in the field %2</source>
        <translation>%1 yeterliği %2 alanında değil</translation>
    </message>
    <message>
        <location filename="../models/import/importpartners.cpp" line="36"/>
        <source>competency code %1 exists in several fields</source>
        <translation>%1 yeterlik kodu birden çok alanda var</translation>
    </message>
    <message>
        <location filename="../models/import/importpartners.cpp" line="43"/>
        <source>unknown competency %1</source>
        <translation>bilinmeyen yeterlik %1</translation>
    </message>
    <message>
        <location filename="../models/import/importpartners.cpp" line="80"/>
        <location filename="../models/import/importpartners.cpp" line="184"/>
        <source>the company name</source>
        <translation>firma adı</translation>
    </message>
    <message>
        <location filename="../models/import/importpartners.cpp" line="81"/>
        <location filename="../models/import/importteachers.cpp" line="82"/>
        <source>the province</source>
        <translation>il</translation>
    </message>
    <message>
        <location filename="../models/import/importpartners.cpp" line="87"/>
        <location filename="../models/import/importpartners.cpp" line="191"/>
        <location filename="../models/import/importteachers.cpp" line="86"/>
        <source>unknown province &quot;%1&quot; (write its name or plate number)</source>
        <translation>bilinmeyen il &quot;%1&quot; (adını ya da plaka numarasını yazın)</translation>
    </message>
    <message>
        <location filename="../models/import/importpartners.cpp" line="94"/>
        <source>the same company (name, province, address) is also on line %1</source>
        <translation>aynı firma (ad, il, adres) %1. satırda da var</translation>
    </message>
    <message>
        <location filename="../models/import/importpartners.cpp" line="103"/>
        <source>%1 companies named &quot;%2&quot; in this province: add the address column to tell them apart</source>
        <translation>bu ilde &quot;%2&quot; adlı %1 firma var: ayırt etmek için adres sütununu ekleyin</translation>
    </message>
    <message>
        <location filename="../models/import/importpartners.cpp" line="126"/>
        <location filename="../models/import/importteachers.cpp" line="160"/>
        <source>&quot;%1&quot; is not an e-mail address</source>
        <translation>&quot;%1&quot; bir e-posta adresi değil</translation>
    </message>
    <message>
        <location filename="../models/import/importpartners.cpp" line="197"/>
        <source>unknown company &quot;%1&quot;: import the partners first</source>
        <translation>bilinmeyen firma &quot;%1&quot;: önce sanayi ortaklarını içe aktarın</translation>
    </message>
    <message>
        <location filename="../models/import/importpartners.cpp" line="200"/>
        <source>%1 companies match &quot;%2&quot;: add the province and address columns</source>
        <translation>&quot;%2&quot; ile %1 firma eşleşiyor: il ve adres sütunlarını ekleyin</translation>
    </message>
    <message>
        <location filename="../models/import/importpartners.cpp" line="210"/>
        <location filename="../models/import/importpartners.cpp" line="273"/>
        <location filename="../models/import/importteachers.cpp" line="108"/>
        <source>the field is empty</source>
        <translation>alan boş</translation>
    </message>
    <message>
        <location filename="../models/import/importpartners.cpp" line="211"/>
        <location filename="../models/import/importpartners.cpp" line="274"/>
        <source>unknown field &quot;%1&quot;</source>
        <translation>bilinmeyen alan &quot;%1&quot;</translation>
    </message>
    <message>
        <location filename="../models/import/importpartners.cpp" line="214"/>
        <source>the start date is empty</source>
        <translation>başlangıç tarihi boş</translation>
    </message>
    <message>
        <location filename="../models/import/importpartners.cpp" line="217"/>
        <source>the end date is empty</source>
        <translation>bitiş tarihi boş</translation>
    </message>
    <message>
        <location filename="../models/import/importpartners.cpp" line="220"/>
        <source>the session ends (%1) before it starts (%2)</source>
        <translation>eğitim dönemi başlamadan (%2) bitiyor (%1)</translation>
    </message>
    <message>
        <location filename="../models/import/importpartners.cpp" line="223"/>
        <source>the capacity is empty</source>
        <translation>kontenjan boş</translation>
    </message>
    <message>
        <location filename="../models/import/importpartners.cpp" line="275"/>
        <source>the competency code</source>
        <translation>yeterlik kodu</translation>
    </message>
    <message>
        <location filename="../models/import/importpartners.cpp" line="276"/>
        <source>the Turkish title</source>
        <translation>Türkçe başlık</translation>
    </message>
    <message>
        <location filename="../models/import/importpartners.cpp" line="281"/>
        <source>competency %1 of this field is also on line %2</source>
        <translation>bu alanın %1 yeterliği %2. satırda da var</translation>
    </message>
    <message>
        <location filename="../models/import/importteachers.cpp" line="18"/>
        <location filename="../models/import/importteachers.cpp" line="100"/>
        <source>%1 is empty</source>
        <translation>%1 boş</translation>
    </message>
    <message>
        <location filename="../models/import/importteachers.cpp" line="69"/>
        <source>national ID %1 is also on line %2</source>
        <translation>%1 T.C. kimlik numarası %2. satırda da var</translation>
    </message>
    <message>
        <location filename="../models/import/importteachers.cpp" line="109"/>
        <source>unknown field &quot;%1&quot; (write its code, e.g. ELK, or its name)</source>
        <translation>bilinmeyen alan &quot;%1&quot; (kodunu, ör. ELK, ya da adını yazın)</translation>
    </message>
    <message>
        <location filename="../models/import/importteachers.cpp" line="132"/>
        <source>%1 schools named &quot;%2&quot; in this province: add the district column to tell them apart</source>
        <translation>bu ilde &quot;%2&quot; adlı %1 okul var: ayırt etmek için ilçe sütununu ekleyin</translation>
    </message>
    <message>
        <location filename="../models/import/importteachers.cpp" line="155"/>
        <source>unknown centre &quot;%1&quot;</source>
        <translation>bilinmeyen merkez &quot;%1&quot;</translation>
    </message>
    <message>
        <location filename="../models/import/importteachers.cpp" line="185"/>
        <source>the availability ends (%1) before it starts (%2)</source>
        <translation>uygunluk başlamadan (%2) bitiyor (%1)</translation>
    </message>
    <message>
        <location filename="../models/import/importteachers.cpp" line="190"/>
        <source>a new teacher needs the column %1</source>
        <translation>yeni bir öğretmen için %1 sütunu gerekli</translation>
    </message>
    <message>
        <location filename="../models/import/programmeplan.cpp" line="27"/>
        <source>&quot;%1&quot; is not a number of hours (e.g. 6 or 6,5)</source>
        <translation>&quot;%1&quot; bir saat değeri değil (örneğin 6 ya da 6,5)</translation>
    </message>
    <message>
        <location filename="../models/import/programmeplan.cpp" line="33"/>
        <source>%1 hours is more than %2</source>
        <translation>%1 saat, %2 saatten fazla</translation>
    </message>
    <message>
        <location filename="../models/import/programmeplan.cpp" line="159"/>
        <source>no teacher has the national ID %1</source>
        <translation>TC kimlik numarası %1 olan öğretmen yok</translation>
    </message>
    <message>
        <location filename="../models/import/programmeplan.cpp" line="167"/>
        <source>the session is given by its number: %1</source>
        <translation>oturum numarasıyla yazılır: %1</translation>
    </message>
    <message>
        <location filename="../models/import/programmeplan.cpp" line="173"/>
        <source>teacher %1 is not placed in session %2</source>
        <translation>%1 numaralı öğretmen %2 numaralı oturuma yerleştirilmemiş</translation>
    </message>
    <message>
        <location filename="../models/import/programmeplan.cpp" line="183"/>
        <source>teacher %1 has no placement</source>
        <translation>%1 numaralı öğretmenin yerleştirmesi yok</translation>
    </message>
    <message>
        <location filename="../models/import/programmeplan.cpp" line="184"/>
        <source>teacher %1 has %2 cancelled placements: add the session column to choose one</source>
        <translation>%1 numaralı öğretmenin %2 iptal edilmiş yerleştirmesi var: birini seçmek için oturum sütununu ekleyin</translation>
    </message>
    <message>
        <location filename="../models/import/programmeplan.cpp" line="194"/>
        <source>an attendance file needs the columns day and hours, or total hours, or outcome</source>
        <translation>devam dosyasında gün ve saat sütunları, ya da toplam saat, ya da sonuç sütunu olmalı</translation>
    </message>
    <message>
        <location filename="../models/import/programmeplan.cpp" line="199"/>
        <source>the columns day and hours go together: the file has only one of them</source>
        <translation>gün ve saat sütunları birlikte kullanılır: dosyada yalnızca biri var</translation>
    </message>
    <message>
        <location filename="../models/import/programmeplan.cpp" line="225"/>
        <source>&quot;%1&quot; is no absence reason (hastalık, izinli, izinsiz, işletme, diğer)</source>
        <translation>&quot;%1&quot; bir devamsızlık nedeni değil (hastalık, izinli, izinsiz, işletme, diğer)</translation>
    </message>
    <message>
        <location filename="../models/import/programmeplan.cpp" line="233"/>
        <source>the day is empty (hours are recorded per day)</source>
        <translation>gün boş (saatler gün gün kaydedilir)</translation>
    </message>
    <message>
        <location filename="../models/import/programmeplan.cpp" line="236"/>
        <source>the hours attended are empty (0 for a day missed)</source>
        <translation>katılım saati boş (hiç gelinmeyen gün için 0 yazın)</translation>
    </message>
    <message>
        <location filename="../models/import/programmeplan.cpp" line="240"/>
        <source>a row holds either a day with its hours or a total, not both</source>
        <translation>bir satırda ya saatiyle bir gün ya da toplam olur, ikisi birden olmaz</translation>
    </message>
    <message>
        <location filename="../models/import/programmeplan.cpp" line="245"/>
        <source>%1 is outside the session (%2 to %3)</source>
        <translation>%1 oturumun dışında (%2 – %3)</translation>
    </message>
    <message>
        <location filename="../models/import/programmeplan.cpp" line="249"/>
        <source>this day of this placement is also on line %1</source>
        <translation>bu yerleştirmenin bu günü %1. satırda da var</translation>
    </message>
    <message>
        <location filename="../models/import/programmeplan.cpp" line="254"/>
        <source>line %1 gives a total for this placement: give days or a total</source>
        <translation>%1. satır bu yerleştirme için toplam veriyor: ya günleri ya da toplamı yazın</translation>
    </message>
    <message>
        <location filename="../models/import/programmeplan.cpp" line="263"/>
        <source>an absence reason belongs to a day: give the days, not a total</source>
        <translation>devamsızlık nedeni bir güne aittir: toplamı değil günleri yazın</translation>
    </message>
    <message>
        <location filename="../models/import/programmeplan.cpp" line="274"/>
        <source>%1 hours do not fit into the %2 days of the session</source>
        <translation>%1 saat, oturumun %2 gününe sığmıyor</translation>
    </message>
    <message>
        <location filename="../models/import/programmeplan.cpp" line="276"/>
        <source>the total of this placement is also on line %1</source>
        <translation>bu yerleştirmenin toplamı %1. satırda da var</translation>
    </message>
    <message>
        <location filename="../models/import/programmeplan.cpp" line="279"/>
        <source>line %1 gives days of this placement: give days or a total</source>
        <translation>%1. satır bu yerleştirmenin günlerini veriyor: ya günleri ya da toplamı yazın</translation>
    </message>
    <message>
        <location filename="../models/import/programmeplan.cpp" line="287"/>
        <source>an absence reason needs the day and the hours missed</source>
        <translation>devamsızlık nedeni için gün ve kaçırılan saatler gerekir</translation>
    </message>
    <message>
        <location filename="../models/import/programmeplan.cpp" line="296"/>
        <source>&quot;%1&quot; is no outcome (tamamladı or iptal; empty: unchanged)</source>
        <translation>&quot;%1&quot; bir sonuç değil (tamamladı ya da iptal; boş: değişmez)</translation>
    </message>
    <message>
        <location filename="../models/import/programmeplan.cpp" line="304"/>
        <source>&quot;%1&quot; is no cancellation reason (hastalık, çekildi, işletme iptal etti, diğer)</source>
        <translation>&quot;%1&quot; bir iptal nedeni değil (hastalık, çekildi, işletme iptal etti, diğer)</translation>
    </message>
    <message>
        <location filename="../models/import/programmeplan.cpp" line="307"/>
        <source>a cancellation reason needs the outcome iptal (cancelled)</source>
        <translation>iptal nedeni yalnızca iptal sonucuyla yazılır</translation>
    </message>
    <message>
        <location filename="../models/import/programmeplan.cpp" line="323"/>
        <source>line %1 gives this placement another outcome</source>
        <translation>%1. satır bu yerleştirmeye başka bir sonuç veriyor</translation>
    </message>
    <message>
        <location filename="../models/import/programmeplan.cpp" line="407"/>
        <source>there is no questionnaire item %1</source>
        <translation>%1 adlı anket maddesi yok</translation>
    </message>
    <message>
        <location filename="../models/import/programmeplan.cpp" line="408"/>
        <source>questionnaire item %1 is of both kinds of evaluation: the column cannot tell which one it answers</source>
        <translation>%1 anket maddesi iki değerlendirme türünde de var: sütunun hangisini yanıtladığı anlaşılamıyor</translation>
    </message>
    <message>
        <location filename="../models/import/programmeplan.cpp" line="418"/>
        <source>no column names a questionnaire item: use the item codes (T1 … T5 for the training, P1 … P5 for the teacher) or their texts as headers</source>
        <translation>hiçbir sütun bir anket maddesini belirtmiyor: başlık olarak madde kodlarını (eğitim için T1 … T5, öğretmen için P1 … P5) ya da madde metinlerini kullanın</translation>
    </message>
    <message>
        <location filename="../models/import/programmeplan.cpp" line="430"/>
        <source>the evaluation of this placement is also on line %1</source>
        <translation>bu yerleştirmenin değerlendirmesi %1. satırda da var</translation>
    </message>
    <message>
        <location filename="../models/import/programmeplan.cpp" line="492"/>
        <source>this row changes a placement: %1</source>
        <translation>bu satır bir yerleştirmeyi değiştiriyor: %1</translation>
    </message>
</context>
<context>
    <name>ImportKind</name>
    <message>
        <location filename="../models/import/importkind.cpp" line="175"/>
        <source>Teachers</source>
        <translation>Öğretmenler</translation>
    </message>
    <message>
        <location filename="../models/import/importkind.cpp" line="177"/>
        <source>Industry partners</source>
        <translation>İşletmeler</translation>
    </message>
    <message>
        <location filename="../models/import/importkind.cpp" line="179"/>
        <source>Training sessions</source>
        <translation>Eğitim oturumları</translation>
    </message>
    <message>
        <location filename="../models/import/importkind.cpp" line="181"/>
        <source>Competencies</source>
        <translation>Yeterlikler</translation>
    </message>
    <message>
        <location filename="../models/import/importkind.cpp" line="183"/>
        <source>Needs survey results</source>
        <translation>İhtiyaç anketi sonuçları</translation>
    </message>
    <message>
        <location filename="../models/import/importkind.cpp" line="185"/>
        <source>Attendance and outcomes</source>
        <translation>Devam ve sonuçlar</translation>
    </message>
    <message>
        <location filename="../models/import/importkind.cpp" line="187"/>
        <source>Evaluations</source>
        <translation>Değerlendirmeler</translation>
    </message>
</context>
<context>
    <name>ImportReport</name>
    <message>
        <location filename="../models/import/importreport.cpp" line="12"/>
        <source>need ratings</source>
        <translation>ihtiyaç puanı</translation>
    </message>
    <message>
        <location filename="../models/import/importreport.cpp" line="13"/>
        <source>attendance days and outcomes</source>
        <translation>devam günü ve sonuç</translation>
    </message>
    <message>
        <location filename="../models/import/importreport.cpp" line="14"/>
        <source>evaluation answers</source>
        <translation>değerlendirme yanıtı</translation>
    </message>
    <message>
        <location filename="../models/import/importreport.cpp" line="15"/>
        <source>rows</source>
        <translation>satır</translation>
    </message>
    <message>
        <location filename="../models/import/importreport.cpp" line="17"/>
        <source>%1: %2 %3 inserted, %4 updated, %5 skipped</source>
        <translation>%1: %2 %3 eklendi, %4 güncellendi, %5 atlandı</translation>
    </message>
    <message>
        <location filename="../models/import/importreport.cpp" line="20"/>
        <source>dry run, nothing written: %1</source>
        <translation>deneme (yazmadan), hiçbir şey yazılmadı: %1</translation>
    </message>
</context>
<context>
    <name>ImportTarget</name>
    <message>
        <location filename="../models/import/importkind.cpp" line="11"/>
        <source>National ID</source>
        <translation>T.C. Kimlik No</translation>
    </message>
    <message>
        <location filename="../models/import/importkind.cpp" line="14"/>
        <source>Field</source>
        <translation>Alan</translation>
    </message>
    <message>
        <location filename="../models/import/importkind.cpp" line="16"/>
        <location filename="../models/import/importkind.cpp" line="72"/>
        <source>Province</source>
        <translation>İl</translation>
    </message>
    <message>
        <location filename="../models/import/importkind.cpp" line="18"/>
        <source>District</source>
        <translation>İlçe</translation>
    </message>
    <message>
        <location filename="../models/import/importkind.cpp" line="20"/>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <location filename="../models/import/importkind.cpp" line="22"/>
        <source>E-mail</source>
        <translation>E-posta</translation>
    </message>
    <message>
        <location filename="../models/import/importkind.cpp" line="24"/>
        <source>Competencies</source>
        <translation>Yeterlikler</translation>
    </message>
    <message>
        <location filename="../models/import/importkind.cpp" line="29"/>
        <source>First name</source>
        <translation>Ad</translation>
    </message>
    <message>
        <location filename="../models/import/importkind.cpp" line="30"/>
        <source>Last name</source>
        <translation>Soyad</translation>
    </message>
    <message>
        <location filename="../models/import/importkind.cpp" line="33"/>
        <source>Branch</source>
        <translation>Branş</translation>
    </message>
    <message>
        <location filename="../models/import/importkind.cpp" line="34"/>
        <source>School</source>
        <translation>Okul</translation>
    </message>
    <message>
        <location filename="../models/import/importkind.cpp" line="37"/>
        <source>Centre</source>
        <translation>Merkez</translation>
    </message>
    <message>
        <location filename="../models/import/importkind.cpp" line="41"/>
        <source>Years of experience</source>
        <translation>Deneyim yılı</translation>
    </message>
    <message>
        <location filename="../models/import/importkind.cpp" line="43"/>
        <source>Available from</source>
        <translation>Müsaitlik başlangıcı</translation>
    </message>
    <message>
        <location filename="../models/import/importkind.cpp" line="45"/>
        <source>Available to</source>
        <translation>Müsaitlik bitişi</translation>
    </message>
    <message>
        <location filename="../models/import/importkind.cpp" line="47"/>
        <source>Notes</source>
        <translation>Notlar</translation>
    </message>
    <message>
        <location filename="../models/import/importkind.cpp" line="50"/>
        <source>Company</source>
        <translation>İşletme</translation>
    </message>
    <message>
        <location filename="../models/import/importkind.cpp" line="52"/>
        <source>Address</source>
        <translation>Adres</translation>
    </message>
    <message>
        <location filename="../models/import/importkind.cpp" line="56"/>
        <source>Sector</source>
        <translation>Sektör</translation>
    </message>
    <message>
        <location filename="../models/import/importkind.cpp" line="60"/>
        <source>Contact person</source>
        <translation>İrtibat kişisi</translation>
    </message>
    <message>
        <location filename="../models/import/importkind.cpp" line="64"/>
        <source>Protocol date</source>
        <translation>Protokol tarihi</translation>
    </message>
    <message>
        <location filename="../models/import/importkind.cpp" line="66"/>
        <source>Active</source>
        <translation>Aktif</translation>
    </message>
    <message>
        <location filename="../models/import/importkind.cpp" line="75"/>
        <source>Start date</source>
        <translation>Başlangıç tarihi</translation>
    </message>
    <message>
        <location filename="../models/import/importkind.cpp" line="77"/>
        <source>End date</source>
        <translation>Bitiş tarihi</translation>
    </message>
    <message>
        <location filename="../models/import/importkind.cpp" line="78"/>
        <source>Hours</source>
        <translation>Saat</translation>
    </message>
    <message>
        <location filename="../models/import/importkind.cpp" line="79"/>
        <source>Capacity</source>
        <translation>Kontenjan</translation>
    </message>
    <message>
        <location filename="../models/import/importkind.cpp" line="85"/>
        <source>Code</source>
        <translation>Kod</translation>
    </message>
    <message>
        <location filename="../models/import/importkind.cpp" line="86"/>
        <source>Turkish title</source>
        <translation>Türkçe ad</translation>
    </message>
    <message>
        <location filename="../models/import/importkind.cpp" line="88"/>
        <source>English title</source>
        <translation>İngilizce ad</translation>
    </message>
    <message>
        <location filename="../models/import/importkind.cpp" line="89"/>
        <source>Unit</source>
        <translation>Ünite</translation>
    </message>
    <message>
        <location filename="../models/import/importkind.cpp" line="96"/>
        <source>Competency</source>
        <translation>Yeterlik</translation>
    </message>
    <message>
        <location filename="../models/import/importkind.cpp" line="98"/>
        <source>Need (1-5)</source>
        <translation>İhtiyaç (1-5)</translation>
    </message>
    <message>
        <location filename="../models/import/importkind.cpp" line="99"/>
        <source>Proficiency (1-5)</source>
        <translation>Mevcut düzey (1-5)</translation>
    </message>
    <message>
        <location filename="../models/import/importkind.cpp" line="101"/>
        <source>Survey round</source>
        <translation>Anket turu</translation>
    </message>
    <message>
        <location filename="../models/import/importkind.cpp" line="106"/>
        <source>Session</source>
        <translation>Oturum</translation>
    </message>
    <message>
        <location filename="../models/import/importkind.cpp" line="112"/>
        <source>Day</source>
        <translation>Gün</translation>
    </message>
    <message>
        <location filename="../models/import/importkind.cpp" line="113"/>
        <source>Hours attended</source>
        <translation>Katılım saati</translation>
    </message>
    <message>
        <location filename="../models/import/importkind.cpp" line="115"/>
        <source>Total hours attended</source>
        <translation>Toplam katılım saati</translation>
    </message>
    <message>
        <location filename="../models/import/importkind.cpp" line="117"/>
        <source>Absence reason</source>
        <translation>Devamsızlık nedeni</translation>
    </message>
    <message>
        <location filename="../models/import/importkind.cpp" line="119"/>
        <source>Outcome</source>
        <translation>Sonuç</translation>
    </message>
    <message>
        <location filename="../models/import/importkind.cpp" line="120"/>
        <source>Cancellation reason</source>
        <translation>İptal nedeni</translation>
    </message>
</context>
<context>
    <name>InputLimits</name>
    <message>
        <location filename="../models/io/inputlimits.cpp" line="24"/>
        <source>the file does not exist</source>
        <translation>dosya yok</translation>
    </message>
    <message>
        <location filename="../models/io/inputlimits.cpp" line="26"/>
        <source>this is a folder, not a file</source>
        <translation>bu bir klasör, dosya değil</translation>
    </message>
    <message>
        <location filename="../models/io/inputlimits.cpp" line="28"/>
        <source>this is not a regular file (a pipe, a device or a socket); save the table as a .csv or .xlsx file</source>
        <translation>bu normal bir dosya değil (bir boru, bir aygıt ya da bir soket); tabloyu .csv ya da .xlsx dosyası olarak kaydedin</translation>
    </message>
    <message>
        <location filename="../models/io/inputlimits.cpp" line="32"/>
        <source>the file cannot be read (no permission)</source>
        <translation>dosya okunamıyor (izin yok)</translation>
    </message>
    <message>
        <location filename="../models/io/inputlimits.cpp" line="34"/>
        <source>the file is too large (%1; Köprü reads tables of up to %2): split it into smaller files</source>
        <translation>dosya çok büyük (%1; Köprü en çok %2 boyutunda tablo okur): daha küçük dosyalara bölün</translation>
    </message>
    <message>
        <location filename="../models/io/inputlimits.cpp" line="43"/>
        <source>the cell holds %1 characters; a cell may hold at most %2</source>
        <translation>hücrede %1 karakter var; bir hücrede en çok %2 karakter olabilir</translation>
    </message>
    <message>
        <location filename="../models/io/inputlimits.cpp" line="51"/>
        <source>the cell holds the control character U+%1, which no name or value contains (is the file damaged?)</source>
        <translation>hücrede U+%1 denetim karakteri var; hiçbir ad ya da değer bunu içermez (dosya hasarlı mı?)</translation>
    </message>
    <message>
        <location filename="../models/io/inputlimits.cpp" line="54"/>
        <source>the cell holds bytes that are not valid in the file&apos;s encoding: the file mixes encodings; save it again as UTF-8, or choose the encoding it was written in</source>
        <translation>hücrede dosyanın kodlamasında geçersiz baytlar var: dosyada kodlamalar karışmış; dosyayı UTF-8 olarak yeniden kaydedin ya da yazıldığı kodlamayı seçin</translation>
    </message>
</context>
<context>
    <name>InstanceLock</name>
    <message>
        <location filename="../models/safety/instancelock.cpp" line="36"/>
        <source>unknown program</source>
        <translation>bilinmeyen program</translation>
    </message>
    <message>
        <location filename="../models/safety/instancelock.cpp" line="38"/>
        <source>process %1 (%2) on this computer</source>
        <translation>bu bilgisayarda %1 numaralı süreç (%2)</translation>
    </message>
    <message>
        <location filename="../models/safety/instancelock.cpp" line="39"/>
        <source>process %1 (%2) on the computer %3</source>
        <translation>%3 bilgisayarında %1 numaralı süreç (%2)</translation>
    </message>
    <message>
        <location filename="../models/safety/instancelock.cpp" line="67"/>
        <source>the database is in use by another Köprü program (%1); close it there, or wait until it has finished, and try again</source>
        <translation>veritabanı başka bir Köprü programı tarafından kullanılıyor (%1); orada kapatın ya da işini bitirmesini bekleyip yeniden deneyin</translation>
    </message>
    <message>
        <location filename="../models/safety/instancelock.cpp" line="72"/>
        <source>the database is in use by another Köprü program; close it there, or wait until it has finished, and try again</source>
        <translation>veritabanı başka bir Köprü programı tarafından kullanılıyor; orada kapatın ya da işini bitirmesini bekleyip yeniden deneyin</translation>
    </message>
    <message>
        <location filename="../models/safety/instancelock.cpp" line="78"/>
        <source>cannot create the lock file %1 (no write permission in the folder)</source>
        <translation>kilit dosyası %1 oluşturulamıyor (klasörde yazma izni yok)</translation>
    </message>
    <message>
        <location filename="../models/safety/instancelock.cpp" line="81"/>
        <source>cannot create the lock file %1</source>
        <translation>kilit dosyası %1 oluşturulamıyor</translation>
    </message>
</context>
<context>
    <name>IntegrityCheck</name>
    <message>
        <location filename="../models/db/integritycheck.cpp" line="34"/>
        <location filename="../views/safety/backgroundbackup.cpp" line="22"/>
        <source>the integrity check could not run: %1</source>
        <translation>bütünlük denetimi çalıştırılamadı: %1</translation>
    </message>
    <message>
        <location filename="../models/db/integritycheck.cpp" line="40"/>
        <source>storage: %1</source>
        <translation>depolama: %1</translation>
    </message>
    <message>
        <location filename="../models/db/integritycheck.cpp" line="45"/>
        <source>table %1, row %2: refers to a missing row of %3</source>
        <translation>%1 tablosu, satır %2: %3 tablosunda bulunmayan bir satıra başvuruyor</translation>
    </message>
    <message>
        <location filename="../models/db/integritycheck.cpp" line="54"/>
        <source>table %1 is missing or unreadable</source>
        <translation>%1 tablosu eksik ya da okunamıyor</translation>
    </message>
    <message>
        <location filename="../models/db/integritycheck.cpp" line="61"/>
        <source>teacher %1: %2</source>
        <translation>öğretmen %1: %2</translation>
    </message>
    <message>
        <location filename="../models/db/integritycheck.cpp" line="72"/>
        <source>%1 need ratings are for a competency outside the teacher&apos;s field</source>
        <translation>%1 ihtiyaç puanı, öğretmenin alanı dışındaki bir yeterliğe ait</translation>
    </message>
    <message>
        <location filename="../models/db/integritycheck.cpp" line="76"/>
        <source>%1 placements put a teacher into a session of another field</source>
        <translation>%1 yerleştirme, öğretmeni başka bir alanın oturumuna yerleştiriyor</translation>
    </message>
    <message>
        <location filename="../models/db/integritycheck.cpp" line="80"/>
        <source>%1 sessions hold more teachers than their capacity</source>
        <translation>%1 oturumda kontenjandan fazla öğretmen var</translation>
    </message>
</context>
<context>
    <name>LikertScale</name>
    <message>
        <location filename="../models/stats/likertscale.cpp" line="18"/>
        <source>1 no need</source>
        <translation>1 ihtiyaç yok</translation>
    </message>
    <message>
        <location filename="../models/stats/likertscale.cpp" line="19"/>
        <source>2 low need</source>
        <translation>2 düşük ihtiyaç</translation>
    </message>
    <message>
        <location filename="../models/stats/likertscale.cpp" line="19"/>
        <source>3 moderate need</source>
        <translation>3 orta düzeyde ihtiyaç</translation>
    </message>
    <message>
        <location filename="../models/stats/likertscale.cpp" line="20"/>
        <source>4 high need</source>
        <translation>4 yüksek ihtiyaç</translation>
    </message>
    <message>
        <location filename="../models/stats/likertscale.cpp" line="21"/>
        <source>5 very high need</source>
        <translation>5 çok yüksek ihtiyaç</translation>
    </message>
    <message>
        <location filename="../models/stats/likertscale.cpp" line="51"/>
        <source>not applicable</source>
        <translation>fikrim yok</translation>
    </message>
</context>
<context>
    <name>NationalId</name>
    <message>
        <location filename="../models/domain/nationalid.cpp" line="47"/>
        <source>it is written with Arabic-Indic digits; write it with the digits 0 to 9</source>
        <translation>Arap-Hint rakamlarıyla yazılmış; 0-9 rakamlarıyla yazın</translation>
    </message>
    <message>
        <location filename="../models/domain/nationalid.cpp" line="49"/>
        <source>it has the digit &quot;%1&quot; of another script; write it with the digits 0 to 9</source>
        <translation>başka bir yazı sisteminin &quot;%1&quot; rakamını içeriyor; 0-9 rakamlarıyla yazın</translation>
    </message>
    <message>
        <location filename="../models/domain/nationalid.cpp" line="54"/>
        <source>a national ID has 11 digits, this one has %1 characters</source>
        <translation>T.C. kimlik numarası 11 hanelidir, bu değer %1 karakter</translation>
    </message>
    <message>
        <location filename="../models/domain/nationalid.cpp" line="57"/>
        <source>a national ID contains digits only</source>
        <translation>T.C. kimlik numarası yalnızca rakamlardan oluşur</translation>
    </message>
    <message>
        <location filename="../models/domain/nationalid.cpp" line="59"/>
        <source>a national ID cannot start with 0</source>
        <translation>T.C. kimlik numarası 0 ile başlayamaz</translation>
    </message>
    <message>
        <location filename="../models/domain/nationalid.cpp" line="62"/>
        <source>the check digits of the national ID do not match (mistyped?)</source>
        <translation>T.C. kimlik numarasının kontrol haneleri tutmuyor (yanlış mı yazıldı?)</translation>
    </message>
</context>
<context>
    <name>Navigation</name>
    <message>
        <location filename="../views/needs/needspage.cpp" line="64"/>
        <source>Needs analysis</source>
        <translation>İhtiyaç analizi</translation>
    </message>
    <message>
        <location filename="../views/overview/overviewpage.cpp" line="116"/>
        <source>Overview</source>
        <translation>Genel bakış</translation>
    </message>
    <message>
        <location filename="../views/quality/qualitypage.cpp" line="177"/>
        <source>Quality</source>
        <translation>Kalite</translation>
    </message>
</context>
<context>
    <name>OpenGuard</name>
    <message>
        <location filename="../views/safety/openguard.cpp" line="70"/>
        <source>&amp;Restore a Backup…</source>
        <translation>&amp;Yedekten geri yükle…</translation>
    </message>
    <message>
        <location filename="../views/safety/openguard.cpp" line="74"/>
        <source>Open &amp;Read-Only</source>
        <translation>&amp;Salt okunur aç</translation>
    </message>
    <message>
        <location filename="../views/safety/openguard.cpp" line="94"/>
        <location filename="../views/safety/openguard.cpp" line="109"/>
        <location filename="../views/safety/openguard.cpp" line="146"/>
        <location filename="../views/safety/openguard.cpp" line="161"/>
        <location filename="../views/safety/openguard.cpp" line="164"/>
        <source>Cannot Open the Database</source>
        <translation>Veritabanı açılamıyor</translation>
    </message>
    <message>
        <location filename="../views/safety/openguard.cpp" line="110"/>
        <source>%1 does not exist or is not a file.</source>
        <translation>%1 yok ya da bir dosya değil.</translation>
    </message>
    <message>
        <location filename="../views/safety/openguard.cpp" line="114"/>
        <source>Database on a Shared or Synced Folder</source>
        <translation>Paylaşılan veya eşitlenen klasördeki veritabanı</translation>
    </message>
    <message>
        <location filename="../views/safety/openguard.cpp" line="120"/>
        <source>Read-Only Database</source>
        <translation>Salt okunur veritabanı</translation>
    </message>
    <message>
        <location filename="../views/safety/openguard.cpp" line="121"/>
        <source>%1 is read-only (write-protected, or you lack the permission to change it). It is opened read-only: you can look at the data and export it, but not change it.</source>
        <translation>%1 salt okunur (yazmaya karşı korumalı ya da değiştirme izniniz yok). Salt okunur olarak açıldı: verileri görüntüleyip dışa aktarabilirsiniz, ancak değiştiremezsiniz.</translation>
    </message>
    <message>
        <location filename="../views/safety/openguard.cpp" line="132"/>
        <source>%1 is already open in another Köprü window%2.

Two windows writing to the same database would overwrite each other&apos;s work. Switch to that window, or open the file read-only here.</source>
        <translation>%1 zaten başka bir Köprü penceresinde açık%2.

Aynı veritabanına iki pencereden yazılırsa biri diğerinin çalışmasının üzerine yazar. O pencereye geçin ya da dosyayı burada salt okunur açın.</translation>
    </message>
    <message>
        <location filename="../views/safety/openguard.cpp" line="136"/>
        <source>Database in Use</source>
        <translation>Veritabanı kullanımda</translation>
    </message>
    <message>
        <location filename="../views/safety/openguard.cpp" line="147"/>
        <source>The database must be upgraded, but no backup could be made first, so it was left alone.

%1</source>
        <translation>Veritabanının yükseltilmesi gerekiyor, ancak önce yedek alınamadığı için dosyaya dokunulmadı.

%1</translation>
    </message>
    <message>
        <location filename="../views/safety/openguard.cpp" line="165"/>
        <source>%1 cannot be opened. You can restore one of its automatic backups.</source>
        <translation>%1 açılamıyor. Otomatik yedeklerinden birini geri yükleyebilirsiniz.</translation>
    </message>
    <message>
        <location filename="../views/safety/openguard.cpp" line="205"/>
        <source>%1 failed its integrity check: the file is damaged or holds data that breaks Köprü&apos;s rules. Restore a backup, or open it read-only to look at it and export what you need.</source>
        <translation>%1 bütünlük denetimini geçemedi: dosya hasarlı ya da Köprü&apos;nün kurallarına aykırı veriler içeriyor. Bir yedeği geri yükleyin veya dosyayı salt okunur açarak inceleyin ve gerekenleri dışa aktarın.</translation>
    </message>
    <message>
        <location filename="../views/safety/openguard.cpp" line="208"/>
        <source>%1 failed its integrity check: the file is damaged or holds data that breaks Köprü&apos;s rules. There is no backup of it; you can open it read-only to look at it and export what you need.</source>
        <translation>%1 bütünlük denetimini geçemedi: dosya hasarlı ya da Köprü&apos;nün kurallarına aykırı veriler içeriyor. Dosyanın yedeği yok; salt okunur açarak inceleyebilir ve gerekenleri dışa aktarabilirsiniz.</translation>
    </message>
    <message>
        <location filename="../views/safety/openguard.cpp" line="211"/>
        <source>Damaged Database</source>
        <translation>Hasarlı veritabanı</translation>
    </message>
    <message>
        <location filename="../views/safety/openguard.cpp" line="230"/>
        <source>No Automatic Backup</source>
        <translation>Otomatik yedek alınamadı</translation>
    </message>
    <message>
        <location filename="../views/safety/openguard.cpp" line="231"/>
        <source>The automatic backup of %1 could not be made. You can go on working; save a copy by hand to be safe.

%2</source>
        <translation>%1 için otomatik yedek alınamadı. Çalışmaya devam edebilirsiniz; güvende olmak için elle bir kopya kaydedin.

%2</translation>
    </message>
    <message>
        <location filename="../views/safety/openguard.cpp" line="256"/>
        <source>Restore &amp;Backup…</source>
        <translation>Yedekten &amp;geri yükle…</translation>
    </message>
    <message>
        <location filename="../views/safety/openguard.cpp" line="258"/>
        <source>Go back to one of the automatic backups of the database</source>
        <translation>Veritabanının otomatik yedeklerinden birine geri dön</translation>
    </message>
    <message>
        <location filename="../views/safety/openguard.cpp" line="263"/>
        <source>Database to Restore</source>
        <translation>Geri yüklenecek veritabanı</translation>
    </message>
    <message>
        <location filename="../views/safety/openguard.cpp" line="264"/>
        <source>Köprü databases (*.kopru)</source>
        <translation>Köprü veritabanları (*.kopru)</translation>
    </message>
</context>
<context>
    <name>Ownership</name>
    <message>
        <location filename="../models/exchange/ownership.cpp" line="73"/>
        <source>it belongs to the national office</source>
        <translation>kayıt Genel Müdürlüğündür</translation>
    </message>
    <message>
        <location filename="../models/exchange/ownership.cpp" line="74"/>
        <source>it belongs to centre %1</source>
        <translation>kayıt %1 numaralı merkezindir</translation>
    </message>
    <message>
        <location filename="../models/exchange/ownership.cpp" line="82"/>
        <source>%1; a centre cannot change it</source>
        <translation>%1; bir merkez onu değiştiremez</translation>
    </message>
    <message>
        <location filename="../models/exchange/ownership.cpp" line="88"/>
        <source>the national office records this for teachers without a centre</source>
        <translation>merkezi olmayan öğretmenler için bunu Genel Müdürlük kaydeder</translation>
    </message>
    <message>
        <location filename="../models/exchange/ownership.cpp" line="89"/>
        <source>centre %1 records this for its teachers; changes come from there</source>
        <translation>bunu öğretmenleri için %1 numaralı merkez kaydeder; değişiklikler oradan gelir</translation>
    </message>
    <message>
        <location filename="../models/exchange/ownership.cpp" line="95"/>
        <source>%1: propose a correction instead (Teachers: right-click the teacher › Propose Correction)</source>
        <translation>%1: bunun yerine düzeltme önerin (Öğretmenler: öğretmene sağ tıklayın › Düzeltme Öner)</translation>
    </message>
    <message>
        <location filename="../models/exchange/ownership.cpp" line="97"/>
        <source>%1; changes come from there</source>
        <translation>%1; değişiklikler oradan gelir</translation>
    </message>
    <message>
        <location filename="../models/exchange/ownership.cpp" line="105"/>
        <source>only the national office adds these; a centre receives them with its packages</source>
        <translation>bunları yalnızca Genel Müdürlük ekler; merkez onları paketleriyle alır</translation>
    </message>
</context>
<context>
    <name>Package</name>
    <message>
        <location filename="../models/exchange/applytable.cpp" line="217"/>
        <location filename="../models/exchange/applytable.cpp" line="346"/>
        <source>the package&apos;s table %1 refers to a record of %2 that this database does not have (id %3)</source>
        <translation>paketin %1 tablosu, bu veritabanında olmayan bir %2 kaydına başvuruyor (kimlik %3)</translation>
    </message>
    <message numerus="yes">
        <location filename="../models/exchange/packageapplier.cpp" line="100"/>
        <source>applying the package would break %n reference(s) between records</source>
        <translation>
            <numerusform>paketi uygulamak kayıtlar arasındaki %n bağlantıyı bozardı</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../models/exchange/packagemanifest.cpp" line="67"/>
        <location filename="../models/exchange/packagemanifest.cpp" line="69"/>
        <source>the package has no manifest</source>
        <translation>paketin bildirimi (manifest) yok</translation>
    </message>
    <message>
        <location filename="../models/exchange/packagemanifest.cpp" line="74"/>
        <source>the package&apos;s manifest lacks &quot;%1&quot;</source>
        <translation>paketin bildiriminde &quot;%1&quot; eksik</translation>
    </message>
    <message>
        <location filename="../models/exchange/packagemanifest.cpp" line="91"/>
        <source>the package&apos;s manifest is damaged (a number is not a number)</source>
        <translation>paketin bildirimi bozuk (bir sayı, sayı değil)</translation>
    </message>
    <message>
        <location filename="../models/exchange/packagemanifest.cpp" line="95"/>
        <source>the package&apos;s manifest names an unknown sender or receiver</source>
        <translation>paketin bildirimi bilinmeyen bir gönderen ya da alıcı adlandırıyor</translation>
    </message>
    <message>
        <location filename="../models/exchange/packer.cpp" line="110"/>
        <source>a centre sends its packages to the national office only (this database is %1)</source>
        <translation>bir merkez paketlerini yalnızca Genel Müdürlüğe gönderir (bu veritabanı: %1)</translation>
    </message>
    <message>
        <location filename="../models/exchange/packer.cpp" line="112"/>
        <source>the national office sends packages to centres (--to CENTRE)</source>
        <translation>Genel Müdürlük paketleri merkezlere gönderir (--to MERKEZ)</translation>
    </message>
    <message>
        <location filename="../models/exchange/packer.cpp" line="118"/>
        <source>there is no centre %1</source>
        <translation>%1 numaralı merkez yok</translation>
    </message>
    <message>
        <location filename="../models/exchange/receiver.cpp" line="52"/>
        <source>package %1 from %2</source>
        <translation>%2 kaynaklı %1 numaralı paket</translation>
    </message>
    <message>
        <location filename="../models/exchange/receiver.cpp" line="64"/>
        <source>this is not a Köprü package (a .kopru-pkg file made by kopru-cli pack or File › Send to…)</source>
        <translation>bu bir Köprü paketi değil (kopru-cli pack ya da Dosya › Gönder… ile yapılan bir .kopru-pkg dosyası)</translation>
    </message>
    <message>
        <location filename="../models/exchange/receiver.cpp" line="74"/>
        <location filename="../models/exchange/receiver.cpp" line="90"/>
        <location filename="../models/exchange/receiver.cpp" line="235"/>
        <location filename="../models/exchange/receiver.cpp" line="264"/>
        <source>the package is damaged (%1)</source>
        <translation>paket bozuk (%1)</translation>
    </message>
    <message>
        <location filename="../models/exchange/receiver.cpp" line="79"/>
        <source>the package was made by a newer Köprü (package format %1; this program reads %2): install the newer version</source>
        <translation>paket daha yeni bir Köprü ile yapılmış (paket biçimi %1; bu program %2 okur): yeni sürümü kurun</translation>
    </message>
    <message>
        <location filename="../models/exchange/receiver.cpp" line="84"/>
        <source>the package was made by a newer Köprü (schema version %1; this program knows up to %2): install the newer version</source>
        <translation>paket daha yeni bir Köprü ile yapılmış (şema sürümü %1; bu program en çok %2 bilir): yeni sürümü kurun</translation>
    </message>
    <message>
        <location filename="../models/exchange/receiver.cpp" line="93"/>
        <source>the package&apos;s content does not match its checksum: it was damaged or changed after it was made</source>
        <translation>paketin içeriği sağlama toplamıyla uyuşmuyor: yapıldıktan sonra bozulmuş ya da değiştirilmiş</translation>
    </message>
    <message>
        <location filename="../models/exchange/receiver.cpp" line="107"/>
        <source>this package was made by this database itself</source>
        <translation>bu paketi bu veritabanının kendisi yapmış</translation>
    </message>
    <message>
        <location filename="../models/exchange/receiver.cpp" line="109"/>
        <source>this package is for %1 (database %2), not for this database (%3)</source>
        <translation>bu paket %1 için (veritabanı %2), bu veritabanı (%3) için değil</translation>
    </message>
    <message>
        <location filename="../models/exchange/receiver.cpp" line="111"/>
        <source>not yet known</source>
        <translation>henüz bilinmiyor</translation>
    </message>
    <message>
        <location filename="../models/exchange/receiver.cpp" line="116"/>
        <source>unknown sender: %1 does not exchange packages with %2</source>
        <translation>bilinmeyen gönderen: %1, %2 ile paket alışverişi yapmaz</translation>
    </message>
    <message>
        <location filename="../models/exchange/receiver.cpp" line="124"/>
        <source>unknown sender: there is no centre %1</source>
        <translation>bilinmeyen gönderen: %1 numaralı merkez yok</translation>
    </message>
    <message>
        <location filename="../models/exchange/receiver.cpp" line="133"/>
        <source>unknown sender: %1 is database %2 for this database, this package comes from database %3</source>
        <translation>bilinmeyen gönderen: bu veritabanı için %1, %2 veritabanıdır; bu paket %3 veritabanından geliyor</translation>
    </message>
    <message>
        <location filename="../models/exchange/receiver.cpp" line="146"/>
        <source>%1 is older than package %2, which was applied already</source>
        <translation>%1, daha önce uygulanmış %2 numaralı paketten eski</translation>
    </message>
    <message>
        <location filename="../models/exchange/receiver.cpp" line="150"/>
        <source>%1 continues from package %2, but only up to package %3 has been received: receive the missing package first, or ask for a full package (kopru-cli pack --full)</source>
        <translation>%1, %2 numaralı paketin devamı; ama yalnızca %3 numaralı pakete kadar alındı: önce eksik paketi alın ya da tam paket isteyin (kopru-cli pack --full)</translation>
    </message>
    <message>
        <location filename="../models/exchange/receiver.cpp" line="205"/>
        <location filename="../models/exchange/receiver.cpp" line="215"/>
        <source>cannot read the package: %1</source>
        <translation>paket okunamıyor: %1</translation>
    </message>
    <message>
        <location filename="../models/exchange/receiver.cpp" line="207"/>
        <source>the package is larger than %1 MB: not a Köprü package</source>
        <translation>paket %1 MB’tan büyük: Köprü paketi değil</translation>
    </message>
    <message>
        <location filename="../models/exchange/receiver.cpp" line="211"/>
        <location filename="../models/exchange/receiver.cpp" line="217"/>
        <location filename="../models/exchange/receiver.cpp" line="220"/>
        <source>cannot make a temporary copy of the package: %1</source>
        <translation>paketin geçici kopyası yapılamıyor: %1</translation>
    </message>
    <message>
        <location filename="../models/exchange/receiver.cpp" line="249"/>
        <source>%1 — %2 was not changed</source>
        <translation>%1 — %2 değiştirilmedi</translation>
    </message>
    <message>
        <location filename="../models/exchange/receiver.cpp" line="308"/>
        <source>the package cannot be read: %1</source>
        <translation>paket okunamıyor: %1</translation>
    </message>
    <message>
        <location filename="../models/exchange/receiver.cpp" line="320"/>
        <source>the package cannot be applied: %1</source>
        <translation>paket uygulanamıyor: %1</translation>
    </message>
    <message>
        <location filename="../models/exchange/packagestaging.cpp" line="179"/>
        <source>cannot open the package: %1</source>
        <translation>paket açılamıyor: %1</translation>
    </message>
</context>
<context>
    <name>PasswordStore</name>
    <message>
        <location filename="../views/server/passwordstore.cpp" line="37"/>
        <source>the system keychain refused: %1</source>
        <translation>sistem anahtarlığı reddetti: %1</translation>
    </message>
    <message>
        <location filename="../views/server/passwordstore.cpp" line="50"/>
        <location filename="../views/server/passwordstore.cpp" line="61"/>
        <source>this build of Köprü has no keychain support</source>
        <translation>Köprü&apos;nün bu derlemesinde anahtarlık desteği yok</translation>
    </message>
    <message>
        <location filename="../views/server/passwordstore.cpp" line="105"/>
        <source>the system keychain is not available: %1</source>
        <translation>sistem anahtarlığı kullanılamıyor: %1</translation>
    </message>
</context>
<context>
    <name>PlacementEdits</name>
    <message>
        <location filename="../models/planning/placementedits.cpp" line="71"/>
        <source>the placement was changed by a later optimiser run; the edit cannot be repeated</source>
        <translation>yerleştirme daha sonraki bir optimizasyon çalıştırmasıyla değişti; düzenleme yinelenemez</translation>
    </message>
    <message>
        <location filename="../models/planning/planreason.cpp" line="102"/>
        <source>moved by hand: %1</source>
        <translation>elle taşındı: %1</translation>
    </message>
    <message>
        <location filename="../models/planning/placementedits.cpp" line="42"/>
        <source>placement of %1</source>
        <translation>%1 yerleştirmesi</translation>
    </message>
    <message>
        <location filename="../models/planning/placementedits.cpp" line="196"/>
        <source>the session no longer exists</source>
        <translation>oturum artık yok</translation>
    </message>
    <message>
        <location filename="../models/planning/placementedits.cpp" line="275"/>
        <source>placement %1 no longer exists</source>
        <translation>%1 numaralı yerleştirme artık yok</translation>
    </message>
    <message>
        <location filename="../models/planning/placementedits.cpp" line="289"/>
        <source>Lock placement</source>
        <translation>Yerleştirme kilitleme</translation>
    </message>
    <message>
        <location filename="../models/planning/placementedits.cpp" line="290"/>
        <source>Unlock placement</source>
        <translation>Yerleştirme kilidini açma</translation>
    </message>
    <message>
        <location filename="../models/planning/placementedits.cpp" line="302"/>
        <source>Confirm placement</source>
        <translation>Yerleştirme onaylama</translation>
    </message>
    <message>
        <location filename="../models/planning/placementedits.cpp" line="320"/>
        <source>Move teacher</source>
        <translation>Öğretmen taşıma</translation>
    </message>
    <message>
        <location filename="../models/planning/placementedits.cpp" line="330"/>
        <source>the teacher already has a placement: move it instead</source>
        <translation>öğretmenin zaten bir yerleştirmesi var: onu taşıyın</translation>
    </message>
    <message>
        <location filename="../models/planning/placementedits.cpp" line="348"/>
        <source>Place teacher</source>
        <translation>Öğretmeni yerleştir</translation>
    </message>
    <message>
        <location filename="../models/planning/placementedits.cpp" line="357"/>
        <source>Remove placement</source>
        <translation>Yerleştirme kaldırma</translation>
    </message>
</context>
<context>
    <name>PlanReason</name>
    <message>
        <location filename="../models/planning/planreason.cpp" line="28"/>
        <source>covers %1 of your %2 high needs: %3</source>
        <translation>%2 yüksek ihtiyacınızdan %1 tanesini karşılıyor: %3</translation>
    </message>
    <message>
        <location filename="../models/planning/planreason.cpp" line="33"/>
        <source>covers %1 need points, none of your high needs</source>
        <translation>%1 ihtiyaç puanı karşılıyor, yüksek ihtiyaçlarınızın hiçbirini karşılamıyor</translation>
    </message>
    <message>
        <location filename="../models/planning/planreason.cpp" line="35"/>
        <source>covers none of your rated needs</source>
        <translation>puanladığınız ihtiyaçların hiçbirini karşılamıyor</translation>
    </message>
    <message>
        <location filename="../models/planning/planreason.cpp" line="37"/>
        <source>same province</source>
        <translation>aynı il</translation>
    </message>
    <message>
        <location filename="../models/planning/planreason.cpp" line="38"/>
        <source>%1 km away</source>
        <translation>%1 km uzakta</translation>
    </message>
</context>
<context>
    <name>PlanSnapshot</name>
    <message>
        <location filename="../models/planning/plansnapshot.cpp" line="29"/>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <location filename="../models/planning/plansnapshot.cpp" line="31"/>
        <source>session %1</source>
        <translation>%1 numaralı oturum</translation>
    </message>
    <message>
        <location filename="../models/planning/plansnapshot.cpp" line="33"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message numerus="yes">
        <location filename="../models/planning/plansnapshot.cpp" line="84"/>
        <source> and %n more</source>
        <translation>
            <numerusform> ve %n tane daha</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../models/planning/plansnapshot.cpp" line="85"/>
        <source>the plan was not stored: %n placement(s) changed while the optimiser ran (another user, program or window): %1. Nothing was changed; plan again to plan over the current placements.</source>
        <translation>
            <numerusform>plan kaydedilmedi: optimizasyon çalışırken %n yerleştirme değişti (başka bir kullanıcı, program ya da pencere): %1. Hiçbir şey değiştirilmedi; güncel yerleştirmeler üzerinden yeniden planlayın.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PlanWeights</name>
    <message>
        <location filename="../models/planning/planweights.cpp" line="30"/>
        <source>optimiser weights must not be negative</source>
        <translation>optimizasyon ağırlıkları negatif olamaz</translation>
    </message>
    <message>
        <location filename="../models/planning/planweights.cpp" line="33"/>
        <source>optimiser weights must not exceed %1</source>
        <translation>optimizasyon ağırlıkları %1 değerini aşamaz</translation>
    </message>
    <message>
        <location filename="../models/planning/planweights.cpp" line="55"/>
        <source>weight &quot;%1&quot; must be a non-negative integer</source>
        <translation>&quot;%1&quot; ağırlığı negatif olmayan bir tam sayı olmalıdır</translation>
    </message>
    <message>
        <location filename="../models/planning/planweights.cpp" line="62"/>
        <source>&quot;maximizePlaced&quot; must be true or false</source>
        <translation>&quot;maximizePlaced&quot; true ya da false olmalıdır</translation>
    </message>
</context>
<context>
    <name>Planner</name>
    <message>
        <location filename="../models/planning/flownetwork.cpp" line="153"/>
        <location filename="../models/planning/planfield.cpp" line="395"/>
        <source>the placement network has no optimal flow (%1)</source>
        <translation>yerleştirme ağında en iyi akış bulunamadı (%1)</translation>
    </message>
    <message>
        <location filename="../models/planning/planner.cpp" line="73"/>
        <source>cannot write the DIMACS file: %1</source>
        <translation>DIMACS dosyası yazılamıyor: %1</translation>
    </message>
    <message>
        <location filename="../models/planning/planner.cpp" line="182"/>
        <source>the placement network does not fit in memory</source>
        <translation>yerleştirme ağı belleğe sığmıyor</translation>
    </message>
    <message>
        <location filename="../models/planning/planner.cpp" line="292"/>
        <source>the optimiser run was cancelled; nothing was changed</source>
        <translation>optimizasyon çalıştırması iptal edildi; hiçbir şey değiştirilmedi</translation>
    </message>
</context>
<context>
    <name>Print</name>
    <message>
        <location filename="../views/printing/printpreview.cpp" line="18"/>
        <source>Print preview — %1</source>
        <translation>Baskı önizleme — %1</translation>
    </message>
</context>
<context>
    <name>PrivateFile</name>
    <message>
        <location filename="../models/io/privatefile.cpp" line="113"/>
        <source>there is a folder or device of that name</source>
        <translation>bu adda bir klasör ya da aygıt var</translation>
    </message>
    <message>
        <location filename="../models/io/privatefile.cpp" line="115"/>
        <location filename="../models/io/privatefile.cpp" line="176"/>
        <location filename="../models/io/privatefile.cpp" line="189"/>
        <source>the file already exists; choose a new name</source>
        <translation>dosya zaten var; yeni bir ad seçin</translation>
    </message>
    <message>
        <location filename="../models/io/privatefile.cpp" line="153"/>
        <source>cannot create a file in the folder %1: %2</source>
        <translation>%1 klasöründe dosya oluşturulamıyor: %2</translation>
    </message>
    <message>
        <location filename="../models/io/privatefile.cpp" line="160"/>
        <source>the file was not written</source>
        <translation>dosya yazılmadı</translation>
    </message>
    <message>
        <location filename="../models/io/privatefile.cpp" line="163"/>
        <source>cannot write the file: %1</source>
        <translation>dosya yazılamıyor: %1</translation>
    </message>
</context>
<context>
    <name>ProposeCorrectionCommand</name>
    <message>
        <location filename="../models/exchange/proposecorrectioncommand.cpp" line="68"/>
        <source>a correction names one of the teacher&apos;s identity values</source>
        <translation>düzeltme, öğretmenin kimlik bilgilerinden birini adlandırmalı</translation>
    </message>
    <message>
        <location filename="../models/exchange/proposecorrectioncommand.cpp" line="75"/>
        <source>the national office changes its records itself; corrections come from centres</source>
        <translation>Genel Müdürlük kendi kayıtlarını kendisi değiştirir; düzeltmeler merkezlerden gelir</translation>
    </message>
    <message>
        <location filename="../models/exchange/proposecorrectioncommand.cpp" line="91"/>
        <source>the teacher no longer exists</source>
        <translation>öğretmen artık yok</translation>
    </message>
    <message>
        <location filename="../models/exchange/proposecorrectioncommand.cpp" line="98"/>
        <source>the value names a record that does not exist</source>
        <translation>değer, var olmayan bir kaydı adlandırıyor</translation>
    </message>
</context>
<context>
    <name>Purge</name>
    <message>
        <location filename="../models/safety/purge.cpp" line="30"/>
        <source>there is no teacher with id %1</source>
        <translation>%1 numaralı öğretmen kaydı yok</translation>
    </message>
    <message>
        <location filename="../models/safety/purge.cpp" line="34"/>
        <source>cannot count the teacher&apos;s data</source>
        <translation>öğretmenin verileri sayılamıyor</translation>
    </message>
</context>
<context>
    <name>QualityFormat</name>
    <message>
        <location filename="../models/quality/qualityformat.cpp" line="195"/>
        <source>%1 %</source>
        <translation>%%1</translation>
    </message>
    <message>
        <location filename="../models/quality/qualityformat.cpp" line="215"/>
        <source>illness</source>
        <translation>hastalık</translation>
    </message>
    <message>
        <location filename="../models/quality/qualityformat.cpp" line="217"/>
        <source>withdrew</source>
        <translation>çekildi</translation>
    </message>
    <message>
        <location filename="../models/quality/qualityformat.cpp" line="219"/>
        <source>partner cancelled</source>
        <translation>işletme iptal etti</translation>
    </message>
    <message>
        <location filename="../models/quality/qualityformat.cpp" line="221"/>
        <source>other</source>
        <translation>diğer</translation>
    </message>
    <message>
        <location filename="../models/quality/qualityformat.cpp" line="222"/>
        <source>not recorded</source>
        <translation>kaydedilmedi</translation>
    </message>
    <message>
        <location filename="../models/quality/qualityformat.cpp" line="227"/>
        <source>paired, n = %1</source>
        <translation>eşleştirilmiş, n = %1</translation>
    </message>
    <message>
        <location filename="../models/quality/qualityformat.cpp" line="227"/>
        <source>independent, n = %1 + %2</source>
        <translation>bağımsız, n = %1 + %2</translation>
    </message>
    <message>
        <location filename="../models/quality/qualityformat.cpp" line="95"/>
        <source>Indicator</source>
        <translation>Gösterge</translation>
    </message>
    <message>
        <location filename="../models/quality/qualityformat.cpp" line="95"/>
        <source>Value</source>
        <translation>Değer</translation>
    </message>
    <message>
        <location filename="../models/quality/qualityformat.cpp" line="95"/>
        <source>Counts</source>
        <translation>Sayılar</translation>
    </message>
    <message>
        <location filename="../models/quality/qualityformat.cpp" line="95"/>
        <source>EQAVET</source>
        <translation>EQAVET</translation>
    </message>
    <message>
        <location filename="../models/quality/qualityformat.cpp" line="106"/>
        <source>%1 / %2 h</source>
        <translation>%1 / %2 sa</translation>
    </message>
    <message>
        <location filename="../models/quality/qualityformat.cpp" line="111"/>
        <location filename="../models/quality/qualityformat.cpp" line="114"/>
        <source>%1 respondents, %2 answers</source>
        <translation>%1 yanıtlayan, %2 yanıt</translation>
    </message>
    <message>
        <location filename="../models/quality/qualityformat.cpp" line="130"/>
        <source>Need change per competency, round 1 to round 2</source>
        <translation>Yeterlik bazında ihtiyaç değişimi, 1. turdan 2. tura</translation>
    </message>
    <message>
        <location filename="../models/quality/qualityformat.cpp" line="176"/>
        <source>Code</source>
        <translation>Kod</translation>
    </message>
    <message>
        <location filename="../models/quality/qualityformat.cpp" line="176"/>
        <source>Competency</source>
        <translation>Yeterlik</translation>
    </message>
    <message>
        <location filename="../models/quality/qualityformat.cpp" line="176"/>
        <source>Before</source>
        <translation>Önce</translation>
    </message>
    <message>
        <location filename="../models/quality/qualityformat.cpp" line="176"/>
        <source>After</source>
        <translation>Sonra</translation>
    </message>
    <message>
        <location filename="../models/quality/qualityformat.cpp" line="177"/>
        <source>Change</source>
        <translation>Değişim</translation>
    </message>
    <message>
        <location filename="../models/quality/qualityformat.cpp" line="177"/>
        <source>95% CI</source>
        <translation>%95 GA</translation>
    </message>
    <message>
        <location filename="../models/quality/qualityformat.cpp" line="177"/>
        <source>Teachers</source>
        <translation>Öğretmenler</translation>
    </message>
    <message>
        <location filename="../models/quality/qualityformat.cpp" line="138"/>
        <source>Centre</source>
        <translation>Merkez</translation>
    </message>
    <message>
        <location filename="../models/quality/qualityformat.cpp" line="139"/>
        <source>Field</source>
        <translation>Alan</translation>
    </message>
    <message>
        <location filename="../models/quality/qualityformat.cpp" line="140"/>
        <source>Province</source>
        <translation>İl</translation>
    </message>
    <message>
        <location filename="../models/quality/qualityformat.cpp" line="141"/>
        <source>Surveyed</source>
        <translation>Ankete katılan</translation>
    </message>
    <message>
        <location filename="../models/quality/qualityformat.cpp" line="141"/>
        <source>Placed</source>
        <translation>Yerleşen</translation>
    </message>
    <message>
        <location filename="../models/quality/qualityformat.cpp" line="141"/>
        <source>Completed</source>
        <translation>Tamamlayan</translation>
    </message>
    <message>
        <location filename="../models/quality/qualityformat.cpp" line="142"/>
        <source>Hours</source>
        <translation>Saat</translation>
    </message>
    <message>
        <location filename="../models/quality/qualityformat.cpp" line="142"/>
        <source>Cancelled</source>
        <translation>İptal</translation>
    </message>
    <message>
        <location filename="../models/quality/qualityformat.cpp" line="142"/>
        <source>Sat. T</source>
        <translation>Mem. Ö</translation>
    </message>
    <message>
        <location filename="../models/quality/qualityformat.cpp" line="142"/>
        <source>Sat. P</source>
        <translation>Mem. İ</translation>
    </message>
    <message>
        <location filename="../models/quality/qualityformat.cpp" line="142"/>
        <source>Need +/-</source>
        <translation>İhtiyaç +/-</translation>
    </message>
    <message>
        <location filename="../models/quality/qualityformat.cpp" line="143"/>
        <source>Partners</source>
        <translation>İşletmeler</translation>
    </message>
    <message>
        <location filename="../models/quality/qualityformat.cpp" line="143"/>
        <source>Repeat</source>
        <translation>Tekrar</translation>
    </message>
    <message>
        <location filename="../models/quality/qualityformat.cpp" line="143"/>
        <source>High needs</source>
        <translation>Yüksek ihtiyaç</translation>
    </message>
    <message>
        <location filename="../models/quality/qualityformat.cpp" line="157"/>
        <source>Placed: participation; Sat. T: teachers&apos; satisfaction; Sat. P: partners&apos; evaluation of the teachers; Need +/-: change of the mean need from round 1 to round 2.</source>
        <translation>Yerleşen: katılım; Mem. Ö: öğretmen memnuniyeti; Mem. İ: işletmelerin öğretmen değerlendirmesi; İhtiyaç +/-: ortalama ihtiyacın 1. turdan 2. tura değişimi.</translation>
    </message>
    <message>
        <location filename="../models/quality/qualityformat.cpp" line="246"/>
        <source>Quality indicators per centre</source>
        <translation>Merkez bazında kalite göstergeleri</translation>
    </message>
    <message>
        <location filename="../models/quality/qualityformat.cpp" line="247"/>
        <source>Quality indicators per field</source>
        <translation>Alan bazında kalite göstergeleri</translation>
    </message>
    <message>
        <location filename="../models/quality/qualityformat.cpp" line="248"/>
        <source>Quality indicators per province</source>
        <translation>İl bazında kalite göstergeleri</translation>
    </message>
    <message>
        <location filename="../models/quality/qualityformat.cpp" line="249"/>
        <source>Quality indicators</source>
        <translation>Kalite göstergeleri</translation>
    </message>
</context>
<context>
    <name>QualityIndicators</name>
    <message>
        <location filename="../models/quality/qualityindicators.cpp" line="145"/>
        <source>Participation</source>
        <translation>Katılım</translation>
    </message>
    <message>
        <location filename="../models/quality/qualityindicators.cpp" line="146"/>
        <source>Teachers who answered the needs survey (round 1) and were placed in a training (a placement confirmed, completed or cancelled; the optimiser&apos;s proposals do not count), as a share of the teachers who answered the survey.</source>
        <translation>İhtiyaç anketini (1. tur) yanıtlayıp bir eğitime yerleştirilen öğretmenlerin (onaylanmış, tamamlanmış ya da iptal edilmiş bir yerleştirme; eniyileyicinin önerileri sayılmaz) anketi yanıtlayan öğretmenlere oranı.</translation>
    </message>
    <message>
        <location filename="../models/quality/qualityindicators.cpp" line="150"/>
        <source>Completion rate</source>
        <translation>Tamamlama oranı</translation>
    </message>
    <message>
        <location filename="../models/quality/qualityindicators.cpp" line="151"/>
        <source>Completed placements as a share of the placements that ended (completed or cancelled).</source>
        <translation>Tamamlanan yerleştirmelerin sona eren (tamamlanan ya da iptal edilen) yerleştirmelere oranı.</translation>
    </message>
    <message>
        <location filename="../models/quality/qualityindicators.cpp" line="153"/>
        <source>Hours delivered</source>
        <translation>Gerçekleşen saat</translation>
    </message>
    <message>
        <location filename="../models/quality/qualityindicators.cpp" line="154"/>
        <source>Hours attended (attendance records) as a share of the hours planned (the sessions&apos; hours) of the placements that ended.</source>
        <translation>Sona eren yerleştirmelerde katılınan saatlerin (devam kayıtları) planlanan saatlere (oturumların saatleri) oranı.</translation>
    </message>
    <message>
        <location filename="../models/quality/qualityindicators.cpp" line="157"/>
        <source>Drop-out reasons</source>
        <translation>Ayrılma nedenleri</translation>
    </message>
    <message>
        <location filename="../models/quality/qualityindicators.cpp" line="158"/>
        <source>Cancelled placements by reason: illness, withdrew, partner cancelled, other, not recorded.</source>
        <translation>Nedene göre iptal edilen yerleştirmeler: hastalık, çekildi, işletme iptal etti, diğer, kaydedilmedi.</translation>
    </message>
    <message>
        <location filename="../models/quality/qualityindicators.cpp" line="160"/>
        <source>Teachers&apos; satisfaction</source>
        <translation>Öğretmen memnuniyeti</translation>
    </message>
    <message>
        <location filename="../models/quality/qualityindicators.cpp" line="161"/>
        <source>Mean of the teachers&apos; answers (1-5) to the evaluation of their training; answers &quot;not applicable&quot; are not counted.</source>
        <translation>Öğretmenlerin aldıkları eğitimi değerlendirme yanıtlarının (1-5) ortalaması; &quot;uygulanamaz&quot; yanıtları sayılmaz.</translation>
    </message>
    <message>
        <location filename="../models/quality/qualityindicators.cpp" line="164"/>
        <source>Partners&apos; evaluation of the teachers</source>
        <translation>İşletmelerin öğretmen değerlendirmesi</translation>
    </message>
    <message>
        <location filename="../models/quality/qualityindicators.cpp" line="165"/>
        <source>Mean of the partners&apos; answers (1-5) to the evaluation of the teachers they trained; answers &quot;not applicable&quot; are not counted.</source>
        <translation>İşletmelerin eğittikleri öğretmenleri değerlendirme yanıtlarının (1-5) ortalaması; &quot;uygulanamaz&quot; yanıtları sayılmaz.</translation>
    </message>
    <message>
        <location filename="../models/quality/qualityindicators.cpp" line="168"/>
        <source>Need reduction</source>
        <translation>İhtiyaçtaki azalma</translation>
    </message>
    <message>
        <location filename="../models/quality/qualityindicators.cpp" line="169"/>
        <source>Change of the mean need (1-5) between survey rounds 1 and 2, overall (each teacher&apos;s mean) and per competency, with a 95% confidence interval; paired where the same teachers answered both rounds. Negative: the need fell.</source>
        <translation>Ortalama ihtiyacın (1-5) anketin 1. ve 2. turu arasındaki değişimi, genel (her öğretmenin ortalaması) ve yeterlik bazında, %95 güven aralığıyla; aynı öğretmenler iki turu da yanıtladıysa eşleştirilmiş. Negatif: ihtiyaç azaldı.</translation>
    </message>
    <message>
        <location filename="../models/quality/qualityindicators.cpp" line="173"/>
        <source>Partners active</source>
        <translation>Etkin işletmeler</translation>
    </message>
    <message>
        <location filename="../models/quality/qualityindicators.cpp" line="174"/>
        <source>Industry partners that trained at least one teacher of the group to completion.</source>
        <translation>Gruptan en az bir öğretmenin eğitimini tamamlatan sanayi işletmeleri.</translation>
    </message>
    <message>
        <location filename="../models/quality/qualityindicators.cpp" line="175"/>
        <source>Partner repeat rate</source>
        <translation>İşletmelerin tekrar oranı</translation>
    </message>
    <message>
        <location filename="../models/quality/qualityindicators.cpp" line="176"/>
        <source>Share of the active partners that trained teachers of the group to completion in two or more sessions.</source>
        <translation>Gruptaki öğretmenlerin eğitimini iki ya da daha çok oturumda tamamlatan etkin işletmelerin oranı.</translation>
    </message>
    <message>
        <location filename="../models/quality/qualityindicators.cpp" line="179"/>
        <source>High needs covered</source>
        <translation>Karşılanan yüksek ihtiyaçlar</translation>
    </message>
    <message>
        <location filename="../models/quality/qualityindicators.cpp" line="180"/>
        <source>Needs rated 4 or 5 in survey round 1 for which the teacher has a placement (not cancelled) in a session that teaches the competency, as a share of all such needs.</source>
        <translation>Anketin 1. turunda 4 ya da 5 olarak belirtilen ihtiyaçlardan, öğretmenin o yeterliği öğreten bir oturumda (iptal edilmemiş) yerleştirmesi olanların bu tür tüm ihtiyaçlara oranı.</translation>
    </message>
    <message>
        <location filename="../models/quality/qualityindicators.cpp" line="271"/>
        <source>Total</source>
        <translation>Toplam</translation>
    </message>
    <message>
        <location filename="../models/quality/qualityindicators.cpp" line="288"/>
        <source>(no centre)</source>
        <translation>(merkezsiz)</translation>
    </message>
</context>
<context>
    <name>QualityPeriod</name>
    <message>
        <location filename="../models/quality/period.cpp" line="32"/>
        <source>&quot;%1&quot; is not a period: write a half year as 2027H1 (January–June) or 2027H2 (July–December), or a whole year as 2027</source>
        <translation>&quot;%1&quot; bir dönem değil: yarıyılı 2027H1 (Ocak–Haziran) ya da 2027H2 (Temmuz–Aralık), tüm yılı 2027 biçiminde yazın</translation>
    </message>
    <message>
        <location filename="../models/quality/period.cpp" line="38"/>
        <source>&quot;%1&quot; is not a period: the year must lie between 2000 and 2999</source>
        <translation>&quot;%1&quot; bir dönem değil: yıl 2000 ile 2999 arasında olmalı</translation>
    </message>
    <message>
        <location filename="../models/quality/period.cpp" line="90"/>
        <source>January–June %1</source>
        <translation>Ocak–Haziran %1</translation>
    </message>
    <message>
        <location filename="../models/quality/period.cpp" line="92"/>
        <source>July–December %1</source>
        <translation>Temmuz–Aralık %1</translation>
    </message>
</context>
<context>
    <name>ResolveReviewCommand</name>
    <message>
        <location filename="../models/exchange/resolvereviewcommand.cpp" line="141"/>
        <source>Keep One</source>
        <translation>Birini Tut</translation>
    </message>
    <message>
        <location filename="../models/exchange/resolvereviewcommand.cpp" line="143"/>
        <source>Merge</source>
        <translation>Birleştir</translation>
    </message>
    <message>
        <location filename="../models/exchange/resolvereviewcommand.cpp" line="145"/>
        <source>Reject</source>
        <translation>Reddet</translation>
    </message>
    <message>
        <location filename="../models/exchange/resolvereviewcommand.cpp" line="147"/>
        <source>Keep All</source>
        <translation>Hepsini Tut</translation>
    </message>
    <message>
        <location filename="../models/exchange/resolvereviewcommand.cpp" line="149"/>
        <source>Reject Placements</source>
        <translation>Yerleştirmeleri Reddet</translation>
    </message>
    <message>
        <location filename="../models/exchange/resolvereviewcommand.cpp" line="151"/>
        <source>Adopt</source>
        <translation>Benimse</translation>
    </message>
    <message>
        <location filename="../models/exchange/resolvereviewcommand.cpp" line="179"/>
        <location filename="../models/exchange/resolvereviewcommand.cpp" line="391"/>
        <source>the review item no longer exists</source>
        <translation>inceleme kaydı artık yok</translation>
    </message>
    <message>
        <location filename="../models/exchange/resolvereviewcommand.cpp" line="181"/>
        <source>the review item was resolved already</source>
        <translation>inceleme kaydı zaten karara bağlanmış</translation>
    </message>
    <message>
        <location filename="../models/exchange/resolvereviewcommand.cpp" line="183"/>
        <source>this decision does not fit this kind of conflict</source>
        <translation>bu karar bu tür çakışmaya uymuyor</translation>
    </message>
    <message>
        <location filename="../models/exchange/resolvereviewcommand.cpp" line="240"/>
        <source>choose one of the records of this conflict</source>
        <translation>bu çakışmanın kayıtlarından birini seçin</translation>
    </message>
    <message>
        <location filename="../models/exchange/resolvereviewcommand.cpp" line="242"/>
        <source>the national office&apos;s record stays: keep or merge into it</source>
        <translation>Genel Müdürlüğün kaydı kalır: onu tutun ya da ona birleştirin</translation>
    </message>
    <message>
        <location filename="../models/exchange/resolvereviewcommand.cpp" line="287"/>
        <source>choose the placements to reject</source>
        <translation>reddedilecek yerleştirmeleri seçin</translation>
    </message>
    <message>
        <location filename="../models/exchange/resolvereviewcommand.cpp" line="290"/>
        <source>a chosen placement is not one of this session&apos;s</source>
        <translation>seçilen bir yerleştirme bu oturuma ait değil</translation>
    </message>
    <message>
        <location filename="../models/exchange/resolvereviewcommand.cpp" line="296"/>
        <source>cannot read the placement</source>
        <translation>yerleştirme okunamıyor</translation>
    </message>
    <message>
        <location filename="../models/exchange/resolvereviewcommand.cpp" line="298"/>
        <source>the placement no longer exists</source>
        <translation>yerleştirme artık yok</translation>
    </message>
    <message>
        <location filename="../models/exchange/resolvereviewcommand.cpp" line="304"/>
        <source>the session has more placements than places</source>
        <translation>oturumda kontenjandan fazla yerleştirme var</translation>
    </message>
    <message>
        <location filename="../models/exchange/resolvereviewcommand.cpp" line="326"/>
        <source>the correction names an unknown column</source>
        <translation>düzeltme bilinmeyen bir sütunu adlandırıyor</translation>
    </message>
    <message>
        <location filename="../models/exchange/resolvereviewcommand.cpp" line="333"/>
        <source>the correction names a record this database does not have</source>
        <translation>düzeltme bu veritabanında olmayan bir kaydı adlandırıyor</translation>
    </message>
    <message>
        <location filename="../models/exchange/resolvereviewcommand.cpp" line="342"/>
        <source>the teacher of the correction no longer exists</source>
        <translation>düzeltmenin öğretmeni artık yok</translation>
    </message>
</context>
<context>
    <name>RowVersion</name>
    <message>
        <location filename="../models/editing/rowversion.cpp" line="101"/>
        <source>“%1” was changed by %2 at %3 — reload to see the new value.</source>
        <translation>“%1”, %2 tarafından değiştirildi (%3) — yeni değeri görmek için yeniden yükleyin.</translation>
    </message>
    <message>
        <location filename="../models/editing/rowversion.cpp" line="92"/>
        <source>“%1” was deleted by %2 at %3 — reload to see what is there now.</source>
        <translation>“%1”, %2 tarafından silindi (%3) — güncel durumu görmek için yeniden yükleyin.</translation>
    </message>
    <message>
        <location filename="../models/editing/rowversion.cpp" line="107"/>
        <source>“%1” was deleted meanwhile by another user or program — reload to see what is there now.</source>
        <translation>“%1” bu arada başka bir kullanıcı ya da program tarafından silindi — güncel durumu görmek için yeniden yükleyin.</translation>
    </message>
    <message>
        <location filename="../models/editing/rowversion.cpp" line="110"/>
        <source>“%1” was changed meanwhile by another user or program — reload to see the new value.</source>
        <translation>“%1” bu arada başka bir kullanıcı ya da program tarafından değiştirildi — yeni değeri görmek için yeniden yükleyin.</translation>
    </message>
    <message>
        <location filename="../models/editing/rowversion.cpp" line="143"/>
        <source>the national office</source>
        <translation>Genel Müdürlük</translation>
    </message>
    <message>
        <location filename="../models/editing/rowversion.cpp" line="144"/>
        <source>%1 (national office)</source>
        <translation>%1 (Genel Müdürlük)</translation>
    </message>
    <message>
        <location filename="../models/editing/rowversion.cpp" line="148"/>
        <source>centre %1</source>
        <translation>%1 merkezi</translation>
    </message>
    <message>
        <location filename="../models/editing/rowversion.cpp" line="149"/>
        <source>%1 (centre %2)</source>
        <translation>%1 (%2 merkezi)</translation>
    </message>
    <message>
        <location filename="../models/editing/rowversion.cpp" line="140"/>
        <source>another user</source>
        <translation>başka bir kullanıcı</translation>
    </message>
</context>
<context>
    <name>SavedFiles</name>
    <message>
        <location filename="../views/pages/savedfiles.cpp" line="48"/>
        <source>File saved</source>
        <translation>Dosya kaydedildi</translation>
    </message>
    <message>
        <location filename="../views/pages/savedfiles.cpp" line="54"/>
        <source>&amp;Open</source>
        <translation>&amp;Aç</translation>
    </message>
    <message>
        <location filename="../views/pages/savedfiles.cpp" line="56"/>
        <source>Show in &amp;Folder</source>
        <translation>&amp;Klasörde göster</translation>
    </message>
</context>
<context>
    <name>ScaleMapping</name>
    <message>
        <location filename="../models/import/scalemapping.cpp" line="61"/>
        <source>the scale is empty: write label=level pairs separated by commas, e.g. &quot;Hiç yok=1,Düşük=2,Fikrim yok=NA&quot;</source>
        <translation>ölçek boş: virgülle ayrılmış etiket=düzey çiftleri yazın, örneğin &quot;Hiç yok=1,Düşük=2,Fikrim yok=NA&quot;</translation>
    </message>
    <message>
        <location filename="../models/import/scalemapping.cpp" line="67"/>
        <source>scale entry &quot;%1&quot; has no &quot;=&quot;: write label=level, e.g. &quot;Orta=3&quot;</source>
        <translation>ölçek girdisi &quot;%1&quot; içinde &quot;=&quot; yok: etiket=düzey yazın, örneğin &quot;Orta=3&quot;</translation>
    </message>
    <message>
        <location filename="../models/import/scalemapping.cpp" line="71"/>
        <source>scale entry &quot;%1&quot; has no label before &quot;=&quot;</source>
        <translation>ölçek girdisi &quot;%1&quot; içinde &quot;=&quot; işaretinden önce etiket yok</translation>
    </message>
    <message>
        <location filename="../models/import/scalemapping.cpp" line="74"/>
        <source>scale entry &quot;%1&quot;: the level &quot;%2&quot; is neither 1 to 5 nor NA (not applicable)</source>
        <translation>ölçek girdisi &quot;%1&quot;: &quot;%2&quot; düzeyi ne 1–5 arasında ne de NA (uygulanamaz)</translation>
    </message>
    <message>
        <location filename="../models/import/scalemapping.cpp" line="77"/>
        <source>the scale gives the label &quot;%1&quot; twice, with different levels</source>
        <translation>ölçek &quot;%1&quot; etiketini farklı düzeylerle iki kez veriyor</translation>
    </message>
    <message>
        <location filename="../models/import/scalemapping.cpp" line="124"/>
        <source>the answer &quot;%1&quot; is not a label of the scale (%2) nor a level 1 to 5</source>
        <translation>&quot;%1&quot; yanıtı ne ölçeğin bir etiketi (%2) ne de 1–5 arasında bir düzey</translation>
    </message>
</context>
<context>
    <name>SchemaScript</name>
    <message>
        <location filename="../models/db/schemascript.cpp" line="46"/>
        <source>cannot make a temporary folder: %1</source>
        <translation>geçici klasör oluşturulamıyor: %1</translation>
    </message>
    <message>
        <location filename="../models/db/schemascript.cpp" line="106"/>
        <source>the tables&apos; foreign keys form a cycle</source>
        <translation>tabloların yabancı anahtarları bir döngü oluşturuyor</translation>
    </message>
</context>
<context>
    <name>ServerUpgrade</name>
    <message>
        <location filename="../models/db/serverupgrade.cpp" line="29"/>
        <source>not a server database</source>
        <translation>sunucu veritabanı değil</translation>
    </message>
    <message>
        <location filename="../models/db/serverupgrade.cpp" line="50"/>
        <source>the server database has schema version %1, newer than this program&apos;s %2: use the newer Köprü that upgraded it (nothing was changed)</source>
        <translation>sunucu veritabanının şema sürümü %1, bu programınkinden (%2) yeni: onu yükselten yeni Köprü sürümünü kullanın (hiçbir şey değiştirilmedi)</translation>
    </message>
    <message>
        <location filename="../models/db/serverupgrade.cpp" line="66"/>
        <source>schema step %1 rebuilds tables or runs program code and cannot run on a server database; server databases begin at version %2</source>
        <translation>%1. şema adımı tabloları yeniden kuruyor ya da program kodu çalıştırıyor, sunucu veritabanında çalıştırılamaz; sunucu veritabanları %2 sürümünden başlar</translation>
    </message>
    <message>
        <location filename="../models/db/serverupgrade.cpp" line="74"/>
        <source>schema step %1: %2</source>
        <translation>%1. şema adımı: %2</translation>
    </message>
    <message>
        <location filename="../models/db/serverupgrade.cpp" line="91"/>
        <source>no schema steps</source>
        <translation>şema adımı yok</translation>
    </message>
    <message>
        <location filename="../models/db/serverupgrade.cpp" line="97"/>
        <source>the server database has the roles and rules of version %1, newer than this program&apos;s %2: use the newer Köprü that installed them (nothing was changed)</source>
        <translation>sunucu veritabanındaki roller ve kurallar %1 sürümünde, bu programınkinden (%2) yeni: onları kuran yeni Köprü sürümünü kullanın (hiçbir şey değiştirilmedi)</translation>
    </message>
    <message>
        <location filename="../models/db/serverupgrade.cpp" line="103"/>
        <source>only the owner of the Köprü database on the server (%1) may upgrade it from schema version %2 to %3, not %4: ask them to run kopru-cli upgrade</source>
        <translation>sunucudaki Köprü veritabanını %2 şema sürümünden %3 sürümüne yalnızca sahibi (%1) yükseltebilir, %4 yükseltemez: sahibinden kopru-cli upgrade komutunu çalıştırmasını isteyin</translation>
    </message>
    <message>
        <location filename="../models/db/serverupgrade.cpp" line="124"/>
        <source>another upgrade brought the database to schema version %1 meanwhile; nothing was changed</source>
        <translation>bu arada başka bir yükseltme veritabanını %1 şema sürümüne getirdi; hiçbir şey değiştirilmedi</translation>
    </message>
    <message>
        <location filename="../models/db/serverupgrade.cpp" line="130"/>
        <location filename="../models/db/serverupgrade.cpp" line="141"/>
        <source>the upgrade failed, nothing was changed: %1 — %2</source>
        <translation>yükseltme başarısız oldu, hiçbir şey değiştirilmedi: %1 — %2</translation>
    </message>
    <message>
        <location filename="../models/db/serverupgrade.cpp" line="137"/>
        <source>the upgrade failed setting up the roles, nothing was changed: %1</source>
        <translation>yükseltme rolleri kurarken başarısız oldu, hiçbir şey değiştirilmedi: %1</translation>
    </message>
</context>
<context>
    <name>ServerUrl</name>
    <message>
        <location filename="../models/db/serverurl.cpp" line="38"/>
        <source>not a server database address (%1); expected postgresql://user[:password]@host[:port]/database[?sslmode=require]</source>
        <translation>bir sunucu veritabanı adresi değil (%1); beklenen biçim: postgresql://kullanıcı[:parola]@sunucu[:port]/veritabanı[?sslmode=require]</translation>
    </message>
    <message>
        <location filename="../models/db/serverurl.cpp" line="44"/>
        <source>it must start with postgresql://</source>
        <translation>postgresql:// ile başlamalı</translation>
    </message>
    <message>
        <location filename="../models/db/serverurl.cpp" line="51"/>
        <source>no host</source>
        <translation>sunucu adı yok</translation>
    </message>
    <message>
        <location filename="../models/db/serverurl.cpp" line="54"/>
        <source>port %1 out of range</source>
        <translation>%1 portu geçerli aralığın dışında</translation>
    </message>
    <message>
        <location filename="../models/db/serverurl.cpp" line="57"/>
        <source>no user name</source>
        <translation>kullanıcı adı yok</translation>
    </message>
    <message>
        <location filename="../models/db/serverurl.cpp" line="61"/>
        <source>no database name</source>
        <translation>veritabanı adı yok</translation>
    </message>
    <message>
        <location filename="../models/db/serverurl.cpp" line="65"/>
        <source>unknown option %1 (only sslmode is accepted)</source>
        <translation>bilinmeyen seçenek %1 (yalnızca sslmode kabul edilir)</translation>
    </message>
    <message>
        <location filename="../models/db/serverurl.cpp" line="67"/>
        <source>unknown sslmode %1</source>
        <translation>bilinmeyen sslmode %1</translation>
    </message>
    <message>
        <location filename="../models/db/serverurl.cpp" line="80"/>
        <source>%1 on %2</source>
        <comment>database on host</comment>
        <translation>%1 (%2 sunucusunda)</translation>
    </message>
</context>
<context>
    <name>SessionFacts</name>
    <message>
        <location filename="../models/programme/sessionfacts.cpp" line="36"/>
        <source>%1 – %2, %3 – %4</source>
        <translation>%1 – %2, %3 – %4</translation>
    </message>
    <message>
        <location filename="../models/programme/sessionfacts.cpp" line="61"/>
        <source>There is no training session %1.</source>
        <translation>%1 numaralı eğitim oturumu yok.</translation>
    </message>
</context>
<context>
    <name>Sql</name>
    <message>
        <location filename="../models/db/sql.cpp" line="56"/>
        <source>the database is being written by another program; try again in a moment</source>
        <translation>veritabanına şu anda başka bir program yazıyor; biraz sonra yeniden deneyin</translation>
    </message>
    <message>
        <location filename="../models/db/sql.cpp" line="58"/>
        <source>the disk is full; nothing was written (free some space and try again)</source>
        <translation>disk dolu; hiçbir şey yazılmadı (yer açıp yeniden deneyin)</translation>
    </message>
    <message>
        <location filename="../models/db/sql.cpp" line="61"/>
        <source>the database file is damaged (%1); restore a backup</source>
        <translation>veritabanı dosyası hasarlı (%1); bir yedeği geri yükleyin</translation>
    </message>
    <message>
        <location filename="../models/db/sql.cpp" line="63"/>
        <source>the database file cannot be read or written (%1)</source>
        <translation>veritabanı dosyası okunamıyor ya da yazılamıyor (%1)</translation>
    </message>
    <message>
        <location filename="../models/db/sql.cpp" line="65"/>
        <source>the database cannot be written: the file or its folder is read-only</source>
        <translation>veritabanına yazılamıyor: dosya ya da klasörü salt okunur</translation>
    </message>
    <message>
        <location filename="../models/db/sql.cpp" line="67"/>
        <source>the database file cannot be opened (%1)</source>
        <translation>veritabanı dosyası açılamıyor (%1)</translation>
    </message>
    <message>
        <location filename="../models/db/sql.cpp" line="69"/>
        <source>out of memory</source>
        <translation>bellek yetersiz</translation>
    </message>
    <message>
        <location filename="../models/db/sql.cpp" line="101"/>
        <source>the database could not carry out the request (%1)</source>
        <translation>veritabanı isteği yerine getiremedi (%1)</translation>
    </message>
</context>
<context>
    <name>SqlDialect</name>
    <message>
        <location filename="../models/db/sqldialect.cpp" line="110"/>
        <source>no PostgreSQL translation of %1 in: %2</source>
        <translation>%1 için PostgreSQL karşılığı yok: %2</translation>
    </message>
    <message>
        <location filename="../models/db/sqldialect.cpp" line="163"/>
        <source>not a Köprü database (no schema; create one with kopru-cli server-init)</source>
        <translation>Köprü veritabanı değil (şema yok; kopru-cli server-init ile oluşturun)</translation>
    </message>
    <message>
        <location filename="../models/db/sqldialect.cpp" line="322"/>
        <source>no PostgreSQL translation of the trigger: %1</source>
        <translation>tetikleyicinin PostgreSQL karşılığı yok: %1</translation>
    </message>
    <message>
        <location filename="../models/db/sqldialect.cpp" line="416"/>
        <source>no PostgreSQL translation of the migration statement: %1</source>
        <translation>geçiş ifadesinin PostgreSQL karşılığı yok: %1</translation>
    </message>
    <message>
        <location filename="../models/db/sqldialect.cpp" line="471"/>
        <source>A server database is backed up on the server with pg_dump (see docs/server.md); Köprü makes no copies of it.</source>
        <translation>Sunucu veritabanı sunucuda pg_dump ile yedeklenir (bkz. docs/server.md); Köprü onun kopyasını almaz.</translation>
    </message>
    <message>
        <location filename="../models/db/sqldialect.cpp" line="472"/>
        <source>Köprü writes a verified copy of the file.</source>
        <translation>Köprü dosyanın doğrulanmış bir kopyasını yazar.</translation>
    </message>
</context>
<context>
    <name>TableReader</name>
    <message>
        <location filename="../models/io/tablereader.cpp" line="49"/>
        <source>the file is too large: split it into smaller files</source>
        <translation>dosya çok büyük: daha küçük dosyalara bölün</translation>
    </message>
    <message>
        <location filename="../models/io/tablereader.cpp" line="68"/>
        <source>cannot open the file: %1</source>
        <translation>dosya açılamıyor: %1</translation>
    </message>
</context>
<context>
    <name>TaxNumber</name>
    <message>
        <location filename="../models/domain/taxnumber.cpp" line="39"/>
        <source>a tax number contains digits only</source>
        <translation>vergi numarası yalnızca rakamlardan oluşur</translation>
    </message>
    <message>
        <location filename="../models/domain/taxnumber.cpp" line="44"/>
        <source>an 11-digit tax number is a sole proprietor&apos;s national ID: %1</source>
        <translation>11 haneli vergi numarası şahıs şirketi sahibinin T.C. kimlik numarasıdır: %1</translation>
    </message>
    <message>
        <location filename="../models/domain/taxnumber.cpp" line="48"/>
        <source>a tax number has 10 digits (11 for a sole proprietor), this one has %1</source>
        <translation>vergi numarası 10 hanelidir (şahıs şirketinde 11), bunda %1 karakter var</translation>
    </message>
    <message>
        <location filename="../models/domain/taxnumber.cpp" line="51"/>
        <source>the check digit of the tax number does not match (mistyped?)</source>
        <translation>vergi numarasının kontrol hanesi tutmuyor (yanlış mı yazıldı?)</translation>
    </message>
</context>
<context>
    <name>UnmetNeedRule</name>
    <message>
        <location filename="../models/stats/likertscale.cpp" line="70"/>
        <source>Unmet need: mean need at least %1 and session places for fewer than %2% of the teachers with high need (4 or 5).</source>
        <translation>Karşılanmamış ihtiyaç: ortalama ihtiyaç en az %1 ve oturum kontenjanı, yüksek ihtiyaç (4 veya 5) bildiren öğretmen sayısının yüzde %2 oranından az.</translation>
    </message>
</context>
<context>
    <name>Unplaced</name>
    <message>
        <location filename="../models/planning/unplaced.cpp" line="28"/>
        <source>no session in the field</source>
        <translation>alanda oturum yok</translation>
    </message>
    <message>
        <location filename="../models/planning/unplaced.cpp" line="30"/>
        <source>no session within the teacher&apos;s available dates</source>
        <translation>öğretmenin uygun olduğu tarihlerde oturum yok</translation>
    </message>
    <message>
        <location filename="../models/planning/unplaced.cpp" line="32"/>
        <source>the sessions that fit are full of locked or confirmed placements</source>
        <translation>uygun oturumlar kilitli ya da onaylanmış yerleştirmelerle dolu</translation>
    </message>
    <message>
        <location filename="../models/planning/unplaced.cpp" line="34"/>
        <source>the sessions that fit are full (teachers with more need were placed)</source>
        <translation>uygun oturumlar dolu (ihtiyacı daha yüksek öğretmenler yerleştirildi)</translation>
    </message>
</context>
<context>
    <name>WriteAccess</name>
    <message>
        <location filename="../models/safety/writeaccess.cpp" line="52"/>
        <source>the database is read-only (write-protected, or you lack the permission to change it)</source>
        <translation>veritabanı salt okunur (yazmaya karşı korumalı ya da değiştirme izniniz yok)</translation>
    </message>
    <message>
        <location filename="../models/safety/writeaccess.cpp" line="65"/>
        <source>the database must be upgraded, but no backup could be made first, so it was left alone: %1</source>
        <translation>veritabanının yükseltilmesi gerekiyor, ancak önce yedek alınamadığı için dokunulmadı: %1</translation>
    </message>
    <message>
        <location filename="../models/safety/writeaccess.cpp" line="79"/>
        <source>the database is read-only</source>
        <translation>veritabanı salt okunur</translation>
    </message>
</context>
<context>
    <name>ZipReader</name>
    <message>
        <location filename="../models/io/zipreader.cpp" line="198"/>
        <source>cannot open the file: %1</source>
        <translation>dosya açılamıyor: %1</translation>
    </message>
    <message>
        <location filename="../models/io/zipreader.cpp" line="200"/>
        <source>not a zip archive</source>
        <translation>zip arşivi değil</translation>
    </message>
    <message>
        <location filename="../models/io/zipreader.cpp" line="308"/>
        <source>the archive has no entry %1</source>
        <translation>arşivde %1 girdisi yok</translation>
    </message>
    <message>
        <location filename="../models/io/zipreader.cpp" line="310"/>
        <source>the entry %1 is too large</source>
        <translation>%1 girdisi çok büyük</translation>
    </message>
    <message>
        <location filename="../models/io/zipreader.cpp" line="314"/>
        <source>the entry %1 is damaged</source>
        <translation>%1 girdisi bozuk</translation>
    </message>
</context>
<context>
    <name>exporting</name>
    <message>
        <location filename="../models/report/qualityreport.cpp" line="459"/>
        <source>Quality Advisory Board report %1</source>
        <translation>Kalite Danışma Kurulu raporu %1</translation>
    </message>
    <message>
        <location filename="../models/report/qualityreport.cpp" line="460"/>
        <source>Period: %1</source>
        <translation>Dönem: %1</translation>
    </message>
    <message>
        <location filename="../models/report/qualityreport.cpp" line="460"/>
        <source>Compared with: %1</source>
        <translation>Karşılaştırılan dönem: %1</translation>
    </message>
    <message>
        <location filename="../models/report/qualityreport.cpp" line="461"/>
        <source>Centres: %1</source>
        <translation>Merkezler: %1</translation>
    </message>
    <message>
        <location filename="../models/report/qualityreport.cpp" line="461"/>
        <source>Date: %1</source>
        <translation>Tarih: %1</translation>
    </message>
    <message>
        <location filename="../models/report/qualityreport.cpp" line="463"/>
        <source>Indicator</source>
        <translation>Gösterge</translation>
    </message>
    <message>
        <location filename="../models/report/qualityreport.cpp" line="463"/>
        <source>Id</source>
        <translation>Kimlik</translation>
    </message>
    <message>
        <location filename="../models/report/qualityreport.cpp" line="464"/>
        <source>This period</source>
        <translation>Bu dönem</translation>
    </message>
    <message>
        <location filename="../models/report/qualityreport.cpp" line="464"/>
        <source>Previous</source>
        <translation>Önceki</translation>
    </message>
    <message>
        <location filename="../models/report/qualityreport.cpp" line="465"/>
        <source>Change</source>
        <translation>Değişim</translation>
    </message>
    <message>
        <location filename="../models/report/qualityreport.cpp" line="465"/>
        <source>Unit</source>
        <translation>Birim</translation>
    </message>
    <message>
        <location filename="../models/report/qualityreport.cpp" line="465"/>
        <source>EQAVET</source>
        <translation>EQAVET</translation>
    </message>
    <message>
        <location filename="../models/report/qualityreport.cpp" line="466"/>
        <source>Definition</source>
        <translation>Tanım</translation>
    </message>
    <message>
        <location filename="../models/report/qualityreport.cpp" line="467"/>
        <source>Summary</source>
        <translation>Özet</translation>
    </message>
    <message>
        <location filename="../models/report/qualityreport.cpp" line="467"/>
        <source>Summary of the indicators</source>
        <translation>Göstergelerin özeti</translation>
    </message>
    <message>
        <location filename="../models/report/qualityreport.cpp" line="474"/>
        <source>share</source>
        <translation>oran</translation>
    </message>
    <message>
        <location filename="../models/report/qualityreport.cpp" line="474"/>
        <source>count</source>
        <translation>sayı</translation>
    </message>
    <message>
        <location filename="../models/report/qualityreport.cpp" line="474"/>
        <source>mean (1-5)</source>
        <translation>ortalama (1-5)</translation>
    </message>
    <message>
        <location filename="../models/report/qualityreport.cpp" line="478"/>
        <source>Centre</source>
        <translation>Merkez</translation>
    </message>
    <message>
        <location filename="../models/report/qualityreport.cpp" line="478"/>
        <source>Indicators per centre</source>
        <translation>Merkez bazında göstergeler</translation>
    </message>
    <message>
        <location filename="../models/report/qualityreport.cpp" line="479"/>
        <source>Field</source>
        <translation>Alan</translation>
    </message>
    <message>
        <location filename="../models/report/qualityreport.cpp" line="479"/>
        <source>Indicators per pilot field</source>
        <translation>Pilot alan bazında göstergeler</translation>
    </message>
</context>
<context>
    <name>kopru::AttendanceDialog</name>
    <message>
        <location filename="../views/programme/attendancedialog.cpp" line="32"/>
        <location filename="../views/programme/attendancedialog.cpp" line="225"/>
        <location filename="../views/programme/attendancedialog.cpp" line="237"/>
        <source>Attendance and outcomes</source>
        <translation>Devam ve sonuçlar</translation>
    </message>
    <message>
        <location filename="../views/programme/attendancedialog.cpp" line="66"/>
        <source>1 strongly disagree … 5 strongly agree; 0 or &quot;n/a&quot; = not applicable; an empty cell is not answered.</source>
        <translation>1 kesinlikle katılmıyorum … 5 kesinlikle katılıyorum; &quot;fikrim yok&quot; için 0 ya da &quot;fikrim yok&quot; yazın; boş hücre yanıtlanmamış demektir.</translation>
    </message>
    <message>
        <location filename="../views/programme/attendancedialog.cpp" line="88"/>
        <source>All present, &amp;full days</source>
        <translation>Herkes &amp;geldi, tam gün</translation>
    </message>
    <message>
        <location filename="../views/programme/attendancedialog.cpp" line="89"/>
        <source>Every day not recorded yet gets the hours planned for a day (placements not cancelled)</source>
        <translation>Henüz kaydedilmemiş her güne bir günün planlanan saati yazılır (iptal edilmemiş yerleştirmeler)</translation>
    </message>
    <message>
        <location filename="../views/programme/attendancedialog.cpp" line="90"/>
        <source>&amp;Mark all completed</source>
        <translation>Tümünü &amp;tamamlandı yap</translation>
    </message>
    <message>
        <location filename="../views/programme/attendancedialog.cpp" line="91"/>
        <source>Every open placement becomes completed on the last day of the session</source>
        <translation>Açık her yerleştirme, oturumun son gününde tamamlanmış olur</translation>
    </message>
    <message>
        <location filename="../views/programme/attendancedialog.cpp" line="118"/>
        <source>Attendance and outcome</source>
        <translation>Devam ve sonuç</translation>
    </message>
    <message>
        <location filename="../views/programme/attendancedialog.cpp" line="119"/>
        <source>Evaluation: training by teacher</source>
        <translation>Eğitimin değerlendirilmesi (öğretmen)</translation>
    </message>
    <message>
        <location filename="../views/programme/attendancedialog.cpp" line="120"/>
        <source>Evaluation: teacher by partner</source>
        <translation>Öğretmenin değerlendirilmesi (işletme)</translation>
    </message>
    <message numerus="yes">
        <location filename="../views/programme/attendancedialog.cpp" line="136"/>
        <source>%Ln day(s) filled with the hours planned.</source>
        <translation>
            <numerusform>%Ln gün planlanan saatlerle dolduruldu.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../views/programme/attendancedialog.cpp" line="140"/>
        <source>%Ln placement(s) marked completed.</source>
        <translation>
            <numerusform>%Ln yerleştirme tamamlandı olarak işaretlendi.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../views/programme/attendancedialog.cpp" line="171"/>
        <source>Planned: %1 hours, %2 a working day. Empty = not recorded, 0 = absent.</source>
        <translation>Planlanan: %1 saat, iş günü başına %2. Boş = kaydedilmedi, 0 = gelmedi.</translation>
    </message>
    <message>
        <location filename="../views/programme/attendancedialog.cpp" line="178"/>
        <source>The database is open read-only: nothing can be changed here.</source>
        <translation>Veritabanı salt okunur açık: burada hiçbir şey değiştirilemez.</translation>
    </message>
    <message>
        <location filename="../views/programme/attendancedialog.cpp" line="225"/>
        <source>Nothing was saved: %1</source>
        <translation>Hiçbir şey kaydedilmedi: %1</translation>
    </message>
    <message>
        <location filename="../views/programme/attendancedialog.cpp" line="230"/>
        <source>Saved.</source>
        <translation>Kaydedildi.</translation>
    </message>
    <message>
        <location filename="../views/programme/attendancedialog.cpp" line="237"/>
        <source>Discard the changes not saved?</source>
        <translation>Kaydedilmemiş değişiklikler atılsın mı?</translation>
    </message>
</context>
<context>
    <name>kopru::BackupListModel</name>
    <message>
        <location filename="../models/safety/backuplistmodel.cpp" line="74"/>
        <source>Date</source>
        <comment>backup</comment>
        <translation>Tarih</translation>
    </message>
    <message>
        <location filename="../models/safety/backuplistmodel.cpp" line="76"/>
        <source>Made</source>
        <comment>backup reason</comment>
        <translation>Neden</translation>
    </message>
    <message>
        <location filename="../models/safety/backuplistmodel.cpp" line="78"/>
        <source>Size</source>
        <comment>backup</comment>
        <translation>Boyut</translation>
    </message>
</context>
<context>
    <name>kopru::BoardReportDialog</name>
    <message>
        <location filename="../views/quality/boardreportdialog.cpp" line="29"/>
        <source>Quality Advisory Board report</source>
        <translation>Kalite Danışma Kurulu raporu</translation>
    </message>
    <message>
        <location filename="../views/quality/boardreportdialog.cpp" line="62"/>
        <source>PDF report (printable)</source>
        <translation>PDF rapor (yazdırılabilir)</translation>
    </message>
    <message>
        <location filename="../views/quality/boardreportdialog.cpp" line="63"/>
        <source>XLSX workbook of the figures</source>
        <translation>Rakamların XLSX çalışma kitabı</translation>
    </message>
    <message>
        <location filename="../views/quality/boardreportdialog.cpp" line="70"/>
        <source>The period counts the placements whose session starts in it (2027H1: January–June 2027, 2027H2: July–December, 2027: the whole year); the report compares it with the period before.</source>
        <translation>Dönem, oturumu o dönemde başlayan yerleştirmeleri sayar (2027H1: Ocak–Haziran 2027, 2027H2: Temmuz–Aralık, 2027: tüm yıl); rapor onu bir önceki dönemle karşılaştırır.</translation>
    </message>
    <message>
        <location filename="../views/quality/boardreportdialog.cpp" line="77"/>
        <source>&amp;Period:</source>
        <translation>&amp;Dönem:</translation>
    </message>
    <message>
        <location filename="../views/quality/boardreportdialog.cpp" line="78"/>
        <source>&amp;Language:</source>
        <translation>D&amp;il:</translation>
    </message>
    <message>
        <location filename="../views/quality/boardreportdialog.cpp" line="79"/>
        <source>&amp;Format:</source>
        <translation>&amp;Biçim:</translation>
    </message>
    <message>
        <location filename="../views/quality/boardreportdialog.cpp" line="82"/>
        <source>Pre&amp;view…</source>
        <translation>Ön&amp;izleme…</translation>
    </message>
    <message>
        <location filename="../views/quality/boardreportdialog.cpp" line="84"/>
        <source>&amp;Save…</source>
        <translation>&amp;Kaydet…</translation>
    </message>
    <message>
        <location filename="../views/quality/boardreportdialog.cpp" line="135"/>
        <source>No database is open.</source>
        <translation>Açık veritabanı yok.</translation>
    </message>
    <message>
        <location filename="../views/quality/boardreportdialog.cpp" line="149"/>
        <source>quality-report-%1</source>
        <translation>kalite-raporu-%1</translation>
    </message>
    <message>
        <location filename="../views/quality/boardreportdialog.cpp" line="152"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel çalışma kitabı (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../views/quality/boardreportdialog.cpp" line="152"/>
        <source>PDF document (*.pdf)</source>
        <translation>PDF belgesi (*.pdf)</translation>
    </message>
    <message>
        <location filename="../views/quality/boardreportdialog.cpp" line="165"/>
        <source>Report written to %1</source>
        <translation>Rapor %1 dosyasına yazıldı</translation>
    </message>
</context>
<context>
    <name>kopru::CandidateModel</name>
    <message>
        <location filename="../models/planning/candidatemodel.cpp" line="83"/>
        <source>%1 (%2 km)</source>
        <translation>%1 (%2 km)</translation>
    </message>
    <message>
        <location filename="../models/planning/candidatemodel.cpp" line="92"/>
        <source>outside availability</source>
        <translation>müsaitlik dışı</translation>
    </message>
    <message>
        <location filename="../models/planning/candidatemodel.cpp" line="94"/>
        <source>full</source>
        <translation>dolu</translation>
    </message>
    <message>
        <location filename="../models/planning/candidatemodel.cpp" line="101"/>
        <source>The session&apos;s dates are outside the teacher&apos;s availability: moving here is a conflict</source>
        <translation>Oturumun tarihleri öğretmenin müsait olduğu tarihlerin dışında: buraya taşımak çakışma yaratır</translation>
    </message>
    <message>
        <location filename="../models/planning/candidatemodel.cpp" line="103"/>
        <source>The session is full: moving here puts it over capacity</source>
        <translation>Oturum dolu: buraya taşımak kontenjanı aşar</translation>
    </message>
    <message>
        <location filename="../models/planning/candidatemodel.cpp" line="124"/>
        <source>Partner</source>
        <translation>İşletme</translation>
    </message>
    <message>
        <location filename="../models/planning/candidatemodel.cpp" line="126"/>
        <source>Province</source>
        <translation>İl</translation>
    </message>
    <message>
        <location filename="../models/planning/candidatemodel.cpp" line="128"/>
        <source>Session dates</source>
        <translation>Oturum tarihleri</translation>
    </message>
    <message>
        <location filename="../models/planning/candidatemodel.cpp" line="130"/>
        <source>Places left</source>
        <translation>Kalan kontenjan</translation>
    </message>
    <message>
        <location filename="../models/planning/candidatemodel.cpp" line="132"/>
        <source>Score</source>
        <translation>Puan</translation>
    </message>
    <message>
        <location filename="../models/planning/candidatemodel.cpp" line="134"/>
        <source>Note</source>
        <translation>Not</translation>
    </message>
</context>
<context>
    <name>kopru::CellValue</name>
    <message>
        <location filename="../models/import/valueparsers.cpp" line="95"/>
        <source>%1 is outside the scale 1 to 5</source>
        <translation>%1, 1 ile 5 arasındaki ölçeğin dışında</translation>
    </message>
    <message>
        <location filename="../models/import/valueparsers.cpp" line="99"/>
        <source>&quot;%1&quot; is not a level of the 1 to 5 scale (use 1-5, Hiç, Düşük, Orta, Yüksek, Çok yüksek, or leave empty)</source>
        <translation>&quot;%1&quot;, 1–5 ölçeğinin bir düzeyi değil (1-5, Hiç, Düşük, Orta, Yüksek, Çok yüksek yazın ya da boş bırakın)</translation>
    </message>
    <message>
        <location filename="../models/import/valueparsers.cpp" line="119"/>
        <source>&quot;%1&quot; is not a date (write dd.MM.yyyy or yyyy-MM-dd)</source>
        <translation>&quot;%1&quot; bir tarih değil (gg.aa.yyyy veya yyyy-aa-gg biçiminde yazın)</translation>
    </message>
    <message>
        <location filename="../models/import/valueparsers.cpp" line="123"/>
        <source>&quot;%1&quot; is not a day of the calendar</source>
        <translation>&quot;%1&quot; takvimde olmayan bir gün</translation>
    </message>
    <message>
        <location filename="../models/import/valueparsers.cpp" line="136"/>
        <source>&quot;%1&quot; is not a whole number</source>
        <translation>&quot;%1&quot; bir tam sayı değil</translation>
    </message>
    <message>
        <location filename="../models/import/valueparsers.cpp" line="147"/>
        <source>%1 is outside the allowed range %2 to %3</source>
        <translation>%1, izin verilen %2 – %3 aralığının dışında</translation>
    </message>
    <message>
        <location filename="../models/import/valueparsers.cpp" line="165"/>
        <source>&quot;%1&quot; is neither yes nor no (write 1/0, evet/hayır)</source>
        <translation>&quot;%1&quot; ne evet ne hayır (1/0 veya evet/hayır yazın)</translation>
    </message>
    <message>
        <location filename="../models/import/valueparsers.cpp" line="174"/>
        <source>national ID %1 is in scientific notation: the spreadsheet dropped digits; format the column as text and save the file again</source>
        <translation>T.C. kimlik no %1 bilimsel gösterimde: hesap tablosu haneleri kaybetmiş; sütunu metin olarak biçimlendirip dosyayı yeniden kaydedin</translation>
    </message>
    <message>
        <location filename="../models/import/valueparsers.cpp" line="180"/>
        <source>the national ID is missing</source>
        <translation>T.C. kimlik numarası eksik</translation>
    </message>
    <message>
        <location filename="../models/import/valueparsers.cpp" line="185"/>
        <source>national ID %1: %2</source>
        <translation>T.C. kimlik no %1: %2</translation>
    </message>
    <message>
        <location filename="../models/import/valueparsers.cpp" line="195"/>
        <source>phone number %1 is in scientific notation: the spreadsheet dropped digits; format the column as text and save the file again</source>
        <translation>telefon numarası %1 bilimsel gösterimde: hesap tablosu haneleri kaybetmiş; sütunu metin olarak biçimlendirip dosyayı yeniden kaydedin</translation>
    </message>
</context>
<context>
    <name>kopru::CentreStatusModel</name>
    <message>
        <location filename="../models/exchange/centrestatusmodel.cpp" line="62"/>
        <source>%1. %2</source>
        <translation>%1. %2</translation>
    </message>
    <message>
        <location filename="../models/exchange/centrestatusmodel.cpp" line="66"/>
        <source>never</source>
        <translation>hiç</translation>
    </message>
    <message>
        <location filename="../models/exchange/centrestatusmodel.cpp" line="80"/>
        <source>Centre</source>
        <translation>Merkez</translation>
    </message>
    <message>
        <location filename="../models/exchange/centrestatusmodel.cpp" line="80"/>
        <source>Last received</source>
        <translation>Son alınan</translation>
    </message>
    <message>
        <location filename="../models/exchange/centrestatusmodel.cpp" line="80"/>
        <source>Received at</source>
        <translation>Alınma zamanı</translation>
    </message>
    <message>
        <location filename="../models/exchange/centrestatusmodel.cpp" line="80"/>
        <source>Last sent</source>
        <translation>Son gönderilen</translation>
    </message>
    <message>
        <location filename="../models/exchange/centrestatusmodel.cpp" line="80"/>
        <source>Acknowledged</source>
        <translation>Onaylanan</translation>
    </message>
    <message>
        <location filename="../models/exchange/centrestatusmodel.cpp" line="80"/>
        <source>Open conflicts</source>
        <translation>Açık çakışma</translation>
    </message>
</context>
<context>
    <name>kopru::CertificatesDialog</name>
    <message>
        <location filename="../views/certificates/certificatesdialog.cpp" line="49"/>
        <source>Certificates of participation</source>
        <translation>Katılım belgeleri</translation>
    </message>
    <message>
        <location filename="../views/certificates/certificatesdialog.cpp" line="63"/>
        <source>One training session</source>
        <translation>Bir eğitim oturumu</translation>
    </message>
    <message>
        <location filename="../views/certificates/certificatesdialog.cpp" line="64"/>
        <source>One centre</source>
        <translation>Bir merkez</translation>
    </message>
    <message>
        <location filename="../views/certificates/certificatesdialog.cpp" line="65"/>
        <source>All centres</source>
        <translation>Tüm merkezler</translation>
    </message>
    <message>
        <location filename="../views/certificates/certificatesdialog.cpp" line="66"/>
        <source>&amp;For:</source>
        <translation>&amp;Kapsam:</translation>
    </message>
    <message>
        <location filename="../views/certificates/certificatesdialog.cpp" line="69"/>
        <source>&amp;Session:</source>
        <translation>&amp;Oturum:</translation>
    </message>
    <message>
        <location filename="../views/certificates/certificatesdialog.cpp" line="72"/>
        <source>C&amp;entre:</source>
        <translation>&amp;Merkez:</translation>
    </message>
    <message>
        <location filename="../views/certificates/certificatesdialog.cpp" line="79"/>
        <source>&amp;Language:</source>
        <translation>&amp;Dil:</translation>
    </message>
    <message>
        <location filename="../views/certificates/certificatesdialog.cpp" line="80"/>
        <source>One PDF, one certificate a page</source>
        <translation>Tek PDF, her sayfada bir belge</translation>
    </message>
    <message>
        <location filename="../views/certificates/certificatesdialog.cpp" line="81"/>
        <source>One PDF file per certificate, in a folder</source>
        <translation>Her belge için ayrı bir PDF dosyası, bir klasörde</translation>
    </message>
    <message>
        <location filename="../views/certificates/certificatesdialog.cpp" line="86"/>
        <source>Output:</source>
        <translation>Çıktı:</translation>
    </message>
    <message>
        <location filename="../views/certificates/certificatesdialog.cpp" line="90"/>
        <source>&amp;Browse…</source>
        <translation>&amp;Gözat…</translation>
    </message>
    <message>
        <location filename="../views/certificates/certificatesdialog.cpp" line="93"/>
        <source>&amp;Save to:</source>
        <translation>&amp;Kaydedilecek yer:</translation>
    </message>
    <message>
        <location filename="../views/certificates/certificatesdialog.cpp" line="96"/>
        <source>Saving or printing issues the certificates: a new number and verification code for a placement without one; a certificate issued before keeps its number and code.</source>
        <translation>Kaydetmek ya da yazdırmak belgeleri düzenler: belgesi olmayan yerleştirmeye yeni bir numara ve doğrulama kodu verilir; daha önce düzenlenmiş bir belge numarasını ve kodunu korur.</translation>
    </message>
    <message>
        <location filename="../views/certificates/certificatesdialog.cpp" line="107"/>
        <source>Issue</source>
        <translation>Belge düzenleme</translation>
    </message>
    <message>
        <location filename="../views/certificates/certificatesdialog.cpp" line="130"/>
        <source>Register</source>
        <translation>Kayıt defteri</translation>
    </message>
    <message>
        <location filename="../views/certificates/certificatesdialog.cpp" line="133"/>
        <source>&amp;Print…</source>
        <translation>&amp;Yazdır…</translation>
    </message>
    <message>
        <location filename="../views/certificates/certificatesdialog.cpp" line="134"/>
        <source>&amp;Save</source>
        <translation>&amp;Kaydet</translation>
    </message>
    <message numerus="yes">
        <location filename="../views/certificates/certificatesdialog.cpp" line="172"/>
        <source>%1 – %2, %3 – %4 (%Ln completed)</source>
        <translation>
            <numerusform>%1 – %2, %3 – %4 (%Ln tamamlandı)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../views/certificates/certificatesdialog.cpp" line="183"/>
        <source>The database is open read-only: certificates cannot be issued. The register shows those issued.</source>
        <translation>Veritabanı salt okunur açık: belge düzenlenemez. Kayıt defteri düzenlenmiş belgeleri gösterir.</translation>
    </message>
    <message>
        <location filename="../views/certificates/certificatesdialog.cpp" line="272"/>
        <source>No completed placement here: there is no certificate to issue.</source>
        <translation>Burada tamamlanmış yerleştirme yok: düzenlenecek belge yok.</translation>
    </message>
    <message numerus="yes">
        <location filename="../views/certificates/certificatesdialog.cpp" line="273"/>
        <source>%Ln completed placement(s): %1 new certificate(s), %2 issued again with their number.</source>
        <translation>
            <numerusform>%Ln tamamlanmış yerleştirme: %1 yeni belge, numarası korunarak yeniden düzenlenecek %2 belge.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../views/certificates/certificatesdialog.cpp" line="286"/>
        <source>certificates</source>
        <translation>katilim-belgeleri</translation>
    </message>
    <message>
        <location filename="../views/certificates/certificatesdialog.cpp" line="293"/>
        <source>Folder for the certificates</source>
        <translation>Belgelerin klasörü</translation>
    </message>
    <message>
        <location filename="../views/certificates/certificatesdialog.cpp" line="294"/>
        <source>Save the certificates</source>
        <translation>Belgeleri kaydet</translation>
    </message>
    <message>
        <location filename="../views/certificates/certificatesdialog.cpp" line="294"/>
        <source>PDF files (*.pdf)</source>
        <translation>PDF dosyaları (*.pdf)</translation>
    </message>
    <message>
        <location filename="../views/certificates/certificatesdialog.cpp" line="303"/>
        <location filename="../views/certificates/certificatesdialog.cpp" line="311"/>
        <location filename="../views/certificates/certificatesdialog.cpp" line="327"/>
        <location filename="../views/certificates/certificatesdialog.cpp" line="345"/>
        <source>Certificates</source>
        <translation>Katılım belgeleri</translation>
    </message>
    <message numerus="yes">
        <location filename="../views/certificates/certificatesdialog.cpp" line="314"/>
        <source>%Ln new certificate(s), %1 issued again (number and code kept).</source>
        <translation>
            <numerusform>%Ln yeni belge, %1 belge yeniden düzenlendi (numara ve kod korundu).</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../views/certificates/certificatesdialog.cpp" line="327"/>
        <source>%1 exists. Replace it?</source>
        <translation>%1 zaten var. Yerine yazılsın mı?</translation>
    </message>
    <message numerus="yes">
        <location filename="../views/certificates/certificatesdialog.cpp" line="350"/>
        <source>%Ln file(s) written to %1.</source>
        <translation>
            <numerusform>%1 klasörüne %Ln dosya yazıldı.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../views/certificates/certificatesdialog.cpp" line="351"/>
        <source>%Ln page(s) written to %1.</source>
        <translation>
            <numerusform>%1 dosyasına %Ln sayfa yazıldı.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../views/certificates/certificatesdialog.cpp" line="372"/>
        <source>Print</source>
        <translation>Yazdır</translation>
    </message>
</context>
<context>
    <name>kopru::ColumnChooser</name>
    <message>
        <location filename="../views/pages/columnchooser.cpp" line="96"/>
        <source>&amp;Hide Column “%1”</source>
        <translation>“%1” Sütununu &amp;Gizle</translation>
    </message>
    <message>
        <location filename="../views/pages/columnchooser.cpp" line="114"/>
        <source>&amp;Show All Columns</source>
        <translation>&amp;Tüm Sütunları Göster</translation>
    </message>
</context>
<context>
    <name>kopru::CompetenciesPage</name>
    <message>
        <location filename="../views/competencies/competenciespage.cpp" line="30"/>
        <source>&amp;Add competency…</source>
        <translation>Yeterlik &amp;ekle…</translation>
    </message>
    <message>
        <location filename="../views/competencies/competenciespage.cpp" line="54"/>
        <source>Cannot load the competencies: %1</source>
        <translation>Yeterlikler yüklenemiyor: %1</translation>
    </message>
    <message>
        <location filename="../views/competencies/competenciespage.cpp" line="80"/>
        <source>Add competency</source>
        <translation>Yeterlik ekle</translation>
    </message>
    <message>
        <location filename="../views/competencies/competenciespage.cpp" line="94"/>
        <source>The code %1 is already used in this field.</source>
        <translation>%1 kodu bu alanda zaten kullanılıyor.</translation>
    </message>
    <message>
        <location filename="../views/competencies/competenciespage.cpp" line="100"/>
        <source>Add competency %1</source>
        <translation>Yeterlik ekleme (%1)</translation>
    </message>
    <message>
        <location filename="../views/competencies/competenciespage.cpp" line="102"/>
        <source>The competency was not added: %1</source>
        <translation>Yeterlik eklenmedi: %1</translation>
    </message>
    <message>
        <location filename="../views/competencies/competenciespage.cpp" line="113"/>
        <source>Delete competencies</source>
        <translation>Yeterlikleri sil</translation>
    </message>
    <message numerus="yes">
        <location filename="../views/competencies/competenciespage.cpp" line="114"/>
        <source>Delete %n competency(ies) together with their need ratings and their place in sessions?

You can undo this with Edit › Undo.</source>
        <translation>
            <numerusform>%n yeterlik, ihtiyaç puanları ve oturumlardaki yerleriyle birlikte silinsin mi?

Bunu Düzen › Geri al ile geri alabilirsiniz.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../views/competencies/competenciespage.cpp" line="121"/>
        <source>Nothing was deleted: %1</source>
        <translation>Hiçbir şey silinmedi: %1</translation>
    </message>
    <message>
        <location filename="../views/competencies/competenciespage.h" line="22"/>
        <source>Competencies</source>
        <translation>Yeterlikler</translation>
    </message>
</context>
<context>
    <name>kopru::CompetencyTableModel</name>
    <message>
        <location filename="../models/itemmodels/competencytablemodel.cpp" line="45"/>
        <source>the code %1 is already used in this field</source>
        <translation>%1 kodu bu alanda zaten kullanılıyor</translation>
    </message>
    <message>
        <location filename="../models/itemmodels/competencytablemodel.cpp" line="54"/>
        <source>the competency is rated or covered by sessions in its current field</source>
        <translation>yeterlik mevcut alanında puanlanmış ya da oturumlarca kapsanıyor</translation>
    </message>
</context>
<context>
    <name>kopru::ConflictModel</name>
    <message>
        <location filename="../models/planning/conflictmodel.cpp" line="81"/>
        <source>Conflict</source>
        <translation>Çakışma</translation>
    </message>
    <message>
        <location filename="../models/planning/conflictmodel.cpp" line="81"/>
        <source>Details</source>
        <translation>Ayrıntılar</translation>
    </message>
</context>
<context>
    <name>kopru::ConnectServerDialog</name>
    <message>
        <location filename="../views/server/connectserverdialog.cpp" line="31"/>
        <source>Connect to Server</source>
        <translation>Sunucuya Bağlan</translation>
    </message>
    <message>
        <location filename="../views/server/connectserverdialog.cpp" line="33"/>
        <source>Open the national office&apos;s Köprü database on a PostgreSQL server. Your IT staff give you the server&apos;s address and your user name.</source>
        <translation>Ulusal ofisin PostgreSQL sunucusundaki Köprü veritabanını açın. Sunucunun adresini ve kullanıcı adınızı bilgi işlem personeliniz verir.</translation>
    </message>
    <message>
        <location filename="../views/server/connectserverdialog.cpp" line="40"/>
        <source>e.g. dbserver.example</source>
        <translation>ör. dbserver.example</translation>
    </message>
    <message>
        <location filename="../views/server/connectserverdialog.cpp" line="54"/>
        <source>Use TLS when the server offers it</source>
        <translation>Sunucu sunuyorsa TLS kullan</translation>
    </message>
    <message>
        <location filename="../views/server/connectserverdialog.cpp" line="55"/>
        <source>Require TLS</source>
        <translation>TLS zorunlu</translation>
    </message>
    <message>
        <location filename="../views/server/connectserverdialog.cpp" line="56"/>
        <source>Require TLS and check the server&apos;s certificate and name</source>
        <translation>TLS zorunlu; sunucunun sertifikasını ve adını denetle</translation>
    </message>
    <message>
        <location filename="../views/server/connectserverdialog.cpp" line="57"/>
        <source>&amp;Remember the password in the system keychain</source>
        <translation>Parolayı sistem anahtarlığında &amp;hatırla</translation>
    </message>
    <message>
        <location filename="../views/server/connectserverdialog.cpp" line="67"/>
        <source>No system keychain is available, so the password cannot be remembered: you will be asked for it each time.</source>
        <translation>Kullanılabilir bir sistem anahtarlığı yok, bu yüzden parola hatırlanamaz: her seferinde sorulacak.</translation>
    </message>
    <message>
        <location filename="../views/server/connectserverdialog.cpp" line="69"/>
        <source>No system keychain is available (%1), so the password cannot be remembered: you will be asked for it each time.</source>
        <translation>Kullanılabilir bir sistem anahtarlığı yok (%1), bu yüzden parola hatırlanamaz: her seferinde sorulacak.</translation>
    </message>
    <message>
        <location filename="../views/server/connectserverdialog.cpp" line="83"/>
        <source>&amp;Server:</source>
        <translation>&amp;Sunucu:</translation>
    </message>
    <message>
        <location filename="../views/server/connectserverdialog.cpp" line="84"/>
        <source>&amp;Port:</source>
        <translation>&amp;Port:</translation>
    </message>
    <message>
        <location filename="../views/server/connectserverdialog.cpp" line="85"/>
        <source>&amp;Database:</source>
        <translation>&amp;Veritabanı:</translation>
    </message>
    <message>
        <location filename="../views/server/connectserverdialog.cpp" line="86"/>
        <source>&amp;User:</source>
        <translation>K&amp;ullanıcı:</translation>
    </message>
    <message>
        <location filename="../views/server/connectserverdialog.cpp" line="87"/>
        <source>Pass&amp;word:</source>
        <translation>Pa&amp;rola:</translation>
    </message>
    <message>
        <location filename="../views/server/connectserverdialog.cpp" line="88"/>
        <source>&amp;Encryption:</source>
        <translation>Ş&amp;ifreleme:</translation>
    </message>
    <message>
        <location filename="../views/server/connectserverdialog.cpp" line="92"/>
        <source>&amp;Connect</source>
        <translation>&amp;Bağlan</translation>
    </message>
    <message>
        <location filename="../views/server/connectserverdialog.cpp" line="140"/>
        <source>The kept password could not be read: %1</source>
        <translation>Saklanan parola okunamadı: %1</translation>
    </message>
    <message>
        <location filename="../views/server/connectserverdialog.cpp" line="178"/>
        <source>Fill in the server, the database and the user.</source>
        <translation>Sunucuyu, veritabanını ve kullanıcıyı doldurun.</translation>
    </message>
    <message>
        <location filename="../views/server/connectserverdialog.cpp" line="186"/>
        <source>Could not connect to the server: %1</source>
        <translation>Sunucuya bağlanılamadı: %1</translation>
    </message>
    <message>
        <location filename="../views/server/connectserverdialog.cpp" line="195"/>
        <source>The password was not remembered: %1</source>
        <translation>Parola hatırlanmadı: %1</translation>
    </message>
</context>
<context>
    <name>kopru::EntityBrowser</name>
    <message>
        <location filename="../views/pages/entitybrowser.cpp" line="58"/>
        <source>Search…</source>
        <translation>Ara…</translation>
    </message>
    <message>
        <location filename="../views/pages/entitybrowser.cpp" line="59"/>
        <source>Words to find anywhere in the row; Turkish letters count (ı and i differ).</source>
        <translation>Satırın herhangi bir yerinde aranacak sözcükler; Türkçe harfler dikkate alınır (ı ile i farklıdır).</translation>
    </message>
    <message>
        <location filename="../views/pages/entitybrowser.cpp" line="72"/>
        <source>Show only this pilot field</source>
        <translation>Yalnızca bu pilot alanı göster</translation>
    </message>
    <message>
        <location filename="../views/pages/entitybrowser.cpp" line="74"/>
        <source>Show only this province</source>
        <translation>Yalnızca bu ili göster</translation>
    </message>
    <message>
        <location filename="../views/pages/entitybrowser.cpp" line="76"/>
        <source>Show only this centre</source>
        <translation>Yalnızca bu merkezi göster</translation>
    </message>
    <message>
        <location filename="../views/pages/entitybrowser.cpp" line="80"/>
        <source>&amp;Add…</source>
        <translation>&amp;Ekle…</translation>
    </message>
    <message>
        <location filename="../views/pages/entitybrowser.cpp" line="81"/>
        <source>&amp;Delete…</source>
        <translation>&amp;Sil…</translation>
    </message>
    <message>
        <location filename="../views/pages/entitybrowser.cpp" line="184"/>
        <source>All fields</source>
        <translation>Tüm alanlar</translation>
    </message>
    <message>
        <location filename="../views/pages/entitybrowser.cpp" line="185"/>
        <source>All provinces</source>
        <translation>Tüm iller</translation>
    </message>
    <message>
        <location filename="../views/pages/entitybrowser.cpp" line="186"/>
        <source>All centres</source>
        <translation>Tüm merkezler</translation>
    </message>
    <message>
        <location filename="../views/pages/entitybrowser.cpp" line="214"/>
        <source>%1 of %2</source>
        <translation>%1 / %2</translation>
    </message>
</context>
<context>
    <name>kopru::EntityDelegate</name>
    <message>
        <location filename="../views/delegates/entitydelegate.cpp" line="61"/>
        <location filename="../views/delegates/entitydelegate.cpp" line="76"/>
        <source>(none)</source>
        <translation>(yok)</translation>
    </message>
    <message>
        <location filename="../views/delegates/entitydelegate.cpp" line="77"/>
        <source>Delete clears the date</source>
        <translation>Delete tuşu tarihi siler</translation>
    </message>
    <message>
        <location filename="../views/delegates/entitydelegate.cpp" line="86"/>
        <source>not applicable</source>
        <translation>fikrim yok</translation>
    </message>
    <message>
        <location filename="../views/delegates/entitydelegate.cpp" line="93"/>
        <source>11 digits</source>
        <translation>11 hane</translation>
    </message>
    <message>
        <location filename="../views/delegates/entitydelegate.cpp" line="98"/>
        <source>0XXX XXX XX XX</source>
        <translation>0XXX XXX XX XX</translation>
    </message>
    <message>
        <location filename="../views/delegates/entitydelegate.cpp" line="103"/>
        <source>name@example.org</source>
        <translation>ad@example.org</translation>
    </message>
</context>
<context>
    <name>kopru::EntityTableModel</name>
    <message>
        <location filename="../models/itemmodels/entitytablemodel.cpp" line="319"/>
        <source>%1: not given</source>
        <translation>%1: belirtilmedi</translation>
    </message>
    <message>
        <location filename="../models/itemmodels/entitytablemodel.cpp" line="394"/>
        <source>%1 (required)</source>
        <translation>%1 (zorunlu)</translation>
    </message>
    <message>
        <location filename="../models/itemmodels/entitytablemodel.cpp" line="433"/>
        <source>%1 cannot be edited here.</source>
        <translation>%1 burada düzenlenemez.</translation>
    </message>
    <message>
        <location filename="../models/itemmodels/entitytablemodel.cpp" line="438"/>
        <location filename="../models/itemmodels/entitytablemodel.cpp" line="445"/>
        <location filename="../models/itemmodels/entitytablemodel.cpp" line="452"/>
        <source>%1 refused: %2</source>
        <translation>%1 kabul edilmedi: %2</translation>
    </message>
    <message>
        <location filename="../models/itemmodels/entitytablemodel.cpp" line="450"/>
        <source>Change %1 of %2</source>
        <translation>%1 değişikliği (%2)</translation>
    </message>
    <message>
        <location filename="../models/itemmodels/entitytablemodel.cpp" line="461"/>
        <location filename="../models/itemmodels/entitytablemodel.cpp" line="502"/>
        <source>No database is open.</source>
        <translation>Açık veritabanı yok.</translation>
    </message>
    <message>
        <location filename="../models/itemmodels/entitytablemodel.cpp" line="475"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location filename="../models/itemmodels/entitytablemodel.cpp" line="505"/>
        <source>Delete %1</source>
        <translation>Silme (%1)</translation>
    </message>
    <message numerus="yes">
        <location filename="../models/itemmodels/entitytablemodel.cpp" line="506"/>
        <source>Delete %n row(s)</source>
        <translation>
            <numerusform>%n satır silme</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kopru::ExchangeLogModel</name>
    <message>
        <location filename="../models/exchange/exchangelogmodel.cpp" line="45"/>
        <source>National office</source>
        <translation>Genel Müdürlük</translation>
    </message>
    <message>
        <location filename="../models/exchange/exchangelogmodel.cpp" line="97"/>
        <source>Sent</source>
        <translation>Gönderildi</translation>
    </message>
    <message>
        <location filename="../models/exchange/exchangelogmodel.cpp" line="97"/>
        <source>Received</source>
        <translation>Alındı</translation>
    </message>
    <message>
        <location filename="../models/exchange/exchangelogmodel.cpp" line="105"/>
        <source>Everything</source>
        <translation>Tümü</translation>
    </message>
    <message>
        <location filename="../models/exchange/exchangelogmodel.cpp" line="105"/>
        <source>Changes since package %1</source>
        <translation>%1 numaralı paketten bu yana değişenler</translation>
    </message>
    <message>
        <location filename="../models/exchange/exchangelogmodel.cpp" line="119"/>
        <source>Direction</source>
        <translation>Yön</translation>
    </message>
    <message>
        <location filename="../models/exchange/exchangelogmodel.cpp" line="119"/>
        <source>With</source>
        <translation>Karşı taraf</translation>
    </message>
    <message>
        <location filename="../models/exchange/exchangelogmodel.cpp" line="119"/>
        <source>When</source>
        <translation>Zaman</translation>
    </message>
    <message>
        <location filename="../models/exchange/exchangelogmodel.cpp" line="119"/>
        <source>Package</source>
        <translation>Paket</translation>
    </message>
    <message>
        <location filename="../models/exchange/exchangelogmodel.cpp" line="119"/>
        <source>Content</source>
        <translation>İçerik</translation>
    </message>
    <message>
        <location filename="../models/exchange/exchangelogmodel.cpp" line="119"/>
        <source>Rows</source>
        <translation>Satır</translation>
    </message>
    <message>
        <location filename="../models/exchange/exchangelogmodel.cpp" line="119"/>
        <source>Conflicts</source>
        <translation>Çakışma</translation>
    </message>
    <message>
        <location filename="../models/exchange/exchangelogmodel.cpp" line="119"/>
        <source>File</source>
        <translation>Dosya</translation>
    </message>
</context>
<context>
    <name>kopru::ExchangePage</name>
    <message>
        <location filename="../views/exchange/exchangepage.cpp" line="51"/>
        <source>Reject Placements</source>
        <translation>Yerleştirmeleri Reddet</translation>
    </message>
    <message>
        <location filename="../views/exchange/exchangepage.cpp" line="52"/>
        <source>Placements to reject (their centres cancel them):</source>
        <translation>Reddedilecek yerleştirmeler (merkezleri bunları iptal eder):</translation>
    </message>
    <message>
        <location filename="../views/exchange/exchangepage.cpp" line="109"/>
        <source>&amp;Packages</source>
        <translation>&amp;Paketler</translation>
    </message>
    <message>
        <location filename="../views/exchange/exchangepage.cpp" line="133"/>
        <location filename="../views/exchange/exchangepage.cpp" line="204"/>
        <source>&amp;Review list</source>
        <translation>&amp;İnceleme listesi</translation>
    </message>
    <message>
        <location filename="../views/exchange/exchangepage.cpp" line="144"/>
        <source>&amp;Centres</source>
        <translation>&amp;Merkezler</translation>
    </message>
    <message>
        <location filename="../views/exchange/exchangepage.cpp" line="149"/>
        <source>&amp;Send to…</source>
        <translation>&amp;Gönder…</translation>
    </message>
    <message>
        <location filename="../views/exchange/exchangepage.cpp" line="150"/>
        <source>Recei&amp;ve Package…</source>
        <translation>Paket &amp;Al…</translation>
    </message>
    <message>
        <location filename="../views/exchange/exchangepage.cpp" line="169"/>
        <source>Exchange</source>
        <translation>Veri Alışverişi</translation>
    </message>
    <message numerus="yes">
        <location filename="../views/exchange/exchangepage.cpp" line="204"/>
        <source>&amp;Review list (%n open)</source>
        <translation>
            <numerusform>&amp;İnceleme listesi (%n açık)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../views/exchange/exchangepage.cpp" line="205"/>
        <source>This database is the national office&apos;s. It receives the centres&apos; packages, decides the conflicts of the review list and sends catalogues, survey results and decisions down.</source>
        <translation>Bu veritabanı Genel Müdürlüğün. Merkezlerin paketlerini alır, inceleme listesindeki çakışmaları karara bağlar ve katalogları, anket sonuçlarını ve kararları merkezlere gönderir.</translation>
    </message>
    <message>
        <location filename="../views/exchange/exchangepage.cpp" line="207"/>
        <source>This database is %1&apos;s. It sends its work to the national office and receives the national catalogues, survey results and decisions; conflicts are decided there.</source>
        <translation>Bu veritabanı şuna ait: %1. Çalışmasını Genel Müdürlüğe gönderir, ulusal katalogları, anket sonuçlarını ve kararları alır; çakışmalar orada karara bağlanır.</translation>
    </message>
    <message>
        <location filename="../views/exchange/exchangepage.cpp" line="210"/>
        <source>Packages: File ▸ Send to… and File ▸ Receive Package…</source>
        <translation>Paketler: Dosya ▸ Gönder… ve Dosya ▸ Paket Al…</translation>
    </message>
    <message>
        <location filename="../views/exchange/exchangepage.cpp" line="239"/>
        <source>No conflicts: nothing waits for a decision.</source>
        <translation>Çakışma yok: karar bekleyen bir şey yok.</translation>
    </message>
    <message>
        <location filename="../views/exchange/exchangepage.cpp" line="241"/>
        <source>Select a conflict to decide it. Every decision can be undone (Edit ▸ Undo).</source>
        <translation>Karara bağlamak için bir çakışma seçin. Her karar geri alınabilir (Düzen ▸ Geri Al).</translation>
    </message>
    <message>
        <location filename="../views/exchange/exchangepage.cpp" line="260"/>
        <source>The record to keep (the others are rejected):</source>
        <translation>Tutulacak kayıt (diğerleri reddedilir):</translation>
    </message>
    <message>
        <location filename="../views/exchange/exchangepage.cpp" line="261"/>
        <source>The record the others are merged into:</source>
        <translation>Diğerlerinin birleştirileceği kayıt:</translation>
    </message>
    <message>
        <location filename="../views/exchange/exchangepage.cpp" line="279"/>
        <source>no conflict is selected</source>
        <translation>seçili çakışma yok</translation>
    </message>
    <message>
        <location filename="../views/exchange/exchangepage.cpp" line="281"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location filename="../views/exchange/exchangepage.cpp" line="291"/>
        <source>Decided: %1 (Edit ▸ Undo takes it back)</source>
        <translation>Karar verildi: %1 (Düzen ▸ Geri Al ile geri alınır)</translation>
    </message>
</context>
<context>
    <name>kopru::ExportDialog</name>
    <message>
        <location filename="../views/exporter/exportdialog.cpp" line="36"/>
        <location filename="../views/exporter/exportdialog.cpp" line="181"/>
        <source>Export</source>
        <translation>Dışa aktar</translation>
    </message>
    <message>
        <location filename="../views/exporter/exportdialog.cpp" line="46"/>
        <source>Placement plan</source>
        <translation>Yerleştirme planı</translation>
    </message>
    <message>
        <location filename="../views/exporter/exportdialog.cpp" line="47"/>
        <source>Training schedule</source>
        <translation>Eğitim takvimi</translation>
    </message>
    <message>
        <location filename="../views/exporter/exportdialog.cpp" line="48"/>
        <source>Needs analysis</source>
        <translation>İhtiyaç analizi</translation>
    </message>
    <message>
        <location filename="../views/exporter/exportdialog.cpp" line="49"/>
        <source>Teachers without a placement</source>
        <translation>Yerleştirilemeyen öğretmenler</translation>
    </message>
    <message>
        <location filename="../views/exporter/exportdialog.cpp" line="50"/>
        <source>&amp;What:</source>
        <translation>İçe&amp;rik:</translation>
    </message>
    <message>
        <location filename="../views/exporter/exportdialog.cpp" line="52"/>
        <source>&amp;Format:</source>
        <translation>&amp;Biçim:</translation>
    </message>
    <message>
        <location filename="../views/exporter/exportdialog.cpp" line="54"/>
        <source>F&amp;ield:</source>
        <translation>&amp;Alan:</translation>
    </message>
    <message>
        <location filename="../views/exporter/exportdialog.cpp" line="56"/>
        <source>&amp;Centre:</source>
        <translation>&amp;Merkez:</translation>
    </message>
    <message>
        <location filename="../views/exporter/exportdialog.cpp" line="60"/>
        <source>&amp;Partner:</source>
        <translation>İşle&amp;tme:</translation>
    </message>
    <message>
        <location filename="../views/exporter/exportdialog.cpp" line="62"/>
        <source>&amp;Anonymise (KVKK): pseudonyms instead of teacher names and national IDs, no phone or e-mail</source>
        <translation>A&amp;nonimleştir (KVKK): öğretmen adları ve T.C. kimlik numaraları yerine takma adlar, telefon ve e-posta yok</translation>
    </message>
    <message>
        <location filename="../views/exporter/exportdialog.cpp" line="67"/>
        <source>&amp;Browse…</source>
        <translation>&amp;Gözat…</translation>
    </message>
    <message>
        <location filename="../views/exporter/exportdialog.cpp" line="70"/>
        <source>&amp;Save to:</source>
        <translation>&amp;Kaydedilecek yer:</translation>
    </message>
    <message>
        <location filename="../views/exporter/exportdialog.cpp" line="80"/>
        <source>&amp;Export</source>
        <translation>&amp;Dışa aktar</translation>
    </message>
    <message>
        <location filename="../views/exporter/exportdialog.cpp" line="106"/>
        <source>All fields</source>
        <translation>Tüm alanlar</translation>
    </message>
    <message>
        <location filename="../views/exporter/exportdialog.cpp" line="107"/>
        <source>All centres</source>
        <translation>Tüm merkezler</translation>
    </message>
    <message>
        <location filename="../views/exporter/exportdialog.cpp" line="108"/>
        <source>All partners</source>
        <translation>Tüm işletmeler</translation>
    </message>
    <message>
        <location filename="../views/exporter/exportdialog.cpp" line="121"/>
        <source>placement-plan</source>
        <translation>yerlestirme-plani</translation>
    </message>
    <message>
        <location filename="../views/exporter/exportdialog.cpp" line="131"/>
        <source>Excel workbook (.xlsx)</source>
        <translation>Excel çalışma kitabı (.xlsx)</translation>
    </message>
    <message>
        <location filename="../views/exporter/exportdialog.cpp" line="131"/>
        <source>CSV, UTF-8 with &apos;;&apos; (.csv)</source>
        <translation>CSV, UTF-8, &apos;;&apos; ayraçlı (.csv)</translation>
    </message>
    <message>
        <location filename="../views/exporter/exportdialog.cpp" line="132"/>
        <source>PDF, A4 landscape (.pdf)</source>
        <translation>PDF, A4 yatay (.pdf)</translation>
    </message>
    <message>
        <location filename="../views/exporter/exportdialog.cpp" line="132"/>
        <source>iCalendar (.ics)</source>
        <translation>iCalendar (.ics)</translation>
    </message>
    <message>
        <location filename="../views/exporter/exportdialog.cpp" line="146"/>
        <source>Export to</source>
        <translation>Dışa aktarılacak dosya</translation>
    </message>
    <message>
        <location filename="../views/exporter/exportdialog.cpp" line="146"/>
        <source>%1 files (*.%2)</source>
        <translation>%1 dosyaları (*.%2)</translation>
    </message>
    <message>
        <location filename="../views/exporter/exportdialog.cpp" line="181"/>
        <source>%1 exists. Replace it?</source>
        <translation>%1 zaten var. Değiştirilsin mi?</translation>
    </message>
    <message>
        <location filename="../views/exporter/exportdialog.cpp" line="195"/>
        <source>Export failed</source>
        <translation>Dışa aktarma başarısız</translation>
    </message>
    <message numerus="yes">
        <location filename="../views/exporter/exportdialog.cpp" line="198"/>
        <source>Exported %Ln row(s) to %1.</source>
        <translation>
            <numerusform>%Ln satır %1 dosyasına aktarıldı.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../views/exporter/exportdialog.cpp" line="200"/>
        <source>%n page(s).</source>
        <translation>
            <numerusform>%n sayfa.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../views/exporter/exportdialog.cpp" line="204"/>
        <source>Anonymised with this database&apos;s stable pseudonyms.</source>
        <translation>Bu veritabanının kalıcı takma adlarıyla anonimleştirildi.</translation>
    </message>
    <message>
        <location filename="../views/exporter/exportdialog.cpp" line="205"/>
        <source>Anonymised; the database is read-only, so these pseudonyms differ from other exports.</source>
        <translation>Anonimleştirildi; veritabanı salt okunur olduğundan bu takma adlar diğer dışa aktarmalardakilerden farklıdır.</translation>
    </message>
</context>
<context>
    <name>kopru::HelpWindow</name>
    <message>
        <location filename="../views/help/helpwindow.cpp" line="22"/>
        <source>Köprü User Guide</source>
        <translation>Köprü Kullanım Kılavuzu</translation>
    </message>
    <message>
        <location filename="../views/help/helpwindow.cpp" line="36"/>
        <source>◀ &amp;Back</source>
        <translation>◀ &amp;Geri</translation>
    </message>
    <message>
        <location filename="../views/help/helpwindow.cpp" line="36"/>
        <source>Back to the previous place in the guide</source>
        <translation>Kılavuzda önceki yere dön</translation>
    </message>
    <message>
        <location filename="../views/help/helpwindow.cpp" line="37"/>
        <source>&amp;Forward ▶</source>
        <translation>&amp;İleri ▶</translation>
    </message>
    <message>
        <location filename="../views/help/helpwindow.cpp" line="37"/>
        <source>Forward again</source>
        <translation>Yeniden ileri git</translation>
    </message>
    <message>
        <location filename="../views/help/helpwindow.cpp" line="39"/>
        <source>&amp;Contents</source>
        <translation>İç&amp;indekiler</translation>
    </message>
    <message>
        <location filename="../views/help/helpwindow.cpp" line="39"/>
        <source>The beginning of the guide, with its contents</source>
        <translation>Kılavuzun başı ve içindekiler</translation>
    </message>
    <message>
        <location filename="../views/help/helpwindow.cpp" line="50"/>
        <source>Search the guide…</source>
        <translation>Kılavuzda ara…</translation>
    </message>
</context>
<context>
    <name>kopru::ImportCommitPage</name>
    <message>
        <location filename="../views/importer/importrunpages.cpp" line="258"/>
        <source>&amp;Stop and undo</source>
        <translation>&amp;Durdur ve geri al</translation>
    </message>
    <message>
        <location filename="../views/importer/importrunpages.cpp" line="260"/>
        <source>Import</source>
        <translation>İçe aktarma</translation>
    </message>
    <message>
        <location filename="../views/importer/importrunpages.cpp" line="261"/>
        <source>All rows are written in one transaction: if the import is stopped or fails, the database stays as it was.</source>
        <translation>Tüm satırlar tek bir işlemde yazılır: içe aktarma durdurulursa ya da başarısız olursa veritabanı olduğu gibi kalır.</translation>
    </message>
    <message>
        <location filename="../views/importer/importrunpages.cpp" line="283"/>
        <source>Imported: %1 new, %2 updated, %3 unchanged.</source>
        <translation>İçe aktarıldı: %1 yeni, %2 güncellenen, %3 değişmeyen.</translation>
    </message>
    <message>
        <location filename="../views/importer/importrunpages.cpp" line="285"/>
        <source>Stopped. Nothing was written.</source>
        <translation>Durduruldu. Hiçbir şey yazılmadı.</translation>
    </message>
    <message>
        <location filename="../views/importer/importrunpages.cpp" line="287"/>
        <source>The import failed and nothing was written: %1</source>
        <translation>İçe aktarma başarısız oldu, hiçbir şey yazılmadı: %1</translation>
    </message>
    <message>
        <location filename="../views/importer/importrunpages.cpp" line="299"/>
        <source>Importing…</source>
        <translation>İçe aktarılıyor…</translation>
    </message>
    <message>
        <location filename="../views/importer/importrunpages.cpp" line="306"/>
        <source>Stopping…</source>
        <translation>Durduruluyor…</translation>
    </message>
</context>
<context>
    <name>kopru::ImportFilePage</name>
    <message>
        <location filename="../views/importer/importsourcepages.cpp" line="32"/>
        <source>File to import</source>
        <translation>İçe aktarılacak dosya</translation>
    </message>
    <message>
        <location filename="../views/importer/importsourcepages.cpp" line="34"/>
        <source>CSV from Excel or LibreOffice (any encoding, separated by ; , or tab), LimeSurvey exports, or .xlsx workbooks.</source>
        <translation>Excel veya LibreOffice&apos;ten CSV (herhangi bir kodlama; ayraç ; , ya da sekme), LimeSurvey dışa aktarımları veya .xlsx çalışma kitapları.</translation>
    </message>
    <message>
        <location filename="../views/importer/importsourcepages.cpp" line="38"/>
        <source>&amp;Browse…</source>
        <translation>&amp;Gözat…</translation>
    </message>
    <message>
        <location filename="../views/importer/importsourcepages.cpp" line="43"/>
        <source>&amp;What the file holds:</source>
        <translation>Dosyadaki &amp;veriler:</translation>
    </message>
    <message>
        <location filename="../views/importer/importsourcepages.cpp" line="45"/>
        <source>Round 1 — needs survey</source>
        <translation>1. tur — ihtiyaç anketi</translation>
    </message>
    <message>
        <location filename="../views/importer/importsourcepages.cpp" line="46"/>
        <source>Round 2 — after the training</source>
        <translation>2. tur — eğitimden sonra</translation>
    </message>
    <message>
        <location filename="../views/importer/importsourcepages.cpp" line="48"/>
        <source>Needs: which survey the file answers. Round 2 replaces only the round-2 answers it holds; round 1 stays as it is.</source>
        <translation>İhtiyaçlar: dosyanın hangi ankete yanıt verdiği. 2. tur yalnızca içerdiği 2. tur yanıtlarının yerini alır; 1. tur olduğu gibi kalır.</translation>
    </message>
    <message>
        <location filename="../views/importer/importsourcepages.cpp" line="50"/>
        <source>Survey &amp;round:</source>
        <translation>Anket &amp;turu:</translation>
    </message>
    <message>
        <location filename="../views/importer/importsourcepages.cpp" line="55"/>
        <source>&amp;File:</source>
        <translation>&amp;Dosya:</translation>
    </message>
    <message>
        <location filename="../views/importer/importsourcepages.cpp" line="59"/>
        <source>Path of a .csv, .txt or .xlsx file</source>
        <translation>Bir .csv, .txt veya .xlsx dosyasının yolu</translation>
    </message>
    <message>
        <location filename="../views/importer/importsourcepages.cpp" line="68"/>
        <source>Import file</source>
        <translation>İçe aktarılacak dosya</translation>
    </message>
    <message>
        <location filename="../views/importer/importsourcepages.cpp" line="68"/>
        <source>Tables (*.csv *.txt *.xlsx);;All files (*)</source>
        <translation>Tablolar (*.csv *.txt *.xlsx);;Tüm dosyalar (*)</translation>
    </message>
</context>
<context>
    <name>kopru::ImportFormatPage</name>
    <message>
        <location filename="../views/importer/importsourcepages.cpp" line="101"/>
        <source>Encoding, separator and preview</source>
        <translation>Kodlama, ayraç ve önizleme</translation>
    </message>
    <message>
        <location filename="../views/importer/importsourcepages.cpp" line="103"/>
        <source>Köprü detected how the file is written. Change it if the preview looks wrong (for example ? or Ã instead of ş).</source>
        <translation>Köprü dosyanın nasıl yazıldığını algıladı. Önizleme yanlış görünüyorsa değiştirin (örneğin ş yerine ? veya Ã görünüyorsa).</translation>
    </message>
    <message>
        <location filename="../views/importer/importsourcepages.cpp" line="104"/>
        <location filename="../views/importer/importsourcepages.cpp" line="108"/>
        <source>Detect</source>
        <translation>Otomatik algıla</translation>
    </message>
    <message>
        <location filename="../views/importer/importsourcepages.cpp" line="105"/>
        <source>UTF-8</source>
        <translation>UTF-8</translation>
    </message>
    <message>
        <location filename="../views/importer/importsourcepages.cpp" line="106"/>
        <source>Windows-1254 (Turkish Excel)</source>
        <translation>Windows-1254 (Türkçe Excel)</translation>
    </message>
    <message>
        <location filename="../views/importer/importsourcepages.cpp" line="107"/>
        <source>ISO-8859-9 (Latin-5)</source>
        <translation>ISO-8859-9 (Latin-5)</translation>
    </message>
    <message>
        <location filename="../views/importer/importsourcepages.cpp" line="109"/>
        <source>Semicolon ;</source>
        <translation>Noktalı virgül ;</translation>
    </message>
    <message>
        <location filename="../views/importer/importsourcepages.cpp" line="110"/>
        <source>Comma ,</source>
        <translation>Virgül ,</translation>
    </message>
    <message>
        <location filename="../views/importer/importsourcepages.cpp" line="111"/>
        <source>Tab</source>
        <translation>Sekme</translation>
    </message>
    <message>
        <location filename="../views/importer/importsourcepages.cpp" line="113"/>
        <source>&amp;Encoding:</source>
        <translation>&amp;Kodlama:</translation>
    </message>
    <message>
        <location filename="../views/importer/importsourcepages.cpp" line="114"/>
        <source>&amp;Separator:</source>
        <translation>&amp;Ayraç:</translation>
    </message>
    <message>
        <location filename="../views/importer/importsourcepages.cpp" line="115"/>
        <source>S&amp;heet:</source>
        <translation>&amp;Sayfa:</translation>
    </message>
    <message>
        <location filename="../views/importer/importsourcepages.cpp" line="165"/>
        <source>The file cannot be read: %1</source>
        <translation>Dosya okunamıyor: %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../views/importer/importsourcepages.cpp" line="170"/>
        <source>Workbook with %n sheet(s); %1 data rows in this sheet.</source>
        <translation>
            <numerusform>%n sayfalık çalışma kitabı; bu sayfada %1 veri satırı var.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../views/importer/importsourcepages.cpp" line="174"/>
        <source>Read as %1, separated by “%2”; %3 data rows.</source>
        <translation>%1 olarak okundu, ayraç: “%2”; %3 veri satırı.</translation>
    </message>
    <message>
        <location filename="../views/importer/importsourcepages.cpp" line="175"/>
        <source>tab</source>
        <translation>sekme</translation>
    </message>
</context>
<context>
    <name>kopru::ImportMappingPage</name>
    <message>
        <location filename="../views/importer/importrunpages.cpp" line="50"/>
        <source>Columns</source>
        <translation>Sütunlar</translation>
    </message>
    <message>
        <location filename="../views/importer/importrunpages.cpp" line="51"/>
        <source>Köprü recognised the headers it knows. Choose for each other column what it holds, or leave it unused. Your choices are remembered for the next file of this kind.</source>
        <translation>Köprü tanıdığı başlıkları eşleştirdi. Diğer her sütun için neyi içerdiğini seçin ya da kullanılmadan bırakın. Seçimleriniz bu türdeki bir sonraki dosya için hatırlanır.</translation>
    </message>
    <message>
        <location filename="../views/importer/importrunpages.cpp" line="56"/>
        <source>Column in the file</source>
        <translation>Dosyadaki sütun</translation>
    </message>
    <message>
        <location filename="../views/importer/importrunpages.cpp" line="56"/>
        <source>First value</source>
        <translation>İlk değer</translation>
    </message>
    <message>
        <location filename="../views/importer/importrunpages.cpp" line="56"/>
        <source>Holds</source>
        <translation>İçeriği</translation>
    </message>
    <message>
        <location filename="../views/importer/importrunpages.cpp" line="92"/>
        <source>(not used)</source>
        <translation>(kullanılmıyor)</translation>
    </message>
    <message>
        <location filename="../views/importer/importrunpages.cpp" line="99"/>
        <location filename="../views/importer/importrunpages.cpp" line="106"/>
        <source>Need for competency %1</source>
        <translation>%1 yeterliği için ihtiyaç</translation>
    </message>
    <message>
        <location filename="../views/importer/importrunpages.cpp" line="101"/>
        <location filename="../views/importer/importrunpages.cpp" line="107"/>
        <source>Answer to item %1</source>
        <translation>%1 maddesinin yanıtı</translation>
    </message>
</context>
<context>
    <name>kopru::ImportReportPage</name>
    <message>
        <location filename="../views/importer/importrunpages.cpp" line="147"/>
        <source>&amp;Save report as CSV…</source>
        <translation>Raporu CSV olarak &amp;kaydet…</translation>
    </message>
    <message>
        <location filename="../views/importer/importrunpages.cpp" line="149"/>
        <source>Check</source>
        <translation>Denetim</translation>
    </message>
    <message>
        <location filename="../views/importer/importrunpages.cpp" line="150"/>
        <source>A dry run: every row is checked, nothing is written yet. The file is imported only when no row is refused.</source>
        <translation>Deneme (yazmadan): her satır denetlenir, henüz hiçbir şey yazılmaz. Dosya yalnızca hiçbir satır reddedilmezse içe aktarılır.</translation>
    </message>
    <message>
        <location filename="../views/importer/importrunpages.cpp" line="160"/>
        <location filename="../views/importer/importrunpages.cpp" line="226"/>
        <source>Line</source>
        <translation>Satır</translation>
    </message>
    <message>
        <location filename="../views/importer/importrunpages.cpp" line="160"/>
        <location filename="../views/importer/importrunpages.cpp" line="226"/>
        <source>Column</source>
        <translation>Sütun</translation>
    </message>
    <message>
        <location filename="../views/importer/importrunpages.cpp" line="160"/>
        <location filename="../views/importer/importrunpages.cpp" line="226"/>
        <source>Kind</source>
        <translation>Tür</translation>
    </message>
    <message>
        <location filename="../views/importer/importrunpages.cpp" line="160"/>
        <location filename="../views/importer/importrunpages.cpp" line="226"/>
        <source>Reason</source>
        <translation>Gerekçe</translation>
    </message>
    <message>
        <location filename="../views/importer/importrunpages.cpp" line="173"/>
        <source>Checking…</source>
        <translation>Denetleniyor…</translation>
    </message>
    <message>
        <location filename="../views/importer/importrunpages.cpp" line="189"/>
        <location filename="../views/importer/importrunpages.cpp" line="228"/>
        <source>refused</source>
        <translation>reddedildi</translation>
    </message>
    <message>
        <location filename="../views/importer/importrunpages.cpp" line="191"/>
        <location filename="../views/importer/importrunpages.cpp" line="231"/>
        <source>note</source>
        <translation>not</translation>
    </message>
    <message>
        <location filename="../views/importer/importrunpages.cpp" line="198"/>
        <source>Column %1 of the file</source>
        <translation>Dosyanın %1. sütunu</translation>
    </message>
    <message>
        <location filename="../views/importer/importrunpages.cpp" line="206"/>
        <source>No row is refused. Import will write: %1 new, %2 updated, %3 unchanged.</source>
        <translation>Reddedilen satır yok. İçe aktarma şunları yazacak: %1 yeni, %2 güncellenen, %3 değişmeyen.</translation>
    </message>
    <message numerus="yes">
        <location filename="../views/importer/importrunpages.cpp" line="211"/>
        <source>%n problem(s) found: nothing can be imported until the file is corrected.</source>
        <translation>
            <numerusform>%n sorun bulundu: dosya düzeltilene kadar hiçbir şey içe aktarılamaz.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../views/importer/importrunpages.cpp" line="213"/>
        <source>The first %n are listed.</source>
        <translation>
            <numerusform>İlk %n tanesi listelendi.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../views/importer/importrunpages.cpp" line="222"/>
        <source>Save report</source>
        <translation>Raporu kaydet</translation>
    </message>
    <message>
        <location filename="../views/importer/importrunpages.cpp" line="222"/>
        <source>import-report.csv</source>
        <translation>ice-aktarma-raporu.csv</translation>
    </message>
    <message>
        <location filename="../views/importer/importrunpages.cpp" line="222"/>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../views/importer/importrunpages.cpp" line="226"/>
        <source>File</source>
        <translation>Dosya</translation>
    </message>
    <message>
        <location filename="../views/importer/importrunpages.cpp" line="242"/>
        <source>The report could not be saved: %1</source>
        <translation>Rapor kaydedilemedi: %1</translation>
    </message>
</context>
<context>
    <name>kopru::ImportScalePage</name>
    <message>
        <location filename="../views/importer/importscalepage.cpp" line="24"/>
        <source>Answer labels</source>
        <translation>Yanıt etiketleri</translation>
    </message>
    <message>
        <location filename="../views/importer/importscalepage.cpp" line="25"/>
        <source>The survey labels its answers in its own words. Choose the need level each label means. Your choices are remembered for the next file with these labels.</source>
        <translation>Anket yanıtlarını kendi sözcükleriyle etiketliyor. Her etiketin hangi ihtiyaç düzeyini anlattığını seçin. Seçimleriniz bu etiketleri taşıyan bir sonraki dosya için hatırlanır.</translation>
    </message>
    <message>
        <location filename="../views/importer/importscalepage.cpp" line="32"/>
        <source>Label in the file</source>
        <translation>Dosyadaki etiket</translation>
    </message>
    <message>
        <location filename="../views/importer/importscalepage.cpp" line="32"/>
        <source>Cells</source>
        <translation>Hücre</translation>
    </message>
    <message>
        <location filename="../views/importer/importscalepage.cpp" line="32"/>
        <source>Level</source>
        <translation>Düzey</translation>
    </message>
    <message>
        <location filename="../views/importer/importscalepage.cpp" line="55"/>
        <source>(choose a level)</source>
        <translation>(bir düzey seçin)</translation>
    </message>
    <message numerus="yes">
        <location filename="../views/importer/importscalepage.cpp" line="76"/>
        <source>%n label(s) without a level: the import can start when each has one.</source>
        <translation>
            <numerusform>düzeyi seçilmemiş %n etiket: her birinin bir düzeyi olunca içe aktarma başlayabilir.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kopru::ImportWizard</name>
    <message>
        <location filename="../views/importer/importwizard.cpp" line="15"/>
        <source>Import</source>
        <translation>İçe aktar</translation>
    </message>
</context>
<context>
    <name>kopru::MainWindow</name>
    <message>
        <location filename="../views/mainwindow/mainwindow.cpp" line="60"/>
        <source>The automatic backup of %1 is made.</source>
        <translation>%1 dosyasının otomatik yedeği alındı.</translation>
    </message>
    <message>
        <location filename="../views/mainwindow/mainwindow.cpp" line="100"/>
        <source>Pages</source>
        <translation>Sayfalar</translation>
    </message>
    <message>
        <location filename="../views/mainwindow/mainwindow.cpp" line="174"/>
        <source>The window is now in English.</source>
        <translation>Pencere artık Türkçe.</translation>
    </message>
    <message>
        <location filename="../views/mainwindow/mainwindow.cpp" line="185"/>
        <source>Could not open %1</source>
        <translation>%1 açılamadı</translation>
    </message>
    <message>
        <location filename="../views/mainwindow/mainwindow.cpp" line="190"/>
        <source>Opened %1</source>
        <translation>%1 açıldı</translation>
    </message>
    <message>
        <location filename="../views/mainwindow/mainwindow.cpp" line="216"/>
        <source>Closed %1: it failed its integrity check</source>
        <translation>%1 kapatıldı: bütünlük denetiminden geçemedi</translation>
    </message>
    <message>
        <location filename="../views/mainwindow/mainwindow.cpp" line="299"/>
        <source>Köprü</source>
        <translation>Köprü</translation>
    </message>
    <message>
        <location filename="../views/mainwindow/mainwindow.cpp" line="304"/>
        <source>%1 (read-only)</source>
        <translation>%1 (salt okunur)</translation>
    </message>
    <message>
        <location filename="../views/mainwindow/mainwindow.cpp" line="307"/>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <location filename="../views/mainwindow/mainwindowfile.cpp" line="42"/>
        <source>Köprü databases (*.kopru)</source>
        <translation>Köprü veritabanları (*.kopru)</translation>
    </message>
    <message>
        <location filename="../views/mainwindow/mainwindowfile.cpp" line="85"/>
        <location filename="../views/mainwindow/mainwindowfile.cpp" line="97"/>
        <source>New Database</source>
        <translation>Yeni veritabanı</translation>
    </message>
    <message>
        <location filename="../views/mainwindow/mainwindowfile.cpp" line="80"/>
        <source>programme</source>
        <translation>program</translation>
    </message>
    <message>
        <location filename="../views/mainwindow/mainwindowfile.cpp" line="106"/>
        <source>%1 already exists. Choose another name; Köprü never overwrites a database.</source>
        <translation>%1 zaten var. Başka bir ad seçin; Köprü bir veritabanının üzerine asla yazmaz.</translation>
    </message>
    <message>
        <location filename="../views/mainwindow/mainwindowfile.cpp" line="110"/>
        <source>The folder %1 could not be created.</source>
        <translation>%1 klasörü oluşturulamadı.</translation>
    </message>
    <message>
        <location filename="../views/mainwindow/mainwindowfile.cpp" line="113"/>
        <source>The database could not be created:
%1</source>
        <translation>Veritabanı oluşturulamadı:
%1</translation>
    </message>
    <message>
        <location filename="../views/mainwindow/mainwindowfile.cpp" line="116"/>
        <source>Created %1</source>
        <translation>%1 oluşturuldu</translation>
    </message>
    <message>
        <location filename="../views/mainwindow/mainwindowfile.cpp" line="124"/>
        <source>Open Database</source>
        <translation>Veritabanı aç</translation>
    </message>
    <message>
        <location filename="../views/mainwindow/mainwindowfile.cpp" line="124"/>
        <location filename="../views/mainwindow/mainwindowfile.cpp" line="145"/>
        <source>All files (*)</source>
        <translation>Tüm dosyalar (*)</translation>
    </message>
    <message>
        <location filename="../views/mainwindow/mainwindowfile.cpp" line="145"/>
        <source>Receive Package</source>
        <translation>Paket Al</translation>
    </message>
    <message>
        <location filename="../views/mainwindow/mainwindowfile.cpp" line="145"/>
        <source>Köprü packages (*.kopru-pkg)</source>
        <translation>Köprü paketleri (*.kopru-pkg)</translation>
    </message>
    <message>
        <location filename="../views/mainwindow/mainwindowfile.cpp" line="162"/>
        <source>Received %1</source>
        <translation>%1 alındı</translation>
    </message>
    <message>
        <location filename="../views/mainwindow/mainwindowfile.cpp" line="171"/>
        <location filename="../views/mainwindow/mainwindowmenus.cpp" line="82"/>
        <source>Backups of a server database are made by its IT staff with pg_dump</source>
        <translation>Sunucu veritabanının yedeklerini bilgi işlem personeli pg_dump ile alır</translation>
    </message>
    <message>
        <location filename="../views/mainwindow/mainwindowfile.cpp" line="177"/>
        <location filename="../views/mainwindow/mainwindowfile.cpp" line="181"/>
        <location filename="../views/mainwindow/mainwindowfile.cpp" line="186"/>
        <source>Save a Copy</source>
        <translation>Kopyasını kaydet</translation>
    </message>
    <message>
        <location filename="../views/mainwindow/mainwindowfile.cpp" line="182"/>
        <source>%1 already exists. Choose another name; a copy never overwrites a file.</source>
        <translation>%1 zaten var. Başka bir ad seçin; kopya hiçbir dosyanın üzerine yazmaz.</translation>
    </message>
    <message>
        <location filename="../views/mainwindow/mainwindowfile.cpp" line="186"/>
        <source>The copy could not be written:
%1</source>
        <translation>Kopya yazılamadı:
%1</translation>
    </message>
    <message>
        <location filename="../views/mainwindow/mainwindowfile.cpp" line="189"/>
        <source>Saved a copy as %1</source>
        <translation>Kopya %1 olarak kaydedildi</translation>
    </message>
    <message>
        <location filename="../views/mainwindow/mainwindowfile.cpp" line="198"/>
        <source>Closed %1</source>
        <translation>%1 kapatıldı</translation>
    </message>
    <message>
        <location filename="../views/mainwindow/mainwindowfile.cpp" line="207"/>
        <source>This page has nothing to print.</source>
        <translation>Bu sayfada yazdırılacak bir şey yok.</translation>
    </message>
    <message>
        <location filename="../views/mainwindow/mainwindowfile.cpp" line="226"/>
        <source>Select cells of a table to copy.</source>
        <translation>Kopyalamak için bir tablonun hücrelerini seçin.</translation>
    </message>
    <message numerus="yes">
        <location filename="../views/mainwindow/mainwindowfile.cpp" line="232"/>
        <source>Copied %Ln row(s) with their column headers.</source>
        <translation>
            <numerusform>%Ln satır sütun başlıklarıyla kopyalandı.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../views/mainwindow/mainwindowfile.cpp" line="240"/>
        <source>This page has no search box.</source>
        <translation>Bu sayfada arama kutusu yok.</translation>
    </message>
    <message>
        <location filename="../views/mainwindow/mainwindowfile.cpp" line="266"/>
        <location filename="../views/mainwindow/mainwindowfile.cpp" line="279"/>
        <source>This page has no table to export.</source>
        <translation>Bu sayfada dışa aktarılacak bir tablo yok.</translation>
    </message>
    <message numerus="yes">
        <location filename="../views/mainwindow/mainwindowfile.cpp" line="269"/>
        <source>%1, %2 — %Ln row(s) as shown in Köprü</source>
        <translation>
            <numerusform>%1, %2 — Köprü&apos;de göründüğü gibi %Ln satır</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../views/mainwindow/mainwindowfile.cpp" line="284"/>
        <source>Export Table</source>
        <translation>Tabloyu Dışa Aktar</translation>
    </message>
    <message>
        <location filename="../views/mainwindow/mainwindowfile.cpp" line="286"/>
        <source>Excel workbook (*.xlsx);;CSV, UTF-8 with &apos;;&apos; (*.csv)</source>
        <translation>Excel çalışma kitabı (*.xlsx);;CSV, UTF-8, &apos;;&apos; ayraçlı (*.csv)</translation>
    </message>
    <message>
        <location filename="../views/mainwindow/mainwindowfile.cpp" line="290"/>
        <source>Not Saved</source>
        <translation>Kaydedilmedi</translation>
    </message>
    <message>
        <location filename="../views/mainwindow/mainwindowfile.cpp" line="293"/>
        <source>The table was saved to %1.</source>
        <translation>Tablo %1 dosyasına kaydedildi.</translation>
    </message>
    <message>
        <location filename="../views/mainwindow/mainwindowmenus.cpp" line="25"/>
        <source>&amp;File</source>
        <translation>&amp;Dosya</translation>
    </message>
    <message>
        <location filename="../views/mainwindow/mainwindowmenus.cpp" line="26"/>
        <source>&amp;New…</source>
        <translation>&amp;Yeni…</translation>
    </message>
    <message>
        <location filename="../views/mainwindow/mainwindowmenus.cpp" line="29"/>
        <source>Create a new, empty database</source>
        <translation>Yeni, boş bir veritabanı oluştur</translation>
    </message>
    <message>
        <location filename="../views/mainwindow/mainwindowmenus.cpp" line="30"/>
        <source>&amp;Open…</source>
        <translation>&amp;Aç…</translation>
    </message>
    <message>
        <location filename="../views/mainwindow/mainwindowmenus.cpp" line="33"/>
        <source>Open an existing database</source>
        <translation>Var olan bir veritabanını aç</translation>
    </message>
    <message>
        <location filename="../views/mainwindow/mainwindowmenus.cpp" line="34"/>
        <source>Connect to &amp;Server…</source>
        <translation>Sunucuya &amp;bağlan…</translation>
    </message>
    <message>
        <location filename="../views/mainwindow/mainwindowmenus.cpp" line="36"/>
        <source>Open the national office&apos;s database on a PostgreSQL server</source>
        <translation>Ulusal ofisin PostgreSQL sunucusundaki veritabanını aç</translation>
    </message>
    <message>
        <location filename="../views/mainwindow/mainwindowmenus.cpp" line="37"/>
        <source>Open &amp;Recent</source>
        <translation>&amp;Son açılanlar</translation>
    </message>
    <message>
        <location filename="../views/mainwindow/mainwindowmenus.cpp" line="43"/>
        <source>%1 no longer exists and was removed from the recent files</source>
        <translation>%1 artık yok; son açılanlar listesinden kaldırıldı</translation>
    </message>
    <message>
        <location filename="../views/mainwindow/mainwindowmenus.cpp" line="46"/>
        <source>Save a &amp;Copy…</source>
        <translation>&amp;Kopyasını kaydet…</translation>
    </message>
    <message>
        <location filename="../views/mainwindow/mainwindowmenus.cpp" line="49"/>
        <source>Write a consistent backup copy of the open database</source>
        <translation>Açık veritabanının tutarlı bir yedek kopyasını yaz</translation>
    </message>
    <message>
        <location filename="../views/mainwindow/mainwindowmenus.cpp" line="54"/>
        <source>&amp;Import…</source>
        <translation>İç&amp;e aktar…</translation>
    </message>
    <message>
        <location filename="../views/mainwindow/mainwindowmenus.cpp" line="57"/>
        <source>&amp;Export…</source>
        <translation>&amp;Dışa aktar…</translation>
    </message>
    <message>
        <location filename="../views/mainwindow/mainwindowmenus.cpp" line="60"/>
        <source>Export &amp;Table…</source>
        <translation>&amp;Tabloyu dışa aktar…</translation>
    </message>
    <message>
        <location filename="../views/mainwindow/mainwindowmenus.cpp" line="63"/>
        <source>Save the table of this page as it is shown (filtered, sorted, shown columns) for Excel</source>
        <translation>Bu sayfanın tablosunu göründüğü gibi (süzülmüş, sıralanmış, görünen sütunlarla) Excel için kaydet</translation>
    </message>
    <message>
        <location filename="../views/mainwindow/mainwindowmenus.cpp" line="65"/>
        <source>&amp;Print…</source>
        <translation>&amp;Yazdır…</translation>
    </message>
    <message>
        <location filename="../views/mainwindow/mainwindowmenus.cpp" line="68"/>
        <source>Print the current page as it is shown</source>
        <translation>Geçerli sayfayı göründüğü gibi yazdır</translation>
    </message>
    <message>
        <location filename="../views/mainwindow/mainwindowmenus.cpp" line="69"/>
        <source>&amp;Close</source>
        <translation>&amp;Kapat</translation>
    </message>
    <message>
        <location filename="../views/mainwindow/mainwindowmenus.cpp" line="72"/>
        <source>Close the open database</source>
        <translation>Açık veritabanını kapat</translation>
    </message>
    <message>
        <location filename="../views/mainwindow/mainwindowmenus.cpp" line="74"/>
        <source>Sen&amp;d to…</source>
        <translation>&amp;Gönder…</translation>
    </message>
    <message>
        <location filename="../views/mainwindow/mainwindowmenus.cpp" line="76"/>
        <source>Make a package for the national office or the centres</source>
        <translation>Genel Müdürlük ya da merkezler için paket hazırla</translation>
    </message>
    <message>
        <location filename="../views/mainwindow/mainwindowmenus.cpp" line="77"/>
        <source>Recei&amp;ve Package…</source>
        <translation>Paket &amp;Al…</translation>
    </message>
    <message>
        <location filename="../views/mainwindow/mainwindowmenus.cpp" line="79"/>
        <source>Check a package from the national office or a centre, then apply it</source>
        <translation>Genel Müdürlükten ya da bir merkezden gelen paketi denetle, sonra uygula</translation>
    </message>
    <message>
        <location filename="../views/mainwindow/mainwindowmenus.cpp" line="87"/>
        <source>This database is open read-only: packages are sent and received by someone who may write</source>
        <translation>Bu veritabanı salt okunur açık: paketleri yazma yetkisi olan biri gönderir ve alır</translation>
    </message>
    <message>
        <location filename="../views/mainwindow/mainwindowmenus.cpp" line="93"/>
        <source>&amp;Preferences…</source>
        <translation>&amp;Tercihler…</translation>
    </message>
    <message>
        <location filename="../views/mainwindow/mainwindowmenus.cpp" line="98"/>
        <source>&amp;Quit</source>
        <translation>&amp;Çıkış</translation>
    </message>
    <message>
        <location filename="../views/mainwindow/mainwindowmenus.cpp" line="104"/>
        <source>&amp;Edit</source>
        <translation>Dü&amp;zen</translation>
    </message>
    <message>
        <location filename="../views/mainwindow/mainwindowmenus.cpp" line="105"/>
        <source>&amp;Undo</source>
        <translation>&amp;Geri al</translation>
    </message>
    <message>
        <location filename="../views/mainwindow/mainwindowmenus.cpp" line="108"/>
        <source>&amp;Redo</source>
        <translation>&amp;Yinele</translation>
    </message>
    <message>
        <location filename="../views/mainwindow/mainwindowmenus.cpp" line="114"/>
        <source>&amp;Copy</source>
        <translation>&amp;Kopyala</translation>
    </message>
    <message>
        <location filename="../views/mainwindow/mainwindowmenus.cpp" line="117"/>
        <source>Copy the selected cells with their column headers, to paste into Excel</source>
        <translation>Seçili hücreleri sütun başlıklarıyla, Excel’e yapıştırmak üzere kopyala</translation>
    </message>
    <message>
        <location filename="../views/mainwindow/mainwindowmenus.cpp" line="118"/>
        <source>&amp;Find</source>
        <translation>&amp;Bul</translation>
    </message>
    <message>
        <location filename="../views/mainwindow/mainwindowmenus.cpp" line="121"/>
        <source>Go to the search box of the current page</source>
        <translation>Geçerli sayfanın arama kutusuna git</translation>
    </message>
    <message>
        <location filename="../views/mainwindow/mainwindowmenus.cpp" line="124"/>
        <source>&amp;View</source>
        <translation>&amp;Görünüm</translation>
    </message>
    <message>
        <location filename="../views/mainwindow/mainwindowmenus.cpp" line="141"/>
        <source>&amp;Help</source>
        <translation>&amp;Yardım</translation>
    </message>
    <message>
        <location filename="../views/mainwindow/mainwindowmenus.cpp" line="142"/>
        <source>Köprü &amp;User Guide</source>
        <translation>Köprü &amp;Kullanım Kılavuzu</translation>
    </message>
    <message>
        <location filename="../views/mainwindow/mainwindowmenus.cpp" line="145"/>
        <source>The guide to Köprü, at the section of the current page</source>
        <translation>Köprü kılavuzu, açık sayfanın bölümünde</translation>
    </message>
    <message>
        <location filename="../views/mainwindow/mainwindowmenus.cpp" line="147"/>
        <source>&amp;About Köprü</source>
        <translation>Köprü &amp;hakkında</translation>
    </message>
    <message>
        <location filename="../views/mainwindow/mainwindowmenus.cpp" line="150"/>
        <source>About &amp;Qt</source>
        <translation>&amp;Qt hakkında</translation>
    </message>
    <message>
        <location filename="../views/mainwindow/mainwindowserver.cpp" line="48"/>
        <source>Your server role (%1) may read this database but not change it: it is open read-only.</source>
        <translation>Sunucudaki rolünüz (%1) bu veritabanını okuyabilir ama değiştiremez: salt okunur açıldı.</translation>
    </message>
    <message>
        <location filename="../views/mainwindow/mainwindowserver.cpp" line="53"/>
        <source>Connected to %1</source>
        <translation>%1 veritabanına bağlanıldı</translation>
    </message>
    <message>
        <location filename="../views/mainwindow/mainwindowserver.cpp" line="62"/>
        <source>Connect to Server</source>
        <translation>Sunucuya Bağlan</translation>
    </message>
    <message>
        <location filename="../views/mainwindow/mainwindowserver.cpp" line="80"/>
        <source>Could not connect to the server: %1</source>
        <translation>Sunucuya bağlanılamadı: %1</translation>
    </message>
</context>
<context>
    <name>kopru::MonthView</name>
    <message>
        <location filename="../views/schedule/monthview.cpp" line="29"/>
        <location filename="../views/schedule/monthview.cpp" line="30"/>
        <source>Previous month</source>
        <translation>Önceki ay</translation>
    </message>
    <message>
        <location filename="../views/schedule/monthview.cpp" line="33"/>
        <location filename="../views/schedule/monthview.cpp" line="34"/>
        <source>Next month</source>
        <translation>Sonraki ay</translation>
    </message>
    <message>
        <location filename="../views/schedule/monthview.cpp" line="35"/>
        <source>T&amp;oday</source>
        <translation>&amp;Bugün</translation>
    </message>
    <message>
        <location filename="../views/schedule/monthview.cpp" line="61"/>
        <source>Week of the year</source>
        <translation>Yılın haftası</translation>
    </message>
</context>
<context>
    <name>kopru::MoveDialog</name>
    <message>
        <location filename="../views/planning/movedialog.cpp" line="21"/>
        <source>Move %1</source>
        <translation>Taşı: %1</translation>
    </message>
    <message>
        <location filename="../views/planning/movedialog.cpp" line="22"/>
        <source>Sessions of the teacher&apos;s field, best first (covered need, then distance):</source>
        <translation>Öğretmenin alanındaki oturumlar, en uygun olan önce (önce karşılanan ihtiyaç, sonra uzaklık):</translation>
    </message>
    <message>
        <location filename="../views/planning/movedialog.cpp" line="39"/>
        <source>&amp;Move</source>
        <translation>&amp;Taşı</translation>
    </message>
</context>
<context>
    <name>kopru::NeedsPage</name>
    <message>
        <location filename="../views/needs/needspage.cpp" line="86"/>
        <source>&amp;Field:</source>
        <translation>&amp;Alan:</translation>
    </message>
    <message>
        <location filename="../views/needs/needspage.cpp" line="91"/>
        <source>&amp;Teachers of:</source>
        <translation>Öğre&amp;tmenler:</translation>
    </message>
    <message>
        <location filename="../views/needs/needspage.cpp" line="95"/>
        <source>Round 1</source>
        <translation>1. tur</translation>
    </message>
    <message>
        <location filename="../views/needs/needspage.cpp" line="96"/>
        <source>Round 2</source>
        <translation>2. tur</translation>
    </message>
    <message>
        <location filename="../views/needs/needspage.cpp" line="97"/>
        <source>Compare rounds</source>
        <translation>Turları karşılaştır</translation>
    </message>
    <message>
        <location filename="../views/needs/needspage.cpp" line="98"/>
        <source>Survey round 1 is the needs survey, round 2 the survey after the training</source>
        <translation>1. anket turu ihtiyaç anketi, 2. tur eğitimden sonraki ankettir</translation>
    </message>
    <message>
        <location filename="../views/needs/needspage.cpp" line="99"/>
        <source>R&amp;ound:</source>
        <translation>T&amp;ur:</translation>
    </message>
    <message>
        <location filename="../views/needs/needspage.cpp" line="103"/>
        <source>Scale &amp;labels…</source>
        <translation>Ölçek &amp;etiketleri…</translation>
    </message>
    <message>
        <location filename="../views/needs/needspage.cpp" line="104"/>
        <source>Change the labels of the need scale 1–5</source>
        <translation>1–5 ihtiyaç ölçeğinin etiketlerini değiştir</translation>
    </message>
    <message>
        <location filename="../views/needs/needspage.cpp" line="105"/>
        <source>PDF &amp;report…</source>
        <translation>PDF &amp;raporu…</translation>
    </message>
    <message>
        <location filename="../views/needs/needspage.cpp" line="107"/>
        <source>Write the printable needs-analysis report of the field as a PDF</source>
        <translation>Alanın yazdırılabilir ihtiyaç analizi raporunu PDF olarak yaz</translation>
    </message>
    <message>
        <location filename="../views/needs/needspage.cpp" line="147"/>
        <source>Mean need per province</source>
        <translation>İllere göre ortalama ihtiyaç</translation>
    </message>
    <message>
        <location filename="../views/needs/needspage.cpp" line="148"/>
        <source>Mean need per centre</source>
        <translation>Merkezlere göre ortalama ihtiyaç</translation>
    </message>
    <message>
        <location filename="../views/needs/needspage.cpp" line="160"/>
        <source>Change: mean need in round 2 minus round 1; negative means the need fell. Paired: the teachers who answered both rounds (n), with Student&apos;s t on their differences; with fewer than two such teachers the rounds are compared as independent samples (Welch&apos;s interval, n = answers of both rounds).</source>
        <translation>Değişim: 2. turdaki ortalama ihtiyaç eksi 1. turdaki; eksi değer ihtiyacın azaldığını gösterir. Eşleştirilmiş: iki tura da yanıt veren öğretmenler (n), farkları üzerinde Student t ile; böyle iki öğretmenden az varsa turlar bağımsız örneklemler olarak karşılaştırılır (Welch aralığı, n = iki turun yanıtları).</translation>
    </message>
    <message>
        <location filename="../views/needs/needspage.cpp" line="165"/>
        <source>Groups with fewer than %1 respondents are suppressed to protect anonymity and left out of the chart.</source>
        <translation>Yanıtlayan sayısı %1 kişiden az olan gruplar, anonimliği korumak için gizlenir ve grafiğe alınmaz.</translation>
    </message>
    <message>
        <location filename="../views/needs/needspage.cpp" line="170"/>
        <source>Provinces</source>
        <translation>İller</translation>
    </message>
    <message>
        <location filename="../views/needs/needspage.cpp" line="171"/>
        <source>Centres</source>
        <translation>Merkezler</translation>
    </message>
    <message>
        <location filename="../views/needs/needspage.cpp" line="175"/>
        <source>&amp;Compare:</source>
        <translation>&amp;Karşılaştır:</translation>
    </message>
    <message>
        <location filename="../views/needs/needspage.cpp" line="185"/>
        <source>Mean need</source>
        <translation>Ortalama ihtiyaç</translation>
    </message>
    <message>
        <location filename="../views/needs/needspage.cpp" line="186"/>
        <source>Distribution</source>
        <translation>Dağılım</translation>
    </message>
    <message>
        <location filename="../views/needs/needspage.cpp" line="187"/>
        <source>Need and supply</source>
        <translation>İhtiyaç ve arz</translation>
    </message>
    <message>
        <location filename="../views/needs/needspage.cpp" line="188"/>
        <source>Province / centre comparison</source>
        <translation>İl / merkez karşılaştırması</translation>
    </message>
    <message>
        <location filename="../views/needs/needspage.cpp" line="189"/>
        <source>Round 1 and 2</source>
        <translation>1. ve 2. tur</translation>
    </message>
    <message>
        <location filename="../views/needs/needspage.cpp" line="305"/>
        <source>all provinces and centres</source>
        <translation>tüm iller ve merkezler</translation>
    </message>
    <message numerus="yes">
        <location filename="../views/needs/needspage.cpp" line="311"/>
        <source>province %1 (%n teachers)</source>
        <translation>
            <numerusform>il: %1 (%n öğretmen)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../views/needs/needspage.cpp" line="312"/>
        <source>centre %1 (%n teachers)</source>
        <translation>
            <numerusform>merkez: %1 (%n öğretmen)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../views/needs/needspage.cpp" line="334"/>
        <source>The database has no pilot fields.</source>
        <translation>Veritabanında pilot alan yok.</translation>
    </message>
    <message>
        <location filename="../views/needs/needspage.cpp" line="334"/>
        <source>No database is open.</source>
        <translation>Açık veritabanı yok.</translation>
    </message>
    <message numerus="yes">
        <location filename="../views/needs/needspage.cpp" line="373"/>
        <source>%1: %2 teachers, %3 respondents, %n competencies, survey round %4.</source>
        <translation>
            <numerusform>%1: %2 öğretmen, %3 yanıtlayan, %n yeterlik, anket turu %4.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../views/needs/needspage.cpp" line="377"/>
        <source>No need ratings have been recorded for this field yet.</source>
        <translation>Bu alan için henüz ihtiyaç puanı girilmemiş.</translation>
    </message>
    <message>
        <location filename="../views/needs/needspage.cpp" line="380"/>
        <source>Fewer than %1 respondents in this selection: the values are suppressed to protect anonymity.</source>
        <translation>Bu seçimde yanıtlayan sayısı %1 kişiden az: anonimliği korumak için değerler gizlendi.</translation>
    </message>
    <message numerus="yes">
        <location filename="../views/needs/needspage.cpp" line="383"/>
        <source>%n unmet need(s).</source>
        <translation>
            <numerusform>%n karşılanmamış ihtiyaç.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../views/needs/needspage.cpp" line="385"/>
        <source>Centre(s): %1.</source>
        <translation>Merkez(ler): %1.</translation>
    </message>
    <message>
        <location filename="../views/needs/needspage.cpp" line="434"/>
        <source>%1: %2 teachers; respondents of survey round 1: %3, of round 2: %4, of both rounds: %5.</source>
        <translation>%1: %2 öğretmen; 1. anket turunu yanıtlayan: %3, 2. turu: %4, iki turu da: %5.</translation>
    </message>
    <message>
        <location filename="../views/needs/needspage.cpp" line="439"/>
        <source>Fewer than %1 respondents in a round of this selection: the values are suppressed to protect anonymity.</source>
        <translation>Bu seçimin bir turunda yanıtlayan sayısı %1 kişiden az: anonimliği korumak için değerler gizlendi.</translation>
    </message>
    <message numerus="yes">
        <location filename="../views/needs/needspage.cpp" line="442"/>
        <source>%n competency(ies) with answers in round 2.</source>
        <translation>
            <numerusform>2. turda yanıtı olan %n yeterlik.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../views/needs/needspage.cpp" line="508"/>
        <source>Scale labels</source>
        <translation>Ölçek etiketleri</translation>
    </message>
    <message>
        <location filename="../views/needs/needspage.cpp" line="509"/>
        <source>Labels of the need scale, one per line, from 1 (no need) to 5 (very high need):</source>
        <translation>İhtiyaç ölçeğinin etiketleri, her satıra bir tane, 1 (ihtiyaç yok) ile 5 (çok yüksek ihtiyaç) arasında:</translation>
    </message>
    <message>
        <location filename="../views/needs/needspage.cpp" line="529"/>
        <location filename="../views/needs/needspage.cpp" line="540"/>
        <source>PDF report</source>
        <translation>PDF raporu</translation>
    </message>
    <message>
        <location filename="../views/needs/needspage.cpp" line="530"/>
        <source>needs-%1.pdf</source>
        <translation>ihtiyac-analizi-%1.pdf</translation>
    </message>
    <message>
        <location filename="../views/needs/needspage.cpp" line="530"/>
        <source>PDF document (*.pdf)</source>
        <translation>PDF belgesi (*.pdf)</translation>
    </message>
    <message>
        <location filename="../views/needs/needspage.cpp" line="542"/>
        <source>Report written to %1</source>
        <translation>Rapor %1 dosyasına yazıldı</translation>
    </message>
</context>
<context>
    <name>kopru::OverviewModel</name>
    <message>
        <location filename="../models/overview/overviewmodel.cpp" line="133"/>
        <source>(no centre)</source>
        <translation>(merkez yok)</translation>
    </message>
    <message>
        <location filename="../models/overview/overviewmodel.cpp" line="222"/>
        <source>Pilot field</source>
        <translation>Pilot alan</translation>
    </message>
    <message>
        <location filename="../models/overview/overviewmodel.cpp" line="222"/>
        <source>Centre</source>
        <translation>Merkez</translation>
    </message>
    <message>
        <location filename="../models/overview/overviewmodel.cpp" line="224"/>
        <source>Centres</source>
        <translation>Merkezler</translation>
    </message>
    <message>
        <location filename="../models/overview/overviewmodel.cpp" line="224"/>
        <source>Province</source>
        <translation>İl</translation>
    </message>
    <message>
        <location filename="../models/overview/overviewmodel.cpp" line="226"/>
        <source>Teachers</source>
        <translation>Öğretmenler</translation>
    </message>
    <message>
        <location filename="../models/overview/overviewmodel.cpp" line="228"/>
        <source>Surveyed</source>
        <translation>Ankete katılan</translation>
    </message>
    <message>
        <location filename="../models/overview/overviewmodel.cpp" line="230"/>
        <source>Partners</source>
        <translation>İşletmeler</translation>
    </message>
    <message>
        <location filename="../models/overview/overviewmodel.cpp" line="232"/>
        <source>Session places</source>
        <translation>Oturum kontenjanı</translation>
    </message>
    <message>
        <location filename="../models/overview/overviewmodel.cpp" line="234"/>
        <source>Placed</source>
        <translation>Yerleştirilen</translation>
    </message>
    <message>
        <location filename="../models/overview/overviewmodel.cpp" line="242"/>
        <source>Teachers with at least one need rating other than &quot;not applicable&quot;</source>
        <translation>&quot;Fikrim yok&quot; dışında en az bir ihtiyaç puanı veren öğretmenler</translation>
    </message>
    <message>
        <location filename="../models/overview/overviewmodel.cpp" line="244"/>
        <source>Partners offering a session or a competency in the field</source>
        <translation>Alanda oturum ya da yeterlik sunan işletmeler</translation>
    </message>
    <message>
        <location filename="../models/overview/overviewmodel.cpp" line="245"/>
        <source>Partners offering a session or a competency in a field the centre coordinates</source>
        <translation>Merkezin koordine ettiği bir alanda oturum ya da yeterlik sunan işletmeler</translation>
    </message>
    <message>
        <location filename="../models/overview/overviewmodel.cpp" line="247"/>
        <source>Sum of the capacities of the field&apos;s training sessions</source>
        <translation>Alandaki eğitim oturumlarının kontenjanları toplamı</translation>
    </message>
    <message>
        <location filename="../models/overview/overviewmodel.cpp" line="248"/>
        <source>Sum of the capacities of the sessions in the fields the centre coordinates</source>
        <translation>Merkezin koordine ettiği alanlardaki oturumların kontenjanları toplamı</translation>
    </message>
    <message>
        <location filename="../models/overview/overviewmodel.cpp" line="250"/>
        <source>Placements that are not cancelled</source>
        <translation>İptal edilmemiş yerleştirmeler</translation>
    </message>
</context>
<context>
    <name>kopru::OverviewPage</name>
    <message>
        <location filename="../views/overview/overviewpage.cpp" line="67"/>
        <source>Pilot field</source>
        <translation>Pilot alan</translation>
    </message>
    <message>
        <location filename="../views/overview/overviewpage.cpp" line="68"/>
        <source>Centre</source>
        <translation>Merkez</translation>
    </message>
    <message>
        <location filename="../views/overview/overviewpage.cpp" line="69"/>
        <source>&amp;Counts per:</source>
        <translation>&amp;Gruplama:</translation>
    </message>
    <message>
        <location filename="../views/overview/overviewpage.cpp" line="124"/>
        <source>Teachers</source>
        <translation>Öğretmenler</translation>
    </message>
    <message>
        <location filename="../views/overview/overviewpage.cpp" line="124"/>
        <source>Teachers in the database</source>
        <translation>Veritabanındaki öğretmenler</translation>
    </message>
    <message>
        <location filename="../views/overview/overviewpage.cpp" line="125"/>
        <source>Surveyed</source>
        <translation>Ankete katılan</translation>
    </message>
    <message>
        <location filename="../views/overview/overviewpage.cpp" line="125"/>
        <source>Teachers with at least one need rating other than &quot;not applicable&quot;</source>
        <translation>&quot;Fikrim yok&quot; dışında en az bir ihtiyaç puanı veren öğretmenler</translation>
    </message>
    <message>
        <location filename="../views/overview/overviewpage.cpp" line="126"/>
        <source>Partners</source>
        <translation>İşletmeler</translation>
    </message>
    <message>
        <location filename="../views/overview/overviewpage.cpp" line="126"/>
        <source>Industry partners in the database</source>
        <translation>Veritabanındaki işletmeler</translation>
    </message>
    <message>
        <location filename="../views/overview/overviewpage.cpp" line="127"/>
        <source>Session places</source>
        <translation>Oturum kontenjanı</translation>
    </message>
    <message>
        <location filename="../views/overview/overviewpage.cpp" line="127"/>
        <source>Sum of the capacities of all training sessions</source>
        <translation>Tüm eğitim oturumlarının kontenjanları toplamı</translation>
    </message>
    <message>
        <location filename="../views/overview/overviewpage.cpp" line="128"/>
        <source>Placed</source>
        <translation>Yerleştirilen</translation>
    </message>
    <message>
        <location filename="../views/overview/overviewpage.cpp" line="128"/>
        <source>Placements that are not cancelled</source>
        <translation>İptal edilmemiş yerleştirmeler</translation>
    </message>
    <message>
        <location filename="../views/overview/overviewpage.cpp" line="161"/>
        <source>No database is open</source>
        <translation>Açık veritabanı yok</translation>
    </message>
    <message>
        <location filename="../views/overview/overviewpage.cpp" line="171"/>
        <source>The overview could not be loaded: %1</source>
        <translation>Genel bakış yüklenemedi: %1</translation>
    </message>
    <message>
        <location filename="../views/overview/overviewpage.cpp" line="191"/>
        <source>%1 % of the teachers</source>
        <translation>öğretmenlerin %%1</translation>
    </message>
    <message>
        <location filename="../views/overview/overviewpage.cpp" line="195"/>
        <source>%1 % of the places</source>
        <translation>kontenjanın %%1</translation>
    </message>
</context>
<context>
    <name>kopru::Page</name>
    <message>
        <location filename="../views/pages/page.cpp" line="50"/>
        <source>Print</source>
        <translation>Yazdır</translation>
    </message>
    <message>
        <location filename="../views/pages/pagewiring.cpp" line="57"/>
        <source>Changed by someone else</source>
        <translation>Başkası tarafından değiştirildi</translation>
    </message>
    <message>
        <location filename="../views/pages/pagewiring.cpp" line="58"/>
        <source>Reload</source>
        <translation>Yeniden yükle</translation>
    </message>
</context>
<context>
    <name>kopru::PartnerDetailPanel</name>
    <message>
        <location filename="../views/partners/partnerdetailpanel.cpp" line="66"/>
        <source>Training sessions</source>
        <translation>Eğitim oturumları</translation>
    </message>
    <message>
        <location filename="../views/partners/partnerdetailpanel.cpp" line="67"/>
        <source>Add &amp;session</source>
        <translation>&amp;Oturum ekle</translation>
    </message>
    <message>
        <location filename="../views/partners/partnerdetailpanel.cpp" line="68"/>
        <source>Delete session…</source>
        <translation>Oturumu sil…</translation>
    </message>
    <message>
        <location filename="../views/partners/partnerdetailpanel.cpp" line="107"/>
        <source>No partner selected</source>
        <translation>Seçili işletme yok</translation>
    </message>
    <message>
        <location filename="../views/partners/partnerdetailpanel.cpp" line="136"/>
        <source>Competencies covered by the selected session: %1 of %2</source>
        <translation>Seçili oturumun kapsadığı yeterlikler: %1 / %2</translation>
    </message>
    <message>
        <location filename="../views/partners/partnerdetailpanel.cpp" line="138"/>
        <source>Select a session to see the competencies it covers.</source>
        <translation>Kapsadığı yeterlikleri görmek için bir oturum seçin.</translation>
    </message>
    <message>
        <location filename="../views/partners/partnerdetailpanel.cpp" line="157"/>
        <source>Add session</source>
        <translation>Oturum ekleme</translation>
    </message>
    <message>
        <location filename="../views/partners/partnerdetailpanel.cpp" line="159"/>
        <source>The session was not added: %1</source>
        <translation>Oturum eklenmedi: %1</translation>
    </message>
    <message>
        <location filename="../views/partners/partnerdetailpanel.cpp" line="164"/>
        <source>Session added with default dates, hours and capacity: adjust them in the table.</source>
        <translation>Oturum varsayılan tarih, saat ve kontenjanla eklendi: bunları tabloda düzenleyin.</translation>
    </message>
    <message>
        <location filename="../views/partners/partnerdetailpanel.cpp" line="178"/>
        <source>Delete the selected session and the list of competencies it covers?</source>
        <translation>Seçili oturum ve kapsadığı yeterlikler listesi silinsin mi?</translation>
    </message>
    <message numerus="yes">
        <location filename="../views/partners/partnerdetailpanel.cpp" line="180"/>
        <source>%n teacher(s) are placed in this session. Deleting it removes these placements too.</source>
        <translation>
            <numerusform>Bu oturuma %n öğretmen yerleştirilmiş. Oturumu silmek bu yerleştirmeleri de kaldırır.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../views/partners/partnerdetailpanel.cpp" line="181"/>
        <location filename="../views/partners/partnerdetailpanel.cpp" line="184"/>
        <source>Delete session</source>
        <translation>Oturumu sil</translation>
    </message>
    <message>
        <location filename="../views/partners/partnerdetailpanel.cpp" line="182"/>
        <source>You can undo this with Edit › Undo.</source>
        <translation>Bunu Düzen › Geri al ile geri alabilirsiniz.</translation>
    </message>
    <message numerus="yes">
        <location filename="../views/partners/partnerdetailpanel.cpp" line="184"/>
        <source>Delete session and %n placement(s)</source>
        <translation>
            <numerusform>Oturumu ve %n yerleştirmeyi sil</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../views/partners/partnerdetailpanel.cpp" line="190"/>
        <source>Nothing was deleted: %1</source>
        <translation>Hiçbir şey silinmedi: %1</translation>
    </message>
</context>
<context>
    <name>kopru::PartnersPage</name>
    <message>
        <location filename="../views/partners/partnerspage.cpp" line="40"/>
        <source>&amp;Add partner…</source>
        <translation>İşletme &amp;ekle…</translation>
    </message>
    <message>
        <location filename="../views/partners/partnerspage.cpp" line="71"/>
        <source>Cannot load the partners: %1</source>
        <translation>İşletmeler yüklenemiyor: %1</translation>
    </message>
    <message>
        <location filename="../views/partners/partnerspage.cpp" line="114"/>
        <source>Add partner</source>
        <translation>İşletme ekle</translation>
    </message>
    <message>
        <location filename="../views/partners/partnerspage.cpp" line="128"/>
        <source>Add partner %1</source>
        <translation>İşletme ekleme (%1)</translation>
    </message>
    <message>
        <location filename="../views/partners/partnerspage.cpp" line="130"/>
        <source>The partner was not added: %1</source>
        <translation>İşletme eklenmedi: %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../views/partners/partnerspage.cpp" line="149"/>
        <source>%n partners</source>
        <translation>
            <numerusform>%n işletme</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../views/partners/partnerspage.cpp" line="150"/>
        <source>Delete partners</source>
        <translation>İşletmeleri sil</translation>
    </message>
    <message numerus="yes">
        <location filename="../views/partners/partnerspage.cpp" line="151"/>
        <source>Teachers are placed in sessions of %1: deleting it removes %n placement(s) as well.</source>
        <translation>
            <numerusform>%1 için oturumlara yerleştirilmiş öğretmenler var: silme işlemi %n yerleştirmeyi de kaldırır.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../views/partners/partnerspage.cpp" line="152"/>
        <source>Delete %1 with its training sessions?</source>
        <translation>%1, eğitim oturumlarıyla birlikte silinsin mi?</translation>
    </message>
    <message>
        <location filename="../views/partners/partnerspage.cpp" line="155"/>
        <source>You can undo this with Edit › Undo.</source>
        <translation>Bunu Düzen › Geri al ile geri alabilirsiniz.</translation>
    </message>
    <message numerus="yes">
        <location filename="../views/partners/partnerspage.cpp" line="157"/>
        <source>Delete and remove %n placement(s)</source>
        <translation>
            <numerusform>Sil ve %n yerleştirmeyi kaldır</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../views/partners/partnerspage.cpp" line="157"/>
        <source>Delete</source>
        <translation>Sil</translation>
    </message>
    <message>
        <location filename="../views/partners/partnerspage.cpp" line="163"/>
        <source>Nothing was deleted: %1</source>
        <translation>Hiçbir şey silinmedi: %1</translation>
    </message>
    <message>
        <location filename="../views/partners/partnerspage.h" line="25"/>
        <source>Partners &amp; sessions</source>
        <translation>İşletmeler ve oturumlar</translation>
    </message>
</context>
<context>
    <name>kopru::PlacementModel</name>
    <message>
        <location filename="../models/planning/placementmodel.cpp" line="121"/>
        <source>proposed</source>
        <comment>placement status</comment>
        <translation>önerildi</translation>
    </message>
    <message>
        <location filename="../models/planning/placementmodel.cpp" line="123"/>
        <source>confirmed</source>
        <comment>placement status</comment>
        <translation>onaylandı</translation>
    </message>
    <message>
        <location filename="../models/planning/placementmodel.cpp" line="125"/>
        <source>completed</source>
        <comment>placement status</comment>
        <translation>tamamlandı</translation>
    </message>
    <message>
        <location filename="../models/planning/placementmodel.cpp" line="127"/>
        <source>cancelled</source>
        <comment>placement status</comment>
        <translation>iptal edildi</translation>
    </message>
    <message>
        <location filename="../models/planning/placementmodel.cpp" line="157"/>
        <source>locked</source>
        <translation>kilitli</translation>
    </message>
    <message>
        <location filename="../models/planning/placementmodel.cpp" line="205"/>
        <source>Teacher</source>
        <translation>Öğretmen</translation>
    </message>
    <message>
        <location filename="../models/planning/placementmodel.cpp" line="207"/>
        <source>Field</source>
        <translation>Alan</translation>
    </message>
    <message>
        <location filename="../models/planning/placementmodel.cpp" line="209"/>
        <source>Province</source>
        <translation>İl</translation>
    </message>
    <message>
        <location filename="../models/planning/placementmodel.cpp" line="211"/>
        <source>Partner</source>
        <translation>İşletme</translation>
    </message>
    <message>
        <location filename="../models/planning/placementmodel.cpp" line="213"/>
        <source>Session dates</source>
        <translation>Oturum tarihleri</translation>
    </message>
    <message>
        <location filename="../models/planning/placementmodel.cpp" line="215"/>
        <source>Score</source>
        <translation>Puan</translation>
    </message>
    <message>
        <location filename="../models/planning/placementmodel.cpp" line="217"/>
        <source>Status</source>
        <translation>Durum</translation>
    </message>
    <message>
        <location filename="../models/planning/placementmodel.cpp" line="219"/>
        <source>Lock</source>
        <translation>Kilit</translation>
    </message>
    <message>
        <location filename="../models/planning/placementmodel.cpp" line="221"/>
        <source>Reason</source>
        <translation>Gerekçe</translation>
    </message>
</context>
<context>
    <name>kopru::PlacementPage</name>
    <message>
        <location filename="../views/planning/placementpage.cpp" line="106"/>
        <source>Placement plan</source>
        <translation>Yerleştirme planı</translation>
    </message>
    <message>
        <location filename="../views/planning/placementpage.cpp" line="117"/>
        <source>The teachers&apos; province; also the scope of &quot;Run optimiser&quot;</source>
        <translation>Öğretmenlerin ili; &quot;Optimizasyonu çalıştır&quot; komutunun kapsamını da belirler</translation>
    </message>
    <message>
        <location filename="../views/planning/placementpage.cpp" line="120"/>
        <source>All statuses</source>
        <translation>Tüm durumlar</translation>
    </message>
    <message>
        <location filename="../views/planning/placementpage.cpp" line="124"/>
        <source>locked</source>
        <translation>kilitli</translation>
    </message>
    <message>
        <location filename="../views/planning/placementpage.cpp" line="127"/>
        <source>Search teacher, province, partner, reason…</source>
        <translation>Öğretmen, il, işletme, gerekçe ara…</translation>
    </message>
    <message>
        <location filename="../views/planning/placementpage.cpp" line="146"/>
        <source>&amp;Goals…</source>
        <translation>&amp;Hedefler…</translation>
    </message>
    <message>
        <location filename="../views/planning/placementpage.cpp" line="153"/>
        <source>&amp;Run optimiser</source>
        <translation>Optimizasyonu &amp;çalıştır</translation>
    </message>
    <message>
        <location filename="../views/planning/placementpage.cpp" line="156"/>
        <source>Re-plan every placement that is not locked or confirmed, of the selected field and province (or of all)</source>
        <translation>Seçili alan ve ildeki (ya da tümündeki) kilitli veya onaylı olmayan tüm yerleştirmeleri yeniden planla</translation>
    </message>
    <message>
        <location filename="../views/planning/placementpage.cpp" line="162"/>
        <source>Field:</source>
        <translation>Alan:</translation>
    </message>
    <message>
        <location filename="../views/planning/placementpage.cpp" line="165"/>
        <source>Status:</source>
        <translation>Durum:</translation>
    </message>
    <message>
        <location filename="../views/planning/placementpage.cpp" line="177"/>
        <source>&amp;Unplaced Teachers…</source>
        <translation>&amp;Yerleştirilemeyenler…</translation>
    </message>
    <message>
        <location filename="../views/planning/placementpage.cpp" line="179"/>
        <source>Who was left out, and why</source>
        <translation>Kimin dışarıda kaldığı ve nedeni</translation>
    </message>
    <message>
        <location filename="../views/planning/placementpage.cpp" line="202"/>
        <location filename="../views/planning/placementpage.cpp" line="425"/>
        <source>&amp;Lock</source>
        <translation>&amp;Kilitle</translation>
    </message>
    <message>
        <location filename="../views/planning/placementpage.cpp" line="204"/>
        <source>&amp;Confirm</source>
        <translation>&amp;Onayla</translation>
    </message>
    <message>
        <location filename="../views/planning/placementpage.cpp" line="206"/>
        <source>&amp;Move…</source>
        <translation>&amp;Taşı…</translation>
    </message>
    <message>
        <location filename="../views/planning/placementpage.cpp" line="208"/>
        <source>Re&amp;move</source>
        <translation>Kal&amp;dır</translation>
    </message>
    <message>
        <location filename="../views/planning/placementpage.cpp" line="279"/>
        <source>The default weights: strictly more placed teachers, then more covered need, then less travel</source>
        <translation>Varsayılan ağırlıklar: kesin öncelik sırasıyla önce daha çok yerleştirilen öğretmen, sonra daha çok karşılanan ihtiyaç, sonra daha kısa yol</translation>
    </message>
    <message>
        <location filename="../views/planning/placementpage.cpp" line="280"/>
        <source>Weights changed by hand</source>
        <translation>Ağırlıklar elle değiştirildi</translation>
    </message>
    <message>
        <location filename="../views/planning/placementpage.cpp" line="288"/>
        <source>All fields</source>
        <translation>Tüm alanlar</translation>
    </message>
    <message>
        <location filename="../views/planning/placementpage.cpp" line="304"/>
        <source>All provinces</source>
        <translation>Tüm iller</translation>
    </message>
    <message>
        <location filename="../views/planning/placementpage.cpp" line="477"/>
        <source>No conflicts: every placement keeps the rules.</source>
        <translation>Çakışma yok: tüm yerleştirmeler kurallara uyuyor.</translation>
    </message>
    <message>
        <location filename="../views/planning/placementpage.cpp" line="478"/>
        <source>Conflicts: %1 (click one to select its placement)</source>
        <translation>Çakışmalar: %1 (yerleştirmesini seçmek için birine tıklayın)</translation>
    </message>
    <message>
        <location filename="../views/planning/placementpage.cpp" line="386"/>
        <source>Last optimiser run %4: %1 placed, %2 left unplaced, %3 ms</source>
        <translation>Son optimizasyon (%4): %1 yerleştirildi, %2 yerleştirilemedi, %3 ms</translation>
    </message>
    <message>
        <location filename="../views/planning/placementpage.cpp" line="391"/>
        <source>The optimiser has not run on this database yet.</source>
        <translation>Bu veritabanında henüz optimizasyon çalıştırılmadı.</translation>
    </message>
    <message>
        <location filename="../views/planning/placementpage.cpp" line="425"/>
        <source>Un&amp;lock</source>
        <translation>&amp;Kilidi aç</translation>
    </message>
    <message>
        <location filename="../views/planning/placementpage.cpp" line="431"/>
        <source>%1 of %2 placements shown</source>
        <translation>%2 yerleştirmeden %1 tanesi gösteriliyor</translation>
    </message>
    <message>
        <location filename="../views/planning/placementpage.cpp" line="589"/>
        <source>%1, %2 – %3</source>
        <translation>%1, %2 – %3</translation>
    </message>
    <message>
        <location filename="../views/planning/placementpage.cpp" line="590"/>
        <source>Session full</source>
        <translation>Oturum dolu</translation>
    </message>
    <message numerus="yes">
        <location filename="../views/planning/placementpage.cpp" line="591"/>
        <source>The session %1 is full: its %n place(s) are all taken.</source>
        <translation>
            <numerusform>%1 oturumu dolu: %n kişilik kontenjanının tamamı kullanılmış.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../views/planning/placementpage.cpp" line="594"/>
        <source>Move %1 there anyway? The session will be over capacity.</source>
        <translation>%1 yine de oraya taşınsın mı? Oturum kontenjanı aşılacak.</translation>
    </message>
    <message>
        <location filename="../views/planning/placementpage.cpp" line="607"/>
        <source>Planning placements…</source>
        <translation>Yerleştirmeler planlanıyor…</translation>
    </message>
    <message>
        <location filename="../views/planning/placementpage.cpp" line="607"/>
        <source>Cancel</source>
        <translation>İptal</translation>
    </message>
    <message>
        <location filename="../views/planning/placementpage.cpp" line="628"/>
        <source>Optimiser: %1 placed, %2 left unplaced, %3 kept, in %4 ms%5</source>
        <translation>Optimizasyon: %1 yerleştirildi, %2 yerleştirilemedi, %3 korundu, %4 ms%5</translation>
    </message>
    <message>
        <location filename="../views/planning/placementpage.cpp" line="631"/>
        <source> (the weights do not keep the order of the goals)</source>
        <translation> (ağırlıklar hedeflerin öncelik sırasını korumuyor)</translation>
    </message>
    <message>
        <location filename="../views/planning/placementpage.cpp" line="645"/>
        <source>Plan not stored</source>
        <translation>Plan kaydedilmedi</translation>
    </message>
    <message>
        <location filename="../views/planning/placementpage.cpp" line="646"/>
        <source>Plan again</source>
        <translation>Yeniden planla</translation>
    </message>
    <message>
        <location filename="../views/planning/placementpage.cpp" line="664"/>
        <source>Place %1</source>
        <translation>%1 yerleştir</translation>
    </message>
    <message>
        <location filename="../views/planning/placementpage.cpp" line="665"/>
        <source>&amp;Place</source>
        <translation>&amp;Yerleştir</translation>
    </message>
</context>
<context>
    <name>kopru::PlacementsModel</name>
    <message>
        <location filename="../models/itemmodels/placementsmodel.cpp" line="67"/>
        <source>proposed</source>
        <translation>önerildi</translation>
    </message>
    <message>
        <location filename="../models/itemmodels/placementsmodel.cpp" line="69"/>
        <source>confirmed</source>
        <translation>onaylandı</translation>
    </message>
    <message>
        <location filename="../models/itemmodels/placementsmodel.cpp" line="71"/>
        <source>completed</source>
        <translation>tamamlandı</translation>
    </message>
    <message>
        <location filename="../models/itemmodels/placementsmodel.cpp" line="73"/>
        <source>cancelled</source>
        <translation>iptal edildi</translation>
    </message>
    <message>
        <location filename="../models/itemmodels/placementsmodel.cpp" line="98"/>
        <source>locked</source>
        <translation>kilitli</translation>
    </message>
    <message>
        <location filename="../models/itemmodels/placementsmodel.cpp" line="123"/>
        <source>Partner</source>
        <translation>İşletme</translation>
    </message>
    <message>
        <location filename="../models/itemmodels/placementsmodel.cpp" line="125"/>
        <source>Province</source>
        <translation>İl</translation>
    </message>
    <message>
        <location filename="../models/itemmodels/placementsmodel.cpp" line="127"/>
        <source>Start</source>
        <translation>Başlangıç</translation>
    </message>
    <message>
        <location filename="../models/itemmodels/placementsmodel.cpp" line="129"/>
        <source>End</source>
        <translation>Bitiş</translation>
    </message>
    <message>
        <location filename="../models/itemmodels/placementsmodel.cpp" line="131"/>
        <source>Status</source>
        <translation>Durum</translation>
    </message>
    <message>
        <location filename="../models/itemmodels/placementsmodel.cpp" line="133"/>
        <source>Locked</source>
        <translation>Kilitli</translation>
    </message>
    <message>
        <location filename="../models/itemmodels/placementsmodel.cpp" line="135"/>
        <source>Score</source>
        <translation>Puan</translation>
    </message>
    <message>
        <location filename="../models/itemmodels/placementsmodel.cpp" line="137"/>
        <source>Why</source>
        <translation>Gerekçe</translation>
    </message>
</context>
<context>
    <name>kopru::PreferencesDialog</name>
    <message>
        <location filename="../views/dialogs/preferencesdialog.cpp" line="17"/>
        <source>Preferences</source>
        <translation>Tercihler</translation>
    </message>
    <message>
        <location filename="../views/dialogs/preferencesdialog.cpp" line="22"/>
        <source>Automatic (follow the system)</source>
        <translation>Otomatik (sistemi izle)</translation>
    </message>
    <message>
        <location filename="../views/dialogs/preferencesdialog.cpp" line="29"/>
        <source>The window changes to the chosen language at once; the undo history is cleared.</source>
        <translation>Pencere seçilen dile hemen geçer; geri alma geçmişi temizlenir.</translation>
    </message>
    <message>
        <location filename="../views/dialogs/preferencesdialog.cpp" line="33"/>
        <source>&amp;Language:</source>
        <translation>&amp;Dil:</translation>
    </message>
</context>
<context>
    <name>kopru::QualityPage</name>
    <message>
        <location filename="../views/quality/qualitypage.cpp" line="85"/>
        <source>Whole programme</source>
        <translation>Programın tamamı</translation>
    </message>
    <message>
        <location filename="../views/quality/qualitypage.cpp" line="86"/>
        <source>Centre</source>
        <translation>Merkez</translation>
    </message>
    <message>
        <location filename="../views/quality/qualitypage.cpp" line="87"/>
        <source>Pilot field</source>
        <translation>Pilot alan</translation>
    </message>
    <message>
        <location filename="../views/quality/qualitypage.cpp" line="88"/>
        <source>Province</source>
        <translation>İl</translation>
    </message>
    <message>
        <location filename="../views/quality/qualitypage.cpp" line="90"/>
        <source>&amp;Indicators per:</source>
        <translation>&amp;Göstergeler:</translation>
    </message>
    <message>
        <location filename="../views/quality/qualitypage.cpp" line="94"/>
        <source>Search groups and competencies</source>
        <translation>Grup ve yeterlik ara</translation>
    </message>
    <message>
        <location filename="../views/quality/qualitypage.cpp" line="105"/>
        <source>&amp;Board report…</source>
        <translation>&amp;Kurul raporu…</translation>
    </message>
    <message>
        <location filename="../views/quality/qualitypage.cpp" line="107"/>
        <source>The Quality Advisory Board report of a period: indicators against the previous period, charts and tables per centre and field, as PDF or XLSX</source>
        <translation>Bir dönemin Kalite Danışma Kurulu raporu: önceki döneme göre göstergeler, merkez ve alan bazında grafikler ve tablolar, PDF ya da XLSX olarak</translation>
    </message>
    <message>
        <location filename="../views/quality/qualitypage.cpp" line="114"/>
        <source>Indicators</source>
        <translation>Göstergeler</translation>
    </message>
    <message>
        <location filename="../views/quality/qualitypage.cpp" line="115"/>
        <source>Need change per competency</source>
        <translation>Yeterlik bazında ihtiyaç değişimi</translation>
    </message>
    <message>
        <location filename="../views/quality/qualitypage.cpp" line="121"/>
        <source>Completed placements as a share of the placements that ended (completed or cancelled); EQAVET indicator 4a.</source>
        <translation>Tamamlanan yerleştirmelerin sona eren (tamamlanan ya da iptal edilen) yerleştirmelere oranı; EQAVET göstergesi 4a.</translation>
    </message>
    <message>
        <location filename="../views/quality/qualitypage.cpp" line="123"/>
        <source>Completion chart</source>
        <translation>Tamamlama grafiği</translation>
    </message>
    <message>
        <location filename="../views/quality/qualitypage.cpp" line="147"/>
        <source>Point at a column header for the indicator&apos;s definition</source>
        <translation>Göstergenin tanımı için fareyi sütun başlığının üzerine getirin</translation>
    </message>
    <message>
        <location filename="../views/quality/qualitypage.cpp" line="210"/>
        <source>The quality indicators could not be computed: %1</source>
        <translation>Kalite göstergeleri hesaplanamadı: %1</translation>
    </message>
    <message>
        <location filename="../views/quality/qualitypage.cpp" line="225"/>
        <source>No indicators.</source>
        <translation>Gösterge yok.</translation>
    </message>
    <message>
        <location filename="../views/quality/qualitypage.cpp" line="225"/>
        <source>No database is open.</source>
        <translation>Açık veritabanı yok.</translation>
    </message>
    <message>
        <location filename="../views/quality/qualitypage.cpp" line="230"/>
        <source>the whole programme</source>
        <translation>programın tamamı</translation>
    </message>
    <message>
        <location filename="../views/quality/qualitypage.cpp" line="232"/>
        <source>No teacher of %1 answered survey round 2: the need change cannot be computed yet.</source>
        <translation>%1 için ikinci anket turunu yanıtlayan öğretmen yok: ihtiyaç değişimi henüz hesaplanamıyor.</translation>
    </message>
    <message>
        <location filename="../views/quality/qualitypage.cpp" line="233"/>
        <source>Need change between survey rounds 1 and 2 per competency, %1 (select a row of the indicators to change the group). Negative: the need fell.</source>
        <translation>1. ve 2. anket turları arasında yeterlik bazında ihtiyaç değişimi, %1 (grubu değiştirmek için göstergelerde bir satır seçin). Eksi değer: ihtiyaç azaldı.</translation>
    </message>
    <message>
        <location filename="../views/quality/qualitypage.cpp" line="240"/>
        <source>Definitions</source>
        <translation>Tanımlar</translation>
    </message>
    <message>
        <location filename="../views/quality/qualitypage.cpp" line="244"/>
        <source>EQAVET indicator %1</source>
        <translation>EQAVET göstergesi %1</translation>
    </message>
</context>
<context>
    <name>kopru::RatingsModel</name>
    <message>
        <location filename="../models/itemmodels/ratingsmodel.cpp" line="124"/>
        <source>not rated</source>
        <translation>puanlanmadı</translation>
    </message>
    <message>
        <location filename="../models/itemmodels/ratingsmodel.cpp" line="126"/>
        <source>not applicable</source>
        <translation>fikrim yok</translation>
    </message>
    <message>
        <location filename="../models/itemmodels/ratingsmodel.cpp" line="140"/>
        <source>Need for training: 1 none … 5 very high; 0 = not applicable</source>
        <translation>Eğitim ihtiyacı: 1 yok … 5 çok yüksek; 0 = fikrim yok</translation>
    </message>
    <message>
        <location filename="../models/itemmodels/ratingsmodel.cpp" line="142"/>
        <source>Current proficiency: 1 none … 5 expert; 0 = not given</source>
        <translation>Mevcut düzey: 1 hiç … 5 uzman; 0 = belirtilmedi</translation>
    </message>
    <message>
        <location filename="../models/itemmodels/ratingsmodel.cpp" line="165"/>
        <source>Code</source>
        <translation>Kod</translation>
    </message>
    <message>
        <location filename="../models/itemmodels/ratingsmodel.cpp" line="167"/>
        <source>Competency</source>
        <translation>Yeterlik</translation>
    </message>
    <message>
        <location filename="../models/itemmodels/ratingsmodel.cpp" line="169"/>
        <source>Need</source>
        <translation>İhtiyaç</translation>
    </message>
    <message>
        <location filename="../models/itemmodels/ratingsmodel.cpp" line="171"/>
        <source>Proficiency</source>
        <translation>Düzey</translation>
    </message>
    <message>
        <location filename="../models/itemmodels/ratingsmodel.cpp" line="197"/>
        <source>A rating is 1 to 5, or 0 for &quot;not applicable&quot;; &quot;%1&quot; refused.</source>
        <translation>Puan 1 ile 5 arasında ya da &quot;fikrim yok&quot; için 0 olmalıdır; &quot;%1&quot; kabul edilmedi.</translation>
    </message>
    <message>
        <location filename="../models/itemmodels/ratingsmodel.cpp" line="209"/>
        <source>Change need for %1</source>
        <translation>İhtiyaç değişikliği (%1)</translation>
    </message>
    <message>
        <location filename="../models/itemmodels/ratingsmodel.cpp" line="209"/>
        <source>Change proficiency for %1</source>
        <translation>Düzey değişikliği (%1)</translation>
    </message>
    <message>
        <location filename="../models/itemmodels/ratingsmodel.cpp" line="210"/>
        <source>Need for %1</source>
        <translation>%1 ihtiyacı</translation>
    </message>
    <message>
        <location filename="../models/itemmodels/ratingsmodel.cpp" line="210"/>
        <source>Proficiency for %1</source>
        <translation>%1 düzeyi</translation>
    </message>
</context>
<context>
    <name>kopru::ReceivePackageDialog</name>
    <message>
        <location filename="../views/exchange/receivepackagedialog.cpp" line="27"/>
        <source>Fields</source>
        <translation>Alanlar</translation>
    </message>
    <message>
        <location filename="../views/exchange/receivepackagedialog.cpp" line="28"/>
        <source>Centres</source>
        <translation>Merkezler</translation>
    </message>
    <message>
        <location filename="../views/exchange/receivepackagedialog.cpp" line="29"/>
        <source>Fields of centres</source>
        <translation>Merkezlerin alanları</translation>
    </message>
    <message>
        <location filename="../views/exchange/receivepackagedialog.cpp" line="30"/>
        <source>Competencies</source>
        <translation>Yeterlikler</translation>
    </message>
    <message>
        <location filename="../views/exchange/receivepackagedialog.cpp" line="31"/>
        <source>Schools</source>
        <translation>Okullar</translation>
    </message>
    <message>
        <location filename="../views/exchange/receivepackagedialog.cpp" line="32"/>
        <source>Teachers</source>
        <translation>Öğretmenler</translation>
    </message>
    <message>
        <location filename="../views/exchange/receivepackagedialog.cpp" line="33"/>
        <source>Centres&apos; teacher records</source>
        <translation>Merkezlerin öğretmen kayıtları</translation>
    </message>
    <message>
        <location filename="../views/exchange/receivepackagedialog.cpp" line="34"/>
        <source>Need ratings</source>
        <translation>İhtiyaç puanları</translation>
    </message>
    <message>
        <location filename="../views/exchange/receivepackagedialog.cpp" line="35"/>
        <source>Partners</source>
        <translation>Paydaşlar</translation>
    </message>
    <message>
        <location filename="../views/exchange/receivepackagedialog.cpp" line="36"/>
        <source>Partners&apos; competencies</source>
        <translation>Paydaşların yeterlikleri</translation>
    </message>
    <message>
        <location filename="../views/exchange/receivepackagedialog.cpp" line="37"/>
        <source>Training sessions</source>
        <translation>Eğitimler</translation>
    </message>
    <message>
        <location filename="../views/exchange/receivepackagedialog.cpp" line="38"/>
        <source>Sessions&apos; competencies</source>
        <translation>Eğitimlerin yeterlikleri</translation>
    </message>
    <message>
        <location filename="../views/exchange/receivepackagedialog.cpp" line="39"/>
        <source>Placements</source>
        <translation>Yerleştirmeler</translation>
    </message>
    <message>
        <location filename="../views/exchange/receivepackagedialog.cpp" line="40"/>
        <source>Plan decisions</source>
        <translation>Plan kararları</translation>
    </message>
    <message>
        <location filename="../views/exchange/receivepackagedialog.cpp" line="41"/>
        <source>Proposals</source>
        <translation>Öneriler</translation>
    </message>
    <message>
        <location filename="../views/exchange/receivepackagedialog.cpp" line="42"/>
        <source>Review items</source>
        <translation>İnceleme kayıtları</translation>
    </message>
    <message>
        <location filename="../views/exchange/receivepackagedialog.cpp" line="43"/>
        <source>Merged records</source>
        <translation>Birleştirilen kayıtlar</translation>
    </message>
    <message>
        <location filename="../views/exchange/receivepackagedialog.cpp" line="44"/>
        <source>Deletions</source>
        <translation>Silmeler</translation>
    </message>
    <message>
        <location filename="../views/exchange/receivepackagedialog.cpp" line="58"/>
        <source>Receive a Package</source>
        <translation>Paket Al</translation>
    </message>
    <message>
        <location filename="../views/exchange/receivepackagedialog.cpp" line="71"/>
        <source>Table</source>
        <translation>Tablo</translation>
    </message>
    <message>
        <location filename="../views/exchange/receivepackagedialog.cpp" line="71"/>
        <source>New</source>
        <translation>Yeni</translation>
    </message>
    <message>
        <location filename="../views/exchange/receivepackagedialog.cpp" line="71"/>
        <source>Updated</source>
        <translation>Güncellenen</translation>
    </message>
    <message>
        <location filename="../views/exchange/receivepackagedialog.cpp" line="71"/>
        <source>Unchanged</source>
        <translation>Değişmeyen</translation>
    </message>
    <message>
        <location filename="../views/exchange/receivepackagedialog.cpp" line="71"/>
        <source>Deleted</source>
        <translation>Silinen</translation>
    </message>
    <message>
        <location filename="../views/exchange/receivepackagedialog.cpp" line="71"/>
        <source>Conflicts</source>
        <translation>Çakışma</translation>
    </message>
    <message>
        <location filename="../views/exchange/receivepackagedialog.cpp" line="71"/>
        <source>Refused</source>
        <translation>Reddedilen</translation>
    </message>
    <message>
        <location filename="../views/exchange/receivepackagedialog.cpp" line="88"/>
        <source>&amp;Apply</source>
        <translation>&amp;Uygula</translation>
    </message>
    <message>
        <location filename="../views/exchange/receivepackagedialog.cpp" line="110"/>
        <source>Package %1</source>
        <translation>Paket %1</translation>
    </message>
    <message>
        <location filename="../views/exchange/receivepackagedialog.cpp" line="111"/>
        <source>Checking the package and trying it out (nothing is changed yet)…</source>
        <translation>Paket denetleniyor ve deneniyor (henüz hiçbir şey değişmedi)…</translation>
    </message>
    <message>
        <location filename="../views/exchange/receivepackagedialog.cpp" line="137"/>
        <source>&amp;Close</source>
        <translation>&amp;Kapat</translation>
    </message>
    <message>
        <location filename="../views/exchange/receivepackagedialog.cpp" line="146"/>
        <source>Receiving the package (a backup is made first)…</source>
        <translation>Paket alınıyor (önce yedek alınır)…</translation>
    </message>
    <message>
        <location filename="../views/exchange/receivepackagedialog.cpp" line="146"/>
        <source>Receiving the package…</source>
        <translation>Paket alınıyor…</translation>
    </message>
    <message>
        <location filename="../views/exchange/receivepackagedialog.cpp" line="196"/>
        <source>The package was refused. Nothing was changed in this database.</source>
        <translation>Paket reddedildi. Bu veritabanında hiçbir şey değişmedi.</translation>
    </message>
    <message>
        <location filename="../views/exchange/receivepackagedialog.cpp" line="204"/>
        <source>Package %1 from %2, made %3; %4.</source>
        <translation>%2 kaynaklı %1 numaralı paket, %3 tarihinde hazırlandı; %4.</translation>
    </message>
    <message>
        <location filename="../views/exchange/receivepackagedialog.cpp" line="207"/>
        <source>everything the sender holds for this database</source>
        <translation>gönderenin bu veritabanı için tuttuğu her şey</translation>
    </message>
    <message>
        <location filename="../views/exchange/receivepackagedialog.cpp" line="208"/>
        <source>changes since its package %1</source>
        <translation>kendi %1 numaralı paketinden bu yana değişenler</translation>
    </message>
    <message>
        <location filename="../views/exchange/receivepackagedialog.cpp" line="212"/>
        <source>This package was received already (%1): there is nothing to do.</source>
        <translation>Bu paket zaten alındı (%1): yapılacak bir şey yok.</translation>
    </message>
    <message numerus="yes">
        <location filename="../views/exchange/receivepackagedialog.cpp" line="219"/>
        <source>Nothing has been changed yet. Applying the package changes %n row(s):</source>
        <translation>
            <numerusform>Henüz hiçbir şey değişmedi. Paketi uygulamak %n satırı değiştirir:</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../views/exchange/receivepackagedialog.cpp" line="221"/>
        <source>This is the first package from %1: database %2 will be registered as %1.</source>
        <translation>Bu, %1 kaynaklı ilk paket: %2 veritabanı %1 olarak kaydedilecek.</translation>
    </message>
    <message numerus="yes">
        <location filename="../views/exchange/receivepackagedialog.cpp" line="227"/>
        <source>The package was applied: %n row(s) changed.</source>
        <translation>
            <numerusform>Paket uygulandı: %n satır değişti.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../views/exchange/receivepackagedialog.cpp" line="259"/>
        <source>%n item(s) opened in the review list</source>
        <translation>
            <numerusform>inceleme listesinde %n kayıt açıldı</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../views/exchange/receivepackagedialog.cpp" line="261"/>
        <source>%n placement(s) confirmed by the national office</source>
        <translation>
            <numerusform>Genel Müdürlük %n yerleştirmeyi onayladı</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../views/exchange/receivepackagedialog.cpp" line="263"/>
        <source>%n placement(s) cancelled by the national office</source>
        <translation>
            <numerusform>Genel Müdürlük %n yerleştirmeyi iptal etti</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../views/exchange/receivepackagedialog.cpp" line="265"/>
        <source>%n record(s) of this centre merged by the national office</source>
        <translation>
            <numerusform>bu merkezin %n kaydı Genel Müdürlükçe birleştirildi</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../views/exchange/receivepackagedialog.cpp" line="267"/>
        <source>%n teacher(s) erased (KVKK)</source>
        <translation>
            <numerusform>%n öğretmen silindi (KVKK)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../views/exchange/receivepackagedialog.cpp" line="269"/>
        <source>The package holds no rows.</source>
        <translation>Pakette satır yok.</translation>
    </message>
</context>
<context>
    <name>kopru::RecentFiles</name>
    <message>
        <location filename="../views/mainwindow/recentfiles.cpp" line="102"/>
        <source>&amp;Clear List</source>
        <translation>Listeyi &amp;temizle</translation>
    </message>
</context>
<context>
    <name>kopru::RecordDialog</name>
    <message>
        <location filename="../views/pages/recorddialog.cpp" line="39"/>
        <source>(none)</source>
        <translation>(yok)</translation>
    </message>
    <message>
        <location filename="../views/pages/recorddialog.cpp" line="77"/>
        <source>%1 *</source>
        <translation>%1 *</translation>
    </message>
    <message>
        <location filename="../views/pages/recorddialog.cpp" line="135"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>kopru::RestoreBackupDialog</name>
    <message>
        <location filename="../views/safety/restorebackupdialog.cpp" line="24"/>
        <location filename="../views/safety/restorebackupdialog.cpp" line="96"/>
        <location filename="../views/safety/restorebackupdialog.cpp" line="112"/>
        <location filename="../views/safety/restorebackupdialog.cpp" line="128"/>
        <source>Restore Backup</source>
        <translation>Yedekten geri yükle</translation>
    </message>
    <message>
        <location filename="../views/safety/restorebackupdialog.cpp" line="36"/>
        <source>Köprü keeps the last backups of &lt;b&gt;%1&lt;/b&gt; automatically: when the file is opened and before every import, plan run and upgrade. Choose the state to go back to. The current file is kept as a backup too, so a restore can be undone.</source>
        <translation>Köprü, &lt;b&gt;%1&lt;/b&gt; dosyasının son yedeklerini otomatik olarak saklar: dosya açıldığında ve her içe aktarma, plan çalıştırma ve yükseltmeden önce. Geri dönmek istediğiniz durumu seçin. Geçerli dosya da yedek olarak saklanır; böylece geri yükleme geri alınabilir.</translation>
    </message>
    <message>
        <location filename="../views/safety/restorebackupdialog.cpp" line="56"/>
        <source>Backup folder: %1</source>
        <translation>Yedek klasörü: %1</translation>
    </message>
    <message>
        <location filename="../views/safety/restorebackupdialog.cpp" line="62"/>
        <location filename="../views/safety/restorebackupdialog.cpp" line="116"/>
        <source>&amp;Restore</source>
        <translation>&amp;Geri yükle</translation>
    </message>
    <message>
        <location filename="../views/safety/restorebackupdialog.cpp" line="97"/>
        <source>There are no backups of %1 yet.</source>
        <translation>%1 için henüz yedek yok.</translation>
    </message>
    <message>
        <location filename="../views/safety/restorebackupdialog.cpp" line="113"/>
        <source>Replace %1 by its backup of %2?

The current state is kept as a backup.</source>
        <translation>%1, %2 tarihli yedeğiyle değiştirilsin mi?

Geçerli durum yedek olarak saklanır.</translation>
    </message>
    <message>
        <location filename="../views/safety/restorebackupdialog.cpp" line="129"/>
        <source>The backup was not restored; the database was left as it was.

%1</source>
        <translation>Yedek geri yüklenmedi; veritabanı olduğu gibi bırakıldı.

%1</translation>
    </message>
</context>
<context>
    <name>kopru::ReviewListModel</name>
    <message>
        <location filename="../models/exchange/reviewlistmodel.cpp" line="40"/>
        <source>Centre %1</source>
        <translation>Merkez %1</translation>
    </message>
    <message>
        <location filename="../models/exchange/reviewlistmodel.cpp" line="40"/>
        <source>%1 (centre %2)</source>
        <translation>%1 (merkez %2)</translation>
    </message>
    <message>
        <location filename="../models/exchange/reviewlistmodel.cpp" line="72"/>
        <source>National ID %1</source>
        <translation>T.C. kimlik no %1</translation>
    </message>
    <message>
        <location filename="../models/exchange/reviewlistmodel.cpp" line="74"/>
        <source>Tax number %1</source>
        <translation>Vergi no %1</translation>
    </message>
    <message>
        <location filename="../models/exchange/reviewlistmodel.cpp" line="81"/>
        <source>Session %1: %2 placements for %3 places</source>
        <translation>Eğitim %1: %3 yer için %2 yerleştirme</translation>
    </message>
    <message>
        <location filename="../models/exchange/reviewlistmodel.cpp" line="91"/>
        <source>%1: %2 → &quot;%3&quot;</source>
        <translation>%1: %2 → &quot;%3&quot;</translation>
    </message>
    <message>
        <location filename="../models/exchange/reviewlistmodel.cpp" line="95"/>
        <source>(changed at both ends)</source>
        <translation>(iki uçta da değişti)</translation>
    </message>
    <message>
        <location filename="../models/exchange/reviewlistmodel.cpp" line="138"/>
        <source>Open</source>
        <translation>Açık</translation>
    </message>
    <message>
        <location filename="../models/exchange/reviewlistmodel.cpp" line="138"/>
        <source>Resolved</source>
        <translation>Karara bağlandı</translation>
    </message>
    <message>
        <location filename="../models/exchange/reviewlistmodel.cpp" line="150"/>
        <source>Conflict</source>
        <translation>Çakışma</translation>
    </message>
    <message>
        <location filename="../models/exchange/reviewlistmodel.cpp" line="150"/>
        <source>About</source>
        <translation>Konu</translation>
    </message>
    <message>
        <location filename="../models/exchange/reviewlistmodel.cpp" line="150"/>
        <source>Centres</source>
        <translation>Merkezler</translation>
    </message>
    <message>
        <location filename="../models/exchange/reviewlistmodel.cpp" line="150"/>
        <source>Status</source>
        <translation>Durum</translation>
    </message>
    <message>
        <location filename="../models/exchange/reviewlistmodel.cpp" line="150"/>
        <source>Decision</source>
        <translation>Karar</translation>
    </message>
    <message>
        <location filename="../models/exchange/reviewlistmodel.cpp" line="175"/>
        <source>%1 — national office&apos;s record</source>
        <translation>%1 — Genel Müdürlüğün kaydı</translation>
    </message>
    <message>
        <location filename="../models/exchange/reviewlistmodel.cpp" line="188"/>
        <location filename="../models/exchange/reviewlistmodel.cpp" line="201"/>
        <source>%1 — national office</source>
        <translation>%1 — Genel Müdürlük</translation>
    </message>
    <message>
        <location filename="../models/exchange/reviewlistmodel.cpp" line="189"/>
        <source>%1 — registered by %2</source>
        <translation>%1 — kaydeden: %2</translation>
    </message>
    <message>
        <location filename="../models/exchange/reviewlistmodel.cpp" line="202"/>
        <source>%1 — placed by %2</source>
        <translation>%1 — yerleştiren: %2</translation>
    </message>
    <message>
        <location filename="../models/exchange/reviewlistmodel.cpp" line="213"/>
        <source>Teacher registered twice</source>
        <translation>Öğretmen iki kez kaydedilmiş</translation>
    </message>
    <message>
        <location filename="../models/exchange/reviewlistmodel.cpp" line="215"/>
        <source>Partner registered twice</source>
        <translation>Paydaş iki kez kaydedilmiş</translation>
    </message>
    <message>
        <location filename="../models/exchange/reviewlistmodel.cpp" line="217"/>
        <source>Session over capacity</source>
        <translation>Eğitim kapasitesi aşıldı</translation>
    </message>
    <message>
        <location filename="../models/exchange/reviewlistmodel.cpp" line="219"/>
        <source>Correction proposed</source>
        <translation>Düzeltme önerildi</translation>
    </message>
    <message>
        <location filename="../models/exchange/reviewlistmodel.cpp" line="237"/>
        <source>Erased (KVKK)</source>
        <translation>Silindi (KVKK)</translation>
    </message>
</context>
<context>
    <name>kopru::RoleDialog</name>
    <message>
        <location filename="../views/exchange/roledialog.cpp" line="18"/>
        <source>New Database</source>
        <translation>Yeni Veritabanı</translation>
    </message>
    <message>
        <location filename="../views/exchange/roledialog.cpp" line="19"/>
        <source>Whose database is this? The national office and each centre keep their own database and exchange packages. The choice is kept for ever.</source>
        <translation>Bu veritabanı kimin? Genel Müdürlük ve her merkez kendi veritabanını tutar ve paket alışverişi yapar. Bu seçim kalıcıdır.</translation>
    </message>
    <message>
        <location filename="../views/exchange/roledialog.cpp" line="23"/>
        <source>The &amp;national office</source>
        <translation>&amp;Genel Müdürlük</translation>
    </message>
    <message>
        <location filename="../views/exchange/roledialog.cpp" line="25"/>
        <source>A &amp;centre:</source>
        <translation>Bir &amp;merkez:</translation>
    </message>
    <message>
        <location filename="../views/exchange/roledialog.cpp" line="30"/>
        <source>%1. %2</source>
        <translation>%1. %2</translation>
    </message>
    <message>
        <location filename="../views/exchange/roledialog.cpp" line="31"/>
        <source>Centre</source>
        <translation>Merkez</translation>
    </message>
</context>
<context>
    <name>kopru::SchedulePage</name>
    <message>
        <location filename="../views/schedule/schedulepage.cpp" line="61"/>
        <source>Centre:</source>
        <translation>Merkez:</translation>
    </message>
    <message>
        <location filename="../views/schedule/schedulepage.cpp" line="66"/>
        <source>Search teacher, partner, school…</source>
        <translation>Öğretmen, işletme, okul ara…</translation>
    </message>
    <message>
        <location filename="../views/schedule/schedulepage.cpp" line="69"/>
        <source>&amp;Print…</source>
        <translation>&amp;Yazdır…</translation>
    </message>
    <message>
        <location filename="../views/schedule/schedulepage.cpp" line="70"/>
        <source>Save as P&amp;DF…</source>
        <translation>P&amp;DF olarak kaydet…</translation>
    </message>
    <message>
        <location filename="../views/schedule/schedulepage.cpp" line="71"/>
        <source>&amp;Certificates…</source>
        <translation>&amp;Katılım belgeleri…</translation>
    </message>
    <message>
        <location filename="../views/schedule/schedulepage.cpp" line="72"/>
        <source>Certificates of participation for the completed placements of the session chosen in a table or in the month, of the centre shown or of all centres; the register of those issued</source>
        <translation>Bir tabloda ya da ay görünümünde seçilen oturumun, gösterilen merkezin ya da tüm merkezlerin tamamlanmış yerleştirmeleri için katılım belgeleri; düzenlenmiş belgelerin kayıt defteri</translation>
    </message>
    <message>
        <location filename="../views/schedule/schedulepage.cpp" line="78"/>
        <source>&amp;Attendance and outcomes…</source>
        <translation>De&amp;vam ve sonuçlar…</translation>
    </message>
    <message>
        <location filename="../views/schedule/schedulepage.cpp" line="79"/>
        <source>Attendance, outcomes and evaluations of the session chosen in a table or in the month</source>
        <translation>Tabloda ya da ay görünümünde seçilen oturumun devam, sonuç ve değerlendirmeleri</translation>
    </message>
    <message>
        <location filename="../views/schedule/schedulepage.cpp" line="84"/>
        <source>By partner</source>
        <translation>İşletmeye göre</translation>
    </message>
    <message>
        <location filename="../views/schedule/schedulepage.cpp" line="84"/>
        <source>By teacher</source>
        <translation>Öğretmene göre</translation>
    </message>
    <message>
        <location filename="../views/schedule/schedulepage.cpp" line="84"/>
        <source>Calendar per centre</source>
        <translation>Merkez bazında takvim</translation>
    </message>
    <message>
        <location filename="../views/schedule/schedulepage.cpp" line="107"/>
        <source>Month</source>
        <translation>Ay</translation>
    </message>
    <message>
        <location filename="../views/schedule/schedulepage.cpp" line="165"/>
        <source>All centres</source>
        <translation>Tüm merkezler</translation>
    </message>
    <message>
        <location filename="../views/schedule/schedulepage.cpp" line="211"/>
        <source>No placements yet: run the planner first.</source>
        <translation>Henüz yerleştirme yok: önce planlamayı çalıştırın.</translation>
    </message>
    <message numerus="yes">
        <location filename="../views/schedule/schedulepage.cpp" line="212"/>
        <source>%Ln placement(s) in %1 session(s)</source>
        <translation>
            <numerusform>%1 oturumda %Ln yerleştirme</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../views/schedule/schedulepage.cpp" line="230"/>
        <source>%1 — %2, %3 to %4 (%5): %6</source>
        <translation>%1 — %2, %3 – %4 (%5): %6</translation>
    </message>
    <message>
        <location filename="../views/schedule/schedulepage.cpp" line="233"/>
        <source>no teachers</source>
        <translation>öğretmen yok</translation>
    </message>
    <message>
        <location filename="../views/schedule/schedulepage.cpp" line="310"/>
        <source>Attendance and outcomes</source>
        <translation>Devam ve sonuçlar</translation>
    </message>
    <message>
        <location filename="../views/schedule/schedulepage.cpp" line="311"/>
        <source>Choose a training session first: a row of the partner or teacher table, or a session in the month.</source>
        <translation>Önce bir eğitim oturumu seçin: işletme ya da öğretmen tablosunda bir satır veya ay görünümünde bir oturum.</translation>
    </message>
    <message>
        <location filename="../views/schedule/schedulepage.cpp" line="318"/>
        <source>Attendance, outcomes and evaluations saved.</source>
        <translation>Devam, sonuçlar ve değerlendirmeler kaydedildi.</translation>
    </message>
    <message>
        <location filename="../views/schedule/schedulepage.cpp" line="326"/>
        <source>Print</source>
        <translation>Yazdır</translation>
    </message>
    <message>
        <location filename="../views/schedule/schedulepage.cpp" line="331"/>
        <source>Save schedule as PDF</source>
        <translation>Takvimi PDF olarak kaydet</translation>
    </message>
    <message>
        <location filename="../views/schedule/schedulepage.cpp" line="341"/>
        <source>Save as PDF</source>
        <translation>PDF olarak kaydet</translation>
    </message>
    <message numerus="yes">
        <location filename="../views/schedule/schedulepage.cpp" line="344"/>
        <source>Saved %1 (%n page(s))</source>
        <translation>
            <numerusform>%1 kaydedildi (%n sayfa)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../views/schedule/schedulepage.h" line="37"/>
        <source>Schedule</source>
        <translation>Takvim</translation>
    </message>
</context>
<context>
    <name>kopru::SendPackageDialog</name>
    <message>
        <location filename="../views/exchange/sendpackagedialog.cpp" line="63"/>
        <source>Send a Package</source>
        <translation>Paket Gönder</translation>
    </message>
    <message>
        <location filename="../views/exchange/sendpackagedialog.cpp" line="68"/>
        <source>A package carries this centre&apos;s work to the national office: one file to send by e-mail or on a USB key.</source>
        <translation>Paket bu merkezin çalışmasını Genel Müdürlüğe taşır: e-postayla ya da USB bellekle gönderilecek tek bir dosya.</translation>
    </message>
    <message>
        <location filename="../views/exchange/sendpackagedialog.cpp" line="69"/>
        <source>A package carries the national catalogues, survey results and decisions to a centre: one file per centre, sent by e-mail or on a USB key.</source>
        <translation>Paket ulusal katalogları, anket sonuçlarını ve kararları bir merkeze taşır: her merkez için e-postayla ya da USB bellekle gönderilecek bir dosya.</translation>
    </message>
    <message>
        <location filename="../views/exchange/sendpackagedialog.cpp" line="79"/>
        <source>All centres (one file each)</source>
        <translation>Tüm merkezler (her birine bir dosya)</translation>
    </message>
    <message>
        <location filename="../views/exchange/sendpackagedialog.cpp" line="84"/>
        <source>%1. %2</source>
        <translation>%1. %2</translation>
    </message>
    <message>
        <location filename="../views/exchange/sendpackagedialog.cpp" line="86"/>
        <source>Only what &amp;changed since the last package the receiver acknowledged</source>
        <translation>Yalnızca alıcının onayladığı son paketten bu yana &amp;değişenler</translation>
    </message>
    <message>
        <location filename="../views/exchange/sendpackagedialog.cpp" line="88"/>
        <source>&amp;Everything the receiver may have</source>
        <translation>Alıcının alabileceği &amp;her şey</translation>
    </message>
    <message>
        <location filename="../views/exchange/sendpackagedialog.cpp" line="97"/>
        <source>&amp;Browse…</source>
        <translation>&amp;Gözat…</translation>
    </message>
    <message>
        <location filename="../views/exchange/sendpackagedialog.cpp" line="115"/>
        <source>&amp;Send</source>
        <translation>&amp;Gönder</translation>
    </message>
    <message>
        <location filename="../views/exchange/sendpackagedialog.cpp" line="117"/>
        <source>Show in &amp;Folder</source>
        <translation>&amp;Klasörde Göster</translation>
    </message>
    <message>
        <location filename="../views/exchange/sendpackagedialog.cpp" line="129"/>
        <source>&amp;To:</source>
        <translation>&amp;Alıcı:</translation>
    </message>
    <message>
        <location filename="../views/exchange/sendpackagedialog.cpp" line="130"/>
        <location filename="../views/exchange/sendpackagedialog.cpp" line="232"/>
        <source>&amp;File:</source>
        <translation>&amp;Dosya:</translation>
    </message>
    <message>
        <location filename="../views/exchange/sendpackagedialog.cpp" line="232"/>
        <source>&amp;Folder:</source>
        <translation>K&amp;lasör:</translation>
    </message>
    <message>
        <location filename="../views/exchange/sendpackagedialog.cpp" line="237"/>
        <source>One file per centre, named like %1.</source>
        <translation>Her merkez için bir dosya; adları %1 gibi.</translation>
    </message>
    <message>
        <location filename="../views/exchange/sendpackagedialog.cpp" line="248"/>
        <source>Everything %1 may have is sent.</source>
        <translation>%1 alıcısının alabileceği her şey gönderilir.</translation>
    </message>
    <message>
        <location filename="../views/exchange/sendpackagedialog.cpp" line="250"/>
        <source>%1 has acknowledged package %2: what changed since then is sent.</source>
        <translation>%1, %2 numaralı paketi onayladı: o zamandan bu yana değişenler gönderilir.</translation>
    </message>
    <message>
        <location filename="../views/exchange/sendpackagedialog.cpp" line="254"/>
        <source>%1 has not acknowledged a package yet: everything it may have is sent.</source>
        <translation>%1 henüz bir paket onaylamadı: alabileceği her şey gönderilir.</translation>
    </message>
    <message>
        <location filename="../views/exchange/sendpackagedialog.cpp" line="261"/>
        <source>Folder for the Packages</source>
        <translation>Paketlerin Klasörü</translation>
    </message>
    <message>
        <location filename="../views/exchange/sendpackagedialog.cpp" line="267"/>
        <source>Package File</source>
        <translation>Paket Dosyası</translation>
    </message>
    <message>
        <location filename="../views/exchange/sendpackagedialog.cpp" line="267"/>
        <source>Köprü packages (*.kopru-pkg)</source>
        <translation>Köprü paketleri (*.kopru-pkg)</translation>
    </message>
    <message>
        <location filename="../views/exchange/sendpackagedialog.cpp" line="285"/>
        <source>Choose where the package is written.</source>
        <translation>Paketin nereye yazılacağını seçin.</translation>
    </message>
    <message>
        <location filename="../views/exchange/sendpackagedialog.cpp" line="293"/>
        <source>%1 already exists. Choose another name; a package never overwrites a file.</source>
        <translation>%1 zaten var. Başka bir ad seçin; paket hiçbir dosyanın üzerine yazmaz.</translation>
    </message>
    <message>
        <location filename="../views/exchange/sendpackagedialog.cpp" line="300"/>
        <source>The folder %1 does not exist.</source>
        <translation>%1 klasörü yok.</translation>
    </message>
    <message>
        <location filename="../views/exchange/sendpackagedialog.cpp" line="311"/>
        <source>Making the package…</source>
        <translation>Paket hazırlanıyor…</translation>
    </message>
    <message>
        <location filename="../views/exchange/sendpackagedialog.cpp" line="339"/>
        <source>Package %1 for %2: %3 rows (%4), %5 KB → %6</source>
        <translation>%2 için %1 numaralı paket: %3 satır (%4), %5 KB → %6</translation>
    </message>
    <message>
        <location filename="../views/exchange/sendpackagedialog.cpp" line="342"/>
        <source>everything</source>
        <translation>tümü</translation>
    </message>
    <message>
        <location filename="../views/exchange/sendpackagedialog.cpp" line="342"/>
        <source>changes since package %1</source>
        <translation>%1 numaralı paketten bu yana değişenler</translation>
    </message>
    <message>
        <location filename="../views/exchange/sendpackagedialog.cpp" line="375"/>
        <source>Not sent: %1</source>
        <translation>Gönderilmedi: %1</translation>
    </message>
</context>
<context>
    <name>kopru::SessionCompetencyModel</name>
    <message>
        <location filename="../models/itemmodels/sessioncompetencymodel.cpp" line="106"/>
        <source>Covered</source>
        <translation>Kapsanıyor</translation>
    </message>
    <message>
        <location filename="../models/itemmodels/sessioncompetencymodel.cpp" line="106"/>
        <source>Competency</source>
        <translation>Yeterlik</translation>
    </message>
    <message>
        <location filename="../models/itemmodels/sessioncompetencymodel.cpp" line="128"/>
        <source>Cover %1 in the session</source>
        <translation>Oturuma yeterlik ekleme (%1)</translation>
    </message>
    <message>
        <location filename="../models/itemmodels/sessioncompetencymodel.cpp" line="128"/>
        <source>Remove %1 from the session</source>
        <translation>Oturumdan yeterlik çıkarma (%1)</translation>
    </message>
</context>
<context>
    <name>kopru::SessionTableModel</name>
    <message>
        <location filename="../models/itemmodels/partnertablemodel.cpp" line="78"/>
        <source>the session ends before it starts</source>
        <translation>oturumun bitişi başlangıcından önce</translation>
    </message>
    <message numerus="yes">
        <location filename="../models/itemmodels/partnertablemodel.cpp" line="83"/>
        <source>%n teacher(s) are already placed in this session</source>
        <translation>
            <numerusform>bu oturuma zaten %n öğretmen yerleştirilmiş</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../models/itemmodels/partnertablemodel.cpp" line="87"/>
        <source>the session has placements or covered competencies in its current field</source>
        <translation>oturumun mevcut alanında yerleştirmeleri ya da kapsanan yeterlikleri var</translation>
    </message>
    <message>
        <location filename="../models/itemmodels/partnertablemodel.cpp" line="96"/>
        <source>session of %1</source>
        <translation>%1 tarihli oturum</translation>
    </message>
</context>
<context>
    <name>kopru::StartDialog</name>
    <message>
        <location filename="../views/dialogs/startdialog.cpp" line="15"/>
        <source>Welcome to Köprü</source>
        <translation>Köprü&apos;ye hoş geldiniz</translation>
    </message>
    <message>
        <location filename="../views/dialogs/startdialog.cpp" line="18"/>
        <source>&lt;b&gt;No database is open.&lt;/b&gt; A Köprü database is one file (.kopru) holding the teachers, competencies, needs survey, partners and placement plan of a programme.</source>
        <translation>&lt;b&gt;Açık veritabanı yok.&lt;/b&gt; Köprü veritabanı, bir programın öğretmenlerini, yeterliklerini, ihtiyaç anketini, işletmelerini ve yerleştirme planını tutan tek bir dosyadır (.kopru).</translation>
    </message>
    <message>
        <location filename="../views/dialogs/startdialog.cpp" line="30"/>
        <source>Create a new database…</source>
        <translation>Yeni veritabanı oluştur…</translation>
    </message>
    <message>
        <location filename="../views/dialogs/startdialog.cpp" line="31"/>
        <source>An empty database with the provinces, pilot fields and centres.</source>
        <translation>İller, pilot alanlar ve merkezlerle birlikte boş bir veritabanı.</translation>
    </message>
    <message>
        <location filename="../views/dialogs/startdialog.cpp" line="32"/>
        <source>Open an existing database…</source>
        <translation>Var olan bir veritabanını aç…</translation>
    </message>
    <message>
        <location filename="../views/dialogs/startdialog.cpp" line="32"/>
        <source>Choose a .kopru file.</source>
        <translation>Bir .kopru dosyası seçin.</translation>
    </message>
    <message>
        <location filename="../views/dialogs/startdialog.cpp" line="34"/>
        <source>Connect to a server database…</source>
        <translation>Bir sunucu veritabanına bağlan…</translation>
    </message>
    <message>
        <location filename="../views/dialogs/startdialog.cpp" line="35"/>
        <source>The national office&apos;s database on a PostgreSQL server.</source>
        <translation>Ulusal ofisin PostgreSQL sunucusundaki veritabanı.</translation>
    </message>
    <message>
        <location filename="../views/dialogs/startdialog.cpp" line="36"/>
        <source>Open the demo database</source>
        <translation>Demo veritabanını aç</translation>
    </message>
    <message>
        <location filename="../views/dialogs/startdialog.cpp" line="37"/>
        <source>A realistic national data set (8,000 teachers, 1,500 partners) is created to try Köprü out. It takes a few seconds and replaces the previous demo database.</source>
        <translation>Köprü&apos;yü denemek için gerçekçi, ülke çapında bir veri kümesi (8.000 öğretmen, 1.500 işletme) oluşturulur. Birkaç saniye sürer ve önceki demo veritabanının yerini alır.</translation>
    </message>
</context>
<context>
    <name>kopru::StorageRisk</name>
    <message>
        <location filename="../models/safety/storagecheck.cpp" line="54"/>
        <source>The database %1 lives on a network share (%2). Köprü works best with a file on this computer: file locking over the network is unreliable and the file can be damaged if the connection drops. Copy it to a local folder to work on it.</source>
        <translation>%1 veritabanı bir ağ paylaşımında (%2) bulunuyor. Köprü en iyi bu bilgisayardaki bir dosyayla çalışır: ağ üzerinden dosya kilitleme güvenilir değildir ve bağlantı koparsa dosya hasar görebilir. Üzerinde çalışmak için dosyayı yerel bir klasöre kopyalayın.</translation>
    </message>
    <message>
        <location filename="../models/safety/storagecheck.cpp" line="59"/>
        <source>The database %1 lives in a %2 folder. Sync services can upload a half-written file or create conflicting copies while Köprü is writing. Pause syncing while you work, or keep the database in a local folder and rely on Köprü&apos;s automatic backups.</source>
        <translation>%1 veritabanı bir %2 klasöründe bulunuyor. Eşitleme hizmetleri, Köprü yazarken yarım yazılmış bir dosyayı yükleyebilir ya da çakışan kopyalar oluşturabilir. Çalışırken eşitlemeyi duraklatın ya da veritabanını yerel bir klasörde tutup Köprü&apos;nün otomatik yedeklerine güvenin.</translation>
    </message>
</context>
<context>
    <name>kopru::TeacherDetailPanel</name>
    <message>
        <location filename="../views/teachers/teacherdetailpanel.cpp" line="95"/>
        <source>First name</source>
        <translation>Ad</translation>
    </message>
    <message>
        <location filename="../views/teachers/teacherdetailpanel.cpp" line="96"/>
        <source>Last name</source>
        <translation>Soyad</translation>
    </message>
    <message>
        <location filename="../views/teachers/teacherdetailpanel.cpp" line="97"/>
        <source>E-mail</source>
        <translation>E-posta</translation>
    </message>
    <message>
        <location filename="../views/teachers/teacherdetailpanel.cpp" line="98"/>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <location filename="../views/teachers/teacherdetailpanel.cpp" line="99"/>
        <source>Branch</source>
        <translation>Branş</translation>
    </message>
    <message>
        <location filename="../views/teachers/teacherdetailpanel.cpp" line="100"/>
        <source>Notes</source>
        <translation>Notlar</translation>
    </message>
    <message>
        <location filename="../views/teachers/teacherdetailpanel.cpp" line="123"/>
        <source>%1 %2 — %3, %4</source>
        <translation>%1 %2 — %3, %4</translation>
    </message>
    <message>
        <location filename="../views/teachers/teacherdetailpanel.cpp" line="132"/>
        <source>No teacher selected</source>
        <translation>Seçili öğretmen yok</translation>
    </message>
    <message>
        <location filename="../views/teachers/teacherdetailpanel.cpp" line="137"/>
        <source>Placements: %1</source>
        <translation>Yerleştirmeler: %1</translation>
    </message>
    <message>
        <location filename="../views/teachers/teacherdetailpanel.cpp" line="147"/>
        <source>Need ratings: none yet</source>
        <translation>İhtiyaç puanları: henüz yok</translation>
    </message>
    <message>
        <location filename="../views/teachers/teacherdetailpanel.cpp" line="148"/>
        <source>Need ratings: %1 rated, mean need %2, %3 not applicable</source>
        <translation>İhtiyaç puanları: %1 puanlandı, ortalama ihtiyaç %2, %3 fikrim yok</translation>
    </message>
</context>
<context>
    <name>kopru::TeacherTableModel</name>
    <message>
        <location filename="../models/itemmodels/teachertablemodel.cpp" line="62"/>
        <source>another teacher (%1) has this national ID</source>
        <translation>bu T.C. kimlik numarası başka bir öğretmene (%1) ait</translation>
    </message>
    <message>
        <location filename="../models/itemmodels/teachertablemodel.cpp" line="69"/>
        <source>the availability ends before it starts</source>
        <translation>müsaitlik bitişi başlangıcından önce</translation>
    </message>
    <message>
        <location filename="../models/itemmodels/teachertablemodel.cpp" line="79"/>
        <source>the teacher has need ratings or placements in the current field</source>
        <translation>öğretmenin mevcut alanda ihtiyaç puanları ya da yerleştirmeleri var</translation>
    </message>
</context>
<context>
    <name>kopru::TeachersPage</name>
    <message>
        <location filename="../views/teachers/teacherspage.cpp" line="49"/>
        <source>&amp;Add teacher…</source>
        <translation>Öğretmen &amp;ekle…</translation>
    </message>
    <message>
        <location filename="../views/teachers/teacherspage.cpp" line="86"/>
        <source>Cannot load the teachers: %1</source>
        <translation>Öğretmenler yüklenemiyor: %1</translation>
    </message>
    <message>
        <location filename="../views/teachers/teacherspage.cpp" line="127"/>
        <source>Add teacher</source>
        <translation>Öğretmen ekle</translation>
    </message>
    <message>
        <location filename="../views/teachers/teacherspage.cpp" line="145"/>
        <source>Another teacher already has this national ID.</source>
        <translation>Bu T.C. kimlik numarası başka bir öğretmene ait.</translation>
    </message>
    <message>
        <location filename="../views/teachers/teacherspage.cpp" line="151"/>
        <source>Add teacher %1 %2</source>
        <translation>Öğretmen ekleme (%1 %2)</translation>
    </message>
    <message>
        <location filename="../views/teachers/teacherspage.cpp" line="154"/>
        <source>The teacher was not added: %1</source>
        <translation>Öğretmen eklenmedi: %1</translation>
    </message>
    <message>
        <location filename="../views/teachers/teacherspage.cpp" line="158"/>
        <source>Teacher added.</source>
        <translation>Öğretmen eklendi.</translation>
    </message>
    <message numerus="yes">
        <location filename="../views/teachers/teacherspage.cpp" line="169"/>
        <source>%n teachers</source>
        <translation>
            <numerusform>%n öğretmen</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../views/teachers/teacherspage.cpp" line="170"/>
        <source>Delete teachers</source>
        <translation>Öğretmenleri sil</translation>
    </message>
    <message>
        <location filename="../views/teachers/teacherspage.cpp" line="171"/>
        <source>Delete %1 together with their need ratings and placements?

You can undo this with Edit › Undo.</source>
        <translation>%1, ihtiyaç puanları ve yerleştirmeleriyle birlikte silinsin mi?

Bunu Düzen › Geri al ile geri alabilirsiniz.</translation>
    </message>
    <message>
        <location filename="../views/teachers/teacherspage.cpp" line="176"/>
        <source>Nothing was deleted: %1</source>
        <translation>Hiçbir şey silinmedi: %1</translation>
    </message>
    <message>
        <location filename="../views/teachers/teacherspage.cpp" line="187"/>
        <source>Erase personal data (KVKK)</source>
        <translation>Kişisel verileri kalıcı olarak sil (KVKK)</translation>
    </message>
    <message>
        <location filename="../views/teachers/teacherspage.cpp" line="188"/>
        <source>Erase all data of %1 for good: the teacher, their need ratings and placements.</source>
        <translation>%1 ile ilgili tüm veriler kalıcı olarak silinecek: öğretmen kaydı, ihtiyaç puanları ve yerleştirmeler.</translation>
    </message>
    <message>
        <location filename="../views/teachers/teacherspage.cpp" line="189"/>
        <source>This cannot be undone. The undo history is cleared as well, so that it keeps no copy of their data. The audit log records only that an erasure took place.</source>
        <translation>Bu işlem geri alınamaz. Verilerin kopyası kalmaması için geri alma geçmişi de temizlenir. Denetim kaydına yalnızca bir silme işleminin yapıldığı yazılır.</translation>
    </message>
    <message>
        <location filename="../views/teachers/teacherspage.cpp" line="191"/>
        <source>Erase for good</source>
        <translation>Kalıcı olarak sil</translation>
    </message>
    <message>
        <location filename="../views/teachers/teacherspage.cpp" line="197"/>
        <source>Nothing was erased: %1</source>
        <translation>Hiçbir şey silinmedi: %1</translation>
    </message>
    <message>
        <location filename="../views/teachers/teacherspage.cpp" line="203"/>
        <source>The teacher&apos;s personal data was erased.</source>
        <translation>Öğretmenin kişisel verileri kalıcı olarak silindi.</translation>
    </message>
    <message>
        <location filename="../views/teachers/teacherspage.cpp" line="210"/>
        <source>&amp;Delete…</source>
        <translation>&amp;Sil…</translation>
    </message>
    <message>
        <location filename="../views/teachers/teacherspage.cpp" line="213"/>
        <source>&amp;Erase personal data (KVKK)…</source>
        <translation>&amp;Kişisel verileri kalıcı olarak sil (KVKK)…</translation>
    </message>
    <message>
        <location filename="../views/teachers/teacherspage.cpp" line="217"/>
        <source>Propose &amp;Correction</source>
        <translation>&amp;Düzeltme Öner</translation>
    </message>
    <message>
        <location filename="../views/teachers/teacherspage.cpp" line="223"/>
        <source>%1…</source>
        <translation>%1…</translation>
    </message>
    <message>
        <location filename="../views/teachers/teacherspage.cpp" line="258"/>
        <source>Propose a correction: %1</source>
        <translation>Düzeltme öner: %1</translation>
    </message>
    <message>
        <location filename="../views/teachers/teacherspage.cpp" line="264"/>
        <source>The national office keeps %1&apos;s identity. Write the correct value and why; the proposal reaches the national office with your next package, which adopts or rejects it.

Now: %2</source>
        <translation>Genel Müdürlük %1 kişisinin kimlik bilgilerini tutar. Doğru değeri ve nedenini yazın; öneri bir sonraki paketinizle Genel Müdürlüğe ulaşır, Genel Müdürlük onu benimser ya da reddeder.

Şu an: %2</translation>
    </message>
    <message>
        <location filename="../views/teachers/teacherspage.cpp" line="272"/>
        <source>The proposed value is the one the national office has now.</source>
        <translation>Önerilen değer, Genel Müdürlükte şu anda kayıtlı olan değerle aynı.</translation>
    </message>
    <message>
        <location filename="../views/teachers/teacherspage.cpp" line="279"/>
        <source>Propose a correction of %1 of %2</source>
        <translation>%2 için %1 düzeltmesi öner</translation>
    </message>
    <message>
        <location filename="../views/teachers/teacherspage.cpp" line="282"/>
        <source>The correction was not proposed: %1</source>
        <translation>Düzeltme önerilmedi: %1</translation>
    </message>
    <message>
        <location filename="../views/teachers/teacherspage.cpp" line="285"/>
        <source>Correction proposed. It reaches the national office with the next package (File ▸ Send to…), which decides it.</source>
        <translation>Düzeltme önerildi. Bir sonraki paketle (Dosya ▸ Gönder…) Genel Müdürlüğe ulaşır; karar orada verilir.</translation>
    </message>
    <message>
        <location filename="../views/teachers/teacherspage.h" line="25"/>
        <source>Teachers</source>
        <translation>Öğretmenler</translation>
    </message>
</context>
<context>
    <name>kopru::UnplacedDialog</name>
    <message>
        <location filename="../views/planning/unplaceddialog.cpp" line="39"/>
        <source>Teachers Without a Placement</source>
        <translation>Yerleştirilemeyen Öğretmenler</translation>
    </message>
    <message>
        <location filename="../views/planning/unplaceddialog.cpp" line="47"/>
        <source>All reasons</source>
        <translation>Tüm gerekçeler</translation>
    </message>
    <message>
        <location filename="../views/planning/unplaceddialog.cpp" line="58"/>
        <source>Search teacher, field, province…</source>
        <translation>Öğretmen, alan, il ara…</translation>
    </message>
    <message>
        <location filename="../views/planning/unplaceddialog.cpp" line="78"/>
        <source>Reason:</source>
        <translation>Gerekçe:</translation>
    </message>
    <message>
        <location filename="../views/planning/unplaceddialog.cpp" line="83"/>
        <source>&amp;Save List…</source>
        <translation>Listeyi &amp;Kaydet…</translation>
    </message>
    <message>
        <location filename="../views/planning/unplaceddialog.cpp" line="87"/>
        <source>&amp;Place…</source>
        <translation>&amp;Yerleştir…</translation>
    </message>
    <message>
        <location filename="../views/planning/unplaceddialog.cpp" line="89"/>
        <source>Place the selected teacher in a session with a free place, chosen from the sessions ranked as for a move</source>
        <translation>Seçili öğretmeni boş yeri olan bir oturuma yerleştirir; oturumlar taşımadaki gibi sıralanır</translation>
    </message>
    <message>
        <location filename="../views/planning/unplaceddialog.cpp" line="130"/>
        <source>%1 teachers without a placement</source>
        <translation>%1 öğretmen yerleştirilemedi</translation>
    </message>
    <message>
        <location filename="../views/planning/unplaceddialog.cpp" line="131"/>
        <source>%1 of %2 teachers without a placement shown</source>
        <translation>yerleştirilemeyen %2 öğretmenden %1 tanesi gösteriliyor</translation>
    </message>
    <message>
        <location filename="../views/planning/unplaceddialog.cpp" line="155"/>
        <source>Save the List of Unplaced Teachers</source>
        <translation>Yerleştirilemeyen Öğretmenler Listesini Kaydet</translation>
    </message>
    <message>
        <location filename="../views/planning/unplaceddialog.cpp" line="156"/>
        <source>unplaced-teachers</source>
        <translation>yerlestirilemeyen-ogretmenler</translation>
    </message>
    <message>
        <location filename="../views/planning/unplaceddialog.cpp" line="157"/>
        <source>Excel workbook (*.xlsx);;CSV, UTF-8 with &apos;;&apos; (*.csv)</source>
        <translation>Excel çalışma kitabı (*.xlsx);;CSV, UTF-8, &apos;;&apos; ayraçlı (*.csv)</translation>
    </message>
    <message>
        <location filename="../views/planning/unplaceddialog.cpp" line="161"/>
        <source>Not Saved</source>
        <translation>Kaydedilmedi</translation>
    </message>
    <message>
        <location filename="../views/planning/unplaceddialog.cpp" line="164"/>
        <source>The list of unplaced teachers was saved to %1.</source>
        <translation>Yerleştirilemeyen öğretmenler listesi %1 dosyasına kaydedildi.</translation>
    </message>
</context>
<context>
    <name>kopru::UnplacedModel</name>
    <message numerus="yes">
        <location filename="../models/planning/unplacedmodel.cpp" line="68"/>
        <source>%1
%n session(s) in the field</source>
        <translation>
            <numerusform>%1
alanda %n oturum</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../models/planning/unplacedmodel.cpp" line="69"/>
        <source>%n within the teacher&apos;s available dates</source>
        <translation>
            <numerusform>öğretmenin uygun tarihlerinde %n oturum</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../models/planning/unplacedmodel.cpp" line="88"/>
        <source>Teacher</source>
        <translation>Öğretmen</translation>
    </message>
    <message>
        <location filename="../models/planning/unplacedmodel.cpp" line="90"/>
        <source>Field</source>
        <translation>Alan</translation>
    </message>
    <message>
        <location filename="../models/planning/unplacedmodel.cpp" line="92"/>
        <source>Province</source>
        <translation>İl</translation>
    </message>
    <message>
        <location filename="../models/planning/unplacedmodel.cpp" line="94"/>
        <source>Why not placed</source>
        <translation>Neden yerleştirilemedi</translation>
    </message>
</context>
<context>
    <name>kopru::ValueCheck</name>
    <message>
        <location filename="../models/editing/valuecheck.cpp" line="28"/>
        <source>&quot;%1&quot; is not an e-mail address (name@example.org)</source>
        <translation>&quot;%1&quot; bir e-posta adresi değil (ad@example.org)</translation>
    </message>
    <message>
        <location filename="../models/editing/valuecheck.cpp" line="47"/>
        <source>&quot;%1&quot;: only Turkish numbers (+90) are accepted</source>
        <translation>&quot;%1&quot;: yalnızca Türkiye numaraları (+90) kabul edilir</translation>
    </message>
    <message>
        <location filename="../models/editing/valuecheck.cpp" line="55"/>
        <source>&quot;%1&quot; is not a Turkish phone number (0XXX XXX XX XX)</source>
        <translation>&quot;%1&quot; geçerli bir Türkiye telefon numarası değil (0XXX XXX XX XX)</translation>
    </message>
    <message>
        <location filename="../models/editing/valuecheck.cpp" line="72"/>
        <source>&quot;%1&quot; is not a date (dd.mm.yyyy)</source>
        <translation>&quot;%1&quot; bir tarih değil (gg.aa.yyyy)</translation>
    </message>
    <message>
        <location filename="../models/editing/valuecheck.cpp" line="75"/>
        <source>not a valid date</source>
        <translation>geçerli bir tarih değil</translation>
    </message>
    <message>
        <location filename="../models/editing/valuecheck.cpp" line="103"/>
        <source>a value is required</source>
        <translation>bir değer girilmesi zorunlu</translation>
    </message>
    <message>
        <location filename="../models/editing/valuecheck.cpp" line="138"/>
        <source>&quot;%1&quot; is not a whole number</source>
        <translation>&quot;%1&quot; bir tam sayı değil</translation>
    </message>
    <message>
        <location filename="../models/editing/valuecheck.cpp" line="141"/>
        <source>%1 is outside the allowed range %2–%3</source>
        <translation>%1, izin verilen %2–%3 aralığının dışında</translation>
    </message>
    <message>
        <location filename="../models/editing/valuecheck.cpp" line="153"/>
        <source>choose a value from the list</source>
        <translation>listeden bir değer seçin</translation>
    </message>
    <message>
        <location filename="../models/editing/valuecheck.cpp" line="158"/>
        <location filename="../models/editing/valuecheck.cpp" line="160"/>
        <source>this column cannot be edited</source>
        <translation>bu sütun düzenlenemez</translation>
    </message>
</context>
<context>
    <name>kopru::WeightsDialog</name>
    <message>
        <location filename="../views/planning/weightsdialog.cpp" line="20"/>
        <source>Goals of the Plan</source>
        <translation>Planın Hedefleri</translation>
    </message>
    <message>
        <location filename="../views/planning/weightsdialog.cpp" line="26"/>
        <location filename="../views/planning/weightsdialog.cpp" line="77"/>
        <source>&amp;Advanced ▸</source>
        <translation>&amp;Gelişmiş ▸</translation>
    </message>
    <message>
        <location filename="../views/planning/weightsdialog.cpp" line="31"/>
        <source>The cost of placing a teacher in a session is
− need × covered need + distance × km (− place, unless the most teachers are placed first);
the optimiser finds the plan of least total cost.</source>
        <translation>Bir öğretmeni bir eğitime yerleştirmenin maliyeti
− ihtiyaç × karşılanan ihtiyaç + mesafe × km (en çok öğretmen önce yerleştirilmiyorsa − yerleştirme);
eniyileyici toplam maliyeti en düşük planı bulur.</translation>
    </message>
    <message>
        <location filename="../views/planning/weightsdialog.cpp" line="36"/>
        <source>Place as many teachers as possible first (exact, without a weight)</source>
        <translation>Önce olabildiğince çok öğretmeni yerleştir (ağırlık olmadan, kesin)</translation>
    </message>
    <message>
        <location filename="../views/planning/weightsdialog.cpp" line="59"/>
        <source>Each placed teacher:</source>
        <translation>Yerleştirilen her öğretmen:</translation>
    </message>
    <message>
        <location filename="../views/planning/weightsdialog.cpp" line="60"/>
        <source>Each point of covered need:</source>
        <translation>Karşılanan her ihtiyaç puanı:</translation>
    </message>
    <message>
        <location filename="../views/planning/weightsdialog.cpp" line="61"/>
        <source>Each km of travel:</source>
        <translation>Yolculuğun her kilometresi:</translation>
    </message>
    <message>
        <location filename="../views/planning/weightsdialog.cpp" line="77"/>
        <source>&amp;Advanced ▾</source>
        <translation>&amp;Gelişmiş ▾</translation>
    </message>
    <message>
        <location filename="../views/planning/weightsdialog.cpp" line="97"/>
        <source>The plan follows three goals, each fully before the next:&lt;ol&gt;&lt;li&gt;place as many teachers as possible;&lt;/li&gt;&lt;li&gt;among those plans, cover as much of the placed teachers&apos; need as possible;&lt;/li&gt;&lt;li&gt;then keep their travel as short as possible.&lt;/li&gt;&lt;/ol&gt;</source>
        <translation>Plan üç hedefi, her birini bir sonrakinden önce tam olarak izler:&lt;ol&gt;&lt;li&gt;olabildiğince çok öğretmen yerleştirmek;&lt;/li&gt;&lt;li&gt;bu planlar arasında yerleştirilen öğretmenlerin ihtiyacını olabildiğince çok karşılamak;&lt;/li&gt;&lt;li&gt;sonra yolculuklarını olabildiğince kısa tutmak.&lt;/li&gt;&lt;/ol&gt;</translation>
    </message>
    <message>
        <location filename="../views/planning/weightsdialog.cpp" line="101"/>
        <source>The plan weighs its goals against each other with your own numbers (under Advanced): it may place fewer teachers or cover less need in exchange for shorter travel. &lt;b&gt;Restore Defaults&lt;/b&gt; brings back the usual order.</source>
        <translation>Plan, hedeflerini sizin sayılarınızla (Gelişmiş altında) birbirine karşı tartar: daha kısa yolculuk uğruna daha az öğretmen yerleştirebilir ya da daha az ihtiyaç karşılayabilir. &lt;b&gt;Varsayılanlara Sıfırla&lt;/b&gt; olağan sırayı geri getirir.</translation>
    </message>
    <message>
        <location filename="../views/planning/weightsdialog.cpp" line="104"/>
        <source>The plan follows your own numbers (under Advanced), which keep the usual order: the most teachers placed, then the most need covered, then the shortest travel.</source>
        <translation>Plan sizin sayılarınızı (Gelişmiş altında) izler; bunlar olağan sırayı korur: önce en çok öğretmen yerleştirilir, sonra en çok ihtiyaç karşılanır, sonra en kısa yolculuk.</translation>
    </message>
    <message>
        <location filename="../views/planning/weightsdialog.cpp" line="131"/>
        <source>These are the defaults: exact up to %1 placements per field, %2 km and %3 need points per placement.</source>
        <translation>Bunlar varsayılan değerlerdir: alan başına %1 yerleştirmeye, yerleştirme başına %2 km ve %3 ihtiyaç puanına kadar kesin sonuç verir.</translation>
    </message>
    <message>
        <location filename="../views/planning/weightsdialog.cpp" line="136"/>
        <source>With these weights a lower goal can outweigh a higher one: the plan may place fewer teachers or cover less need in exchange for shorter travel.</source>
        <translation>Bu ağırlıklarla alt sıradaki bir hedef üst sıradakinin önüne geçebilir: plan, daha kısa yolculuk uğruna daha az öğretmen yerleştirebilir ya da daha az ihtiyaç karşılayabilir.</translation>
    </message>
    <message>
        <location filename="../views/planning/weightsdialog.cpp" line="139"/>
        <source>These weights keep the order of the goals.</source>
        <translation>Bu ağırlıklar hedeflerin öncelik sırasını korur.</translation>
    </message>
    <message>
        <location filename="../views/planning/weightsdialog.cpp" line="145"/>
        <source>Goals: most teachers placed, then most need covered, then shortest travel</source>
        <translation>Hedefler: en çok öğretmen yerleştirilir, sonra en çok ihtiyaç karşılanır, sonra en kısa yolculuk</translation>
    </message>
    <message>
        <location filename="../views/planning/weightsdialog.cpp" line="148"/>
        <source>most teachers placed first</source>
        <translation>önce en çok öğretmen yerleştirilir</translation>
    </message>
    <message>
        <location filename="../views/planning/weightsdialog.cpp" line="148"/>
        <source>placed teacher %1</source>
        <translation>yerleştirilen öğretmen %1</translation>
    </message>
    <message>
        <location filename="../views/planning/weightsdialog.cpp" line="149"/>
        <source>Weights: %1 · need point %2 · km %3</source>
        <translation>Ağırlıklar: %1 · ihtiyaç puanı %2 · km %3</translation>
    </message>
</context>
<context>
    <name>kopru::Workbook</name>
    <message>
        <location filename="../models/io/xlsxreader.cpp" line="46"/>
        <source>not an .xlsx workbook (the file is not a zip archive)</source>
        <translation>bir .xlsx çalışma kitabı değil (dosya bir zip arşivi değil)</translation>
    </message>
    <message>
        <location filename="../models/io/xlsxreader.cpp" line="62"/>
        <source>no sheet named &quot;%1&quot; (sheets: %2)</source>
        <translation>&quot;%1&quot; adlı sayfa yok (sayfalar: %2)</translation>
    </message>
    <message>
        <location filename="../models/io/xlsxreader.cpp" line="66"/>
        <source>the workbook has no sheets</source>
        <translation>çalışma kitabında sayfa yok</translation>
    </message>
    <message>
        <location filename="../models/io/xlsxreader.cpp" line="93"/>
        <source>the workbook lacks its part %1</source>
        <translation>çalışma kitabında %1 bölümü eksik</translation>
    </message>
    <message>
        <location filename="../models/io/xlsxreader.cpp" line="101"/>
        <source>cannot read the part %1 of the workbook</source>
        <translation>çalışma kitabının %1 bölümü okunamıyor</translation>
    </message>
    <message>
        <location filename="../models/io/xlsxreader.cpp" line="95"/>
        <source>the part %1 of the workbook is too large</source>
        <translation>çalışma kitabının %1 bölümü çok büyük</translation>
    </message>
    <message>
        <location filename="../models/io/xlsxreader.cpp" line="97"/>
        <source>the part %1 of the workbook is damaged</source>
        <translation>çalışma kitabının %1 bölümü hasarlı</translation>
    </message>
    <message>
        <location filename="../models/io/xlsxreader.cpp" line="109"/>
        <source>damaged XML in %1 at line %2, column %3: %4</source>
        <translation>%1 içinde hasarlı XML, satır %2, sütun %3: %4</translation>
    </message>
    <message>
        <location filename="../models/io/xlsxreader.cpp" line="165"/>
        <source>the sheet &quot;%1&quot; has no part in the workbook</source>
        <translation>&quot;%1&quot; sayfasının çalışma kitabında karşılığı olan bölüm yok</translation>
    </message>
    <message>
        <location filename="../models/io/xlsxreader.cpp" line="209"/>
        <source>the workbook holds more than %1 different texts: split it into smaller files</source>
        <translation>çalışma kitabında %1 farklı metinden fazlası var: daha küçük dosyalara bölün</translation>
    </message>
    <message>
        <location filename="../models/io/xlsxreader.cpp" line="340"/>
        <source>bad cell reference &quot;%1&quot;</source>
        <translation>hatalı hücre başvurusu &quot;%1&quot;</translation>
    </message>
    <message>
        <location filename="../models/io/xlsxreader.cpp" line="344"/>
        <source>too many columns</source>
        <translation>çok fazla sütun</translation>
    </message>
    <message>
        <location filename="../models/io/xlsxreader.cpp" line="368"/>
        <source>the sheet is too large (more than %1 cells): split it into smaller files</source>
        <translation>sayfa çok büyük (%1 hücreden fazla): daha küçük dosyalara bölün</translation>
    </message>
</context>
<context>
    <name>kopru::certificates::CertificateRegisterModel</name>
    <message>
        <location filename="../models/certificates/certificateregistermodel.cpp" line="36"/>
        <source>%1, %2 – %3</source>
        <translation>%1, %2 – %3</translation>
    </message>
    <message>
        <location filename="../models/certificates/certificateregistermodel.cpp" line="86"/>
        <source>Number</source>
        <translation>Numara</translation>
    </message>
    <message>
        <location filename="../models/certificates/certificateregistermodel.cpp" line="86"/>
        <source>Teacher</source>
        <translation>Öğretmen</translation>
    </message>
    <message>
        <location filename="../models/certificates/certificateregistermodel.cpp" line="86"/>
        <source>Session</source>
        <translation>Oturum</translation>
    </message>
    <message>
        <location filename="../models/certificates/certificateregistermodel.cpp" line="86"/>
        <source>First issued</source>
        <translation>İlk düzenlenme</translation>
    </message>
    <message>
        <location filename="../models/certificates/certificateregistermodel.cpp" line="86"/>
        <source>Issued</source>
        <translation>Son düzenlenme</translation>
    </message>
    <message>
        <location filename="../models/certificates/certificateregistermodel.cpp" line="86"/>
        <source>Times issued</source>
        <translation>Düzenlenme sayısı</translation>
    </message>
</context>
<context>
    <name>kopru::charts</name>
    <message>
        <location filename="../views/charts/needcharts.cpp" line="52"/>
        <location filename="../views/charts/needcharts.cpp" line="156"/>
        <location filename="../views/charts/needcharts.cpp" line="186"/>
        <source>Mean need (1 no need … 5 very high need)</source>
        <translation>Ortalama ihtiyaç (1 ihtiyaç yok … 5 çok yüksek ihtiyaç)</translation>
    </message>
    <message>
        <location filename="../views/charts/needcharts.cpp" line="47"/>
        <source>Mean need per competency</source>
        <translation>Yeterliklere göre ortalama ihtiyaç</translation>
    </message>
    <message>
        <location filename="../views/charts/needcharts.cpp" line="60"/>
        <source>Distribution of the need ratings</source>
        <translation>İhtiyaç puanlarının dağılımı</translation>
    </message>
    <message>
        <location filename="../views/charts/needcharts.cpp" line="85"/>
        <source>Share of respondents</source>
        <translation>Yanıtlayanların oranı</translation>
    </message>
    <message>
        <location filename="../views/charts/needcharts.cpp" line="94"/>
        <source>Need against supply</source>
        <translation>İhtiyaç ve arz karşılaştırması</translation>
    </message>
    <message>
        <location filename="../views/charts/needcharts.cpp" line="96"/>
        <source>Competency</source>
        <translation>Yeterlik</translation>
    </message>
    <message>
        <location filename="../views/charts/needcharts.cpp" line="101"/>
        <source>Unmet need (high need, little supply)</source>
        <translation>Karşılanmamış ihtiyaç (yüksek ihtiyaç, düşük arz)</translation>
    </message>
    <message>
        <location filename="../views/charts/needcharts.cpp" line="115"/>
        <source>Supply: session places covering the competency</source>
        <translation>Arz: yeterliği kapsayan oturum kontenjanı</translation>
    </message>
    <message>
        <location filename="../views/charts/needcharts.cpp" line="117"/>
        <source>Mean need</source>
        <translation>Ortalama ihtiyaç</translation>
    </message>
    <message>
        <location filename="../views/charts/needcharts.cpp" line="165"/>
        <source>Mean need before and after the training</source>
        <translation>Eğitimden önce ve sonra ortalama ihtiyaç</translation>
    </message>
    <message>
        <location filename="../views/charts/qualitycharts.cpp" line="20"/>
        <source>Completion rate (%)</source>
        <translation>Tamamlama oranı (%)</translation>
    </message>
    <message>
        <location filename="../views/charts/qualitycharts.cpp" line="22"/>
        <source>Completion rate</source>
        <translation>Tamamlama oranı</translation>
    </message>
</context>
<context>
    <name>kopru::charts::ChartPanel</name>
    <message>
        <location filename="../views/charts/chartpanel.cpp" line="78"/>
        <source>E&amp;xport chart…</source>
        <translation>Grafiği &amp;dışa aktar…</translation>
    </message>
    <message>
        <location filename="../views/charts/chartpanel.cpp" line="80"/>
        <source>Save the chart as a PNG image or a PDF document</source>
        <translation>Grafiği PNG görüntüsü ya da PDF belgesi olarak kaydet</translation>
    </message>
    <message>
        <location filename="../views/charts/chartpanel.cpp" line="82"/>
        <source>&amp;Print chart…</source>
        <translation>Grafiği &amp;yazdır…</translation>
    </message>
    <message>
        <location filename="../views/charts/chartpanel.cpp" line="236"/>
        <source>PNG image (*.png)</source>
        <translation>PNG görüntüsü (*.png)</translation>
    </message>
    <message>
        <location filename="../views/charts/chartpanel.cpp" line="237"/>
        <source>PDF document (*.pdf)</source>
        <translation>PDF belgesi (*.pdf)</translation>
    </message>
    <message>
        <location filename="../views/charts/chartpanel.cpp" line="239"/>
        <location filename="../views/charts/chartpanel.cpp" line="248"/>
        <source>Export chart</source>
        <translation>Grafiği dışa aktar</translation>
    </message>
    <message>
        <location filename="../views/charts/chartpanel.cpp" line="250"/>
        <source>The chart was saved as %1.</source>
        <translation>Grafik %1 olarak kaydedildi.</translation>
    </message>
</context>
<context>
    <name>kopru::cli</name>
    <message numerus="yes">
        <location filename="../app/kopru-cli/commands/import.cpp" line="43"/>
        <source>kopru-cli: … and %Ln more problem(s) (the first %1 are shown)</source>
        <translation>
            <numerusform>kopru-cli: … ve %Ln sorun daha (ilk %1 tanesi gösterildi)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/kopru-cli/commands/import.cpp" line="45"/>
        <source>kopru-cli: %Ln problem(s); nothing was written</source>
        <translation>
            <numerusform>kopru-cli: %Ln sorun; hiçbir şey yazılmadı</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/kopru-cli/commands/import.cpp" line="53"/>
        <source>The database to import into.</source>
        <translation>Verilerin aktarılacağı veritabanı.</translation>
    </message>
    <message>
        <location filename="../app/kopru-cli/commands/import.cpp" line="54"/>
        <source>KIND</source>
        <translation>TÜR</translation>
    </message>
    <message>
        <location filename="../app/kopru-cli/commands/import.cpp" line="54"/>
        <source>What the file holds: teachers, partners, sessions, competencies, needs, attendance or evaluations.</source>
        <translation>Dosyanın içeriği: teachers (öğretmenler), partners (işletmeler), sessions (oturumlar), competencies (yeterlikler), needs (ihtiyaçlar), attendance (devam) ya da evaluations (değerlendirmeler).</translation>
    </message>
    <message>
        <location filename="../app/kopru-cli/commands/import.cpp" line="55"/>
        <location filename="../app/kopru-cli/commands/pack.cpp" line="22"/>
        <location filename="../app/kopru-cli/commands/plan.cpp" line="85"/>
        <location filename="../app/kopru-cli/commands/receive.cpp" line="54"/>
        <source>FILE</source>
        <translation>DOSYA</translation>
    </message>
    <message>
        <location filename="../app/kopru-cli/commands/import.cpp" line="55"/>
        <source>The table to read: CSV or XLSX.</source>
        <translation>Okunacak tablo: CSV ya da XLSX.</translation>
    </message>
    <message>
        <location filename="../app/kopru-cli/commands/import.cpp" line="57"/>
        <source>Text encoding of a CSV file (default: auto; also iso-8859-9).</source>
        <translation>CSV dosyasının karakter kodlaması (varsayılan: auto; iso-8859-9 da olur).</translation>
    </message>
    <message>
        <location filename="../app/kopru-cli/commands/import.cpp" line="59"/>
        <source>Column separator of a CSV file (default: auto).</source>
        <translation>CSV dosyasının sütun ayracı (varsayılan: auto).</translation>
    </message>
    <message>
        <location filename="../app/kopru-cli/commands/import.cpp" line="60"/>
        <source>Worksheet of an XLSX file (default: the first).</source>
        <translation>XLSX dosyasının çalışma sayfası (varsayılan: ilki).</translation>
    </message>
    <message>
        <location filename="../app/kopru-cli/commands/import.cpp" line="60"/>
        <source>NAME</source>
        <translation>AD</translation>
    </message>
    <message>
        <location filename="../app/kopru-cli/commands/import.cpp" line="61"/>
        <source>Check the file and report, but write nothing.</source>
        <translation>Dosyayı denetler ve sonucu bildirir, ama hiçbir şey yazmaz.</translation>
    </message>
    <message>
        <location filename="../app/kopru-cli/commands/import.cpp" line="63"/>
        <source>Needs and evaluations: the survey&apos;s own answer labels and their levels 1-5 or NA (not applicable), e.g. &quot;Hiç yok=1,Düşük=2,Orta=3,Yüksek=4,Çok yüksek=5,Fikrim yok=NA&quot;.</source>
        <translation>İhtiyaçlar ve değerlendirmeler: anketin kendi yanıt etiketleri ve düzeyleri, 1-5 ya da NA (uygulanamaz); örneğin &quot;Hiç yok=1,Düşük=2,Orta=3,Yüksek=4,Çok yüksek=5,Fikrim yok=NA&quot;.</translation>
    </message>
    <message>
        <location filename="../app/kopru-cli/commands/import.cpp" line="82"/>
        <source>unknown kind %1 (teachers, partners, sessions, competencies, needs, attendance, evaluations)</source>
        <translation>bilinmeyen tür %1 (teachers, partners, sessions, competencies, needs, attendance, evaluations)</translation>
    </message>
    <message>
        <location filename="../app/kopru-cli/commands/import.cpp" line="97"/>
        <source>--scale is for needs and evaluation files only</source>
        <translation>--scale yalnızca ihtiyaç (needs) ve değerlendirme (evaluations) dosyaları içindir</translation>
    </message>
    <message>
        <location filename="../app/kopru-cli/commands/import.cpp" line="65"/>
        <source>LABEL=LEVEL,…</source>
        <translation>ETİKET=DÜZEY,…</translation>
    </message>
    <message>
        <location filename="../app/kopru-cli/commands/import.cpp" line="67"/>
        <source>Needs: the survey round the file answers: 1 (the needs survey) or 2 (after the training). Without it, a round column of the file decides, else 1.</source>
        <translation>İhtiyaçlar: dosyanın yanıt verdiği anket turu: 1 (ihtiyaç anketi) ya da 2 (eğitimden sonra). Verilmezse dosyadaki tur sütunu belirler, o da yoksa 1.</translation>
    </message>
    <message>
        <location filename="../app/kopru-cli/commands/import.cpp" line="89"/>
        <source>unknown encoding %1 (auto, utf-8, windows-1254, iso-8859-9)</source>
        <translation>bilinmeyen kodlama %1 (auto, utf-8, windows-1254, iso-8859-9)</translation>
    </message>
    <message>
        <location filename="../app/kopru-cli/commands/import.cpp" line="91"/>
        <source>unknown delimiter %1 (auto, &apos;,&apos;, &apos;;&apos;, tab)</source>
        <translation>bilinmeyen ayraç %1 (auto, &apos;,&apos;, &apos;;&apos;, tab)</translation>
    </message>
    <message>
        <location filename="../app/kopru-cli/commands/import.cpp" line="100"/>
        <source>--scale: %1</source>
        <translation>--scale: %1</translation>
    </message>
    <message>
        <location filename="../app/kopru-cli/commands/import.cpp" line="106"/>
        <source>--round is for needs files only</source>
        <translation>--round yalnızca ihtiyaç dosyaları içindir</translation>
    </message>
    <message>
        <location filename="../app/kopru-cli/commands/import.cpp" line="109"/>
        <location filename="../app/kopru-cli/commands/stats.cpp" line="37"/>
        <source>--round: %1 is no survey round (1 or 2)</source>
        <translation>--round: %1 bir anket turu değil (1 ya da 2)</translation>
    </message>
    <message>
        <location filename="../app/kopru-cli/command.cpp" line="47"/>
        <source>unknown option %1</source>
        <translation>bilinmeyen seçenek %1</translation>
    </message>
    <message>
        <location filename="../app/kopru-cli/command.cpp" line="53"/>
        <source>option %1 takes no value</source>
        <translation>%1 seçeneği değer almaz</translation>
    </message>
    <message>
        <location filename="../app/kopru-cli/command.cpp" line="55"/>
        <source>option %1 needs a value</source>
        <translation>%1 seçeneği bir değer gerektirir</translation>
    </message>
    <message>
        <location filename="../app/kopru-cli/command.cpp" line="123"/>
        <location filename="../app/kopru-cli/commandtable.cpp" line="72"/>
        <source>usage:</source>
        <translation>kullanım:</translation>
    </message>
    <message>
        <location filename="../app/kopru-cli/command.cpp" line="134"/>
        <source>Show this help.</source>
        <translation>Bu yardımı gösterir.</translation>
    </message>
    <message>
        <location filename="../app/kopru-cli/command.cpp" line="154"/>
        <source>wrong number of arguments: %1 takes %2</source>
        <translation>yanlış sayıda argüman: %1 şunları bekler: %2</translation>
    </message>
    <message>
        <location filename="../app/kopru-cli/command.cpp" line="158"/>
        <source>%1 needs %2</source>
        <translation>%1 için %2 gerekli</translation>
    </message>
    <message>
        <location filename="../app/kopru-cli/command.cpp" line="65"/>
        <source>DB</source>
        <translation>VERİTABANI</translation>
    </message>
    <message>
        <location filename="../app/kopru-cli/commands/backup.cpp" line="16"/>
        <source>The database to copy (others may be writing to it).</source>
        <translation>Kopyalanacak veritabanı (başkaları o sırada ona yazıyor olabilir).</translation>
    </message>
    <message>
        <location filename="../app/kopru-cli/commands/backup.cpp" line="17"/>
        <source>OUT</source>
        <translation>ÇIKTI</translation>
    </message>
    <message>
        <location filename="../app/kopru-cli/commands/backup.cpp" line="17"/>
        <source>The copy to write (it must not exist).</source>
        <translation>Yazılacak kopya (var olmamalı).</translation>
    </message>
    <message>
        <location filename="../app/kopru-cli/commands/backup.cpp" line="40"/>
        <source>backup written to %1</source>
        <translation>yedek %1 dosyasına yazıldı</translation>
    </message>
    <message>
        <location filename="../app/kopru-cli/commands/check.cpp" line="12"/>
        <source>The database to check (opened read-only).</source>
        <translation>Denetlenecek veritabanı (salt okunur açılır).</translation>
    </message>
    <message>
        <location filename="../app/kopru-cli/commands/check.cpp" line="24"/>
        <source>%1: schema version %2</source>
        <translation>%1: şema sürümü %2</translation>
    </message>
    <message>
        <location filename="../app/kopru-cli/commands/check.cpp" line="31"/>
        <source>check passed: no problems found</source>
        <translation>denetim başarılı: sorun bulunmadı</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/kopru-cli/commands/check.cpp" line="32"/>
        <source>check failed: %n problem(s)</source>
        <translation>
            <numerusform>denetim başarısız: %n sorun</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/kopru-cli/commands/demo.cpp" line="15"/>
        <location filename="../app/kopru-cli/commands/init.cpp" line="12"/>
        <source>The database file to create (it must not exist or be empty).</source>
        <translation>Oluşturulacak veritabanı dosyası (var olmamalı ya da boş olmalı).</translation>
    </message>
    <message>
        <location filename="../app/kopru-cli/commands/demo.cpp" line="17"/>
        <source>Number of teachers (default: 8000).</source>
        <translation>Öğretmen sayısı (varsayılan: 8000).</translation>
    </message>
    <message>
        <location filename="../app/kopru-cli/commands/demo.cpp" line="18"/>
        <source>Number of partner companies (default: 1500).</source>
        <translation>İşletme sayısı (varsayılan: 1500).</translation>
    </message>
    <message>
        <location filename="../app/kopru-cli/commands/demo.cpp" line="20"/>
        <source>Seed of the random sequence (default: 2024): the same seed and options give the same database.</source>
        <translation>Rastgele dizinin tohumu (varsayılan: 2024): aynı tohum ve seçenekler aynı veritabanını verir.</translation>
    </message>
    <message>
        <location filename="../app/kopru-cli/commands/demo.cpp" line="23"/>
        <source>Build the part of the national programme that the national office or one centre holds, the same records with the same ids for every role built from one seed (default: the whole data set, national office).</source>
        <translation>Ulusal programın Genel Müdürlükte ya da tek bir merkezde duran kısmını kur; aynı tohumla kurulan her rolde aynı kayıtlar aynı kimliklerle (varsayılan: tüm veri kümesi, Genel Müdürlük).</translation>
    </message>
    <message>
        <location filename="../app/kopru-cli/commands/demo.cpp" line="27"/>
        <source>Leave out the completed first programme (placements, attendance, evaluations, survey round 2): the survey and the sessions only, nothing placed yet.</source>
        <translation>Tamamlanmış ilk programı (yerleştirmeler, devam, değerlendirmeler, 2. anket turu) ekleme: yalnızca anket ve eğitim dönemleri, henüz yerleştirme yok.</translation>
    </message>
    <message>
        <location filename="../app/kopru-cli/commands/demo.cpp" line="43"/>
        <source>--teachers, --partners and --seed take non-negative integers</source>
        <translation>--teachers, --partners ve --seed negatif olmayan tam sayı alır</translation>
    </message>
    <message>
        <location filename="../app/kopru-cli/commands/demo.cpp" line="69"/>
        <source>demo database %1: %2 teachers, %3 competencies, %4 need ratings, %5 partners, %6 sessions with %7 places (%8 s)</source>
        <translation>demo veritabanı %1: %2 öğretmen, %3 yeterlik, %4 ihtiyaç puanı, %5 işletme, toplam %7 kontenjanlı %6 oturum (%8 sn)</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/kopru-cli/commands/demo.cpp" line="81"/>
        <source>role: %1; %n placement(s) planned</source>
        <translation>
            <numerusform>rol: %1; %n yerleştirme planlandı</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/kopru-cli/commands/demo.cpp" line="83"/>
        <source>first programme: %n placement(s) completed or cancelled</source>
        <translation>
            <numerusform>ilk program: %n yerleştirme tamamlandı ya da iptal edildi</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/kopru-cli/commands/export.cpp" line="17"/>
        <source>The database to export from.</source>
        <translation>Dışa aktarılacak veritabanı.</translation>
    </message>
    <message>
        <location filename="../app/kopru-cli/commands/export.cpp" line="24"/>
        <source>The file to write.</source>
        <translation>Yazılacak dosya.</translation>
    </message>
    <message>
        <location filename="../app/kopru-cli/commands/export.cpp" line="24"/>
        <source>PATH</source>
        <translation>YOL</translation>
    </message>
    <message>
        <location filename="../app/kopru-cli/commands/export.cpp" line="25"/>
        <source>Only this pilot field.</source>
        <translation>Yalnızca bu pilot alan.</translation>
    </message>
    <message>
        <location filename="../app/kopru-cli/commands/export.cpp" line="25"/>
        <location filename="../app/kopru-cli/commands/report.cpp" line="16"/>
        <location filename="../app/kopru-cli/commands/stats.cpp" line="18"/>
        <location filename="../app/kopru-cli/commands/verifycertificate.cpp" line="17"/>
        <source>CODE</source>
        <translation>KOD</translation>
    </message>
    <message>
        <location filename="../app/kopru-cli/commands/export.cpp" line="26"/>
        <source>Only this training centre.</source>
        <translation>Yalnızca bu eğitim merkezi.</translation>
    </message>
    <message>
        <location filename="../app/kopru-cli/commands/certificates.cpp" line="20"/>
        <source>The database whose completed placements get their certificates.</source>
        <translation>Tamamlanmış yerleştirmeleri için belge düzenlenecek veritabanı.</translation>
    </message>
    <message>
        <location filename="../app/kopru-cli/commands/certificates.cpp" line="22"/>
        <location filename="../app/kopru-cli/commands/certificates.cpp" line="23"/>
        <location filename="../app/kopru-cli/commands/export.cpp" line="26"/>
        <location filename="../app/kopru-cli/commands/export.cpp" line="27"/>
        <source>ID</source>
        <translation>NO</translation>
    </message>
    <message>
        <location filename="../app/kopru-cli/commands/certificates.cpp" line="22"/>
        <source>The completed placements of this training session.</source>
        <translation>Bu eğitim oturumunun tamamlanmış yerleştirmeleri.</translation>
    </message>
    <message>
        <location filename="../app/kopru-cli/commands/certificates.cpp" line="23"/>
        <source>The completed placements of this centre.</source>
        <translation>Bu merkezin tamamlanmış yerleştirmeleri.</translation>
    </message>
    <message>
        <location filename="../app/kopru-cli/commands/certificates.cpp" line="24"/>
        <source>Every completed placement.</source>
        <translation>Tamamlanmış tüm yerleştirmeler.</translation>
    </message>
    <message>
        <location filename="../app/kopru-cli/commands/certificates.cpp" line="25"/>
        <source>One PDF with every certificate, one a page.</source>
        <translation>Tüm belgeleri içeren tek PDF, her sayfada bir belge.</translation>
    </message>
    <message>
        <location filename="../app/kopru-cli/commands/certificates.cpp" line="26"/>
        <source>One PDF per certificate in this folder, named after its number.</source>
        <translation>Bu klasörde her belge için, belge numarasıyla adlandırılmış ayrı bir PDF.</translation>
    </message>
    <message>
        <location filename="../app/kopru-cli/commands/certificates.cpp" line="26"/>
        <source>DIR</source>
        <translation>KLASÖR</translation>
    </message>
    <message>
        <location filename="../app/kopru-cli/commands/certificates.cpp" line="27"/>
        <source>The certificates&apos; language (default: Turkish).</source>
        <translation>Belgelerin dili (varsayılan: Türkçe).</translation>
    </message>
    <message>
        <location filename="../app/kopru-cli/commands/certificates.cpp" line="38"/>
        <source>certificates needs one of --session ID, --centre ID or --all</source>
        <translation>certificates için --session NO, --centre NO ya da --all seçeneklerinden biri gerekir</translation>
    </message>
    <message>
        <location filename="../app/kopru-cli/commands/certificates.cpp" line="42"/>
        <source>certificates needs --out FILE.pdf or --separate DIR</source>
        <translation>certificates için --out DOSYA.pdf ya da --separate KLASÖR gerekir</translation>
    </message>
    <message>
        <location filename="../app/kopru-cli/commands/certificates.cpp" line="51"/>
        <source>--session needs a session id (a positive number)</source>
        <translation>--session bir oturum numarası ister (pozitif bir sayı)</translation>
    </message>
    <message>
        <location filename="../app/kopru-cli/commands/certificates.cpp" line="68"/>
        <source>no completed placement in this selection: no certificate written</source>
        <translation>bu seçimde tamamlanmış yerleştirme yok: belge yazılmadı</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/kopru-cli/commands/certificates.cpp" line="73"/>
        <source>%n new certificate(s)</source>
        <translation>
            <numerusform>%n yeni belge</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/kopru-cli/commands/certificates.cpp" line="74"/>
        <source>%n re-issued (number and code kept)</source>
        <translation>
            <numerusform>%n belge yeniden düzenlendi (numara ve kod korundu)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/kopru-cli/commands/certificates.cpp" line="90"/>
        <source>%1: %n page(s)</source>
        <translation>
            <numerusform>%1: %n sayfa</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/kopru-cli/commands/certificates.cpp" line="92"/>
        <source>%1: %n file(s)</source>
        <translation>
            <numerusform>%1: %n dosya</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/kopru-cli/commands/export.cpp" line="27"/>
        <source>Only this partner (plan and schedule).</source>
        <translation>Yalnızca bu işletme (plan ve takvim).</translation>
    </message>
    <message>
        <location filename="../app/kopru-cli/commands/export.cpp" line="28"/>
        <source>Replace names and national IDs by stable pseudonyms.</source>
        <translation>Adları ve T.C. kimlik numaralarını kalıcı takma adlarla değiştirir.</translation>
    </message>
    <message>
        <location filename="../app/kopru-cli/commands/export.cpp" line="44"/>
        <source>unknown format %1 (csv, xlsx, pdf or ics)</source>
        <translation>bilinmeyen biçim %1 (csv, xlsx, pdf veya ics)</translation>
    </message>
    <message>
        <location filename="../app/kopru-cli/commands/export.cpp" line="46"/>
        <source>%1 cannot be exported as %2</source>
        <translation>%1, %2 olarak dışa aktarılamaz</translation>
    </message>
    <message>
        <location filename="../app/kopru-cli/commands/certificates.cpp" line="55"/>
        <location filename="../app/kopru-cli/commands/export.cpp" line="55"/>
        <source>--centre needs a centre id (a positive number)</source>
        <translation>--centre bir merkez numarası (pozitif bir sayı) gerektirir</translation>
    </message>
    <message>
        <location filename="../app/kopru-cli/commands/export.cpp" line="58"/>
        <source>--partner needs a partner id (a positive number)</source>
        <translation>--partner bir işletme numarası (pozitif bir sayı) gerektirir</translation>
    </message>
    <message>
        <location filename="../app/kopru-cli/commands/export.cpp" line="60"/>
        <source>--partner does not apply to the needs analysis</source>
        <translation>--partner ihtiyaç analizinde kullanılamaz</translation>
    </message>
    <message>
        <location filename="../app/kopru-cli/commands/export.cpp" line="102"/>
        <source>warning: the pseudonym key could not be stored (the database is read-only or in use by another Köprü program), so the pseudonyms of this export differ from those of other exports</source>
        <translation>uyarı: takma ad anahtarı kaydedilemedi (veritabanı salt okunur ya da başka bir Köprü programı tarafından kullanılıyor); bu yüzden bu dışa aktarmadaki takma adlar diğer dışa aktarmalardakilerden farklıdır</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/kopru-cli/commands/export.cpp" line="111"/>
        <source>%n session(s)</source>
        <translation>
            <numerusform>%n oturum</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/kopru-cli/commands/export.cpp" line="108"/>
        <source>%n placement(s)</source>
        <translation>
            <numerusform>%n yerleştirme</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/kopru-cli/commands/export.cpp" line="19"/>
        <source>What to export: the placement plan, the session schedule, the needs analysis or the teachers without a placement (with the reason).</source>
        <translation>Dışa aktarılacak olan: yerleştirme planı, oturum takvimi, ihtiyaç analizi ya da yerleştirilemeyen öğretmenler (gerekçesiyle).</translation>
    </message>
    <message>
        <location filename="../app/kopru-cli/commands/export.cpp" line="22"/>
        <source>File format (ics: plan and schedule only; unplaced: csv and xlsx).</source>
        <translation>Dosya biçimi (ics: yalnızca plan ve takvim; unplaced: csv ve xlsx).</translation>
    </message>
    <message>
        <location filename="../app/kopru-cli/commands/export.cpp" line="41"/>
        <source>unknown export %1 (plan, schedule, needs or unplaced)</source>
        <translation>bilinmeyen dışa aktarım %1 (plan, schedule, needs ya da unplaced)</translation>
    </message>
    <message>
        <location filename="../app/kopru-cli/commands/export.cpp" line="62"/>
        <source>--partner does not apply to the unplaced teachers</source>
        <translation>--partner yerleştirilemeyen öğretmenlere uygulanamaz</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/kopru-cli/commands/export.cpp" line="114"/>
        <source>%n competenc(ies)</source>
        <translation>
            <numerusform>%n yeterlik</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/kopru-cli/commands/export.cpp" line="117"/>
        <source>%n unplaced teacher(s)</source>
        <translation>
            <numerusform>yerleştirilemeyen %n öğretmen</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/kopru-cli/commands/export.cpp" line="120"/>
        <source>%1: %2 exported as %3</source>
        <translation>%1: %2, %3 olarak dışa aktarıldı</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/kopru-cli/commands/export.cpp" line="122"/>
        <source> (%n page(s))</source>
        <translation>
            <numerusform> (%n sayfa)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/kopru-cli/commands/export.cpp" line="124"/>
        <source>, anonymised</source>
        <translation>, anonimleştirilmiş</translation>
    </message>
    <message>
        <location filename="../app/kopru-cli/commands/init.cpp" line="14"/>
        <source>What the database is in the national programme (default: national).</source>
        <translation>Veritabanının ulusal programdaki yeri (varsayılan: national, Genel Müdürlük).</translation>
    </message>
    <message>
        <location filename="../app/kopru-cli/commands/init.cpp" line="29"/>
        <source>created %1 (schema version %2) with 81 provinces, 25 pilot fields and 15 centres</source>
        <translation>%1 oluşturuldu (şema sürümü %2): 81 il, 25 pilot alan ve 15 merkez</translation>
    </message>
    <message>
        <location filename="../app/kopru-cli/commands/init.cpp" line="33"/>
        <source>role: %1</source>
        <translation>rol: %1</translation>
    </message>
    <message>
        <location filename="../app/kopru-cli/commands/plan.cpp" line="82"/>
        <source>The database to plan (a backup is taken first).</source>
        <translation>Planlanacak veritabanı (önce yedeği alınır).</translation>
    </message>
    <message>
        <location filename="../app/kopru-cli/commands/plan.cpp" line="84"/>
        <source>Write one JSON document instead of lines.</source>
        <translation>Satırlar yerine tek bir JSON belgesi yazar.</translation>
    </message>
    <message>
        <location filename="../app/kopru-cli/commands/plan.cpp" line="85"/>
        <source>Also write the flow network in DIMACS format (to check with glpsol).</source>
        <translation>Akış ağını DIMACS biçiminde de yazar (glpsol ile denetlemek için).</translation>
    </message>
    <message>
        <location filename="../app/kopru-cli/commands/plan.cpp" line="139"/>
        <source>placed: %1</source>
        <translation>yerleştirilen: %1</translation>
    </message>
    <message>
        <location filename="../app/kopru-cli/commands/plan.cpp" line="140"/>
        <source>unplaced: %1</source>
        <translation>yerleştirilemeyen: %1</translation>
    </message>
    <message>
        <location filename="../app/kopru-cli/commands/plan.cpp" line="141"/>
        <source>kept (locked or confirmed): %1</source>
        <translation>korunan (kilitli veya onaylı): %1</translation>
    </message>
    <message>
        <location filename="../app/kopru-cli/commands/plan.cpp" line="142"/>
        <source>objective: %1 (covered need %2, distance %3 km)</source>
        <translation>amaç değeri: %1 (karşılanan ihtiyaç %2, uzaklık %3 km)</translation>
    </message>
    <message>
        <location filename="../app/kopru-cli/commands/plan.cpp" line="147"/>
        <source>time: %1 ms</source>
        <translation>süre: %1 ms</translation>
    </message>
    <message>
        <location filename="../app/kopru-cli/commands/plan.cpp" line="149"/>
        <source>warning: the weights do not keep the order of the objectives exactly on this data (see docs/optimiser.md)</source>
        <translation>uyarı: ağırlıklar bu veride hedeflerin öncelik sırasını tam olarak korumuyor (bkz. docs/optimiser.md)</translation>
    </message>
    <message>
        <location filename="../app/kopru-cli/commands/quality.cpp" line="15"/>
        <location filename="../app/kopru-cli/commands/qualityreport.cpp" line="42"/>
        <location filename="../app/kopru-cli/commands/report.cpp" line="14"/>
        <location filename="../app/kopru-cli/commands/stats.cpp" line="16"/>
        <source>The database to read (opened read-only).</source>
        <translation>Okunacak veritabanı (salt okunur açılır).</translation>
    </message>
    <message>
        <location filename="../app/kopru-cli/commands/quality.cpp" line="18"/>
        <source>One line per centre, field or province.</source>
        <translation>Her merkez, alan ya da il için bir satır.</translation>
    </message>
    <message>
        <location filename="../app/kopru-cli/commands/quality.cpp" line="18"/>
        <source>centre|field|province</source>
        <translation>centre|field|province</translation>
    </message>
    <message>
        <location filename="../app/kopru-cli/commands/quality.cpp" line="29"/>
        <source>--by takes centre, field or province, not &quot;%1&quot;</source>
        <translation>--by centre, field ya da province alır, &quot;%1&quot; değil</translation>
    </message>
    <message>
        <location filename="../app/kopru-cli/commands/report.cpp" line="16"/>
        <location filename="../app/kopru-cli/commands/stats.cpp" line="18"/>
        <source>Code of the pilot field (e.g. BIL).</source>
        <translation>Pilot alanın kodu (ör. BIL).</translation>
    </message>
    <message>
        <location filename="../app/kopru-cli/commands/quality.cpp" line="17"/>
        <location filename="../app/kopru-cli/commands/stats.cpp" line="25"/>
        <source>Write one JSON document instead of a table.</source>
        <translation>Tablo yerine tek bir JSON belgesi yazar.</translation>
    </message>
    <message>
        <location filename="../app/kopru-cli/commandtable.cpp" line="17"/>
        <source>empty database with reference data</source>
        <translation>temel verilerle boş veritabanı</translation>
    </message>
    <message>
        <location filename="../app/kopru-cli/commandtable.cpp" line="18"/>
        <source>realistic national-scale data set</source>
        <translation>gerçekçi, ulusal ölçekte veri kümesi</translation>
    </message>
    <message>
        <location filename="../app/kopru-cli/commandtable.cpp" line="20"/>
        <source>teachers, partners, sessions, competencies, needs, attendance or evaluations from CSV or XLSX</source>
        <translation>CSV ya da XLSX dosyasından öğretmen, işletme, oturum, yeterlik, ihtiyaç, devam veya değerlendirme verisi</translation>
    </message>
    <message>
        <location filename="../app/kopru-cli/commandtable.cpp" line="23"/>
        <source>needs analysis of one field</source>
        <translation>bir alanın ihtiyaç analizi</translation>
    </message>
    <message>
        <location filename="../app/kopru-cli/commandtable.cpp" line="25"/>
        <source>the programme&apos;s quality indicators (EQAVET), total or per centre, field or province</source>
        <translation>programın kalite göstergeleri (EQAVET), toplam ya da merkez, alan veya il bazında</translation>
    </message>
    <message>
        <location filename="../app/kopru-cli/commandtable.cpp" line="27"/>
        <source>run the optimiser, store the plan</source>
        <translation>optimizasyonu çalıştırır, planı kaydeder</translation>
    </message>
    <message>
        <location filename="../app/kopru-cli/commandtable.cpp" line="29"/>
        <source>plan, schedule or needs analysis as CSV, XLSX, PDF or iCalendar</source>
        <translation>CSV, XLSX, PDF ya da iCalendar olarak plan, takvim veya ihtiyaç analizi</translation>
    </message>
    <message>
        <location filename="../app/kopru-cli/commandtable.cpp" line="31"/>
        <source>printable needs-analysis report</source>
        <translation>yazdırılabilir ihtiyaç analizi raporu</translation>
    </message>
    <message>
        <location filename="../app/kopru-cli/commandtable.cpp" line="32"/>
        <source>the Quality Advisory Board report of a period as PDF or XLSX</source>
        <translation>bir dönemin Kalite Danışma Kurulu raporu, PDF ya da XLSX</translation>
    </message>
    <message>
        <location filename="../app/kopru-cli/commandtable.cpp" line="35"/>
        <source>certificates of participation for completed placements (PDF, numbers kept on re-issue)</source>
        <translation>tamamlanmış yerleştirmeler için katılım belgeleri (PDF; yeniden düzenlemede numara korunur)</translation>
    </message>
    <message>
        <location filename="../app/kopru-cli/commandtable.cpp" line="37"/>
        <source>check a certificate&apos;s number and verification code</source>
        <translation>bir belgenin numarasını ve doğrulama kodunu denetle</translation>
    </message>
    <message>
        <location filename="../app/kopru-cli/commandtable.cpp" line="39"/>
        <source>integrity and foreign-key check</source>
        <translation>bütünlük ve yabancı anahtar denetimi</translation>
    </message>
    <message>
        <location filename="../app/kopru-cli/commandtable.cpp" line="40"/>
        <source>consistent copy of a live database</source>
        <translation>kullanımdaki bir veritabanının tutarlı kopyası</translation>
    </message>
    <message>
        <location filename="../app/kopru-cli/commandtable.cpp" line="41"/>
        <source>the automatic backups of a database: time, reason, verified</source>
        <translation>bir veritabanının otomatik yedekleri: zaman, neden, doğrulama</translation>
    </message>
    <message>
        <location filename="../app/kopru-cli/commandtable.cpp" line="43"/>
        <source>go back to a backup (the current state is kept as a backup)</source>
        <translation>bir yedeğe geri dön (şimdiki durum da yedek olarak saklanır)</translation>
    </message>
    <message>
        <location filename="../app/kopru-cli/commandtable.cpp" line="45"/>
        <source>the database&apos;s role: the national office or a centre</source>
        <translation>veritabanının rolü: Genel Müdürlük ya da bir merkez</translation>
    </message>
    <message>
        <location filename="../app/kopru-cli/commandtable.cpp" line="47"/>
        <source>a package of changes for the national office or a centre</source>
        <translation>Genel Müdürlük ya da bir merkez için değişiklik paketi</translation>
    </message>
    <message>
        <location filename="../app/kopru-cli/commandtable.cpp" line="49"/>
        <source>apply a package from the national office or a centre</source>
        <translation>Genel Müdürlükten ya da bir merkezden gelen paketi uygula</translation>
    </message>
    <message>
        <location filename="../app/kopru-cli/commandtable.cpp" line="51"/>
        <source>create the national office&apos;s database on an empty PostgreSQL database</source>
        <translation>Genel Müdürlüğün veritabanını boş bir PostgreSQL veritabanında oluştur</translation>
    </message>
    <message>
        <location filename="../app/kopru-cli/commandtable.cpp" line="53"/>
        <source>copy a database between a .kopru file and an empty server database, ids kept</source>
        <translation>bir veritabanını .kopru dosyası ile boş bir sunucu veritabanı arasında kimlikleri koruyarak kopyala</translation>
    </message>
    <message>
        <location filename="../app/kopru-cli/commandtable.cpp" line="56"/>
        <source>bring a file or a server database to this program&apos;s schema (the server&apos;s by its owner)</source>
        <translation>bir dosyayı ya da sunucu veritabanını bu programın şemasına getirir (sunucununkini sahibi)</translation>
    </message>
    <message>
        <location filename="../app/kopru-cli/commandtable.cpp" line="85"/>
        <source>kopru-cli COMMAND --help describes the arguments and options of COMMAND.</source>
        <translation>kopru-cli KOMUT --help, KOMUT&apos;un argümanlarını ve seçeneklerini açıklar.</translation>
    </message>
    <message>
        <location filename="../app/kopru-cli/commandtable.cpp" line="91"/>
        <source>unknown command %1</source>
        <translation>bilinmeyen komut %1</translation>
    </message>
    <message>
        <location filename="../app/kopru-cli/commands/report.cpp" line="17"/>
        <source>The PDF file to write.</source>
        <translation>Yazılacak PDF dosyası.</translation>
    </message>
    <message>
        <location filename="../app/kopru-cli/commands/certificates.cpp" line="25"/>
        <location filename="../app/kopru-cli/commands/report.cpp" line="17"/>
        <source>FILE.pdf</source>
        <translation>DOSYA.pdf</translation>
    </message>
    <message>
        <location filename="../app/kopru-cli/commands/qualityreport.cpp" line="44"/>
        <source>The half year (2027H1, 2027H2) or year (2027) of the sessions reported.</source>
        <translation>Raporlanan oturumların yarıyılı (2027H1, 2027H2) ya da yılı (2027).</translation>
    </message>
    <message>
        <location filename="../app/kopru-cli/commands/qualityreport.cpp" line="44"/>
        <source>PERIOD</source>
        <translation>DÖNEM</translation>
    </message>
    <message>
        <location filename="../app/kopru-cli/commands/qualityreport.cpp" line="45"/>
        <source>The file to write: a PDF report, or the figures as XLSX (by its extension).</source>
        <translation>Yazılacak dosya: PDF rapor ya da rakamlar XLSX olarak (uzantısına göre).</translation>
    </message>
    <message>
        <location filename="../app/kopru-cli/commands/qualityreport.cpp" line="46"/>
        <source>FILE.pdf|FILE.xlsx</source>
        <translation>DOSYA.pdf|DOSYA.xlsx</translation>
    </message>
    <message>
        <location filename="../app/kopru-cli/commands/qualityreport.cpp" line="47"/>
        <source>Also write the figures as an XLSX workbook.</source>
        <translation>Rakamları ayrıca XLSX çalışma kitabı olarak yaz.</translation>
    </message>
    <message>
        <location filename="../app/kopru-cli/commands/qualityreport.cpp" line="47"/>
        <source>FILE.xlsx</source>
        <translation>DOSYA.xlsx</translation>
    </message>
    <message>
        <location filename="../app/kopru-cli/commands/qualityreport.cpp" line="48"/>
        <source>The report&apos;s language (default: Turkish).</source>
        <translation>Raporun dili (varsayılan: Türkçe).</translation>
    </message>
    <message>
        <location filename="../app/kopru-cli/commands/qualityreport.cpp" line="48"/>
        <source>tr|en</source>
        <translation>tr|en</translation>
    </message>
    <message>
        <location filename="../app/kopru-cli/commands/qualityreport.cpp" line="59"/>
        <source>--period: %1</source>
        <translation>--period: %1</translation>
    </message>
    <message>
        <location filename="../app/kopru-cli/commands/certificates.cpp" line="45"/>
        <location filename="../app/kopru-cli/commands/qualityreport.cpp" line="62"/>
        <source>--lang takes tr or en, not &quot;%1&quot;</source>
        <translation>--lang tr ya da en alır, &quot;%1&quot; değil</translation>
    </message>
    <message>
        <location filename="../app/kopru-cli/commands/qualityreport.cpp" line="65"/>
        <source>%1: --out must end in .pdf (the report) or .xlsx (its figures)</source>
        <translation>%1: --out .pdf (rapor) ya da .xlsx (rakamları) ile bitmeli</translation>
    </message>
    <message>
        <location filename="../app/kopru-cli/commands/qualityreport.cpp" line="71"/>
        <source>%1: --xlsx must end in .xlsx, beside a PDF --out</source>
        <translation>%1: --xlsx, PDF bir --out yanında .xlsx ile bitmeli</translation>
    </message>
    <message>
        <location filename="../app/kopru-cli/commands/qualityreport.cpp" line="84"/>
        <location filename="../app/kopru-cli/commands/report.cpp" line="37"/>
        <source>report written to %1</source>
        <translation>rapor %1 dosyasına yazıldı</translation>
    </message>
    <message>
        <location filename="../app/kopru-cli/databaseaccess.cpp" line="38"/>
        <source>kopru-cli: no automatic backup: %1</source>
        <translation>kopru-cli: otomatik yedek alınmadı: %1</translation>
    </message>
    <message>
        <location filename="../app/kopru-cli/databaseaccess.cpp" line="54"/>
        <source>%1: this is a server database: Köprü makes no backups of it and restores none. Its backups are made on the server with pg_dump and restored with pg_restore (docs/server.md, &quot;Backups are pg_dump&quot;).</source>
        <translation>%1: bu bir sunucu veritabanıdır: Köprü onun yedeğini almaz ve yedekten geri yüklemez. Yedekleri sunucuda pg_dump ile alınır ve pg_restore ile geri yüklenir (docs/server.md, &quot;Backups are pg_dump&quot;).</translation>
    </message>
    <message>
        <location filename="../app/kopru-cli/databaseaccess.cpp" line="62"/>
        <source>kopru-cli: to go back to a backup: kopru-cli backups %1, then kopru-cli restore %1 BACKUP</source>
        <translation>kopru-cli: bir yedeğe geri dönmek için: kopru-cli backups %1, ardından kopru-cli restore %1 YEDEK</translation>
    </message>
    <message>
        <location filename="../app/kopru-cli/commands/backups.cpp" line="21"/>
        <source>The database whose automatic backups are listed (it may be damaged).</source>
        <translation>Otomatik yedekleri listelenecek veritabanı (hasarlı olabilir).</translation>
    </message>
    <message>
        <location filename="../app/kopru-cli/commands/backups.cpp" line="38"/>
        <source>the file does not exist, and no backups were made from it</source>
        <translation>dosya yok ve ondan hiç yedek alınmamış</translation>
    </message>
    <message>
        <location filename="../app/kopru-cli/commands/backups.cpp" line="39"/>
        <source>%1: no backups yet</source>
        <translation>%1: henüz yedek yok</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/kopru-cli/commands/backups.cpp" line="46"/>
        <source>%1: %n backup(s) in %2, newest first</source>
        <translation>
            <numerusform>%1: %2 içinde %n yedek, en yenisi başta</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/kopru-cli/commands/backups.cpp" line="56"/>
        <source>verified</source>
        <translation>doğrulandı</translation>
    </message>
    <message>
        <location filename="../app/kopru-cli/commands/backups.cpp" line="56"/>
        <source>damaged: %1</source>
        <translation>hasarlı: %1</translation>
    </message>
    <message>
        <location filename="../app/kopru-cli/commands/backups.cpp" line="68"/>
        <source>restore one with: kopru-cli restore %1 BACKUP (a file name above, or a path)</source>
        <translation>birini geri yüklemek için: kopru-cli restore %1 YEDEK (yukarıdaki bir dosya adı ya da bir yol)</translation>
    </message>
    <message>
        <location filename="../app/kopru-cli/commands/restore.cpp" line="18"/>
        <source>The database to replace (it may be damaged or missing).</source>
        <translation>Yerine yedeğin konacağı veritabanı (hasarlı ya da kayıp olabilir).</translation>
    </message>
    <message>
        <location filename="../app/kopru-cli/commands/restore.cpp" line="19"/>
        <source>BACKUP</source>
        <translation>YEDEK</translation>
    </message>
    <message>
        <location filename="../app/kopru-cli/commands/restore.cpp" line="19"/>
        <source>The backup: a file name that kopru-cli backups lists, or the path of a backup.</source>
        <translation>Yedek: kopru-cli backups komutunun listelediği bir dosya adı ya da bir yedeğin yolu.</translation>
    </message>
    <message>
        <location filename="../app/kopru-cli/commands/restore.cpp" line="37"/>
        <source>no such backup (kopru-cli backups %1 lists them)</source>
        <translation>böyle bir yedek yok (yedekleri kopru-cli backups %1 listeler)</translation>
    </message>
    <message>
        <location filename="../app/kopru-cli/commands/restore.cpp" line="49"/>
        <source>%1 restored from %2</source>
        <translation>%1, %2 yedeğinden geri yüklendi</translation>
    </message>
    <message>
        <location filename="../app/kopru-cli/commands/restore.cpp" line="55"/>
        <source>the state before the restore was kept as %1</source>
        <translation>geri yüklemeden önceki durum %1 olarak saklandı</translation>
    </message>
    <message>
        <location filename="../app/kopru-cli/commands/restore.cpp" line="57"/>
        <source>the damaged file that was there was kept in %1 (it is not listed as a backup)</source>
        <translation>orada bulunan hasarlı dosya %1 klasöründe saklandı (yedek olarak listelenmez)</translation>
    </message>
    <message>
        <location filename="../app/kopru-cli/commands/pack.cpp" line="18"/>
        <source>The database that sends.</source>
        <translation>Gönderen veritabanı.</translation>
    </message>
    <message>
        <location filename="../app/kopru-cli/commands/pack.cpp" line="20"/>
        <source>The receiver: national (from a centre), or a centre&apos;s id (from the national office).</source>
        <translation>Alıcı: national (merkezden), ya da bir merkezin numarası (Genel Müdürlükten).</translation>
    </message>
    <message>
        <location filename="../app/kopru-cli/commands/pack.cpp" line="22"/>
        <source>The package file to write (.kopru-pkg).</source>
        <translation>Yazılacak paket dosyası (.kopru-pkg).</translation>
    </message>
    <message>
        <location filename="../app/kopru-cli/commands/pack.cpp" line="23"/>
        <source>Everything the receiver may have, not only what changed since its last acknowledgement.</source>
        <translation>Yalnızca alıcının son onayından beri değişenleri değil, alıcının alabileceği her şeyi gönder.</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/kopru-cli/commands/pack.cpp" line="46"/>
        <source>package %1 for %2 (%3): %Ln row(s), %4 KB → %5</source>
        <translation>
            <numerusform>%2 için %1 numaralı paket (%3): %Ln satır, %4 KB → %5</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/kopru-cli/commands/pack.cpp" line="49"/>
        <location filename="../app/kopru-cli/commands/receive.cpp" line="98"/>
        <source>everything</source>
        <translation>her şey</translation>
    </message>
    <message>
        <location filename="../app/kopru-cli/commands/pack.cpp" line="49"/>
        <source>changes since package %1 it acknowledged</source>
        <translation>onayladığı %1 numaralı paketten beri değişenler</translation>
    </message>
    <message>
        <location filename="../app/kopru-cli/commands/receive.cpp" line="26"/>
        <source>table</source>
        <translation>tablo</translation>
    </message>
    <message>
        <location filename="../app/kopru-cli/commands/receive.cpp" line="26"/>
        <source>new</source>
        <translation>yeni</translation>
    </message>
    <message>
        <location filename="../app/kopru-cli/commands/receive.cpp" line="26"/>
        <source>updated</source>
        <translation>güncellenen</translation>
    </message>
    <message>
        <location filename="../app/kopru-cli/commands/receive.cpp" line="27"/>
        <source>unchanged</source>
        <translation>değişmeyen</translation>
    </message>
    <message>
        <location filename="../app/kopru-cli/commands/receive.cpp" line="27"/>
        <source>deleted</source>
        <translation>silinen</translation>
    </message>
    <message>
        <location filename="../app/kopru-cli/commands/receive.cpp" line="27"/>
        <source>conflicts</source>
        <translation>çakışma</translation>
    </message>
    <message>
        <location filename="../app/kopru-cli/commands/receive.cpp" line="28"/>
        <source>refused</source>
        <translation>reddedilen</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/kopru-cli/commands/receive.cpp" line="34"/>
        <source>%n item(s) opened in the review list</source>
        <translation>
            <numerusform>inceleme listesinde %n kayıt açıldı</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/kopru-cli/commands/receive.cpp" line="36"/>
        <source>%n placement(s) confirmed by the national office</source>
        <translation>
            <numerusform>Genel Müdürlük %n yerleştirmeyi onayladı</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/kopru-cli/commands/receive.cpp" line="38"/>
        <source>%n placement(s) cancelled by the national office</source>
        <translation>
            <numerusform>Genel Müdürlük %n yerleştirmeyi iptal etti</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/kopru-cli/commands/receive.cpp" line="40"/>
        <source>%n record(s) of this centre merged by the national office</source>
        <translation>
            <numerusform>bu merkezin %n kaydı Genel Müdürlükçe birleştirildi</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/kopru-cli/commands/receive.cpp" line="43"/>
        <source>%n teacher(s) erased (KVKK)</source>
        <translation>
            <numerusform>%n öğretmen silindi (KVKK)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/kopru-cli/commands/receive.cpp" line="53"/>
        <source>The database that receives.</source>
        <translation>Alan veritabanı.</translation>
    </message>
    <message>
        <location filename="../app/kopru-cli/commands/receive.cpp" line="54"/>
        <source>The package (.kopru-pkg) another database made with pack.</source>
        <translation>Başka bir veritabanının pack ile yaptığı paket (.kopru-pkg).</translation>
    </message>
    <message>
        <location filename="../app/kopru-cli/commands/receive.cpp" line="56"/>
        <source>Check and apply, report, then change nothing.</source>
        <translation>Denetle ve uygula, raporla, sonra hiçbir şeyi değiştirme.</translation>
    </message>
    <message>
        <location filename="../app/kopru-cli/commands/receive.cpp" line="89"/>
        <source>package %1 from %2 was received already (%3): nothing to do</source>
        <translation>%2 kaynaklı %1 numaralı paket zaten alındı (%3): yapılacak bir şey yok</translation>
    </message>
    <message>
        <location filename="../app/kopru-cli/commands/receive.cpp" line="95"/>
        <source>package %1 from %2, made %3, %4</source>
        <translation>%2 kaynaklı %1 numaralı paket, yapılış: %3, %4</translation>
    </message>
    <message>
        <location filename="../app/kopru-cli/commands/receive.cpp" line="98"/>
        <source>changes since package %1</source>
        <translation>%1 numaralı paketten beri değişenler</translation>
    </message>
    <message>
        <location filename="../app/kopru-cli/commands/receive.cpp" line="101"/>
        <source>first package from %1: database %2 is registered as %1</source>
        <translation>%1 kaynaklı ilk paket: %2 veritabanı %1 olarak kaydedildi</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/kopru-cli/commands/receive.cpp" line="105"/>
        <source>dry run: %n row(s) would change; nothing was changed</source>
        <translation>
            <numerusform>deneme: %n satır değişirdi; hiçbir şey değiştirilmedi</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/kopru-cli/commands/receive.cpp" line="107"/>
        <source>%n row(s) changed</source>
        <translation>
            <numerusform>%n satır değişti</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/kopru-cli/commands/role.cpp" line="19"/>
        <source>The database.</source>
        <translation>Veritabanı.</translation>
    </message>
    <message>
        <location filename="../app/kopru-cli/commands/role.cpp" line="22"/>
        <source>Makes the database the national office&apos;s or a centre&apos;s (once, before its first package): what it made is then its own.</source>
        <translation>Veritabanını Genel Müdürlüğün ya da bir merkezin yapar (bir kez, ilk paketinden önce): yaptığı kayıtlar o zaman kendisinin olur.</translation>
    </message>
    <message>
        <location filename="../app/kopru-cli/commands/role.cpp" line="38"/>
        <source>%1: this is a server database, always the national office&apos;s: its role cannot be set. What each person may do comes from their server role (kopru_national, kopru_centre_N, kopru_viewer; docs/server.md)</source>
        <translation>%1: bu bir sunucu veritabanıdır ve her zaman Genel Müdürlüğündür: rolü ayarlanamaz. Her kişinin neler yapabileceği sunucudaki rolünden gelir (kopru_national, kopru_centre_N, kopru_viewer; docs/server.md)</translation>
    </message>
    <message>
        <location filename="../app/kopru-cli/commands/role.cpp" line="56"/>
        <location filename="../app/kopru-cli/commands/role.cpp" line="89"/>
        <source>%1: %2 (database %3)</source>
        <translation>%1: %2 (veritabanı %3)</translation>
    </message>
    <message>
        <location filename="../app/kopru-cli/commands/role.cpp" line="57"/>
        <source>login %1: may read and write (within its server role)</source>
        <translation>%1 kullanıcısı: okuyabilir ve yazabilir (sunucu rolünün sınırları içinde)</translation>
    </message>
    <message>
        <location filename="../app/kopru-cli/commands/role.cpp" line="57"/>
        <source>login %1: may only read</source>
        <translation>%1 kullanıcısı: yalnızca okuyabilir</translation>
    </message>
    <message>
        <location filename="../app/kopru-cli/commands/copy.cpp" line="11"/>
        <source>SRC</source>
        <translation>KAYNAK</translation>
    </message>
    <message>
        <location filename="../app/kopru-cli/commands/copy.cpp" line="11"/>
        <source>The database to copy: a .kopru file or a postgresql:// URL (read only).</source>
        <translation>Kopyalanacak veritabanı: bir .kopru dosyası ya da bir postgresql:// adresi (yalnızca okunur).</translation>
    </message>
    <message>
        <location filename="../app/kopru-cli/commands/copy.cpp" line="12"/>
        <source>DST</source>
        <translation>HEDEF</translation>
    </message>
    <message>
        <location filename="../app/kopru-cli/commands/copy.cpp" line="12"/>
        <source>Where to: a new file, or an empty server database (postgresql://user@host/database).</source>
        <translation>Nereye: yeni bir dosya ya da boş bir sunucu veritabanı (postgresql://kullanıcı@sunucu/veritabanı).</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/kopru-cli/commands/copy.cpp" line="26"/>
        <source>copied %1 to %2: %n table(s), %3 rows, the same count in every table</source>
        <translation>
            <numerusform>%1, %2 hedefine kopyalandı: %n tablo, %3 satır, her tabloda aynı sayı</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/kopru-cli/commands/serverinit.cpp" line="14"/>
        <source>URL</source>
        <translation>ADRES</translation>
    </message>
    <message>
        <location filename="../app/kopru-cli/commands/serverinit.cpp" line="15"/>
        <source>The empty server database: postgresql://user[:password]@host[:port]/database[?sslmode=require]. A Köprü database of an older version is upgraded instead.</source>
        <translation>Boş sunucu veritabanı: postgresql://kullanıcı[:parola]@sunucu[:port]/veritabanı[?sslmode=require]. Daha eski sürümde bir Köprü veritabanı ise yükseltilir.</translation>
    </message>
    <message>
        <location filename="../app/kopru-cli/commands/serverinit.cpp" line="35"/>
        <source>created the national office&apos;s database on %1 (schema version %2) with 81 provinces, 25 pilot fields and 15 centres</source>
        <translation>Genel Müdürlüğün veritabanı %1 üzerinde oluşturuldu (şema sürümü %2): 81 il, 25 pilot alan ve 15 merkez</translation>
    </message>
    <message>
        <location filename="../app/kopru-cli/commands/stats.cpp" line="20"/>
        <source>The survey round to analyse: 1 (the needs survey) or 2 (after the training); default: the field&apos;s latest.</source>
        <translation>Analiz edilecek anket turu: 1 (ihtiyaç anketi) ya da 2 (eğitimden sonra); varsayılan: alanın en son turu.</translation>
    </message>
    <message>
        <location filename="../app/kopru-cli/commands/stats.cpp" line="23"/>
        <source>Compare survey rounds 1 and 2 per competency: mean need before and after, the change and its 95 % confidence interval.</source>
        <translation>1. ve 2. anket turlarını yeterlik bazında karşılaştır: önceki ve sonraki ortalama ihtiyaç, değişim ve %95 güven aralığı.</translation>
    </message>
    <message>
        <location filename="../app/kopru-cli/commands/stats.cpp" line="42"/>
        <source>--round and --compare-rounds exclude each other</source>
        <translation>--round ve --compare-rounds birlikte kullanılamaz</translation>
    </message>
    <message>
        <location filename="../app/kopru-cli/commands/verifycertificate.cpp" line="15"/>
        <source>The database that issued the certificate (opened read-only).</source>
        <translation>Belgeyi düzenleyen veritabanı (salt okunur açılır).</translation>
    </message>
    <message>
        <location filename="../app/kopru-cli/commands/verifycertificate.cpp" line="16"/>
        <source>NUMBER</source>
        <translation>NUMARA</translation>
    </message>
    <message>
        <location filename="../app/kopru-cli/commands/verifycertificate.cpp" line="16"/>
        <source>The certificate&apos;s number, e.g. KPR-2027-007-00012.</source>
        <translation>Belgenin numarası, örneğin KPR-2027-007-00012.</translation>
    </message>
    <message>
        <location filename="../app/kopru-cli/commands/verifycertificate.cpp" line="17"/>
        <source>The verification code printed on the certificate (case, spaces and dashes do not matter).</source>
        <translation>Belgede basılı doğrulama kodu (büyük/küçük harf, boşluk ve tire fark etmez).</translation>
    </message>
    <message>
        <location filename="../app/kopru-cli/commands/verifycertificate.cpp" line="36"/>
        <source>not valid: this database issued no certificate %1</source>
        <translation>geçersiz: bu veritabanı %1 numaralı bir belge düzenlememiş</translation>
    </message>
    <message>
        <location filename="../app/kopru-cli/commands/verifycertificate.cpp" line="38"/>
        <source>not valid: the verification code does not belong to certificate %1</source>
        <translation>geçersiz: doğrulama kodu %1 numaralı belgeye ait değil</translation>
    </message>
    <message>
        <location filename="../app/kopru-cli/commands/verifycertificate.cpp" line="41"/>
        <source>not valid: certificate %1 was issued, but its placement is no longer completed</source>
        <translation>geçersiz: %1 numaralı belge düzenlenmiş, ancak yerleştirmesi artık tamamlanmış değil</translation>
    </message>
    <message>
        <location filename="../app/kopru-cli/commands/verifycertificate.cpp" line="48"/>
        <source>valid: certificate %1</source>
        <translation>geçerli: %1 numaralı belge</translation>
    </message>
    <message>
        <location filename="../app/kopru-cli/commands/verifycertificate.cpp" line="49"/>
        <source>holder: %1</source>
        <translation>sahibi: %1</translation>
    </message>
    <message>
        <location filename="../app/kopru-cli/commands/verifycertificate.cpp" line="50"/>
        <source>programme: %1 %2 at %3, %4 – %5, %6 hours</source>
        <translation>program: %1 %2, %3 işletmesinde, %4 – %5, %6 saat</translation>
    </message>
    <message>
        <location filename="../app/kopru-cli/commands/verifycertificate.cpp" line="54"/>
        <source>centre: %1</source>
        <translation>merkez: %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/kopru-cli/commands/verifycertificate.cpp" line="56"/>
        <source>issued: %n time(s), first %1, last %2</source>
        <translation>
            <numerusform>düzenlenme: %n kez, ilk %1, son %2</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/kopru-cli/commands/upgrade.cpp" line="22"/>
        <source>The database: a .kopru file (upgraded after an automatic backup, as every writing command does) or a postgresql:// URL (upgraded in one transaction by the database&apos;s owner).</source>
        <translation>Veritabanı: bir .kopru dosyası (yazan her komutta olduğu gibi otomatik yedekten sonra yükseltilir) ya da bir postgresql:// adresi (veritabanının sahibi tarafından tek işlemde yükseltilir).</translation>
    </message>
    <message>
        <location filename="../app/kopru-cli/commands/upgrade.cpp" line="37"/>
        <source>%1: schema version %2, roles and rules version %3: up to date</source>
        <translation>%1: şema sürümü %2, roller ve kurallar sürümü %3: güncel</translation>
    </message>
    <message>
        <location filename="../app/kopru-cli/commands/upgrade.cpp" line="43"/>
        <source>%1: schema version %2 kept, roles and rules upgraded from version %3 to %4</source>
        <translation>%1: şema sürümü %2 korundu, roller ve kurallar %3 sürümünden %4 sürümüne yükseltildi</translation>
    </message>
    <message>
        <location filename="../app/kopru-cli/commands/upgrade.cpp" line="50"/>
        <source>%1: upgraded from schema version %2 to %3, roles and rules from version %4 to %5</source>
        <translation>%1: şema sürümü %2 sürümünden %3 sürümüne, roller ve kurallar %4 sürümünden %5 sürümüne yükseltildi</translation>
    </message>
    <message>
        <location filename="../app/kopru-cli/commands/upgrade.cpp" line="72"/>
        <source>%1: upgraded from schema version %2 to %3 (a backup was made first)</source>
        <translation>%1: şema sürümü %2 sürümünden %3 sürümüne yükseltildi (önce yedek alındı)</translation>
    </message>
    <message>
        <location filename="../app/kopru-cli/commands/upgrade.cpp" line="78"/>
        <source>%1: schema version %2: up to date</source>
        <translation>%1: şema sürümü %2: güncel</translation>
    </message>
</context>
<context>
    <name>kopru::exporting::MonthCalendarModel</name>
    <message numerus="yes">
        <location filename="../models/export/monthcalendarmodel.cpp" line="136"/>
        <source>+%n more</source>
        <translation>
            <numerusform>+%n daha</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../models/export/monthcalendarmodel.cpp" line="166"/>
        <source>No sessions</source>
        <translation>Oturum yok</translation>
    </message>
    <message numerus="yes">
        <location filename="../models/export/monthcalendarmodel.cpp" line="168"/>
        <source>%1 (%2–%3, %n teacher(s))</source>
        <translation>
            <numerusform>%1 (%2–%3, %n öğretmen)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kopru::programme::SessionAttendanceModel</name>
    <message>
        <location filename="../models/programme/sessionattendancemodel.cpp" line="64"/>
        <source>open</source>
        <translation>açık</translation>
    </message>
    <message>
        <location filename="../models/programme/sessionattendancemodel.cpp" line="64"/>
        <source>completed</source>
        <translation>tamamlandı</translation>
    </message>
    <message>
        <location filename="../models/programme/sessionattendancemodel.cpp" line="65"/>
        <source>cancelled</source>
        <translation>iptal edildi</translation>
    </message>
    <message>
        <location filename="../models/programme/sessionattendancemodel.cpp" line="70"/>
        <source>(not recorded)</source>
        <translation>(kaydedilmedi)</translation>
    </message>
    <message>
        <location filename="../models/programme/sessionattendancemodel.cpp" line="70"/>
        <location filename="../models/programme/sessionattendancemodel.cpp" line="77"/>
        <source>illness</source>
        <translation>hastalık</translation>
    </message>
    <message>
        <location filename="../models/programme/sessionattendancemodel.cpp" line="71"/>
        <source>withdrew</source>
        <translation>çekildi</translation>
    </message>
    <message>
        <location filename="../models/programme/sessionattendancemodel.cpp" line="71"/>
        <source>partner cancelled</source>
        <translation>işletme iptal etti</translation>
    </message>
    <message>
        <location filename="../models/programme/sessionattendancemodel.cpp" line="72"/>
        <location filename="../models/programme/sessionattendancemodel.cpp" line="79"/>
        <source>other reason</source>
        <translation>başka neden</translation>
    </message>
    <message>
        <location filename="../models/programme/sessionattendancemodel.cpp" line="77"/>
        <source>(none)</source>
        <translation>(yok)</translation>
    </message>
    <message>
        <location filename="../models/programme/sessionattendancemodel.cpp" line="78"/>
        <source>excused</source>
        <translation>izinli</translation>
    </message>
    <message>
        <location filename="../models/programme/sessionattendancemodel.cpp" line="78"/>
        <source>unexcused</source>
        <translation>izinsiz</translation>
    </message>
    <message>
        <location filename="../models/programme/sessionattendancemodel.cpp" line="79"/>
        <source>partner&apos;s reason</source>
        <translation>işletme kaynaklı</translation>
    </message>
    <message>
        <location filename="../models/programme/sessionattendancemodel.cpp" line="349"/>
        <source>Hours attended on %1 (planned: %2); empty = not recorded, 0 = absent</source>
        <translation>%1 günü katılınan saat (planlanan: %2); boş = kaydedilmedi, 0 = gelmedi</translation>
    </message>
    <message>
        <location filename="../models/programme/sessionattendancemodel.cpp" line="352"/>
        <source>Why hours were missed: written to the days with fewer hours than planned</source>
        <translation>Saatlerin neden kaçırıldığı: planlanandan az saatli günlere yazılır</translation>
    </message>
    <message>
        <location filename="../models/programme/sessionattendancemodel.cpp" line="354"/>
        <source>Why the placement was cancelled (only for a cancelled placement)</source>
        <translation>Yerleştirmenin neden iptal edildiği (yalnızca iptal edilmiş yerleştirme için)</translation>
    </message>
    <message>
        <location filename="../models/programme/sessionattendancemodel.cpp" line="356"/>
        <source>%1 of %2 hours planned</source>
        <translation>planlanan %2 saatin %1 saati</translation>
    </message>
    <message>
        <location filename="../models/programme/sessionattendancemodel.cpp" line="400"/>
        <source>Teacher</source>
        <translation>Öğretmen</translation>
    </message>
    <message>
        <location filename="../models/programme/sessionattendancemodel.cpp" line="402"/>
        <source>Outcome</source>
        <translation>Sonuç</translation>
    </message>
    <message>
        <location filename="../models/programme/sessionattendancemodel.cpp" line="404"/>
        <source>Cancelled because</source>
        <translation>İptal nedeni</translation>
    </message>
    <message>
        <location filename="../models/programme/sessionattendancemodel.cpp" line="406"/>
        <source>Absence reason</source>
        <translation>Devamsızlık nedeni</translation>
    </message>
    <message>
        <location filename="../models/programme/sessionattendancemodel.cpp" line="412"/>
        <source>Total hours</source>
        <translation>Toplam saat</translation>
    </message>
    <message>
        <location filename="../models/programme/sessionattendancemodel.cpp" line="441"/>
        <source>The outcome is open, completed or cancelled; &quot;%1&quot; refused.</source>
        <translation>Sonuç açık, tamamlandı ya da iptal edildi olabilir; &quot;%1&quot; kabul edilmedi.</translation>
    </message>
    <message>
        <location filename="../models/programme/sessionattendancemodel.cpp" line="445"/>
        <source>A certificate of participation was issued for this placement: it stays completed.</source>
        <translation>Bu yerleştirme için katılım belgesi düzenlendi: tamamlanmış olarak kalır.</translation>
    </message>
    <message>
        <location filename="../models/programme/sessionattendancemodel.cpp" line="456"/>
        <source>&quot;%1&quot; is not a reason for a cancellation.</source>
        <translation>&quot;%1&quot; bir iptal nedeni değil.</translation>
    </message>
    <message>
        <location filename="../models/programme/sessionattendancemodel.cpp" line="460"/>
        <source>A cancellation reason is given only for a cancelled placement: set the outcome to cancelled first.</source>
        <translation>İptal nedeni yalnızca iptal edilmiş bir yerleştirmeye verilir: önce sonucu &quot;iptal edildi&quot; yapın.</translation>
    </message>
    <message>
        <location filename="../models/programme/sessionattendancemodel.cpp" line="470"/>
        <source>&quot;%1&quot; is not a reason for an absence.</source>
        <translation>&quot;%1&quot; bir devamsızlık nedeni değil.</translation>
    </message>
    <message>
        <location filename="../models/programme/sessionattendancemodel.cpp" line="474"/>
        <source>An absence reason applies to the days with fewer hours than planned: enter the hours of such a day first.</source>
        <translation>Devamsızlık nedeni, planlanandan az saatli günlere uygulanır: önce böyle bir günün saatlerini girin.</translation>
    </message>
    <message>
        <location filename="../models/programme/sessionattendancemodel.cpp" line="491"/>
        <source>&quot;%1&quot; is not a number of hours.</source>
        <translation>&quot;%1&quot; bir saat sayısı değil.</translation>
    </message>
    <message>
        <location filename="../models/programme/sessionattendancemodel.cpp" line="495"/>
        <source>The hours attended in a day are 0 to 24; %1 refused.</source>
        <translation>Bir günde katılınan saat 0 ile 24 arasındadır; %1 kabul edilmedi.</translation>
    </message>
</context>
<context>
    <name>kopru::programme::SessionEvaluationModel</name>
    <message>
        <location filename="../models/programme/sessionevaluationmodel.cpp" line="157"/>
        <location filename="../models/programme/sessionevaluationmodel.cpp" line="223"/>
        <location filename="../views/programme/attendancedialog.cpp" line="64"/>
        <source>n/a</source>
        <translation>fikrim yok</translation>
    </message>
    <message>
        <location filename="../models/programme/sessionevaluationmodel.cpp" line="170"/>
        <source>1 strongly disagree … 5 strongly agree; 0 or &quot;n/a&quot; = not applicable; empty = not answered</source>
        <translation>1 kesinlikle katılmıyorum … 5 kesinlikle katılıyorum; &quot;fikrim yok&quot; için 0 ya da &quot;fikrim yok&quot;; boş = yanıtlanmadı</translation>
    </message>
    <message>
        <location filename="../models/programme/sessionevaluationmodel.cpp" line="198"/>
        <source>Teacher</source>
        <translation>Öğretmen</translation>
    </message>
    <message>
        <location filename="../models/programme/sessionevaluationmodel.cpp" line="229"/>
        <source>A score is 1 to 5, or 0 for &quot;not applicable&quot;; &quot;%1&quot; refused.</source>
        <translation>Puan 1 ile 5 arasındadır, &quot;fikrim yok&quot; için 0; &quot;%1&quot; kabul edilmedi.</translation>
    </message>
</context>
<context>
    <name>kopru::quality::CompetencyChangeModel</name>
    <message>
        <location filename="../models/quality/competencychangemodel.cpp" line="78"/>
        <source>paired</source>
        <translation>eşleştirilmiş</translation>
    </message>
    <message>
        <location filename="../models/quality/competencychangemodel.cpp" line="78"/>
        <source>independent</source>
        <translation>bağımsız</translation>
    </message>
    <message>
        <location filename="../models/quality/competencychangemodel.cpp" line="137"/>
        <source>Mean need (1-5) in survey round 1 (paired: of the teachers who answered both rounds)</source>
        <translation>1. anket turunda ortalama ihtiyaç (1-5) (eşleştirilmişte: iki turu da yanıtlayan öğretmenlerin)</translation>
    </message>
    <message>
        <location filename="../models/quality/competencychangemodel.cpp" line="139"/>
        <source>Mean need (1-5) in survey round 2</source>
        <translation>2. anket turunda ortalama ihtiyaç (1-5)</translation>
    </message>
    <message>
        <location filename="../models/quality/competencychangemodel.cpp" line="141"/>
        <source>After minus before; negative: the need fell</source>
        <translation>Sonra eksi önce; eksi değer: ihtiyaç azaldı</translation>
    </message>
    <message>
        <location filename="../models/quality/competencychangemodel.cpp" line="144"/>
        <source>95 % confidence interval of the change (Student&apos;s t on the differences when paired, Welch&apos;s otherwise)</source>
        <translation>Değişimin %95 güven aralığı (eşleştirilmişte farklar üzerinde Student t, değilse Welch)</translation>
    </message>
    <message>
        <location filename="../models/quality/competencychangemodel.cpp" line="147"/>
        <source>Teachers who answered both rounds (paired), or answers of round 1 plus round 2 (independent)</source>
        <translation>İki turu da yanıtlayan öğretmenler (eşleştirilmiş) ya da 1. ve 2. turun yanıtları toplamı (bağımsız)</translation>
    </message>
    <message>
        <location filename="../models/quality/competencychangemodel.cpp" line="156"/>
        <source>Code</source>
        <translation>Kod</translation>
    </message>
    <message>
        <location filename="../models/quality/competencychangemodel.cpp" line="158"/>
        <source>Competency</source>
        <translation>Yeterlik</translation>
    </message>
    <message>
        <location filename="../models/quality/competencychangemodel.cpp" line="160"/>
        <source>Before</source>
        <translation>Önce</translation>
    </message>
    <message>
        <location filename="../models/quality/competencychangemodel.cpp" line="162"/>
        <source>After</source>
        <translation>Sonra</translation>
    </message>
    <message>
        <location filename="../models/quality/competencychangemodel.cpp" line="164"/>
        <source>Change</source>
        <translation>Değişim</translation>
    </message>
    <message>
        <location filename="../models/quality/competencychangemodel.cpp" line="166"/>
        <source>95 % CI low</source>
        <translation>%95 GA alt</translation>
    </message>
    <message>
        <location filename="../models/quality/competencychangemodel.cpp" line="168"/>
        <source>95 % CI high</source>
        <translation>%95 GA üst</translation>
    </message>
    <message>
        <location filename="../models/quality/competencychangemodel.cpp" line="170"/>
        <source>n</source>
        <translation>n</translation>
    </message>
    <message>
        <location filename="../models/quality/competencychangemodel.cpp" line="172"/>
        <source>Method</source>
        <translation>Yöntem</translation>
    </message>
</context>
<context>
    <name>kopru::quality::QualityTableModel</name>
    <message>
        <location filename="../models/quality/qualitytablemodel.cpp" line="154"/>
        <source>Whole programme</source>
        <translation>Programın tamamı</translation>
    </message>
    <message>
        <location filename="../models/quality/qualitytablemodel.cpp" line="182"/>
        <source>%1 of %2 surveyed teachers placed</source>
        <translation>Ankete katılan %2 öğretmenden %1 yerleştirildi</translation>
    </message>
    <message>
        <location filename="../models/quality/qualitytablemodel.cpp" line="184"/>
        <source>%1 completed of %2 placements that ended</source>
        <translation>Sona eren %2 yerleştirmeden %1 tamamlandı</translation>
    </message>
    <message>
        <location filename="../models/quality/qualitytablemodel.cpp" line="187"/>
        <source>%1 of %2 planned hours attended</source>
        <translation>Planlanan %2 saatin %1 saatine katılındı</translation>
    </message>
    <message numerus="yes">
        <location filename="../models/quality/qualitytablemodel.cpp" line="190"/>
        <location filename="../models/quality/qualitytablemodel.cpp" line="192"/>
        <source>%n answer(s) from %1 placement(s)</source>
        <translation>
            <numerusform>%1 yerleştirmeden %n yanıt</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../models/quality/qualitytablemodel.cpp" line="196"/>
        <source>No teacher of the group answered survey round 2</source>
        <translation>Gruptan hiçbir öğretmen 2. anket turunu yanıtlamadı</translation>
    </message>
    <message>
        <location filename="../models/quality/qualitytablemodel.cpp" line="197"/>
        <source>Mean need %1 → %2 (%3)</source>
        <translation>Ortalama ihtiyaç %1 → %2 (%3)</translation>
    </message>
    <message>
        <location filename="../models/quality/qualitytablemodel.cpp" line="200"/>
        <source>%1 of %2 active partners trained in two or more sessions</source>
        <translation>Etkin %2 işletmeden %1 işletme iki ya da daha çok dönemde eğitim verdi</translation>
    </message>
    <message>
        <location filename="../models/quality/qualitytablemodel.cpp" line="203"/>
        <source>%1 of %2 high needs covered</source>
        <translation>%2 yüksek ihtiyaçtan %1 karşılandı</translation>
    </message>
    <message>
        <location filename="../models/quality/qualitytablemodel.cpp" line="252"/>
        <source>EQAVET indicator %1</source>
        <translation>EQAVET göstergesi %1</translation>
    </message>
    <message>
        <location filename="../models/quality/qualitytablemodel.cpp" line="255"/>
        <source>The whole programme, then each group</source>
        <translation>Önce programın tamamı, sonra her grup</translation>
    </message>
    <message>
        <location filename="../models/quality/qualitytablemodel.cpp" line="263"/>
        <source>Centre</source>
        <translation>Merkez</translation>
    </message>
    <message>
        <location filename="../models/quality/qualitytablemodel.cpp" line="265"/>
        <source>Pilot field</source>
        <translation>Pilot alan</translation>
    </message>
    <message>
        <location filename="../models/quality/qualitytablemodel.cpp" line="267"/>
        <source>Province</source>
        <translation>İl</translation>
    </message>
    <message>
        <location filename="../models/quality/qualitytablemodel.cpp" line="271"/>
        <source>Group</source>
        <translation>Grup</translation>
    </message>
    <message>
        <location filename="../models/quality/qualitytablemodel.cpp" line="273"/>
        <source>Surveyed</source>
        <translation>Ankete katılan</translation>
    </message>
    <message>
        <location filename="../models/quality/qualitytablemodel.cpp" line="275"/>
        <source>Placed</source>
        <translation>Yerleştirilen</translation>
    </message>
    <message>
        <location filename="../models/quality/qualitytablemodel.cpp" line="277"/>
        <source>Participation %</source>
        <translation>Katılım %</translation>
    </message>
    <message>
        <location filename="../models/quality/qualitytablemodel.cpp" line="279"/>
        <source>Completed</source>
        <translation>Tamamlayan</translation>
    </message>
    <message>
        <location filename="../models/quality/qualitytablemodel.cpp" line="281"/>
        <source>Cancelled</source>
        <translation>İptal</translation>
    </message>
    <message>
        <location filename="../models/quality/qualitytablemodel.cpp" line="283"/>
        <source>Completion %</source>
        <translation>Tamamlama %</translation>
    </message>
    <message>
        <location filename="../models/quality/qualitytablemodel.cpp" line="285"/>
        <source>Hours delivered %</source>
        <translation>Gerçekleşen saat %</translation>
    </message>
    <message>
        <location filename="../models/quality/qualitytablemodel.cpp" line="291"/>
        <source>Drop-out: %1</source>
        <translation>Ayrılma: %1</translation>
    </message>
    <message>
        <location filename="../models/quality/qualitytablemodel.cpp" line="293"/>
        <source>Teachers&apos; satisfaction</source>
        <translation>Öğretmen memnuniyeti</translation>
    </message>
    <message>
        <location filename="../models/quality/qualitytablemodel.cpp" line="295"/>
        <source>Partners&apos; evaluation</source>
        <translation>İşletme değerlendirmesi</translation>
    </message>
    <message>
        <location filename="../models/quality/qualitytablemodel.cpp" line="297"/>
        <source>Need change</source>
        <translation>İhtiyaç değişimi</translation>
    </message>
    <message>
        <location filename="../models/quality/qualitytablemodel.cpp" line="299"/>
        <source>95 % CI</source>
        <translation>%95 GA</translation>
    </message>
    <message>
        <location filename="../models/quality/qualitytablemodel.cpp" line="301"/>
        <source>Partners active</source>
        <translation>Etkin işletmeler</translation>
    </message>
    <message>
        <location filename="../models/quality/qualitytablemodel.cpp" line="303"/>
        <source>Partner repeat %</source>
        <translation>İşletme tekrar %</translation>
    </message>
    <message>
        <location filename="../models/quality/qualitytablemodel.cpp" line="305"/>
        <source>High needs covered %</source>
        <translation>Karşılanan yüksek ihtiyaç %</translation>
    </message>
</context>
<context>
    <name>kopru::report</name>
    <message>
        <location filename="../models/report/needsreport.cpp" line="40"/>
        <source>Teachers of province %1</source>
        <translation>%1 ilindeki öğretmenler</translation>
    </message>
    <message>
        <location filename="../models/report/needsreport.cpp" line="42"/>
        <source>Teachers of centre %1</source>
        <translation>%1 merkezine bağlı öğretmenler</translation>
    </message>
    <message>
        <location filename="../models/report/needsreport.cpp" line="46"/>
        <source>All teachers of the field</source>
        <translation>Alanın tüm öğretmenleri</translation>
    </message>
    <message>
        <location filename="../models/report/needsreport.cpp" line="75"/>
        <source>Needs analysis report</source>
        <translation>İhtiyaç analizi raporu</translation>
    </message>
    <message>
        <location filename="../models/report/needsreport.cpp" line="82"/>
        <source>No centre coordinates this field.</source>
        <translation>Bu alanı koordine eden merkez yok.</translation>
    </message>
    <message>
        <location filename="../models/report/needsreport.cpp" line="83"/>
        <source>Sectoral Excellence Centre(s): %1</source>
        <translation>Sektörel Mükemmeliyet Merkez(ler)i: %1</translation>
    </message>
    <message>
        <location filename="../models/report/needsreport.cpp" line="88"/>
        <source>%1 teachers, %2 respondents, survey round %3</source>
        <translation>%1 öğretmen, %2 yanıtlayan, anket turu %3</translation>
    </message>
    <message>
        <location filename="../models/report/needsreport.cpp" line="90"/>
        <location filename="../models/report/qualityreport.cpp" line="139"/>
        <source>Date: %1</source>
        <translation>Tarih: %1</translation>
    </message>
    <message>
        <location filename="../models/report/needsreport.cpp" line="92"/>
        <source>Prepared with Köprü %1</source>
        <translation>Köprü %1 ile hazırlanmıştır</translation>
    </message>
    <message>
        <location filename="../models/report/needsreport.cpp" line="99"/>
        <source>Summary</source>
        <translation>Özet</translation>
    </message>
    <message>
        <location filename="../models/report/needsreport.cpp" line="101"/>
        <source>No need ratings have been recorded for this field yet.</source>
        <translation>Bu alan için henüz ihtiyaç puanı girilmemiş.</translation>
    </message>
    <message>
        <location filename="../models/report/needsreport.cpp" line="106"/>
        <source>Fewer than %1 teachers answered in this selection: the values are suppressed to protect anonymity.</source>
        <translation>Bu seçimde yanıt veren öğretmen sayısı %1 kişiden az: anonimliği korumak için değerler gizlendi.</translation>
    </message>
    <message>
        <location filename="../models/report/needsreport.cpp" line="113"/>
        <source>%1 of the field&apos;s %2 teachers answered the needs survey (%3 %). They rated %4 competencies on a scale from 1 (no need) to 5 (very high need), or answered &quot;not applicable&quot;.</source>
        <translation>Alandaki %2 öğretmenden %1 tanesi ihtiyaç anketini yanıtladı (%%3). Öğretmenler %4 yeterliği 1 (ihtiyaç yok) ile 5 (çok yüksek ihtiyaç) arasındaki bir ölçekle puanladı ya da &quot;fikrim yok&quot; yanıtını verdi.</translation>
    </message>
    <message>
        <location filename="../models/report/needsreport.cpp" line="118"/>
        <source>Mean need over all ratings: %1. Share of ratings with high need (4 or 5): %2 %. &quot;Not applicable&quot;: %3 of %4 answers (%5 %).</source>
        <translation>Tüm puanlara göre ortalama ihtiyaç: %1. Yüksek ihtiyaç (4 veya 5) bildiren puanların oranı: %%2. &quot;Fikrim yok&quot;: %4 yanıttan %3 tanesi (%%5).</translation>
    </message>
    <message>
        <location filename="../models/report/needsreport.cpp" line="126"/>
        <source>Highest needs: %1.</source>
        <translation>En yüksek ihtiyaçlar: %1.</translation>
    </message>
    <message>
        <location filename="../models/report/needsreport.cpp" line="131"/>
        <source>%1 competencies are not covered by any training session. %2</source>
        <translation>%1 yeterlik hiçbir eğitim oturumunda kapsanmıyor. %2</translation>
    </message>
    <message>
        <location filename="../models/report/needsreport.cpp" line="133"/>
        <location filename="../models/report/needsreport.cpp" line="285"/>
        <source>No competency is an unmet need under this rule.</source>
        <translation>Bu kurala göre karşılanmamış ihtiyaç durumunda olan yeterlik yok.</translation>
    </message>
    <message numerus="yes">
        <location filename="../models/report/needsreport.cpp" line="134"/>
        <source>%n competency(ies) are unmet needs; they are listed in the section &quot;Unmet needs&quot;.</source>
        <translation>
            <numerusform>%n yeterlik karşılanmamış ihtiyaç durumunda; bunlar &quot;Karşılanmamış ihtiyaçlar&quot; bölümünde listelenmiştir.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../models/report/needsreport.cpp" line="140"/>
        <source>Teachers of %1 provinces answered; %2 provinces with fewer than %3 respondents are suppressed in the comparison to protect anonymity.</source>
        <translation>%1 ildeki öğretmenler yanıt verdi; yanıtlayan sayısı %3 kişiden az olan %2 il, anonimliği korumak için karşılaştırmada gizlendi.</translation>
    </message>
    <message>
        <location filename="../models/report/needsreport.cpp" line="159"/>
        <source>%1 (part %2 of %3)</source>
        <translation>%1 (bölüm %2/%3)</translation>
    </message>
    <message>
        <location filename="../models/report/needsreport.cpp" line="168"/>
        <source>Mean need per competency</source>
        <translation>Yeterliklere göre ortalama ihtiyaç</translation>
    </message>
    <message>
        <location filename="../models/report/needsreport.cpp" line="169"/>
        <location filename="../models/report/needsreport.cpp" line="214"/>
        <location filename="../models/report/needsreport.cpp" line="239"/>
        <source>Mean need</source>
        <translation>Ortalama ihtiyaç</translation>
    </message>
    <message>
        <location filename="../models/report/needsreport.cpp" line="173"/>
        <location filename="../models/report/needsreport.cpp" line="245"/>
        <source>Mean need (1 no need … 5 very high need)</source>
        <translation>Ortalama ihtiyaç (1 ihtiyaç yok … 5 çok yüksek ihtiyaç)</translation>
    </message>
    <message>
        <location filename="../models/report/needsreport.cpp" line="176"/>
        <source>Distribution of the need ratings</source>
        <translation>İhtiyaç puanlarının dağılımı</translation>
    </message>
    <message>
        <location filename="../models/report/needsreport.cpp" line="184"/>
        <source>Share of respondents</source>
        <translation>Yanıtlayanların oranı</translation>
    </message>
    <message>
        <location filename="../models/report/needsreport.cpp" line="193"/>
        <location filename="../models/report/needsreport.cpp" line="200"/>
        <source>Need against supply</source>
        <translation>İhtiyaç ve arz karşılaştırması</translation>
    </message>
    <message>
        <location filename="../models/report/needsreport.cpp" line="195"/>
        <source>Each point is a competency: its mean need against the session places that cover it. Red points are unmet needs. %1</source>
        <translation>Her nokta bir yeterliği gösterir: ortalama ihtiyacı, onu kapsayan oturum kontenjanına karşı işaretlenmiştir. Kırmızı noktalar karşılanmamış ihtiyaçlardır. %1</translation>
    </message>
    <message>
        <location filename="../models/report/needsreport.cpp" line="202"/>
        <source>Unmet need (high need, little supply)</source>
        <translation>Karşılanmamış ihtiyaç (yüksek ihtiyaç, düşük arz)</translation>
    </message>
    <message>
        <location filename="../models/report/needsreport.cpp" line="213"/>
        <source>Supply: session places covering the competency</source>
        <translation>Arz: yeterliği kapsayan oturum kontenjanı</translation>
    </message>
    <message>
        <location filename="../models/report/needsreport.cpp" line="224"/>
        <source>Comparison of the provinces</source>
        <translation>İllerin karşılaştırması</translation>
    </message>
    <message>
        <location filename="../models/report/needsreport.cpp" line="226"/>
        <source>Mean need over all competencies of the field, per province of the teachers. Provinces with fewer than %1 respondents are suppressed and not shown.</source>
        <translation>Alanın tüm yeterlikleri üzerinden, öğretmenlerin illerine göre ortalama ihtiyaç. Yanıtlayan sayısı %1 kişiden az olan iller gizlenir ve gösterilmez.</translation>
    </message>
    <message>
        <location filename="../models/report/needsreport.cpp" line="238"/>
        <source>Mean need per province</source>
        <translation>İllere göre ortalama ihtiyaç</translation>
    </message>
    <message>
        <location filename="../models/report/needsreport.cpp" line="253"/>
        <source>All competencies</source>
        <translation>Tüm yeterlikler</translation>
    </message>
    <message>
        <location filename="../models/report/needsreport.cpp" line="255"/>
        <location filename="../models/report/needsreport.cpp" line="288"/>
        <location filename="../models/report/qualityreport.cpp" line="352"/>
        <source>Code</source>
        <translation>Kod</translation>
    </message>
    <message>
        <location filename="../models/report/needsreport.cpp" line="201"/>
        <location filename="../models/report/needsreport.cpp" line="255"/>
        <location filename="../models/report/needsreport.cpp" line="288"/>
        <location filename="../models/report/qualityreport.cpp" line="352"/>
        <source>Competency</source>
        <translation>Yeterlik</translation>
    </message>
    <message>
        <location filename="../models/report/needsreport.cpp" line="255"/>
        <source>Resp.</source>
        <translation>Yanıt</translation>
    </message>
    <message>
        <location filename="../models/report/needsreport.cpp" line="256"/>
        <source>N/A</source>
        <translation>FY</translation>
    </message>
    <message>
        <location filename="../models/report/needsreport.cpp" line="256"/>
        <location filename="../models/report/needsreport.cpp" line="288"/>
        <location filename="../models/report/needsreport.cpp" line="301"/>
        <source>Mean</source>
        <translation>Ort.</translation>
    </message>
    <message>
        <location filename="../models/report/needsreport.cpp" line="256"/>
        <location filename="../models/report/needsreport.cpp" line="301"/>
        <source>High %</source>
        <translation>Yüksek %</translation>
    </message>
    <message>
        <location filename="../models/report/needsreport.cpp" line="259"/>
        <location filename="../models/report/needsreport.cpp" line="289"/>
        <source>Places</source>
        <translation>Yer</translation>
    </message>
    <message>
        <location filename="../models/report/needsreport.cpp" line="275"/>
        <source>Columns 1–5: number of teachers per need level (%1). N/A: &quot;not applicable&quot;. Places: session places covering the competency. Unmet needs in bold.</source>
        <translation>1–5 sütunları: her ihtiyaç düzeyindeki öğretmen sayısı (%1). FY: &quot;fikrim yok&quot;. Yer: yeterliği kapsayan oturum kontenjanı. Karşılanmamış ihtiyaçlar kalın yazılmıştır.</translation>
    </message>
    <message>
        <location filename="../models/report/needsreport.cpp" line="282"/>
        <source>Unmet needs</source>
        <translation>Karşılanmamış ihtiyaçlar</translation>
    </message>
    <message>
        <location filename="../models/report/needsreport.cpp" line="289"/>
        <source>High need (teachers)</source>
        <translation>Yüksek ihtiyaç (öğretmen)</translation>
    </message>
    <message>
        <location filename="../models/report/needsreport.cpp" line="289"/>
        <source>Coverage %</source>
        <translation>Karşılama %</translation>
    </message>
    <message>
        <location filename="../models/report/needsreport.cpp" line="299"/>
        <source>By province</source>
        <translation>İllere göre</translation>
    </message>
    <message>
        <location filename="../models/report/needsreport.cpp" line="299"/>
        <source>By centre</source>
        <translation>Merkezlere göre</translation>
    </message>
    <message>
        <location filename="../models/report/needsreport.cpp" line="305"/>
        <source>suppressed</source>
        <translation>gizlendi</translation>
    </message>
    <message>
        <location filename="../models/report/needsreport.cpp" line="363"/>
        <source>Mean need and share of high need over all competencies of the field. Groups with fewer than %1 respondents are suppressed: their values are not shown, to protect anonymity.</source>
        <translation>Alanın tüm yeterlikleri üzerinden ortalama ihtiyaç ve yüksek ihtiyaç oranı. Yanıtlayan sayısı %1 kişiden az olan gruplar gizlenir: anonimliği korumak için değerleri gösterilmez.</translation>
    </message>
    <message>
        <location filename="../models/report/needsreport.cpp" line="300"/>
        <source>Province</source>
        <translation>İl</translation>
    </message>
    <message>
        <location filename="../models/report/needsreport.cpp" line="300"/>
        <location filename="../models/report/qualityreport.cpp" line="321"/>
        <source>Centre</source>
        <translation>Merkez</translation>
    </message>
    <message>
        <location filename="../models/report/needsreport.cpp" line="300"/>
        <source>Teachers</source>
        <translation>Öğretmenler</translation>
    </message>
    <message>
        <location filename="../models/report/needsreport.cpp" line="301"/>
        <source>Respondents</source>
        <translation>Yanıtlayan</translation>
    </message>
    <message>
        <location filename="../models/report/needsreport.cpp" line="301"/>
        <source>Note</source>
        <translation>Not</translation>
    </message>
    <message>
        <location filename="../models/report/needsreport.cpp" line="346"/>
        <source>Needs analysis report: %1 %2</source>
        <translation>İhtiyaç analizi raporu: %1 %2</translation>
    </message>
    <message>
        <location filename="../models/report/needsreport.cpp" line="361"/>
        <source>Comparison by province and centre</source>
        <translation>İl ve merkez karşılaştırması</translation>
    </message>
    <message>
        <location filename="../models/report/qualityreport.cpp" line="102"/>
        <source>%1 %2 pp</source>
        <translation>%1 %2 puan</translation>
    </message>
    <message>
        <location filename="../models/report/qualityreport.cpp" line="108"/>
        <source>EQAVET %1</source>
        <translation>EQAVET %1</translation>
    </message>
    <message>
        <location filename="../models/report/qualityreport.cpp" line="125"/>
        <source>Quality Advisory Board report</source>
        <translation>Kalite Danışma Kurulu raporu</translation>
    </message>
    <message>
        <location filename="../models/report/qualityreport.cpp" line="127"/>
        <source>On-the-job training of vocational teachers with industry partners, Sectoral Excellence Centres</source>
        <translation>Meslek öğretmenlerinin sanayi işletmelerinde işbaşı eğitimi, Sektörel Mükemmeliyet Merkezleri</translation>
    </message>
    <message>
        <location filename="../models/report/qualityreport.cpp" line="131"/>
        <source>Period: %1</source>
        <translation>Dönem: %1</translation>
    </message>
    <message>
        <location filename="../models/report/qualityreport.cpp" line="132"/>
        <source>Compared with: %1</source>
        <translation>Karşılaştırılan dönem: %1</translation>
    </message>
    <message>
        <location filename="../models/report/qualityreport.cpp" line="133"/>
        <source>Centres: %1</source>
        <translation>Merkezler: %1</translation>
    </message>
    <message>
        <location filename="../models/report/qualityreport.cpp" line="137"/>
        <source>Placements in the period&apos;s sessions: %1 completed, %2 cancelled</source>
        <translation>Dönemin oturumlarındaki yerleştirmeler: %1 tamamlandı, %2 iptal edildi</translation>
    </message>
    <message>
        <location filename="../models/report/qualityreport.cpp" line="141"/>
        <source>Indicators as defined in the EQAVET reference framework where one corresponds. Prepared with Köprü %1.</source>
        <translation>Göstergeler, karşılığı olduğunda EQAVET referans çerçevesindeki tanımlarıyla. Köprü %1 ile hazırlanmıştır.</translation>
    </message>
    <message>
        <location filename="../models/report/qualityreport.cpp" line="150"/>
        <source>Summary of the indicators</source>
        <translation>Göstergelerin özeti</translation>
    </message>
    <message>
        <location filename="../models/report/qualityreport.cpp" line="153"/>
        <source>The period counts the placements whose training session starts in it. Participation compares the teachers placed in the period with all teachers who answered the needs survey; the need change and the high needs covered count the teachers placed in the period.</source>
        <translation>Dönem, eğitim oturumu o dönemde başlayan yerleştirmeleri sayar. Katılım, dönemde yerleştirilen öğretmenleri ihtiyaç anketini yanıtlayan tüm öğretmenlerle karşılaştırır; ihtiyaçtaki değişim ve karşılanan yüksek ihtiyaçlar dönemde yerleştirilen öğretmenleri sayar.</translation>
    </message>
    <message>
        <location filename="../models/report/qualityreport.cpp" line="157"/>
        <source>Change: this period against %1; rates in percentage points (pp).</source>
        <translation>Değişim: bu dönem %1 dönemine göre; oranlarda yüzde puan.</translation>
    </message>
    <message>
        <location filename="../models/report/qualityreport.cpp" line="158"/>
        <source>The previous period %1 has no placements: nothing to compare with (—).</source>
        <translation>Önceki dönem %1 içinde yerleştirme yok: karşılaştırılacak bir şey yok (—).</translation>
    </message>
    <message>
        <location filename="../models/report/qualityreport.cpp" line="160"/>
        <source>Indicator</source>
        <translation>Gösterge</translation>
    </message>
    <message>
        <location filename="../models/report/qualityreport.cpp" line="160"/>
        <source>This period</source>
        <translation>Bu dönem</translation>
    </message>
    <message>
        <location filename="../models/report/qualityreport.cpp" line="161"/>
        <source>Previous</source>
        <translation>Önceki</translation>
    </message>
    <message>
        <location filename="../models/report/qualityreport.cpp" line="161"/>
        <location filename="../models/report/qualityreport.cpp" line="353"/>
        <source>Change</source>
        <translation>Değişim</translation>
    </message>
    <message>
        <location filename="../models/report/qualityreport.cpp" line="161"/>
        <source>Definition</source>
        <translation>Tanım</translation>
    </message>
    <message>
        <location filename="../models/report/qualityreport.cpp" line="161"/>
        <source>EQAVET</source>
        <translation>EQAVET</translation>
    </message>
    <message>
        <location filename="../models/report/qualityreport.cpp" line="174"/>
        <source>Drop-out reasons in the period: %1.</source>
        <translation>Dönemdeki ayrılma nedenleri: %1.</translation>
    </message>
    <message>
        <location filename="../models/report/qualityreport.cpp" line="207"/>
        <source>Charts</source>
        <translation>Grafikler</translation>
    </message>
    <message>
        <location filename="../models/report/qualityreport.cpp" line="209"/>
        <source>No placement of a session that starts in %1 has ended yet: there is nothing to chart.</source>
        <translation>%1 içinde başlayan oturumların hiçbir yerleştirmesi henüz sona ermedi: grafiği çizilecek bir şey yok.</translation>
    </message>
    <message>
        <location filename="../models/report/qualityreport.cpp" line="212"/>
        <source>Completion rate per centre</source>
        <translation>Merkez bazında tamamlama oranı</translation>
    </message>
    <message>
        <location filename="../models/report/qualityreport.cpp" line="213"/>
        <source>Completed placements as a share of the placements that ended, per centre of the teacher; centres without ended placements in the period are not shown.</source>
        <translation>Tamamlanan yerleştirmelerin sona eren yerleştirmelere oranı, öğretmenin merkezine göre; dönemde sona eren yerleştirmesi olmayan merkezler gösterilmez.</translation>
    </message>
    <message>
        <location filename="../models/report/qualityreport.cpp" line="230"/>
        <location filename="../models/report/qualityreport.cpp" line="368"/>
        <source>Completion rate</source>
        <translation>Tamamlama oranı</translation>
    </message>
    <message>
        <location filename="../models/report/qualityreport.cpp" line="239"/>
        <source>Drop-out reasons</source>
        <translation>Ayrılma nedenleri</translation>
    </message>
    <message>
        <location filename="../models/report/qualityreport.cpp" line="254"/>
        <source>Cancelled placements</source>
        <translation>İptal edilen yerleştirmeler</translation>
    </message>
    <message>
        <location filename="../models/report/qualityreport.cpp" line="259"/>
        <source>Satisfaction per centre</source>
        <translation>Merkez bazında memnuniyet</translation>
    </message>
    <message>
        <location filename="../models/report/qualityreport.cpp" line="260"/>
        <source>Mean answer (1 = strongly disagree … 5 = strongly agree) of the teachers&apos; evaluation of their training and of the partners&apos; evaluation of the teachers.</source>
        <translation>Öğretmenlerin aldıkları eğitimi değerlendirmesinin ve işletmelerin öğretmenleri değerlendirmesinin ortalama yanıtı (1 = kesinlikle katılmıyorum … 5 = kesinlikle katılıyorum).</translation>
    </message>
    <message>
        <location filename="../models/report/qualityreport.cpp" line="264"/>
        <location filename="../models/report/qualityreport.cpp" line="292"/>
        <location filename="../models/report/qualityreport.cpp" line="373"/>
        <source>Teachers&apos; satisfaction</source>
        <translation>Öğretmen memnuniyeti</translation>
    </message>
    <message>
        <location filename="../models/report/qualityreport.cpp" line="265"/>
        <location filename="../models/report/qualityreport.cpp" line="375"/>
        <source>Partners&apos; evaluation of the teachers</source>
        <translation>İşletmelerin öğretmen değerlendirmesi</translation>
    </message>
    <message>
        <location filename="../models/report/qualityreport.cpp" line="266"/>
        <source>All centres</source>
        <translation>Tüm merkezler</translation>
    </message>
    <message>
        <location filename="../models/report/qualityreport.cpp" line="276"/>
        <source>Mean answer</source>
        <translation>Ortalama yanıt</translation>
    </message>
    <message>
        <location filename="../models/report/qualityreport.cpp" line="289"/>
        <location filename="../models/report/qualityreport.cpp" line="366"/>
        <source>Surveyed</source>
        <translation>Ankete katılan</translation>
    </message>
    <message>
        <location filename="../models/report/qualityreport.cpp" line="289"/>
        <location filename="../models/report/qualityreport.cpp" line="366"/>
        <source>Placed</source>
        <translation>Yerleşen</translation>
    </message>
    <message>
        <location filename="../models/report/qualityreport.cpp" line="290"/>
        <source>Participation %</source>
        <translation>Katılım %</translation>
    </message>
    <message>
        <location filename="../models/report/qualityreport.cpp" line="290"/>
        <location filename="../models/report/qualityreport.cpp" line="367"/>
        <source>Completed</source>
        <translation>Tamamlanan</translation>
    </message>
    <message>
        <location filename="../models/report/qualityreport.cpp" line="290"/>
        <location filename="../models/report/qualityreport.cpp" line="368"/>
        <source>Cancelled</source>
        <translation>İptal edilen</translation>
    </message>
    <message>
        <location filename="../models/report/qualityreport.cpp" line="291"/>
        <source>Completion %</source>
        <translation>Tamamlama %</translation>
    </message>
    <message>
        <location filename="../models/report/qualityreport.cpp" line="291"/>
        <source>Hours delivered %</source>
        <translation>Gerçekleşen saat %</translation>
    </message>
    <message>
        <location filename="../models/report/qualityreport.cpp" line="293"/>
        <source>Partners&apos; evaluation</source>
        <translation>İşletme değerlendirmesi</translation>
    </message>
    <message>
        <location filename="../models/report/qualityreport.cpp" line="293"/>
        <location filename="../models/report/qualityreport.cpp" line="376"/>
        <source>Need change</source>
        <translation>İhtiyaç değişimi</translation>
    </message>
    <message>
        <location filename="../models/report/qualityreport.cpp" line="293"/>
        <location filename="../models/report/qualityreport.cpp" line="378"/>
        <source>Partners active</source>
        <translation>Etkin işletmeler</translation>
    </message>
    <message>
        <location filename="../models/report/qualityreport.cpp" line="294"/>
        <source>Partner repeat %</source>
        <translation>İşletme tekrar %</translation>
    </message>
    <message>
        <location filename="../models/report/qualityreport.cpp" line="294"/>
        <source>High needs covered %</source>
        <translation>Karşılanan yüksek ihtiyaç %</translation>
    </message>
    <message>
        <location filename="../models/report/qualityreport.cpp" line="308"/>
        <source>Participation and completion</source>
        <translation>Katılım ve tamamlama</translation>
    </message>
    <message>
        <location filename="../models/report/qualityreport.cpp" line="310"/>
        <source>Satisfaction, needs and partners</source>
        <translation>Memnuniyet, ihtiyaçlar ve işletmeler</translation>
    </message>
    <message>
        <location filename="../models/report/qualityreport.cpp" line="313"/>
        <source>Rates in per cent; satisfaction: mean answer 1–5; need change: round 1 to round 2 (negative: the need fell); &quot;-&quot;: no data.</source>
        <translation>Oranlar yüzde olarak; memnuniyet: ortalama yanıt 1–5; ihtiyaç değişimi: 1. turdan 2. tura (negatif: ihtiyaç azaldı); &quot;-&quot;: veri yok.</translation>
    </message>
    <message>
        <location filename="../models/report/qualityreport.cpp" line="320"/>
        <source>Indicators per centre</source>
        <translation>Merkez bazında göstergeler</translation>
    </message>
    <message>
        <location filename="../models/report/qualityreport.cpp" line="323"/>
        <source>Indicators per pilot field</source>
        <translation>Pilot alan bazında göstergeler</translation>
    </message>
    <message>
        <location filename="../models/report/qualityreport.cpp" line="324"/>
        <source>Field</source>
        <translation>Alan</translation>
    </message>
    <message>
        <location filename="../models/report/qualityreport.cpp" line="348"/>
        <source>Need change per competency</source>
        <translation>Yeterlik bazında ihtiyaç değişimi</translation>
    </message>
    <message numerus="yes">
        <location filename="../models/report/qualityreport.cpp" line="349"/>
        <source>The %n competency(ies) whose mean need (1–5) fell most between survey round 1 and round 2, among the teachers placed in the period; negative: the need fell.</source>
        <translation>
            <numerusform>Dönemde yerleştirilen öğretmenler arasında ortalama ihtiyacı (1–5) anketin 1. ve 2. turu arasında en çok azalan %n yeterlik; negatif: ihtiyaç azaldı.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../models/report/qualityreport.cpp" line="352"/>
        <source>Round 1</source>
        <translation>1. tur</translation>
    </message>
    <message>
        <location filename="../models/report/qualityreport.cpp" line="353"/>
        <source>Round 2</source>
        <translation>2. tur</translation>
    </message>
    <message>
        <location filename="../models/report/qualityreport.cpp" line="353"/>
        <source>95% interval</source>
        <translation>%95 aralığı</translation>
    </message>
    <message>
        <location filename="../models/report/qualityreport.cpp" line="353"/>
        <source>n</source>
        <translation>n</translation>
    </message>
    <message>
        <location filename="../models/report/qualityreport.cpp" line="365"/>
        <source>Key</source>
        <translation>Anahtar</translation>
    </message>
    <message>
        <location filename="../models/report/qualityreport.cpp" line="367"/>
        <source>Participation</source>
        <translation>Katılım</translation>
    </message>
    <message>
        <location filename="../models/report/qualityreport.cpp" line="369"/>
        <source>Hours planned</source>
        <translation>Planlanan saat</translation>
    </message>
    <message>
        <location filename="../models/report/qualityreport.cpp" line="369"/>
        <source>Hours attended</source>
        <translation>Katılınan saat</translation>
    </message>
    <message>
        <location filename="../models/report/qualityreport.cpp" line="370"/>
        <source>Hours delivered</source>
        <translation>Gerçekleşen saat</translation>
    </message>
    <message>
        <location filename="../models/report/qualityreport.cpp" line="372"/>
        <source>Cancelled: %1</source>
        <translation>İptal: %1</translation>
    </message>
    <message>
        <location filename="../models/report/qualityreport.cpp" line="374"/>
        <source>Respondents (teachers)</source>
        <translation>Yanıtlayan (öğretmen)</translation>
    </message>
    <message>
        <location filename="../models/report/qualityreport.cpp" line="376"/>
        <source>Respondents (partners)</source>
        <translation>Yanıtlayan (işletme)</translation>
    </message>
    <message>
        <location filename="../models/report/qualityreport.cpp" line="377"/>
        <source>Need change: 95% low</source>
        <translation>İhtiyaç değişimi: %95 alt</translation>
    </message>
    <message>
        <location filename="../models/report/qualityreport.cpp" line="377"/>
        <source>Need change: 95% high</source>
        <translation>İhtiyaç değişimi: %95 üst</translation>
    </message>
    <message>
        <location filename="../models/report/qualityreport.cpp" line="378"/>
        <source>Need change: n</source>
        <translation>İhtiyaç değişimi: n</translation>
    </message>
    <message>
        <location filename="../models/report/qualityreport.cpp" line="379"/>
        <source>Partner repeat rate</source>
        <translation>İşletmelerin tekrar oranı</translation>
    </message>
    <message>
        <location filename="../models/report/qualityreport.cpp" line="379"/>
        <source>High needs</source>
        <translation>Yüksek ihtiyaçlar</translation>
    </message>
    <message>
        <location filename="../models/report/qualityreport.cpp" line="380"/>
        <source>High needs covered</source>
        <translation>Karşılanan yüksek ihtiyaçlar</translation>
    </message>
    <message>
        <location filename="../models/report/qualityreport.cpp" line="427"/>
        <source>all centres (the national office&apos;s database)</source>
        <translation>tüm merkezler (ulusal ofisin veritabanı)</translation>
    </message>
    <message>
        <location filename="../models/report/qualityreport.cpp" line="441"/>
        <source>Quality Advisory Board report %1</source>
        <translation>Kalite Danışma Kurulu raporu %1</translation>
    </message>
</context>
<context>
    <name>kopru::stats</name>
    <message>
        <location filename="../models/stats/statsformat.cpp" line="60"/>
        <source>teachers: %1, respondents: %2, survey round: %3
</source>
        <translation>öğretmen: %1, yanıtlayan: %2, anket turu: %3
</translation>
    </message>
    <message>
        <location filename="../models/stats/statsformat.cpp" line="64"/>
        <location filename="../models/stats/statsformat.cpp" line="72"/>
        <source>Code</source>
        <translation>Kod</translation>
    </message>
    <message>
        <location filename="../models/stats/statsformat.cpp" line="64"/>
        <location filename="../models/stats/statsformat.cpp" line="72"/>
        <source>Competency</source>
        <translation>Yeterlik</translation>
    </message>
    <message>
        <location filename="../models/stats/statsformat.cpp" line="69"/>
        <source>Resp.</source>
        <translation>Yanıt</translation>
    </message>
    <message>
        <location filename="../models/stats/statsformat.cpp" line="69"/>
        <source>N/A</source>
        <translation>FY</translation>
    </message>
    <message>
        <location filename="../models/stats/statsformat.cpp" line="69"/>
        <source>Mean</source>
        <translation>Ort.</translation>
    </message>
    <message>
        <location filename="../models/stats/statsformat.cpp" line="69"/>
        <source>High%</source>
        <translation>Yüksek%</translation>
    </message>
    <message>
        <location filename="../models/stats/statsformat.cpp" line="70"/>
        <source>Supply</source>
        <translation>Arz</translation>
    </message>
    <message>
        <location filename="../models/stats/statsformat.cpp" line="128"/>
        <source>survey round 1 against round 2: teachers: %1, respondents of round 1: %2, of round 2: %3, of both: %4
</source>
        <translation>1. anket turu ile 2. tur karşılaştırması: öğretmen: %1, 1. turu yanıtlayan: %2, 2. turu: %3, ikisini de: %4
</translation>
    </message>
    <message>
        <location filename="../models/stats/statsformat.cpp" line="135"/>
        <source>Fewer than %1 respondents in a round of this selection: the values are suppressed to protect anonymity.
</source>
        <translation>Bu seçimin bir turunda yanıtlayan sayısı %1 kişiden az: anonimliği korumak için değerler gizlendi.
</translation>
    </message>
    <message>
        <location filename="../models/stats/statsformat.cpp" line="138"/>
        <source>No competency of the field has answers in survey round 2.
</source>
        <translation>Alanın hiçbir yeterliğinin 2. anket turunda yanıtı yok.
</translation>
    </message>
</context>
<context>
    <name>kopru::stats::CompetencyStatsModel</name>
    <message>
        <location filename="../models/stats/competencystatsmodel.cpp" line="102"/>
        <source>Fewer than %1 respondents: values withheld to protect anonymity</source>
        <translation>Yanıtlayan sayısı %1 kişiden az: anonimliği korumak için değerler gizlendi</translation>
    </message>
    <message>
        <location filename="../models/stats/competencystatsmodel.cpp" line="104"/>
        <source>Session places per 100 teachers with high need</source>
        <translation>Yüksek ihtiyaçlı 100 öğretmen başına oturum kontenjanı</translation>
    </message>
    <message>
        <location filename="../models/stats/competencystatsmodel.cpp" line="127"/>
        <source>Teachers who rated the competency 1–5</source>
        <translation>Yeterliği 1–5 arasında puanlayan öğretmenler</translation>
    </message>
    <message>
        <location filename="../models/stats/competencystatsmodel.cpp" line="129"/>
        <source>Teachers who answered &quot;not applicable&quot;</source>
        <translation>&quot;Fikrim yok&quot; yanıtını veren öğretmenler</translation>
    </message>
    <message>
        <location filename="../models/stats/competencystatsmodel.cpp" line="131"/>
        <source>Share of respondents with need 4 or 5</source>
        <translation>İhtiyacı 4 veya 5 olan yanıtlayanların oranı</translation>
    </message>
    <message>
        <location filename="../models/stats/competencystatsmodel.cpp" line="133"/>
        <source>Places in training sessions covering the competency</source>
        <translation>Yeterliği kapsayan eğitim oturumlarındaki kontenjan</translation>
    </message>
    <message>
        <location filename="../models/stats/competencystatsmodel.cpp" line="142"/>
        <source>Code</source>
        <translation>Kod</translation>
    </message>
    <message>
        <location filename="../models/stats/competencystatsmodel.cpp" line="144"/>
        <source>Competency</source>
        <translation>Yeterlik</translation>
    </message>
    <message>
        <location filename="../models/stats/competencystatsmodel.cpp" line="146"/>
        <source>Respondents</source>
        <translation>Yanıtlayan</translation>
    </message>
    <message>
        <location filename="../models/stats/competencystatsmodel.cpp" line="148"/>
        <source>Not applicable</source>
        <translation>Fikrim yok</translation>
    </message>
    <message>
        <location filename="../models/stats/competencystatsmodel.cpp" line="150"/>
        <source>Mean need</source>
        <translation>Ortalama ihtiyaç</translation>
    </message>
    <message>
        <location filename="../models/stats/competencystatsmodel.cpp" line="152"/>
        <source>High need %</source>
        <translation>Yüksek ihtiyaç %</translation>
    </message>
    <message>
        <location filename="../models/stats/competencystatsmodel.cpp" line="160"/>
        <source>Supply (places)</source>
        <translation>Arz (kontenjan)</translation>
    </message>
    <message>
        <location filename="../models/stats/competencystatsmodel.cpp" line="162"/>
        <source>Coverage %</source>
        <translation>Karşılama %</translation>
    </message>
</context>
<context>
    <name>kopru::stats::GroupStatsModel</name>
    <message>
        <location filename="../models/stats/groupstatsmodel.cpp" line="53"/>
        <source>suppressed (fewer than %1 respondents)</source>
        <translation>gizlendi (%1 kişiden az yanıtlayan)</translation>
    </message>
    <message>
        <location filename="../models/stats/groupstatsmodel.cpp" line="77"/>
        <source>Province</source>
        <translation>İl</translation>
    </message>
    <message>
        <location filename="../models/stats/groupstatsmodel.cpp" line="77"/>
        <source>Centre</source>
        <translation>Merkez</translation>
    </message>
    <message>
        <location filename="../models/stats/groupstatsmodel.cpp" line="79"/>
        <source>Teachers</source>
        <translation>Öğretmenler</translation>
    </message>
    <message>
        <location filename="../models/stats/groupstatsmodel.cpp" line="81"/>
        <source>Respondents</source>
        <translation>Yanıtlayan</translation>
    </message>
    <message>
        <location filename="../models/stats/groupstatsmodel.cpp" line="83"/>
        <source>Mean need</source>
        <translation>Ortalama ihtiyaç</translation>
    </message>
    <message>
        <location filename="../models/stats/groupstatsmodel.cpp" line="85"/>
        <source>High need %</source>
        <translation>Yüksek ihtiyaç %</translation>
    </message>
    <message>
        <location filename="../models/stats/groupstatsmodel.cpp" line="87"/>
        <source>Note</source>
        <translation>Not</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../app/kopru/main.cpp" line="45"/>
        <source>unknown page &quot;%1&quot; (pages: %2)</source>
        <translation>bilinmeyen sayfa &quot;%1&quot; (sayfalar: %2)</translation>
    </message>
    <message>
        <location filename="../app/kopru/main.cpp" line="60"/>
        <source>cannot write %1</source>
        <translation>%1 yazılamıyor</translation>
    </message>
    <message>
        <location filename="../app/kopru/main.cpp" line="81"/>
        <source>Köprü — on-the-job training planner for vocational teachers</source>
        <translation>Köprü — meslek öğretmenleri için işbaşı eğitimi planlayıcısı</translation>
    </message>
    <message>
        <location filename="../app/kopru/main.cpp" line="85"/>
        <source>Köprü database (.kopru) or server database (postgresql://user@host/db) to open</source>
        <translation>Açılacak Köprü veritabanı (.kopru) ya da sunucu veritabanı (postgresql://kullanıcı@sunucu/vt)</translation>
    </message>
    <message>
        <location filename="../app/kopru/main.cpp" line="88"/>
        <source>Page to show (overview, teachers, …).</source>
        <translation>Gösterilecek sayfa (overview, teachers, …).</translation>
    </message>
    <message>
        <location filename="../app/kopru/main.cpp" line="90"/>
        <source>Pilot field to preselect.</source>
        <translation>Önceden seçilecek pilot alan.</translation>
    </message>
    <message>
        <location filename="../app/kopru/main.cpp" line="92"/>
        <source>Render the page into FILE.png and exit.</source>
        <translation>Sayfayı FILE.png dosyasına çiz ve çık.</translation>
    </message>
    <message>
        <location filename="../app/kopru/main.cpp" line="94"/>
        <source>UI language for this run: tr or en.</source>
        <translation>Bu çalıştırma için arayüz dili: tr veya en.</translation>
    </message>
    <message>
        <location filename="../app/kopru/main.cpp" line="96"/>
        <source>Window size of --screenshot (default 1400x900).</source>
        <translation>--screenshot için pencere boyutu (varsayılan 1400x900).</translation>
    </message>
    <message>
        <location filename="../app/kopru/main.cpp" line="110"/>
        <source>--lang takes tr or en</source>
        <translation>--lang yalnızca tr veya en değerini alır</translation>
    </message>
    <message>
        <location filename="../app/kopru/main.cpp" line="116"/>
        <source>only one database can be given</source>
        <translation>yalnızca bir veritabanı verilebilir</translation>
    </message>
    <message>
        <location filename="../app/kopru/main.cpp" line="122"/>
        <source>--screenshot needs a database</source>
        <translation>--screenshot bir veritabanı gerektirir</translation>
    </message>
    <message>
        <location filename="../app/kopru/main.cpp" line="128"/>
        <source>--size takes WIDTHxHEIGHT, e.g. 1366x768</source>
        <translation>--size GENİŞLİKxYÜKSEKLİK alır, örneğin 1366x768</translation>
    </message>
    <message>
        <location filename="../app/kopru/main.cpp" line="150"/>
        <source>unknown page &quot;%1&quot;</source>
        <translation>bilinmeyen sayfa &quot;%1&quot;</translation>
    </message>
</context>
<context>
    <name>stats</name>
    <message>
        <location filename="../models/stats/needstatistics.cpp" line="32"/>
        <source>unknown field code &quot;%1&quot;; valid codes: %2</source>
        <translation>bilinmeyen alan kodu &quot;%1&quot;; geçerli kodlar: %2</translation>
    </message>
</context>
</TS>
