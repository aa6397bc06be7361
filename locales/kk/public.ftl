# Texts of the public pages in Kazakh. The reference is locales/en/public.ftl: same ids,
# attributes and variables. Plurals (CLDR): one, other; a noun after a number stays
# singular in Kazakh, so both variants read the same.
# Place names and labels come undeclined from countries.ftl and taxonomy.ftl, so sentences
# put them after a colon or before a word that takes the ending ("Қазақстан елінен").
# A comment line starting "uncertain:" asks a native reviewer to check the string below it.

## Shared by every page

common-brand = Torchlight
common-page-title = { $title } · Torchlight
common-skip = Негізгі мазмұнға өту
# uncertain
common-quick-exit = Тез шығу
common-nav-label = Негізгі мәзір
common-nav-find = Көмек табу
common-language-switch = Тіл
common-footer = Torchlight сізді бақыламайды, қоғамдық беттерде cookie орнатпайды және басқа сайттардан ештеңе жүктемейді. Егер бұл құрылғыны біреу тексеруі мүмкін болса, жасырын терезені немесе Tor Browser-ді пайдаланыңыз.
common-region-in-country = { $region } ({ $country })
common-list-separator = ,{" "}
common-reason-separator = ;{" "}
common-format-online = онлайн
common-format-in_person = бетпе-бет
common-format-requires_travel = сапарға шығу қажет

## Response times ("Әдетте 3 күн ішінде жауап береді")

time-hours = { $count ->
    [one] { $count } сағат ішінде
   *[other] { $count } сағат ішінде
}
time-days = { $count ->
    [one] { $count } күн ішінде
   *[other] { $count } күн ішінде
}
time-weeks = { $count ->
    [one] { $count } апта ішінде
   *[other] { $count } апта ішінде
}

## Home page

home-title = Қауіп төнген құқық қорғаушыларға көмек
home-lead = Torchlight-та құқық қорғаушыларды қорғайтын { $organizations ->
        [one] { $organizations } ұйымның
       *[other] { $organizations } ұйымның
    } { $services ->
        [one] { $services } қызметі
       *[other] { $services } қызметі
    } бар: адвокаттар, дәрігерлер, психологтар, шұғыл гранттар, цифрлық қауіпсіздік, баспана және басқалар. Қай жерде екеніңізді және не қажет екенін көрсетіңіз.
home-by-country = Елдер бойынша көмек
home-safety-heading = Көмек сұрамас бұрын
home-safety = Әр қызмет кімге арналғанын, әдетте қаншалықты тез жауап беретінін және сапарға шығу қажет пе, жоқ па, соны көрсетеді. Ұйыммен ол көрсеткен байланыс арнасы арқылы хабарласыңыз. Егер сізге дәл қазір қауіп төніп тұрса, «{ $legal }» немесе «{ $medical }» таңдаңыз: бұл қызметтер ең тез жауап береді.

## Find help: the search form (on the home page too)

find-title = Көмек табу
find-form-label = Көмек табу
find-country-label = Сіз қай жердесіз?
find-country-any = Кез келген ел
find-countries-focus = Коалиция елдері
find-countries-other = Басқа елдер
find-region-label = Өңір (міндетті емес)
find-region-any = Бүкіл ел
find-region-occupied = { $region } (басып алынған)
find-support-label = Сізге не қажет?
find-support-any = Кез келген көмек
find-more = Қосымша сүзгілер
find-group-label = Сіздің жұмысыңыз немесе қауымдастығыңыз (міндетті емес)
find-group-any = Кез келген
find-language-label = Тіл
find-language-any = Кез келген тіл
find-format-label = Қалай
find-format-any = Кез келген тәсіл
find-family-label = Отбасы мүшелеріме де көмек қажет
find-submit = Көмек табу

## Find help: the results

find-summary-any-support = Кез келген көмек
find-summary-in-place = { $support } — { $place }
find-results-heading = { $summary }: { $count ->
        [one] { $count } қызмет
       *[other] { $count } қызмет
    }
find-paging-info = Көрсетілгені: { $first }–{ $last }, барлығы { $total }.
find-why = Неге сәйкес келеді:
find-answers = Әдетте { $time } жауап береді
find-closed = қазір өтініш қабылдамайды
find-paging-label = Нәтижелер беттері
find-previous = Алдыңғы бет
find-next = Келесі бет
find-no-match-heading = { $summary }: барлық таңдауыңызға сәйкес келетін қызмет жоқ
find-nothing = Анықтамалықта әзірге мұндай қызмет жоқ.
find-another-search = Жаңа іздеу бастау
find-suggestions-intro = Оның орнына мыналардың бірін қолданып көріңіз:
find-suggestion-count = ({ $count ->
        [one] { $count } қызмет
       *[other] { $count } қызмет
    })

## Suggested searches when nothing matches

suggest-whole-country = Бір өңірдің орнына бүкіл елден іздеу
suggest-any-language = Басқа тілдердегі қызметтерді де көрсету
suggest-any-format = Басқа форматтағы қызметтерді де көрсету
suggest-any-group = Барлық құқық қорғаушыларға ашық қызметтерді де көрсету
suggest-without-family = Тек құқық қорғаушының өзіне арналған қызметтерді де көрсету
suggest-international = Осы елде жұмыс істейтін халықаралық және өңірлік ұйымдардың дәл осындай көмегі
suggest-other-support = Осы елдегі көмектің басқа түрлері

## Why a service matches a search (joined into one line; the first letter is capitalised)

reason-covers = { $place } аумағында жұмыс істейді
reason-worldwide = кез келген елге көмектесетін халықаралық ұйым
reason-exile = { $country } елінен шыққан, эмиграциядағы құқық қорғаушыларға арналған
reason-remote = шалғай және ауылдық жерлерге де жетеді
reason-group = { $group } үшін
reason-everyone = барлық құқық қорғаушыларға ашық
reason-language = жұмыс тілі: { $language }
reason-family = отбасы мүшелері де өтініш бере алады

## Service page

service-offered-by = Ұсынатын ұйым:
service-closed = Бұл қызмет қазір өтініш қабылдамайды. Оның ұйымы сізге басқа ұйымдарды ұсына алады.
service-eligibility-heading = Кім сұрай алады
service-answers = Әдетте жауап береді
service-how = Қалай
service-travel = сапарға шығуға тура келеді
service-family = Отбасы мүшелері
service-family-yes = Олар да көмек сұрай алады
service-family-no = Бұл қызмет оларға арналмаған
service-for = Кімге арналған
service-every-defender = Барлық құқық қорғаушылар
service-languages = Тілдер
service-where = Қай жерде
service-coverage-worldwide = Кез келген ел
service-coverage-country = Бүкіл ел: { $country }
service-coverage-exile = { $country } елінен шыққан, эмиграциядағы құқық қорғаушылар
service-coverage-remote = Қалалармен қатар шалғай және ауылдық жерлер
service-contact-heading = Қалай хабарласуға болады
service-website = Веб-сайт

## Organisation page

org-works-in = Жұмыс істейтін елдері
org-regions = Өңірлер
org-languages = Тілдер
org-contact = Байланыс
org-website = Веб-сайт
org-services = Қызметтер
org-service-line = { $support }, әдетте { $time } жауап береді
org-closed = (қазір өтініш қабылдамайды)

## Error pages

error-bad-request-title = Бұл іздеуді оқу мүмкін болмады
error-not-found-title = Табылмады
error-internal-title = Қате орын алды
error-not-found = Бұл мекенжайда ештеңе жоқ.
error-internal = Біздің тарапта қате орын алды. Егер бұл қайталанса, мына анықтама нөмірін хабарлаңыз: { $reference }.
error-bad-value = «{ $parameter }» мәні жарамсыз.
error-detail = Толығырақ (ағылшынша):
error-unknown-parameter = «{ $parameter }» іздеу параметрі емес. Іздеудің параметрлері: { $parameters }.
error-repeated-parameter = «{ $parameter }» бірнеше рет берілген.
error-query-unreadable = Бұл іздеудің мекенжайын оқу мүмкін емес.
error-page-number = «{ $value }» бет нөмірі емес.
error-page-out-of-range = { $pages ->
        [one] Нәтижелердің тек { $pages } беті бар.
       *[other] Нәтижелердің тек { $pages } беті бар.
    }
error-new-search = Жаңа іздеу бастау
error-home = Басты бетке өту

## Refusals shared by the public and staff pages

error-forbidden-title = Рұқсат етілмейді
error-forbidden = Рөліңіз бұған рұқсат бермейді. Егер бұл сізге қажет болса, ұйымыңыздың әкімшісіне хабарласыңыз.
error-csrf = Бұл форманың мерзімі өтіп кетті немесе ол осы сайттан жіберілмеген. Артқа оралып, бетті жаңартыңыз да, қайталап көріңіз.
# uncertain (this and the next message): seal/unseal rendered as "мөрлеу"/"мөрін ашу" and trustees as "сенім білдірілген адамдар"; "іс" for a case
error-sealed-title = Сервер мөрленген
error-sealed = Сервер мөрленген: оның кілттері жадта жоқ, сондықтан бірде-бір істі оқу мүмкін емес. Қоғамдық беттер мен көмек сұраған өтініштер жұмыс істей береді. Сенім білдірілген адамдар сервердің мөрін аша алады.
error-throttled-title = Тым көп әрекет
error-throttled = { $minutes ->
    [one] Тым көп әрекет. { $minutes } минуттан кейін қайталап көріңіз.
   *[other] Тым көп әрекет. { $minutes } минуттан кейін қайталап көріңіз.
}
error-invalid-title = Мұны қабылдау мүмкін емес
error-invalid-input = Формадағы кейбір деректерді қабылдау мүмкін емес.
# uncertain (this and the next message): "бұл арада" for "meanwhile"
error-conflict-title = Бұл арада өзгертілді
error-conflict = Бұл арада мұны басқа біреу өзгертті, сондықтан қазір ештеңе өзгертілмеді. Бетті жаңартып, қайталап көріңіз.
error-too-large-title = Жіберу үшін тым ұзын
error-too-large = Жібергеніңіз бұл сервер қабылдайтын шектен ({ $kib } КБ) асып кетті, сондықтан ештеңе сақталмады. Артқа оралыңыз: браузер әдетте терген мәтініңізді сақтап қалады. Ең ұзын мәтінді қысқартып, қайта жіберіңіз.
