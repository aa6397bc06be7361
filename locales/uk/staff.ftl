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
