# Staff pages in Russian: signing in, cases, accounts, keys, unsealing. The reference is
# locales/en/staff.ftl: same ids, attributes and variables. Plurals: one (1, 21),
# few (2–4, 22), many (5–20, 25), other (1,5).
# Terms, as in public.ftl: "организация", "правозащитник". Case = "дело"; seal/unseal =
# "запечатать"/"распечатать"; trustees = "доверенные лица"; share = "доля ключа".
# A comment line starting "uncertain:" asks a native reviewer to check the string below it.

staff-brand = Torchlight · сотрудники
staff-nav-label = Меню сотрудников
staff-nav-home = Главная для сотрудников
staff-error-home = На главную страницу сотрудников
staff-public-directory = Открытый справочник: найти помощь, к которой направить человека
staff-nav-cases = Дела
staff-nav-users = Учётные записи
staff-nav-overview = Обзор
staff-sign-out = Выйти
staff-panic = Запечатать сервер сейчас
staff-panic-hint = При обыске или если вы подозреваете взлом: все ключи сразу удаляются из памяти. Потом доверенные лица должны будут снова распечатать сервер.

## Signing in

staff-login-title = Вход для сотрудников
staff-username = Имя пользователя
staff-password = Пароль
staff-sign-in = Войти
staff-login-hint = Для входа нужен пароль, а затем код из приложения-аутентификатора. После 5 неудачных попыток придётся подождать 15 минут.
staff-login-wrong = Неверное имя пользователя или пароль.
staff-password-title = Придумайте новый пароль
staff-password-lead = Выберите пароль, который знаете только вы. Длинную фразу из нескольких слов легче всего запомнить и труднее всего подобрать.
staff-new-password = Новый пароль
staff-new-password-hint = Не менее 12 символов.
staff-repeat-password = Повторите новый пароль
staff-save = Сохранить
staff-password-mismatch = Пароли не совпадают.
staff-password-too-short = Пароль должен содержать не менее 12 символов.
staff-password-too-long = Пароль должен содержать не более 256 символов.
staff-enrol-title = Настройте приложение-аутентификатор
staff-enrol-lead = Для доступа к данным дел нужен второй фактор. Отсканируйте этот код приложением-аутентификатором (например, Aegis, FreeOTP или Google Authenticator), затем введите 6-значный код, который оно покажет.
staff-enrol-qr = QR-код для приложения-аутентификатора
staff-enrol-manual = Или введите этот ключ в приложение вручную:
staff-enrol-link = С этого телефона? Откройте ключ в приложении-аутентификаторе
staff-enrol-confirm = Подтвердить
staff-code = Код
staff-code-wrong = Этот код недействителен. Проверьте время на телефоне и введите самый свежий код.
staff-recovery-title = Ваши резервные коды
staff-recovery-lead = Если вы потеряете телефон, каждый из этих кодов позволит один раз войти вместо 6-значного кода. Запишите их на бумаге и храните отдельно от телефона. Они показываются только сейчас.
staff-recovery-done = Коды записаны
staff-verify-title = Второй фактор
staff-verify-hint = 6-значный код из приложения-аутентификатора или один из резервных кодов.
staff-verify-confirm = Продолжить

## Staff home and account

staff-home-title = Добро пожаловать, { $name }
staff-account = Ваша учётная запись
staff-recovery-left = { $count ->
    [one] У вас остался { $count } неиспользованный резервный код.
    [few] У вас осталось { $count } неиспользованных резервных кода.
    [many] У вас осталось { $count } неиспользованных резервных кодов.
   *[other] У вас осталось { $count } неиспользованного резервного кода.
}
staff-change-password = Сменить пароль
staff-sign-out-everywhere = Выйти на всех устройствах
staff-rotate-key = Заменить ключ организации
staff-rotate-key-hint = Сделайте это, если устройство, на котором был ключ, могло попасть в чужие руки. Дела останутся доступными для чтения.
staff-rotated = Теперь организация использует ключ версии { $version }. Все ключи дел перешифрованы этим ключом, а старый ключ удалён.
staff-sealed-now = Сервер запечатан. Ни одно дело нельзя прочитать, пока доверенные лица его не распечатают. Публичные страницы и запросы о помощи продолжают работать.

## Roles

# uncertain: "кейс-менеджер" is common NGO usage; "сотрудник, ведущий дела" is plainer but long
role-caseworker = Кейс-менеджер
role-coordinator = Координатор
role-org_admin = Администратор организации
role-system_admin = Системный администратор
role-analyst = Аналитик

## Cases

staff-cases-title = Дела
staff-cases-none = Дел пока нет.
staff-case-new = Добавить дело
staff-case-name = Имя
staff-case-contact = Безопасный способ связи
staff-case-country = Страна
staff-case-urgency = Срочность
staff-case-opened = Дата открытия
staff-case-narrative = Что произошло
staff-case-save = Сохранить дело
staff-case-saved = Дело сохранено. Имя, контакт и рассказ хранятся в зашифрованном виде.
staff-case-erased = Дело удалено навсегда.
staff-back-to-cases = Все дела
staff-case-edit = Изменить дело
staff-back-to-case = Назад к делу
# "account" in the English is the account of what happened (the narrative field).
staff-case-encrypted-hint = Имя, способ связи и рассказ о случившемся шифруются перед сохранением; прочитать их может только ваша организация.
staff-choose = Выберите…
staff-form-errors = Пожалуйста, исправьте следующее:
staff-case-access = Кто открывал это дело
staff-case-erase = Удалить это дело навсегда
staff-case-erase-confirm = Я понимаю, что это дело нельзя будет восстановить, даже из резервных копий.
staff-access-lead = Каждый просмотр и каждое изменение этого дела, сначала самые новые.
staff-access-when = Когда
staff-access-who = Кто
staff-access-what = Что
staff-access-someone-else = Кто-то вне вашей организации или оператор

urgency-detained_now = Сейчас задержан(а)
urgency-threat_to_life = Угроза жизни
urgency-within_days = В ближайшие дни
urgency-not_urgent = Не срочно

## Accounts

staff-users-title = Учётные записи вашей организации
staff-display-name = Имя
staff-role = Роль
staff-status = Статус
staff-actions = Действия
staff-status-active = Активна
staff-status-pending = Вход ещё не выполнен
staff-status-disabled = Отключена
staff-user-add = Добавить учётную запись
staff-user-disable = Отключить
staff-user-enable = Включить
staff-user-reset = Сбросить пароль и второй фактор
staff-one-time-password = Одноразовый пароль для { $username }. Передайте его лично или по защищённому каналу; он показывается только сейчас. При первом входе человек выберет собственный пароль.

## Overview

staff-overview-lead = Дела по всей коалиции по странам и срочности. Числа меньше { $k } не показываются, чтобы ни одна цифра не указывала на конкретного человека.
staff-overview-count = Дела
staff-overview-fewer = меньше { $k }
staff-overview-other-countries = Все другие страны

## Unsealing

unseal-title = Распечатать сервер
unseal-not-initialized = Хранилище ключей ещё не настроено. Оператор должен выполнить на сервере команду `torchlight init`.
unseal-unsealed = Сервер распечатан.
unseal-sealed = Сервер запечатан. Введите парольную фразу, чтобы его распечатать.
unseal-shares-progress = Сервер запечатан. Введено долей: { $entered } из { $threshold }.
unseal-passphrase = Парольная фраза
unseal-share = Ваша доля ключа
unseal-submit = Распечатать
unseal-refused = Отказано. Сервер остаётся запечатанным; если уже были введены несколько долей, все доверенные лица должны ввести свои заново.
unseal-malformed = Это недействительная доля ключа. Проверьте, нет ли в ней опечаток.
unseal-busy = Сейчас проверяется другая парольная фраза. Попробуйте ещё раз через минуту.
unseal-crowded = Одновременно идёт слишком много распечатываний. Попробуйте через полчаса.

## Ключи безопасности

staff-keys-title = Ключи безопасности и ключи доступа
staff-keys-lead = Ключ безопасности (или ключ доступа на телефоне или ноутбуке) может заменить 6-значный код при входе. Приложение-аутентификатор и коды восстановления продолжают работать.
staff-keys-none = Ключей безопасности пока нет.
staff-keys-name = Название ключа
staff-keys-added = Добавлен
staff-keys-last-used = Последнее использование
staff-keys-remove = Удалить
staff-keys-add = Добавить ключ безопасности
staff-keys-added-now = Ключ добавлен.
staff-keys-failed = Ключ не ответил, или его ответ отклонён. Попробуйте ещё раз.
staff-keys-needs-script = Для добавления ключа нужен JavaScript; эта страница разрешает его только для этой цели.
staff-keys-disabled = Ключи безопасности на этом сервере недоступны: администратор должен указать его публичный адрес (webauthn_origin).
staff-verify-or-key = Или используйте ключ безопасности:
staff-verify-use-key = Использовать мой ключ безопасности

## Step-up: confirming who you are before changing how you sign in.
staff-step-up-title = Подтвердите, что это вы
staff-step-up-lead = Чтобы изменить способ входа, нужны ваш текущий пароль и новый код из приложения-аутентификатора. После этого на других устройствах вход будет завершён.
staff-current-password = Текущий пароль
staff-step-up-submit = Подтвердить
staff-step-up-refused = Пароль или код неверны.

staff-nav-requests = Новые обращения
staff-requests-title = Новые обращения
staff-requests-lead = Обращения правозащитников, которые ещё никто не взял в работу; самые срочные сверху. Задержание или угроза жизни — прежде всего остального.
staff-requests-none = Новых обращений нет.
staff-request-needs = Какая помощь нужна
staff-request-received = Получено
staff-request-anonymous = (имя не указано)
staff-case-request = Что сообщил правозащитник
staff-case-entries = Добавлено правозащитником позже
staff-entry-defender_message = Сообщение от правозащитника
staff-entry-defender_new_risk = Новый риск или потребность от правозащитника
staff-entry-staff_message = Сообщение правозащитнику
staff-fact-region = Регион
staff-fact-locality = Столица или отдалённый район
staff-fact-exile = В эмиграции
staff-fact-for-whom = Для кого
staff-fact-groups = Группы
staff-fact-risks = Риски
staff-fact-family = Члены семьи, которым нужна помощь
staff-fact-languages = Языки
staff-fact-travel = Может приехать
staff-fact-consent = Согласие на передачу
staff-fact-yes = да
staff-fact-no = нет

# The access log's actions in words (`case.view` is staff-action-case-view).
staff-action-case-access-viewed = Просмотрел(а), кто открывал это дело
staff-action-case-bound = Защищено от подделки (подписано)
staff-action-case-create = Записал(а) дело
staff-action-case-erase = Удалил(а) дело
staff-action-case-edit = Изменил(а) дело
staff-action-case-list = Открыл(а) список дел
staff-action-case-listed = Увидел(а) в списке дел
staff-action-case-status-changed = Изменил(а) статус
staff-action-case-tamper-found = Обнаружена подделка: отказано
staff-action-case-view = Открыл(а) дело
staff-action-request-create = Отправил(а) запрос
staff-action-request-message = Написал(а) сообщение
staff-action-request-new-risk = Сообщил(а) о новом риске
staff-action-request-reopened = Открыто снова из-за нового риска
staff-action-request-view = Посмотрел(а) запрос (правозащитник)
staff-action-request-withdrawn = Отозвал(а) запрос
staff-action-case-assign = Назначил(а) ответственного за дело
staff-action-case-assess = Оценил(а) риск
staff-action-case-decide = Принял(а) решение по потребности
staff-action-case-message = Написал(а) правозащитнику
staff-action-case-support = Записал(а) оказанную помощь
staff-action-case-family = Добавил(а) члена семьи
staff-action-case-follow-up = Записал(а) повторный контакт

## Работа с делом: очередь, оценка риска, решения, сообщения, помощь, семья, повторные контакты

# uncertain: "Triage" rendered as "Очередь дел"; "триаж" is known in humanitarian work but less plain
staff-nav-triage = Очередь дел
# uncertain: "follow-up" rendered as "повторный контакт" (a planned check-in with the defender)
staff-nav-follow-ups = Повторные контакты
staff-back-to-triage = Очередь дел
staff-case-status = Статус
staff-case-risk = Риск
staff-case-assignee = Кому назначено
staff-case-first-answer = Первый ответ
staff-case-follow-up = Следующий повторный контакт
staff-status-new = Новое обращение
staff-status-open = Открыто
staff-status-closed = Закрыто
staff-status-take-up = Взять в работу
staff-status-close = Закрыть дело
staff-status-reopen = Открыть дело снова
staff-assign-label = Кому назначить
staff-assign-submit = Назначить
staff-assign-me = { $name } (вы)
staff-done-assigned = Назначение сохранено.
staff-done-status = Статус изменён.
staff-done-assessed = Оценка сохранена. Срок следующего повторного контакта зависит от уровня риска.
staff-done-decided = Решение сохранено. Правозащитник увидит его вместе с причиной на странице статуса.
staff-done-message = Сообщение отправлено. Правозащитник прочитает его на странице статуса.
staff-done-support = Помощь записана.
staff-done-family = Член семьи добавлен.
staff-done-follow-up = Повторный контакт записан, следующий назначен.
staff-done-saved = Сохранено.

staff-triage-title = Очередь дел
staff-triage-lead = Все незакрытые дела, самые неотложные сверху: сначала задержание правозащитника или угроза жизни, затем самый высокий оценённый риск, затем самое долгое ожидание. Дело, риск по которому ещё не оценён, идёт после дел с известным критическим или высоким риском.
staff-triage-views = Какие дела
staff-triage-view-all = Все открытые дела
staff-triage-view-shared = Общая очередь (никто не назначен)
staff-triage-view-mine = Назначенные мне
staff-triage-open = Открытые
staff-triage-unassigned-count = Никто не назначен
staff-triage-overdue-count = Просрочено
staff-triage-target = Первый ответ в течение
staff-triage-total = Всего
staff-triage-hours = { $hours ->
    [one] { $hours } час
    [few] { $hours } часа
   *[many] { $hours } часов
}
staff-triage-none = Здесь нет дел.
staff-triage-no-names = В очереди нет имён, поэтому её просмотр не открывает ни одного дела. Чтобы прочитать дело, откройте его; это записывается в журнал.
staff-triage-case-heading = Дело
staff-triage-case = Дело …{ $id }
staff-triage-waiting = Ожидает с
staff-triage-pages = Страницы очереди
staff-triage-previous = Предыдущая страница
staff-triage-next = Следующая страница
staff-triage-unassigned = Никто (общая очередь)
staff-triage-due = Ответить до { $when }
staff-triage-overdue = Просрочено с { $when }
staff-triage-answered = Ответ дан вовремя
staff-triage-answered-late = Ответ дан с опозданием

staff-targets-title = Сроки ответа
staff-targets-lead = Как быстро ваша организация обещает дать первый ответ, в зависимости от срочности. Более срочному делу нельзя дать больше времени, чем менее срочному.
staff-targets-unit = часов
staff-targets-submit = Сохранить сроки
staff-targets-out-of-range = Каждый срок должен быть от 1 до { $most } ч.
staff-targets-out-of-order = Более срочному делу нельзя дать больше времени, чем менее срочному.

staff-risk-heading = Оценка риска
staff-risk-none = Риск ещё не оценён.
staff-risk-assess = Оценить риск
staff-risk-assess-lead = Оцените каждый фактор от 0 (нет) до 3 (высокий) по тому, что вы знаете сейчас. Уровень риска рассчитывается как угрозы × уязвимости ÷ возможности; от уровня зависит срок следующей переоценки: 7 дней при критическом, 14 при высоком, 30 при среднем, 90 при низком.
staff-risk-low = Низкий
staff-risk-medium = Средний
staff-risk-high = Высокий
staff-risk-critical = Критический
staff-risk-unassessed = Ещё не оценён
staff-risk-reasoning = Угрозы { $threats } × уязвимости { $vulnerabilities } ÷ возможности { $capacities } = { $score }.
staff-risk-strongest-threats = Самые серьёзные угрозы: { $factors }.
staff-risk-strongest-vulnerabilities = Самые большие уязвимости: { $factors }.
staff-risk-weakest-capacities = Самые слабые возможности: { $factors }.
staff-risk-threat-heading = Угрозы
staff-risk-threat-lead = Что делает причинение вреда вероятным.
staff-risk-vulnerability-heading = Уязвимости
staff-risk-vulnerability-lead = Из-за чего правозащитнику легче причинить вред.
staff-risk-capacity-heading = Возможности
staff-risk-capacity-lead = Что уже защищает правозащитника. Высокие возможности снижают риск.
staff-risk-threat-explicit = Полученные угрозы
staff-risk-threat-explicit-hint = Устно, письменно или в интернете.
staff-risk-threat-pattern = Нападения на людей в похожем положении
staff-risk-threat-pattern-hint = В последнее время — на правозащитников, занятых той же работой, из той же группы или того же места.
staff-risk-threat-source-capacity = Средства и намерения источника угрозы
staff-risk-threat-source-capacity-hint = Есть ли у государства, группы или человека средства и воля осуществить угрозы.
staff-risk-threat-escalation = Эскалация
staff-risk-threat-escalation-hint = Слежка, повестки, обыски, уже идущие разбирательства.
staff-risk-vulnerability-exposure = Заметность
staff-risk-vulnerability-exposure-hint = Человек известен, на виду и досягаем: адрес, лицо, публичная роль.
staff-risk-vulnerability-isolation = Изоляция
staff-risk-vulnerability-isolation-hint = Рядом нет коллег, сети поддержки или организации.
staff-risk-vulnerability-digital = Цифровая уязвимость
staff-risk-vulnerability-digital-hint = Устройства, аккаунты и переписка, доступные источнику угрозы.
staff-risk-vulnerability-dependants = Иждивенцы
staff-risk-vulnerability-dependants-hint = Семья или другие люди, через которых можно оказать давление.
staff-risk-vulnerability-remoteness = Удалённость
staff-risk-vulnerability-remoteness-hint = Далеко от столицы, адвокатов и помощи; или в эмиграции без документов.
staff-risk-capacity-network = Сеть поддержки
staff-risk-capacity-network-hint = Союзники, сети и организации, готовые вступиться.
staff-risk-capacity-practices = Меры безопасности
staff-risk-capacity-practices-hint = Планы, безопасная связь, безопасные места.
staff-risk-capacity-resources = Ресурсы
staff-risk-capacity-resources-hint = Доступ к адвокату, деньги, возможность уехать.
staff-risk-capacity-wellbeing = Благополучие
staff-risk-capacity-wellbeing-hint = Отдых, забота и силы продолжать.
staff-risk-score-0 = 0 нет
staff-risk-score-1 = 1 низкий
staff-risk-score-2 = 2 средний
staff-risk-score-3 = 3 высокий
staff-risk-unscored = Пожалуйста, оцените каждый фактор. Не оценены: { $factors }.
staff-risk-unscored-one = Пожалуйста, оцените этот фактор.
staff-risk-note = Ваши соображения (необязательно, хранятся в зашифрованном виде)
staff-risk-submit = Сохранить оценку

staff-decisions-heading = Решения
staff-decisions-no-needs = Правозащитник пока не указал никаких потребностей.
staff-decide = Принять решение
staff-decide-again = Изменить решение
staff-decide-any = Записать решение
staff-decision-need = Потребность
staff-decision-outcome = Решение
staff-outcome-granted = Удовлетворено
staff-outcome-refused = Отказано
staff-outcome-referred = Направлено в другую организацию
staff-decision-reason = Причина отказа
staff-decision-reason-none = (при отказе выберите причину)
staff-decision-explanation = Объяснение для правозащитника
staff-decision-explanation-hint = Обязательно при отказе. Правозащитник прочитает его на странице статуса: пишите для него, простыми словами, и никогда не называйте никого, кого это может подвергнуть риску.
staff-decision-submit = Сохранить решение
staff-person-defender = Сам(а) правозащитник

staff-messages-heading = Переписка с правозащитником
staff-messages-none = Сообщений пока нет.
staff-message-label = Написать правозащитнику
staff-message-hint = Правозащитник прочитает сообщение на странице статуса по своему кодовому имени. Оно хранится в зашифрованном виде под ключом дела.
staff-message-submit = Отправить сообщение

staff-support-heading = Оказанная помощь
staff-support-none = Оказанная помощь пока не записана.
staff-support-context = Прежняя помощь — это контекст, а не причина отказать в новой.
staff-support-add = Записать оказанную помощь
staff-support-what = Помощь
staff-support-person = Кому
staff-support-amount = Сумма
staff-support-amount-hint = Только для денежной помощи, например 1500 или 1500.50. Квитанция не нужна.
staff-support-currency = Валюта (например, KGS, GEL, EUR)
staff-support-from = С (год-месяц-день)
staff-support-to = По (необязательно)
staff-support-dates = Даты
staff-support-provider = Кем оказана
staff-support-notes = Примечания (необязательно)
staff-support-submit = Сохранить запись о помощи

staff-family-heading = Члены семьи
staff-family-none = Члены семьи не записаны.
staff-family-add = Добавить члена семьи
staff-family-name = Имя
staff-family-relation = Степень родства (например, дочь, муж)
staff-family-needs = Что нужно этому человеку (член семьи может получать помощь самостоятельно)
staff-family-submit = Добавить члена семьи

staff-follow-ups-heading = Повторные контакты
staff-follow-ups-none = Повторные контакты пока не записаны.
staff-follow-up-note = Что выяснилось при повторном контакте (необязательно)
staff-follow-up-submit = Записать повторный контакт
staff-follow-ups-title = Предстоящие повторные контакты
staff-follow-ups-lead = Дела, по которым повторный контакт нужен в течение недели, и просроченные; ближайшие сверху. Оценка риска назначает следующий контакт по уровню риска; если правозащитник сообщает о новом риске, контакт нужен сразу.
staff-follow-ups-nothing-due = На этой неделе ничего не предстоит.
staff-follow-ups-due-now = срок наступил

staff-language-label = Язык ваших рабочих страниц
staff-language-browser = Как просит мой браузер
staff-language-submit = Сохранить язык
staff-action-staff-locale = Выбрал(а) язык своих рабочих страниц
staff-action-cases-imported = Импортировано из файла
staff-action-cases-import = Импортировал(а) дела из файла

## Что выбрал правозащитник в обращении, для сотрудников
staff-choice-locality-capital = В столице или рядом
staff-choice-locality-remote = В отдалённом районе
staff-choice-for-whom-self = Сам правозащитник, для себя
staff-choice-for-whom-someone_else = Кто-то от имени правозащитника
staff-choice-stage-potential = угроза (опасается)
staff-choice-stage-materialised = уже произошло
staff-choice-affects-defender = сам правозащитник
staff-choice-affects-family = его семья
staff-choice-affects-organisation = его организация
staff-choice-onset-new = новое
staff-choice-onset-ongoing = продолжается уже какое-то время
staff-choice-consent-none = Только эта организация
staff-choice-consent-named = Можно передать только названным организациям
staff-choice-consent-coalition = Можно передать членам коалиции, которые могут помочь
