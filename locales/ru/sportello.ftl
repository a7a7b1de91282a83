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
outbox-failures-title = Неудачные операции
write-kind-hold = Место закреплено для записи
write-kind-confirm = Подтверждение записи
write-kind-release = Закреплённое место освобождено
write-kind-cancel = Отмена
write-kind-reschedule = Перенос приёма
write-kind-check-in = Приход к окну
write-kind-offline-booking = Запись без сети
write-kind-other = Операция
failure-refused = Отклонена сервером ({ $code }).
failure-on-the-way = Заблокирована до сервера (ошибка { $status }): проверьте сеть или прокси.
failure-not-answered = Не отправлена вовремя: связи не было слишком долго.
failure-kiosk-refused = Сервер больше не принимает этот терминал.
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
error-already-booked = Вы уже записаны на эту услугу. Чтобы посмотреть, перенести или отменить запись, нажмите «Уже записаны?» на первой странице и введите код из талона.
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
manage-hint = Введите код записи (он есть в талоне), вашу дату рождения и последние 4 символа вашего документа.
manage-document-end = Последние 4 символа документа
manage-document-end-hint = Последние 4 буквы или цифры налогового кода (codice fiscale), паспорта или вида на жительство, указанного при записи.
manage-find = Найти
manage-missing = Введите код, дату рождения и последние 4 символа документа.
manage-not-found = Нет записи с такими данными. Проверьте и попробуйте ещё раз.
manage-too-many = Слишком много попыток. Попробуйте позже или спросите в окне.
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
operator-change-title = Выберите свой пароль
operator-change-hint = Пароль, который вы получили, временный. Прежде чем продолжить, выберите свой пароль длиной не менее { $length } символов.
operator-new-password = Новый пароль
operator-repeat-password = Повторите новый пароль
operator-change = Сохранить пароль
operator-passwords-differ = Пароли не совпадают.
operator-password-short = Пароль должен содержать не менее { $length } символов.
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
phone-date-missing = Введите вашу дату рождения и последние 4 символа вашего документа.
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

## An office's change to a day: why, and what the person is told (receipt page, SMS).
change-reason-strike = забастовка
change-reason-training = обучение персонала
change-reason-staff = отсутствие персонала
change-reason-closure = закрытие офиса
change-reason-technical = техническая неисправность
change-reason-other = организационные причины
phone-moved-by-office = Офис перенёс вашу запись. Причина: { $reason }. Вот новое время.
phone-cancelled-by-office = Офис отменил вашу запись. Причина: { $reason }. Вы можете записаться снова.
notice-moved = { $office }: ваша запись { $code } перенесена на { $when }. Причина: { $reason }.
notice-cancelled = { $office }: ваша запись { $code } отменена. Причина: { $reason }. Вы можете записаться снова.

## The office console (staff, in the browser at /ufficio/).
console-title = Sportello · Офис
console-username = Имя пользователя
console-password = Пароль
console-login = Войти
console-logout = Выйти
console-login-wrong = Неверное имя пользователя или пароль.
console-too-many = Слишком много попыток: повторите через несколько минут.
console-forbidden = У вашей учётной записи нет прав на это действие.
console-refused = Сервер отклонил запрос.
console-broken = Неожиданный ответ сервера: сообщите в техподдержку.
console-offline = Нет связи с сервером: повторите попытку. Ничего не потеряно.
console-session-ended = Сеанс завершён: войдите снова.
console-password-change = Выберите свой пароль
console-password-rules = Новый пароль должен содержать не менее 10 символов.
console-password-old = Текущий пароль
console-password-new = Новый пароль
console-password-save = Сохранить пароль
console-office = Офис
console-day = День
console-day-previous = Предыдущий день
console-day-next = Следующий день
console-today = Сегодня
console-online = Подключено
console-link-lost = Связь потеряна: переподключение…
console-tab-agenda = Расписание
console-tab-desk = Регистрация
console-tab-calling = Вызов
console-counter = Окно
console-status = Статус
console-all = Все
console-print = Печать
console-csv = Экспорт в CSV
console-agenda-count = { $count ->
    [one] { $count } запись
    [few] { $count } записи
    [many] { $count } записей
   *[other] { $count } записи
}
console-agenda-empty = Записей нет.
console-time = Время
console-code = Код
console-procedure = Услуга
console-person = Посетитель
console-born = Дата рождения
console-mediator = Посредник
console-channel = Канал
console-appointment = Приём
console-documents = { $count ->
    [one] { $count } документ с собой
    [few] { $count } документа с собой
    [many] { $count } документов с собой
   *[other] { $count } документа с собой
}
console-person-purged = (данные удалены)
console-channel-self = Самостоятельно
console-channel-kiosk = Терминал { $kiosk }
console-channel-operator = Оператор { $organization }
console-channel-office = Офис
console-status-expected = Ожидается
console-status-waiting = В очереди
console-status-called = Вызван
console-status-served = Обслужен
console-status-absent = Не подошёл по вызову
console-status-no-show = Неявка
console-status-cancelled = Отменён
console-scan-label = Талон или код
console-scan-placeholder = Отсканируйте талон или введите код
console-scan-check = Проверить
console-scan-checked-in = Зарегистрирован: выдайте номер.
console-scan-already = Уже зарегистрирован: тот же номер.
console-scan-unreadable = Это не талон и не код: отсканируйте ещё раз или введите код.
console-scan-not-genuine = Талон не подлинный: попросите документ и найдите человека в расписании.
console-scan-unknown = Записи с таким кодом нет: проверьте код.
console-scan-other-office = Запись в другой офис ({ $office }): направьте человека туда.
console-scan-other-day = Приём назначен на { $day }: попросите человека прийти в этот день.
console-scan-cancelled = Запись отменена: человек может записаться снова.
console-scan-moved = Талон устарел: приём перенесён, используйте самый новый талон.
console-scan-too-early = Слишком рано: приём в { $time }, пусть вернётся ближе к этому времени.
console-scan-too-late = Слишком поздно: приём был в { $time }, нужна новая запись.
console-scan-no-show = Отмечена неявка: нужна новая запись.
console-scan-not-reported = Запись сделана без сети на терминале, который ещё не подключился: повторите позже.
console-call-next = Вызвать следующего
console-call-again = Вызвать повторно
console-served = Обслужен
console-absent = Не подошёл
console-called = Вызван номер { $number }.
console-nobody-waiting = К этому окну очереди нет.
console-waiting-count = { $count ->
    [one] { $count } человек в очереди
    [few] { $count } человека в очереди
    [many] { $count } человек в очереди
   *[other] { $count } человека в очереди
}
console-display-title = Вызванные номера
console-display-no-office = Не указан офис: откройте /ufficio/display?office=…
console-display-none-yet = Сегодня вызовов ещё не было.
console-display-previous = Предыдущие вызовы
console-display-stale = Связь потеряна: номера могут быть неактуальны.
console-display-sound-on = Включить звук
console-actions = Действия
console-mark-no-show = Неявка
console-not-yet-over = Приём ещё не закончился.
console-tab-closures = Закрытия
console-closure-whole-office = Весь офис
console-closure-hours = Новые часы работы на этот день
console-closure-hours-help = Пусто — закрыто. Иначе часы работы, например 08:30-11:00, 14:00-16:00.
console-closure-reason = Причина (для посетителей)
console-closure-note = Примечание для офиса
console-closure-check = Проверить записи
console-closure-bad-day = Выберите день.
console-closure-bad-hours = Неверные часы: пишите так: 08:30-11:00.
console-closure-note-missing = Напишите примечание для офиса (например, «Забастовка»).
console-closure-hit = { $count ->
    [0] Подтверждённые записи не затронуты: можно сохранить.
    [one] Изменение затрагивает { $count } подтверждённую запись: решите, что с ней делать.
    [few] Изменение затрагивает { $count } подтверждённые записи: решите, что с ними делать.
    [many] Изменение затрагивает { $count } подтверждённых записей: решите, что с ними делать.
   *[other] Изменение затрагивает { $count } подтверждённой записи: решите, что с ними делать.
}
console-closure-decision = Решение
console-closure-move-to = Перенести на { $when }
console-closure-cancel = Отменить
console-closure-no-phone = нет телефона
console-closure-save = Сохранить изменение
console-closure-saved = Изменение сохранено. Перенесено: { $moved }, отменено: { $cancelled }.
console-closure-not-saved = { $count ->
    [one] Изменение не сохранено: { $count } запись требует пересмотра. Проверьте ещё раз.
    [few] Изменение не сохранено: { $count } записи требуют пересмотра. Проверьте ещё раз.
    [many] Изменение не сохранено: { $count } записей требуют пересмотра. Проверьте ещё раз.
   *[other] Изменение не сохранено: { $count } записи требуют пересмотра. Проверьте ещё раз.
}
console-to-call = Кому позвонить
console-to-call-none = Звонить никому не нужно.
console-to-call-done = Звонок сделан
console-tab-numbers = Показатели
console-numbers-span = Период
console-numbers-week = Неделя
console-numbers-day = День
console-numbers-booked = Записано
console-numbers-checked-in = Зарегистрировано
console-numbers-waiting = Ожидание от регистрации до вызова
console-numbers-service = Время у окна
console-numbers-spread = медиана { $median }, 9 из 10 — не дольше { $p90 } (измерений: { $count })
console-numbers-none = нет данных
console-minutes = { $minutes } мин
console-numbers-by-procedure = По услугам
console-numbers-by-channel = По каналам
console-numbers-what = Позиция
console-numbers-kiosks = Терминалы
console-numbers-operators = Операторы муниципалитетов и патронатов
console-numbers-first-free = Первое свободное место (сколько ждут приёма)
console-numbers-first-slot = Первое свободное место
console-numbers-in-days = { $days ->
    [one] { $day } (через { $days } день)
    [few] { $day } (через { $days } дня)
    [many] { $day } (через { $days } дней)
   *[other] { $day } (через { $days } дня)
}
console-numbers-none-free = в открытом расписании нет свободных мест
console-numbers-chart = По дням: записано { $booked }, обслужено { $served }, неявок { $no_show }.
console-tab-audit = Журнал
console-audit-search = Найти
console-audit-when = Когда
console-audit-who = Кто
console-audit-what = Что
console-audit-detail = Подробности
console-audit-hold = Закрепление места
console-audit-confirm = Запись
console-audit-cancel = Отмена
console-audit-reschedule = Перенос
console-audit-check-in = Регистрация
console-audit-call = Вызов
console-audit-override-saved = Изменение дня
console-audit-override-deleted = Отмена изменения дня
console-channel-walk-in = Без записи
console-walk-in-title = Посетитель без записи
console-walk-in-procedure = По какому делу
console-walk-in-give = Выдать номер
console-walk-in-given = Номер выдан: посетителя вызовут после записанных.
console-camera-start = Использовать камеру
console-camera-stop = Закрыть камеру
console-camera-hint = Покажите камере QR-код талона.
console-camera-unavailable = Камера недоступна: используйте сканер или введите код.
console-walk-in-arrived = Прибытие
console-audit-walk-in = Номер без записи
console-language = Язык
