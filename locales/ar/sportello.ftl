# Sportello – واجهة الكشك. العربية.

app-title = Sportello
app-subtitle = المواعيد والمعلومات للمواطنين الأجانب
choose-language = اختر لغتك
home-question = ماذا تريد أن تفعل؟

tile-book = احجز موعدًا
tile-book-hint = مركز الشرطة (الكويستورا)، المحافظة، الشباك الموحد للهجرة
tile-faq = أسئلة وأجوبة
tile-faq-hint = الوثائق، تصريح الإقامة، العائلة، العمل
tile-map = خريطة الخدمات
tile-map-hint = الصحة، السكن، العمل، المدرسة، دروس اللغة الإيطالية
back = رجوع

status-connecting = جارٍ الاتصال…
status-online = متصل
status-offline = غير متصل
status-updated = آخر تحديث للبيانات: { $when }
status-never = لم يتم تنزيل البيانات بعد

staff-panel = للموظفين
kiosk-id = الجهاز { $id }
kiosk-not-enrolled = الجهاز غير مسجل بعد: أدخل رمز التفعيل.
kiosk-refused = لم يعد الخادم يقبل هذا الجهاز: اتصل بالمسؤول.
outbox-pending = عمليات تنتظر الإرسال
outbox-failed = عمليات لم تنجح (آخر 24 ساعة)
leases-free = مواعيد يمكن حجزها بدون شبكة
leases-used = حجوزات تمت بدون شبكة، في انتظار الإرسال
outbox-failures-title = عمليات لم تنجح
write-kind-hold = مكان محجوز مؤقتًا لحجز
write-kind-confirm = تأكيد حجز
write-kind-release = تحرير مكان محجوز مؤقتًا
write-kind-cancel = إلغاء
write-kind-reschedule = تغيير موعد
write-kind-check-in = الوصول إلى الشباك
write-kind-offline-booking = حجز تم بدون شبكة
write-kind-other = عملية
failure-refused = رفضها الخادم ({ $code }).
failure-on-the-way = توقفت قبل الوصول إلى الخادم (خطأ { $status }): تحقق من الشبكة أو البروكسي.
failure-not-answered = لم تُرسل في الوقت المحدد: انقطع الاتصال مدة طويلة جدًا.
failure-kiosk-refused = لم يعد الخادم يقبل هذا الجهاز.
close = إغلاق

book-title = احجز موعدًا
wizard-what = ماذا تحتاج؟
wizard-search = ابحث عن إجراء
category-stay-permit = تصريح الإقامة
category-family = العائلة
category-work = العمل
category-citizenship = الجنسية
category-protection = الحماية
category-integration = الاندماج
wizard-bring = ماذا تحضر
wizard-bring-hint = ضع علامة على المستندات التي لديك. يمكنك المتابعة بدونها: الإيصال يذكرها كلها.
wizard-next = التالي
wizard-when = متى وأين
wizard-no-slots = لا توجد أماكن شاغرة لهذا الإجراء الآن. حاول لاحقًا أو اسأل في مكتب بلديتك.
wizard-hold-left = المكان محجوز لك لمدة { $time }
wizard-who = من سيحضر الموعد
wizard-latin-hint = اكتب الاسم واللقب كما هما في الوثيقة، بالحروف اللاتينية.
person-given-names = الاسم
person-surname = اللقب
person-date-of-birth = تاريخ الميلاد
person-nationality = الجنسية
person-nationality-search = ابحث عن البلد (اكتب بلغتك)
person-document = الوثيقة
person-document-number = رقم الوثيقة
person-phone = الهاتف (اختياري)
document-passport = جواز السفر
document-residence-permit = تصريح الإقامة
document-codice-fiscale = الرمز الضريبي (codice fiscale)
field-missing = هذه المعلومة ناقصة.
field-too-long = هذا طويل جدًا.
field-not-latin = استخدم الحروف اللاتينية كما في الوثيقة.
field-bad-date = تحقق من التاريخ.
field-unknown-country = اختر بلدًا من القائمة.
field-bad-format = تحقق: يبدو أن الكتابة غير صحيحة.
wizard-mediator = وسيط لغوي وثقافي
wizard-mediator-none = لا حاجة
wizard-mediator-in = نعم، باللغة { $language }
wizard-review = تحقق وأكد
wizard-confirm = تأكيد الحجز
receipt-procedure = الإجراء
receipt-when = متى
receipt-where = أين
receipt-person = لـ
receipt-bring = ما يجب إحضاره
receipt-done = تم الحجز.
receipt-code = رمز الحجز
receipt-offline = تم الحجز بدون شبكة: يرسله الجهاز إلى المكتب عند عودة الاتصال. الإيصال صالح.
receipt-photo = التقط صورة لهذه الشاشة أو لرمز QR: المكتب يحتاجها.
receipt-finish = إنهاء
error-slot-taken = أخذ شخص آخر هذا المكان للتو. هذه الأماكن الشاغرة التالية.
error-already-booked = لديك موعد بالفعل لهذا الإجراء. لعرضه أو تغييره أو إلغائه، اضغط «لديك حجز بالفعل؟» في الصفحة الأولى واستخدم الرمز الموجود في الإيصال.
error-already-booked-at = لديك موعد بالفعل لهذا الإجراء: { $when }، { $office }.
error-hold-expired = انتهى وقت التأكيد وأصبح المكان متاحًا من جديد. اختر مكانًا آخر.
error-lease-gone = هذا المكان لم يعد متاحًا. هذه الأماكن الأخرى التي يمكن لهذا الجهاز حجزها.
notice-offline-leases = الجهاز غير متصل. يمكنك حجز أحد هذه الأماكن المخصصة لهذا الجهاز.
notice-pending = جارٍ إكمال الحجز، انتظر بضع ثوانٍ…
mediator-recommended = يُنصح بوسيط ثقافي

error-cache = لا يستطيع الكشك قراءة بياناته. اطلب المساعدة من الموظفين.
error-unexpected = حدث خطأ ما. ارجع إلى البداية وحاول مرة أخرى.

idle-title = هل ما زلت هنا؟
idle-body = بعد { $seconds } ثانية سأبدأ من جديد وأحذف ما كتبته.
idle-more = نعم، أحتاج إلى وقت أطول

manage-entry = لديك حجز بالفعل؟ اعرضه أو ألغه
manage-title = حجزك
manage-hint = اكتب رمز الحجز (موجود في الإيصال) وتاريخ ميلادك وآخر 4 أحرف أو أرقام من وثيقتك.
manage-document-end = آخر 4 أحرف أو أرقام من الوثيقة
manage-document-end-hint = آخر 4 أحرف أو أرقام من الرمز الضريبي (codice fiscale) أو جواز السفر أو تصريح الإقامة الذي قدّمته عند الحجز.
manage-find = بحث
manage-missing = اكتب الرمز وتاريخ الميلاد وآخر 4 أحرف أو أرقام من الوثيقة.
manage-not-found = لا يوجد حجز بهذه البيانات. تحقق وحاول مرة أخرى.
manage-too-many = محاولات كثيرة جدًا. حاول لاحقًا، أو اسأل عند أحد الشبابيك.
manage-offline = الجهاز غير متصل: يتم البحث عن الحجوزات في الخادم. حاول بعد قليل.
manage-cancel = إلغاء الحجز
manage-cancelled = تم إلغاء الحجز. أصبح المكان متاحًا للآخرين.
manage-cancel-pending = تم تسجيل الإلغاء وسيُرسل عند عودة الاتصال.
manage-cancel-refused = لم يعد من الممكن إلغاء هذا الحجز (انتهى أو أُلغي بالفعل).
date-placeholder = يي/شش/سسسس

keyboard = لوحة المفاتيح
keyboard-space = مسافة
keyboard-done = تم

receipt-print = اطبع الإيصال
receipt-printed = تمت طباعة الإيصال: خذه من الطابعة.
receipt-print-failed = الطابعة لا تستجيب. التقط صورة لهذه الشاشة: يبقى الإيصال هنا حتى تضغط إنهاء.
receipt-print-no-paper = نفد الورق من الطابعة: أخبر الموظفين. وفي الأثناء التقط صورة لهذه الشاشة مع رمز QR: يبقى الإيصال هنا حتى تضغط إنهاء.
receipt-cancel-how = للإلغاء

operator-entry = المشغلون
operator-title = دخول المشغلين
operator-username = اسم المستخدم
operator-password = كلمة المرور
operator-login = دخول
operator-refused = اسم المستخدم أو كلمة المرور غير صحيحة، أو الحساب ليس لمشغل.
operator-offline = الجهاز غير متصل: الدخول يتم عبر الخادم. حاول بعد قليل.
operator-as = المشغل: { $name }
operator-logout = خروج
operator-bookings = الحجوزات
operator-no-bookings = لا توجد حجوزات من اليوم فصاعدًا.
operator-not-active = غير نشط
operator-change-title = اختر كلمة المرور الخاصة بك
operator-change-hint = كلمة المرور التي حصلت عليها مؤقتة. قبل المتابعة، اختر كلمة مرور خاصة بك لا يقل عدد أحرفها عن { $length }.
operator-new-password = كلمة المرور الجديدة
operator-repeat-password = أعد كتابة كلمة المرور الجديدة
operator-change = حفظ كلمة المرور
operator-passwords-differ = كلمتا المرور غير متطابقتين.
operator-password-short = يجب ألا يقل عدد أحرف كلمة المرور عن { $length }.
manage-move = تغيير موعد الحجز
manage-move-when = اختر الموعد الجديد
manage-moved = تم تغيير الموعد. هذا هو الإيصال الجديد: الإيصال السابق لم يعد صالحًا.
manage-move-pending = تم تسجيل التغيير وسيُرسل عند عودة الاتصال. حتى ذلك الحين يبقى الإيصال السابق صالحًا.
manage-move-refused = لم يعد من الممكن تغيير هذا الموعد.

## The receipt's page on a phone (opened from the receipt's QR code)
phone-title = موعدك
phone-code = رمز الحجز
phone-counter = الشباك
phone-status-confirmed = مؤكد
phone-status-cancelled = ملغى
phone-status-checked-in = تم استقبالك عند الشباك
phone-status-past = موعد سابق
phone-replaced = تم استبدال هذا الإيصال: نُقل الموعد. استخدم أحدث إيصال.
phone-not-reported = حُجز في كشك بلا شبكة: سيُسجَّل عندما يعود الكشك إلى الاتصال. أحضر هذا الإيصال إلى الموعد.
phone-gone = هذا الحجز لم يعد موجوداً. لموعد جديد استخدم كشكاً أو اسأل البلدية.
phone-invalid = هذا ليس إيصالاً صالحاً من Sportello. تأكد من أنك مسحت رمز QR الموجود على الإيصال.
phone-calendar = أضف إلى التقويم
phone-cancel = إلغاء هذا الموعد
phone-cancel-sure = هل تريد حقاً إلغاء الموعد؟ سيذهب المكان إلى شخص آخر.
phone-cancel-yes = نعم، ألغِ
phone-cancel-no = لا، احتفظ به
phone-cancelled-now = تم إلغاء الموعد. لا تحتاج إلى فعل أي شيء آخر.
phone-date-missing = اكتب تاريخ ميلادك وآخر 4 أحرف أو أرقام من وثيقتك.
phone-language = اللغة

## Questions and answers
faq-search = ابحث عن سؤال (الكلمات الإيطالية تعمل أيضاً)
faq-all = الكل
faq-none = لم يتم العثور على إجابة. جرّب كلمات أخرى، أو اسأل في شباك البلدية.
faq-fallback = هذه الإجابة غير متوفرة بلغتك بعد: ها هي بـ { $language }.
faq-draft = ترجمة آلية: إذا كان هناك شيء غير واضح، اسأل عند الشباك.
faq-sources = المصادر
faq-reviewed = تم التحقق في { $date }
category-health = الصحة
category-school = المدرسة
category-housing = السكن
category-documents = الوثائق

# خريطة الخدمات
map-title = خدمات قريبة منك
map-search = ابحث عن مكان أو خدمة
map-filter-category = ما الذي تبحث عنه
map-filter-comune = البلدية
map-filter-language = اللغة المتحدث بها
map-filter-open-now = مفتوح الآن
map-any-category = الكل
map-any-comune = كل البلديات
map-any-language = كل اللغات
map-results = { $count ->
    [zero] لا توجد أماكن
    [one] مكان واحد
    [two] مكانان
    [few] { $count } أماكن
    [many] { $count } مكانًا
   *[other] { $count } مكان
}
map-none = لا يوجد مكان يطابق هذه الاختيارات.
map-clear-filters = إلغاء الاختيارات
map-zoom-in = تكبير الخريطة
map-zoom-out = تصغير الخريطة
map-recenter = العودة إلى نقطة البداية
map-you-are-here = أنت هنا
map-cluster = عدد الأماكن: { $count }. اضغط لرؤيتها عن قرب
map-distance-m = على بُعد { $metres } م
map-distance-km = على بُعد { $km } كم
map-attribution = البيانات: ISTAT; Openpolis (CC BY 4.0); GeoNames (CC BY 4.0)
map-empty = لم يتم تنزيل قائمة الخدمات على هذا الجهاز بعد.
svc-italian_courses = دروس اللغة الإيطالية
svc-work_training = العمل والتدريب
svc-housing = السكن
svc-health = الصحة
svc-school_minors = المدرسة والأطفال
svc-legal_immigration = المساعدة القانونية والهجرة
svc-mediation = الوسطاء اللغويون والثقافيون
svc-social_services = الخدمات الاجتماعية والاستقبال الأولي
svc-associations = الجمعيات والجاليات
place-open-until = مفتوح الآن حتى الساعة { $time }
place-opens-at = يفتح يوم { $day } في الساعة { $time }
place-opens-today = يفتح اليوم في الساعة { $time }
place-opens-tomorrow = يفتح غدًا في الساعة { $time }
place-no-hours = مواعيد العمل غير مذكورة
place-hours = مواعيد العمل
place-services = ماذا يقدم
place-languages = اللغات المتحدث بها
place-documents = الوثائق التي يجب إحضارها
place-fees = التكلفة
place-phone = الهاتف
place-address = العنوان
place-accessibility = سهولة الوصول لذوي الإعاقة
place-website = الموقع الإلكتروني
place-qr-page = امسح الرمز بهاتفك: افتح هذا المكان
place-qr-geo = امسح الرمز بهاتفك: خذني إلى هنا
place-demo = بيانات تجريبية: التفاصيل غير مؤكدة.
place-temporarily-closed = مغلق حاليًا
place-not-found = هذا المكان لم يعد في القائمة.
place-unavailable = لا يمكننا قراءة البيانات الآن. حاول مرة أخرى بعد قليل.
place-open-in-maps = افتح في خرائط الهاتف
place-title = مكان يمكنه مساعدتك
day-mo = الاثنين
day-tu = الثلاثاء
day-we = الأربعاء
day-th = الخميس
day-fr = الجمعة
day-sa = السبت
day-su = الأحد

## An office's change to a day: why, and what the person is told (receipt page, SMS).
change-reason-strike = إضراب
change-reason-training = تدريب الموظفين
change-reason-staff = غياب الموظفين
change-reason-closure = إغلاق المكتب
change-reason-technical = عطل تقني
change-reason-other = أسباب تنظيمية
phone-moved-by-office = نقل المكتب موعدك. السبب: { $reason }. هذا هو الموعد الجديد.
phone-cancelled-by-office = ألغى المكتب موعدك. السبب: { $reason }. يمكنك حجز موعد آخر.
notice-moved = { $office }: تم نقل موعدك { $code } إلى { $when }. السبب: { $reason }.
notice-cancelled = { $office }: تم إلغاء موعدك { $code }. السبب: { $reason }. يمكنك حجز موعد آخر.

## The office console (staff, in the browser at /ufficio/).
console-title = Sportello · المكتب
console-username = اسم المستخدم
console-password = كلمة المرور
console-login = تسجيل الدخول
console-logout = تسجيل الخروج
console-login-wrong = اسم المستخدم أو كلمة المرور غير صحيحة.
console-too-many = محاولات كثيرة جدًا: أعد المحاولة بعد بضع دقائق.
console-forbidden = لا يملك حسابك صلاحية القيام بذلك.
console-refused = رفض الخادم الطلب.
console-broken = رد غير متوقع من الخادم: أبلغ الدعم الفني.
console-offline = لا يوجد اتصال بالخادم: أعد المحاولة. لم يُفقد أي شيء.
console-session-ended = انتهت الجلسة: سجّل الدخول مرة أخرى.
console-password-change = اختر كلمة المرور الخاصة بك
console-password-rules = يجب أن تتكون كلمة المرور الجديدة من 10 أحرف على الأقل.
console-password-old = كلمة المرور الحالية
console-password-new = كلمة المرور الجديدة
console-password-save = حفظ كلمة المرور
console-office = المكتب
console-day = التاريخ
console-day-previous = اليوم السابق
console-day-next = اليوم التالي
console-today = اليوم
console-online = متصل
console-link-lost = انقطع الاتصال: جارٍ إعادة الاتصال…
console-tab-agenda = جدول المواعيد
console-tab-desk = تسجيل الحضور
console-tab-calling = النداء
console-counter = الشباك
console-status = الحالة
console-all = الكل
console-print = طباعة
console-csv = تصدير CSV
console-agenda-count = { $count ->
    [zero] لا توجد مواعيد
    [one] موعد واحد
    [two] موعدان
    [few] { $count } مواعيد
    [many] { $count } موعدًا
   *[other] { $count } موعد
}
console-agenda-empty = لا توجد مواعيد.
console-time = الساعة
console-code = الرمز
console-procedure = المعاملة
console-person = الشخص
console-born = تاريخ الميلاد
console-mediator = الوسيط اللغوي
console-channel = القناة
console-appointment = الموعد
console-documents = { $count ->
    [zero] لا مستندات للإحضار
    [one] مستند واحد للإحضار
    [two] مستندان للإحضار
    [few] { $count } مستندات للإحضار
    [many] { $count } مستندًا للإحضار
   *[other] { $count } مستند للإحضار
}
console-person-purged = (تم حذف البيانات)
console-channel-self = حجز ذاتي
console-channel-kiosk = الكشك { $kiosk }
console-channel-operator = موظف { $organization }
console-channel-office = المكتب
console-status-expected = متوقَّع
console-status-waiting = في الانتظار
console-status-called = تم النداء
console-status-served = تمت الخدمة
console-status-absent = غائب عند النداء
console-status-no-show = لم يحضر
console-status-cancelled = ملغى
console-scan-label = الإيصال أو الرمز
console-scan-placeholder = امسح الإيصال ضوئيًا أو اكتب الرمز
console-scan-check = تحقّق
console-scan-checked-in = تم تسجيل الحضور: سلّم الرقم.
console-scan-already = سبق تسجيل الحضور: الرقم نفسه.
console-scan-unreadable = ليس إيصالًا ولا رمزًا: امسح مجددًا أو اكتب الرمز.
console-scan-not-genuine = إيصال غير أصلي: اطلب وثيقة هوية وابحث عن الشخص في جدول المواعيد.
console-scan-unknown = لا يوجد حجز بهذا الرمز: تحقّق من الرمز.
console-scan-other-office = الحجز في مكتب آخر ({ $office }): وجّه الشخص إلى هناك.
console-scan-other-day = الموعد في { $day }: اطلب من الشخص العودة في ذلك اليوم.
console-scan-cancelled = الحجز ملغى: يمكن للشخص الحجز من جديد.
console-scan-moved = إيصال قديم: تم نقل الموعد، استخدم أحدث إيصال.
console-scan-too-early = مبكر جدًا: الموعد في الساعة { $time }، اطلب العودة قرب الموعد.
console-scan-too-late = متأخر جدًا: كان الموعد في الساعة { $time }، يلزم حجز جديد.
console-scan-no-show = مسجَّل على أنه لم يحضر: يلزم حجز جديد.
console-scan-not-reported = حُجز دون اتصال في كشك لم يُعِد الاتصال بعد: أعد المحاولة لاحقًا.
console-call-next = نداء التالي
console-call-again = إعادة النداء
console-served = تمت الخدمة
console-absent = غائب
console-called = تم نداء الرقم { $number }.
console-nobody-waiting = لا أحد في الانتظار لهذا الشباك.
console-waiting-count = { $count ->
    [zero] لا أحد في الانتظار
    [one] شخص واحد في الانتظار
    [two] شخصان في الانتظار
    [few] { $count } أشخاص في الانتظار
    [many] { $count } شخصًا في الانتظار
   *[other] { $count } شخص في الانتظار
}
console-display-title = الأرقام التي تم نداؤها
console-display-no-office = لم يُحدَّد المكتب: افتح /ufficio/display?office=…
console-display-none-yet = لا توجد نداءات اليوم حتى الآن.
console-display-previous = النداءات السابقة
console-display-stale = انقطع الاتصال: قد لا تكون الأرقام محدَّثة.
console-display-sound-on = تشغيل الصوت
console-actions = الإجراءات
console-mark-no-show = لم يحضر
console-not-yet-over = لم ينتهِ الموعد بعد.
console-tab-closures = الإغلاقات
console-closure-whole-office = المكتب بأكمله
console-closure-hours = ساعات العمل الجديدة لهذا اليوم
console-closure-hours-help = فارغ: مغلق. وإلا فاكتب الساعات، مثلًا 08:30-11:00، 14:00-16:00.
console-closure-reason = السبب (للجمهور)
console-closure-note = ملاحظة للمكتب
console-closure-check = التحقق من المواعيد
console-closure-bad-day = اختر اليوم.
console-closure-bad-hours = ساعات غير صالحة: اكتبها بالشكل 08:30-11:00.
console-closure-note-missing = اكتب ملاحظة للمكتب (مثلًا «إضراب»).
console-closure-hit = { $count ->
    [0] لا يتأثر أي موعد مؤكد: يمكنك الحفظ.
    [one] يتأثر موعد مؤكد واحد: قرّر ما يجب فعله به.
    [two] يتأثر موعدان مؤكدان: قرّر ما يجب فعله بهما.
    [few] يتأثر { $count } مواعيد مؤكدة: قرّر ما يجب فعله بها.
    [many] يتأثر { $count } موعدًا مؤكدًا: قرّر ما يجب فعله بها.
   *[other] يتأثر { $count } موعد مؤكد: قرّر ما يجب فعله بها.
}
console-closure-decision = القرار
console-closure-move-to = نقل إلى { $when }
console-closure-cancel = إلغاء
console-closure-no-phone = لا يوجد هاتف
console-closure-save = حفظ التعديل
console-closure-saved = تم حفظ التعديل: المنقولة { $moved }، الملغاة { $cancelled }.
console-closure-not-saved = لم يُحفظ التعديل: مواعيد تحتاج إلى مراجعة ({ $count }). تحقّق مجددًا.
console-to-call = يجب الاتصال بهم
console-to-call-none = لا أحد للاتصال به.
console-to-call-done = تم الاتصال
console-tab-numbers = الإحصاءات
console-numbers-span = الفترة
console-numbers-week = الأسبوع
console-numbers-day = اليوم
console-numbers-booked = المحجوزة
console-numbers-checked-in = الحضور المسجَّل
console-numbers-waiting = الانتظار من تسجيل الحضور حتى النداء
console-numbers-service = الوقت عند الشباك
console-numbers-spread = الوسيط { $median }، 9 من كل 10 خلال { $p90 } (عدد القياسات: { $count })
console-numbers-none = لا توجد بيانات
console-minutes = { $minutes } د
console-numbers-by-procedure = حسب المعاملة
console-numbers-by-channel = حسب القناة
console-numbers-what = البند
console-numbers-kiosks = الأكشاك
console-numbers-operators = موظفو البلديات ومكاتب المساعدة (patronati)
console-numbers-first-free = أول موعد شاغر (مدة انتظار الموعد)
console-numbers-first-slot = أول موعد شاغر
console-numbers-in-days = { $day } (الأيام المتبقية: { $days })
console-numbers-none-free = لا يوجد موعد شاغر في الجدول المفتوح
console-numbers-chart = حسب اليوم: المحجوزة { $booked }، المخدومة { $served }، لم يحضروا { $no_show }.
console-tab-audit = سجل التدقيق
console-audit-search = بحث
console-audit-when = متى
console-audit-who = مَن
console-audit-what = ماذا
console-audit-detail = التفاصيل
console-audit-hold = حجز مؤقت للمكان
console-audit-confirm = تم الحجز
console-audit-cancel = تم الإلغاء
console-audit-reschedule = تم النقل
console-audit-check-in = تم تسجيل الحضور
console-audit-call = تم النداء
console-audit-override-saved = تم تعديل اليوم
console-audit-override-deleted = تمت إزالة تعديل اليوم
console-channel-walk-in = بدون موعد
console-walk-in-title = شخص بدون موعد
console-walk-in-procedure = لأي إجراء
console-walk-in-give = إعطاء رقم
console-walk-in-given = تم إعطاء الرقم: سيُنادى الشخص بعد أصحاب المواعيد.
console-camera-start = استخدام الكاميرا
console-camera-stop = إغلاق الكاميرا
console-camera-hint = اعرض رمز QR الموجود على الإيصال أمام الكاميرا.
console-camera-unavailable = الكاميرا غير متاحة: استخدم الماسح الضوئي أو اكتب الرمز.
console-walk-in-arrived = الوصول
console-audit-walk-in = رقم بدون موعد
console-language = اللغة
