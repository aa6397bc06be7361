# Texts of the public pages in Tajik. The reference is locales/en/public.ftl: same ids,
# attributes and variables. Plurals: one, other (as the brief asks; a noun after a number
# stays singular in Tajik, so both variants read the same).
# Place names and labels come undeclined from countries.ftl and taxonomy.ftl, so sentences
# put them after a preposition or a colon ("дар Тоҷикистон", "забони кор: забони русӣ").
# A comment line starting "uncertain:" asks a native reviewer to check the string below it.

## Shared by every page

common-brand = Torchlight
common-page-title = { $title } · Torchlight
common-skip = Гузаштан ба мундариҷа
# uncertain
common-quick-exit = Зуд баромадан
common-nav-label = Менюи асосӣ
common-nav-find = Ёфтани кӯмак
common-language-switch = Забон
common-footer = Torchlight шуморо пайгирӣ намекунад, дар саҳифаҳои ошкоро cookie намегузорад ва аз сомонаҳои дигар чизе бор намекунад. Агар касе ин дастгоҳро тафтиш карда тавонад, равзанаи махфӣ ё Tor Browser-ро истифода баред.
common-region-in-country = { $region } ({ $country })
common-list-separator = ,{" "}
common-reason-separator = ;{" "}
common-format-online = онлайн
common-format-in_person = рӯ ба рӯ
common-format-requires_travel = сафар лозим аст

## Response times ("Одатан дар давоми 3 рӯз ҷавоб медиҳад")

time-hours = { $count ->
    [one] дар давоми { $count } соат
   *[other] дар давоми { $count } соат
}
time-days = { $count ->
    [one] дар давоми { $count } рӯз
   *[other] дар давоми { $count } рӯз
}
time-weeks = { $count ->
    [one] дар давоми { $count } ҳафта
   *[other] дар давоми { $count } ҳафта
}

## Home page

home-title = Кӯмак ба ҳимоятгарони ҳуқуқ, ки дар хатаранд
home-lead = Дар Torchlight { $services ->
        [one] { $services } хидмат
       *[other] { $services } хидмат
    } аз { $organizations ->
        [one] { $organizations } ташкилот
       *[other] { $organizations } ташкилот
    } ҳаст, ки ҳимоятгарони ҳуқуқро ҳифз мекунанд: адвокатҳо, табибон, равоншиносон, грантҳои фаврӣ, амнияти рақамӣ, паноҳгоҳ ва ғайра. Нишон диҳед, ки дар куҷо ҳастед ва ба шумо чӣ лозим аст.
home-by-country = Кӯмак аз рӯи кишвар
home-safety-heading = Пеш аз дархости кӯмак
home-safety = Ҳар хидмат нишон медиҳад, ки барои кист, одатан чӣ қадар зуд ҷавоб медиҳад ва оё сафар лозим аст. Бо ташкилот тавассути роҳи тамосе, ки он нишон додааст, тамос гиред. Агар шумо ҳозир дар хатар бошед, «{ $legal }» ё «{ $medical }»-ро интихоб кунед: ин хидматҳо аз ҳама зудтар ҷавоб медиҳанд.

## Find help: the search form (on the home page too)

find-title = Ёфтани кӯмак
find-form-label = Ёфтани кӯмак
find-country-label = Шумо дар куҷо ҳастед?
find-country-any = Дилхоҳ кишвар
find-countries-focus = Кишварҳои эътилоф
find-countries-other = Кишварҳои дигар
find-region-label = Минтақа (ихтиёрӣ)
find-region-any = Тамоми кишвар
find-region-occupied = { $region } (ишғолшуда)
find-support-label = Ба шумо чӣ лозим аст?
find-support-any = Ҳар гуна кӯмак
find-more = Филтрҳои иловагӣ
find-group-label = Кор ё ҷамоати шумо (ихтиёрӣ)
find-group-any = Ҳар кадом
find-language-label = Забон
find-language-any = Дилхоҳ забон
find-format-label = Чӣ тавр
find-format-any = Ҳар гуна
find-family-label = Аъзои оилаам низ ба кӯмак ниёз доранд
find-submit = Ёфтани кӯмак

## Find help: the results

find-summary-any-support = Ҳар гуна кӯмак
find-summary-in-place = { $support } дар { $place }
find-results-heading = { $summary }: { $count ->
        [one] { $count } хидмат
       *[other] { $count } хидмат
    }
find-paging-info = Нишон дода шуд: { $first }–{ $last } аз { $total }.
find-why = Чаро мувофиқ аст:
find-answers = Одатан { $time } ҷавоб медиҳад
find-closed = ҳоло дархост қабул намекунад
find-paging-label = Саҳифаҳои натиҷаҳо
find-previous = Саҳифаи қаблӣ
find-next = Саҳифаи навбатӣ
find-no-match-heading = { $summary }: ягон хидмат ба ҳамаи интихобҳои шумо мувофиқ нест
find-nothing = Дар феҳрист ҳанӯз чунин хидмат нест.
find-another-search = Ҷустуҷӯи нав
find-suggestions-intro = Ба ҷои ин, яке аз инҳоро санҷед:
find-suggestion-count = ({ $count ->
        [one] { $count } хидмат
       *[other] { $count } хидмат
    })

## Suggested searches when nothing matches

suggest-whole-country = Ҷустуҷӯ дар тамоми кишвар, на дар як минтақа
suggest-any-language = Хидматҳо бо забонҳои дигарро низ нишон додан
suggest-any-format = Хидматҳо дар шаклҳои дигарро низ нишон додан
suggest-any-group = Хидматҳоеро, ки барои ҳамаи ҳимоятгарони ҳуқуқ кушодаанд, низ нишон додан
suggest-without-family = Хидматҳоеро, ки танҳо барои худи ҳимоятгари ҳуқуқ пешбинӣ шудаанд, низ нишон додан
suggest-international = Ҳамин кӯмак аз ташкилотҳои байналмилалӣ ва минтақавӣ, ки дар ин кишвар кор мекунанд
suggest-other-support = Навъҳои дигари кӯмак дар ин кишвар

## Why a service matches a search (joined into one line; the first letter is capitalised)

reason-covers = дар { $place } кор мекунад
reason-worldwide = ташкилоти байналмилалӣ, ки ба ҳар кишвар мерасад
reason-exile = барои ҳимоятгарони ҳуқуқ аз кишвари { $country }, ки дар муҳоҷиратанд
reason-remote = ба минтақаҳои дурдаст ва деҳот низ мерасад
reason-group = барои гурӯҳи «{ $group }»
reason-everyone = барои ҳамаи ҳимоятгарони ҳуқуқ кушода аст
reason-language = забони кор: { $language }
reason-family = аъзои оила низ метавонанд муроҷиат кунанд

## Service page

service-offered-by = Пешниҳодкунанда:
service-closed = Ин хидмат ҳоло дархост қабул намекунад. Ташкилоти он метавонад шуморо ба дигарон равона кунад.
service-eligibility-heading = Кӣ метавонад дархост кунад
service-answers = Одатан ҷавоб медиҳад
service-how = Чӣ тавр
service-travel = ба шумо сафар кардан лозим мешавад
service-family = Аъзои оила
service-family-yes = Онҳо низ метавонанд кӯмак пурсанд
service-family-no = Ин хидмат онҳоро дар бар намегирад
service-for = Барои кӣ
service-every-defender = Ҳамаи ҳимоятгарони ҳуқуқ
service-languages = Забонҳо
service-where = Дар куҷо
service-coverage-worldwide = Ҳар кишвар
service-coverage-country = Тамоми { $country }
service-coverage-exile = Ҳимоятгарони ҳуқуқ аз кишвари { $country }, ки дар муҳоҷиратанд
service-coverage-remote = Ҳам шаҳрҳо, ҳам минтақаҳои дурдаст ва деҳот
service-contact-heading = Чӣ тавр бо онҳо тамос гирифтан мумкин аст
service-website = Сомона

## Organisation page

org-works-in = Кишварҳои фаъолият
org-regions = Минтақаҳо
org-languages = Забонҳо
org-contact = Тамос
org-website = Сомона
org-services = Хидматҳо
org-service-line = { $support }, одатан { $time } ҷавоб медиҳад
org-closed = (ҳоло дархост қабул намекунад)

## Error pages

error-bad-request-title = Ин ҷустуҷӯро хондан натавонистем
error-not-found-title = Ёфт нашуд
error-internal-title = Хатогӣ рух дод
error-not-found = Дар ин суроға ҳеҷ чиз нест.
error-internal = Дар тарафи мо хатогӣ рух дод. Агар ин такрор шавад, ин рақами маълумотро хабар диҳед: { $reference }.
error-bad-value = Қимати «{ $parameter }» нодуруст аст.
error-detail = Тафсилот (бо забони англисӣ):
error-unknown-parameter = «{ $parameter }» қисми ҷустуҷӯ нест. Параметрҳои ҷустуҷӯ: { $parameters }.
error-repeated-parameter = «{ $parameter }» зиёда аз як бор дода шудааст.
error-query-unreadable = Суроғаи ин ҷустуҷӯро хондан мумкин нест.
error-page-number = «{ $value }» рақами саҳифа нест.
error-page-out-of-range = { $pages ->
        [one] Ҳамагӣ { $pages } саҳифаи натиҷаҳо ҳаст.
       *[other] Ҳамагӣ { $pages } саҳифаи натиҷаҳо ҳаст.
    }
error-new-search = Ҷустуҷӯи нав
error-home = Ба саҳифаи асосӣ

## Refusals shared by the public and staff pages

error-forbidden-title = Иҷозат нест
error-forbidden = Нақши шумо ба ин иҷозат намедиҳад. Агар ба шумо лозим бошад, ба маъмури ташкилоти худ муроҷиат кунед.
error-csrf = Мӯҳлати ин шакл гузаштааст ё он аз ин сомона фиристода нашудааст. Ба қафо баргардед, саҳифаро нав кунед ва бори дигар кӯшиш кунед.
# uncertain (this and the next message): seal/unseal rendered as "мӯҳр кардан"/"мӯҳрро кушодан" and trustees as "шахсони боэътимод"; "парванда" for a case
error-sealed-title = Сервер мӯҳр шудааст
error-sealed = Сервер мӯҳр шудааст: калидҳои он дар хотира нестанд, бинобар ин ягон парвандаро хондан ғайриимкон аст. Саҳифаҳои ошкоро ва дархостҳои кӯмак кор карданро идома медиҳанд. Шахсони боэътимод метавонанд мӯҳри серверро кушоянд.
error-throttled-title = Кӯшишҳо аз ҳад зиёданд
error-throttled = { $minutes ->
    [one] Кӯшишҳо аз ҳад зиёданд. Пас аз { $minutes } дақиқа бори дигар кӯшиш кунед.
   *[other] Кӯшишҳо аз ҳад зиёданд. Пас аз { $minutes } дақиқа бори дигар кӯшиш кунед.
}
error-invalid-title = Ин қабул карда намешавад
# uncertain: "шакл" for a web form; "варақа" is also used
error-invalid-input = Баъзе маълумоти шакл қабул карда намешавад.
# uncertain (this and the next message): "дар ин миён" for "meanwhile"
error-conflict-title = Дар ин миён тағйир ёфт
error-conflict = Дар ин миён каси дигаре инро тағйир дод, бинобар ин ҳоло ҳеҷ чиз тағйир наёфт. Саҳифаро нав кунед ва бори дигар кӯшиш кунед.
error-too-large-title = Барои фиристодан хеле дароз аст
error-too-large = Он чи шумо фиристодед, аз ҳадде, ки ин сервер қабул мекунад ({ $kib } КБ), зиёд аст, бинобар ин ҳеҷ чиз нигоҳ дошта нашуд. Ба қафо баргардед: браузер одатан он чиро, ки навиштед, нигоҳ медорад. Матни аз ҳама дарозро кӯтоҳ кунед ва бори дигар фиристед.
