# Staff pages in Ukrainian: signing in, cases, accounts, keys, unsealing. The reference is
# locales/en/staff.ftl: same ids, attributes and variables. Plurals: one (1, 21),
# few (2–4, 22), many (5–20, 25), other (1,5).
# Terms, as in public.ftl: "організація", "правозахисник". Case = "справа"; seal/unseal =
# "запечатати"/"розпечатати"; trustees = "довірені особи"; share = "частка ключа".
# A comment line starting "uncertain:" asks a native reviewer to check the string below it.

staff-brand = Torchlight · працівники
staff-nav-label = Меню працівників
staff-nav-home = Головна для працівників
staff-error-home = На головну сторінку працівників
staff-public-directory = Відкритий довідник: знайти допомогу, до якої скерувати людину
staff-nav-cases = Справи
staff-nav-users = Облікові записи
staff-nav-overview = Огляд
staff-sign-out = Вийти
staff-panic = Запечатати сервер зараз
staff-panic-hint = Під час обшуку або якщо ви підозрюєте злам: усі ключі одразу видаляються з пам’яті. Потім довірені особи мають знову розпечатати сервер.

## Signing in

staff-login-title = Вхід для працівників
staff-username = Ім’я користувача
staff-password = Пароль
staff-sign-in = Увійти
staff-login-hint = Для входу потрібен пароль, а потім код із застосунку-автентифікатора. Після 5 невдалих спроб доведеться зачекати 15 хвилин.
staff-login-wrong = Неправильне ім’я користувача або пароль.
staff-password-title = Придумайте новий пароль
staff-password-lead = Виберіть пароль, який знаєте лише ви. Довгу фразу з кількох слів найлегше запам’ятати й найважче вгадати.
staff-new-password = Новий пароль
staff-new-password-hint = Щонайменше 12 символів.
staff-repeat-password = Повторіть новий пароль
staff-save = Зберегти
staff-password-mismatch = Паролі не збігаються.
staff-password-too-short = Пароль має містити щонайменше 12 символів.
staff-password-too-long = Пароль має містити не більше ніж 256 символів.
staff-enrol-title = Налаштуйте застосунок-автентифікатор
staff-enrol-lead = Для доступу до даних справ потрібен другий фактор. Відскануйте цей код застосунком-автентифікатором (наприклад, Aegis, FreeOTP або Google Authenticator), потім введіть 6-значний код, який він покаже.
staff-enrol-qr = QR-код для застосунку-автентифікатора
staff-enrol-manual = Або введіть цей ключ у застосунок вручну:
staff-enrol-link = З цього телефона? Відкрийте ключ у застосунку-автентифікаторі
staff-enrol-confirm = Підтвердити
staff-code = Код
staff-code-wrong = Цей код недійсний. Перевірте час на телефоні й введіть найновіший код.
staff-recovery-title = Ваші резервні коди
staff-recovery-lead = Якщо ви втратите телефон, кожен із цих кодів дасть змогу один раз увійти замість 6-значного коду. Запишіть їх на папері й зберігайте окремо від телефону. Їх показано лише зараз.
staff-recovery-done = Коди записано
staff-verify-title = Другий фактор
staff-verify-hint = 6-значний код із застосунку-автентифікатора або один із резервних кодів.
staff-verify-confirm = Продовжити

## Staff home and account

staff-home-title = Вітаємо, { $name }
staff-account = Ваш обліковий запис
staff-recovery-left = { $count ->
    [one] У вас залишився { $count } невикористаний резервний код.
    [few] У вас залишилося { $count } невикористані резервні коди.
    [many] У вас залишилося { $count } невикористаних резервних кодів.
   *[other] У вас залишилося { $count } невикористаного резервного коду.
}
staff-change-password = Змінити пароль
staff-sign-out-everywhere = Вийти на всіх пристроях
staff-rotate-key = Замінити ключ організації
staff-rotate-key-hint = Зробіть це, якщо пристрій, на якому був ключ, міг потрапити в чужі руки. Справи залишаться доступними для читання.
staff-rotated = Тепер організація використовує ключ версії { $version }. Усі ключі справ перешифровано цим ключем, а старий ключ видалено.
staff-sealed-now = Сервер запечатано. Жодну справу не можна прочитати, доки довірені особи його не розпечатають. Публічні сторінки й запити про допомогу працюють і далі.

## Roles

# uncertain: "кейс-менеджер" is common NGO usage; "працівник, який веде справи" is plainer but long
role-caseworker = Кейс-менеджер
role-coordinator = Координатор
role-org_admin = Адміністратор організації
role-system_admin = Системний адміністратор
role-analyst = Аналітик

## Cases

staff-cases-title = Справи
staff-cases-none = Справ поки немає.
staff-case-new = Додати справу
staff-case-name = Ім’я
staff-case-contact = Безпечний спосіб зв’язку
staff-case-country = Країна
staff-case-urgency = Терміновість
staff-case-opened = Дата відкриття
staff-case-narrative = Що сталося
staff-case-save = Зберегти справу
staff-case-saved = Справу збережено. Ім’я, контакт і розповідь зберігаються зашифрованими.
staff-case-erased = Справу видалено назавжди.
staff-back-to-cases = Усі справи
staff-case-edit = Змінити справу
staff-back-to-case = Назад до справи
# "account" in the English is the account of what happened (the narrative field).
staff-case-encrypted-hint = Ім’я, спосіб зв’язку й розповідь про те, що сталося, шифруються перед збереженням; прочитати їх може лише ваша організація.
staff-choose = Виберіть…
staff-form-errors = Будь ласка, виправте таке:
staff-case-access = Хто переглядав цю справу
staff-case-erase = Видалити цю справу назавжди
staff-case-erase-confirm = Я розумію, що цю справу не можна буде відновити навіть із резервних копій.
staff-access-lead = Кожен перегляд і кожна зміна цієї справи, спочатку найновіші.
staff-access-when = Коли
staff-access-who = Хто
staff-access-what = Що
staff-access-someone-else = Хтось поза вашою організацією або оператор

urgency-detained_now = Зараз затримано
urgency-threat_to_life = Загроза життю
urgency-within_days = Протягом кількох днів
urgency-not_urgent = Не терміново

## Accounts

staff-users-title = Облікові записи вашої організації
staff-display-name = Ім’я
staff-role = Роль
staff-status = Статус
staff-actions = Дії
staff-status-active = Активний
staff-status-pending = Входу ще не було
staff-status-disabled = Вимкнений
staff-user-add = Додати обліковий запис
staff-user-disable = Вимкнути
staff-user-enable = Увімкнути
staff-user-reset = Скинути пароль і другий фактор
staff-one-time-password = Одноразовий пароль для { $username }. Передайте його особисто або захищеним каналом; його показано лише зараз. Під час першого входу людина вибере власний пароль.

## Overview

staff-overview-lead = Справи в усій коаліції за країнами й терміновістю. Числа, менші за { $k }, не показано, щоб жодне число не вказувало на конкретну людину.
staff-overview-count = Справи
staff-overview-fewer = менше ніж { $k }
staff-overview-other-countries = Усі інші країни

## Unsealing

unseal-title = Розпечатати сервер
unseal-not-initialized = Сховище ключів ще не налаштоване. Оператор має виконати на сервері команду `torchlight init`.
unseal-unsealed = Сервер розпечатано.
unseal-sealed = Сервер запечатано. Введіть парольну фразу, щоб його розпечатати.
unseal-shares-progress = Сервер запечатано. Введено часток: { $entered } з { $threshold }.
unseal-passphrase = Парольна фраза
unseal-share = Ваша частка ключа
unseal-submit = Розпечатати
unseal-refused = Відмовлено. Сервер залишається запечатаним; якщо було введено кілька часток, усі довірені особи мають ввести свої ще раз.
unseal-malformed = Це недійсна частка ключа. Перевірте, чи немає в ній помилок.
unseal-busy = Зараз перевіряється інша парольна фраза. Спробуйте ще раз за хвилину.
unseal-crowded = Одночасно триває забагато розпечатувань. Спробуйте за пів години.

## Ключі безпеки

staff-keys-title = Ключі безпеки та ключі доступу
staff-keys-lead = Ключ безпеки (або ключ доступу на телефоні чи ноутбуці) може замінити 6-значний код під час входу. Застосунок-автентифікатор і коди відновлення й далі працюють.
staff-keys-none = Ключів безпеки ще немає.
staff-keys-name = Назва ключа
staff-keys-added = Додано
staff-keys-last-used = Востаннє використано
staff-keys-remove = Видалити
staff-keys-add = Додати ключ безпеки
staff-keys-added-now = Ключ додано.
staff-keys-failed = Ключ не відповів, або його відповідь відхилено. Спробуйте ще раз.
staff-keys-needs-script = Щоб додати ключ, потрібен JavaScript; ця сторінка дозволяє його лише для цього.
staff-keys-disabled = Ключі безпеки на цьому сервері недоступні: адміністратор має вказати його публічну адресу (webauthn_origin).
staff-verify-or-key = Або скористайтеся ключем безпеки:
staff-verify-use-key = Використати мій ключ безпеки

## Step-up: confirming who you are before changing how you sign in.
staff-step-up-title = Підтвердьте, що це ви
staff-step-up-lead = Щоб змінити спосіб входу, потрібні ваш поточний пароль і новий код із застосунку-автентифікатора. Після цього на інших пристроях вхід буде завершено.
staff-current-password = Поточний пароль
staff-step-up-submit = Підтвердити
staff-step-up-refused = Пароль або код неправильні.

staff-nav-requests = Нові звернення
staff-requests-title = Нові звернення
staff-requests-lead = Звернення правозахисників, які ще ніхто не взяв у роботу; найтерміновіші зверху. Затримання чи загроза життю — передусім.
staff-requests-none = Нових звернень немає.
staff-request-needs = Яка допомога потрібна
staff-request-received = Отримано
staff-request-anonymous = (ім'я не вказано)
staff-case-request = Що повідомив правозахисник
staff-case-entries = Додано правозахисником пізніше
staff-entry-defender_message = Повідомлення від правозахисника
staff-entry-defender_new_risk = Новий ризик або потреба від правозахисника
staff-entry-staff_message = Повідомлення правозахисникові
staff-fact-region = Регіон
staff-fact-locality = Столиця чи віддалений район
staff-fact-exile = В еміграції
staff-fact-for-whom = Для кого
staff-fact-groups = Групи
staff-fact-risks = Ризики
staff-fact-family = Члени родини, яким потрібна допомога
staff-fact-languages = Мови
staff-fact-travel = Може приїхати
staff-fact-consent = Згода на передання
staff-fact-yes = так
staff-fact-no = ні

# The access log's actions in words (`case.view` is staff-action-case-view).
staff-action-case-access-viewed = Переглянув(-ла), хто відкривав цю справу
staff-action-case-bound = Захищено від підробки (підписано)
staff-action-case-create = Записав(-ла) справу
staff-action-case-erase = Видалив(-ла) справу
staff-action-case-edit = Змінив(-ла) справу
staff-action-case-list = Відкрив(-ла) список справ
staff-action-case-listed = Побачив(-ла) у списку справ
staff-action-case-status-changed = Змінив(-ла) статус
staff-action-case-tamper-found = Виявлено підробку: відмовлено
staff-action-case-view = Відкрив(-ла) справу
staff-action-request-create = Надіслав(-ла) запит
staff-action-request-message = Написав(-ла) повідомлення
staff-action-request-new-risk = Повідомив(-ла) про новий ризик
staff-action-request-reopened = Відкрито знову через новий ризик
staff-action-request-view = Переглянув(-ла) запит (правозахисник)
staff-action-request-withdrawn = Відкликав(-ла) запит
staff-action-case-assign = Доручив(-ла) справу
staff-action-case-assess = Оцінив(-ла) ризик
staff-action-case-decide = Ухвалив(-ла) рішення щодо потреби
staff-action-case-message = Написав(-ла) правозахисникові
staff-action-case-support = Записав(-ла) надану допомогу
staff-action-case-family = Додав(-ла) члена родини
# uncertain: "follow-up" is rendered as "перевірка стану" throughout; "повторний контакт" is an alternative
staff-action-case-follow-up = Записав(-ла) перевірку стану

## Робота зі справою: черга, оцінка ризику, рішення, повідомлення, допомога, родина, перевірки стану

staff-nav-triage = Черга справ
staff-nav-follow-ups = Перевірки стану
staff-back-to-triage = Черга справ
staff-case-status = Статус
staff-case-risk = Ризик
staff-case-assignee = Відповідальна особа
staff-case-first-answer = Перша відповідь
staff-case-follow-up = Наступна перевірка стану
staff-status-new = Новий запит
staff-status-open = Відкрита
staff-status-closed = Закрита
staff-status-take-up = Взяти в роботу
staff-status-close = Закрити справу
staff-status-reopen = Відкрити справу знову
staff-assign-label = Кому доручити
staff-assign-submit = Доручити
staff-assign-me = { $name } (ви)
staff-done-assigned = Призначення збережено.
staff-done-status = Статус змінено.
staff-done-assessed = Оцінку збережено. Наступну перевірку стану призначено відповідно до рівня ризику.
staff-done-decided = Рішення збережено. Правозахисник бачить його разом із причиною на сторінці статусу.
staff-done-message = Повідомлення надіслано. Правозахисник прочитає його на сторінці статусу.
staff-done-support = Надану допомогу записано.
staff-done-family = Члена родини додано.
staff-done-follow-up = Перевірку стану записано, наступну заплановано.
staff-done-saved = Збережено.

staff-triage-title = Черга справ
staff-triage-lead = Усі незакриті справи, найнагальніші зверху: спершу затриманий правозахисник або загроза життю, потім найвищий оцінений ризик, потім найдовше очікування. Справа, ризик якої ще не оцінено, іде після справ із відомим критичним або високим ризиком.
staff-triage-views = Які справи
staff-triage-view-all = Усі відкриті справи
staff-triage-view-shared = Спільна черга (нікому не доручено)
staff-triage-view-mine = Доручені мені
staff-triage-open = Відкриті
staff-triage-unassigned-count = Нікому не доручено
staff-triage-overdue-count = Прострочено
staff-triage-target = Перша відповідь протягом
staff-triage-total = Усього
staff-triage-hours = { $hours ->
    [one] { $hours } година
    [few] { $hours } години
   *[many] { $hours } годин
}
staff-triage-none = Тут немає жодної справи.
staff-triage-no-names = У черзі не показано імен, тож її перегляд не відкриває жодної справи. Щоб прочитати справу, відкрийте її; це буде записано.
staff-triage-case-heading = Справа
staff-triage-case = Справа …{ $id }
staff-triage-waiting = Очікує з
staff-triage-pages = Сторінки черги
staff-triage-previous = Попередня сторінка
staff-triage-next = Наступна сторінка
staff-triage-unassigned = Ніхто (спільна черга)
staff-triage-due = Строк: до { $when }
staff-triage-overdue = Прострочено з { $when }
staff-triage-answered = Відповідь надано вчасно
staff-triage-answered-late = Відповідь надано із запізненням

staff-targets-title = Строки відповіді
staff-targets-lead = Як швидко ваша організація обіцяє дати першу відповідь залежно від терміновості. Для терміновішої справи не можна встановити довший строк, ніж для менш термінової.
staff-targets-unit = годин
staff-targets-submit = Зберегти строки
staff-targets-out-of-range = Кожен строк має бути від 1 до { $most } годин.
staff-targets-out-of-order = Для терміновішої справи не можна встановити довший строк, ніж для менш термінової.

staff-risk-heading = Оцінка ризику
staff-risk-none = Ще не оцінено.
staff-risk-assess = Оцінити ризик
staff-risk-assess-lead = Оцініть кожен чинник від 0 (немає) до 3 (високий) з огляду на те, що ви знаєте зараз. Рівень визначається як загрози × вразливості ÷ спроможності; від рівня залежить строк наступної переоцінки: 7 днів для критичного, 14 для високого, 30 для середнього, 90 для низького.
staff-risk-low = Низький
staff-risk-medium = Середній
staff-risk-high = Високий
staff-risk-critical = Критичний
staff-risk-unassessed = Ще не оцінено
staff-risk-reasoning = Загрози { $threats } × вразливості { $vulnerabilities } ÷ спроможності { $capacities } = { $score }.
staff-risk-strongest-threats = Найсильніші загрози: { $factors }.
staff-risk-strongest-vulnerabilities = Найбільші вразливості: { $factors }.
staff-risk-weakest-capacities = Найслабші спроможності: { $factors }.
staff-risk-threat-heading = Загрози
staff-risk-threat-lead = Що підвищує ймовірність шкоди.
staff-risk-vulnerability-heading = Вразливості
staff-risk-vulnerability-lead = Через що правозахисникові легше завдати шкоди.
staff-risk-capacity-heading = Спроможності
staff-risk-capacity-lead = Що вже захищає правозахисника. Високі спроможності знижують ризик.
staff-risk-threat-explicit = Отримані погрози
staff-risk-threat-explicit-hint = Усно, письмово або онлайн.
staff-risk-threat-pattern = Напади на людей у схожому становищі
staff-risk-threat-pattern-hint = Останнім часом — на правозахисників із тієї самої сфери роботи, групи чи місцевості.
staff-risk-threat-source-capacity = Засоби й намір джерела загрози
staff-risk-threat-source-capacity-hint = Наскільки держава, група чи особа здатна й налаштована здійснити погрози.
staff-risk-threat-escalation = Загострення
staff-risk-threat-escalation-hint = Стеження, повістки, обшуки, провадження, що вже тривають.
staff-risk-vulnerability-exposure = Помітність
staff-risk-vulnerability-exposure-hint = Людину знають, бачать і можуть знайти: адреса, обличчя, публічна роль.
staff-risk-vulnerability-isolation = Ізоляція
staff-risk-vulnerability-isolation-hint = Поруч немає колег, мережі підтримки чи організації.
staff-risk-vulnerability-digital = Цифрова вразливість
staff-risk-vulnerability-digital-hint = Пристрої, облікові записи й повідомлення, до яких джерело загрози може дістатися.
staff-risk-vulnerability-dependants = Близькі та утриманці
staff-risk-vulnerability-dependants-hint = Родина чи інші люди, через яких на людину можуть тиснути.
staff-risk-vulnerability-remoteness = Віддаленість
staff-risk-vulnerability-remoteness-hint = Далеко від столиці, адвокатів і допомоги; або в еміграції без документів.
staff-risk-capacity-network = Мережа підтримки
staff-risk-capacity-network-hint = Союзники, мережі й організації, які стануть на захист цієї людини.
staff-risk-capacity-practices = Практики безпеки
staff-risk-capacity-practices-hint = Плани, безпечний зв’язок, безпечні місця.
staff-risk-capacity-resources = Ресурси
staff-risk-capacity-resources-hint = Доступ до адвоката, гроші, можливість виїхати.
staff-risk-capacity-wellbeing = Благополуччя
staff-risk-capacity-wellbeing-hint = Відпочинок, турбота й сили продовжувати.
staff-risk-score-0 = 0 немає
staff-risk-score-1 = 1 низький
staff-risk-score-2 = 2 середній
staff-risk-score-3 = 3 високий
staff-risk-unscored = Будь ласка, оцініть кожен чинник. Не оцінено: { $factors }.
staff-risk-unscored-one = Будь ласка, оцініть цей чинник.
staff-risk-note = Ваші міркування (необов’язково, зберігаються зашифрованими)
staff-risk-submit = Зберегти оцінку

staff-decisions-heading = Рішення
staff-decisions-no-needs = Правозахисник ще не вказав жодної потреби.
staff-decide = Ухвалити рішення
staff-decide-again = Змінити рішення
staff-decide-any = Записати рішення
staff-decision-need = Потреба
staff-decision-outcome = Рішення
staff-outcome-granted = Задоволено
staff-outcome-refused = Відмовлено
staff-outcome-referred = Скеровано до іншої організації
staff-decision-reason = Причина відмови
staff-decision-reason-none = (виберіть причину, якщо відмовляєте)
staff-decision-explanation = Пояснення для правозахисника
staff-decision-explanation-hint = Обов’язкове в разі відмови. Правозахисник прочитає його на сторінці статусу: пишіть для нього, простими словами, і ніколи не називайте нікого, кого це може наразити на небезпеку.
staff-decision-submit = Зберегти рішення
staff-person-defender = Правозахисник

staff-messages-heading = Листування з правозахисником
staff-messages-none = Повідомлень поки немає.
staff-message-label = Написати правозахисникові
staff-message-hint = Правозахисник прочитає його на сторінці статусу за своїм кодовим ім’ям. Повідомлення зберігається зашифрованим ключем справи.
staff-message-submit = Надіслати повідомлення

staff-support-heading = Надана допомога
staff-support-none = Наданої допомоги ще не записано.
staff-support-context = Попередня допомога — це контекст, а не причина відмовити в новій.
staff-support-add = Записати надану допомогу
staff-support-what = Допомога
staff-support-person = Для кого
staff-support-amount = Сума
staff-support-amount-hint = Лише для грошової допомоги, наприклад 1500 або 1500.50. Квитанція не потрібна.
staff-support-currency = Валюта (наприклад, KGS, GEL, EUR)
staff-support-from = З (рік-місяць-день)
staff-support-to = До (необов’язково)
staff-support-dates = Дати
staff-support-provider = Хто надав
staff-support-notes = Примітки (необов’язково)
staff-support-submit = Зберегти запис про допомогу

staff-family-heading = Члени родини
staff-family-none = Членів родини не записано.
staff-family-add = Додати члена родини
staff-family-name = Ім’я
staff-family-relation = Ким доводиться (наприклад, донька, чоловік)
staff-family-needs = Що потрібно цій людині (вона може отримати допомогу й окремо)
staff-family-submit = Додати члена родини

staff-follow-ups-heading = Перевірки стану
staff-follow-ups-none = Перевірок стану ще не записано.
staff-follow-up-note = Що показала перевірка стану (необов’язково)
staff-follow-up-submit = Записати перевірку стану
staff-follow-ups-title = Заплановані перевірки стану
staff-follow-ups-lead = Справи, у яких перевірка стану має відбутися протягом тижня, а також прострочені; найближчі зверху. Оцінка ризику призначає наступну перевірку відповідно до свого рівня; якщо правозахисник повідомляє про новий ризик, перевірка потрібна негайно.
staff-follow-ups-nothing-due = Цього тижня нічого не заплановано.
staff-follow-ups-due-now = строк настав

staff-language-label = Мова ваших робочих сторінок
staff-language-browser = Як просить мій браузер
staff-language-submit = Зберегти мову
staff-action-staff-locale = Обрав(-ла) мову своїх робочих сторінок
staff-action-cases-imported = Імпортовано з файлу
staff-action-cases-import = Імпортував(-ла) справи з файлу

## Що обрав правозахисник у запиті, для працівників
staff-choice-locality-capital = У столиці або поруч
staff-choice-locality-remote = У віддаленому районі
staff-choice-for-whom-self = Сам правозахисник, для себе
staff-choice-for-whom-someone_else = Хтось від імені правозахисника
staff-choice-stage-potential = загроза (побоюється)
staff-choice-stage-materialised = уже сталося
staff-choice-affects-defender = сам правозахисник
staff-choice-affects-family = його родина
staff-choice-affects-organisation = його організація
staff-choice-onset-new = нове
staff-choice-onset-ongoing = триває вже деякий час
staff-choice-consent-none = Лише ця організація
staff-choice-consent-named = Можна передати лише названим організаціям
staff-choice-consent-coalition = Можна передати членам коаліції, які можуть допомогти
