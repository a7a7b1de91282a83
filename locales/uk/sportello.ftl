# Sportello – інтерфейс термінала (кіоску). Українська.

app-title = Sportello
app-subtitle = Запис на прийом та інформація для іноземних громадян
choose-language = Виберіть мову
home-question = Що ви хочете зробити?

tile-book = Записатися на прийом
tile-book-hint = Квестура (Questura), Префектура (Prefettura), Єдине вікно з питань імміграції (Sportello Unico)
tile-faq = Питання та відповіді
tile-faq-hint = Документи, посвідка на проживання, сім'я, робота
tile-map = Карта послуг
tile-map-hint = Здоров'я, житло, робота, школа, курси італійської мови
back = Назад

status-connecting = Підключення…
status-online = У мережі
status-offline = Немає мережі
status-updated = Дані оновлено: { $when }
status-never = Дані ще не завантажено

staff-panel = Для персоналу
kiosk-id = Термінал { $id }
kiosk-not-enrolled = Термінал ще не зареєстровано: введіть код активації.
kiosk-refused = Сервер більше не приймає цей термінал: зверніться до адміністратора.
outbox-pending = Операції чекають на надсилання
outbox-failed = Невдалі операції (останні 24 години)
leases-free = Місця для запису без мережі
leases-used = Записи без мережі, чекають на надсилання
outbox-failures-title = Невдалі операції
write-kind-hold = Місце закріплено для запису
write-kind-confirm = Підтвердження запису
write-kind-release = Закріплене місце звільнено
write-kind-cancel = Скасування
write-kind-reschedule = Перенесення прийому
write-kind-check-in = Прихід до віконця
write-kind-offline-booking = Запис без мережі
write-kind-other = Операція
failure-refused = Відхилено сервером ({ $code }).
failure-on-the-way = Заблоковано до сервера (помилка { $status }): перевірте мережу або проксі.
failure-not-answered = Не надіслано вчасно: зв'язку не було надто довго.
failure-kiosk-refused = Сервер більше не приймає цей термінал.
close = Закрити

book-title = Записатися на прийом
wizard-what = Що вам потрібно?
wizard-search = Знайти послугу
category-stay-permit = Посвідка на проживання (permesso di soggiorno)
category-family = Сім'я
category-work = Робота
category-citizenship = Громадянство
category-protection = Міжнародний захист
category-integration = Інтеграція
wizard-bring = Що взяти з собою
wizard-bring-hint = Позначте документи, які у вас уже є. Можна продовжити і без них: у талоні буде список усіх документів.
wizard-next = Далі
wizard-when = Коли і де
wizard-no-slots = Зараз немає вільних місць для цієї послуги. Спробуйте пізніше або запитайте у віконці вашого муніципалітету (Comune).
wizard-hold-left = Місце закріплене за вами ще { $time }
wizard-who = Хто прийде на прийом
wizard-latin-hint = Напишіть ім'я та прізвище як у документі, латинськими літерами.
person-given-names = Ім'я
person-surname = Прізвище
person-date-of-birth = Дата народження
person-nationality = Громадянство
person-nationality-search = Знайдіть країну (пишіть своєю мовою)
person-document = Документ
person-document-number = Номер документа
person-phone = Телефон (не обов'язково)
document-passport = Паспорт
document-residence-permit = Посвідка на проживання (permesso di soggiorno)
document-codice-fiscale = Податковий код (codice fiscale)
field-missing = Це поле не заповнене.
field-too-long = Текст задовгий.
field-not-latin = Пишіть латинськими літерами, як у документі.
field-bad-date = Перевірте дату.
field-unknown-country = Виберіть країну зі списку.
field-bad-format = Перевірте: здається, тут помилка.
wizard-mediator = Мовно-культурний посередник (перекладач)
wizard-mediator-none = Не потрібен
wizard-mediator-in = Так, мова: { $language }
wizard-review = Перевірте та підтвердьте
wizard-confirm = Підтвердити запис
receipt-procedure = Послуга
receipt-when = Коли
receipt-where = Де
receipt-person = Для кого
receipt-bring = Взяти з собою
receipt-done = Вас записано.
receipt-code = Код запису
receipt-offline = Запис зроблено без мережі: термінал надішле його в офіс, щойно з'явиться зв'язок. Талон дійсний.
receipt-photo = Сфотографуйте цей екран або QR-код: це знадобиться в офісі.
receipt-finish = Готово
error-slot-taken = Це місце щойно зайняла інша людина. Ось наступні вільні місця.
error-already-booked = Ви вже записані на цю послугу. Щоб переглянути, перенести або скасувати запис, натисніть «Уже записані?» на першій сторінці і введіть код із талона.
error-already-booked-at = Ви вже записані на цю послугу: { $when }, { $office }.
error-hold-expired = Час на підтвердження закінчився, і місце звільнилося. Виберіть інше.
error-lease-gone = Це місце вже недоступне. Ось інші місця, на які можна записатися з цього термінала.
notice-offline-leases = Термінал не підключений до мережі. Ви можете записатися на одне з місць, відкладених для цього термінала.
notice-pending = Завершуємо запис, зачекайте кілька секунд…
mediator-recommended = Рекомендовано культурного посередника

error-cache = Термінал не може прочитати свої дані. Попросіть допомоги у персоналу.
error-unexpected = Щось пішло не так. Поверніться на початок і спробуйте ще раз.

idle-title = Ви ще тут?
idle-body = Залишилося секунд: { $seconds }. Потім я почну спочатку і зітру те, що ви написали.
idle-more = Так, мені потрібно більше часу

manage-entry = Уже записані? Переглянути або скасувати запис
manage-title = Ваш запис
manage-hint = Введіть код запису (він є в талоні), вашу дату народження і останні 4 символи вашого документа.
manage-document-end = Останні 4 символи документа
manage-document-end-hint = Останні 4 літери або цифри податкового коду (codice fiscale), паспорта чи посвідки на проживання, вказаних під час запису.
manage-find = Знайти
manage-missing = Введіть код, дату народження і останні 4 символи документа.
manage-not-found = Немає запису з такими даними. Перевірте і спробуйте ще раз.
manage-too-many = Забагато спроб. Спробуйте пізніше або запитайте у віконці.
manage-offline = Термінал не підключений до мережі: записи шукають на сервері. Спробуйте трохи пізніше.
manage-cancel = Скасувати запис
manage-cancelled = Запис скасовано. Місце знову вільне для інших.
manage-cancel-pending = Скасування збережено, його буде надіслано, щойно з'явиться зв'язок.
manage-cancel-refused = Цей запис уже не можна скасувати (прийом уже минув або запис уже скасовано).
date-placeholder = дд/мм/рррр

keyboard = Клавіатура
keyboard-space = пробіл
keyboard-done = Готово

receipt-print = Надрукувати талон
receipt-printed = Талон надруковано: візьміть його з принтера.
receipt-print-failed = Принтер не відповідає. Сфотографуйте цей екран: талон залишиться тут, доки ви не натиснете «Готово».
receipt-print-no-paper = У принтері закінчився папір: скажіть про це персоналу. А поки сфотографуйте цей екран разом із QR-кодом: талон залишиться тут, доки ви не натиснете «Готово».
receipt-cancel-how = Як скасувати

operator-entry = Оператори
operator-title = Вхід для операторів
operator-username = Ім'я користувача
operator-password = Пароль
operator-login = Увійти
operator-refused = Неправильне ім'я користувача або пароль, або це не обліковий запис оператора.
operator-offline = Термінал не підключений до мережі: для входу потрібен сервер. Спробуйте трохи пізніше.
operator-as = Оператор: { $name }
operator-logout = Вийти
operator-bookings = Записи
operator-no-bookings = Немає записів від сьогодні.
operator-not-active = Не активний
operator-change-title = Виберіть свій пароль
operator-change-hint = Пароль, який ви отримали, тимчасовий. Перш ніж продовжити, виберіть власний пароль довжиною щонайменше { $length } символів.
operator-new-password = Новий пароль
operator-repeat-password = Повторіть новий пароль
operator-change = Зберегти пароль
operator-passwords-differ = Паролі не збігаються.
operator-password-short = Пароль має містити щонайменше { $length } символів.
manage-move = Перенести прийом
manage-move-when = Виберіть новий час
manage-moved = Прийом перенесено. Це новий талон: старий більше не дійсний.
manage-move-pending = Перенесення збережено, його буде надіслано, щойно з'явиться зв'язок. До того часу дійсний старий талон.
manage-move-refused = Цей прийом уже не можна перенести.

## The receipt's page on a phone (opened from the receipt's QR code)
phone-title = Ваш запис
phone-code = Код запису
phone-counter = Віконце
phone-status-confirmed = Підтверджено
phone-status-cancelled = Скасовано
phone-status-checked-in = Вас прийняли у віконці
phone-status-past = Прийом уже минув
phone-replaced = Цей талон замінено: прийом перенесено. Використовуйте найновіший талон.
phone-not-reported = Запис зроблено на терміналі без мережі: його буде збережено, коли термінал знову буде в мережі. Візьміть цей талон на прийом.
phone-gone = Цього запису більше немає. Щоб записатися знову, скористайтеся терміналом або зверніться до вашого муніципалітету (Comune).
phone-invalid = Це недійсний талон Sportello. Перевірте, чи ви відсканували QR-код із талона.
phone-calendar = Додати до календаря
phone-cancel = Скасувати цей прийом
phone-cancel-sure = Ви точно хочете скасувати прийом? Місце отримає інша людина.
phone-cancel-yes = Так, скасувати
phone-cancel-no = Ні, залишити
phone-cancelled-now = Прийом скасовано. Більше нічого робити не потрібно.
phone-date-missing = Введіть вашу дату народження і останні 4 символи вашого документа.
phone-language = Мова

## Questions and answers
faq-search = Знайти питання (можна й італійською)
faq-all = Усі
faq-none = Відповідь не знайдено. Спробуйте інші слова або запитайте у віконці вашого муніципалітету (Comune).
faq-fallback = Цієї відповіді ще немає вашою мовою. Ось вона іншою мовою: { $language }.
faq-draft = Автоматичний переклад: якщо щось незрозуміло, запитайте у віконці.
faq-sources = Джерела
faq-reviewed = Перевірено { $date }
category-health = Здоров'я
category-school = Школа
category-housing = Житло
category-documents = Документи

# Карта послуг
map-title = Послуги поруч із вами
map-search = Шукати місце або послугу
map-filter-category = Що ви шукаєте
map-filter-comune = Муніципалітет
map-filter-language = Мова спілкування
map-filter-open-now = Відчинено зараз
map-any-category = Усе
map-any-comune = Усі муніципалітети
map-any-language = Усі мови
map-results = { $count ->
    [one] { $count } місце
    [few] { $count } місця
    [many] { $count } місць
   *[other] { $count } місця
}
map-none = Немає місць із такими фільтрами.
map-clear-filters = Прибрати фільтри
map-zoom-in = Наблизити карту
map-zoom-out = Віддалити карту
map-recenter = Повернутися до початкової точки
map-you-are-here = Ви тут
map-cluster = Місць тут: { $count }. Натисніть, щоб наблизити
map-distance-m = { $metres } м звідси
map-distance-km = { $km } км звідси
map-attribution = Дані: ISTAT; Openpolis (CC BY 4.0); GeoNames (CC BY 4.0)
map-empty = Список послуг ще не завантажено на цей термінал.
svc-italian_courses = Курси італійської мови
svc-work_training = Робота і навчання
svc-housing = Житло
svc-health = Здоров'я
svc-school_minors = Школа і діти
svc-legal_immigration = Юридична допомога та імміграція
svc-mediation = Мовні та культурні посередники
svc-social_services = Соціальні служби та допомога на перший час
svc-associations = Асоціації та громади
place-open-until = Відчинено зараз, до { $time }
place-opens-at = Відчиниться { $day } о { $time }
place-opens-today = Відчиниться сьогодні о { $time }
place-opens-tomorrow = Відчиниться завтра о { $time }
place-no-hours = Години роботи не вказано
place-hours = Години роботи
place-services = Що тут пропонують
place-languages = Якими мовами говорять
place-documents = Які документи взяти з собою
place-fees = Вартість
place-phone = Телефон
place-address = Адреса
place-accessibility = Доступність
place-website = Вебсайт
place-qr-page = Відскануйте телефоном: відкрити це місце
place-qr-geo = Відскануйте телефоном: прокласти маршрут сюди
place-demo = Тестові дані: інформацію не перевірено.
place-temporarily-closed = Поки що зачинено
place-not-found = Цього місця більше немає у списку.
place-unavailable = Зараз не вдається прочитати дані. Спробуйте ще раз трохи згодом.
place-open-in-maps = Відкрити в картах на телефоні
place-title = Місце, де вам можуть допомогти
day-mo = в понеділок
day-tu = у вівторок
day-we = в середу
day-th = в четвер
day-fr = в п'ятницю
day-sa = в суботу
day-su = в неділю

## An office's change to a day: why, and what the person is told (receipt page, SMS).
change-reason-strike = страйк
change-reason-training = навчання персоналу
change-reason-staff = відсутність персоналу
change-reason-closure = закриття офісу
change-reason-technical = технічна несправність
change-reason-other = організаційні причини
phone-moved-by-office = Офіс переніс ваш запис. Причина: { $reason }. Ось новий час.
phone-cancelled-by-office = Офіс скасував ваш запис. Причина: { $reason }. Ви можете записатися знову.
notice-moved = { $office }: ваш запис { $code } перенесено на { $when }. Причина: { $reason }.
notice-cancelled = { $office }: ваш запис { $code } скасовано. Причина: { $reason }. Ви можете записатися знову.

## The office console (staff, in the browser at /ufficio/).
console-title = Sportello · Офіс
console-username = Ім'я користувача
console-password = Пароль
console-login = Увійти
console-logout = Вийти
console-login-wrong = Неправильне ім'я користувача або пароль.
console-too-many = Забагато спроб: спробуйте знову за кілька хвилин.
console-forbidden = Ваш обліковий запис не має прав на цю дію.
console-refused = Сервер відхилив запит.
console-broken = Неочікувана відповідь сервера: повідомте службу підтримки.
console-offline = Немає зв'язку із сервером: спробуйте ще раз. Нічого не втрачено.
console-session-ended = Сеанс завершено: увійдіть знову.
console-password-change = Виберіть свій пароль
console-password-rules = Новий пароль має містити щонайменше 10 символів.
console-password-old = Поточний пароль
console-password-new = Новий пароль
console-password-save = Зберегти пароль
console-office = Офіс
console-day = День
console-day-previous = Попередній день
console-day-next = Наступний день
console-today = Сьогодні
console-online = Підключено
console-link-lost = Зв'язок втрачено: повторне підключення…
console-tab-agenda = Розклад
console-tab-desk = Реєстрація
console-tab-calling = Виклик
console-counter = Віконце
console-status = Статус
console-all = Усі
console-print = Друк
console-csv = Експорт у CSV
console-agenda-count = { $count ->
    [one] { $count } запис
    [few] { $count } записи
    [many] { $count } записів
   *[other] { $count } запису
}
console-agenda-empty = Записів немає.
console-time = Час
console-code = Код
console-procedure = Послуга
console-person = Відвідувач
console-born = Дата народження
console-mediator = Посередник
console-channel = Канал
console-appointment = Прийом
console-documents = { $count ->
    [one] { $count } документ із собою
    [few] { $count } документи із собою
    [many] { $count } документів із собою
   *[other] { $count } документа із собою
}
console-person-purged = (дані видалено)
console-channel-self = Самостійно
console-channel-kiosk = Термінал { $kiosk }
console-channel-operator = Оператор { $organization }
console-channel-office = Офіс
console-status-expected = Очікується
console-status-waiting = У черзі
console-status-called = Викликано
console-status-served = Обслуговано
console-status-absent = Не підійшов на виклик
console-status-no-show = Неявка
console-status-cancelled = Скасовано
console-scan-label = Талон або код
console-scan-placeholder = Відскануйте талон або введіть код
console-scan-check = Перевірити
console-scan-checked-in = Зареєстровано: видайте номер.
console-scan-already = Уже зареєстровано: той самий номер.
console-scan-unreadable = Це не талон і не код: відскануйте ще раз або введіть код.
console-scan-not-genuine = Талон не справжній: попросіть документ і знайдіть особу в розкладі.
console-scan-unknown = Запису з таким кодом немає: перевірте код.
console-scan-other-office = Запис до іншого офісу ({ $office }): направте особу туди.
console-scan-other-day = Прийом призначено на { $day }: попросіть особу прийти в цей день.
console-scan-cancelled = Запис скасовано: особа може записатися знову.
console-scan-moved = Талон застарів: прийом перенесено, використовуйте найновіший талон.
console-scan-too-early = Зарано: прийом о { $time }, хай повернеться ближче до цього часу.
console-scan-too-late = Запізно: прийом був о { $time }, потрібен новий запис.
console-scan-no-show = Позначено неявку: потрібен новий запис.
console-scan-not-reported = Запис зроблено без мережі на терміналі, який ще не підключився: спробуйте пізніше.
console-call-next = Викликати наступного
console-call-again = Викликати повторно
console-served = Обслуговано
console-absent = Не підійшов
console-called = Викликано номер { $number }.
console-nobody-waiting = До цього віконця черги немає.
console-waiting-count = { $count ->
    [one] { $count } особа в черзі
    [few] { $count } особи в черзі
    [many] { $count } осіб у черзі
   *[other] { $count } особи в черзі
}
console-display-title = Викликані номери
console-display-no-office = Не вказано офіс: відкрийте /ufficio/display?office=…
console-display-none-yet = Сьогодні викликів ще не було.
console-display-previous = Попередні виклики
console-display-stale = Зв'язок втрачено: номери можуть бути неактуальними.
console-display-sound-on = Увімкнути звук
console-actions = Дії
console-mark-no-show = Неявка
console-not-yet-over = Прийом ще не закінчився.
console-tab-closures = Закриття
console-closure-whole-office = Увесь офіс
console-closure-hours = Нові години роботи на цей день
console-closure-hours-help = Порожньо — зачинено. Інакше години роботи, наприклад 08:30-11:00, 14:00-16:00.
console-closure-reason = Причина (для відвідувачів)
console-closure-note = Примітка для офісу
console-closure-check = Перевірити записи
console-closure-bad-day = Виберіть день.
console-closure-bad-hours = Неправильні години: пишіть так: 08:30-11:00.
console-closure-note-missing = Напишіть примітку для офісу (наприклад, «Страйк»).
console-closure-hit = { $count ->
    [0] Зміна не зачіпає підтверджених записів: можна зберегти.
    [one] Зміна зачіпає { $count } підтверджений запис: вирішіть, що з ним робити.
    [few] Зміна зачіпає { $count } підтверджені записи: вирішіть, що з ними робити.
    [many] Зміна зачіпає { $count } підтверджених записів: вирішіть, що з ними робити.
   *[other] Зміна зачіпає { $count } підтвердженого запису: вирішіть, що з ними робити.
}
console-closure-decision = Рішення
console-closure-move-to = Перенести на { $when }
console-closure-cancel = Скасувати
console-closure-no-phone = немає телефону
console-closure-save = Зберегти зміну
console-closure-saved = Зміну збережено. Перенесено: { $moved }, скасовано: { $cancelled }.
console-closure-not-saved = { $count ->
    [one] Зміну не збережено: { $count } запис потребує перегляду. Перевірте ще раз.
    [few] Зміну не збережено: { $count } записи потребують перегляду. Перевірте ще раз.
    [many] Зміну не збережено: { $count } записів потребують перегляду. Перевірте ще раз.
   *[other] Зміну не збережено: { $count } запису потребують перегляду. Перевірте ще раз.
}
console-to-call = Кому зателефонувати
console-to-call-none = Телефонувати нікому не потрібно.
console-to-call-done = Зателефоновано
console-tab-numbers = Показники
console-numbers-span = Період
console-numbers-week = Тиждень
console-numbers-day = День
console-numbers-booked = Записано
console-numbers-checked-in = Зареєстровано
console-numbers-waiting = Очікування від реєстрації до виклику
console-numbers-service = Час біля віконця
console-numbers-spread = медіана { $median }, 9 з 10 — не довше { $p90 } (вимірів: { $count })
console-numbers-none = немає даних
console-minutes = { $minutes } хв
console-numbers-by-procedure = За послугами
console-numbers-by-channel = За каналами
console-numbers-what = Позиція
console-numbers-kiosks = Термінали
console-numbers-operators = Оператори муніципалітетів і патронатів
console-numbers-first-free = Перше вільне місце (скільки чекають на прийом)
console-numbers-first-slot = Перше вільне місце
console-numbers-in-days = { $days ->
    [one] { $day } (через { $days } день)
    [few] { $day } (через { $days } дні)
    [many] { $day } (через { $days } днів)
   *[other] { $day } (через { $days } дня)
}
console-numbers-none-free = у відкритому розкладі немає вільних місць
console-numbers-chart = За днями: записано { $booked }, обслуговано { $served }, неявок { $no_show }.
console-tab-audit = Журнал
console-audit-search = Шукати
console-audit-when = Коли
console-audit-who = Хто
console-audit-what = Що
console-audit-detail = Подробиці
console-audit-hold = Закріплення місця
console-audit-confirm = Запис
console-audit-cancel = Скасування
console-audit-reschedule = Перенесення
console-audit-check-in = Реєстрація
console-audit-call = Виклик
console-audit-override-saved = Зміна дня
console-audit-override-deleted = Скасування зміни дня
console-channel-walk-in = Без запису
console-walk-in-title = Відвідувач без запису
console-walk-in-procedure = З якої справи
console-walk-in-give = Видати номер
console-walk-in-given = Номер видано: відвідувача викличуть після записаних.
console-camera-start = Використати камеру
console-camera-stop = Закрити камеру
console-camera-hint = Покажіть камері QR-код талона.
console-camera-unavailable = Камера недоступна: скористайтеся сканером або введіть код.
console-walk-in-arrived = Прибуття
console-audit-walk-in = Номер без запису
console-language = Мова
