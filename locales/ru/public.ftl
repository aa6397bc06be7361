# Texts of the public pages in Russian. The reference is locales/en/public.ftl: same ids,
# attributes and variables. Plurals: one (1, 21), few (2–4, 22), many (5–20, 25), other (1,5).
# Place names and labels come undeclined from countries.ftl and taxonomy.ftl, so sentences
# put them after a colon or in apposition ("из страны Беларусь") rather than inflect them.
# A comment line starting "uncertain:" asks a native reviewer to check the string below it.

## Shared by every page

common-brand = Torchlight
common-page-title = { $title } · Torchlight
common-skip = Перейти к содержанию
common-quick-exit = Быстро уйти
common-nav-label = Главное меню
common-nav-find = Найти помощь
common-language-switch = Язык
common-footer = Torchlight не отслеживает вас, не ставит cookie на публичных страницах и ничего не загружает с других сайтов. Если кто-то может проверить это устройство, откройте сайт в приватном окне или в Tor Browser.
common-region-in-country = { $region } ({ $country })
common-list-separator = ,{" "}
common-reason-separator = ;{" "}
common-format-online = онлайн
common-format-in_person = очно
common-format-requires_travel = нужна поездка

## Response times ("Обычно отвечает за 3 дня")

time-hours = { $count ->
    [one] за { $count } час
    [few] за { $count } часа
    [many] за { $count } часов
   *[other] за { $count } часа
}
time-days = { $count ->
    [one] за { $count } день
    [few] за { $count } дня
    [many] за { $count } дней
   *[other] за { $count } дня
}
time-weeks = { $count ->
    [one] за { $count } неделю
    [few] за { $count } недели
    [many] за { $count } недель
   *[other] за { $count } недели
}

## Home page

home-title = Помощь правозащитникам в опасности
home-lead = В Torchlight — { $services ->
        [one] { $services } услуга
        [few] { $services } услуги
        [many] { $services } услуг
       *[other] { $services } услуги
    } от { $organizations ->
        [one] { $organizations } организации
        [few] { $organizations } организаций
        [many] { $organizations } организаций
       *[other] { $organizations } организации
    }, которые защищают правозащитников: адвокаты, врачи, психологи, экстренные гранты, цифровая безопасность, убежище и многое другое. Укажите, где вы находитесь и что вам нужно.
home-by-country = Помощь по странам
home-safety-heading = Прежде чем просить о помощи
home-safety = У каждой услуги указано, для кого она, как быстро обычно отвечают и нужно ли куда-то ехать. Связывайтесь с организацией по тому каналу, который она указала. Если вы в опасности прямо сейчас, выберите «{ $legal }» или «{ $medical }»: эти службы отвечают быстрее всего.

## Find help: the search form

find-title = Найти помощь
find-form-label = Найти помощь
find-country-label = Где вы находитесь?
find-country-any = Любая страна
find-countries-focus = Страны коалиции
find-countries-other = Другие страны
find-region-label = Регион (необязательно)
find-region-any = Вся страна
find-region-occupied = { $region } (оккупированная территория)
find-support-label = Что вам нужно?
find-support-any = Любая помощь
find-more = Другие фильтры
find-group-label = Ваша работа или сообщество (необязательно)
find-group-any = Любые
find-language-label = Язык
find-language-any = Любой язык
find-format-label = Формат
find-format-any = Любой формат
find-family-label = Моей семье тоже нужна помощь
find-submit = Найти помощь

## Find help: the results

find-summary-any-support = Любая помощь
find-summary-in-place = { $support }: { $place }
find-results-heading = { $summary }: { $count ->
        [one] { $count } услуга
        [few] { $count } услуги
        [many] { $count } услуг
       *[other] { $count } услуги
    }
find-paging-info = Показаны { $first }–{ $last } из { $total }.
find-why = Почему подходит:
find-answers = Обычно отвечает { $time }
find-closed = сейчас не принимает запросы
find-paging-label = Страницы результатов
find-previous = Предыдущая страница
find-next = Следующая страница
find-no-match-heading = { $summary }: нет услуг, подходящих под все условия
find-nothing = В каталоге пока нет таких услуг.
find-another-search = Начать новый поиск
find-suggestions-intro = Попробуйте вместо этого:
find-suggestion-count = ({ $count ->
        [one] { $count } услуга
        [few] { $count } услуги
        [many] { $count } услуг
       *[other] { $count } услуги
    })

## Suggested searches when nothing matches

suggest-whole-country = Искать по всей стране, а не в одном регионе
suggest-any-language = Показать услуги на других языках
suggest-any-format = Показать услуги в других форматах
suggest-any-group = Показать услуги, открытые для всех правозащитников
suggest-without-family = Показать услуги только для самого правозащитника
suggest-international = Та же помощь от международных и региональных организаций, работающих в этой стране
suggest-other-support = Другие виды помощи, доступные в этой стране

## Why a service matches a search (joined into one line; the first letter is capitalised)

reason-covers = зона работы: { $place }
reason-worldwide = международная организация, помогает в любой стране
reason-exile = для правозащитников из страны { $country }, живущих в изгнании
reason-remote = помогает и в отдалённых и сельских районах
reason-group = группа: { $group }
reason-everyone = для всех правозащитников
reason-language = язык: { $language }
reason-family = члены семьи тоже могут обратиться

## Service page

service-offered-by = Предоставляет
service-closed = Эта служба сейчас не принимает запросы. Организация может подсказать, куда ещё обратиться.
service-eligibility-heading = Кто может обратиться
service-answers = Обычно отвечает
service-how = Формат
service-travel = нужно будет поехать
service-family = Члены семьи
service-family-yes = Тоже могут обратиться за помощью
service-family-no = Эта услуга на них не распространяется
service-for = Для кого
service-every-defender = Для всех правозащитников
service-languages = Языки
service-where = Где
service-coverage-worldwide = Любая страна
service-coverage-country = Вся страна: { $country }
service-coverage-exile = Правозащитники из страны { $country }, живущие в изгнании
service-coverage-remote = Отдалённые и сельские районы, а также города
service-contact-heading = Как связаться
service-website = Сайт

## Organisation page

org-works-in = Работает в странах
org-regions = Регионы
org-languages = Языки
org-contact = Контакты
org-website = Сайт
org-services = Услуги
org-service-line = { $support }, обычно отвечает { $time }
org-closed = (сейчас не принимает запросы)

## Error pages

error-bad-request-title = Не удалось прочитать этот поиск
error-not-found-title = Не найдено
error-internal-title = Что-то пошло не так
error-not-found = По этому адресу ничего нет.
error-internal = У нас что-то пошло не так. Если это повторится, сообщите код { $reference }.
error-bad-value = Недопустимое значение параметра «{ $parameter }».
error-detail = Подробности (на английском):
error-unknown-parameter = Параметр «{ $parameter }» не относится к поиску. Поиск принимает: { $parameters }.
error-repeated-parameter = Параметр «{ $parameter }» указан больше одного раза.
error-query-unreadable = Не удалось прочитать адрес этого поиска.
error-page-number = «{ $value }» — это не номер страницы.
error-page-out-of-range = { $pages ->
        [one] Всего { $pages } страница результатов.
        [few] Всего { $pages } страницы результатов.
        [many] Всего { $pages } страниц результатов.
       *[other] Всего { $pages } страницы результатов.
    }
error-new-search = Начать новый поиск
error-home = На главную

## Refusals shared by the public and staff pages

error-forbidden-title = Нет доступа
error-forbidden = Ваша роль не позволяет это сделать. Если вам это нужно, обратитесь к администратору вашей организации.
error-csrf = Срок действия этой формы истёк, или она отправлена не с этого сайта. Вернитесь назад, обновите страницу и попробуйте ещё раз.
error-sealed-title = Сервер запечатан
error-sealed = Сервер запечатан: его ключей нет в памяти, поэтому ни одно дело нельзя прочитать. Публичные страницы и запросы о помощи продолжают работать. Доверенные лица могут распечатать сервер.
error-throttled-title = Слишком много попыток
error-throttled = { $minutes ->
    [one] Слишком много попыток. Попробуйте снова через { $minutes } минуту.
    [few] Слишком много попыток. Попробуйте снова через { $minutes } минуты.
    [many] Слишком много попыток. Попробуйте снова через { $minutes } минут.
   *[other] Слишком много попыток. Попробуйте снова через { $minutes } минуты.
}
error-invalid-title = Это не удалось принять
error-invalid-input = Некоторые данные в форме не могут быть приняты.
error-conflict-title = Уже изменено
error-conflict = Кто-то другой тем временем изменил это, поэтому сейчас ничего не изменено. Обновите страницу и попробуйте ещё раз.
error-too-large-title = Слишком длинно для отправки
error-too-large = Отправленное длиннее, чем принимает этот сервер ({ $kib } КБ), поэтому ничего не сохранено. Вернитесь назад: браузер обычно сохраняет то, что вы напечатали. Сократите самый длинный текст и отправьте снова.
