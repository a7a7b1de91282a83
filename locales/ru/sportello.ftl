# Sportello – интерфейс терминала (киоска). Русский.

app-title = Sportello
app-subtitle = Запись на приём и информация для иностранных граждан
choose-language = Выберите язык
home-question = Что вы хотите сделать?

tile-book = Записаться на приём
tile-book-hint = Квестура (Questura), Префектура (Prefettura), Единое окно по иммиграции (Sportello Unico)
tile-faq = Вопросы и ответы
tile-faq-hint = Документы, вид на жительство, семья, работа
tile-map = Карта услуг
tile-map-hint = Здоровье, жильё, работа, школа, курсы итальянского языка
back = Назад

status-connecting = Подключение…
status-online = В сети
status-offline = Нет сети
status-updated = Данные обновлены: { $when }
status-never = Данные ещё не загружены

staff-panel = Для персонала
kiosk-id = Терминал { $id }
kiosk-not-enrolled = Терминал ещё не зарегистрирован: введите код активации.
kiosk-refused = Сервер больше не принимает этот терминал: обратитесь к администратору.
outbox-pending = Операции ждут отправки
outbox-failed = Неудачные операции (последние 24 часа)
leases-free = Места для записи без сети
leases-used = Записи без сети, ждут отправки
close = Закрыть

book-title = Записаться на приём
wizard-what = Что вам нужно?
wizard-search = Найти услугу
category-stay-permit = Вид на жительство (permesso di soggiorno)
category-family = Семья
category-work = Работа
category-citizenship = Гражданство
category-protection = Международная защита
category-integration = Интеграция
wizard-bring = Что взять с собой
wizard-bring-hint = Отметьте документы, которые у вас уже есть. Можно продолжить и без них: в талоне будет список всех документов.
wizard-next = Далее
wizard-when = Когда и где
wizard-no-slots = Сейчас нет свободных мест для этой услуги. Попробуйте позже или спросите в окне вашего муниципалитета (Comune).
wizard-hold-left = Место закреплено за вами ещё { $time }
wizard-who = Кто придёт на приём
wizard-latin-hint = Напишите имя и фамилию как в документе, латинскими буквами.
person-given-names = Имя
person-surname = Фамилия
person-date-of-birth = Дата рождения
person-nationality = Гражданство
person-nationality-search = Найдите страну (пишите на своём языке)
person-document = Документ
person-document-number = Номер документа
person-phone = Телефон (не обязательно)
document-passport = Паспорт
document-residence-permit = Вид на жительство (permesso di soggiorno)
document-codice-fiscale = Налоговый код (codice fiscale)
field-missing = Это поле не заполнено.
field-too-long = Текст слишком длинный.
field-not-latin = Пишите латинскими буквами, как в документе.
field-bad-date = Проверьте дату.
field-unknown-country = Выберите страну из списка.
field-bad-format = Проверьте: похоже, здесь ошибка.
wizard-mediator = Языковой и культурный посредник (переводчик)
wizard-mediator-none = Не нужен
wizard-mediator-in = Да, язык: { $language }
wizard-review = Проверьте и подтвердите
wizard-confirm = Подтвердить запись
receipt-procedure = Услуга
receipt-when = Когда
receipt-where = Где
receipt-person = Для кого
receipt-bring = Взять с собой
receipt-done = Вы записаны.
receipt-code = Код записи
receipt-offline = Запись сделана без сети: терминал отправит её в офис, как только появится связь. Талон действителен.
receipt-photo = Сфотографируйте этот экран или QR-код: это понадобится в офисе.
receipt-finish = Готово
error-slot-taken = Это место только что занял другой человек. Вот следующие свободные места.
error-already-booked = Вы уже записаны на эту услугу.
error-already-booked-at = Вы уже записаны на эту услугу: { $when }, { $office }.
error-hold-expired = Время на подтверждение закончилось, и место освободилось. Выберите другое.
error-lease-gone = Это место больше не доступно. Вот другие места, на которые можно записаться с этого терминала.
notice-offline-leases = Терминал не подключён к сети. Вы можете записаться на одно из мест, отложенных для этого терминала.
notice-pending = Завершаем запись, подождите несколько секунд…
mediator-recommended = Рекомендуется культурный посредник

error-cache = Терминал не может прочитать свои данные. Попросите помощи у персонала.
error-unexpected = Что-то пошло не так. Вернитесь в начало и попробуйте ещё раз.

idle-title = Вы ещё здесь?
idle-body = Осталось секунд: { $seconds }. Потом я начну сначала и сотру то, что вы написали.
idle-more = Да, мне нужно больше времени

manage-entry = Уже записаны? Посмотреть или отменить запись
manage-title = Ваша запись
manage-hint = Введите код записи (он есть в талоне) и вашу дату рождения.
manage-find = Найти
manage-missing = Введите код и дату рождения.
manage-not-found = Нет записи с этим кодом и этой датой рождения. Проверьте и попробуйте ещё раз.
manage-too-many = Слишком много попыток. Подождите минуту и попробуйте ещё раз.
manage-offline = Терминал не подключён к сети: записи ищутся на сервере. Попробуйте чуть позже.
manage-cancel = Отменить запись
manage-cancelled = Запись отменена. Место снова свободно для других.
manage-cancel-pending = Отмена сохранена и будет отправлена, как только появится связь.
manage-cancel-refused = Эту запись уже нельзя отменить (приём уже прошёл или запись уже отменена).
date-placeholder = дд/мм/гггг

keyboard = Клавиатура
keyboard-space = пробел
keyboard-done = Готово

receipt-print = Напечатать талон
receipt-printed = Талон напечатан: возьмите его из принтера.
receipt-print-failed = Принтер не отвечает. Сфотографируйте этот экран: талон останется здесь, пока вы не нажмёте «Готово».
receipt-print-no-paper = В принтере закончилась бумага: скажите об этом персоналу. А пока сфотографируйте этот экран вместе с QR-кодом: талон останется здесь, пока вы не нажмёте «Готово».
receipt-cancel-how = Как отменить

operator-entry = Операторы
operator-title = Вход для операторов
operator-username = Имя пользователя
operator-password = Пароль
operator-login = Войти
operator-refused = Неверное имя пользователя или пароль, или это не учётная запись оператора.
operator-offline = Терминал не подключён к сети: для входа нужен сервер. Попробуйте чуть позже.
operator-as = Оператор: { $name }
operator-logout = Выйти
operator-bookings = Записи
operator-no-bookings = Нет записей с сегодняшнего дня.
operator-not-active = Не активна
manage-move = Перенести приём
manage-move-when = Выберите новое время
manage-moved = Приём перенесён. Это новый талон: старый больше не действует.
manage-move-pending = Перенос сохранён и будет отправлен, как только появится связь. До этого действует старый талон.
manage-move-refused = Этот приём уже нельзя перенести.

## The receipt's page on a phone (opened from the receipt's QR code)
phone-title = Ваша запись
phone-code = Код записи
phone-counter = Окно
phone-status-confirmed = Подтверждена
phone-status-cancelled = Отменена
phone-status-checked-in = Вас приняли в окне
phone-status-past = Приём уже прошёл
phone-replaced = Этот талон заменён: приём перенесён. Используйте самый новый талон.
phone-not-reported = Запись сделана на терминале без сети: она будет сохранена, когда терминал снова будет в сети. Возьмите этот талон на приём.
phone-gone = Этой записи больше нет. Чтобы записаться снова, используйте терминал или обратитесь в ваш муниципалитет (Comune).
phone-invalid = Это недействительный талон Sportello. Проверьте, что вы сканировали QR-код с талона.
phone-calendar = Добавить в календарь
phone-cancel = Отменить этот приём
phone-cancel-sure = Вы точно хотите отменить приём? Место получит другой человек.
phone-cancel-yes = Да, отменить
phone-cancel-no = Нет, оставить
phone-cancelled-now = Приём отменён. Больше ничего делать не нужно.
phone-date-missing = Введите вашу дату рождения, как в документе.
phone-language = Язык

## Questions and answers
faq-search = Найти вопрос (можно и на итальянском)
faq-all = Все
faq-none = Ответ не найден. Попробуйте другие слова или спросите в окне вашего муниципалитета (Comune).
faq-fallback = Этого ответа пока нет на вашем языке. Вот он на другом языке: { $language }.
faq-draft = Автоматический перевод: если что-то непонятно, спросите в окне.
faq-sources = Источники
faq-reviewed = Проверено { $date }
category-health = Здоровье
category-school = Школа
category-housing = Жильё
category-documents = Документы

# Карта услуг
map-title = Услуги рядом с вами
map-search = Искать место или услугу
map-filter-category = Что вы ищете
map-filter-comune = Муниципалитет
map-filter-language = Язык общения
map-filter-open-now = Открыто сейчас
map-any-category = Всё
map-any-comune = Все муниципалитеты
map-any-language = Все языки
map-results = { $count ->
    [one] { $count } место
    [few] { $count } места
    [many] { $count } мест
   *[other] { $count } места
}
map-none = Нет мест с такими фильтрами.
map-clear-filters = Убрать фильтры
map-zoom-in = Приблизить карту
map-zoom-out = Отдалить карту
map-recenter = Вернуться к исходной точке
map-you-are-here = Вы здесь
map-cluster = Мест здесь: { $count }. Нажмите, чтобы приблизить
map-distance-m = { $metres } м отсюда
map-distance-km = { $km } км отсюда
map-attribution = Данные: ISTAT; Openpolis (CC BY 4.0); GeoNames (CC BY 4.0)
map-empty = Список услуг ещё не загружен на этот терминал.
svc-italian_courses = Курсы итальянского языка
svc-work_training = Работа и обучение
svc-housing = Жильё
svc-health = Здоровье
svc-school_minors = Школа и дети
svc-legal_immigration = Юридическая помощь и иммиграция
svc-mediation = Языковые и культурные посредники
svc-social_services = Социальные службы и помощь на первое время
svc-associations = Ассоциации и общины
place-open-until = Открыто сейчас, до { $time }
place-opens-at = Откроется { $day } в { $time }
place-opens-today = Откроется сегодня в { $time }
place-opens-tomorrow = Откроется завтра в { $time }
place-no-hours = Часы работы не указаны
place-hours = Часы работы
place-services = Что здесь предлагают
place-languages = На каких языках говорят
place-documents = Какие документы взять с собой
place-fees = Стоимость
place-phone = Телефон
place-address = Адрес
place-accessibility = Доступность
place-website = Сайт
place-qr-page = Отсканируйте телефоном: открыть это место
place-qr-geo = Отсканируйте телефоном: проложить маршрут сюда
place-demo = Тестовые данные: сведения не проверены.
place-temporarily-closed = Пока закрыто
place-not-found = Этого места больше нет в списке.
place-unavailable = Сейчас не удаётся прочитать данные. Попробуйте ещё раз чуть позже.
place-open-in-maps = Открыть в картах на телефоне
place-title = Место, где вам могут помочь
day-mo = в понедельник
day-tu = во вторник
day-we = в среду
day-th = в четверг
day-fr = в пятницу
day-sa = в субботу
day-su = в воскресенье
