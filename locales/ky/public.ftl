# Texts of the public pages in Kyrgyz. The reference is locales/en/public.ftl: same ids,
# attributes and variables. Plurals (CLDR): one, other; a noun after a number stays
# singular in Kyrgyz, so both variants read the same.
# Place names and labels come undeclined from countries.ftl and taxonomy.ftl, so sentences
# put them after a colon or before a word that takes the ending ("Казакстан өлкөсүнөн").
# A comment line starting "uncertain:" asks a native reviewer to check the string below it.

## Shared by every page

common-brand = Torchlight
common-page-title = { $title } · Torchlight
common-skip = Негизги мазмунга өтүү
# uncertain
common-quick-exit = Тез чыгуу
common-nav-label = Негизги меню
common-nav-find = Жардам табуу
common-language-switch = Тил
common-footer = Torchlight сизге көз салбайт, ачык барактарда cookie сактабайт жана башка сайттардан эч нерсе жүктөбөйт. Эгер бул түзмөктү бирөө текшериши мүмкүн болсо, жашыруун терезени же Tor Browser браузерин колдонуңуз.
common-region-in-country = { $region } ({ $country })
common-list-separator = ,{" "}
common-reason-separator = ;{" "}
common-format-online = онлайн
common-format-in_person = бетме-бет
common-format-requires_travel = сапарга чыгуу керек

## Response times ("Адатта 3 күндүн ичинде жооп берет")

time-hours = { $count ->
    [one] { $count } сааттын ичинде
   *[other] { $count } сааттын ичинде
}
time-days = { $count ->
    [one] { $count } күндүн ичинде
   *[other] { $count } күндүн ичинде
}
time-weeks = { $count ->
    [one] { $count } жуманын ичинде
   *[other] { $count } жуманын ичинде
}

## Home page

home-title = Коркунучта турган укук коргоочуларга жардам
home-lead = Torchlight сайтында укук коргоочуларды коргогон { $organizations ->
        [one] { $organizations } уюмдун
       *[other] { $organizations } уюмдун
    } { $services ->
        [one] { $services } кызматы
       *[other] { $services } кызматы
    } бар: адвокаттар, дарыгерлер, психологдор, шашылыш гранттар, санариптик коопсуздук, баш калкалоочу жай жана башкалар. Кайда экениңизди жана эмне керек экенин көрсөтүңүз.
home-by-country = Өлкөлөр боюнча жардам
home-safety-heading = Жардам сураардан мурун
home-safety = Ар бир кызмат кимге арналганын, адатта канчалык тез жооп берерин жана сапарга чыгуу керекпи же жокпу, ошону көрсөтөт. Уюм менен ал көрсөткөн байланыш каналы аркылуу байланышыңыз. Эгер сиз азыр эле коркунучта болсоңуз, «{ $legal }» же «{ $medical }» тандаңыз: бул кызматтар эң тез жооп берет.

## Find help: the search form (on the home page too)

find-title = Жардам табуу
find-form-label = Жардам табуу
find-country-label = Сиз кайдасыз?
find-country-any = Каалаган өлкө
find-countries-focus = Коалициянын өлкөлөрү
find-countries-other = Башка өлкөлөр
find-region-label = Аймак (милдеттүү эмес)
find-region-any = Бүткүл өлкө
find-region-occupied = { $region } (басып алынган)
find-support-label = Сизге эмне керек?
find-support-any = Каалаган жардам
find-more = Кошумча чыпкалар
find-group-label = Сиздин ишиңиз же жамаатыңыз (милдеттүү эмес)
find-group-any = Каалаган
find-language-label = Тил
find-language-any = Каалаган тил
find-format-label = Кантип
find-format-any = Каалаган жол менен
find-family-label = Үй-бүлө мүчөлөрүмө да жардам керек
find-submit = Жардам табуу

## Find help: the results

find-summary-any-support = Каалаган жардам
find-summary-in-place = { $support } — { $place }
find-results-heading = { $summary }: { $count ->
        [one] { $count } кызмат
       *[other] { $count } кызмат
    }
find-paging-info = Көрсөтүлгөнү: { $first }–{ $last }, бардыгы { $total }.
find-why = Эмне үчүн туура келет:
find-answers = Адатта { $time } жооп берет
find-closed = азыр өтүнүч кабыл албайт
find-paging-label = Жыйынтыктардын барактары
find-previous = Мурунку барак
find-next = Кийинки барак
find-no-match-heading = { $summary }: бардык тандооңузга туура келген кызмат жок
find-nothing = Каталогдо азырынча мындай кызмат жок.
find-another-search = Жаңы издөө баштоо
find-suggestions-intro = Анын ордуна булардын бирин байкап көрүңүз:
find-suggestion-count = ({ $count ->
        [one] { $count } кызмат
       *[other] { $count } кызмат
    })

## Suggested searches when nothing matches

suggest-whole-country = Бир аймактын ордуна бүткүл өлкөдөн издөө
suggest-any-language = Башка тилдердеги кызматтарды да көрсөтүү
suggest-any-format = Башка форматтагы кызматтарды да көрсөтүү
suggest-any-group = Бардык укук коргоочуларга ачык кызматтарды да көрсөтүү
suggest-without-family = Укук коргоочунун өзүнө гана арналган кызматтарды да көрсөтүү
suggest-international = Бул өлкөдө иштеген эл аралык жана аймактык уюмдардын ушундай эле жардамы
suggest-other-support = Бул өлкөдөгү жардамдын башка түрлөрү

## Why a service matches a search (joined into one line; the first letter is capitalised)

reason-covers = { $place } аймагында иштейт
reason-worldwide = каалаган өлкөгө жардам берген эл аралык уюм
reason-exile = { $country } өлкөсүнөн чыккан, эмиграциядагы укук коргоочулар үчүн
reason-remote = алыскы жана айылдык жерлерге да жетет
reason-group = { $group } үчүн
reason-everyone = бардык укук коргоочуларга ачык
reason-language = иштөө тили: { $language }
reason-family = үй-бүлө мүчөлөрү да кайрыла алат

## Service page

service-offered-by = Кызматты сунуштаган уюм:
service-closed = Бул кызмат азыр өтүнүч кабыл албайт. Анын уюму сизди башка уюмдарга багыттай алат.
service-eligibility-heading = Ким сурай алат
service-answers = Адатта жооп берет
service-how = Кантип
service-travel = сапарга чыгууга туура келет
service-family = Үй-бүлө мүчөлөрү
service-family-yes = Алар да жардам сурай алат
service-family-no = Бул кызмат аларга арналган эмес
service-for = Кимге арналган
service-every-defender = Бардык укук коргоочулар
service-languages = Тилдер
service-where = Кайда
service-coverage-worldwide = Каалаган өлкө
service-coverage-country = Бүткүл өлкө: { $country }
service-coverage-exile = { $country } өлкөсүнөн чыккан, эмиграциядагы укук коргоочулар
service-coverage-remote = Шаарлар менен катар алыскы жана айылдык жерлер
service-contact-heading = Кантип байланышса болот
service-website = Веб-сайт

## Organisation page

org-works-in = Иштеген өлкөлөрү
org-regions = Аймактар
org-languages = Тилдер
org-contact = Байланыш
org-website = Веб-сайт
org-services = Кызматтар
org-service-line = { $support }, адатта { $time } жооп берет
org-closed = (азыр өтүнүч кабыл албайт)

## Error pages

error-bad-request-title = Бул издөөнү окуу мүмкүн болгон жок
error-not-found-title = Табылган жок
error-internal-title = Ката кетти
error-not-found = Бул даректе эч нерсе жок.
error-internal = Биз тарапта ката кетти. Эгер бул кайталанса, бул маалымдама номерин билдириңиз: { $reference }.
error-bad-value = «{ $parameter }» мааниси жараксыз.
error-detail = Кеңири маалымат (англисче):
error-unknown-parameter = «{ $parameter }» издөөнүн параметри эмес. Издөөнүн параметрлери: { $parameters }.
error-repeated-parameter = «{ $parameter }» бир нече жолу берилген.
error-query-unreadable = Бул издөөнүн дарегин окуу мүмкүн эмес.
error-page-number = «{ $value }» барактын номери эмес.
error-page-out-of-range = { $pages ->
        [one] Жыйынтыктардын { $pages } гана барагы бар.
       *[other] Жыйынтыктардын { $pages } гана барагы бар.
    }
error-new-search = Жаңы издөө баштоо
error-home = Башкы баракка өтүү

## Refusals shared by the public and staff pages

error-forbidden-title = Уруксат жок
error-forbidden = Ролуңуз буга уруксат бербейт. Эгер бул сизге керек болсо, уюмуңуздун администраторуна кайрылыңыз.
error-csrf = Бул форманын мөөнөтү бүттү же ал бул сайттан жөнөтүлгөн эмес. Артка кайтып, баракты жаңылап, кайра аракет кылыңыз.
# uncertain (this and the next message): seal/unseal rendered as "мөөрлөө"/"мөөрүн ачуу" and trustees as "ишенимдүү адамдар"; "иш" for a case
error-sealed-title = Сервер мөөрлөнгөн
error-sealed = Сервер мөөрлөнгөн: анын ачкычтары эс тутумда жок, ошондуктан бир да ишти окуу мүмкүн эмес. Ачык барактар жана жардам сураган өтүнүчтөр иштей берет. Ишенимдүү адамдар сервердин мөөрүн ача алышат.
error-throttled-title = Өтө көп аракет
error-throttled = { $minutes ->
    [one] Өтө көп аракет. { $minutes } мүнөттөн кийин кайра аракет кылыңыз.
   *[other] Өтө көп аракет. { $minutes } мүнөттөн кийин кайра аракет кылыңыз.
}
error-invalid-title = Муну кабыл алуу мүмкүн эмес
error-invalid-input = Формадагы айрым маалыматтарды кабыл алуу мүмкүн эмес.
# uncertain (this and the next message): "ушул аралыкта" for "meanwhile"
error-conflict-title = Ушул аралыкта өзгөртүлдү
error-conflict = Ушул аралыкта муну башка бирөө өзгөрттү, ошондуктан азыр эч нерсе өзгөртүлгөн жок. Баракты жаңыртып, кайра аракет кылыңыз.
error-too-large-title = Жөнөтүү үчүн өтө узун
error-too-large = Жөнөткөнүңүз бул сервер кабыл ала турган чектен ({ $kib } КБ) ашып кетти, ошондуктан эч нерсе сакталган жок. Артка кайтыңыз: браузер адатта терген текстиңизди сактап калат. Эң узун текстти кыскартып, кайра жөнөтүңүз.
