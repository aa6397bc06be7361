# Country names in Azerbaijani, keyed by ISO 3166-1 alpha-2 code.
# Taken from the translations of Debian's iso-codes package, then checked by hand.
# Entries marked "uncertain" had no translation there: a native reviewer should confirm them.

# uncertain: no iso-codes translation; English name kept
country-AD = Andorra
country-AE = Birləşmiş Ərəb Əmirlikləri
country-AF = Əfqanıstan
country-AG = Antiq və Barbuda
country-AI = Anquilla
country-AL = Albaniya
country-AM = Ermənistan
country-AO = Anqola
country-AQ = Antarktika
# uncertain: no iso-codes translation; English name kept
country-AR = Argentina
country-AS = Amerikan Samoa
country-AT = Avstriya
country-AU = Avstraliya
# uncertain: no iso-codes translation; English name kept
country-AW = Aruba
# uncertain: no iso-codes translation; English name kept
country-AX = Åland Islands
country-AZ = Azərbaycan
country-BA = Bosniya və Herzoqovina
# uncertain: no iso-codes translation; English name kept
country-BB = Barbados
country-BD = Banqladeş
country-BE = Belçika
# uncertain: no iso-codes translation; English name kept
country-BF = Burkina Faso
country-BG = Bolqarıstan
country-BH = Bahreyn
# uncertain: no iso-codes translation; English name kept
country-BI = Burundi
# uncertain: no iso-codes translation; English name kept
country-BJ = Benin
# uncertain: no iso-codes translation; English name kept
country-BL = Saint Barthélemy
# uncertain: no iso-codes translation; English name kept
country-BM = Bermuda
country-BN = Bruney Darüssəlam
country-BO = Boliviya
# uncertain: no iso-codes translation; English name kept
country-BQ = Bonaire, Sint Eustatius and Saba
country-BR = Braziliya
country-BS = Bahama
country-BT = Butan
country-BV = Buvet Adası
country-BW = Botsvana
country-BY = Belarusiya
country-BZ = Beliz
country-CA = Kanada
country-CC = Kokos Adası
# uncertain: no iso-codes translation; English name kept
country-CD = Congo, The Democratic Republic of the
country-CF = Mərkəzi Afrika Respublikası
country-CG = Konqo
country-CH = İsveçrə
country-CI = Kot Divuar
country-CK = Cook Adaları
country-CL = Çili
country-CM = Kamerun
country-CN = Çin
country-CO = Kolumbiya
country-CR = Kosta Rika
country-CU = Kuba
# uncertain: no iso-codes translation; English name kept
country-CV = Cabo Verde
# uncertain: no iso-codes translation; English name kept
country-CW = Curaçao
country-CX = Kristmas Adası
country-CY = Kipr
# uncertain: no iso-codes translation; English name kept
country-CZ = Czechia
country-DE = Almaniya
country-DJ = Cibuti
country-DK = Danimarka
country-DM = Dominik
country-DO = Dominikan Respublikası
country-DZ = Əlcəzair
country-EC = Ekvador
country-EE = Estoniya
country-EG = Misir
country-EH = Qərbi Saxara
country-ER = Eritre
country-ES = İspaniya
country-ET = Efiopiya
country-FI = Finlandiya
country-FJ = Fici
country-FK = Fokland Adaları (Malvin)
# uncertain: no iso-codes translation; English name kept
country-FM = Micronesia, Federated States of
country-FO = Faro Adaları
country-FR = Fransa
country-GA = Qabon
# uncertain: no iso-codes translation; English name kept
country-GB = United Kingdom
country-GD = Qrenada
country-GE = Gürcüstan
country-GF = Fransız Gvineyası
# uncertain: no iso-codes translation; English name kept
country-GG = Guernsey
country-GH = Qana
# uncertain: no iso-codes translation; English name kept
country-GI = Gibraltar
country-GL = Qrinland
country-GM = Qambiya
country-GN = Qvineya
country-GP = Quadelup
country-GQ = Ekvatorial Qvineya
country-GR = Yunanıstan
country-GS = Cənubi Georgiya və Cənubi Sendviç Adaları
country-GT = Quatemala
country-GU = Quam
country-GW = Qvineya Bissau
country-GY = Quyana
country-HK = Honq Konq
# uncertain: no iso-codes translation; English name kept
country-HM = Heard Island and McDonald Islands
# uncertain: no iso-codes translation; English name kept
country-HN = Honduras
country-HR = Xırvatıstan
# uncertain: no iso-codes translation; English name kept
country-HT = Haiti
country-HU = Macarıstan
country-ID = İndoneziya
country-IE = İrlandiya
country-IL = İsrail
# uncertain: no iso-codes translation; English name kept
country-IM = Isle of Man
country-IN = Hindistan
country-IO = Britaniya Hind Okeanı Sahəsi
country-IQ = İraq
# uncertain: no iso-codes translation; English name kept
country-IR = Iran
country-IS = İslandiya
country-IT = İtaliya
# uncertain: no iso-codes translation; English name kept
country-JE = Jersey
country-JM = Yamayka
country-JO = İordaniya
country-JP = Yaponiya
# uncertain: no iso-codes translation; English name kept
country-KE = Kenya
country-KG = Qırğızıstan
country-KH = Kambodja
# uncertain: no iso-codes translation; English name kept
country-KI = Kiribati
country-KM = Komor
# uncertain: no iso-codes translation; English name kept
country-KN = Saint Kitts and Nevis
country-KP = Koreya, Demokratık Xalq Respublikası
country-KR = Koreya, Respublika
country-KW = Küveyt
country-KY = Kayman Adaları
country-KZ = Qazaxstan
# uncertain: no iso-codes translation; English name kept
country-LA = Laos
country-LB = Livan
# uncertain: no iso-codes translation; English name kept
country-LC = Saint Lucia
country-LI = Lixtenşteyn
country-LK = Şri Lanka
country-LR = Liberiya
country-LS = Lesoto
country-LT = Litva
country-LU = Lüksemburq
country-LV = Latviya
# uncertain: no iso-codes translation; English name kept
country-LY = Libya
country-MA = Mərakeş
country-MC = Monako
# uncertain: no iso-codes translation; English name kept
country-MD = Moldova
# uncertain: no iso-codes translation; English name kept
country-ME = Montenegro
# uncertain: no iso-codes translation; English name kept
country-MF = Saint Martin (French part)
country-MG = Madaqaskar
country-MH = Marşal Adaları
# uncertain: no iso-codes translation; English name kept
country-MK = North Macedonia
# uncertain: no iso-codes translation; English name kept
country-ML = Mali
# uncertain: no iso-codes translation; English name kept
country-MM = Myanmar
country-MN = Monqolustan
country-MO = Makao
country-MP = Şimali Marian Adaları
country-MQ = Martiniq
country-MR = Mavritaniya
# uncertain: no iso-codes translation; English name kept
country-MS = Montserrat
# uncertain: no iso-codes translation; English name kept
country-MT = Malta
# uncertain: no iso-codes translation; English name kept
country-MU = Mauritius
# uncertain: no iso-codes translation; English name kept
country-MV = Maldives
country-MW = Malavi
country-MX = Meksika
country-MY = Malayziya
country-MZ = Mozambiq
country-NA = Namibiya
country-NC = Yeni Kaledoniya
# uncertain: no iso-codes translation; English name kept
country-NE = Niger
country-NF = Norfolk Adaları
country-NG = Nigeriya
country-NI = Nikaraqua
country-NL = Hollandiya
country-NO = Norveç
# uncertain: no iso-codes translation; English name kept
country-NP = Nepal
# uncertain: no iso-codes translation; English name kept
country-NR = Nauru
# uncertain: no iso-codes translation; English name kept
country-NU = Niue
country-NZ = Yeni Zellandiya
# uncertain: no iso-codes translation; English name kept
country-OM = Oman
# uncertain: no iso-codes translation; English name kept
country-PA = Panama
# uncertain: no iso-codes translation; English name kept
country-PE = Peru
country-PF = Fransız Poloneziyası
country-PG = Papua Yeni Qvineya
country-PH = Filippin
# uncertain: no iso-codes translation; English name kept
country-PK = Pakistan
country-PL = Polşa
# uncertain: no iso-codes translation; English name kept
country-PM = Saint Pierre and Miquelon
country-PN = Pitkairn
country-PR = Porto Riko
# uncertain: no iso-codes translation; English name kept
country-PS = Palestine, State of
country-PT = Portuqaliya
# uncertain: no iso-codes translation; English name kept
country-PW = Palau
country-PY = Paraqvay
country-QA = Katar
country-RE = Reyunion
country-RO = Ruminıya
# uncertain: no iso-codes translation; English name kept
country-RS = Serbia
country-RU = Rusiya Federasiyası
country-RW = Rvanda
country-SA = Səudiyyə Ərəbistan
country-SB = Solomon Adaları
country-SC = Seyşel
# uncertain: no iso-codes translation; English name kept
country-SD = Sudan
country-SE = İsveç
country-SG = Sinqapur
# uncertain: no iso-codes translation; English name kept
country-SH = Saint Helena, Ascension and Tristan da Cunha
country-SI = Sloveniya
country-SJ = Svalbard və Jan Mayen
country-SK = Slovakiya
country-SL = Siera Lione
# uncertain: no iso-codes translation; English name kept
country-SM = San Marino
country-SN = Seneqal
country-SO = Somali
country-SR = Surinam
# uncertain: no iso-codes translation; English name kept
country-SS = South Sudan
country-ST = Sao Tome və Prinsip
country-SV = Elsalvador
# uncertain: no iso-codes translation; English name kept
country-SX = Sint Maarten (Dutch part)
# uncertain: no iso-codes translation; English name kept
country-SY = Syria
# uncertain: no iso-codes translation; English name kept
country-SZ = Eswatini
# uncertain: no iso-codes translation; English name kept
country-TC = Turks and Caicos Islands
country-TD = Çad
# uncertain: no iso-codes translation; English name kept
country-TF = French Southern Territories
country-TG = Toqo
country-TH = Tayland
country-TJ = Tacikistan
country-TK = Tokelo
# uncertain: no iso-codes translation; English name kept
country-TL = Timor-Leste
country-TM = Türkmənistan
country-TN = Tunis
country-TO = Tonqa
country-TR = Türkiyə
country-TT = Trinidad və Tobaqo
# uncertain: no iso-codes translation; English name kept
country-TV = Tuvalu
country-TW = Tayvan
# uncertain: no iso-codes translation; English name kept
country-TZ = Tanzania
country-UA = Ukrayna
country-UG = Uqanda
country-UM = Birləşmiş Ştatlar Yanı Kiçik Adalar
country-US = Birləşmiş Ştatlar
country-UY = Uruqvay
country-UZ = Özbəkistan
country-VA = Holy See (Vatikan Şəhər Dövləti)
# uncertain: no iso-codes translation; English name kept
country-VC = Saint Vincent and the Grenadines
# uncertain: no iso-codes translation; English name kept
country-VE = Venezuela
country-VG = Virgin Adaları, Britaniya
country-VI = Virgin Adaları, ABŞ
# uncertain: no iso-codes translation; English name kept
country-VN = Vietnam
# uncertain: no iso-codes translation; English name kept
country-VU = Vanuatu
country-WF = Vallis və Futuna
# uncertain: no iso-codes translation; English name kept
country-WS = Samoa
country-YE = Yəmən
country-YT = Mayot
country-ZA = Cənubi Afrika
country-ZM = Zambiya
country-ZW = Zimbabve
