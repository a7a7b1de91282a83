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
coming-soon = قريبًا
coming-soon-body = هذا الجزء غير متوفر بعد. في الوقت الحالي يمكنك طلب المساعدة من شباك البلدية.
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
close = إغلاق

book-title = احجز موعدًا
book-coming-soon = الحجز من الكشك سيتوفر قريبًا. في الأثناء يمكنك الاطلاع على المكاتب والإجراءات التي تتولاها.
book-empty = لم يقم الكشك بتنزيل المكاتب بعد. حاول مرة أخرى بعد بضع دقائق.
office-kind-prefettura = المحافظة (البريفتورا)
office-kind-questura = مركز الشرطة (الكويستورا) – مكتب الهجرة
office-kind-sui = الشباك الموحد للهجرة
office-procedures = الإجراءات
slot-minutes = { $minutes ->
    [one] دقيقة واحدة
    [two] دقيقتان
    [few] { $minutes } دقائق
   *[other] { $minutes } دقيقة
}
mediator-recommended = يُنصح بوسيط ثقافي

error-cache = لا يستطيع الكشك قراءة بياناته. اطلب المساعدة من الموظفين.
error-unexpected = حدث خطأ ما. ارجع إلى البداية وحاول مرة أخرى.
