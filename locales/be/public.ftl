# Texts of the public pages in Belarusian (official orthography). The reference is
# locales/en/public.ftl: same ids, attributes and variables. Plurals: one (1, 21),
# few (2–4, 22), many (5–20, 25), other (1,5).
# Place names and labels come undeclined from countries.ftl and taxonomy.ftl, so sentences
# put them after a colon or in apposition ("з краіны Беларусь") rather than inflect them.
# A comment line starting "uncertain:" asks a native reviewer to check the string below it.

## Shared by every page

common-brand = Torchlight
common-page-title = { $title } · Torchlight
common-skip = Перайсці да зместу
common-quick-exit = Хутка пакінуць
common-nav-label = Галоўнае меню
common-nav-find = Знайсці дапамогу
common-language-switch = Мова
common-footer = Torchlight не адсочвае вас, не ўсталёўвае cookie на публічных старонках і нічога не загружае з іншых сайтаў. Калі хтосьці можа праверыць гэтую прыладу, адкрыйце сайт у прыватным акне або ў Tor Browser.
common-region-in-country = { $region } ({ $country })
common-list-separator = ,{" "}
common-reason-separator = ;{" "}
common-format-online = анлайн
common-format-in_person = асабіста
common-format-requires_travel = патрабуецца паездка

## Response times ("Звычайна адказвае за 3 дні")

time-hours = { $count ->
    [one] за { $count } гадзіну
    [few] за { $count } гадзіны
    [many] за { $count } гадзін
   *[other] за { $count } гадзіны
}
time-days = { $count ->
    [one] за { $count } дзень
    [few] за { $count } дні
    [many] за { $count } дзён
   *[other] за { $count } дня
}
time-weeks = { $count ->
    [one] за { $count } тыдзень
    [few] за { $count } тыдні
    [many] за { $count } тыдняў
   *[other] за { $count } тыдня
}

## Home page

home-title = Дапамога праваабаронцам, якія знаходзяцца ў небяспецы
home-lead = У Torchlight — { $services ->
        [one] { $services } паслуга
        [few] { $services } паслугі
        [many] { $services } паслуг
       *[other] { $services } паслугі
    } ад { $organizations ->
        [one] { $organizations } арганізацыі
        [few] { $organizations } арганізацый
        [many] { $organizations } арганізацый
       *[other] { $organizations } арганізацыі
    }, якія абараняюць праваабаронцаў: адвакаты, лекары, псіхолагі, экстранныя гранты, лічбавая бяспека, прытулак і шмат іншага. Пазначце, дзе вы знаходзіцеся і што вам патрэбна.
home-by-country = Дапамога па краінах
home-safety-heading = Перш чым прасіць дапамогі
home-safety = Для кожнай паслугі пазначана, для каго яна, як хутка звычайна адказваюць і ці трэба кудысьці ехаць. Звязвайцеся з арганізацыяй праз той канал, які яна пазначыла. Калі вы ў небяспецы менавіта зараз, выберыце «{ $legal }» або «{ $medical }»: гэтыя службы адказваюць найхутчэй.

## Find help: the search form

find-title = Знайсці дапамогу
find-form-label = Знайсці дапамогу
find-country-label = Дзе вы знаходзіцеся?
find-country-any = Любая краіна
find-countries-focus = Краіны кааліцыі
find-countries-other = Іншыя краіны
find-region-label = Рэгіён (неабавязкова)
find-region-any = Уся краіна
find-region-occupied = { $region } (акупаваная тэрыторыя)
find-support-label = Што вам патрэбна?
find-support-any = Любая дапамога
find-more = Іншыя фільтры
find-group-label = Ваша праца або супольнасць (неабавязкова)
find-group-any = Любыя
find-language-label = Мова
find-language-any = Любая мова
find-format-label = Фармат
find-format-any = Любы фармат
find-family-label = Маёй сям’і таксама патрэбная дапамога
find-submit = Знайсці дапамогу

## Find help: the results

find-summary-any-support = Любая дапамога
find-summary-in-place = { $support }: { $place }
find-results-heading = { $summary }: { $count ->
        [one] { $count } паслуга
        [few] { $count } паслугі
        [many] { $count } паслуг
       *[other] { $count } паслугі
    }
find-paging-info = Паказаны { $first }–{ $last } з { $total }.
find-why = Чаму падыходзіць:
find-answers = Звычайна адказвае { $time }
find-closed = зараз не прымае запытаў
find-paging-label = Старонкі вынікаў
find-previous = Папярэдняя старонка
find-next = Наступная старонка
find-no-match-heading = { $summary }: няма паслуг, якія адпавядаюць усім умовам
find-nothing = У каталогу пакуль няма такіх паслуг.
find-another-search = Пачаць новы пошук
find-suggestions-intro = Паспрабуйце замест гэтага:
find-suggestion-count = ({ $count ->
        [one] { $count } паслуга
        [few] { $count } паслугі
        [many] { $count } паслуг
       *[other] { $count } паслугі
    })

## Suggested searches when nothing matches

suggest-whole-country = Шукаць па ўсёй краіне, а не ў адным рэгіёне
suggest-any-language = Паказаць паслугі на іншых мовах
suggest-any-format = Паказаць паслугі ў іншых фарматах
suggest-any-group = Паказаць паслугі, адкрытыя для ўсіх праваабаронцаў
suggest-without-family = Паказаць паслугі толькі для самога праваабаронцы
suggest-international = Тая ж дапамога ад міжнародных і рэгіянальных арганізацый, якія працуюць у гэтай краіне
suggest-other-support = Іншыя віды дапамогі, даступныя ў гэтай краіне

## Why a service matches a search (joined into one line; the first letter is capitalised)

reason-covers = зона працы: { $place }
reason-worldwide = міжнародная арганізацыя, дапамагае ў любой краіне
reason-exile = для праваабаронцаў з краіны { $country }, якія жывуць у выгнанні
reason-remote = дапамагае і ў аддаленых і сельскіх раёнах
reason-group = група: { $group }
reason-everyone = для ўсіх праваабаронцаў
reason-language = мова: { $language }
reason-family = члены сям’і таксама могуць звярнуцца

## Service page

service-offered-by = Прапануе
service-closed = Гэтая служба зараз не прымае запытаў. Арганізацыя можа падказаць, куды яшчэ звярнуцца.
service-eligibility-heading = Хто можа звярнуцца
service-answers = Звычайна адказвае
service-how = Фармат
service-travel = трэба будзе паехаць
service-family = Члены сям’і
service-family-yes = Таксама могуць звярнуцца па дапамогу
service-family-no = Гэтая паслуга на іх не распаўсюджваецца
service-for = Для каго
service-every-defender = Для ўсіх праваабаронцаў
service-languages = Мовы
service-where = Дзе
service-coverage-worldwide = Любая краіна
service-coverage-country = Уся краіна: { $country }
service-coverage-exile = Праваабаронцы з краіны { $country }, якія жывуць у выгнанні
service-coverage-remote = Аддаленыя і сельскія раёны, а таксама гарады
service-contact-heading = Як звязацца
service-website = Сайт

## Organisation page

org-works-in = Працуе ў краінах
org-regions = Рэгіёны
org-languages = Мовы
org-contact = Кантакты
org-website = Сайт
org-services = Паслугі
org-service-line = { $support }, звычайна адказвае { $time }
org-closed = (зараз не прымае запытаў)

## Error pages

error-bad-request-title = Не ўдалося прачытаць гэты пошук
error-not-found-title = Не знойдзена
error-internal-title = Нешта пайшло не так
error-not-found = Па гэтым адрасе нічога няма.
error-internal = У нас нешта пайшло не так. Калі гэта паўторыцца, паведаміце код { $reference }.
error-bad-value = Недапушчальнае значэнне параметра «{ $parameter }».
error-detail = Падрабязнасці (па-англійску):
error-unknown-parameter = Параметр «{ $parameter }» не адносіцца да пошуку. Пошук прымае: { $parameters }.
error-repeated-parameter = Параметр «{ $parameter }» пазначаны больш за адзін раз.
error-query-unreadable = Не ўдалося прачытаць адрас гэтага пошуку.
error-page-number = «{ $value }» — гэта не нумар старонкі.
error-page-out-of-range = { $pages ->
        [one] Усяго { $pages } старонка вынікаў.
        [few] Усяго { $pages } старонкі вынікаў.
        [many] Усяго { $pages } старонак вынікаў.
       *[other] Усяго { $pages } старонкі вынікаў.
    }
error-new-search = Пачаць новы пошук
error-home = На галоўную

## Refusals shared by the public and staff pages

error-forbidden-title = Няма доступу
error-forbidden = Ваша роля не дазваляе гэтага зрабіць. Калі вам гэта патрэбна, звярніцеся да адміністратара вашай арганізацыі.
error-csrf = Тэрмін дзеяння гэтай формы скончыўся, або яна адпраўлена не з гэтага сайта. Вярніцеся назад, абнавіце старонку і паспрабуйце яшчэ раз.
# uncertain (this and the next message): seal/unseal rendered as "запячатаць"/"распячатаць" and trustees as "давераныя асобы", after the Russian and Ukrainian staff pages
error-sealed-title = Сервер запячатаны
error-sealed = Сервер запячатаны: яго ключоў няма ў памяці, таму ніводную справу нельга прачытаць. Публічныя старонкі і запыты аб дапамозе працуюць і далей. Давераныя асобы могуць распячатаць сервер.
error-throttled-title = Занадта шмат спроб
error-throttled = { $minutes ->
    [one] Занадта шмат спроб. Паспрабуйце зноў праз { $minutes } хвіліну.
    [few] Занадта шмат спроб. Паспрабуйце зноў праз { $minutes } хвіліны.
    [many] Занадта шмат спроб. Паспрабуйце зноў праз { $minutes } хвілін.
   *[other] Занадта шмат спроб. Паспрабуйце зноў праз { $minutes } хвіліны.
}
error-invalid-title = Гэта нельга прыняць
error-invalid-input = Некаторыя даныя ў форме нельга прыняць.
error-conflict-title = Ужо зменена
error-conflict = Хтосьці іншы тым часам змяніў гэта, таму зараз нічога не зменена. Абнавіце старонку і паспрабуйце яшчэ раз.
error-too-large-title = Занадта доўга для адпраўкі
error-too-large = Вы адправілі больш, чым прымае гэты сервер ({ $kib } КБ), таму нічога не захавана. Вярніцеся назад: браўзер звычайна захоўвае тое, што вы ўвялі. Скараціце самы доўгі тэкст і адпраўце яшчэ раз.
