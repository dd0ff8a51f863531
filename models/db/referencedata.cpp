// SPDX-License-Identifier: GPL-3.0-or-later
//
// Static reference data for Köprü: Turkey's 81 provinces (official plate
// codes, coordinates of each province centre city), the 25 pilot fields of
// METEK III / IQVET III, the 15 Sectoral Excellence Centres (SMM) and the 25
// pilot provinces. Sources: the SMM network page of the Ministry's vocational directorate (MTEGM) and public atlases.

#include "models/db/referencedata.h"

namespace kopru::ref {

// Plate code, name, latitude (N), longitude (E) of the province centre city.
const std::array<Province, 81> kProvinces = { {
    { 1, "Adana", 37.00, 35.32 },
    { 2, "Adıyaman", 37.76, 38.28 },
    { 3, "Afyonkarahisar", 38.76, 30.54 },
    { 4, "Ağrı", 39.72, 43.05 },
    { 5, "Amasya", 40.65, 35.83 },
    { 6, "Ankara", 39.93, 32.86 },
    { 7, "Antalya", 36.89, 30.71 },
    { 8, "Artvin", 41.18, 41.82 },
    { 9, "Aydın", 37.85, 27.84 },
    { 10, "Balıkesir", 39.65, 27.88 },
    { 11, "Bilecik", 40.14, 29.98 },
    { 12, "Bingöl", 38.88, 40.50 },
    { 13, "Bitlis", 38.40, 42.11 },
    { 14, "Bolu", 40.74, 31.61 },
    { 15, "Burdur", 37.72, 30.29 },
    { 16, "Bursa", 40.19, 29.06 },
    { 17, "Çanakkale", 40.15, 26.41 },
    { 18, "Çankırı", 40.60, 33.62 },
    { 19, "Çorum", 40.55, 34.95 },
    { 20, "Denizli", 37.78, 29.09 },
    { 21, "Diyarbakır", 37.91, 40.23 },
    { 22, "Edirne", 41.68, 26.56 },
    { 23, "Elazığ", 38.67, 39.22 },
    { 24, "Erzincan", 39.75, 39.49 },
    { 25, "Erzurum", 39.90, 41.27 },
    { 26, "Eskişehir", 39.78, 30.52 },
    { 27, "Gaziantep", 37.07, 37.38 },
    { 28, "Giresun", 40.91, 38.39 },
    { 29, "Gümüşhane", 40.46, 39.48 },
    { 30, "Hakkari", 37.57, 43.74 },
    { 31, "Hatay", 36.20, 36.16 },
    { 32, "Isparta", 37.76, 30.55 },
    { 33, "Mersin", 36.80, 34.64 },
    { 34, "İstanbul", 41.01, 28.98 },
    { 35, "İzmir", 38.42, 27.13 },
    { 36, "Kars", 40.60, 43.10 },
    { 37, "Kastamonu", 41.38, 33.78 },
    { 38, "Kayseri", 38.73, 35.49 },
    { 39, "Kırklareli", 41.73, 27.22 },
    { 40, "Kırşehir", 39.15, 34.16 },
    { 41, "Kocaeli", 40.77, 29.92 },
    { 42, "Konya", 37.87, 32.48 },
    { 43, "Kütahya", 39.42, 29.98 },
    { 44, "Malatya", 38.35, 38.31 },
    { 45, "Manisa", 38.61, 27.43 },
    { 46, "Kahramanmaraş", 37.58, 36.94 },
    { 47, "Mardin", 37.31, 40.74 },
    { 48, "Muğla", 37.22, 28.36 },
    { 49, "Muş", 38.74, 41.49 },
    { 50, "Nevşehir", 38.62, 34.71 },
    { 51, "Niğde", 37.97, 34.68 },
    { 52, "Ordu", 40.98, 37.88 },
    { 53, "Rize", 41.02, 40.52 },
    { 54, "Sakarya", 40.78, 30.40 },
    { 55, "Samsun", 41.29, 36.33 },
    { 56, "Siirt", 37.93, 41.94 },
    { 57, "Sinop", 42.03, 35.15 },
    { 58, "Sivas", 39.75, 37.02 },
    { 59, "Tekirdağ", 40.98, 27.51 },
    { 60, "Tokat", 40.31, 36.55 },
    { 61, "Trabzon", 41.00, 39.72 },
    { 62, "Tunceli", 39.11, 39.55 },
    { 63, "Şanlıurfa", 37.16, 38.79 },
    { 64, "Uşak", 38.68, 29.41 },
    { 65, "Van", 38.49, 43.38 },
    { 66, "Yozgat", 39.82, 34.81 },
    { 67, "Zonguldak", 41.45, 31.79 },
    { 68, "Aksaray", 38.37, 34.03 },
    { 69, "Bayburt", 40.26, 40.23 },
    { 70, "Karaman", 37.18, 33.22 },
    { 71, "Kırıkkale", 39.85, 33.51 },
    { 72, "Batman", 37.88, 41.13 },
    { 73, "Şırnak", 37.52, 42.46 },
    { 74, "Bartın", 41.64, 32.34 },
    { 75, "Ardahan", 41.11, 42.70 },
    { 76, "Iğdır", 39.92, 44.05 },
    { 77, "Yalova", 40.66, 29.28 },
    { 78, "Karabük", 41.20, 32.62 },
    { 79, "Kilis", 36.72, 37.12 },
    { 80, "Osmaniye", 37.07, 36.25 },
    { 81, "Düzce", 40.84, 31.16 },
} };

// The 25 pilot fields, in order of first appearance in the centre table.
// Names normalised to the MEB field names (Alan adları).
const std::array<Field, 25> kFields = { {
    { "YEN", "Yenilenebilir Enerji Teknolojileri", "Renewable Energy Technologies" },
    { "ELK", "Elektrik-Elektronik Teknolojisi", "Electrical and Electronics Technology" },
    { "BIL", "Bilişim Teknolojileri", "Information Technologies" },
    { "RAY", "Raylı Sistemler Teknolojisi", "Rail Systems Technology" },
    { "INS", "İnşaat Teknolojisi", "Construction Technology" },
    { "TES", "Tesisat Teknolojisi ve İklimlendirme", "Building Services and HVAC Technology" },
    { "UCK", "Uçak Bakım", "Aircraft Maintenance" },
    { "MOD", "Moda Tasarım Teknolojileri", "Fashion Design Technologies" },
    { "TEK", "Tekstil Teknolojisi", "Textile Technology" },
    { "DEN", "Denizcilik", "Maritime Studies" },
    { "GEM", "Gemi Yapımı", "Shipbuilding" },
    { "MTB", "Matbaa Teknolojisi", "Printing Technology" },
    { "GID", "Gıda Teknolojisi", "Food Technology" },
    { "KIM", "Kimya Teknolojisi", "Chemical Technology" },
    { "MAK", "Makine ve Tasarım Teknolojisi", "Mechanical Engineering and Design Technology" },
    { "PLS", "Plastik Teknolojisi", "Plastics Technology" },
    { "MET", "Metalürji Teknolojisi", "Metallurgy Technology" },
    { "MOB", "Mobilya ve İç Mekân Tasarımı", "Furniture and Interior Design" },
    { "MOT", "Motorlu Araçlar Teknolojisi", "Motor Vehicle Technology" },
    { "OTO", "Endüstriyel Otomasyon Teknolojileri", "Industrial Automation Technologies" },
    { "MTL", "Metal Teknolojisi", "Metal Technology" },
    { "COC", "Çocuk Gelişimi ve Eğitimi", "Child Development and Education" },
    { "GUZ", "Güzellik Hizmetleri", "Beauty Services" },
    { "YIY", "Yiyecek İçecek Hizmetleri", "Food and Beverage Services" },
    { "KON", "Konaklama ve Seyahat Hizmetleri", "Accommodation and Travel Services" },
} };

// The 15 Sectoral Excellence Centres (MTAL = Mesleki ve Teknik Anadolu Lisesi).
// Centre 7 covers vocational maths, foreign language and science, which are not
// pilot fields, hence its empty field list.
const std::array<Centre, 15> kCentres = { {
    { 1, "Cezeri Yeşil Teknoloji MTAL", 6, "Etimesgut", "YEN;ELK" },
    { 2, "Gazi MTAL", 6, "Yenimahalle", "BIL;RAY" },
    { 3, "Mimar Sinan MTAL", 6, "Yenimahalle", "INS;TES" },
    { 4, "Sultanbeyli Sabiha Gökçen MTAL", 34, "Sultanbeyli", "ELK;UCK" },
    { 5, "İHKİB Kâğıthane MTAL", 34, "Kâğıthane", "MOD;TEK" },
    { 6, "Pendik Barbaros Hayrettin Paşa Denizcilik MTAL", 34, "Pendik", "DEN;GEM" },
    { 7, "Borsa İstanbul Başakşehir MTAL", 34, "Başakşehir", "" },
    { 8, "Darıca Aslan Çimento MTAL", 41, "Darıca", "MTB;GID;KIM" },
    { 9, "Denizyıldızları MTAL", 41, "Darıca", "BIL" },
    { 10, "Tophane MTAL", 16, "Osmangazi", "MAK;PLS;MET" },
    { 11, "İnegöl Hacı Sevim Yıldız Mobilya ve İç Mekân Tasarımı Teknolojisi MTAL", 16, "İnegöl", "MOB" },
    { 12, "Otomotiv Endüstrisi İhracatçıları Birliği (OİB) MTAL", 16, "Nilüfer", "MOT;OTO" },
    { 13, "Bursa Mimar Sinan MTAL", 16, "Yıldırım", "MTL" },
    { 14, "Karşıyaka Suzan Divrik MTAL", 35, "Karşıyaka", "COC;GUZ" },
    { 15, "Falez Turizm MTAL", 7, "Muratpaşa", "YIY;KON" },
} };

// The 25 pilot provinces, in the order domain.md lists them.
const std::array<int, 25> kPilotProvincePlates = { {
    34, // İstanbul
    41, // Kocaeli
    16, // Bursa
    20, // Denizli
    7, // Antalya
    35, // İzmir
    1, // Adana
    58, // Sivas
    42, // Konya
    26, // Eskişehir
    61, // Trabzon
    31, // Hatay
    46, // Kahramanmaraş
    24, // Erzincan
    55, // Samsun
    59, // Tekirdağ
    38, // Kayseri
    3, // Afyonkarahisar
    27, // Gaziantep
    45, // Manisa
    17, // Çanakkale
    40, // Kırşehir
    67, // Zonguldak
    44, // Malatya
    6, // Ankara
} };

} // namespace kopru::ref
