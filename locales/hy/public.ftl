# Texts of the public pages in Armenian. The reference is locales/en/public.ftl: same ids,
# attributes and variables. Plurals (CLDR): one (0, 1), other; a noun after a number stays
# singular in Armenian, so both variants read the same.
# Place names and labels come undeclined from countries.ftl and taxonomy.ftl, so sentences
# put them after "՝" or the mijaket "․" (the Armenian colon) rather than add case endings to them.
# Sentences end with the Armenian full stop "։" (U+0589), never a Latin ":" or ".".
# A comment line starting "uncertain:" asks a native reviewer to check the string below it.

## Shared by every page

common-brand = Torchlight
common-page-title = { $title } · Torchlight
common-skip = Անցնել բովանդակությանը
# uncertain
common-quick-exit = Արագ հեռանալ
common-nav-label = Գլխավոր ընտրացանկ
common-nav-find = Գտնել օգնություն
common-language-switch = Լեզու
common-footer = Torchlight-ը ձեզ չի հետևում, հանրային էջերում cookie-ներ չի պահում և այլ կայքերից ոչինչ չի բեռնում։ Եթե ինչ-որ մեկը կարող է ստուգել այս սարքը, օգտագործեք գաղտնի (incognito) պատուհան կամ Tor Browser։
common-region-in-country = { $region } ({ $country })
common-list-separator = ,{" "}
common-reason-separator = ;{" "}
common-format-online = առցանց
common-format-in_person = առերես
common-format-requires_travel = պահանջվում է ճանապարհորդել

## Response times ("Սովորաբար պատասխանում է 3 օրվա ընթացքում")

time-hours = { $count ->
    [one] { $count } ժամվա ընթացքում
   *[other] { $count } ժամվա ընթացքում
}
time-days = { $count ->
    [one] { $count } օրվա ընթացքում
   *[other] { $count } օրվա ընթացքում
}
time-weeks = { $count ->
    [one] { $count } շաբաթվա ընթացքում
   *[other] { $count } շաբաթվա ընթացքում
}

## Home page

home-title = Օգնություն վտանգի տակ գտնվող իրավապաշտպաններին
home-lead = Torchlight-ում կա { $services ->
        [one] { $services } ծառայություն
       *[other] { $services } ծառայություն
    } { $organizations ->
        [one] { $organizations } կազմակերպությունից
       *[other] { $organizations } կազմակերպությունից
    }, որոնք պաշտպանում են իրավապաշտպաններին՝ փաստաբաններ, բժիշկներ, հոգեբաններ, շտապ դրամաշնորհներ, թվային անվտանգություն, ապաստան և այլն։ Նշեք, թե որտեղ եք և ինչ է ձեզ անհրաժեշտ։
home-by-country = Օգնություն ըստ երկրների
home-safety-heading = Նախքան օգնություն խնդրելը
home-safety = Յուրաքանչյուր ծառայության մոտ նշված է, թե ում համար է այն, որքան արագ է սովորաբար պատասխանում և արդյոք պետք է ճանապարհորդել։ Կապվեք կազմակերպության հետ այն եղանակով, որը նա նշել է։ Եթե հենց հիմա վտանգի մեջ եք, ընտրեք «{ $legal }» կամ «{ $medical }», քանի որ այդ ծառայություններն ամենաարագն են պատասխանում։

## Find help: the search form (on the home page too)

find-title = Գտնել օգնություն
find-form-label = Գտնել օգնություն
find-country-label = Որտե՞ղ եք գտնվում
find-country-any = Ցանկացած երկիր
find-countries-focus = Կոալիցիայի երկրներ
find-countries-other = Այլ երկրներ
find-region-label = Մարզ (ըստ ցանկության)
find-region-any = Ամբողջ երկիրը
find-region-occupied = { $region } (օկուպացված)
find-support-label = Ի՞նչ է ձեզ անհրաժեշտ
find-support-any = Ցանկացած աջակցություն
find-more = Լրացուցիչ զտիչներ
find-group-label = Ձեր աշխատանքը կամ համայնքը (ըստ ցանկության)
find-group-any = Ցանկացած
find-language-label = Լեզու
find-language-any = Ցանկացած լեզու
find-format-label = Ձևաչափ
find-format-any = Ցանկացած ձևաչափ
find-family-label = Իմ ընտանիքի անդամներին նույնպես օգնություն է պետք
find-submit = Գտնել օգնություն

## Find help: the results

find-summary-any-support = Ցանկացած աջակցություն
find-summary-in-place = { $support }, { $place }
find-results-heading = { $summary }․ { $count ->
        [one] { $count } ծառայություն
       *[other] { $count } ծառայություն
    }
find-paging-info = Ցուցադրված են { $first }–{ $last }, ընդամենը՝ { $total }։
find-why = Ինչու է համապատասխանում․
find-answers = Սովորաբար պատասխանում է { $time }
find-closed = այս պահին հայտեր չի ընդունում
find-paging-label = Արդյունքների էջեր
find-previous = Նախորդ էջ
find-next = Հաջորդ էջ
find-no-match-heading = { $summary }․ ոչ մի ծառայություն չի համապատասխանում ձեր բոլոր ընտրություններին
find-nothing = Տեղեկատուում դեռ չկա ծառայություն, որը սա ընդգրկի։
find-another-search = Սկսել նոր որոնում
find-suggestions-intro = Փոխարենը փորձեք հետևյալներից մեկը․
find-suggestion-count = ({ $count ->
        [one] { $count } ծառայություն
       *[other] { $count } ծառայություն
    })

## Suggested searches when nothing matches

suggest-whole-country = Որոնել ամբողջ երկրում, ոչ թե մեկ մարզում
suggest-any-language = Ներառել նաև այլ լեզուներով ծառայությունները
suggest-any-format = Ներառել նաև այլ ձևաչափերով ծառայությունները
suggest-any-group = Ներառել նաև բոլոր իրավապաշտպանների համար բաց ծառայությունները
suggest-without-family = Ներառել նաև միայն իրավապաշտպանի համար նախատեսված ծառայությունները
suggest-international = Նույն աջակցությունը միջազգային և տարածաշրջանային կազմակերպություններից, որոնք աշխատում են այս երկրում
suggest-other-support = Երկրում հասանելի աջակցության այլ տեսակներ

## Why a service matches a search (joined into one line; the first letter is capitalised)

reason-covers = ընդգրկում է՝ { $place }
reason-worldwide = միջազգային կազմակերպություն, որն օգնում է ցանկացած երկրում
# uncertain: the country stays undeclined, so it follows "՝" ("for defenders who had to leave their country: Belarus")
reason-exile = իրենց երկրից ստիպված հեռացած իրավապաշտպանների համար՝ { $country }
reason-remote = հասնում է նաև հեռավոր և գյուղական վայրեր
reason-group = նախատեսված է՝ { $group }
reason-everyone = բաց է բոլոր իրավապաշտպանների համար
reason-language = աշխատում է լեզվով՝ { $language }
reason-family = ընտանիքի անդամները նույնպես կարող են դիմել

## Service page

service-offered-by = Առաջարկում է՝
service-closed = Այս ծառայությունն այս պահին հայտեր չի ընդունում։ Դրա կազմակերպությունը, հնարավոր է, ձեզ կուղղորդի այլ տեղեր։
service-eligibility-heading = Ով կարող է դիմել
service-answers = Սովորաբար պատասխանում է
service-how = Ձևաչափ
service-travel = ստիպված կլինեք ճանապարհորդել
service-family = Ընտանիքի անդամներ
service-family-yes = Նույնպես կարող են օգնություն խնդրել
service-family-no = Այս ծառայությունը նրանց չի ընդգրկում
service-for = Ում համար
service-every-defender = Բոլոր իրավապաշտպանները
service-languages = Լեզուներ
service-where = Որտեղ
service-coverage-worldwide = Ցանկացած երկիր
service-coverage-country = { $country }՝ ամբողջ երկրով
service-coverage-exile = Իրենց երկրից ստիպված հեռացած իրավապաշտպաններ՝ { $country }
service-coverage-remote = Ոչ միայն քաղաքներ, այլև հեռավոր և գյուղական վայրեր
service-contact-heading = Ինչպես կապվել
service-website = Կայք

## Organisation page

org-works-in = Աշխատում է
org-regions = Մարզեր
org-languages = Լեզուներ
org-contact = Կոնտակտներ
org-website = Կայք
org-services = Ծառայություններ
org-service-line = { $support }, սովորաբար պատասխանում է { $time }
org-closed = (այս պահին հայտեր չի ընդունում)

## Error pages

error-bad-request-title = Այս որոնումը հնարավոր չէ կարդալ
error-not-found-title = Չի գտնվել
error-internal-title = Ինչ-որ բան սխալ ընթացավ
error-not-found = Այս հասցեում ոչինչ չկա։
error-internal = Մեր կողմում ինչ-որ բան սխալ ընթացավ։ Եթե դա կրկնվի, նշեք այս կոդը՝ { $reference }։
error-bad-value = «{ $parameter }» պարամետրի արժեքը վավեր չէ։
error-detail = Մանրամասներ (անգլերենով)․
error-unknown-parameter = «{ $parameter }» պարամետրն որոնման մաս չէ։ Որոնումն ընդունում է՝ { $parameters }։
error-repeated-parameter = «{ $parameter }» պարամետրը նշված է մեկից ավելի անգամ։
error-query-unreadable = Այս որոնման հասցեն հնարավոր չէ կարդալ։
error-page-number = «{ $value }» արժեքն էջի համար չէ։
error-page-out-of-range = { $pages ->
        [one] Արդյունքների միայն { $pages } էջ կա։
       *[other] Արդյունքների միայն { $pages } էջ կա։
    }
error-new-search = Սկսել նոր որոնում
error-home = Անցնել գլխավոր էջ

## Refusals shared by the public and staff pages

error-forbidden-title = Թույլատրված չէ
error-forbidden = Ձեր դերը դա թույլ չի տալիս։ Եթե դա ձեզ պետք է, դիմեք ձեր կազմակերպության ադմինիստրատորին։
error-csrf = Այս ձևի ժամկետն անցել է, կամ այն ուղարկվել է ոչ այս կայքից։ Վերադարձեք, թարմացրեք էջը և նորից փորձեք։
# uncertain (this and the next message): seal/unseal rendered as "կնքել"/"կնիքը բացել" and trustees as "վստահված անձինք"; "գործ" for a case
error-sealed-title = Սերվերը կնքված է
error-sealed = Սերվերը կնքված է․ նրա բանալիները հիշողության մեջ չեն, ուստի ոչ մի գործ հնարավոր չէ կարդալ։ Հանրային էջերը և օգնության հայտերը շարունակում են աշխատել։ Վստահված անձինք կարող են բացել սերվերի կնիքը։
error-throttled-title = Չափազանց շատ փորձեր
error-throttled = { $minutes ->
    [one] Չափազանց շատ փորձեր։ Նորից փորձեք { $minutes } րոպե անց։
   *[other] Չափազանց շատ փորձեր։ Նորից փորձեք { $minutes } րոպե անց։
}
error-invalid-title = Սա հնարավոր չէ ընդունել
error-invalid-input = Ձևի որոշ տվյալներ հնարավոր չէ ընդունել։
# uncertain (this and the next message): "այդ ընթացքում" for "meanwhile"
error-conflict-title = Այդ ընթացքում փոխվել է
error-conflict = Այդ ընթացքում մեկ ուրիշը փոխել է սա, ուստի հիմա ոչինչ չի փոխվել։ Թարմացրեք էջը և կրկին փորձեք։
error-too-large-title = Ուղարկելու համար չափազանց երկար է
error-too-large = Ձեր ուղարկածն ավելի երկար է, քան այս սերվերն ընդունում է ({ $kib } ԿԲ), ուստի ոչինչ չի պահվել։ Վերադարձեք․ բրաուզերը սովորաբար պահում է այն, ինչ մուտքագրել եք։ Կրճատեք ամենաերկար տեքստը և նորից ուղարկեք։
