# Texts of the public pages in Ukrainian. The reference is locales/en/public.ftl: same ids,
# attributes and variables. Plurals: one (1, 21), few (2–4, 22), many (5–20, 25), other (1,5).
# Place names and labels come undeclined from countries.ftl and taxonomy.ftl, so sentences
# put them after a colon or in apposition ("з країни Білорусь") rather than inflect them.
# A comment line starting "uncertain:" asks a native reviewer to check the string below it.

## Shared by every page

common-brand = Torchlight
common-page-title = { $title } · Torchlight
common-skip = Перейти до змісту
common-quick-exit = Швидко піти
common-nav-label = Головне меню
common-nav-find = Знайти допомогу
common-language-switch = Мова
common-footer = Torchlight не відстежує вас, не встановлює cookie на публічних сторінках і нічого не завантажує з інших сайтів. Якщо хтось може перевірити цей пристрій, відкрийте сайт у приватному вікні або в Tor Browser.
common-region-in-country = { $region } ({ $country })
common-list-separator = ,{" "}
common-reason-separator = ;{" "}
common-format-online = онлайн
common-format-in_person = наживо
common-format-requires_travel = потрібна поїздка

## Response times ("Зазвичай відповідає за 3 дні")

time-hours = { $count ->
    [one] за { $count } годину
    [few] за { $count } години
    [many] за { $count } годин
   *[other] за { $count } години
}
time-days = { $count ->
    [one] за { $count } день
    [few] за { $count } дні
    [many] за { $count } днів
   *[other] за { $count } дня
}
time-weeks = { $count ->
    [one] за { $count } тиждень
    [few] за { $count } тижні
    [many] за { $count } тижнів
   *[other] за { $count } тижня
}

## Home page

home-title = Допомога правозахисникам, які перебувають у небезпеці
home-lead = У Torchlight — { $services ->
        [one] { $services } послуга
        [few] { $services } послуги
        [many] { $services } послуг
       *[other] { $services } послуги
    } від { $organizations ->
        [one] { $organizations } організації
        [few] { $organizations } організацій
        [many] { $organizations } організацій
       *[other] { $organizations } організації
    }, які захищають правозахисників: адвокати, лікарі, психологи, екстрені гранти, цифрова безпека, прихисток і багато іншого. Вкажіть, де ви перебуваєте і що вам потрібно.
home-by-country = Допомога за країнами
home-safety-heading = Перш ніж звертатися по допомогу
home-safety = Для кожної послуги вказано, для кого вона, як швидко зазвичай відповідають і чи потрібно кудись їхати. Зв’язуйтеся з організацією через той канал, який вона вказала. Якщо ви в небезпеці просто зараз, виберіть «{ $legal }» або «{ $medical }»: ці служби відповідають найшвидше.

## Find help: the search form

find-title = Знайти допомогу
find-form-label = Знайти допомогу
find-country-label = Де ви перебуваєте?
find-country-any = Будь-яка країна
find-countries-focus = Країни коаліції
find-countries-other = Інші країни
find-region-label = Регіон (необов’язково)
find-region-any = Уся країна
find-region-occupied = { $region } (окупована територія)
find-support-label = Що вам потрібно?
find-support-any = Будь-яка допомога
find-more = Інші фільтри
find-group-label = Ваша робота або спільнота (необов’язково)
find-group-any = Будь-які
find-language-label = Мова
find-language-any = Будь-яка мова
find-format-label = Формат
find-format-any = Будь-який формат
find-family-label = Моїй родині теж потрібна допомога
find-submit = Знайти допомогу

## Find help: the results

find-summary-any-support = Будь-яка допомога
find-summary-in-place = { $support }: { $place }
find-results-heading = { $summary }: { $count ->
        [one] { $count } послуга
        [few] { $count } послуги
        [many] { $count } послуг
       *[other] { $count } послуги
    }
find-paging-info = Показано { $first }–{ $last } із { $total }.
find-why = Чому підходить:
find-answers = Зазвичай відповідає { $time }
find-closed = зараз не приймає запитів
find-paging-label = Сторінки результатів
find-previous = Попередня сторінка
find-next = Наступна сторінка
find-no-match-heading = { $summary }: немає послуг, що відповідають усім умовам
find-nothing = У каталозі поки немає таких послуг.
find-another-search = Почати новий пошук
find-suggestions-intro = Спробуйте натомість:
find-suggestion-count = ({ $count ->
        [one] { $count } послуга
        [few] { $count } послуги
        [many] { $count } послуг
       *[other] { $count } послуги
    })

## Suggested searches when nothing matches

suggest-whole-country = Шукати по всій країні, а не в одному регіоні
suggest-any-language = Показати послуги іншими мовами
suggest-any-format = Показати послуги в інших форматах
suggest-any-group = Показати послуги, відкриті для всіх правозахисників
suggest-without-family = Показати послуги лише для самого правозахисника
suggest-international = Та сама допомога від міжнародних і регіональних організацій, що працюють у цій країні
suggest-other-support = Інші види допомоги, доступні в цій країні

## Why a service matches a search (joined into one line; the first letter is capitalised)

reason-covers = зона роботи: { $place }
reason-worldwide = міжнародна організація, допомагає в будь-якій країні
reason-exile = для правозахисників із країни { $country }, які живуть у вигнанні
reason-remote = допомагає й у віддалених та сільських районах
reason-group = група: { $group }
reason-everyone = для всіх правозахисників
reason-language = мова: { $language }
reason-family = члени родини теж можуть звернутися

## Service page

service-offered-by = Надає
service-closed = Ця служба зараз не приймає запитів. Організація може підказати, куди ще звернутися.
service-eligibility-heading = Хто може звернутися
service-answers = Зазвичай відповідає
service-how = Формат
service-travel = потрібно буде поїхати
service-family = Члени родини
service-family-yes = Теж можуть звернутися по допомогу
service-family-no = Ця послуга на них не поширюється
service-for = Для кого
service-every-defender = Для всіх правозахисників
service-languages = Мови
service-where = Де
service-coverage-worldwide = Будь-яка країна
service-coverage-country = Уся країна: { $country }
service-coverage-exile = Правозахисники з країни { $country }, які живуть у вигнанні
service-coverage-remote = Віддалені та сільські райони, а також міста
service-contact-heading = Як зв’язатися
service-website = Сайт

## Organisation page

org-works-in = Працює в країнах
org-regions = Регіони
org-languages = Мови
org-contact = Контакти
org-website = Сайт
org-services = Послуги
org-service-line = { $support }, зазвичай відповідає { $time }
org-closed = (зараз не приймає запитів)

## Error pages

error-bad-request-title = Не вдалося прочитати цей пошук
error-not-found-title = Не знайдено
error-internal-title = Щось пішло не так
error-not-found = За цією адресою нічого немає.
error-internal = У нас щось пішло не так. Якщо це повториться, повідомте код { $reference }.
error-bad-value = Неприпустиме значення параметра «{ $parameter }».
error-detail = Подробиці (англійською):
error-unknown-parameter = Параметр «{ $parameter }» не стосується пошуку. Пошук приймає: { $parameters }.
error-repeated-parameter = Параметр «{ $parameter }» вказано більше ніж один раз.
error-query-unreadable = Не вдалося прочитати адресу цього пошуку.
error-page-number = «{ $value }» — це не номер сторінки.
error-page-out-of-range = { $pages ->
        [one] Усього { $pages } сторінка результатів.
        [few] Усього { $pages } сторінки результатів.
        [many] Усього { $pages } сторінок результатів.
       *[other] Усього { $pages } сторінки результатів.
    }
error-new-search = Почати новий пошук
error-home = На головну

## Refusals shared by the public and staff pages

error-forbidden-title = Немає доступу
error-forbidden = Ваша роль не дозволяє цього зробити. Якщо вам це потрібно, зверніться до адміністратора вашої організації.
error-csrf = Термін дії цієї форми минув, або її надіслано не з цього сайту. Поверніться назад, оновіть сторінку й спробуйте ще раз.
error-sealed-title = Сервер запечатано
error-sealed = Сервер запечатано: його ключів немає в пам’яті, тому жодну справу не можна прочитати. Публічні сторінки й запити про допомогу працюють і далі. Довірені особи можуть розпечатати сервер.
error-throttled-title = Забагато спроб
error-throttled = { $minutes ->
    [one] Забагато спроб. Спробуйте знову через { $minutes } хвилину.
    [few] Забагато спроб. Спробуйте знову через { $minutes } хвилини.
    [many] Забагато спроб. Спробуйте знову через { $minutes } хвилин.
   *[other] Забагато спроб. Спробуйте знову через { $minutes } хвилини.
}
error-invalid-title = Це не вдалося прийняти
error-invalid-input = Деякі дані у формі не можна прийняти.
error-conflict-title = Уже змінено
error-conflict = Хтось інший тим часом змінив це, тому зараз нічого не змінено. Оновіть сторінку й спробуйте ще раз.
error-too-large-title = Задовго для надсилання
error-too-large = Надіслане довше, ніж приймає цей сервер ({ $kib } КБ), тому нічого не збережено. Поверніться назад: браузер зазвичай зберігає те, що ви надрукували. Скоротіть найдовший текст і надішліть знову.
