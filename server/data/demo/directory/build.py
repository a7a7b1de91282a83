#!/usr/bin/env python3
"""Demo data for the Sportello services map: Asti (AT) and Matera (MT).

What it is: the services a foreign resident may need in the provinces of Asti and Matera
(immigration offices, Italian courses, health, work, housing, school, legal aid, mediation,
social services, associations), written as an Open Referral HSDS 3.0 JSON document: an array
of "compiled" organizations, each with its locations and services, plus Sportello's two
extensions `x_translations` and `x_demo`. In the spirit of the PROSSIMA project of the
Prefettura di Matera. The reader is `core/src/directory/hsds.rs`.

How to run it (Python 3.11, standard library only), from anywhere:

    python3 server/data/demo/directory/build.py

It reads the comuni tables and boundaries from $SHARED_DATA (default /work/shared/data:
comuni_AT.csv, comuni_MT.csv, comuni_AT.geojson, comuni_MT.geojson), places every location
near its comune's centre, checks the whole document, prints a summary and writes
services.hsds.json next to this script. The output is the same on every run.

Sources: the comuni data (names, ISTAT codes, centres, boundaries): "Dati: ISTAT; Openpolis
(CC BY 4.0); GeoNames (CC BY 4.0)". The addresses and coordinates of the Prefettura and the
Questura of Asti come from server/data/demo/asti.toml.

`x_demo: true` marks an organization whose details (address, position on the map, hours,
phone numbers, languages, the association itself) are NOT verified: plausible demo data, not
information to give to a real person. Phone numbers of the form "+39 0141 000 0xx" and
"+39 0835 000 0xx" are fictitious on purpose. Only organizations with `x_demo: false` have
been checked, and only in what the summary of their entry below says.
"""

from __future__ import annotations

import csv
import hashlib
import json
import math
import os
import re
import sys
import uuid
from pathlib import Path

NS = uuid.UUID("6f1c2d0e-5b7a-4c1e-9a63-2f0d7b4e8a11")
HERE = Path(__file__).resolve().parent
SHARED_DATA = Path(os.environ.get("SHARED_DATA", "/work/shared/data"))
OUTPUT = HERE / "services.hsds.json"

# Languages every text has, and the languages of the most important services.
BASE_LANGS = ("it", "en", "fr", "ar")
ALL_LANGS = BASE_LANGS + ("es", "ro", "uk", "zh", "ur", "bn", "sq", "ru", "pa", "hi", "tl")

CATEGORIES = {
    "italian_courses": "Corsi di lingua italiana",
    "work_training": "Lavoro e formazione",
    "housing": "Casa",
    "health": "Salute",
    "school_minors": "Scuola e minori",
    "legal_immigration": "Assistenza legale e immigrazione",
    "mediation": "Mediazione linguistico-culturale",
    "social_services": "Servizi sociali e prima accoglienza",
    "associations": "Associazioni e comunità",
}

# ISO 639-1 code -> the language's own name.
LANGUAGE_NAMES = {
    "it": "Italiano", "en": "English", "fr": "Français", "ar": "العربية", "sq": "Shqip",
    "zh": "中文", "uk": "Українська", "ru": "Русский", "ro": "Română", "bn": "বাংলা",
    "ur": "اردو", "pa": "ਪੰਜਾਬੀ", "hi": "हिन्दी", "tl": "Tagalog", "es": "Español",
    "wo": "Wolof", "ff": "Fulfulde", "tw": "Twi",
}

POSTCODES = {
    # Asti
    "005005": "14100", "005017": "14053", "005080": "14049", "005117": "14018",
    "005031": "14022", "005050": "14055", "005076": "14048", "005097": "14015",
    "005118": "14019", "005121": "14026", "005069": "14036", "005025": "14033",
    "005058": "14045", "005059": "14057", "005096": "14030",
    # Matera
    "077014": "75100", "077021": "75025", "077020": "75015", "077008": "75013",
    "077028": "75019", "077031": "75020", "077027": "75018", "077013": "75022",
    "077017": "75024", "077029": "75028", "077003": "75012", "077018": "75020",
    "077011": "75014", "077016": "75023",
}


def T(it: str, en: str, fr: str, ar: str, **more: str) -> dict[str, str]:
    """A text: Italian base and its translations."""
    return {"it": it, "en": en, "fr": fr, "ar": ar, **more}


def site(org: dict[str, str], town: str) -> dict[str, str]:
    """The name of an organization's site in a town: 'CPIA Asti – sede di Canelli'."""
    return T(
        f"{org['it']} – sede di {town}",
        f"{org['en']} – {town} office",
        f"{org['fr']} – site de {town}",
        f"{org['ar']} – مقر {town}",
    )


# --- Shared small texts ------------------------------------------------------------------

FREE = T("Gratuito", "Free", "Gratuit", "مجاني")
FEE_CPIA = T(
    "Contributo di iscrizione 20 € (demo)",
    "Enrolment contribution 20 € (demo)",
    "Contribution d'inscription 20 € (démo)",
    "رسوم تسجيل 20 يورو (تجريبي)",
)
FEE_PERMIT = T(
    "A pagamento: contributo e marca da bollo secondo il tipo di permesso",
    "Paid: fee and revenue stamp depending on the type of permit",
    "Payant : contribution et timbre fiscal selon le type de permis",
    "بمقابل: رسوم وطابع ضريبي حسب نوع التصريح",
)
FEE_MEMBER = T(
    "Tessera associativa annuale 10 € (demo)",
    "Yearly membership card 10 € (demo)",
    "Carte de membre annuelle 10 € (démo)",
    "بطاقة عضوية سنوية 10 يورو (تجريبي)",
)

ACC_WHEELCHAIR = T(
    "Ingresso accessibile in sedia a rotelle",
    "Wheelchair-accessible entrance",
    "Entrée accessible en fauteuil roulant",
    "مدخل مناسب للكراسي المتحركة",
)
ACC_LIFT = T(
    "Ascensore per i piani superiori",
    "Lift to the upper floors",
    "Ascenseur pour les étages",
    "مصعد إلى الطوابق العليا",
)
ACC_GROUND = T(
    "Uffici al piano terra",
    "Offices on the ground floor",
    "Bureaux au rez-de-chaussée",
    "المكاتب في الطابق الأرضي",
)
ACC_STEPS = T(
    "Ingresso con gradini: suonare per assistenza",
    "Entrance with steps: ring the bell for help",
    "Entrée avec marches : sonnez pour de l'aide",
    "المدخل به درجات: اضغط الجرس لطلب المساعدة",
)
ACC_PARKING = T(
    "Parcheggio riservato a persone con disabilità",
    "Parking reserved for people with disabilities",
    "Parking réservé aux personnes handicapées",
    "موقف سيارات مخصص لذوي الإعاقة",
)

DOC_PASSPORT = T("Passaporto", "Passport", "Passeport", "جواز السفر")
DOC_ID = T(
    "Documento d'identità o passaporto",
    "Identity document or passport",
    "Pièce d'identité ou passeport",
    "وثيقة هوية أو جواز سفر",
)
DOC_ANY_ID = T(
    "Un documento di identità qualsiasi, anche scaduto (se c'è)",
    "Any identity document, even expired (if you have one)",
    "N'importe quelle pièce d'identité, même périmée (si vous en avez une)",
    "أي وثيقة هوية، حتى لو كانت منتهية الصلاحية (إن وُجدت)",
)
DOC_PERMIT = T(
    "Permesso di soggiorno o ricevuta della domanda",
    "Residence permit or the receipt of your application",
    "Permis de séjour ou récépissé de la demande",
    "تصريح الإقامة أو إيصال الطلب",
)
DOC_TAX = T("Codice fiscale", "Tax code (codice fiscale)", "Code fiscal (codice fiscale)", "الرمز الضريبي (codice fiscale)")
DOC_LETTER = T(
    "Lettera di convocazione",
    "Invitation letter (convocazione)",
    "Lettre de convocation",
    "رسالة الاستدعاء",
)
DOC_HEALTH_CARD = T("Tessera sanitaria", "Health card (tessera sanitaria)", "Carte sanitaire (tessera sanitaria)", "البطاقة الصحية")
DOC_CV = T(
    "Curriculum vitae (se c'è)",
    "CV (if you have one)",
    "CV (si vous en avez un)",
    "السيرة الذاتية (إن وُجدت)",
)
DOC_SCHOOL = T(
    "Pagella o titolo di studio del paese di origine (se c'è)",
    "School report or diploma from your home country (if you have one)",
    "Bulletin ou diplôme du pays d'origine (si vous en avez un)",
    "شهادة مدرسية من بلدك الأصلي (إن وُجدت)",
)
DOC_RESIDENCE = T(
    "Contratto d'affitto o dichiarazione di ospitalità",
    "Rental contract or declaration of hospitality",
    "Contrat de location ou déclaration d'hébergement",
    "عقد الإيجار أو إقرار الاستضافة",
)
DOC_ISEE = T(
    "ISEE (se c'è)",
    "ISEE income statement (if you have one)",
    "Attestation ISEE (si vous en avez une)",
    "شهادة الدخل ISEE (إن وُجدت)",
)

# --- The 10 texts of the most important services, in all 15 languages ----------------------

CORE = {
    "sui": (
        T(
            "Sportello Unico per l'Immigrazione",
            "One-Stop Immigration Desk (Sportello Unico)",
            "Guichet unique pour l'immigration (Sportello Unico)",
            "الشباك الموحد للهجرة (Sportello Unico)",
            es="Ventanilla Única de Inmigración (Sportello Unico)",
            ro="Ghișeul Unic pentru Imigrație (Sportello Unico)",
            uk="Єдине вікно з питань імміграції (Sportello Unico)",
            zh="移民统一窗口（Sportello Unico）",
            ur="امیگریشن کا واحد دفتر (Sportello Unico)",
            bn="অভিবাসনের একক কাউন্টার (Sportello Unico)",
            sq="Sporteli i Vetëm për Imigracionin (Sportello Unico)",
            ru="Единое окно по вопросам иммиграции (Sportello Unico)",
            pa="ਇਮੀਗ੍ਰੇਸ਼ਨ ਦਾ ਇੱਕੋ ਦਫ਼ਤਰ (Sportello Unico)",
            hi="आप्रवासन का एकल काउंटर (Sportello Unico)",
            tl="Iisang Tanggapan para sa Imigrasyon (Sportello Unico)",
        ),
        T(
            "Ricongiungimento familiare, nulla osta al lavoro (decreto flussi) e conversione del permesso di soggiorno. Si va solo su appuntamento, con la lettera di convocazione.",
            "Family reunification, work permits (nulla osta, 'decreto flussi') and conversion of your residence permit. Only by appointment, with your invitation letter.",
            "Regroupement familial, autorisation de travail (nulla osta, « decreto flussi ») et conversion du permis de séjour. Uniquement sur rendez-vous, avec la lettre de convocation.",
            "لمّ الشمل العائلي، وتصريح العمل (nulla osta، «decreto flussi»)، وتحويل تصريح الإقامة. بموعد فقط، مع رسالة الاستدعاء.",
            es="Reagrupación familiar, autorización de trabajo (nulla osta, «decreto flussi») y conversión del permiso de residencia. Solo con cita previa y con la carta de convocatoria.",
            ro="Reîntregirea familiei, autorizația de muncă (nulla osta, „decreto flussi”) și conversia permisului de ședere. Doar cu programare, cu scrisoarea de convocare.",
            uk="Возз’єднання сім’ї, дозвіл на роботу (nulla osta, «decreto flussi») та зміна типу дозволу на проживання. Лише за записом, з листом-запрошенням.",
            zh="办理家庭团聚、工作许可（nulla osta，“decreto flussi”）和居留许可转换。只接待预约，请带上预约通知信。",
            ur="خاندان کا ملاپ، کام کی اجازت (nulla osta، «decreto flussi») اور رہائشی اجازت نامے کی تبدیلی۔ صرف وقت لے کر آئیں، بلاوے کا خط ساتھ لائیں۔",
            bn="পরিবার পুনর্মিলন, কাজের অনুমতি (nulla osta, «decreto flussi») এবং থাকার অনুমতিপত্র পরিবর্তন। শুধু অ্যাপয়েন্টমেন্টে, ডাকার চিঠি সঙ্গে আনুন।",
            sq="Bashkimi familjar, leja e punës (nulla osta, «decreto flussi») dhe konvertimi i lejes së qëndrimit. Vetëm me takim, me letrën e thirrjes.",
            ru="Воссоединение семьи, разрешение на работу (nulla osta, «decreto flussi») и замена вида на жительство. Только по записи, с письмом-приглашением.",
            pa="ਪਰਿਵਾਰ ਨੂੰ ਬੁਲਾਉਣਾ, ਕੰਮ ਦੀ ਇਜਾਜ਼ਤ (nulla osta, «decreto flussi») ਅਤੇ ਰਹਿਣ ਦੇ ਪਰਮਿਟ ਦੀ ਤਬਦੀਲੀ। ਸਿਰਫ਼ ਸਮਾਂ ਲੈ ਕੇ ਆਓ, ਬੁਲਾਵੇ ਦੀ ਚਿੱਠੀ ਨਾਲ ਲਿਆਓ।",
            hi="परिवार को बुलाना, काम की अनुमति (nulla osta, «decreto flussi») और निवास परमिट का बदलाव। केवल अपॉइंटमेंट से, बुलावे का पत्र साथ लाएँ।",
            tl="Pagsasama-sama ng pamilya, permiso sa trabaho (nulla osta, \"decreto flussi\") at pagpapalit ng permit sa paninirahan. Sa appointment lamang, dalhin ang sulat ng pagtawag.",
        ),
    ),
    "citizenship": (
        T(
            "Cittadinanza italiana",
            "Italian citizenship",
            "Citoyenneté italienne",
            "الجنسية الإيطالية",
            es="Ciudadanía italiana",
            ro="Cetățenia italiană",
            uk="Італійське громадянство",
            zh="意大利国籍",
            ur="اطالوی شہریت",
            bn="ইতালীয় নাগরিকত্ব",
            sq="Shtetësia italiane",
            ru="Итальянское гражданство",
            pa="ਇਤਾਲਵੀ ਨਾਗਰਿਕਤਾ",
            hi="इतालवी नागरिकता",
            tl="Pagkamamamayang Italyano",
        ),
        T(
            "Informazioni sulla domanda di cittadinanza italiana per residenza o matrimonio. La domanda si fa online sul sito del Ministero dell'Interno; qui si consegnano i documenti quando si è chiamati.",
            "Information on applying for Italian citizenship by residence or marriage. You apply online on the Ministry of the Interior website; you bring your documents here when you are called.",
            "Informations sur la demande de citoyenneté italienne par résidence ou par mariage. La demande se fait en ligne sur le site du ministère de l'Intérieur ; on apporte ici les documents quand on est convoqué.",
            "معلومات عن طلب الجنسية الإيطالية بسبب الإقامة أو الزواج. يُقدَّم الطلب عبر الإنترنت على موقع وزارة الداخلية، وتُسلَّم الوثائق هنا عند الاستدعاء.",
            es="Información sobre la solicitud de ciudadanía italiana por residencia o por matrimonio. La solicitud se hace en línea en el sitio del Ministerio del Interior; aquí se entregan los documentos cuando le llamen.",
            ro="Informații despre cererea de cetățenie italiană pe bază de rezidență sau căsătorie. Cererea se face online pe site-ul Ministerului de Interne; aici aduceți documentele când sunteți chemat.",
            uk="Інформація про заяву на італійське громадянство за проживанням або через шлюб. Заяву подають онлайн на сайті Міністерства внутрішніх справ; документи приносять сюди, коли вас запросять.",
            zh="介绍因居住或婚姻申请意大利国籍的办法。申请在内政部网站上在线提交；收到通知后，把材料交到这里。",
            ur="رہائش یا شادی کی بنیاد پر اطالوی شہریت کی درخواست کے بارے میں معلومات۔ درخواست وزارت داخلہ کی ویب سائٹ پر آن لائن دی جاتی ہے؛ بلائے جانے پر کاغذات یہاں جمع کروائیں۔",
            bn="বসবাস বা বিয়ের ভিত্তিতে ইতালীয় নাগরিকত্বের আবেদন সম্পর্কে তথ্য। আবেদন স্বরাষ্ট্র মন্ত্রণালয়ের ওয়েবসাইটে অনলাইনে করতে হয়; ডাকলে কাগজপত্র এখানে জমা দিন।",
            sq="Informacion për kërkesën për shtetësi italiane me banim ose me martesë. Kërkesa bëhet online në faqen e Ministrisë së Brendshme; dokumentet i sillni këtu kur ju thërrasin.",
            ru="Информация о заявлении на итальянское гражданство по проживанию или по браку. Заявление подают онлайн на сайте Министерства внутренних дел; документы приносят сюда, когда вас вызовут.",
            pa="ਰਿਹਾਇਸ਼ ਜਾਂ ਵਿਆਹ ਦੇ ਅਧਾਰ 'ਤੇ ਇਤਾਲਵੀ ਨਾਗਰਿਕਤਾ ਦੀ ਅਰਜ਼ੀ ਬਾਰੇ ਜਾਣਕਾਰੀ। ਅਰਜ਼ੀ ਗ੍ਰਹਿ ਮੰਤਰਾਲੇ ਦੀ ਵੈੱਬਸਾਈਟ 'ਤੇ ਆਨਲਾਈਨ ਦਿੱਤੀ ਜਾਂਦੀ ਹੈ; ਬੁਲਾਏ ਜਾਣ 'ਤੇ ਕਾਗਜ਼ ਇੱਥੇ ਜਮ੍ਹਾਂ ਕਰਵਾਓ।",
            hi="निवास या विवाह के आधार पर इतालवी नागरिकता के आवेदन की जानकारी। आवेदन गृह मंत्रालय की वेबसाइट पर ऑनलाइन होता है; बुलाए जाने पर दस्तावेज़ यहाँ जमा करें।",
            tl="Impormasyon tungkol sa aplikasyon para sa pagkamamamayang Italyano dahil sa paninirahan o kasal. Online ang aplikasyon sa website ng Ministry of the Interior; dito ninyo dadalhin ang mga dokumento kapag tinawag kayo.",
        ),
    ),
    "permits": (
        T(
            "Ufficio Immigrazione – permessi di soggiorno",
            "Immigration Office – residence permits",
            "Bureau de l'immigration – permis de séjour",
            "مكتب الهجرة – تصاريح الإقامة",
            es="Oficina de Inmigración – permisos de residencia",
            ro="Biroul de Imigrație – permise de ședere",
            uk="Імміграційний відділ – дозволи на проживання",
            zh="移民办公室 – 居留许可",
            ur="امیگریشن آفس – رہائشی اجازت نامے",
            bn="ইমিগ্রেশন অফিস – থাকার অনুমতিপত্র",
            sq="Zyra e Imigracionit – lejet e qëndrimit",
            ru="Иммиграционный отдел – виды на жительство",
            pa="ਇਮੀਗ੍ਰੇਸ਼ਨ ਦਫ਼ਤਰ – ਰਹਿਣ ਦੇ ਪਰਮਿਟ",
            hi="आप्रवासन कार्यालय – निवास परमिट",
            tl="Tanggapan ng Imigrasyon – mga permit sa paninirahan",
        ),
        T(
            "Rilascio, rinnovo e ritiro del permesso di soggiorno, impronte digitali e richiesta di asilo. La domanda di rinnovo di solito si spedisce con il kit postale; qui si viene su convocazione.",
            "Issue, renewal and collection of residence permits, fingerprints and asylum applications. Renewal is usually sent with the post office kit; you come here when you are called.",
            "Délivrance, renouvellement et retrait du permis de séjour, empreintes digitales et demande d'asile. Le renouvellement s'envoie en général avec le kit de la poste ; on vient ici sur convocation.",
            "إصدار تصريح الإقامة وتجديده واستلامه، وأخذ البصمات، وطلب اللجوء. يُرسل طلب التجديد عادةً بالطقم البريدي (kit)، وتأتي إلى هنا عند الاستدعاء.",
            es="Expedición, renovación y retiro del permiso de residencia, huellas digitales y solicitud de asilo. La renovación normalmente se envía con el kit de Correos; aquí se viene cuando le citan.",
            ro="Eliberarea, reînnoirea și ridicarea permisului de ședere, amprente și cererea de azil. Reînnoirea se trimite de obicei cu kitul de la poștă; veniți aici când sunteți chemat.",
            uk="Видача, продовження та отримання дозволу на проживання, відбитки пальців і заява про притулок. Продовження зазвичай надсилають поштовим набором (kit); сюди приходять за викликом.",
            zh="办理居留许可的签发、续签和领取，采集指纹，申请庇护。续签通常通过邮局的申请包（kit）寄出；接到通知后再来这里。",
            ur="رہائشی اجازت نامہ جاری کرنا، تجدید اور وصولی، انگلیوں کے نشانات اور پناہ کی درخواست۔ تجدید عام طور پر ڈاک خانے کی کٹ سے بھیجی جاتی ہے؛ بلائے جانے پر یہاں آئیں۔",
            bn="থাকার অনুমতিপত্র দেওয়া, নবায়ন ও সংগ্রহ, আঙুলের ছাপ এবং আশ্রয়ের আবেদন। নবায়ন সাধারণত পোস্ট অফিসের কিট দিয়ে পাঠানো হয়; ডাকলে এখানে আসুন।",
            sq="Lëshimi, rinovimi dhe tërheqja e lejes së qëndrimit, shenjat e gishtave dhe kërkesa për azil. Rinovimi zakonisht dërgohet me kitin e postës; këtu vini kur ju thërrasin.",
            ru="Выдача, продление и получение вида на жительство, отпечатки пальцев и заявление об убежище. Продление обычно отправляют почтовым набором (kit); сюда приходят по вызову.",
            pa="ਰਹਿਣ ਦਾ ਪਰਮਿਟ ਜਾਰੀ ਕਰਨਾ, ਨਵਿਆਉਣਾ ਅਤੇ ਲੈਣਾ, ਉਂਗਲਾਂ ਦੇ ਨਿਸ਼ਾਨ ਅਤੇ ਸ਼ਰਨ ਦੀ ਅਰਜ਼ੀ। ਨਵਿਆਉਣ ਦੀ ਅਰਜ਼ੀ ਆਮ ਤੌਰ 'ਤੇ ਡਾਕਖ਼ਾਨੇ ਦੀ ਕਿੱਟ ਨਾਲ ਭੇਜੀ ਜਾਂਦੀ ਹੈ; ਬੁਲਾਏ ਜਾਣ 'ਤੇ ਇੱਥੇ ਆਓ।",
            hi="निवास परमिट जारी करना, नवीनीकरण और प्राप्त करना, उँगलियों के निशान और शरण का आवेदन। नवीनीकरण आमतौर पर डाकघर की किट से भेजा जाता है; बुलाए जाने पर यहाँ आएँ।",
            tl="Pagbibigay, pag-renew at pagkuha ng permit sa paninirahan, fingerprint at aplikasyon para sa asylum. Karaniwang ipinapadala ang renewal gamit ang kit ng post office; pumunta rito kapag tinawag kayo.",
        ),
    ),
    "italian": (
        T(
            "Corsi di lingua italiana per stranieri",
            "Italian language courses for foreigners",
            "Cours d'italien pour étrangers",
            "دروس اللغة الإيطالية للأجانب",
            es="Cursos de lengua italiana para extranjeros",
            ro="Cursuri de limba italiană pentru străini",
            uk="Курси італійської мови для іноземців",
            zh="外国人意大利语课程",
            ur="غیر ملکیوں کے لیے اطالوی زبان کے کورس",
            bn="বিদেশিদের জন্য ইতালীয় ভাষার কোর্স",
            sq="Kurse të gjuhës italiane për të huajt",
            ru="Курсы итальянского языка для иностранцев",
            pa="ਵਿਦੇਸ਼ੀਆਂ ਲਈ ਇਤਾਲਵੀ ਭਾਸ਼ਾ ਦੇ ਕੋਰਸ",
            hi="विदेशियों के लिए इतालवी भाषा के कोर्स",
            tl="Mga kurso sa wikang Italyano para sa mga dayuhan",
        ),
        T(
            "Corsi di italiano per adulti, dall'alfabetizzazione al livello B1, di mattina e di sera. Alla fine si riceve un attestato; il livello A2 serve per il permesso di soggiorno UE per soggiornanti di lungo periodo.",
            "Italian courses for adults, from learning to read and write up to level B1, in the morning and in the evening. At the end you get a certificate; level A2 is needed for the EU long-term residence permit.",
            "Cours d'italien pour adultes, de l'alphabétisation au niveau B1, le matin et le soir. À la fin, vous recevez une attestation ; le niveau A2 est demandé pour le permis de séjour UE de longue durée.",
            "دروس إيطالية للكبار، من تعلّم القراءة والكتابة حتى المستوى B1، صباحًا ومساءً. في النهاية تحصل على شهادة، والمستوى A2 مطلوب لتصريح الإقامة الأوروبي طويل الأمد.",
            es="Cursos de italiano para adultos, desde la alfabetización hasta el nivel B1, por la mañana y por la noche. Al final se recibe un certificado; el nivel A2 es necesario para el permiso de residencia UE de larga duración.",
            ro="Cursuri de italiană pentru adulți, de la alfabetizare până la nivelul B1, dimineața și seara. La final primiți un certificat; nivelul A2 este necesar pentru permisul de ședere UE pe termen lung.",
            uk="Курси італійської для дорослих — від навчання читання й письма до рівня B1, вранці та ввечері. Наприкінці ви отримуєте свідоцтво; рівень A2 потрібен для довгострокового дозволу на проживання ЄС.",
            zh="面向成年人的意大利语课程，从识字到B1水平，上午和晚上都有课。结业时发证书；申请欧盟长期居留许可需要A2水平。",
            ur="بالغوں کے لیے اطالوی زبان کے کورس، پڑھنا لکھنا سیکھنے سے B1 درجے تک، صبح اور شام۔ آخر میں سرٹیفکیٹ ملتا ہے؛ یورپی طویل مدتی رہائشی اجازت نامے کے لیے A2 درجہ ضروری ہے۔",
            bn="প্রাপ্তবয়স্কদের জন্য ইতালীয় ভাষার কোর্স, পড়া-লেখা শেখা থেকে B1 স্তর পর্যন্ত, সকালে ও সন্ধ্যায়। শেষে সার্টিফিকেট দেওয়া হয়; দীর্ঘমেয়াদি ইইউ থাকার অনুমতির জন্য A2 স্তর লাগে।",
            sq="Kurse italishteje për të rritur, nga mësimi i shkrim-leximit deri në nivelin B1, në mëngjes dhe në mbrëmje. Në fund merrni një dëshmi; niveli A2 kërkohet për lejen e qëndrimit BE afatgjatë.",
            ru="Курсы итальянского для взрослых — от обучения чтению и письму до уровня B1, утром и вечером. В конце выдают свидетельство; уровень A2 нужен для долгосрочного вида на жительство ЕС.",
            pa="ਵੱਡਿਆਂ ਲਈ ਇਤਾਲਵੀ ਦੇ ਕੋਰਸ, ਪੜ੍ਹਨਾ-ਲਿਖਣਾ ਸਿੱਖਣ ਤੋਂ B1 ਪੱਧਰ ਤੱਕ, ਸਵੇਰੇ ਅਤੇ ਸ਼ਾਮ ਨੂੰ। ਅੰਤ ਵਿੱਚ ਸਰਟੀਫਿਕੇਟ ਮਿਲਦਾ ਹੈ; ਲੰਮੇ ਸਮੇਂ ਦੇ ਯੂਰਪੀ ਰਹਿਣ ਪਰਮਿਟ ਲਈ A2 ਪੱਧਰ ਚਾਹੀਦਾ ਹੈ।",
            hi="वयस्कों के लिए इतालवी के कोर्स, पढ़ना-लिखना सीखने से B1 स्तर तक, सुबह और शाम। अंत में प्रमाणपत्र मिलता है; दीर्घकालिक ईयू निवास परमिट के लिए A2 स्तर ज़रूरी है।",
            tl="Mga kurso sa Italyano para sa matatanda, mula sa pag-aaral bumasa at sumulat hanggang level B1, sa umaga at sa gabi. Sa dulo may sertipiko; kailangan ang level A2 para sa EU long-term residence permit.",
        ),
    ),
    "middle_school": (
        T(
            "Licenza media per adulti",
            "Middle-school diploma for adults",
            "Diplôme de fin de collège pour adultes",
            "شهادة المرحلة المتوسطة للكبار",
            es="Título de escuela media para adultos",
            ro="Diploma de gimnaziu pentru adulți",
            uk="Свідоцтво про базову середню освіту для дорослих",
            zh="成人初中文凭",
            ur="بالغوں کے لیے مڈل اسکول ڈپلومہ",
            bn="প্রাপ্তবয়স্কদের জন্য মিডল স্কুলের সনদ",
            sq="Dëftesa e shkollës së mesme të ulët për të rritur",
            ru="Аттестат средней школы первой ступени для взрослых",
            pa="ਵੱਡਿਆਂ ਲਈ ਮਿਡਲ ਸਕੂਲ ਡਿਪਲੋਮਾ",
            hi="वयस्कों के लिए मिडिल स्कूल डिप्लोमा",
            tl="Diploma ng middle school para sa matatanda",
        ),
        T(
            "Percorso per ottenere il diploma di terza media (primo ciclo), anche per chi ha studiato in un altro paese. Dai 16 anni in su.",
            "A course to get the Italian middle-school diploma (licenza media), also for people who studied in another country. From age 16.",
            "Parcours pour obtenir le diplôme italien de fin de collège (licenza media), aussi pour ceux qui ont étudié dans un autre pays. À partir de 16 ans.",
            "مسار للحصول على شهادة المدرسة المتوسطة الإيطالية (licenza media)، حتى لمن درس في بلد آخر. من عمر 16 سنة فما فوق.",
            es="Curso para obtener el título italiano de escuela media (licenza media), también para quien estudió en otro país. Desde los 16 años.",
            ro="Curs pentru a obține diploma italiană de gimnaziu (licenza media), și pentru cei care au studiat în altă țară. De la 16 ani.",
            uk="Навчання, щоб отримати італійське свідоцтво про закінчення середньої школи першого ступеня (licenza media), також для тих, хто навчався в іншій країні. Від 16 років.",
            zh="帮助成年人取得意大利初中文凭（licenza media），在其他国家读过书的人也可以参加。16岁以上。",
            ur="اطالوی مڈل اسکول ڈپلومہ (licenza media) حاصل کرنے کا کورس، ان کے لیے بھی جنہوں نے کسی اور ملک میں تعلیم حاصل کی۔ 16 سال سے زیادہ عمر کے لیے۔",
            bn="ইতালীয় মিডল স্কুলের সনদ (licenza media) পাওয়ার কোর্স, অন্য দেশে পড়াশোনা করা মানুষদের জন্যও। ১৬ বছর বয়স থেকে।",
            sq="Kurs për të marrë dëftesën italiane të shkollës së mesme të ulët (licenza media), edhe për ata që kanë studiuar në një vend tjetër. Nga mosha 16 vjeç.",
            ru="Курс для получения итальянского аттестата средней школы первой ступени (licenza media), в том числе для тех, кто учился в другой стране. С 16 лет.",
            pa="ਇਤਾਲਵੀ ਮਿਡਲ ਸਕੂਲ ਡਿਪਲੋਮਾ (licenza media) ਲੈਣ ਲਈ ਕੋਰਸ, ਉਹਨਾਂ ਲਈ ਵੀ ਜਿਨ੍ਹਾਂ ਨੇ ਕਿਸੇ ਹੋਰ ਦੇਸ਼ ਵਿੱਚ ਪੜ੍ਹਾਈ ਕੀਤੀ। 16 ਸਾਲ ਤੋਂ ਉੱਪਰ।",
            hi="इतालवी मिडिल स्कूल डिप्लोमा (licenza media) पाने का कोर्स, उनके लिए भी जिन्होंने किसी दूसरे देश में पढ़ाई की। 16 साल से ऊपर।",
            tl="Kurso para makuha ang Italian middle school diploma (licenza media), pati para sa mga nag-aral sa ibang bansa. Mula edad 16.",
        ),
    ),
    "stp": (
        T(
            "Ambulatorio STP/ENI – cure per chi non ha la tessera sanitaria",
            "STP/ENI clinic – care for people without a health card",
            "Consultation STP/ENI – soins pour ceux qui n'ont pas de carte sanitaire",
            "عيادة STP/ENI – علاج لمن ليست لديه بطاقة صحية",
            es="Consultorio STP/ENI – atención para quien no tiene tarjeta sanitaria",
            ro="Cabinet STP/ENI – îngrijire pentru cei fără card de sănătate",
            uk="Кабінет STP/ENI – допомога для тих, хто не має медичної картки",
            zh="STP/ENI门诊 – 为没有医疗卡的人看病",
            ur="STP/ENI کلینک – ہیلتھ کارڈ کے بغیر لوگوں کا علاج",
            bn="STP/ENI ক্লিনিক – যাদের স্বাস্থ্য কার্ড নেই তাদের চিকিৎসা",
            sq="Ambulanca STP/ENI – kurim për ata pa kartë shëndetësore",
            ru="Кабинет STP/ENI – помощь для тех, у кого нет медицинской карты",
            pa="STP/ENI ਕਲੀਨਿਕ – ਸਿਹਤ ਕਾਰਡ ਤੋਂ ਬਿਨਾਂ ਲੋਕਾਂ ਦਾ ਇਲਾਜ",
            hi="STP/ENI क्लिनिक – बिना स्वास्थ्य कार्ड वालों का इलाज",
            tl="STP/ENI clinic – gamutan para sa walang health card",
        ),
        T(
            "Visite e cure urgenti ed essenziali per stranieri senza permesso di soggiorno (tessera STP) e cittadini UE senza copertura sanitaria (tessera ENI). I dati non vengono segnalati alla polizia.",
            "Urgent and essential medical care for foreigners without a residence permit (STP card) and EU citizens without health cover (ENI card). Your data is not reported to the police.",
            "Soins urgents et essentiels pour les étrangers sans permis de séjour (carte STP) et les citoyens de l'UE sans couverture santé (carte ENI). Vos données ne sont pas signalées à la police.",
            "فحوص وعلاج عاجل وأساسي للأجانب بدون تصريح إقامة (بطاقة STP) ولمواطني الاتحاد الأوروبي بدون تغطية صحية (بطاقة ENI). لا تُبلَّغ الشرطة ببياناتك.",
            es="Atención médica urgente y esencial para extranjeros sin permiso de residencia (tarjeta STP) y ciudadanos de la UE sin cobertura sanitaria (tarjeta ENI). Sus datos no se comunican a la policía.",
            ro="Îngrijiri medicale urgente și esențiale pentru străinii fără permis de ședere (card STP) și cetățenii UE fără asigurare de sănătate (card ENI). Datele dumneavoastră nu sunt comunicate poliției.",
            uk="Невідкладна та необхідна медична допомога для іноземців без дозволу на проживання (картка STP) і громадян ЄС без медичного страхування (картка ENI). Ваші дані не передають поліції.",
            zh="为没有居留许可的外国人（STP卡）和没有医疗保险的欧盟公民（ENI卡）提供紧急和基本的医疗。您的信息不会报告给警察。",
            ur="رہائشی اجازت نامے کے بغیر غیر ملکیوں (STP کارڈ) اور صحت بیمہ کے بغیر یورپی یونین کے شہریوں (ENI کارڈ) کے لیے فوری اور ضروری علاج۔ آپ کی معلومات پولیس کو نہیں دی جاتیں۔",
            bn="থাকার অনুমতিপত্র ছাড়া বিদেশিদের (STP কার্ড) এবং স্বাস্থ্যবিমা ছাড়া ইইউ নাগরিকদের (ENI কার্ড) জন্য জরুরি ও প্রয়োজনীয় চিকিৎসা। আপনার তথ্য পুলিশকে জানানো হয় না।",
            sq="Vizita dhe kurime urgjente dhe thelbësore për të huajt pa leje qëndrimi (karta STP) dhe qytetarët e BE-së pa mbulim shëndetësor (karta ENI). Të dhënat tuaja nuk i jepen policisë.",
            ru="Срочная и необходимая медицинская помощь для иностранцев без вида на жительство (карта STP) и граждан ЕС без медицинской страховки (карта ENI). Ваши данные не передают в полицию.",
            pa="ਰਹਿਣ ਦੇ ਪਰਮਿਟ ਤੋਂ ਬਿਨਾਂ ਵਿਦੇਸ਼ੀਆਂ (STP ਕਾਰਡ) ਅਤੇ ਸਿਹਤ ਬੀਮੇ ਤੋਂ ਬਿਨਾਂ ਯੂਰਪੀ ਨਾਗਰਿਕਾਂ (ENI ਕਾਰਡ) ਲਈ ਜ਼ਰੂਰੀ ਅਤੇ ਫ਼ੌਰੀ ਇਲਾਜ। ਤੁਹਾਡੀ ਜਾਣਕਾਰੀ ਪੁਲਿਸ ਨੂੰ ਨਹੀਂ ਦਿੱਤੀ ਜਾਂਦੀ।",
            hi="बिना निवास परमिट वाले विदेशियों (STP कार्ड) और बिना स्वास्थ्य बीमा वाले ईयू नागरिकों (ENI कार्ड) के लिए ज़रूरी और तुरंत इलाज। आपकी जानकारी पुलिस को नहीं दी जाती।",
            tl="Agaran at mahalagang gamutan para sa mga dayuhang walang permit sa paninirahan (STP card) at mga mamamayan ng EU na walang health coverage (ENI card). Hindi ibinibigay sa pulis ang inyong impormasyon.",
        ),
    ),
    "family_clinic": (
        T(
            "Consultorio familiare",
            "Family health centre (consultorio)",
            "Centre de santé familiale (consultorio)",
            "مركز صحة الأسرة (consultorio)",
            es="Centro de salud familiar (consultorio)",
            ro="Centrul de sănătate a familiei (consultorio)",
            uk="Сімейна консультація (consultorio)",
            zh="家庭健康咨询中心（consultorio）",
            ur="خاندانی صحت مرکز (consultorio)",
            bn="পারিবারিক স্বাস্থ্য কেন্দ্র (consultorio)",
            sq="Qendra shëndetësore e familjes (consultorio)",
            ru="Семейная консультация (consultorio)",
            pa="ਪਰਿਵਾਰਕ ਸਿਹਤ ਕੇਂਦਰ (consultorio)",
            hi="परिवार स्वास्थ्य केंद्र (consultorio)",
            tl="Sentro sa kalusugan ng pamilya (consultorio)",
        ),
        T(
            "Gravidanza, contraccezione, visite ginecologiche, vaccinazioni e salute dei bambini piccoli. Accesso libero, anche senza permesso di soggiorno; su richiesta c'è una mediatrice culturale.",
            "Pregnancy, contraception, gynaecological visits, vaccinations and health of small children. Walk in, also without a residence permit; a cultural mediator can be present if you ask.",
            "Grossesse, contraception, consultations gynécologiques, vaccinations et santé des petits enfants. Accès libre, même sans permis de séjour ; une médiatrice culturelle est disponible sur demande.",
            "الحمل، ومنع الحمل، وفحوص أمراض النساء، والتطعيمات، وصحة الأطفال الصغار. الدخول حر، حتى بدون تصريح إقامة، وتتوفر وسيطة ثقافية عند الطلب.",
            es="Embarazo, anticoncepción, visitas ginecológicas, vacunas y salud de los niños pequeños. Acceso libre, también sin permiso de residencia; si lo pide, hay una mediadora cultural.",
            ro="Sarcină, contracepție, consultații ginecologice, vaccinări și sănătatea copiilor mici. Acces liber, și fără permis de ședere; la cerere este prezentă o mediatoare culturală.",
            uk="Вагітність, контрацепція, огляд у гінеколога, щеплення та здоров’я маленьких дітей. Вільний доступ, навіть без дозволу на проживання; на прохання буде культурна медіаторка.",
            zh="提供怀孕、避孕、妇科检查、疫苗接种和幼儿健康服务。可直接前来，没有居留许可也可以；如有需要可安排文化调解员。",
            ur="حمل، مانع حمل، زنانہ امراض کا معائنہ، ویکسین اور چھوٹے بچوں کی صحت۔ بغیر وقت لیے آ سکتے ہیں، رہائشی اجازت نامے کے بغیر بھی؛ درخواست پر ثقافتی ثالث موجود ہوتی ہے۔",
            bn="গর্ভাবস্থা, জন্মনিয়ন্ত্রণ, স্ত্রীরোগ পরীক্ষা, টিকা এবং ছোট শিশুদের স্বাস্থ্য। সরাসরি আসা যায়, থাকার অনুমতিপত্র ছাড়াও; চাইলে একজন সাংস্কৃতিক মধ্যস্থতাকারী থাকেন।",
            sq="Shtatzënia, kontracepsioni, vizitat gjinekologjike, vaksinat dhe shëndeti i fëmijëve të vegjël. Hyrje e lirë, edhe pa leje qëndrimi; me kërkesë ka një ndërmjetëse kulturore.",
            ru="Беременность, контрацепция, осмотр у гинеколога, прививки и здоровье маленьких детей. Свободный доступ, даже без вида на жительство; по просьбе будет культурный посредник.",
            pa="ਗਰਭ, ਗਰਭ-ਰੋਕੂ ਸਾਧਨ, ਔਰਤਾਂ ਦੀ ਡਾਕਟਰੀ ਜਾਂਚ, ਟੀਕੇ ਅਤੇ ਛੋਟੇ ਬੱਚਿਆਂ ਦੀ ਸਿਹਤ। ਸਿੱਧੇ ਆ ਸਕਦੇ ਹੋ, ਰਹਿਣ ਦੇ ਪਰਮਿਟ ਤੋਂ ਬਿਨਾਂ ਵੀ; ਮੰਗਣ 'ਤੇ ਸੱਭਿਆਚਾਰਕ ਵਿਚੋਲਣ ਮਿਲਦੀ ਹੈ।",
            hi="गर्भावस्था, गर्भनिरोध, स्त्री रोग जाँच, टीके और छोटे बच्चों का स्वास्थ्य। सीधे आ सकते हैं, बिना निवास परमिट के भी; माँगने पर सांस्कृतिक मध्यस्थ मिलती है।",
            tl="Pagbubuntis, kontrasepsyon, pagsusuring gynecological, bakuna at kalusugan ng maliliit na bata. Puwedeng pumunta nang walang appointment, kahit walang permit sa paninirahan; may cultural mediator kung hihilingin.",
        ),
    ),
    "health_registration": (
        T(
            "Iscrizione al Servizio Sanitario e scelta del medico",
            "Health service registration and choice of doctor",
            "Inscription au service de santé et choix du médecin",
            "التسجيل في الخدمة الصحية واختيار الطبيب",
            es="Inscripción en el Servicio Sanitario y elección del médico",
            ro="Înscrierea la Serviciul Sanitar și alegerea medicului",
            uk="Реєстрація в системі охорони здоров’я та вибір лікаря",
            zh="加入国家医疗服务并选择医生",
            ur="صحت کی سروس میں اندراج اور ڈاکٹر کا انتخاب",
            bn="স্বাস্থ্যসেবায় নিবন্ধন ও ডাক্তার বাছাই",
            sq="Regjistrimi në Shërbimin Shëndetësor dhe zgjedhja e mjekut",
            ru="Регистрация в системе здравоохранения и выбор врача",
            pa="ਸਿਹਤ ਸੇਵਾ ਵਿੱਚ ਨਾਂ ਦਰਜ ਕਰਵਾਉਣਾ ਅਤੇ ਡਾਕਟਰ ਚੁਣਨਾ",
            hi="स्वास्थ्य सेवा में पंजीकरण और डॉक्टर का चुनाव",
            tl="Pagpaparehistro sa serbisyong pangkalusugan at pagpili ng doktor",
        ),
        T(
            "Iscrizione al Servizio Sanitario Nazionale, tessera sanitaria e scelta del medico di famiglia e del pediatra. Serve il permesso di soggiorno o la ricevuta della domanda.",
            "Registration with the National Health Service, health card, and choice of family doctor and paediatrician. You need your residence permit or the receipt of your application.",
            "Inscription au Service sanitaire national, carte sanitaire et choix du médecin de famille et du pédiatre. Il faut le permis de séjour ou le récépissé de la demande.",
            "التسجيل في الخدمة الصحية الوطنية، والبطاقة الصحية، واختيار طبيب الأسرة وطبيب الأطفال. يلزم تصريح الإقامة أو إيصال الطلب.",
            es="Inscripción en el Servicio Sanitario Nacional, tarjeta sanitaria y elección del médico de cabecera y del pediatra. Se necesita el permiso de residencia o el resguardo de la solicitud.",
            ro="Înscrierea la Serviciul Sanitar Național, cardul de sănătate și alegerea medicului de familie și a pediatrului. Aveți nevoie de permisul de ședere sau de chitanța cererii.",
            uk="Реєстрація в Національній службі охорони здоров’я, медична картка, вибір сімейного лікаря та педіатра. Потрібен дозвіл на проживання або квитанція про подання заяви.",
            zh="办理国家医疗服务登记、医疗卡，选择家庭医生和儿科医生。需要居留许可或申请回执。",
            ur="قومی صحت سروس میں اندراج، ہیلتھ کارڈ، اور فیملی ڈاکٹر اور بچوں کے ڈاکٹر کا انتخاب۔ رہائشی اجازت نامہ یا درخواست کی رسید ضروری ہے۔",
            bn="জাতীয় স্বাস্থ্যসেবায় নিবন্ধন, স্বাস্থ্য কার্ড এবং পারিবারিক ডাক্তার ও শিশু বিশেষজ্ঞ বাছাই। থাকার অনুমতিপত্র বা আবেদনের রসিদ লাগবে।",
            sq="Regjistrimi në Shërbimin Shëndetësor Kombëtar, karta shëndetësore dhe zgjedhja e mjekut të familjes dhe e pediatrit. Duhet leja e qëndrimit ose dëftesa e kërkesës.",
            ru="Регистрация в Национальной службе здравоохранения, медицинская карта, выбор семейного врача и педиатра. Нужен вид на жительство или квитанция о подаче заявления.",
            pa="ਰਾਸ਼ਟਰੀ ਸਿਹਤ ਸੇਵਾ ਵਿੱਚ ਨਾਂ ਦਰਜ, ਸਿਹਤ ਕਾਰਡ, ਅਤੇ ਪਰਿਵਾਰਕ ਡਾਕਟਰ ਤੇ ਬੱਚਿਆਂ ਦੇ ਡਾਕਟਰ ਦੀ ਚੋਣ। ਰਹਿਣ ਦਾ ਪਰਮਿਟ ਜਾਂ ਅਰਜ਼ੀ ਦੀ ਰਸੀਦ ਚਾਹੀਦੀ ਹੈ।",
            hi="राष्ट्रीय स्वास्थ्य सेवा में पंजीकरण, स्वास्थ्य कार्ड, और फ़ैमिली डॉक्टर व बच्चों के डॉक्टर का चुनाव। निवास परमिट या आवेदन की रसीद चाहिए।",
            tl="Pagpaparehistro sa National Health Service, health card, at pagpili ng family doctor at pediatrician. Kailangan ang permit sa paninirahan o ang resibo ng aplikasyon.",
        ),
    ),
    "job_centre": (
        T(
            "Iscrizione al Centro per l'Impiego e ricerca di lavoro",
            "Job centre registration and job search",
            "Inscription au Centre pour l'emploi et recherche de travail",
            "التسجيل في مركز التوظيف والبحث عن عمل",
            es="Inscripción en el Centro de Empleo y búsqueda de trabajo",
            ro="Înscrierea la Centrul pentru Ocuparea Forței de Muncă și căutarea unui loc de muncă",
            uk="Реєстрація в центрі зайнятості та пошук роботи",
            zh="在就业中心登记和找工作",
            ur="روزگار مرکز میں اندراج اور نوکری کی تلاش",
            bn="কর্মসংস্থান কেন্দ্রে নিবন্ধন ও চাকরি খোঁজা",
            sq="Regjistrimi në Qendrën e Punësimit dhe kërkimi i punës",
            ru="Регистрация в центре занятости и поиск работы",
            pa="ਰੁਜ਼ਗਾਰ ਕੇਂਦਰ ਵਿੱਚ ਨਾਂ ਦਰਜ ਅਤੇ ਕੰਮ ਦੀ ਭਾਲ",
            hi="रोज़गार केंद्र में पंजीकरण और नौकरी की तलाश",
            tl="Pagpaparehistro sa Job Center at paghahanap ng trabaho",
        ),
        T(
            "Dichiarazione di disponibilità al lavoro (DID), offerte di lavoro, tirocini e corsi di formazione. Aiuto per scrivere il curriculum.",
            "Declaration that you are available for work (DID), job offers, traineeships and training courses. Help with writing your CV.",
            "Déclaration de disponibilité au travail (DID), offres d'emploi, stages et formations. Aide pour écrire votre CV.",
            "إعلان الاستعداد للعمل (DID)، وعروض العمل، والتدريب المهني، ودورات التكوين. مساعدة في كتابة السيرة الذاتية.",
            es="Declaración de disponibilidad para trabajar (DID), ofertas de trabajo, prácticas y cursos de formación. Ayuda para escribir el currículum.",
            ro="Declarația de disponibilitate pentru muncă (DID), oferte de muncă, stagii și cursuri de formare. Ajutor pentru scrierea CV-ului.",
            uk="Заява про готовність працювати (DID), вакансії, стажування та навчальні курси. Допомога зі складанням резюме.",
            zh="办理可就业声明（DID），提供招聘信息、实习和职业培训课程，帮助写简历。",
            ur="کام کے لیے دستیابی کا اعلان (DID)، نوکری کی پیشکشیں، انٹرن شپ اور تربیتی کورس۔ سی وی لکھنے میں مدد۔",
            bn="কাজের জন্য প্রস্তুত থাকার ঘোষণা (DID), চাকরির বিজ্ঞপ্তি, ইন্টার্নশিপ ও প্রশিক্ষণ কোর্স। সিভি লিখতে সাহায্য।",
            sq="Deklarata e gatishmërisë për punë (DID), ofertat e punës, praktikat dhe kurset e formimit. Ndihmë për të shkruar CV-në.",
            ru="Заявление о готовности к работе (DID), вакансии, стажировки и учебные курсы. Помощь в составлении резюме.",
            pa="ਕੰਮ ਲਈ ਤਿਆਰ ਹੋਣ ਦਾ ਐਲਾਨ (DID), ਨੌਕਰੀਆਂ, ਟ੍ਰੇਨਿੰਗ ਅਤੇ ਸਿਖਲਾਈ ਕੋਰਸ। ਸੀਵੀ ਲਿਖਣ ਵਿੱਚ ਮਦਦ।",
            hi="काम के लिए उपलब्धता की घोषणा (DID), नौकरियाँ, इंटर्नशिप और प्रशिक्षण कोर्स। सीवी लिखने में मदद।",
            tl="Deklarasyon na handa kayong magtrabaho (DID), mga alok na trabaho, traineeship at mga kurso sa pagsasanay. Tulong sa pagsulat ng CV.",
        ),
    ),
    "registry": (
        T(
            "Anagrafe – residenza e carta d'identità",
            "Registry office – residence and identity card",
            "État civil – résidence et carte d'identité",
            "مكتب السجل المدني – الإقامة وبطاقة الهوية",
            es="Registro civil (anagrafe) – residencia y documento de identidad",
            ro="Evidența populației (anagrafe) – reședința și cartea de identitate",
            uk="Реєстраційний відділ (anagrafe) – місце проживання та посвідчення особи",
            zh="户籍处（anagrafe）– 居住登记和身份证",
            ur="رجسٹری آفس (anagrafe) – رہائش اور شناختی کارڈ",
            bn="নিবন্ধন অফিস (anagrafe) – বাসস্থান ও পরিচয়পত্র",
            sq="Gjendja civile (anagrafe) – vendbanimi dhe karta e identitetit",
            ru="Отдел регистрации (anagrafe) – место жительства и удостоверение личности",
            pa="ਰਜਿਸਟਰੀ ਦਫ਼ਤਰ (anagrafe) – ਰਿਹਾਇਸ਼ ਅਤੇ ਸ਼ਨਾਖ਼ਤੀ ਕਾਰਡ",
            hi="रजिस्ट्री कार्यालय (anagrafe) – निवास और पहचान पत्र",
            tl="Tanggapan ng rehistro (anagrafe) – paninirahan at ID card",
        ),
        T(
            "Iscrizione della residenza, cambio di indirizzo, carta d'identità e certificati. La residenza serve per molti servizi, per esempio la carta d'identità e alcuni aiuti del Comune.",
            "Registering your residence, change of address, identity card and certificates. Residence is needed for many services, for example the identity card and some help from the Comune.",
            "Inscription de la résidence, changement d'adresse, carte d'identité et certificats. La résidence est nécessaire pour beaucoup de services, par exemple la carte d'identité et certaines aides de la commune.",
            "تسجيل مكان السكن، وتغيير العنوان، وبطاقة الهوية، والشهادات. السكن المسجَّل (residenza) ضروري لخدمات كثيرة، مثل بطاقة الهوية وبعض مساعدات البلدية.",
            es="Inscripción de la residencia, cambio de domicilio, documento de identidad y certificados. La residencia es necesaria para muchos servicios, por ejemplo el documento de identidad y algunas ayudas del Ayuntamiento.",
            ro="Înregistrarea reședinței, schimbarea adresei, cartea de identitate și certificate. Reședința este necesară pentru multe servicii, de exemplu cartea de identitate și unele ajutoare ale Primăriei.",
            uk="Реєстрація місця проживання, зміна адреси, посвідчення особи та довідки. Реєстрація потрібна для багатьох послуг, наприклад для посвідчення особи та деяких видів допомоги від муніципалітету.",
            zh="办理居住登记、地址变更、身份证和各类证明。很多服务需要居住登记，例如身份证和市政府的一些补助。",
            ur="رہائش کا اندراج، پتہ تبدیل کرنا، شناختی کارڈ اور سرٹیفکیٹ۔ بہت سی خدمات کے لیے رہائش کا اندراج ضروری ہے، مثلاً شناختی کارڈ اور بلدیہ کی کچھ امداد۔",
            bn="বাসস্থান নিবন্ধন, ঠিকানা পরিবর্তন, পরিচয়পত্র ও সনদপত্র। অনেক সেবার জন্য বাসস্থান নিবন্ধন লাগে, যেমন পরিচয়পত্র এবং পৌরসভার কিছু সহায়তা।",
            sq="Regjistrimi i vendbanimit, ndryshimi i adresës, karta e identitetit dhe certifikatat. Vendbanimi duhet për shumë shërbime, për shembull për kartën e identitetit dhe disa ndihma të Komunës.",
            ru="Регистрация по месту жительства, смена адреса, удостоверение личности и справки. Регистрация нужна для многих услуг, например для удостоверения личности и некоторых видов помощи от коммуны.",
            pa="ਰਿਹਾਇਸ਼ ਦਾ ਇੰਦਰਾਜ, ਪਤਾ ਬਦਲਣਾ, ਸ਼ਨਾਖ਼ਤੀ ਕਾਰਡ ਅਤੇ ਸਰਟੀਫਿਕੇਟ। ਬਹੁਤ ਸਾਰੀਆਂ ਸੇਵਾਵਾਂ ਲਈ ਰਿਹਾਇਸ਼ ਦਾ ਇੰਦਰਾਜ ਜ਼ਰੂਰੀ ਹੈ, ਜਿਵੇਂ ਸ਼ਨਾਖ਼ਤੀ ਕਾਰਡ ਅਤੇ ਕਮਿਊਨ ਦੀ ਕੁਝ ਮਦਦ।",
            hi="निवास का पंजीकरण, पता बदलना, पहचान पत्र और प्रमाणपत्र। कई सेवाओं के लिए निवास पंजीकरण ज़रूरी है, जैसे पहचान पत्र और नगर पालिका की कुछ सहायता।",
            tl="Pagpaparehistro ng tirahan, pagpapalit ng address, ID card at mga sertipiko. Kailangan ang rehistro ng tirahan para sa maraming serbisyo, halimbawa ang ID card at ilang tulong ng Comune.",
        ),
    ),
}

# --- Organizations ---------------------------------------------------------------------------
#
# Each organization: slug, demo (x_demo), name, description, optional website and phones,
# locations (site key, comune ISTAT code, name, street, hours, optional accessibility and
# exact point) and services (slug, name, description, categories, languages, the sites where
# it is offered, each optionally with its own narrower hours; optional fees and documents).
# Hours are written "MO-FR 09:00-12:30" (days as a range or a comma list).

PREF_AT = T("Prefettura di Asti", "Prefecture of Asti (Prefettura)", "Préfecture d'Asti (Prefettura)", "محافظة أستي (Prefettura)")
QUES_AT = T("Questura di Asti", "Police Headquarters of Asti (Questura)", "Préfecture de police d'Asti (Questura)", "مديرية شرطة أستي (Questura)")
PREF_MT = T("Prefettura di Matera", "Prefecture of Matera (Prefettura)", "Préfecture de Matera (Prefettura)", "محافظة ماتيرا (Prefettura)")
QUES_MT = T("Questura di Matera", "Police Headquarters of Matera (Questura)", "Préfecture de police de Matera (Questura)", "مديرية شرطة ماتيرا (Questura)")
CPIA_AT = T("CPIA 1 Asti", "CPIA 1 Asti (adult school)", "CPIA 1 Asti (école pour adultes)", "CPIA 1 Asti (مدرسة الكبار)")
CPIA_MT = T("CPIA Matera", "CPIA Matera (adult school)", "CPIA Matera (école pour adultes)", "CPIA Matera (مدرسة الكبار)")
ASL_AT = T("ASL AT – Azienda Sanitaria Locale di Asti", "ASL AT – Local Health Authority of Asti", "ASL AT – Agence sanitaire locale d'Asti", "ASL AT – الهيئة الصحية المحلية في أستي")
ASM_MT = T("ASM – Azienda Sanitaria Locale di Matera", "ASM – Local Health Authority of Matera", "ASM – Agence sanitaire locale de Matera", "ASM – الهيئة الصحية المحلية في ماتيرا")

ORGANIZATIONS = [
    # Verified (asti.toml): name, address and building of the Prefettura and its SUI, and the
    # web page. Hours follow the demo counters of asti.toml (not verified).
    dict(
        slug="prefettura-asti",
        demo=False,
        name=PREF_AT,
        description=T(
            "Ufficio del Governo nella provincia. Il suo Sportello Unico per l'Immigrazione segue ricongiungimenti familiari, lavoro dall'estero e cittadinanza.",
            "The Government's office in the province. Its One-Stop Immigration Desk handles family reunification, hiring from abroad and citizenship.",
            "Le bureau du Gouvernement dans la province. Son guichet unique pour l'immigration s'occupe du regroupement familial, du travail depuis l'étranger et de la citoyenneté.",
            "مكتب الحكومة في المقاطعة. يتولى شباكها الموحد للهجرة لمّ الشمل العائلي والعمل من الخارج والجنسية.",
        ),
        website="https://www.prefettura.it/asti",
        locations=[
            dict(
                key="prefettura-asti",
                comune="005005",
                name=T(
                    "Prefettura di Asti – Palazzo del Governo",
                    "Prefecture of Asti – Palazzo del Governo",
                    "Préfecture d'Asti – Palazzo del Governo",
                    "محافظة أستي – Palazzo del Governo",
                ),
                street="Piazza Vittorio Alfieri, 30",
                point=(44.89955, 8.20705),
                hours=["MO-FR 09:00-12:30", "TU,TH 14:30-16:00"],
                access=[ACC_WHEELCHAIR, ACC_LIFT],
            )
        ],
        services=[
            dict(
                slug="sui",
                core="sui",
                cats=["legal_immigration"],
                langs=["it", "en", "fr", "ar"],
                fees=FREE,
                docs=[DOC_LETTER, DOC_PASSPORT, DOC_PERMIT],
                at=[("prefettura-asti", None)],
            ),
            dict(
                slug="cittadinanza",
                core="citizenship",
                cats=["legal_immigration"],
                langs=["it", "en"],
                fees=T(
                    "Contributo di legge per la domanda (vedi il sito del Ministero)",
                    "Legal fee for the application (see the Ministry website)",
                    "Contribution légale pour la demande (voir le site du ministère)",
                    "رسوم قانونية للطلب (انظر موقع الوزارة)",
                ),
                docs=[DOC_LETTER, DOC_PASSPORT],
                at=[("prefettura-asti", ["MO,WE 09:00-12:00"])],
            ),
        ],
    ),
    # Verified (asti.toml): name, address and building of the Questura and its Ufficio
    # Immigrazione, and the web page. Hours follow the demo counters of asti.toml.
    dict(
        slug="questura-asti",
        demo=False,
        name=QUES_AT,
        description=T(
            "Polizia di Stato. L'Ufficio Immigrazione rilascia e rinnova i permessi di soggiorno e riceve le domande di asilo.",
            "State Police. The Immigration Office issues and renews residence permits and receives asylum applications.",
            "Police d'État. Le bureau de l'immigration délivre et renouvelle les permis de séjour et reçoit les demandes d'asile.",
            "الشرطة الوطنية. يصدر مكتب الهجرة تصاريح الإقامة ويجددها ويستقبل طلبات اللجوء.",
        ),
        website="https://questure.poliziadistato.it/it/Asti",
        locations=[
            dict(
                key="questura-asti",
                comune="005005",
                name=T(
                    "Questura di Asti – Ufficio Immigrazione",
                    "Police Headquarters of Asti – Immigration Office",
                    "Préfecture de police d'Asti – Bureau de l'immigration",
                    "مديرية شرطة أستي – مكتب الهجرة",
                ),
                street="Corso XXV Aprile, 19",
                point=(44.89705, 8.21195),
                hours=["MO-FR 08:30-12:30", "TH 15:00-17:00"],
                access=[ACC_WHEELCHAIR],
            )
        ],
        services=[
            dict(
                slug="permessi",
                core="permits",
                cats=["legal_immigration"],
                langs=["it", "en", "fr"],
                fees=FEE_PERMIT,
                docs=[DOC_LETTER, DOC_PASSPORT, DOC_PERMIT, DOC_TAX],
                at=[("questura-asti", None)],
            ),
            dict(
                slug="ritiro",
                name=T(
                    "Ritiro del permesso di soggiorno pronto",
                    "Collecting your ready residence permit",
                    "Retrait du permis de séjour prêt",
                    "استلام تصريح الإقامة الجاهز",
                ),
                desc=T(
                    "Consegna dei permessi già pronti. Prima controllate online, con il numero della ricevuta, che il permesso sia pronto.",
                    "Hand-over of permits that are ready. First check online, with your receipt number, that your permit is ready.",
                    "Remise des permis déjà prêts. Vérifiez d'abord en ligne, avec le numéro du récépissé, que votre permis est prêt.",
                    "تسليم التصاريح الجاهزة. تحقق أولًا عبر الإنترنت، برقم الإيصال، من أن تصريحك جاهز.",
                ),
                cats=["legal_immigration"],
                langs=["it", "en"],
                fees=FREE,
                docs=[DOC_PERMIT, DOC_PASSPORT],
                at=[("questura-asti", ["MO-FR 09:00-12:30"])],
            ),
        ],
    ),
    # Real office; the street (Piazza Vittorio Veneto) is from the press (2015), the number,
    # the position on the map and the hours are not verified: demo.
    dict(
        slug="prefettura-matera",
        demo=True,
        name=PREF_MT,
        description=T(
            "Ufficio del Governo nella provincia di Matera. Lo Sportello Unico per l'Immigrazione segue ricongiungimenti, lavoro dall'estero e cittadinanza; con il progetto PROSSIMA orienta i cittadini stranieri verso i servizi del territorio.",
            "The Government's office in the province of Matera. The One-Stop Immigration Desk handles family reunification, hiring from abroad and citizenship; with the PROSSIMA project it guides foreign residents to local services.",
            "Le bureau du Gouvernement dans la province de Matera. Le guichet unique pour l'immigration s'occupe du regroupement familial, du travail depuis l'étranger et de la citoyenneté ; avec le projet PROSSIMA, il oriente les étrangers vers les services du territoire.",
            "مكتب الحكومة في مقاطعة ماتيرا. يتولى الشباك الموحد للهجرة لمّ الشمل والعمل من الخارج والجنسية، ومع مشروع PROSSIMA يوجّه المقيمين الأجانب إلى الخدمات المحلية.",
        ),
        website="https://www.prefettura.it/matera",
        phones=["+39 0835 000 001"],
        locations=[
            dict(
                key="prefettura-matera",
                comune="077014",
                name=T(
                    "Prefettura di Matera – Palazzo del Governo",
                    "Prefecture of Matera – Palazzo del Governo",
                    "Préfecture de Matera – Palazzo del Governo",
                    "محافظة ماتيرا – Palazzo del Governo",
                ),
                street="Piazza Vittorio Veneto",
                hours=["MO-FR 09:00-12:30", "TU,TH 15:00-17:00"],
                access=[ACC_WHEELCHAIR, ACC_LIFT],
            )
        ],
        services=[
            dict(
                slug="sui",
                core="sui",
                cats=["legal_immigration"],
                langs=["it", "en", "fr", "ar"],
                fees=FREE,
                docs=[DOC_LETTER, DOC_PASSPORT, DOC_PERMIT],
                at=[("prefettura-matera", ["MO,WE,FR 09:00-12:30", "TU 15:00-17:00"])],
            ),
            dict(
                slug="cittadinanza",
                core="citizenship",
                cats=["legal_immigration"],
                langs=["it", "en"],
                docs=[DOC_LETTER, DOC_PASSPORT],
                at=[("prefettura-matera", ["TU,TH 09:00-12:00"])],
            ),
            dict(
                slug="prossima",
                name=T(
                    "Sportello PROSSIMA – orientamento ai servizi",
                    "PROSSIMA desk – guidance to services",
                    "Guichet PROSSIMA – orientation vers les services",
                    "شباك PROSSIMA – التوجيه إلى الخدمات",
                ),
                desc=T(
                    "Operatori e mediatori spiegano le pratiche di soggiorno e indicano a quale ufficio o associazione rivolgersi. C'è anche una web app con la mappa dei servizi della provincia.",
                    "Staff and mediators explain residence procedures and tell you which office or association to go to. There is also a web app with a map of the services in the province.",
                    "Des agents et des médiateurs expliquent les démarches de séjour et indiquent à quel bureau ou association s'adresser. Il existe aussi une application web avec la carte des services de la province.",
                    "يشرح الموظفون والوسطاء إجراءات الإقامة ويدلّونك على المكتب أو الجمعية المناسبة. يوجد أيضًا تطبيق ويب فيه خريطة خدمات المقاطعة.",
                ),
                cats=["legal_immigration", "mediation"],
                langs=["it", "en", "fr", "ar", "ur", "bn"],
                fees=FREE,
                at=[("prefettura-matera", ["MO,WE 09:00-12:30", "TH 15:00-17:00"])],
            ),
        ],
    ),
    # Real office; address from the Questura's 2009 service charter (Via Gattini, 12; the
    # commissariati of Pisticci and Scanzano Jonico): may have changed. Hours: demo.
    dict(
        slug="questura-matera",
        demo=True,
        name=QUES_MT,
        description=T(
            "Polizia di Stato. L'Ufficio Immigrazione rilascia e rinnova i permessi di soggiorno; i commissariati di Pisticci e Scanzano Jonico aiutano chi vive lontano dal capoluogo.",
            "State Police. The Immigration Office issues and renews residence permits; the police stations in Pisticci and Scanzano Jonico help people who live far from Matera.",
            "Police d'État. Le bureau de l'immigration délivre et renouvelle les permis de séjour ; les commissariats de Pisticci et de Scanzano Jonico aident ceux qui habitent loin de Matera.",
            "الشرطة الوطنية. يصدر مكتب الهجرة تصاريح الإقامة ويجددها، ويساعد مركزا الشرطة في Pisticci وScanzano Jonico من يسكن بعيدًا عن ماتيرا.",
        ),
        website="https://questure.poliziadistato.it/it/Matera",
        phones=["+39 0835 000 002"],
        locations=[
            dict(
                key="questura-matera",
                comune="077014",
                name=T(
                    "Questura di Matera – Ufficio Immigrazione",
                    "Police Headquarters of Matera – Immigration Office",
                    "Préfecture de police de Matera – Bureau de l'immigration",
                    "مديرية شرطة ماتيرا – مكتب الهجرة",
                ),
                street="Via Gattini, 12",
                hours=["MO,TU,TH,FR 09:00-12:00", "TU 15:00-18:00"],
                access=[ACC_WHEELCHAIR],
            ),
            dict(
                key="questura-matera-pisticci",
                comune="077020",
                name=T(
                    "Commissariato di Pisticci",
                    "Pisticci police station (Commissariato)",
                    "Commissariat de Pisticci",
                    "مركز شرطة Pisticci (Commissariato)",
                ),
                street="Via Caboto, 13",
                hours=["MO-FR 09:00-12:00"],
                access=[ACC_GROUND],
            ),
            dict(
                key="questura-matera-scanzano",
                comune="077031",
                name=T(
                    "Commissariato di Scanzano Jonico",
                    "Scanzano Jonico police station (Commissariato)",
                    "Commissariat de Scanzano Jonico",
                    "مركز شرطة Scanzano Jonico (Commissariato)",
                ),
                street="Via Leopardi",
                hours=["MO-FR 09:00-12:00"],
            ),
        ],
        services=[
            dict(
                slug="permessi",
                core="permits",
                cats=["legal_immigration"],
                langs=["it", "en", "fr"],
                fees=FEE_PERMIT,
                docs=[DOC_LETTER, DOC_PASSPORT, DOC_PERMIT, DOC_TAX],
                at=[("questura-matera", None)],
            ),
            dict(
                slug="informazioni-commissariati",
                name=T(
                    "Informazioni sui permessi e ritiro nei commissariati",
                    "Permit information and collection at local police stations",
                    "Informations sur les permis et retrait dans les commissariats",
                    "معلومات عن التصاريح واستلامها في مراكز الشرطة المحلية",
                ),
                desc=T(
                    "Informazioni sullo stato della pratica e consegna dei permessi pronti, per chi abita nel Metapontino e nella collina. Portate la ricevuta della domanda.",
                    "Information on the state of your application and hand-over of ready permits, for people living on the Metaponto coast and in the hills. Bring the receipt of your application.",
                    "Informations sur l'état du dossier et remise des permis prêts, pour les habitants de la côte de Metaponto et des collines. Apportez le récépissé de la demande.",
                    "معلومات عن حالة الملف وتسليم التصاريح الجاهزة لسكان ساحل Metaponto والتلال. أحضر إيصال الطلب.",
                ),
                cats=["legal_immigration"],
                langs=["it"],
                fees=FREE,
                docs=[DOC_PERMIT, DOC_PASSPORT],
                at=[
                    ("questura-matera-pisticci", ["TU,TH 09:00-12:00"]),
                    ("questura-matera-scanzano", ["WE,FR 09:00-12:00"]),
                ],
            ),
        ],
    ),
    # Real school; the main site's address (Piazza Leonardo da Vinci, 22) and the Villafranca
    # site in Via Roma are from the local press (2017, 2025); other sites, hours and map
    # positions are demo.
    dict(
        slug="cpia-asti",
        demo=True,
        name=CPIA_AT,
        description=T(
            "Scuola statale per adulti e ragazzi dai 16 anni: corsi di italiano per stranieri, licenza media e test di lingua. Ha la sede ad Asti e sedi in molti comuni della provincia.",
            "State school for adults and young people from 16: Italian courses for foreigners, middle-school diploma and language tests. Main site in Asti and sites in many towns of the province.",
            "École publique pour adultes et jeunes dès 16 ans : cours d'italien pour étrangers, diplôme de fin de collège et tests de langue. Siège à Asti et sites dans de nombreuses communes de la province.",
            "مدرسة حكومية للكبار والشباب من عمر 16 سنة: دروس الإيطالية للأجانب، وشهادة المرحلة المتوسطة، واختبارات اللغة. مقرها في أستي ولها فروع في بلدات كثيرة في المقاطعة.",
        ),
        website="https://cpia1asti.edu.it",
        phones=["+39 0141 000 001"],
        locations=[
            dict(
                key="cpia-asti",
                comune="005005",
                name=T("CPIA 1 Asti – sede centrale", "CPIA 1 Asti – main site", "CPIA 1 Asti – siège", "CPIA 1 Asti – المقر الرئيسي"),
                street="Piazza Leonardo da Vinci, 22",
                hours=["MO-FR 08:30-12:30", "MO-TH 14:00-21:00"],
                access=[ACC_WHEELCHAIR, ACC_LIFT],
            ),
            dict(key="cpia-asti-canelli", comune="005017", name=site(CPIA_AT, "Canelli"),
                 street="Via Giuliani, 29", hours=["MO-TH 17:30-21:00", "WE 09:00-12:00"], access=[ACC_GROUND]),
            dict(key="cpia-asti-nizza", comune="005080", name=site(CPIA_AT, "Nizza Monferrato"),
                 street="Via Pio Corsi, 34", hours=["MO-TH 17:30-21:00", "TU 09:00-12:00"]),
            dict(key="cpia-asti-villafranca", comune="005117", name=site(CPIA_AT, "Villafranca d'Asti"),
                 street="Via Roma", hours=["MO,WE 09:00-12:00", "TU,TH 18:00-21:00"], access=[ACC_GROUND]),
            dict(key="cpia-asti-castelnuovo", comune="005031", name=site(CPIA_AT, "Castelnuovo Don Bosco"),
                 street="Via San Giovanni Bosco, 8", hours=["TU,TH 18:00-20:30"]),
            dict(key="cpia-asti-costigliole", comune="005050", name=site(CPIA_AT, "Costigliole d'Asti"),
                 street="Piazza Umberto I, 12", hours=["MO,WE 18:00-20:30"]),
            dict(key="cpia-asti-montegrosso", comune="005076", name=site(CPIA_AT, "Montegrosso d'Asti"),
                 street="Via XX Settembre, 5", hours=["TU,TH 18:00-20:30"]),
        ],
        services=[
            dict(
                slug="italiano",
                core="italian",
                cats=["italian_courses"],
                langs=["it", "en", "fr", "ar"],
                fees=FEE_CPIA,
                docs=[DOC_ID, DOC_PERMIT, DOC_TAX],
                at=[
                    ("cpia-asti", ["MO-FR 09:00-12:00", "MO-TH 18:00-20:30"]),
                    ("cpia-asti-canelli", ["MO-TH 18:00-20:30"]),
                    ("cpia-asti-nizza", ["MO-TH 18:00-20:30"]),
                    ("cpia-asti-villafranca", None),
                    ("cpia-asti-castelnuovo", None),
                    ("cpia-asti-costigliole", None),
                    ("cpia-asti-montegrosso", None),
                ],
            ),
            dict(
                slug="licenza-media",
                core="middle_school",
                cats=["school_minors", "work_training"],
                langs=["it", "en", "fr"],
                fees=FEE_CPIA,
                docs=[DOC_ID, DOC_TAX, DOC_SCHOOL],
                at=[
                    ("cpia-asti", ["MO-TH 18:00-21:00"]),
                    ("cpia-asti-canelli", ["TU,TH 18:00-21:00"]),
                    ("cpia-asti-nizza", ["MO,WE 18:00-21:00"]),
                ],
            ),
            dict(
                slug="test-a2",
                name=T(
                    "Test di italiano A2 ed educazione civica",
                    "Italian A2 test and civic education",
                    "Test d'italien A2 et éducation civique",
                    "اختبار الإيطالية A2 والتربية المدنية",
                ),
                desc=T(
                    "Sessioni del test di lingua A2 per il permesso di lungo periodo e incontri di educazione civica per l'Accordo di integrazione. Si partecipa su convocazione della Prefettura.",
                    "Sessions of the A2 language test for the long-term permit and civic education meetings for the Integration Agreement. You take part when the Prefecture calls you.",
                    "Sessions du test de langue A2 pour le permis de longue durée et séances d'éducation civique pour l'Accord d'intégration. On y participe sur convocation de la Préfecture.",
                    "جلسات اختبار اللغة A2 لتصريح الإقامة الطويلة ولقاءات التربية المدنية الخاصة باتفاق الاندماج. تشارك فيها عند استدعائك من المحافظة.",
                ),
                cats=["italian_courses", "legal_immigration"],
                langs=["it", "en", "fr", "ar"],
                fees=FREE,
                docs=[DOC_LETTER, DOC_PASSPORT],
                at=[("cpia-asti", ["WE 14:30-17:30"])],
            ),
        ],
    ),
    # Real school (CPIA Matera); addresses, sites, hours and map positions are demo.
    dict(
        slug="cpia-matera",
        demo=True,
        name=CPIA_MT,
        description=T(
            "Scuola statale per adulti: italiano per stranieri, licenza media e test di lingua A2, con sedi a Matera e nei centri più grandi della provincia, anche di sera.",
            "State school for adults: Italian for foreigners, middle-school diploma and A2 language tests, with sites in Matera and in the larger towns of the province, also in the evening.",
            "École publique pour adultes : italien pour étrangers, diplôme de fin de collège et tests de langue A2, avec des sites à Matera et dans les plus grandes communes de la province, aussi le soir.",
            "مدرسة حكومية للكبار: الإيطالية للأجانب، وشهادة المرحلة المتوسطة، واختبارات اللغة A2، ولها مقرات في ماتيرا وفي أكبر بلدات المقاطعة، مساءً أيضًا.",
        ),
        phones=["+39 0835 000 003"],
        locations=[
            dict(
                key="cpia-matera",
                comune="077014",
                name=T("CPIA Matera – sede centrale", "CPIA Matera – main site", "CPIA Matera – siège", "CPIA Matera – المقر الرئيسي"),
                street="Via Nazionale, 67",
                hours=["MO-FR 08:30-13:00", "MO-TH 15:00-20:30"],
                access=[ACC_WHEELCHAIR],
            ),
            dict(key="cpia-matera-policoro", comune="077021", name=site(CPIA_MT, "Policoro"),
                 street="Via Lazio, 12", hours=["MO-TH 15:30-20:30", "FR 09:00-12:00"], access=[ACC_WHEELCHAIR]),
            dict(key="cpia-matera-pisticci", comune="077020", name=site(CPIA_MT, "Pisticci"),
                 street="Via Dante Alighieri, 20", hours=["MO-TH 16:00-20:00"]),
            dict(key="cpia-matera-ferrandina", comune="077008", name=site(CPIA_MT, "Ferrandina"),
                 street="Corso Vittorio Emanuele, 40", hours=["TU,TH 16:00-19:30"]),
            dict(key="cpia-matera-tricarico", comune="077028", name=site(CPIA_MT, "Tricarico"),
                 street="Via Roma, 15", hours=["MO,WE 16:00-19:30"], access=[ACC_STEPS]),
            dict(key="cpia-matera-scanzano", comune="077031", name=site(CPIA_MT, "Scanzano Jonico"),
                 street="Via Roma, 60", hours=["MO,WE,FR 17:00-20:30"]),
            dict(key="cpia-matera-stigliano", comune="077027", name=site(CPIA_MT, "Stigliano"),
                 street="Piazza Garibaldi, 3", hours=["TU,TH 16:00-19:00"], access=[ACC_STEPS]),
        ],
        services=[
            dict(
                slug="italiano",
                core="italian",
                cats=["italian_courses"],
                langs=["it", "en", "fr", "ar"],
                fees=FEE_CPIA,
                docs=[DOC_ID, DOC_PERMIT, DOC_TAX],
                at=[
                    ("cpia-matera", ["MO-FR 09:00-12:00", "MO-TH 17:30-20:00"]),
                    ("cpia-matera-policoro", ["MO-TH 17:00-20:00"]),
                    ("cpia-matera-pisticci", None),
                    ("cpia-matera-ferrandina", None),
                    ("cpia-matera-tricarico", None),
                    ("cpia-matera-scanzano", None),
                    ("cpia-matera-stigliano", None),
                ],
            ),
            dict(
                slug="licenza-media",
                core="middle_school",
                cats=["school_minors", "work_training"],
                langs=["it", "en"],
                fees=FEE_CPIA,
                docs=[DOC_ID, DOC_TAX, DOC_SCHOOL],
                at=[
                    ("cpia-matera", ["MO-TH 15:00-19:00"]),
                    ("cpia-matera-policoro", ["TU,TH 15:30-19:30"]),
                    ("cpia-matera-pisticci", None),
                ],
            ),
            dict(
                slug="test-a2",
                name=T(
                    "Test di italiano A2 ed educazione civica",
                    "Italian A2 test and civic education",
                    "Test d'italien A2 et éducation civique",
                    "اختبار الإيطالية A2 والتربية المدنية",
                ),
                desc=T(
                    "Sessioni del test di lingua A2 per il permesso di lungo periodo e incontri di educazione civica per l'Accordo di integrazione, su convocazione della Prefettura.",
                    "Sessions of the A2 language test for the long-term permit and civic education meetings for the Integration Agreement, when the Prefecture calls you.",
                    "Sessions du test de langue A2 pour le permis de longue durée et séances d'éducation civique pour l'Accord d'intégration, sur convocation de la Préfecture.",
                    "جلسات اختبار اللغة A2 لتصريح الإقامة الطويلة ولقاءات التربية المدنية لاتفاق الاندماج، عند استدعائك من المحافظة.",
                ),
                cats=["italian_courses", "legal_immigration"],
                langs=["it", "en", "fr", "ar"],
                fees=FREE,
                docs=[DOC_LETTER, DOC_PASSPORT],
                at=[("cpia-matera", ["TH 15:00-18:00"])],
            ),
        ],
    ),
    # Real health authority; the hospital's street (Corso Dante Alighieri, 202) and the
    # consultorio in Via Baracca (press, 2015) are believed right; other sites, hours and
    # map positions are demo.
    dict(
        slug="asl-at",
        demo=True,
        name=ASL_AT,
        description=T(
            "Azienda sanitaria pubblica della provincia di Asti: ospedale, consultori, medici di famiglia e cure per chi non ha ancora la tessera sanitaria.",
            "Public health authority of the province of Asti: hospital, family health centres, family doctors and care for people who do not have a health card yet.",
            "Agence sanitaire publique de la province d'Asti : hôpital, centres de santé familiale, médecins de famille et soins pour ceux qui n'ont pas encore de carte sanitaire.",
            "الهيئة الصحية العامة في مقاطعة أستي: المستشفى، ومراكز صحة الأسرة، وأطباء الأسرة، والعلاج لمن ليست لديه بطاقة صحية بعد.",
        ),
        website="https://www.asl.at.it",
        phones=["+39 0141 000 002"],
        locations=[
            dict(
                key="asl-at-massaia",
                comune="005005",
                name=T(
                    "Ospedale Cardinal Massaia",
                    "Cardinal Massaia Hospital",
                    "Hôpital Cardinal Massaia",
                    "مستشفى Cardinal Massaia",
                ),
                street="Corso Dante Alighieri, 202",
                hours=["MO-FR 08:00-16:00", "SA 08:00-12:00"],
                access=[ACC_WHEELCHAIR, ACC_PARKING],
            ),
            dict(
                key="asl-at-consultorio-asti",
                comune="005005",
                name=T(
                    "Consultorio familiare di Asti",
                    "Asti family health centre",
                    "Centre de santé familiale d'Asti",
                    "مركز صحة الأسرة في أستي",
                ),
                street="Via Baracca",
                hours=["MO-TH 08:00-13:00", "MO-TH 14:00-15:00", "FR 09:00-13:30"],
                access=[ACC_WHEELCHAIR, ACC_LIFT],
            ),
            dict(
                key="asl-at-distretto-asti",
                comune="005005",
                name=T(
                    "ASL AT – sportello scelta e revoca del medico",
                    "ASL AT – doctor registration desk",
                    "ASL AT – guichet choix du médecin",
                    "ASL AT – شباك اختيار الطبيب",
                ),
                street="Via Conte Verde, 125",
                hours=["MO-FR 08:30-12:30", "WE 14:00-16:00"],
                access=[ACC_WHEELCHAIR],
            ),
            dict(key="asl-at-canelli", comune="005017", name=site(ASL_AT, "Canelli"),
                 street="Via Solferino, 72", hours=["MO-FR 08:30-12:30", "TU 14:00-16:00"], access=[ACC_WHEELCHAIR]),
            dict(key="asl-at-nizza", comune="005080", name=site(ASL_AT, "Nizza Monferrato"),
                 street="Viale Don Bosco, 20", hours=["MO-FR 08:30-12:30", "TH 14:00-16:00"], access=[ACC_WHEELCHAIR]),
            dict(key="asl-at-san-damiano", comune="005097", name=site(ASL_AT, "San Damiano d'Asti"),
                 street="Via Roma, 43", hours=["MO,WE,FR 08:30-12:30"]),
            dict(key="asl-at-villanova", comune="005118", name=site(ASL_AT, "Villanova d'Asti"),
                 street="Via Roma, 7", hours=["TU,TH 08:30-12:30"], access=[ACC_GROUND]),
        ],
        services=[
            dict(
                slug="stp-eni",
                core="stp",
                cats=["health"],
                langs=["it", "en", "fr", "ar", "ro"],
                fees=FREE,
                docs=[DOC_ANY_ID],
                at=[("asl-at-massaia", ["MO,WE,FR 09:00-12:00"])],
            ),
            dict(
                slug="consultorio",
                core="family_clinic",
                cats=["health", "school_minors"],
                langs=["it", "en", "fr", "ar"],
                fees=FREE,
                at=[("asl-at-consultorio-asti", None), ("asl-at-canelli", ["TU 09:00-12:30", "TU 14:00-16:00"]), ("asl-at-nizza", ["TH 09:00-12:30", "TH 14:00-16:00"])],
            ),
            dict(
                slug="scelta-medico",
                core="health_registration",
                cats=["health"],
                langs=["it"],
                fees=FREE,
                docs=[DOC_PERMIT, DOC_TAX, DOC_RESIDENCE],
                at=[("asl-at-distretto-asti", None), ("asl-at-canelli", None), ("asl-at-nizza", None), ("asl-at-san-damiano", None), ("asl-at-villanova", None)],
            ),
            dict(
                slug="mediazione",
                name=T(
                    "Mediazione culturale in ospedale",
                    "Cultural mediation at the hospital",
                    "Médiation culturelle à l'hôpital",
                    "الوساطة الثقافية في المستشفى",
                ),
                desc=T(
                    "Mediatori in arabo, albanese, rumeno e inglese aiutano a parlare con medici e infermieri, anche in pronto soccorso. Chiedete al personale o all'ufficio accoglienza.",
                    "Mediators in Arabic, Albanian, Romanian and English help you speak with doctors and nurses, also in the emergency room. Ask the staff or the reception desk.",
                    "Des médiateurs en arabe, albanais, roumain et anglais vous aident à parler avec les médecins et les infirmiers, aussi aux urgences. Demandez au personnel ou à l'accueil.",
                    "وسطاء باللغات العربية والألبانية والرومانية والإنجليزية يساعدونك على التحدث مع الأطباء والممرضين، حتى في الطوارئ. اسأل الموظفين أو مكتب الاستقبال.",
                ),
                cats=["mediation", "health"],
                langs=["it", "ar", "sq", "ro", "en"],
                fees=FREE,
                at=[("asl-at-massaia", ["MO-FR 09:00-13:00"]), ("asl-at-consultorio-asti", ["TU,TH 09:00-12:00"])],
            ),
        ],
    ),
    # Real health authority (ASM, Azienda Sanitaria Locale di Matera); the hospital's street
    # (Via Montescaglioso) is believed right; other sites, hours and map positions are demo.
    dict(
        slug="asm-matera",
        demo=True,
        name=ASM_MT,
        description=T(
            "Azienda sanitaria pubblica della provincia di Matera: ospedali di Matera e Policoro, consultori, poliambulatori e cure per chi non ha la tessera sanitaria.",
            "Public health authority of the province of Matera: hospitals in Matera and Policoro, family health centres, outpatient clinics and care for people without a health card.",
            "Agence sanitaire publique de la province de Matera : hôpitaux de Matera et de Policoro, centres de santé familiale, polycliniques et soins pour ceux qui n'ont pas de carte sanitaire.",
            "الهيئة الصحية العامة في مقاطعة ماتيرا: مستشفيا ماتيرا وPolicoro، ومراكز صحة الأسرة، والعيادات، والعلاج لمن ليست لديه بطاقة صحية.",
        ),
        website="https://www.asmbasilicata.it",
        phones=["+39 0835 000 004"],
        locations=[
            dict(
                key="asm-ospedale-matera",
                comune="077014",
                name=T(
                    "Ospedale Madonna delle Grazie",
                    "Madonna delle Grazie Hospital",
                    "Hôpital Madonna delle Grazie",
                    "مستشفى Madonna delle Grazie",
                ),
                street="Via Montescaglioso",
                hours=["MO-FR 08:00-16:00", "SA 08:00-12:00"],
                access=[ACC_WHEELCHAIR, ACC_PARKING],
            ),
            dict(
                key="asm-consultorio-matera",
                comune="077014",
                name=T(
                    "Consultorio familiare di Matera",
                    "Matera family health centre",
                    "Centre de santé familiale de Matera",
                    "مركز صحة الأسرة في ماتيرا",
                ),
                street="Via Cappelluti, 16",
                hours=["MO-FR 08:30-13:00", "TU,TH 15:00-17:30"],
                access=[ACC_WHEELCHAIR],
            ),
            dict(
                key="asm-policoro",
                comune="077021",
                name=T(
                    "Ospedale di Policoro",
                    "Policoro Hospital",
                    "Hôpital de Policoro",
                    "مستشفى Policoro",
                ),
                street="Via Salerno",
                hours=["MO-FR 08:00-14:00", "TU,TH 15:00-17:00"],
                access=[ACC_WHEELCHAIR, ACC_PARKING],
            ),
            dict(key="asm-pisticci", comune="077020", name=site(ASM_MT, "Pisticci"),
                 street="Via Giacomo Matteotti, 5", hours=["MO-FR 08:30-12:30", "WE 15:00-17:00"]),
            dict(key="asm-tricarico", comune="077028", name=site(ASM_MT, "Tricarico"),
                 street="Via Santa Chiara, 2", hours=["MO-FR 08:30-12:30"], access=[ACC_WHEELCHAIR]),
            dict(key="asm-stigliano", comune="077027", name=site(ASM_MT, "Stigliano"),
                 street="Via Principe di Piemonte, 1", hours=["MO,WE,FR 08:30-12:30"]),
        ],
        services=[
            dict(
                slug="stp-eni",
                core="stp",
                cats=["health"],
                langs=["it", "en", "fr", "ar"],
                fees=FREE,
                docs=[DOC_ANY_ID],
                at=[("asm-ospedale-matera", ["TU,TH 09:00-12:00"]), ("asm-policoro", ["MO,WE,FR 09:00-12:00"])],
            ),
            dict(
                slug="consultorio",
                core="family_clinic",
                cats=["health", "school_minors"],
                langs=["it", "en", "fr"],
                fees=FREE,
                at=[("asm-consultorio-matera", None), ("asm-policoro", ["TU,TH 09:00-13:00"]), ("asm-pisticci", None)],
            ),
            dict(
                slug="scelta-medico",
                core="health_registration",
                cats=["health"],
                langs=["it"],
                fees=FREE,
                docs=[DOC_PERMIT, DOC_TAX, DOC_RESIDENCE],
                at=[("asm-ospedale-matera", ["MO-FR 08:30-12:30"]), ("asm-policoro", ["MO-FR 08:30-12:30"]), ("asm-pisticci", None), ("asm-tricarico", None), ("asm-stigliano", None)],
            ),
            dict(
                slug="mediazione",
                name=T(
                    "Mediazione culturale nei servizi sanitari",
                    "Cultural mediation in health services",
                    "Médiation culturelle dans les services de santé",
                    "الوساطة الثقافية في الخدمات الصحية",
                ),
                desc=T(
                    "Mediatori aiutano a spiegare i sintomi, capire le cure e prenotare le visite. Utile per i lavoratori stagionali del Metapontino.",
                    "Mediators help you explain your symptoms, understand your treatment and book visits. Useful for seasonal workers on the Metaponto coast.",
                    "Des médiateurs vous aident à expliquer vos symptômes, comprendre les soins et réserver les consultations. Utile pour les travailleurs saisonniers de la côte de Metaponto.",
                    "يساعدك الوسطاء على شرح الأعراض وفهم العلاج وحجز المواعيد. مفيد للعمال الموسميين في ساحل Metaponto.",
                ),
                cats=["mediation", "health"],
                langs=["it", "ar", "en", "fr", "bn", "pa"],
                fees=FREE,
                at=[("asm-ospedale-matera", ["MO,WE 09:00-13:00"]), ("asm-policoro", ["TU,TH 09:00-13:00"])],
            ),
        ],
    ),
]


# =============================================================================================
# Logic
# =============================================================================================

DAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]


def fail(message: str) -> None:
    sys.exit(f"build.py: {message}")


def uid(slug: str) -> str:
    return str(uuid.uuid5(NS, slug))


def read_comuni() -> dict[str, dict]:
    """ISTAT code -> {name, province, lat, lon, polygons}."""
    comuni: dict[str, dict] = {}
    for province in ("AT", "MT"):
        with open(SHARED_DATA / f"comuni_{province}.csv", newline="", encoding="utf-8") as f:
            for row in csv.DictReader(f):
                comuni[row["istat"]] = {
                    "name": row["name"],
                    "province": row["province"],
                    "lat": float(row["lat"]),
                    "lon": float(row["lon"]),
                    "polygons": None,
                }
        with open(SHARED_DATA / f"comuni_{province}.geojson", encoding="utf-8") as f:
            for feature in json.load(f)["features"]:
                geometry = feature["geometry"]
                if geometry["type"] == "Polygon":
                    polygons = [geometry["coordinates"]]
                elif geometry["type"] == "MultiPolygon":
                    polygons = geometry["coordinates"]
                else:
                    fail(f"unexpected geometry {geometry['type']}")
                comuni[feature["properties"]["istat"]]["polygons"] = polygons
    return comuni


def in_ring(lon: float, lat: float, ring: list) -> bool:
    """Ray casting: whether (lon, lat) is inside a closed ring of [lon, lat] points."""
    inside = False
    n = len(ring)
    for i in range(n):
        x1, y1 = ring[i][0], ring[i][1]
        x2, y2 = ring[(i + 1) % n][0], ring[(i + 1) % n][1]
        if (y1 > lat) != (y2 > lat):
            x = x1 + (lat - y1) * (x2 - x1) / (y2 - y1)
            if lon < x:
                inside = not inside
    return inside


def in_comune(comune: dict, lat: float, lon: float) -> bool:
    for polygon in comune["polygons"]:
        outer, holes = polygon[0], polygon[1:]
        if in_ring(lon, lat, outer) and not any(in_ring(lon, lat, hole) for hole in holes):
            return True
    return False


def distance_m(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    dy = (lat2 - lat1) * 111_320
    dx = (lon2 - lon1) * 111_320 * math.cos(math.radians((lat1 + lat2) / 2))
    return math.hypot(dx, dy)


def place(slug: str, comune: dict) -> tuple[float, float]:
    """The comune's centre plus a small offset derived from the slug, inside the comune."""
    for attempt in range(500):
        digest = hashlib.sha256(f"{slug}#{attempt}".encode()).digest()
        angle = int.from_bytes(digest[0:4], "big") / 2**32 * 2 * math.pi
        radius = 120 + int.from_bytes(digest[4:8], "big") / 2**32 * 480  # metres
        lat = comune["lat"] + radius * math.cos(angle) / 111_320
        lon = comune["lon"] + radius * math.sin(angle) / (111_320 * math.cos(math.radians(comune["lat"])))
        lat, lon = round(lat, 5), round(lon, 5)
        if in_comune(comune, lat, lon):
            return lat, lon
    fail(f"cannot place {slug} inside {comune['name']}")


def parse_hours(specs: list[str], owner: str) -> list[dict]:
    rules = []
    for spec in specs:
        m = re.fullmatch(r"([A-Z,\-]+) (\d\d:\d\d)-(\d\d:\d\d)", spec)
        if not m:
            fail(f"{owner}: bad hours {spec!r}")
        days_spec, opens, closes = m.groups()
        days: list[str] = []
        for part in days_spec.split(","):
            if "-" in part:
                a, b = part.split("-")
                days += DAYS[DAYS.index(a) : DAYS.index(b) + 1]
            else:
                days.append(part)
        if any(d not in DAYS for d in days) or len(set(days)) != len(days):
            fail(f"{owner}: bad days {days_spec!r}")
        for t in (opens, closes):
            h, mnt = map(int, t.split(":"))
            if not (0 <= h <= 23 and 0 <= mnt <= 59):
                fail(f"{owner}: bad time {t}")
        if not opens < closes:
            fail(f"{owner}: opens {opens} is not before closes {closes}")
        days.sort(key=DAYS.index)
        rules.append({"byday": ",".join(days), "opens_at": opens, "closes_at": closes})
    return rules


def schedules(rules: list[dict], owner: str) -> list[dict]:
    return [
        {"id": uid(f"sch:{owner}:{i}"), "freq": "WEEKLY", **rule} for i, rule in enumerate(rules)
    ]


def translations(fields: dict[str, dict[str, str]]) -> dict[str, dict[str, str]]:
    """{"name": T, "description": T} -> {"en": {"name": …, "description": …}, …}."""
    out: dict[str, dict[str, str]] = {}
    for lang in ALL_LANGS[1:]:
        entry = {field: text[lang] for field, text in fields.items() if text.get(lang)}
        if entry:
            out[lang] = entry
    return out


def term(code: str) -> dict:
    return {
        "id": uid(f"term:{code}"),
        "code": code,
        "name": CATEGORIES[code],
        "description": f"Categoria della mappa dei servizi: {CATEGORIES[code]}",
        "taxonomy": "sportello",
    }


def phones(numbers: list[str], owner: str) -> list[dict]:
    return [
        {"id": uid(f"phone:{owner}:{i}"), "number": n, "type": "voice"}
        for i, n in enumerate(numbers)
    ]


def build_location(org: dict, loc: dict, comuni: dict) -> tuple[dict, list[dict]]:
    slug = f"loc:{loc['key']}"
    comune = comuni.get(loc["comune"])
    if comune is None:
        fail(f"{slug}: unknown comune {loc['comune']}")
    if loc.get("point"):
        lat, lon = loc["point"]
    else:
        lat, lon = place(slug, comune)
    rules = parse_hours(loc["hours"], slug)
    out = {
        "id": uid(slug),
        "location_type": "physical",
        "name": loc["name"]["it"],
        "latitude": round(lat, 5),
        "longitude": round(lon, 5),
        "external_identifier": loc["comune"],
        "external_identifier_type": "istat",
        "addresses": [
            {
                "id": uid(f"addr:{slug}"),
                "address_1": loc["street"],
                "city": comune["name"],
                "state_province": comune["province"],
                "postal_code": POSTCODES[loc["comune"]],
                "country": "IT",
                "address_type": "physical",
            }
        ],
        "accessibility": [
            {
                "id": uid(f"acc:{slug}:{i}"),
                "description": note["it"],
                "x_translations": translations({"description": note}),
            }
            for i, note in enumerate(loc.get("access", []))
        ],
        "phones": phones(loc.get("phones", []), slug),
        "schedules": schedules(rules, slug),
        "x_translations": translations({"name": loc["name"]}),
    }
    return prune(out), rules


def build_service(org: dict, org_id: str, svc: dict, loc_ids: dict, loc_rules: dict) -> dict:
    slug = f"svc:{org['slug']}:{svc['slug']}"
    sid = uid(slug)
    if "core" in svc:
        name, desc = CORE[svc["core"]]
    else:
        name, desc = svc["name"], svc["desc"]
    fields = {"name": name, "description": desc}
    if svc.get("fees"):
        fields["fees_description"] = svc["fees"]
    langs = svc["langs"]
    if "it" not in langs:
        fail(f"{slug}: languages must include it")
    links = []
    for key, hours in svc["at"]:
        if key not in loc_ids:
            fail(f"{slug}: {key} is not a location of {org['slug']}")
        sal = f"sal:{org['slug']}:{svc['slug']}:loc:{key}"
        rules = parse_hours(hours, sal) if hours else []
        for rule in rules:
            if not within(rule, loc_rules[key]):
                fail(f"{sal}: {rule} is outside the location's hours")
        links.append(
            {
                "id": uid(sal),
                "service_id": sid,
                "location_id": loc_ids[key],
                "schedules": schedules(rules, sal),
            }
        )
    out = {
        "id": sid,
        "organization_id": org_id,
        "name": name["it"],
        "description": desc["it"],
        "status": "active",
        "fees_description": svc["fees"]["it"] if svc.get("fees") else None,
        "x_translations": translations(fields),
        "languages": [
            {"id": uid(f"lang:{slug}:{code}"), "code": code, "name": LANGUAGE_NAMES[code]}
            for code in langs
        ],
        "required_documents": [
            {
                "id": uid(f"doc:{slug}:{i}"),
                "document": doc["it"],
                "x_translations": translations({"document": doc}),
            }
            for i, doc in enumerate(svc.get("docs", []))
        ],
        "attributes": [
            {
                "id": uid(f"attr:{slug}:{code}"),
                "link_id": sid,
                "link_type": "service",
                "link_entity": "service",
                "taxonomy_term_id": uid(f"term:{code}"),
                "taxonomy_term": term(code),
            }
            for code in svc["cats"]
        ],
        "service_at_locations": links,
    }
    return prune(out)


def within(rule: dict, location_rules: list[dict]) -> bool:
    """Whether a service's span lies, on each of its days, inside one of the location's spans."""
    for day in rule["byday"].split(","):
        if not any(
            day in lr["byday"].split(",")
            and lr["opens_at"] <= rule["opens_at"]
            and rule["closes_at"] <= lr["closes_at"]
            for lr in location_rules
        ):
            return False
    return True


def prune(value):
    """Drops keys whose value is None, empty string, empty list or empty dict."""
    if isinstance(value, dict):
        out = {}
        for k, v in value.items():
            v = prune(v)
            if v is None or v == "" or v == [] or v == {}:
                continue
            out[k] = v
        return out
    if isinstance(value, list):
        return [prune(v) for v in value]
    return value


def build(comuni: dict) -> list[dict]:
    document = []
    for org in ORGANIZATIONS:
        org_slug = f"org:{org['slug']}"
        org_id = uid(org_slug)
        loc_ids, loc_rules, locations = {}, {}, []
        for loc in org["locations"]:
            built, rules = build_location(org, loc, comuni)
            loc_ids[loc["key"]] = built["id"]
            loc_rules[loc["key"]] = rules
            locations.append(built)
        services = [build_service(org, org_id, s, loc_ids, loc_rules) for s in org["services"]]
        out = {
            "id": org_id,
            "name": org["name"]["it"],
            "description": org["description"]["it"],
            "website": org.get("website"),
            "x_demo": org["demo"],
            "x_translations": translations(
                {"name": org["name"], "description": org["description"]}
            ),
            "phones": phones(org.get("phones", []), org_slug),
            "locations": locations,
            "services": services,
        }
        document.append(prune(out) | {"x_demo": org["demo"]})
    document.sort(key=lambda o: (o["name"].casefold(), o["id"]))
    # Keep the key order of the format: x_demo after website/email.
    return [reorder(o) for o in document]


ORG_KEYS = ["id", "name", "description", "website", "email", "x_demo", "x_translations",
            "phones", "locations", "services"]


def reorder(org: dict) -> dict:
    return {k: org[k] for k in ORG_KEYS if k in org}


# --- Validation ------------------------------------------------------------------------------

UUID_RE = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
TIME_RE = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")


def validate(document: list[dict], comuni: dict) -> dict:
    problems: list[str] = []
    ids: dict[str, str] = {}
    core_services = 0
    narrow = 0

    def need(ok: bool, message: str) -> None:
        if not ok:
            problems.append(message)

    def collect_ids(value, path: str) -> None:
        if isinstance(value, dict):
            if "id" in value and isinstance(value["id"], str):
                # A taxonomy term is repeated in every attribute that links to it.
                if not path.endswith(".taxonomy_term"):
                    need(value["id"] not in ids, f"{path}: id {value['id']} also at {ids.get(value['id'])}")
                    ids[value["id"]] = path
                need(bool(UUID_RE.match(value["id"])), f"{path}: id is not a UUID")
            for k, v in value.items():
                collect_ids(v, f"{path}.{k}")
        elif isinstance(value, list):
            for i, v in enumerate(value):
                collect_ids(v, f"{path}[{i}]")

    def text(base: str, tr: dict, field: str, path: str, limit: int) -> None:
        need(bool(base and base.strip()), f"{path}.{field}: empty Italian text")
        need(len(base.encode()) <= limit, f"{path}.{field}: longer than {limit} bytes")
        for lang in BASE_LANGS[1:]:
            t = tr.get(lang, {}).get(field, "")
            need(bool(t.strip()), f"{path}.{field}: missing {lang}")
        for lang, fields in tr.items():
            if field in fields:
                need(len(fields[field].encode()) <= limit, f"{path}.{field}.{lang}: too long")
                need("\n" not in fields[field], f"{path}.{field}.{lang}: line break")

    def hours(items: list[dict], path: str) -> None:
        for i, s in enumerate(items):
            p = f"{path}.schedules[{i}]"
            need(s.get("freq") == "WEEKLY", f"{p}: freq")
            days = s.get("byday", "").split(",")
            need(all(d in DAYS for d in days) and len(days) == len(set(days)), f"{p}: byday")
            need(bool(TIME_RE.match(s.get("opens_at", ""))), f"{p}: opens_at")
            need(bool(TIME_RE.match(s.get("closes_at", ""))), f"{p}: closes_at")
            need(s.get("opens_at", "") < s.get("closes_at", ""), f"{p}: opens after it closes")

    places: dict[tuple[str, str], set[str]] = {}
    counts = {p: {"orgs": 0, "locations": 0, "services": 0} for p in ("AT", "MT")}
    comuni_used = {"AT": set(), "MT": set()}
    names = [o["name"] for o in document]
    need(names == sorted(names, key=str.casefold), "organizations are not sorted by name")

    for oi, org in enumerate(document):
        path = f"[{oi}]({org['name']})"
        collect_ids(org, path)
        need(isinstance(org.get("x_demo"), bool), f"{path}: x_demo")
        text(org["name"], org.get("x_translations", {}), "name", path, 300)
        text(org["description"], org.get("x_translations", {}), "description", path, 4000)
        need(bool(org.get("locations")), f"{path}: no locations")
        for ph in org.get("phones", []):
            digits = sum(c.isdigit() for c in ph["number"])
            need(6 <= digits <= 15, f"{path}: phone {ph['number']}")
            if not org["x_demo"]:
                problems.append(f"{path}: a verified organization has a demo phone")
            else:
                need(bool(re.fullmatch(r"\+39 0(141|835) 000 0\d\d", ph["number"])), f"{path}: phone is not a demo number")
        loc_ids = {}
        org_provinces = set()
        for li, loc in enumerate(org["locations"]):
            lp = f"{path}.locations[{li}]"
            loc_ids[loc["id"]] = loc
            text(loc["name"], loc.get("x_translations", {}), "name", lp, 300)
            need(loc.get("location_type") == "physical", f"{lp}: location_type")
            need(loc.get("external_identifier_type") == "istat", f"{lp}: external_identifier_type")
            istat = loc.get("external_identifier", "")
            comune = comuni.get(istat)
            need(comune is not None, f"{lp}: unknown comune {istat}")
            if comune is None:
                continue
            addr = [a for a in loc.get("addresses", []) if a["address_type"] == "physical"]
            need(len(addr) == 1, f"{lp}: needs one physical address")
            a = addr[0]
            need(bool(re.fullmatch(r"\d{5}", a["postal_code"])), f"{lp}: postal_code")
            need(a["state_province"] == comune["province"], f"{lp}: state_province")
            need(a["city"] == comune["name"], f"{lp}: city")
            need(a["country"] == "IT" and a["address_1"].strip() != "", f"{lp}: address")
            lat, lon = loc["latitude"], loc["longitude"]
            need(round(lat, 5) == lat and round(lon, 5) == lon, f"{lp}: not rounded to 5 decimals")
            need(in_comune(comune, lat, lon), f"{lp}: {lat},{lon} is outside {comune['name']}")
            need(distance_m(lat, lon, comune["lat"], comune["lon"]) <= 1500, f"{lp}: more than 1.5 km from the centre of {comune['name']}")
            for ai, acc in enumerate(loc.get("accessibility", [])):
                text(acc["description"], acc.get("x_translations", {}), "description", f"{lp}.accessibility[{ai}]", 300)
            need(bool(loc.get("schedules")), f"{lp}: no hours")
            hours(loc.get("schedules", []), lp)
            province = comune["province"]
            org_provinces.add(province)
            counts[province]["locations"] += 1
            comuni_used[province].add(istat)
        for p in org_provinces:
            counts[p]["orgs"] += 1
        need(bool(org.get("services")), f"{path}: no services")
        for si, svc in enumerate(org.get("services", [])):
            sp = f"{path}.services[{si}]({svc['name']})"
            tr = svc.get("x_translations", {})
            text(svc["name"], tr, "name", sp, 300)
            text(svc["description"], tr, "description", sp, 4000)
            if "fees_description" in svc:
                text(svc["fees_description"], tr, "fees_description", sp, 300)
            if all(tr.get(l, {}).get("name") and tr.get(l, {}).get("description") for l in ALL_LANGS[1:]):
                core_services += 1
            need(svc.get("organization_id") == org["id"], f"{sp}: organization_id")
            need(svc.get("status") == "active", f"{sp}: status")
            codes = [l["code"] for l in svc.get("languages", [])]
            need("it" in codes, f"{sp}: languages lack it")
            need(all(c in LANGUAGE_NAMES for c in codes), f"{sp}: unknown language")
            docs = svc.get("required_documents", [])
            need(len(docs) <= 4, f"{sp}: more than 4 documents")
            for di, doc in enumerate(docs):
                text(doc["document"], doc.get("x_translations", {}), "document", f"{sp}.required_documents[{di}]", 300)
            cats = [a["taxonomy_term"]["code"] for a in svc.get("attributes", [])]
            need(1 <= len(cats) <= 3 and len(set(cats)) == len(cats), f"{sp}: needs 1-3 categories")
            for a in svc.get("attributes", []):
                need(a["taxonomy_term"]["taxonomy"] == "sportello", f"{sp}: taxonomy")
                need(a["taxonomy_term"]["code"] in CATEGORIES, f"{sp}: unknown category")
                need(a["taxonomy_term_id"] == a["taxonomy_term"]["id"], f"{sp}: taxonomy_term_id")
                need(a["link_id"] == svc["id"], f"{sp}: link_id")
            sals = svc.get("service_at_locations", [])
            need(bool(sals), f"{sp}: no service_at_locations")
            svc_provinces = set()
            for sal in sals:
                need(sal["service_id"] == svc["id"], f"{sp}: service_id")
                loc = loc_ids.get(sal["location_id"])
                need(loc is not None, f"{sp}: location {sal['location_id']} is not the organization's")
                if loc is None:
                    continue
                if sal.get("schedules"):
                    narrow += 1
                    hours(sal["schedules"], sp)
                province = comuni[loc["external_identifier"]]["province"]
                svc_provinces.add(province)
                for code in cats:
                    places.setdefault((province, code), set()).add(loc["id"])
            for p in svc_provinces:
                counts[p]["services"] += 1

    for p in ("AT", "MT"):
        need(counts[p]["locations"] >= 28, f"{p}: only {counts[p]['locations']} locations (need 28)")
        for code in CATEGORIES:
            n = len(places.get((p, code), ()))
            need(n >= 4, f"{p}: category {code} has {n} places (need 4)")
    need(len(comuni_used["AT"]) >= 12, f"AT: only {len(comuni_used['AT'])} comuni (need 12)")
    need(len(comuni_used["MT"]) >= 10, f"MT: only {len(comuni_used['MT'])} comuni (need 10)")
    total = counts["AT"]["locations"] + counts["MT"]["locations"]
    need(total >= 64, f"only {total} locations (need 64)")
    need(core_services >= 20, f"only {core_services} services in all 15 languages (need 20)")
    need(narrow >= 15, f"only {narrow} service_at_locations with their own hours (need 15)")
    return {
        "problems": problems,
        "counts": counts,
        "places": places,
        "comuni": comuni_used,
        "core": core_services,
        "narrow": narrow,
        "demo": {o["name"]: o["x_demo"] for o in document},
    }


def main() -> None:
    comuni = read_comuni()
    document = build(comuni)
    report = validate(document, comuni)
    print("Organizations, locations, services per province:")
    for p in ("AT", "MT"):
        c = report["counts"][p]
        print(f"  {p}: {c['orgs']} organizations, {c['locations']} locations in {len(report['comuni'][p])} comuni, {c['services']} services")
    print("Places per category:")
    for code in CATEGORIES:
        at = len(report["places"].get(("AT", code), ()))
        mt = len(report["places"].get(("MT", code), ()))
        print(f"  {code:18} AT {at:3}  MT {mt:3}")
    print(f"Services in all 15 languages: {report['core']}; service_at_locations with own hours: {report['narrow']}")
    print("Not demo (x_demo false): " + ", ".join(n for n, d in report["demo"].items() if not d))
    if report["problems"]:
        print(f"\n{len(report['problems'])} problems:", file=sys.stderr)
        for p in report["problems"]:
            print("  " + p, file=sys.stderr)
        if os.environ.get("DRAFT") != "1":
            sys.exit(1)
        print("DRAFT=1: writing anyway", file=sys.stderr)
    text = json.dumps(document, ensure_ascii=False, indent=1) + "\n"
    OUTPUT.write_text(text, encoding="utf-8")
    print(f"Wrote {OUTPUT} ({len(text.encode())} bytes)")


if __name__ == "__main__":
    main()
