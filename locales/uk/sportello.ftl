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
error-already-booked = Ви вже записані на цю послугу.
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
manage-hint = Введіть код запису (він є в талоні) і вашу дату народження.
manage-find = Знайти
manage-missing = Введіть код і дату народження.
manage-not-found = Немає запису з цим кодом і цією датою народження. Перевірте і спробуйте ще раз.
manage-too-many = Забагато спроб. Зачекайте хвилину і спробуйте ще раз.
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
phone-date-missing = Введіть вашу дату народження, як у документі.
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
