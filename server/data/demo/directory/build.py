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
import unicodedata
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
    "005058": "14045", "005059": "14057", "005096": "14030", "005028": "14034",
    "005055": "14030",
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

SOCIAL_DESK_NAME = T("Segretariato sociale", "Social services front desk", "Accueil des services sociaux", "مكتب استقبال الخدمات الاجتماعية")
SOCIAL_DESK_DESC = T(
    "Un'assistente sociale ascolta la situazione e indica gli aiuti possibili: contributi economici, buoni spesa, aiuto per i bambini e per gli anziani.",
    "A social worker listens to your situation and tells you what help is possible: money support, food vouchers, help for children and for elderly people.",
    "Une assistante sociale écoute votre situation et indique les aides possibles : aides financières, bons d'achat, aide pour les enfants et les personnes âgées.",
    "تستمع إليك أخصائية اجتماعية وتشرح المساعدات الممكنة: دعم مالي، وقسائم شراء، ومساعدة للأطفال وكبار السن.",
)
HOUSING_DESK_NAME = T("Sportello casa ed emergenza abitativa", "Housing and housing emergency desk", "Guichet logement et urgence logement", "شباك السكن وحالات الطوارئ السكنية")
HOUSING_DESK_DESC = T(
    "Informazioni sulle case popolari, sui contributi per l'affitto e aiuto a chi rischia lo sfratto o è senza casa.",
    "Information on public housing and rent support, and help for people at risk of eviction or without a home.",
    "Informations sur les logements sociaux et les aides au loyer, et aide pour les personnes menacées d'expulsion ou sans logement.",
    "معلومات عن السكن الشعبي ودعم الإيجار، ومساعدة لمن يواجه خطر الإخلاء أو ليس له مسكن.",
)
INPS_DESC = T(
    "Istituto pubblico della previdenza sociale: pensioni, disoccupazione, assegni per le famiglie e contributi dei lavoratori.",
    "Public social security institute: pensions, unemployment benefit, family allowances and workers' contributions.",
    "Institut public de la sécurité sociale : retraites, chômage, allocations familiales et cotisations des travailleurs.",
    "المعهد العام للضمان الاجتماعي: المعاشات، وإعانة البطالة، والمنح العائلية، واشتراكات العمال.",
)
INPS_SVC_NAME = T("Assegno unico, disoccupazione (NASpI) e contributi", "Child benefit, unemployment benefit (NASpI) and contributions", "Allocation unique, chômage (NASpI) et cotisations", "المنحة الموحدة للأطفال، وإعانة البطالة (NASpI)، والاشتراكات")
INPS_SVC_DESC = T(
    "Domande per l'assegno unico per i figli, la disoccupazione NASpI e il controllo dei contributi versati. Molte domande si fanno online o con un patronato; allo sportello si va su appuntamento.",
    "Applications for the child benefit (assegno unico), the NASpI unemployment benefit and checking your paid contributions. Many applications are made online or through a patronato; the desk is by appointment.",
    "Demandes d'allocation unique pour les enfants, de chômage NASpI et vérification des cotisations versées. Beaucoup de demandes se font en ligne ou avec un patronato ; le guichet est sur rendez-vous.",
    "طلبات المنحة الموحدة للأطفال وإعانة البطالة NASpI والتحقق من الاشتراكات المدفوعة. كثير من الطلبات تُقدَّم عبر الإنترنت أو عن طريق مكتب الخدمات النقابية (patronato)، والشباك بموعد.",
)
SCHOOL_OFFICE_DESC = T(
    "Ufficio del Ministero dell'Istruzione per la provincia: aiuta le famiglie a trovare una scuola per i figli, anche durante l'anno scolastico.",
    "The Ministry of Education's office for the province: it helps families find a school for their children, also during the school year.",
    "Le bureau du ministère de l'Éducation pour la province : il aide les familles à trouver une école pour leurs enfants, même pendant l'année scolaire.",
    "مكتب وزارة التعليم في المقاطعة: يساعد الأسر على إيجاد مدرسة لأطفالها، حتى أثناء السنة الدراسية.",
)
SCHOOL_SVC_NAME = T("Iscrizione a scuola dei figli appena arrivati", "School enrolment for newly arrived children", "Inscription à l'école des enfants nouvellement arrivés", "تسجيل الأطفال القادمين حديثًا في المدرسة")
SCHOOL_SVC_DESC = T(
    "Tutti i bambini e ragazzi hanno diritto alla scuola, anche senza permesso di soggiorno. L'ufficio indica le scuole con posti liberi e i corsi di italiano per studenti.",
    "All children and teenagers have the right to go to school, even without a residence permit. The office tells you which schools have places and where there are Italian courses for pupils.",
    "Tous les enfants et adolescents ont le droit d'aller à l'école, même sans permis de séjour. Le bureau indique les écoles qui ont des places et les cours d'italien pour élèves.",
    "لكل الأطفال والمراهقين الحق في الذهاب إلى المدرسة، حتى بدون تصريح إقامة. يدلّك المكتب على المدارس التي فيها أماكن شاغرة وعلى دروس الإيطالية للتلاميذ.",
)
FEE_PATRONATO = T(
    "Gratuito per le pratiche INPS; per il kit del permesso può esserci un piccolo contributo (demo)",
    "Free for INPS applications; for the permit kit there may be a small fee (demo)",
    "Gratuit pour les démarches INPS ; pour le kit du permis, une petite contribution est possible (démo)",
    "مجاني لطلبات INPS، وقد تُطلب مساهمة صغيرة لطقم تصريح الإقامة (تجريبي)",
)
PATRONATO_DESC = T(
    "Patronato sindacale: aiuta gratis lavoratori e famiglie, italiani e stranieri, con pratiche di pensione, disoccupazione, assegni familiari, permesso di soggiorno e cittadinanza.",
    "Trade-union advice office (patronato): it helps workers and families, Italian and foreign, for free with pensions, unemployment, family allowances, residence permits and citizenship.",
    "Bureau d'aide syndical (patronato) : il aide gratuitement les travailleurs et les familles, italiens et étrangers, pour la retraite, le chômage, les allocations familiales, le permis de séjour et la citoyenneté.",
    "مكتب خدمات نقابي (patronato): يساعد العمال والأسر، الإيطاليين والأجانب، مجانًا في المعاشات والبطالة والمنح العائلية وتصريح الإقامة والجنسية.",
)
PATRONATO_PERMIT_NAME = T(
    "Aiuto per permesso di soggiorno, ricongiungimento e cittadinanza",
    "Help with residence permits, family reunification and citizenship",
    "Aide pour le permis de séjour, le regroupement familial et la citoyenneté",
    "مساعدة في تصريح الإقامة ولمّ الشمل والجنسية",
)
PATRONATO_PERMIT_DESC = T(
    "Compilazione del kit postale per il rinnovo del permesso, domande online di ricongiungimento familiare e di cittadinanza, controllo dei documenti prima di spedirli.",
    "Filling in the post office kit to renew your permit, online applications for family reunification and citizenship, checking your documents before you send them.",
    "Remplissage du kit de la poste pour renouveler le permis, demandes en ligne de regroupement familial et de citoyenneté, vérification des documents avant l'envoi.",
    "تعبئة الطقم البريدي لتجديد التصريح، وتقديم طلبات لمّ الشمل والجنسية عبر الإنترنت، ومراجعة الوثائق قبل إرسالها.",
)
PATRONATO_WELFARE_NAME = T(
    "Pensioni, disoccupazione e assegni per la famiglia",
    "Pensions, unemployment benefit and family allowances",
    "Retraites, chômage et allocations familiales",
    "المعاشات وإعانة البطالة والمنح العائلية",
)
PATRONATO_WELFARE_DESC = T(
    "Domande all'INPS per disoccupazione NASpI, assegno unico per i figli, maternità e pensione, e controllo dei contributi.",
    "Applications to INPS for NASpI unemployment benefit, child benefit, maternity and pension, and checking your contributions.",
    "Demandes à l'INPS pour le chômage NASpI, l'allocation unique pour les enfants, la maternité et la retraite, et vérification des cotisations.",
    "طلبات إلى INPS لإعانة البطالة NASpI والمنحة الموحدة للأطفال والأمومة والمعاش، والتحقق من الاشتراكات.",
)
LABOUR_DISPUTE_NAME = T(
    "Vertenze di lavoro e controllo della busta paga",
    "Work disputes and pay slip checks",
    "Litiges du travail et contrôle de la fiche de paie",
    "نزاعات العمل ومراجعة قسيمة الراتب",
)
LABOUR_DISPUTE_DESC = T(
    "Controllo di contratto e busta paga, aiuto se il datore di lavoro non paga o non mette in regola. Su appuntamento con un sindacalista.",
    "Checking your contract and pay slip, help if your employer does not pay you or does not register you legally. By appointment with a union officer.",
    "Vérification du contrat et de la fiche de paie, aide si l'employeur ne paie pas ou ne déclare pas. Sur rendez-vous avec un syndicaliste.",
    "مراجعة العقد وقسيمة الراتب، والمساعدة إذا لم يدفع صاحب العمل أو لم يسجّلك بشكل قانوني. بموعد مع ممثل نقابي.",
)
LEGAL_DESK_NAME = T(
    "Sportello di orientamento legale e gratuito patrocinio",
    "Legal guidance desk and free legal aid",
    "Guichet d'orientation juridique et aide juridictionnelle",
    "شباك التوجيه القانوني والمساعدة القانونية المجانية",
)
LEGAL_DESK_DESC = T(
    "Un avvocato spiega gratis i primi passi per un problema legale (lavoro, casa, famiglia, ricorsi sul permesso) e come chiedere il gratuito patrocinio, cioè l'avvocato pagato dallo Stato per chi ha un reddito basso.",
    "A lawyer explains for free the first steps for a legal problem (work, housing, family, appeals about your permit) and how to ask for free legal aid, a lawyer paid by the State for people with low income.",
    "Un avocat explique gratuitement les premières démarches pour un problème juridique (travail, logement, famille, recours sur le permis) et comment demander l'aide juridictionnelle, un avocat payé par l'État pour les revenus faibles.",
    "يشرح محامٍ مجانًا الخطوات الأولى لمشكلة قانونية (العمل، السكن، الأسرة، الطعون المتعلقة بالتصريح) وكيفية طلب المساعدة القانونية المجانية، أي محامٍ تدفع له الدولة لأصحاب الدخل المنخفض.",
)
LISTENING_NAME = T("Centro di ascolto", "Listening and help centre (centro di ascolto)", "Centre d'écoute", "مركز الاستماع والمساعدة")
LISTENING_DESC = T(
    "Volontari ascoltano chi è in difficoltà, anche senza documenti, e aiutano con cibo, vestiti, bollette e ricerca di lavoro o di casa, insieme ai servizi sociali.",
    "Volunteers listen to people in difficulty, also without documents, and help with food, clothes, bills and looking for work or a home, together with social services.",
    "Des bénévoles écoutent les personnes en difficulté, même sans papiers, et aident pour la nourriture, les vêtements, les factures et la recherche de travail ou de logement, avec les services sociaux.",
    "يستمع متطوعون إلى الأشخاص الذين يمرون بصعوبات، حتى بدون وثائق، ويساعدون في الطعام والملابس والفواتير والبحث عن عمل أو سكن، بالتعاون مع الخدمات الاجتماعية.",
)
SAI_NAME = T("Accoglienza e integrazione SAI", "SAI reception and integration", "Accueil et intégration SAI", "الاستقبال والاندماج SAI")
SAI_DESC = T(
    "Per richiedenti asilo e rifugiati inviati dal Servizio Centrale: alloggio, corsi di italiano, assistenza legale, mediazione e accompagnamento verso lavoro e casa.",
    "For asylum seekers and refugees sent by the Central Service: housing, Italian courses, legal assistance, mediation and support towards work and a home.",
    "Pour les demandeurs d'asile et les réfugiés envoyés par le Service central : logement, cours d'italien, assistance juridique, médiation et accompagnement vers le travail et le logement.",
    "لطالبي اللجوء واللاجئين المُحالين من الخدمة المركزية: السكن، ودروس الإيطالية، والمساعدة القانونية، والوساطة، والمرافقة نحو العمل والسكن.",
)
SAI_WORK_NAME = T("Orientamento al lavoro e all'autonomia abitativa", "Guidance towards work and living on your own", "Orientation vers le travail et le logement autonome", "التوجيه نحو العمل والسكن المستقل")
SAI_WORK_DESC = T(
    "Bilancio delle competenze, tirocini in azienda e aiuto a cercare una casa in affitto alla fine del progetto di accoglienza.",
    "Skills assessment, company traineeships and help finding a rented home at the end of the reception project.",
    "Bilan de compétences, stages en entreprise et aide pour trouver un logement en location à la fin du projet d'accueil.",
    "تقييم المهارات، والتدريب في الشركات، والمساعدة في إيجاد مسكن للإيجار عند نهاية مشروع الاستقبال.",
)
RFL_NAME = T("Ricerca dei familiari dispersi (Restoring Family Links)", "Tracing missing family members (Restoring Family Links)", "Recherche de membres de la famille disparus (Rétablissement des liens familiaux)", "البحث عن أفراد الأسرة المفقودين (إعادة الروابط العائلية)")
RFL_DESC = T(
    "Aiuto gratuito e riservato per ritrovare o contattare familiari persi durante il viaggio, la guerra o un disastro, con la rete internazionale della Croce Rossa.",
    "Free and confidential help to find or contact family members lost during the journey, a war or a disaster, through the international Red Cross network.",
    "Aide gratuite et confidentielle pour retrouver ou contacter des proches perdus pendant le voyage, une guerre ou une catastrophe, grâce au réseau international de la Croix-Rouge.",
    "مساعدة مجانية وسرية للعثور على أفراد الأسرة الذين فُقدوا أثناء الرحلة أو الحرب أو كارثة، أو للتواصل معهم، عبر الشبكة الدولية للصليب الأحمر.",
)
FOOD_NAME = T("Distribuzione di viveri e vestiti", "Food and clothes distribution", "Distribution de nourriture et de vêtements", "توزيع الطعام والملابس")
FOOD_DESC = T(
    "Pacchi alimentari e vestiti per famiglie e persone in difficoltà, su segnalazione dei servizi sociali o dopo un colloquio.",
    "Food parcels and clothes for families and people in difficulty, referred by social services or after an interview.",
    "Colis alimentaires et vêtements pour les familles et les personnes en difficulté, sur orientation des services sociaux ou après un entretien.",
    "سلال غذائية وملابس للأسر والأشخاص الذين يمرون بصعوبات، بإحالة من الخدمات الاجتماعية أو بعد مقابلة.",
)

ORGANIZATIONS = [
    # Verified (asti.toml): name, address and building of the Prefettura and its SUI, and the
    # web page. Hours follow the demo counters of asti.toml (not verified), so the card says
    # "demo data" for them too.
    dict(
        slug="prefettura-asti",
        demo=True,
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
        demo=True,
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
    # Real public job centre; addresses, hours and map positions are demo.
    dict(
        slug="cpi-asti",
        demo=True,
        name=T("Centro per l'Impiego di Asti", "Asti Job Centre (Centro per l'Impiego)", "Centre pour l'emploi d'Asti (Centro per l'Impiego)", "مركز التوظيف في أستي (Centro per l'Impiego)"),
        description=T(
            "Servizio pubblico per il lavoro della Regione Piemonte: iscrizione come disoccupato, offerte di lavoro, tirocini e corsi, con sportelli ad Asti, Canelli e Nizza Monferrato.",
            "Public employment service of the Piedmont Region: registering as unemployed, job offers, traineeships and courses, with desks in Asti, Canelli and Nizza Monferrato.",
            "Service public de l'emploi de la Région Piémont : inscription comme demandeur d'emploi, offres d'emploi, stages et formations, avec des guichets à Asti, Canelli et Nizza Monferrato.",
            "خدمة التوظيف العامة في إقليم بيامونتي: التسجيل كعاطل عن العمل، وعروض العمل، والتدريب والدورات، مع مكاتب في أستي وCanelli وNizza Monferrato.",
        ),
        phones=["+39 0141 000 003"],
        locations=[
            dict(key="cpi-asti", comune="005005", name=T("Centro per l'Impiego di Asti", "Asti Job Centre", "Centre pour l'emploi d'Asti", "مركز التوظيف في أستي"),
                 street="Corso Felice Cavallotti, 37", hours=["MO-FR 09:00-12:00", "TU,TH 14:30-16:00"], access=[ACC_WHEELCHAIR, ACC_LIFT]),
            dict(key="cpi-asti-canelli", comune="005017", name=T("Centro per l'Impiego – sportello di Canelli", "Job Centre – Canelli desk", "Centre pour l'emploi – guichet de Canelli", "مركز التوظيف – مكتب Canelli"),
                 street="Via Robino, 131", hours=["MO,WE,FR 09:00-12:00"], access=[ACC_GROUND]),
            dict(key="cpi-asti-nizza", comune="005080", name=T("Centro per l'Impiego – sportello di Nizza Monferrato", "Job Centre – Nizza Monferrato desk", "Centre pour l'emploi – guichet de Nizza Monferrato", "مركز التوظيف – مكتب Nizza Monferrato"),
                 street="Via Carlo Alberto, 54", hours=["TU,TH 09:00-12:00"]),
        ],
        services=[
            dict(slug="lavoro", core="job_centre", cats=["work_training"], langs=["it", "en", "fr"], fees=FREE,
                 docs=[DOC_ID, DOC_PERMIT, DOC_TAX, DOC_CV],
                 at=[("cpi-asti", None), ("cpi-asti-canelli", None), ("cpi-asti-nizza", None)]),
            dict(
                slug="stagionali",
                name=T("Lavoro stagionale in agricoltura e vendemmia", "Seasonal farm work and grape harvest", "Travail saisonnier agricole et vendanges", "العمل الموسمي في الزراعة وقطف العنب"),
                desc=T(
                    "Offerte di lavoro stagionale nelle vigne e nelle aziende agricole della Valle Belbo, con informazioni su contratto, paga minima e sicurezza.",
                    "Seasonal job offers in the vineyards and farms of the Belbo valley, with information on contracts, minimum pay and safety.",
                    "Offres de travail saisonnier dans les vignes et les exploitations agricoles de la vallée du Belbo, avec des informations sur le contrat, le salaire minimum et la sécurité.",
                    "عروض عمل موسمي في الكروم والمزارع في وادي Belbo، مع معلومات عن العقد والحد الأدنى للأجر والسلامة.",
                ),
                cats=["work_training"], langs=["it", "en", "fr", "ro", "sq"], fees=FREE, docs=[DOC_ID, DOC_PERMIT, DOC_TAX],
                at=[("cpi-asti-canelli", ["WE 09:00-12:00"]), ("cpi-asti-nizza", ["TH 09:00-12:00"])],
            ),
        ],
    ),
    # Real public job centre (Regione Basilicata); addresses, hours and map positions are demo.
    dict(
        slug="cpi-matera",
        demo=True,
        name=T("Centro per l'Impiego di Matera", "Matera Job Centre (Centro per l'Impiego)", "Centre pour l'emploi de Matera (Centro per l'Impiego)", "مركز التوظيف في ماتيرا (Centro per l'Impiego)"),
        description=T(
            "Servizio pubblico per il lavoro della Regione Basilicata, con sportelli a Matera, Policoro e Pisticci: iscrizione, offerte, tirocini e lavoro agricolo regolare.",
            "Public employment service of the Basilicata Region, with desks in Matera, Policoro and Pisticci: registration, job offers, traineeships and legal farm work.",
            "Service public de l'emploi de la Région Basilicate, avec des guichets à Matera, Policoro et Pisticci : inscription, offres, stages et travail agricole déclaré.",
            "خدمة التوظيف العامة في إقليم بازيليكاتا، مع مكاتب في ماتيرا وPolicoro وPisticci: التسجيل، والعروض، والتدريب، والعمل الزراعي القانوني.",
        ),
        phones=["+39 0835 000 005"],
        locations=[
            dict(key="cpi-matera", comune="077014", name=T("Centro per l'Impiego di Matera", "Matera Job Centre", "Centre pour l'emploi de Matera", "مركز التوظيف في ماتيرا"),
                 street="Via Rosario Rocco, 12", hours=["MO-FR 09:00-12:30", "TU,TH 15:00-17:00"], access=[ACC_WHEELCHAIR]),
            dict(key="cpi-policoro", comune="077021", name=T("Centro per l'Impiego di Policoro", "Policoro Job Centre", "Centre pour l'emploi de Policoro", "مركز التوظيف في Policoro"),
                 street="Via Puglia, 30", hours=["MO-FR 09:00-12:30", "TU 15:00-17:00"], access=[ACC_WHEELCHAIR]),
            dict(key="cpi-pisticci", comune="077020", name=T("Centro per l'Impiego di Pisticci", "Pisticci Job Centre", "Centre pour l'emploi de Pisticci", "مركز التوظيف في Pisticci"),
                 street="Via Nazionale, 88", hours=["MO,WE,FR 09:00-12:30"], access=[ACC_GROUND]),
        ],
        services=[
            dict(slug="lavoro", core="job_centre", cats=["work_training"], langs=["it", "en"], fees=FREE,
                 docs=[DOC_ID, DOC_PERMIT, DOC_TAX, DOC_CV],
                 at=[("cpi-matera", None), ("cpi-policoro", None), ("cpi-pisticci", None)]),
            dict(
                slug="lavoro-agricolo",
                name=T("Sportello lavoro agricolo e contrasto al caporalato", "Farm work desk and help against illegal gangmasters", "Guichet travail agricole et lutte contre le « caporalato »", "شباك العمل الزراعي ومكافحة السماسرة غير القانونيين"),
                desc=T(
                    "Offerte di lavoro nei campi con contratto regolare, informazioni sui diritti e sulla paga, aiuto a chi lavora senza contratto o sotto un caporale.",
                    "Farm job offers with a legal contract, information on your rights and pay, help for people working without a contract or under a gangmaster (caporale).",
                    "Offres de travail aux champs avec un contrat déclaré, informations sur vos droits et le salaire, aide à ceux qui travaillent sans contrat ou sous un « caporale ».",
                    "عروض عمل في الحقول بعقد قانوني، ومعلومات عن الحقوق والأجر، ومساعدة لمن يعمل بلا عقد أو تحت سيطرة سمسار (caporale).",
                ),
                cats=["work_training", "legal_immigration"], langs=["it", "en", "fr", "ar", "bn", "pa"], fees=FREE,
                docs=[DOC_ID, DOC_PERMIT],
                at=[("cpi-policoro", ["TU 09:00-12:30", "TU 15:00-17:00"]), ("cpi-pisticci", ["WE 09:00-12:30"])],
            ),
        ],
    ),
    # Real comune; the town hall's address (Piazza San Secondo, 1) is right; the social
    # services' address, hours and map positions are demo.
    dict(
        slug="comune-asti",
        demo=True,
        name=T("Comune di Asti", "Municipality of Asti (Comune)", "Commune d'Asti (Comune)", "بلدية أستي (Comune)"),
        description=T(
            "Il Comune: anagrafe e residenza, servizi sociali per famiglie in difficoltà e aiuto per la casa.",
            "The municipality: registry office and residence, social services for families in difficulty and help with housing.",
            "La mairie : état civil et résidence, services sociaux pour les familles en difficulté et aide au logement.",
            "البلدية: السجل المدني والإقامة، والخدمات الاجتماعية للأسر التي تمر بصعوبات، والمساعدة في السكن.",
        ),
        website="https://www.comune.asti.it",
        phones=["+39 0141 000 004"],
        locations=[
            dict(key="comune-asti", comune="005005", name=T("Comune di Asti – Palazzo civico", "Municipality of Asti – Town hall", "Commune d'Asti – Hôtel de ville", "بلدية أستي – مبنى البلدية"),
                 street="Piazza San Secondo, 1", hours=["MO-FR 08:30-12:30", "TU,TH 14:00-16:30"], access=[ACC_WHEELCHAIR, ACC_LIFT]),
            dict(key="comune-asti-sociali", comune="005005", name=T("Comune di Asti – Servizi sociali", "Municipality of Asti – Social services", "Commune d'Asti – Services sociaux", "بلدية أستي – الخدمات الاجتماعية"),
                 street="Via Antica Zecca, 3", hours=["MO-FR 09:00-12:00", "WE 14:30-16:30"], access=[ACC_WHEELCHAIR]),
        ],
        services=[
            dict(slug="anagrafe", core="registry", cats=["legal_immigration", "social_services"], langs=["it", "en"], fees=FREE,
                 docs=[DOC_PASSPORT, DOC_PERMIT, DOC_TAX, DOC_RESIDENCE],
                 at=[("comune-asti", ["MO-FR 08:30-12:00", "TH 14:00-16:30"])]),
            dict(
                slug="segretariato-sociale",
                name=SOCIAL_DESK_NAME, desc=SOCIAL_DESK_DESC,
                cats=["social_services"], langs=["it", "en", "fr"], fees=FREE, docs=[DOC_ID, DOC_ISEE],
                at=[("comune-asti-sociali", None)],
            ),
            dict(
                slug="emergenza-casa",
                name=HOUSING_DESK_NAME, desc=HOUSING_DESK_DESC,
                cats=["housing", "social_services"], langs=["it", "en", "fr"], fees=FREE, docs=[DOC_ID, DOC_ISEE, DOC_RESIDENCE],
                at=[("comune-asti-sociali", ["TU,TH 09:00-12:00"])],
            ),
        ],
    ),
    # Real comune; the town hall in Via Aldo Moro is believed right; the other addresses,
    # hours and map positions are demo.
    dict(
        slug="comune-matera",
        demo=True,
        name=T("Comune di Matera", "Municipality of Matera (Comune)", "Commune de Matera (Comune)", "بلدية ماتيرا (Comune)"),
        description=T(
            "Il Comune: anagrafe e residenza, servizi sociali, aiuto per la casa e uno sportello informativo per cittadini stranieri con mediatori.",
            "The municipality: registry office and residence, social services, help with housing and an information desk for foreign residents with mediators.",
            "La mairie : état civil et résidence, services sociaux, aide au logement et un guichet d'information pour les étrangers avec des médiateurs.",
            "البلدية: السجل المدني والإقامة، والخدمات الاجتماعية، والمساعدة في السكن، وشباك معلومات للمقيمين الأجانب مع وسطاء.",
        ),
        website="https://www.comune.matera.it",
        phones=["+39 0835 000 006"],
        locations=[
            dict(key="comune-matera", comune="077014", name=T("Comune di Matera – Palazzo di Città", "Municipality of Matera – Town hall", "Commune de Matera – Hôtel de ville", "بلدية ماتيرا – مبنى البلدية"),
                 street="Via Aldo Moro", hours=["MO-FR 09:00-12:30", "TU,TH 15:30-17:30"], access=[ACC_WHEELCHAIR, ACC_LIFT]),
            dict(key="comune-matera-sociali", comune="077014", name=T("Comune di Matera – Servizi sociali", "Municipality of Matera – Social services", "Commune de Matera – Services sociaux", "بلدية ماتيرا – الخدمات الاجتماعية"),
                 street="Via Ridola, 47", hours=["MO-FR 09:00-12:00", "TU 15:30-17:30"], access=[ACC_STEPS]),
        ],
        services=[
            dict(slug="anagrafe", core="registry", cats=["legal_immigration", "social_services"], langs=["it", "en"], fees=FREE,
                 docs=[DOC_PASSPORT, DOC_PERMIT, DOC_TAX, DOC_RESIDENCE],
                 at=[("comune-matera", None)]),
            dict(
                slug="segretariato-sociale",
                name=SOCIAL_DESK_NAME, desc=SOCIAL_DESK_DESC,
                cats=["social_services"], langs=["it", "en"], fees=FREE, docs=[DOC_ID, DOC_ISEE],
                at=[("comune-matera-sociali", None)],
            ),
            dict(
                slug="casa",
                name=HOUSING_DESK_NAME, desc=HOUSING_DESK_DESC,
                cats=["housing", "social_services"], langs=["it"], fees=FREE, docs=[DOC_ID, DOC_ISEE, DOC_RESIDENCE],
                at=[("comune-matera-sociali", ["WE,FR 09:00-12:00"])],
            ),
            dict(
                slug="sportello-stranieri",
                name=T("Sportello informativo per cittadini stranieri", "Information desk for foreign residents", "Guichet d'information pour les étrangers", "شباك المعلومات للمقيمين الأجانب"),
                desc=T(
                    "Mediatori e operatori spiegano come fare residenza, permesso di soggiorno e iscrizione ai servizi, e accompagnano agli uffici quando serve.",
                    "Mediators and staff explain how to register your residence, get your residence permit and sign up for services, and go with you to the offices when needed.",
                    "Des médiateurs et des agents expliquent comment faire la résidence, le permis de séjour et l'inscription aux services, et vous accompagnent aux bureaux si besoin.",
                    "يشرح الوسطاء والموظفون كيفية تسجيل السكن والحصول على تصريح الإقامة والتسجيل في الخدمات، ويرافقونك إلى المكاتب عند الحاجة.",
                ),
                cats=["mediation", "legal_immigration"], langs=["it", "en", "fr", "ar", "ur", "bn"], fees=FREE,
                at=[("comune-matera", ["MO,WE,FR 09:00-12:30"])],
            ),
        ],
    ),
    # Real public body; addresses, hours and map positions are demo.
    dict(
        slug="inps-asti",
        demo=True,
        name=T("INPS – Direzione provinciale di Asti", "INPS (social security) – Asti provincial office", "INPS (sécurité sociale) – Direction provinciale d'Asti", "INPS (الضمان الاجتماعي) – المديرية الإقليمية في أستي"),
        description=INPS_DESC,
        website="https://www.inps.it",
        phones=["+39 0141 000 005"],
        locations=[
            dict(key="inps-asti", comune="005005", name=T("INPS – sede di Asti", "INPS – Asti office", "INPS – bureau d'Asti", "INPS – مكتب أستي"),
                 street="Corso Dante Alighieri, 36", hours=["MO-FR 08:30-12:30"], access=[ACC_WHEELCHAIR, ACC_LIFT]),
            dict(key="inps-nizza", comune="005080", name=T("INPS – punto di Nizza Monferrato", "INPS – Nizza Monferrato point", "INPS – point de Nizza Monferrato", "INPS – نقطة Nizza Monferrato"),
                 street="Piazza Garibaldi, 9", hours=["TU,TH 08:30-12:30"]),
        ],
        services=[
            dict(slug="prestazioni", name=INPS_SVC_NAME, desc=INPS_SVC_DESC, cats=["work_training", "social_services"],
                 langs=["it", "en"], fees=FREE, docs=[DOC_ID, DOC_PERMIT, DOC_TAX],
                 at=[("inps-asti", ["MO-TH 08:30-12:00"]), ("inps-nizza", None)]),
        ],
    ),
    dict(
        slug="inps-matera",
        demo=True,
        name=T("INPS – Direzione provinciale di Matera", "INPS (social security) – Matera provincial office", "INPS (sécurité sociale) – Direction provinciale de Matera", "INPS (الضمان الاجتماعي) – المديرية الإقليمية في ماتيرا"),
        description=INPS_DESC,
        website="https://www.inps.it",
        phones=["+39 0835 000 007"],
        locations=[
            dict(key="inps-matera", comune="077014", name=T("INPS – sede di Matera", "INPS – Matera office", "INPS – bureau de Matera", "INPS – مكتب ماتيرا"),
                 street="Via Lucana, 100", hours=["MO-FR 08:30-12:30"], access=[ACC_WHEELCHAIR, ACC_LIFT]),
            dict(key="inps-policoro", comune="077021", name=T("INPS – agenzia di Policoro", "INPS – Policoro agency", "INPS – agence de Policoro", "INPS – وكالة Policoro"),
                 street="Via Siris, 20", hours=["MO,WE,FR 08:30-12:30"], access=[ACC_GROUND]),
        ],
        services=[
            dict(slug="prestazioni", name=INPS_SVC_NAME, desc=INPS_SVC_DESC, cats=["work_training", "social_services"],
                 langs=["it"], fees=FREE, docs=[DOC_ID, DOC_PERMIT, DOC_TAX],
                 at=[("inps-matera", None), ("inps-policoro", None)]),
        ],
    ),
    # Real public office; address, hours and map position are demo.
    dict(
        slug="ufficio-scolastico-asti",
        demo=True,
        name=T("Ufficio Scolastico – Ambito territoriale di Asti", "School Office – Asti area (Ufficio Scolastico)", "Bureau scolaire – secteur d'Asti (Ufficio Scolastico)", "المكتب المدرسي – منطقة أستي (Ufficio Scolastico)"),
        description=SCHOOL_OFFICE_DESC,
        website="https://www.istruzionepiemonte.it",
        phones=["+39 0141 000 006"],
        locations=[
            dict(key="ufficio-scolastico-asti", comune="005005", name=T("Ufficio Scolastico di Asti", "Asti School Office", "Bureau scolaire d'Asti", "المكتب المدرسي في أستي"),
                 street="Via Fratelli Cairoli, 12", hours=["MO-FR 09:00-12:00", "TH 14:30-16:30"], access=[ACC_LIFT]),
        ],
        services=[
            dict(slug="iscrizione", name=SCHOOL_SVC_NAME, desc=SCHOOL_SVC_DESC, cats=["school_minors"], langs=["it", "en", "fr"],
                 fees=FREE, docs=[DOC_ID, DOC_SCHOOL, DOC_RESIDENCE],
                 at=[("ufficio-scolastico-asti", ["TU,TH 09:00-12:00"])]),
        ],
    ),
    dict(
        slug="ufficio-scolastico-matera",
        demo=True,
        name=T("Ufficio Scolastico – Ambito territoriale di Matera", "School Office – Matera area (Ufficio Scolastico)", "Bureau scolaire – secteur de Matera (Ufficio Scolastico)", "المكتب المدرسي – منطقة ماتيرا (Ufficio Scolastico)"),
        description=SCHOOL_OFFICE_DESC,
        phones=["+39 0835 000 008"],
        locations=[
            dict(key="ufficio-scolastico-matera", comune="077014", name=T("Ufficio Scolastico di Matera", "Matera School Office", "Bureau scolaire de Matera", "المكتب المدرسي في ماتيرا"),
                 street="Via Lucana, 194", hours=["MO-FR 09:00-12:00", "TU 15:00-17:00"], access=[ACC_WHEELCHAIR]),
        ],
        services=[
            dict(slug="iscrizione", name=SCHOOL_SVC_NAME, desc=SCHOOL_SVC_DESC, cats=["school_minors"], langs=["it", "en"],
                 fees=FREE, docs=[DOC_ID, DOC_SCHOOL, DOC_RESIDENCE],
                 at=[("ufficio-scolastico-matera", ["MO,WE 09:00-12:00"])]),
        ],
    ),
    # Trade-union advice offices (patronati) and lawyers' desks: real networks; every site,
    # address, hour and map position below is demo.
    dict(
        slug="inca-cgil-asti",
        demo=True,
        name=T("Patronato INCA CGIL Asti", "INCA CGIL Asti advice office (patronato)", "Bureau d'aide INCA CGIL Asti (patronato)", "مكتب خدمات INCA CGIL في أستي (patronato)"),
        description=PATRONATO_DESC,
        website="https://www.inca.it",
        phones=["+39 0141 000 007"],
        locations=[
            dict(key="inca-asti", comune="005005", name=T("INCA CGIL – sede di Asti", "INCA CGIL – Asti office", "INCA CGIL – bureau d'Asti", "INCA CGIL – مكتب أستي"),
                 street="Via Botallo, 10", hours=["MO-FR 09:00-12:30", "MO,WE 15:00-18:00"], access=[ACC_WHEELCHAIR]),
            dict(key="inca-canelli", comune="005017", name=T("INCA CGIL – recapito di Canelli", "INCA CGIL – Canelli point", "INCA CGIL – permanence de Canelli", "INCA CGIL – نقطة Canelli"),
                 street="Via Riccadonna, 8", hours=["TU 09:00-12:00", "TH 15:00-18:00"]),
            dict(key="inca-nizza", comune="005080", name=T("INCA CGIL – recapito di Nizza Monferrato", "INCA CGIL – Nizza Monferrato point", "INCA CGIL – permanence de Nizza Monferrato", "INCA CGIL – نقطة Nizza Monferrato"),
                 street="Via Gioberti, 15", hours=["WE 09:00-12:00", "FR 15:00-18:00"]),
            dict(key="inca-san-damiano", comune="005097", name=T("INCA CGIL – recapito di San Damiano d'Asti", "INCA CGIL – San Damiano d'Asti point", "INCA CGIL – permanence de San Damiano d'Asti", "INCA CGIL – نقطة San Damiano d'Asti"),
                 street="Piazza Camisola, 4", hours=["MO 09:00-12:00"]),
            dict(key="inca-moncalvo", comune="005069", name=T("INCA CGIL – recapito di Moncalvo", "INCA CGIL – Moncalvo point", "INCA CGIL – permanence de Moncalvo", "INCA CGIL – نقطة Moncalvo"),
                 street="Piazza Garibaldi, 11", hours=["TH 09:00-12:00"], access=[ACC_STEPS]),
        ],
        services=[
            dict(slug="permessi", name=PATRONATO_PERMIT_NAME, desc=PATRONATO_PERMIT_DESC, cats=["legal_immigration"],
                 langs=["it", "en", "fr", "ar", "sq"], fees=FEE_PATRONATO, docs=[DOC_PASSPORT, DOC_PERMIT, DOC_TAX],
                 at=[("inca-asti", ["TU,TH 09:00-12:30"]), ("inca-canelli", None), ("inca-nizza", None), ("inca-san-damiano", None), ("inca-moncalvo", None)]),
            dict(slug="previdenza", name=PATRONATO_WELFARE_NAME, desc=PATRONATO_WELFARE_DESC, cats=["work_training", "social_services"],
                 langs=["it", "en", "fr"], fees=FREE, docs=[DOC_ID, DOC_TAX],
                 at=[("inca-asti", None), ("inca-canelli", None), ("inca-nizza", None)]),
            dict(slug="vertenze", name=LABOUR_DISPUTE_NAME, desc=LABOUR_DISPUTE_DESC, cats=["work_training", "legal_immigration"],
                 langs=["it", "en", "fr"], fees=FEE_MEMBER,
                 at=[("inca-asti", ["MO,WE 15:00-18:00"])]),
        ],
    ),
    dict(
        slug="inas-cisl-asti",
        demo=True,
        name=T("Patronato INAS CISL Asti", "INAS CISL Asti advice office (patronato)", "Bureau d'aide INAS CISL Asti (patronato)", "مكتب خدمات INAS CISL في أستي (patronato)"),
        description=PATRONATO_DESC,
        website="https://www.inas.it",
        phones=["+39 0141 000 008"],
        locations=[
            dict(key="inas-asti", comune="005005", name=T("INAS CISL – sede di Asti", "INAS CISL – Asti office", "INAS CISL – bureau d'Asti", "INAS CISL – مكتب أستي"),
                 street="Corso Vittorio Alfieri, 188", hours=["MO-FR 08:30-12:30", "TU,TH 14:30-17:30"], access=[ACC_WHEELCHAIR]),
            dict(key="inas-villanova", comune="005118", name=T("INAS CISL – recapito di Villanova d'Asti", "INAS CISL – Villanova d'Asti point", "INAS CISL – permanence de Villanova d'Asti", "INAS CISL – نقطة Villanova d'Asti"),
                 street="Piazza Vittorio Emanuele II, 6", hours=["WE 09:00-12:00"]),
            dict(key="inas-castelnuovo", comune="005031", name=T("INAS CISL – recapito di Castelnuovo Don Bosco", "INAS CISL – Castelnuovo Don Bosco point", "INAS CISL – permanence de Castelnuovo Don Bosco", "INAS CISL – نقطة Castelnuovo Don Bosco"),
                 street="Via Roma, 21", hours=["FR 09:00-12:00"]),
        ],
        services=[
            dict(slug="permessi", name=PATRONATO_PERMIT_NAME, desc=PATRONATO_PERMIT_DESC, cats=["legal_immigration"],
                 langs=["it", "en", "ro"], fees=FEE_PATRONATO, docs=[DOC_PASSPORT, DOC_PERMIT, DOC_TAX],
                 at=[("inas-asti", ["MO,WE,FR 08:30-12:30"]), ("inas-villanova", None), ("inas-castelnuovo", None)]),
            dict(slug="previdenza", name=PATRONATO_WELFARE_NAME, desc=PATRONATO_WELFARE_DESC, cats=["work_training", "social_services"],
                 langs=["it", "en"], fees=FREE, docs=[DOC_ID, DOC_TAX],
                 at=[("inas-asti", None), ("inas-villanova", None)]),
        ],
    ),
    dict(
        slug="ital-uil-asti",
        demo=True,
        name=T("Patronato ITAL UIL Asti", "ITAL UIL Asti advice office (patronato)", "Bureau d'aide ITAL UIL Asti (patronato)", "مكتب خدمات ITAL UIL في أستي (patronato)"),
        description=PATRONATO_DESC,
        website="https://www.italuil.it",
        phones=["+39 0141 000 009"],
        locations=[
            dict(key="ital-asti", comune="005005", name=T("ITAL UIL – sede di Asti", "ITAL UIL – Asti office", "ITAL UIL – bureau d'Asti", "ITAL UIL – مكتب أستي"),
                 street="Via Brofferio, 62", hours=["MO-FR 09:00-12:30", "WE 15:00-17:30"], access=[ACC_GROUND]),
        ],
        services=[
            dict(slug="permessi", name=PATRONATO_PERMIT_NAME, desc=PATRONATO_PERMIT_DESC, cats=["legal_immigration"],
                 langs=["it", "en", "es"], fees=FEE_PATRONATO, docs=[DOC_PASSPORT, DOC_PERMIT, DOC_TAX],
                 at=[("ital-asti", ["TU,TH 09:00-12:30"])]),
            dict(slug="previdenza", name=PATRONATO_WELFARE_NAME, desc=PATRONATO_WELFARE_DESC, cats=["work_training", "social_services"],
                 langs=["it"], fees=FREE, docs=[DOC_ID, DOC_TAX], at=[("ital-asti", None)]),
        ],
    ),
    dict(
        slug="avvocati-asti",
        demo=True,
        name=T("Ordine degli Avvocati di Asti", "Asti Bar Association (Ordine degli Avvocati)", "Ordre des avocats d'Asti (Ordine degli Avvocati)", "نقابة المحامين في أستي (Ordine degli Avvocati)"),
        description=T(
            "L'ordine professionale degli avvocati della provincia. Organizza uno sportello gratuito di primo orientamento e raccoglie le domande di gratuito patrocinio.",
            "The professional body of the province's lawyers. It runs a free first-guidance desk and receives applications for free legal aid.",
            "L'ordre professionnel des avocats de la province. Il organise un guichet gratuit de première orientation et reçoit les demandes d'aide juridictionnelle.",
            "الهيئة المهنية لمحامي المقاطعة. تنظّم شباكًا مجانيًا للتوجيه الأولي وتستقبل طلبات المساعدة القانونية المجانية.",
        ),
        phones=["+39 0141 000 010"],
        locations=[
            dict(key="avvocati-asti", comune="005005", name=T("Ordine degli Avvocati – sportello in Tribunale", "Bar Association – desk at the Court", "Ordre des avocats – guichet au Tribunal", "نقابة المحامين – شباك في المحكمة"),
                 street="Piazza Leonardo da Vinci, 1", hours=["MO-FR 09:00-12:30"], access=[ACC_WHEELCHAIR, ACC_LIFT]),
        ],
        services=[
            dict(slug="orientamento", name=LEGAL_DESK_NAME, desc=LEGAL_DESK_DESC, cats=["legal_immigration"],
                 langs=["it", "en", "fr"], fees=FREE, docs=[DOC_ID, DOC_ISEE],
                 at=[("avvocati-asti", ["WE 09:30-12:30"])]),
        ],
    ),
    dict(
        slug="inca-cgil-matera",
        demo=True,
        name=T("Patronato INCA CGIL Matera", "INCA CGIL Matera advice office (patronato)", "Bureau d'aide INCA CGIL Matera (patronato)", "مكتب خدمات INCA CGIL في ماتيرا (patronato)"),
        description=PATRONATO_DESC,
        website="https://www.inca.it",
        phones=["+39 0835 000 009"],
        locations=[
            dict(key="inca-matera", comune="077014", name=T("INCA CGIL – sede di Matera", "INCA CGIL – Matera office", "INCA CGIL – bureau de Matera", "INCA CGIL – مكتب ماتيرا"),
                 street="Via Dante, 12", hours=["MO-FR 09:00-12:30", "TU,TH 16:00-19:00"], access=[ACC_WHEELCHAIR]),
            dict(key="inca-policoro", comune="077021", name=T("INCA CGIL – sede di Policoro", "INCA CGIL – Policoro office", "INCA CGIL – bureau de Policoro", "INCA CGIL – مكتب Policoro"),
                 street="Via Colombo, 40", hours=["MO-FR 09:00-12:30", "WE 16:00-19:00"], access=[ACC_GROUND]),
            dict(key="inca-pisticci", comune="077020", name=T("INCA CGIL – recapito di Pisticci", "INCA CGIL – Pisticci point", "INCA CGIL – permanence de Pisticci", "INCA CGIL – نقطة Pisticci"),
                 street="Corso Margherita, 25", hours=["TU,TH 09:00-12:00"]),
            dict(key="inca-bernalda", comune="077003", name=T("INCA CGIL – recapito di Bernalda", "INCA CGIL – Bernalda point", "INCA CGIL – permanence de Bernalda", "INCA CGIL – نقطة Bernalda"),
                 street="Corso Umberto I, 70", hours=["WE 16:00-19:00"]),
            dict(key="inca-montalbano", comune="077016", name=T("INCA CGIL – recapito di Montalbano Jonico", "INCA CGIL – Montalbano Jonico point", "INCA CGIL – permanence de Montalbano Jonico", "INCA CGIL – نقطة Montalbano Jonico"),
                 street="Via Cavour, 9", hours=["FR 09:00-12:00"], access=[ACC_STEPS]),
        ],
        services=[
            dict(slug="permessi", name=PATRONATO_PERMIT_NAME, desc=PATRONATO_PERMIT_DESC, cats=["legal_immigration"],
                 langs=["it", "en", "fr", "ar", "bn", "pa"], fees=FEE_PATRONATO, docs=[DOC_PASSPORT, DOC_PERMIT, DOC_TAX],
                 at=[("inca-matera", ["MO,WE,FR 09:00-12:30"]), ("inca-policoro", None), ("inca-pisticci", None), ("inca-bernalda", None), ("inca-montalbano", None)]),
            dict(slug="previdenza", name=PATRONATO_WELFARE_NAME, desc=PATRONATO_WELFARE_DESC, cats=["work_training", "social_services"],
                 langs=["it", "en"], fees=FREE, docs=[DOC_ID, DOC_TAX],
                 at=[("inca-matera", None), ("inca-policoro", None)]),
            dict(slug="vertenze", name=LABOUR_DISPUTE_NAME, desc=LABOUR_DISPUTE_DESC, cats=["work_training", "legal_immigration"],
                 langs=["it", "en", "fr", "pa"], fees=FEE_MEMBER,
                 at=[("inca-policoro", ["WE 16:00-19:00"]), ("inca-matera", ["TU,TH 16:00-19:00"])]),
        ],
    ),
    dict(
        slug="inas-cisl-matera",
        demo=True,
        name=T("Patronato INAS CISL Matera", "INAS CISL Matera advice office (patronato)", "Bureau d'aide INAS CISL Matera (patronato)", "مكتب خدمات INAS CISL في ماتيرا (patronato)"),
        description=PATRONATO_DESC,
        website="https://www.inas.it",
        phones=["+39 0835 000 010"],
        locations=[
            dict(key="inas-matera", comune="077014", name=T("INAS CISL – sede di Matera", "INAS CISL – Matera office", "INAS CISL – bureau de Matera", "INAS CISL – مكتب ماتيرا"),
                 street="Via Annunziatella, 55", hours=["MO-FR 09:00-12:30", "MO,TH 16:00-18:30"], access=[ACC_WHEELCHAIR]),
            dict(key="inas-scanzano", comune="077031", name=T("INAS CISL – recapito di Scanzano Jonico", "INAS CISL – Scanzano Jonico point", "INAS CISL – permanence de Scanzano Jonico", "INAS CISL – نقطة Scanzano Jonico"),
                 street="Via Dante, 18", hours=["TU,FR 09:00-12:00"]),
            dict(key="inas-nova-siri", comune="077018", name=T("INAS CISL – recapito di Nova Siri", "INAS CISL – Nova Siri point", "INAS CISL – permanence de Nova Siri", "INAS CISL – نقطة Nova Siri"),
                 street="Via Giuseppe Garibaldi, 30", hours=["TH 09:00-12:00"]),
        ],
        services=[
            dict(slug="permessi", name=PATRONATO_PERMIT_NAME, desc=PATRONATO_PERMIT_DESC, cats=["legal_immigration"],
                 langs=["it", "en", "ro", "sq"], fees=FEE_PATRONATO, docs=[DOC_PASSPORT, DOC_PERMIT, DOC_TAX],
                 at=[("inas-matera", None), ("inas-scanzano", None), ("inas-nova-siri", None)]),
            dict(slug="previdenza", name=PATRONATO_WELFARE_NAME, desc=PATRONATO_WELFARE_DESC, cats=["work_training", "social_services"],
                 langs=["it"], fees=FREE, docs=[DOC_ID, DOC_TAX],
                 at=[("inas-matera", ["MO-FR 09:00-12:30"]), ("inas-scanzano", None)]),
        ],
    ),
    dict(
        slug="ital-uil-matera",
        demo=True,
        name=T("Patronato ITAL UIL Matera", "ITAL UIL Matera advice office (patronato)", "Bureau d'aide ITAL UIL Matera (patronato)", "مكتب خدمات ITAL UIL في ماتيرا (patronato)"),
        description=PATRONATO_DESC,
        website="https://www.italuil.it",
        phones=["+39 0835 000 011"],
        locations=[
            dict(key="ital-matera", comune="077014", name=T("ITAL UIL – sede di Matera", "ITAL UIL – Matera office", "ITAL UIL – bureau de Matera", "ITAL UIL – مكتب ماتيرا"),
                 street="Via XX Settembre, 8", hours=["MO-FR 09:00-12:30"], access=[ACC_GROUND]),
            dict(key="ital-tursi", comune="077029", name=T("ITAL UIL – recapito di Tursi", "ITAL UIL – Tursi point", "ITAL UIL – permanence de Tursi", "ITAL UIL – نقطة Tursi"),
                 street="Corso Vittorio Emanuele, 22", hours=["WE 09:00-12:00"], access=[ACC_STEPS]),
        ],
        services=[
            dict(slug="permessi", name=PATRONATO_PERMIT_NAME, desc=PATRONATO_PERMIT_DESC, cats=["legal_immigration"],
                 langs=["it", "en", "ar"], fees=FEE_PATRONATO, docs=[DOC_PASSPORT, DOC_PERMIT, DOC_TAX],
                 at=[("ital-matera", ["MO,WE 09:00-12:30"]), ("ital-tursi", None)]),
            dict(slug="previdenza", name=PATRONATO_WELFARE_NAME, desc=PATRONATO_WELFARE_DESC, cats=["work_training", "social_services"],
                 langs=["it"], fees=FREE, docs=[DOC_ID, DOC_TAX], at=[("ital-matera", None), ("ital-tursi", None)]),
        ],
    ),
    dict(
        slug="avvocati-matera",
        demo=True,
        name=T("Ordine degli Avvocati di Matera", "Matera Bar Association (Ordine degli Avvocati)", "Ordre des avocats de Matera (Ordine degli Avvocati)", "نقابة المحامين في ماتيرا (Ordine degli Avvocati)"),
        description=T(
            "L'ordine professionale degli avvocati della provincia di Matera. Organizza uno sportello gratuito di primo orientamento e informa sul gratuito patrocinio.",
            "The professional body of lawyers in the province of Matera. It runs a free first-guidance desk and gives information on free legal aid.",
            "L'ordre professionnel des avocats de la province de Matera. Il organise un guichet gratuit de première orientation et informe sur l'aide juridictionnelle.",
            "الهيئة المهنية للمحامين في مقاطعة ماتيرا. تنظّم شباكًا مجانيًا للتوجيه الأولي وتقدّم معلومات عن المساعدة القانونية المجانية.",
        ),
        phones=["+39 0835 000 012"],
        locations=[
            dict(key="avvocati-matera", comune="077014", name=T("Ordine degli Avvocati – sportello in Tribunale", "Bar Association – desk at the Court", "Ordre des avocats – guichet au Tribunal", "نقابة المحامين – شباك في المحكمة"),
                 street="Via Aldo Moro, 1", hours=["MO-FR 09:00-12:30"], access=[ACC_WHEELCHAIR, ACC_LIFT]),
        ],
        services=[
            dict(slug="orientamento", name=LEGAL_DESK_NAME, desc=LEGAL_DESK_DESC, cats=["legal_immigration"],
                 langs=["it", "en", "fr"], fees=FREE, docs=[DOC_ID, DOC_ISEE],
                 at=[("avvocati-matera", ["TU 09:30-12:30"])]),
        ],
    ),
    # Real diocesan Caritas; the listening centre (Via del Soccorso, 3, 2007 survey) and the
    # day centre (Via Morelli, 7, press 2015) may have moved; the rest is demo.
    dict(
        slug="caritas-asti",
        demo=True,
        name=T("Caritas diocesana di Asti", "Caritas of the Diocese of Asti", "Caritas diocésaine d'Asti", "كاريتاس أبرشية أستي"),
        description=T(
            "L'organismo della Chiesa cattolica per chi è in difficoltà: ascolto, emporio solidale, centro diurno per chi vive in strada e aiuto per l'affitto. Aperto a tutti, di ogni religione.",
            "The Catholic Church's body for people in difficulty: listening, solidarity grocery, day centre for people living on the street and help with rent. Open to everyone, of any religion.",
            "L'organisme de l'Église catholique pour les personnes en difficulté : écoute, épicerie solidaire, centre de jour pour les personnes à la rue et aide au loyer. Ouvert à tous, de toute religion.",
            "هيئة الكنيسة الكاثوليكية لمساعدة من يمرون بصعوبات: الاستماع، ومتجر تضامني، ومركز نهاري لمن يعيشون في الشارع، ومساعدة في الإيجار. مفتوح للجميع من كل الأديان.",
        ),
        phones=["+39 0141 000 011"],
        locations=[
            dict(key="caritas-asti", comune="005005", name=T("Caritas – centro di ascolto diocesano", "Caritas – diocesan listening centre", "Caritas – centre d'écoute diocésain", "كاريتاس – مركز الاستماع الأبرشي"),
                 street="Via del Soccorso, 3", hours=["MO-FR 09:00-12:00", "TU,TH 15:00-17:00"], access=[ACC_GROUND]),
            dict(key="caritas-asti-diurno", comune="005005", name=T("Caritas – centro diurno", "Caritas – day centre", "Caritas – centre de jour", "كاريتاس – المركز النهاري"),
                 street="Via Morelli, 7", hours=["MO-FR 13:00-18:00"], access=[ACC_WHEELCHAIR]),
            dict(key="caritas-asti-emporio", comune="005005", name=T("Caritas – emporio solidale", "Caritas – solidarity grocery", "Caritas – épicerie solidaire", "كاريتاس – المتجر التضامني"),
                 street="Via Guttuari, 20", hours=["TU,TH 09:00-12:00", "SA 09:00-12:00"], access=[ACC_WHEELCHAIR]),
            dict(key="caritas-annone", comune="005028", name=T("Centro di ascolto parrocchiale di Castello di Annone", "Castello di Annone parish listening centre", "Centre d'écoute paroissial de Castello di Annone", "مركز الاستماع الرعوي في Castello di Annone"),
                 street="Piazza della Chiesa, 2", hours=["SA 09:30-11:30"]),
            dict(key="caritas-frinco", comune="005055", name=T("Centro di ascolto parrocchiale di Frinco", "Frinco parish listening centre", "Centre d'écoute paroissial de Frinco", "مركز الاستماع الرعوي في Frinco"),
                 street="Via Roma, 3", hours=["WE 15:00-17:00"]),
        ],
        services=[
            dict(slug="ascolto", name=LISTENING_NAME, desc=LISTENING_DESC, cats=["social_services"],
                 langs=["it", "en", "fr", "es"], fees=FREE,
                 at=[("caritas-asti", None), ("caritas-annone", None), ("caritas-frinco", None)]),
            dict(
                slug="diurno",
                name=T("Centro diurno per persone senza casa", "Day centre for homeless people", "Centre de jour pour personnes sans abri", "مركز نهاري للأشخاص بلا مأوى"),
                desc=T(
                    "Docce, lavatrice, un posto caldo per riposare, internet e un'assistente sociale per chi dorme al dormitorio o in strada.",
                    "Showers, washing machine, a warm place to rest, internet and a social worker for people who sleep at the shelter or on the street.",
                    "Douches, machine à laver, un endroit chaud pour se reposer, internet et une assistante sociale pour les personnes qui dorment au foyer ou dans la rue.",
                    "حمّامات، وغسالة ملابس، ومكان دافئ للراحة، وإنترنت، وأخصائية اجتماعية لمن ينام في المبيت أو في الشارع.",
                ),
                cats=["housing", "social_services"], langs=["it", "en", "fr"], fees=FREE,
                at=[("caritas-asti-diurno", None)],
            ),
            dict(
                slug="emporio",
                name=T("Emporio solidale", "Solidarity grocery (emporio solidale)", "Épicerie solidaire", "المتجر التضامني"),
                desc=T(
                    "Un piccolo supermercato gratuito: con una tessera a punti, data dal centro di ascolto, le famiglie scelgono cibo e prodotti per la casa.",
                    "A small free supermarket: with a points card, given by the listening centre, families choose food and household products.",
                    "Un petit supermarché gratuit : avec une carte à points, donnée par le centre d'écoute, les familles choisissent nourriture et produits ménagers.",
                    "سوبرماركت صغير مجاني: ببطاقة نقاط يمنحها مركز الاستماع، تختار الأسر الطعام ومواد المنزل.",
                ),
                cats=["social_services"], langs=["it", "en"], fees=FREE,
                at=[("caritas-asti-emporio", None)],
            ),
            dict(
                slug="affitti",
                name=T("Fondo anti-sfratti e aiuto per l'affitto", "Anti-eviction fund and rent help", "Fonds anti-expulsion et aide au loyer", "صندوق مكافحة الإخلاء والمساعدة في الإيجار"),
                desc=T(
                    "Contributo per alcuni mesi di affitto alle famiglie in difficoltà temporanea, dopo un colloquio al centro di ascolto.",
                    "Support for a few months' rent for families in temporary difficulty, after an interview at the listening centre.",
                    "Aide pour quelques mois de loyer aux familles en difficulté passagère, après un entretien au centre d'écoute.",
                    "دعم لبضعة أشهر من الإيجار للأسر التي تمر بصعوبة مؤقتة، بعد مقابلة في مركز الاستماع.",
                ),
                cats=["housing"], langs=["it", "en", "fr"], fees=FREE, docs=[DOC_ID, DOC_RESIDENCE, DOC_ISEE],
                at=[("caritas-asti", ["TU 15:00-17:00"])],
            ),
        ],
    ),
    dict(
        slug="caritas-matera",
        demo=True,
        name=T("Caritas diocesana di Matera-Irsina", "Caritas of the Diocese of Matera-Irsina", "Caritas diocésaine de Matera-Irsina", "كاريتاس أبرشية ماتيرا-إيرسينا"),
        description=T(
            "L'organismo della Chiesa cattolica per chi è in difficoltà: ascolto, mensa, accoglienza notturna e aiuto a lavoratori stagionali e famiglie, aperto a persone di ogni religione.",
            "The Catholic Church's body for people in difficulty: listening, canteen, night shelter and help for seasonal workers and families, open to people of any religion.",
            "L'organisme de l'Église catholique pour les personnes en difficulté : écoute, cantine, accueil de nuit et aide aux travailleurs saisonniers et aux familles, ouvert aux personnes de toute religion.",
            "هيئة الكنيسة الكاثوليكية لمساعدة من يمرون بصعوبات: الاستماع، والمطعم، والمبيت الليلي، ومساعدة العمال الموسميين والأسر، مفتوح للناس من كل الأديان.",
        ),
        phones=["+39 0835 000 013"],
        locations=[
            dict(key="caritas-matera", comune="077014", name=T("Caritas – centro di ascolto di Matera", "Caritas – Matera listening centre", "Caritas – centre d'écoute de Matera", "كاريتاس – مركز الاستماع في ماتيرا"),
                 street="Via dei Dauni, 10", hours=["MO-FR 09:00-12:00", "WE 16:00-18:00"], access=[ACC_GROUND]),
            dict(key="caritas-matera-accoglienza", comune="077014", name=T("Caritas – mensa e accoglienza notturna", "Caritas – canteen and night shelter", "Caritas – cantine et accueil de nuit", "كاريتاس – المطعم والمبيت الليلي"),
                 street="Via Lucana, 310", hours=["MO-SU 11:30-13:30", "MO-SU 19:00-22:00"], access=[ACC_WHEELCHAIR]),
            dict(key="caritas-irsina", comune="077013", name=T("Caritas – centro di ascolto di Irsina", "Caritas – Irsina listening centre", "Caritas – centre d'écoute d'Irsina", "كاريتاس – مركز الاستماع في Irsina"),
                 street="Corso Canio Musacchio, 5", hours=["TU,FR 16:00-18:30"], access=[ACC_STEPS]),
        ],
        services=[
            dict(slug="ascolto", name=LISTENING_NAME, desc=LISTENING_DESC, cats=["social_services"],
                 langs=["it", "en", "fr", "ar"], fees=FREE,
                 at=[("caritas-matera", None), ("caritas-irsina", None)]),
            dict(
                slug="mensa",
                name=T("Mensa e docce", "Canteen and showers", "Cantine et douches", "مطعم وحمّامات"),
                desc=T("Pranzo caldo ogni giorno e docce per chi non ha casa o vive in condizioni difficili, senza domande sui documenti.",
                       "A hot lunch every day and showers for people without a home or living in hard conditions, with no questions about documents.",
                       "Un déjeuner chaud chaque jour et des douches pour les personnes sans logement ou vivant dans des conditions difficiles, sans questions sur les papiers.",
                       "غداء ساخن كل يوم وحمّامات لمن ليس له مسكن أو يعيش في ظروف صعبة، دون أسئلة عن الوثائق."),
                cats=["social_services"], langs=["it", "en", "fr", "ar"], fees=FREE,
                at=[("caritas-matera-accoglienza", ["MO-SU 11:30-13:30"])],
            ),
            dict(
                slug="accoglienza-notturna",
                name=T("Accoglienza notturna", "Night shelter", "Accueil de nuit", "المبيت الليلي"),
                desc=T("Posti letto per la notte per uomini e donne senza casa, per un periodo breve, dopo un colloquio al centro di ascolto.",
                       "Beds for the night for homeless men and women, for a short period, after an interview at the listening centre.",
                       "Lits pour la nuit pour les hommes et les femmes sans abri, pour une courte période, après un entretien au centre d'écoute.",
                       "أسرّة للمبيت ليلًا للرجال والنساء بلا مأوى، لفترة قصيرة، بعد مقابلة في مركز الاستماع."),
                cats=["housing", "social_services"], langs=["it", "en", "fr"], fees=FREE, docs=[DOC_ANY_ID],
                at=[("caritas-matera-accoglienza", ["MO-SU 19:00-22:00"])],
            ),
        ],
    ),
    dict(
        slug="caritas-tricarico",
        demo=True,
        name=T("Caritas diocesana di Tricarico", "Caritas of the Diocese of Tricarico", "Caritas diocésaine de Tricarico", "كاريتاس أبرشية تريكاريكو"),
        description=T(
            "Caritas della diocesi di Tricarico, nella collina materana: ascolto, aiuti alimentari e sostegno alle famiglie dei piccoli paesi.",
            "Caritas of the Diocese of Tricarico, in the hills of Matera: listening, food aid and support for families in small villages.",
            "Caritas du diocèse de Tricarico, dans les collines de Matera : écoute, aide alimentaire et soutien aux familles des petits villages.",
            "كاريتاس أبرشية تريكاريكو في تلال ماتيرا: الاستماع، والمساعدات الغذائية، ودعم الأسر في القرى الصغيرة.",
        ),
        phones=["+39 0835 000 014"],
        locations=[
            dict(key="caritas-tricarico", comune="077028", name=T("Caritas – centro di ascolto di Tricarico", "Caritas – Tricarico listening centre", "Caritas – centre d'écoute de Tricarico", "كاريتاس – مركز الاستماع في Tricarico"),
                 street="Piazza Duomo, 1", hours=["MO,TH 09:30-12:00"], access=[ACC_STEPS]),
            dict(key="caritas-grassano", comune="077011", name=T("Caritas – centro di ascolto di Grassano", "Caritas – Grassano listening centre", "Caritas – centre d'écoute de Grassano", "كاريتاس – مركز الاستماع في Grassano"),
                 street="Via Roma, 30", hours=["WE 16:00-18:00"]),
        ],
        services=[
            dict(slug="ascolto", name=LISTENING_NAME, desc=LISTENING_DESC, cats=["social_services"],
                 langs=["it", "en"], fees=FREE, at=[("caritas-tricarico", None), ("caritas-grassano", None)]),
            dict(slug="viveri", name=FOOD_NAME, desc=FOOD_DESC, cats=["social_services"],
                 langs=["it"], fees=FREE, at=[("caritas-tricarico", ["TH 09:30-12:00"])]),
        ],
    ),
    # Red Cross committees: real network; addresses, hours and map positions are demo.
    dict(
        slug="cri-asti",
        demo=True,
        name=T("Croce Rossa Italiana – Comitato di Asti", "Italian Red Cross – Asti committee", "Croix-Rouge italienne – Comité d'Asti", "الصليب الأحمر الإيطالي – لجنة أستي"),
        description=T(
            "Volontari della Croce Rossa: aiuti alimentari, ambulatorio sociale e ricerca dei familiari dispersi.",
            "Red Cross volunteers: food aid, a social clinic and tracing of missing family members.",
            "Bénévoles de la Croix-Rouge : aide alimentaire, dispensaire social et recherche des membres de la famille disparus.",
            "متطوعو الصليب الأحمر: مساعدات غذائية، وعيادة اجتماعية، والبحث عن أفراد الأسرة المفقودين.",
        ),
        website="https://cri.it",
        phones=["+39 0141 000 012"],
        locations=[
            dict(key="cri-asti", comune="005005", name=T("Croce Rossa – sede di Asti", "Red Cross – Asti office", "Croix-Rouge – bureau d'Asti", "الصليب الأحمر – مكتب أستي"),
                 street="Corso Volta, 60", hours=["MO-FR 09:00-12:00", "MO-FR 14:00-18:00"], access=[ACC_WHEELCHAIR, ACC_PARKING]),
            dict(key="cri-canelli", comune="005017", name=T("Croce Rossa – sede di Canelli", "Red Cross – Canelli office", "Croix-Rouge – bureau de Canelli", "الصليب الأحمر – مكتب Canelli"),
                 street="Via dei Prati, 57", hours=["TU,TH 15:00-18:00", "SA 09:00-12:00"], access=[ACC_WHEELCHAIR]),
        ],
        services=[
            dict(slug="viveri", name=FOOD_NAME, desc=FOOD_DESC, cats=["social_services"], langs=["it", "en", "fr"], fees=FREE,
                 at=[("cri-asti", ["TU,FR 14:00-17:00"]), ("cri-canelli", ["SA 09:00-12:00"])]),
            dict(
                slug="ambulatorio",
                name=T("Ambulatorio sociale", "Social clinic", "Dispensaire social", "عيادة اجتماعية"),
                desc=T("Medici volontari visitano gratis chi non ha un medico, controllano pressione e glicemia e spiegano come iscriversi al Servizio Sanitario.",
                       "Volunteer doctors see people who have no doctor for free, check blood pressure and blood sugar and explain how to register with the Health Service.",
                       "Des médecins bénévoles reçoivent gratuitement les personnes sans médecin, contrôlent la tension et la glycémie et expliquent comment s'inscrire au Service sanitaire.",
                       "يفحص أطباء متطوعون مجانًا من ليس لديه طبيب، ويقيسون الضغط والسكر، ويشرحون كيفية التسجيل في الخدمة الصحية."),
                cats=["health", "social_services"], langs=["it", "en", "fr", "ro"], fees=FREE,
                at=[("cri-asti", ["WE 15:00-18:00"])],
            ),
            dict(slug="rfl", name=RFL_NAME, desc=RFL_DESC, cats=["social_services", "legal_immigration"],
                 langs=["it", "en", "fr", "ar"], fees=FREE, at=[("cri-asti", ["TH 09:00-12:00"])]),
        ],
    ),
    dict(
        slug="cri-matera",
        demo=True,
        name=T("Croce Rossa Italiana – Comitato di Matera", "Italian Red Cross – Matera committee", "Croix-Rouge italienne – Comité de Matera", "الصليب الأحمر الإيطالي – لجنة ماتيرا"),
        description=T(
            "Volontari della Croce Rossa: aiuti alimentari, assistenza sanitaria ai braccianti del Metapontino e ricerca dei familiari dispersi.",
            "Red Cross volunteers: food aid, health care for farm workers on the Metaponto coast and tracing of missing family members.",
            "Bénévoles de la Croix-Rouge : aide alimentaire, soins aux ouvriers agricoles de la côte de Metaponto et recherche des membres de la famille disparus.",
            "متطوعو الصليب الأحمر: مساعدات غذائية، ورعاية صحية لعمال الزراعة في ساحل Metaponto، والبحث عن أفراد الأسرة المفقودين.",
        ),
        website="https://cri.it",
        phones=["+39 0835 000 015"],
        locations=[
            dict(key="cri-matera", comune="077014", name=T("Croce Rossa – sede di Matera", "Red Cross – Matera office", "Croix-Rouge – bureau de Matera", "الصليب الأحمر – مكتب ماتيرا"),
                 street="Via Gramsci, 40", hours=["MO-FR 09:00-12:00", "MO,WE,FR 15:00-18:00"], access=[ACC_WHEELCHAIR]),
            dict(key="cri-policoro", comune="077021", name=T("Croce Rossa – sede di Policoro", "Red Cross – Policoro office", "Croix-Rouge – bureau de Policoro", "الصليب الأحمر – مكتب Policoro"),
                 street="Via Lido, 15", hours=["TU,TH 15:00-19:00", "SA 09:00-12:00"], access=[ACC_WHEELCHAIR, ACC_PARKING]),
        ],
        services=[
            dict(slug="viveri", name=FOOD_NAME, desc=FOOD_DESC, cats=["social_services"], langs=["it", "en"], fees=FREE,
                 at=[("cri-matera", ["WE 15:00-18:00"]), ("cri-policoro", ["SA 09:00-12:00"])]),
            dict(
                slug="braccianti",
                name=T("Ambulatorio mobile per i braccianti", "Mobile clinic for farm workers", "Dispensaire mobile pour les ouvriers agricoles", "عيادة متنقلة لعمال الزراعة"),
                desc=T("Nella stagione della raccolta, un mezzo con medico e infermiere visita gratis i lavoratori agricoli e li accompagna ai servizi sanitari.",
                       "In the harvest season, a vehicle with a doctor and a nurse sees farm workers for free and takes them to health services.",
                       "Pendant la saison des récoltes, un véhicule avec un médecin et un infirmier reçoit gratuitement les ouvriers agricoles et les accompagne vers les services de santé.",
                       "في موسم الحصاد، تفحص سيارة فيها طبيب وممرض عمال الزراعة مجانًا وترافقهم إلى الخدمات الصحية."),
                cats=["health", "social_services"], langs=["it", "en", "fr", "ar", "bn", "pa"], fees=FREE,
                at=[("cri-policoro", ["TU,TH 15:00-19:00"])],
            ),
            dict(slug="rfl", name=RFL_NAME, desc=RFL_DESC, cats=["social_services", "legal_immigration"],
                 langs=["it", "en", "fr", "ar"], fees=FREE, at=[("cri-matera", ["MO 09:00-12:00"])]),
        ],
    ),
    # SAI projects exist in both provinces; which comuni, addresses and hours: demo.
    dict(
        slug="sai-asti",
        demo=True,
        name=T("Progetto SAI – Comune di Asti", "SAI project – Municipality of Asti", "Projet SAI – Commune d'Asti", "مشروع SAI – بلدية أستي"),
        description=T(
            "Progetto del Sistema di Accoglienza e Integrazione (SAI) per richiedenti asilo e rifugiati, gestito dal Comune con cooperative del territorio.",
            "Project of the Reception and Integration System (SAI) for asylum seekers and refugees, run by the municipality with local cooperatives.",
            "Projet du Système d'accueil et d'intégration (SAI) pour les demandeurs d'asile et les réfugiés, géré par la commune avec des coopératives locales.",
            "مشروع نظام الاستقبال والاندماج (SAI) لطالبي اللجوء واللاجئين، تديره البلدية مع تعاونيات محلية.",
        ),
        website="https://www.retesai.it",
        phones=["+39 0141 000 013"],
        locations=[
            dict(key="sai-asti", comune="005005", name=T("Progetto SAI – ufficio di Asti", "SAI project – Asti office", "Projet SAI – bureau d'Asti", "مشروع SAI – مكتب أستي"),
                 street="Via Ospedale, 15", hours=["MO-FR 09:00-13:00", "MO-TH 14:00-17:00"], access=[ACC_GROUND]),
            dict(key="sai-castell-alfero", comune="005025", name=T("Progetto SAI – sportello di Castell'Alfero", "SAI project – Castell'Alfero desk", "Projet SAI – guichet de Castell'Alfero", "مشروع SAI – شباك Castell'Alfero"),
                 street="Piazza Castello, 5", hours=["TU,TH 09:00-12:30"]),
        ],
        services=[
            dict(slug="accoglienza", name=SAI_NAME, desc=SAI_DESC, cats=["housing", "social_services", "mediation"],
                 langs=["it", "en", "fr", "ar", "ur", "ff"], fees=FREE,
                 at=[("sai-asti", None), ("sai-castell-alfero", None)]),
            dict(slug="autonomia", name=SAI_WORK_NAME, desc=SAI_WORK_DESC, cats=["work_training", "housing"],
                 langs=["it", "en", "fr"], fees=FREE, docs=[DOC_PERMIT, DOC_CV],
                 at=[("sai-asti", ["TU,TH 14:00-17:00"])]),
        ],
    ),
    dict(
        slug="sai-matera",
        demo=True,
        name=T("Rete SAI della provincia di Matera", "SAI network of the province of Matera", "Réseau SAI de la province de Matera", "شبكة SAI في مقاطعة ماتيرا"),
        description=T(
            "Progetti del Sistema di Accoglienza e Integrazione (SAI) in diversi comuni della provincia: accoglienza diffusa in appartamenti, italiano, lavoro e casa per rifugiati.",
            "Projects of the Reception and Integration System (SAI) in several towns of the province: reception in flats, Italian, work and housing for refugees.",
            "Projets du Système d'accueil et d'intégration (SAI) dans plusieurs communes de la province : accueil en appartements, italien, travail et logement pour les réfugiés.",
            "مشاريع نظام الاستقبال والاندماج (SAI) في عدة بلدات من المقاطعة: سكن في شقق، ودروس الإيطالية، والعمل والسكن للاجئين.",
        ),
        website="https://www.retesai.it",
        phones=["+39 0835 000 016"],
        locations=[
            dict(key="sai-matera", comune="077014", name=T("SAI – ufficio di Matera", "SAI – Matera office", "SAI – bureau de Matera", "SAI – مكتب ماتيرا"),
                 street="Via San Biagio, 20", hours=["MO-FR 09:00-13:00", "TU,TH 15:00-18:00"], access=[ACC_STEPS]),
            dict(key="sai-montescaglioso", comune="077017", name=T("SAI – sportello di Montescaglioso", "SAI – Montescaglioso desk", "SAI – guichet de Montescaglioso", "SAI – شباك Montescaglioso"),
                 street="Corso della Repubblica, 30", hours=["MO,WE,FR 09:00-13:00"]),
            dict(key="sai-irsina", comune="077013", name=T("SAI – sportello di Irsina", "SAI – Irsina desk", "SAI – guichet d'Irsina", "SAI – شباك Irsina"),
                 street="Via Mazzini, 12", hours=["TU,TH 09:00-13:00"], access=[ACC_STEPS]),
            dict(key="sai-tursi", comune="077029", name=T("SAI – sportello di Tursi", "SAI – Tursi desk", "SAI – guichet de Tursi", "SAI – شباك Tursi"),
                 street="Via Roma, 44", hours=["MO,TH 09:00-13:00"]),
        ],
        services=[
            dict(slug="accoglienza", name=SAI_NAME, desc=SAI_DESC, cats=["housing", "social_services", "mediation"],
                 langs=["it", "en", "fr", "ar", "ur", "bn", "tw"], fees=FREE,
                 at=[("sai-matera", None), ("sai-montescaglioso", None), ("sai-irsina", None), ("sai-tursi", None)]),
            dict(slug="autonomia", name=SAI_WORK_NAME, desc=SAI_WORK_DESC, cats=["work_training", "housing"],
                 langs=["it", "en", "fr"], fees=FREE, docs=[DOC_PERMIT, DOC_CV],
                 at=[("sai-matera", ["TU,TH 15:00-18:00"]), ("sai-montescaglioso", ["WE 09:00-13:00"])]),
        ],
    ),
    # Real consortium of social services of southern Asti; addresses, hours and map
    # positions are demo.
    dict(
        slug="cisa-asti-sud",
        demo=True,
        name=T("Consorzio CISA Asti Sud", "CISA Asti Sud social services consortium", "Consortium de services sociaux CISA Asti Sud", "اتحاد الخدمات الاجتماعية CISA Asti Sud"),
        description=T(
            "Consorzio dei comuni del sud astigiano per i servizi sociali: assistenti sociali, aiuto alle famiglie, ai minori e alle persone fragili.",
            "Consortium of the towns of southern Asti for social services: social workers, help for families, children and vulnerable people.",
            "Consortium des communes du sud d'Asti pour les services sociaux : assistantes sociales, aide aux familles, aux mineurs et aux personnes fragiles.",
            "اتحاد بلدات جنوب أستي للخدمات الاجتماعية: أخصائيون اجتماعيون، ومساعدة للأسر والقاصرين والأشخاص الضعفاء.",
        ),
        phones=["+39 0141 000 014"],
        locations=[
            dict(key="cisa-nizza", comune="005080", name=T("CISA Asti Sud – sede di Nizza Monferrato", "CISA Asti Sud – Nizza Monferrato office", "CISA Asti Sud – bureau de Nizza Monferrato", "CISA Asti Sud – مكتب Nizza Monferrato"),
                 street="Piazza Marconi, 10", hours=["MO-FR 09:00-12:30", "TU 14:30-16:30"], access=[ACC_WHEELCHAIR]),
            dict(key="cisa-canelli", comune="005017", name=T("CISA Asti Sud – sportello di Canelli", "CISA Asti Sud – Canelli desk", "CISA Asti Sud – guichet de Canelli", "CISA Asti Sud – شباك Canelli"),
                 street="Via Roma, 37", hours=["MO,WE 09:00-12:30"], access=[ACC_WHEELCHAIR]),
            dict(key="cisa-incisa", comune="005058", name=T("CISA Asti Sud – sportello di Incisa Scapaccino", "CISA Asti Sud – Incisa Scapaccino desk", "CISA Asti Sud – guichet d'Incisa Scapaccino", "CISA Asti Sud – شباك Incisa Scapaccino"),
                 street="Piazza Ferraro, 1", hours=["TH 09:00-12:00"]),
        ],
        services=[
            dict(slug="segretariato", name=SOCIAL_DESK_NAME, desc=SOCIAL_DESK_DESC, cats=["social_services"],
                 langs=["it", "en", "fr"], fees=FREE, docs=[DOC_ID, DOC_ISEE],
                 at=[("cisa-nizza", None), ("cisa-canelli", None), ("cisa-incisa", None)]),
            dict(
                slug="minori",
                name=T("Sostegno a minori e famiglie", "Support for children and families", "Soutien aux mineurs et aux familles", "دعم القاصرين والأسر"),
                desc=T("Educatori e assistenti sociali aiutano i genitori con la scuola e la crescita dei figli, e seguono i minori stranieri arrivati da soli.",
                       "Educators and social workers help parents with school and bringing up their children, and follow foreign minors who arrived alone.",
                       "Des éducateurs et des assistantes sociales aident les parents pour l'école et l'éducation des enfants, et suivent les mineurs étrangers arrivés seuls.",
                       "يساعد المربّون والأخصائيون الاجتماعيون الآباء في أمور المدرسة وتربية الأطفال، ويتابعون القاصرين الأجانب الذين وصلوا بمفردهم."),
                cats=["school_minors", "social_services"], langs=["it", "en", "fr", "ar"], fees=FREE,
                at=[("cisa-nizza", ["TU 14:30-16:30"]), ("cisa-canelli", ["WE 09:00-12:30"])],
            ),
        ],
    ),
    # --- Associations and mediation cooperatives: invented, plausible demo organizations. ---
    dict(
        slug="mondo-insieme-asti",
        demo=True,
        name=T("Associazione Mondo Insieme", "Mondo Insieme association", "Association Mondo Insieme", "جمعية Mondo Insieme"),
        description=T(
            "Associazione di volontari italiani e stranieri: scuola di italiano serale, feste delle comunità e aiuto per orientarsi in città.",
            "Association of Italian and foreign volunteers: evening Italian school, community festivals and help to find your way in town.",
            "Association de bénévoles italiens et étrangers : école d'italien du soir, fêtes des communautés et aide pour s'orienter en ville.",
            "جمعية متطوعين إيطاليين وأجانب: مدرسة مسائية للإيطالية، واحتفالات الجاليات، ومساعدة في التعرّف على المدينة.",
        ),
        phones=["+39 0141 000 015"],
        locations=[
            dict(key="mondo-insieme-asti", comune="005005", name=T("Mondo Insieme – sede di Asti", "Mondo Insieme – Asti centre", "Mondo Insieme – local d'Asti", "Mondo Insieme – مقر أستي"),
                 street="Via Giobert, 40", hours=["MO-TH 17:30-20:30", "SA 09:30-12:30"], access=[ACC_GROUND]),
            dict(key="mondo-insieme-moncalvo", comune="005069", name=T("Mondo Insieme – punto di Moncalvo", "Mondo Insieme – Moncalvo point", "Mondo Insieme – point de Moncalvo", "Mondo Insieme – نقطة Moncalvo"),
                 street="Via XX Settembre, 14", hours=["TU,TH 18:00-20:00"]),
            dict(key="mondo-insieme-isola", comune="005059", name=T("Mondo Insieme – punto di Isola d'Asti", "Mondo Insieme – Isola d'Asti point", "Mondo Insieme – point d'Isola d'Asti", "Mondo Insieme – نقطة Isola d'Asti"),
                 street="Piazza Vittorio Veneto, 2", hours=["WE 18:00-20:00"]),
        ],
        services=[
            dict(
                slug="italiano-serale",
                name=T("Scuola di italiano serale con volontari", "Evening Italian school with volunteers", "École d'italien du soir avec des bénévoles", "مدرسة مسائية للإيطالية مع متطوعين"),
                desc=T("Lezioni di italiano in piccoli gruppi per chi lavora di giorno, anche per chi non sa leggere e scrivere. Si può iniziare in ogni momento dell'anno.",
                       "Italian lessons in small groups for people who work during the day, also for those who cannot read and write. You can start at any time of the year.",
                       "Cours d'italien en petits groupes pour ceux qui travaillent le jour, même pour ceux qui ne savent pas lire et écrire. On peut commencer à tout moment de l'année.",
                       "دروس إيطالية في مجموعات صغيرة لمن يعمل في النهار، حتى لمن لا يعرف القراءة والكتابة. يمكن البدء في أي وقت من السنة."),
                cats=["italian_courses", "associations"], langs=["it", "en", "fr", "ar", "wo"], fees=FEE_MEMBER,
                at=[("mondo-insieme-asti", ["MO-TH 18:00-20:00"]), ("mondo-insieme-moncalvo", None), ("mondo-insieme-isola", None)],
            ),
            dict(
                slug="incontro",
                name=T("Punto di incontro delle comunità", "Community meeting point", "Point de rencontre des communautés", "نقطة لقاء الجاليات"),
                desc=T("Un luogo per conoscersi, chiedere consiglio ad altri connazionali e partecipare a feste, sport e attività culturali.",
                       "A place to meet people, ask advice from others from your country and join festivals, sport and cultural activities.",
                       "Un lieu pour se rencontrer, demander conseil à des compatriotes et participer à des fêtes, du sport et des activités culturelles.",
                       "مكان للتعارف وطلب النصيحة من أبناء بلدك والمشاركة في الاحتفالات والرياضة والأنشطة الثقافية."),
                cats=["associations"], langs=["it", "en", "fr", "ar", "sq", "ro", "wo"], fees=FREE,
                at=[("mondo-insieme-asti", ["SA 09:30-12:30"]), ("mondo-insieme-moncalvo", None)],
            ),
        ],
    ),
    dict(
        slug="mediatori-tanaro",
        demo=True,
        name=T("Cooperativa sociale Mediatori del Tanaro", "Mediatori del Tanaro social cooperative", "Coopérative sociale Mediatori del Tanaro", "التعاونية الاجتماعية Mediatori del Tanaro"),
        description=T(
            "Cooperativa di mediatrici e mediatori linguistico-culturali che lavorano con scuole, ospedali e uffici pubblici della provincia.",
            "Cooperative of linguistic and cultural mediators who work with schools, hospitals and public offices in the province.",
            "Coopérative de médiatrices et médiateurs linguistiques et culturels qui travaillent avec les écoles, les hôpitaux et les bureaux publics de la province.",
            "تعاونية من الوسيطات والوسطاء اللغويين والثقافيين يعملون مع المدارس والمستشفيات والمكاتب العامة في المقاطعة.",
        ),
        phones=["+39 0141 000 016"],
        locations=[
            dict(key="mediatori-tanaro-asti", comune="005005", name=T("Mediatori del Tanaro – sede di Asti", "Mediatori del Tanaro – Asti office", "Mediatori del Tanaro – bureau d'Asti", "Mediatori del Tanaro – مكتب أستي"),
                 street="Via Cavour, 85", hours=["MO-FR 09:00-13:00", "TU,TH 14:00-17:00"], access=[ACC_WHEELCHAIR]),
            dict(key="mediatori-tanaro-nizza", comune="005080", name=T("Mediatori del Tanaro – sportello di Nizza Monferrato", "Mediatori del Tanaro – Nizza Monferrato desk", "Mediatori del Tanaro – guichet de Nizza Monferrato", "Mediatori del Tanaro – شباك Nizza Monferrato"),
                 street="Via Pio Corsi, 12", hours=["WE 09:00-12:00"]),
            dict(key="mediatori-tanaro-canelli", comune="005017", name=T("Mediatori del Tanaro – sportello di Canelli", "Mediatori del Tanaro – Canelli desk", "Mediatori del Tanaro – guichet de Canelli", "Mediatori del Tanaro – شباك Canelli"),
                 street="Piazza Cavour, 4", hours=["FR 09:00-12:00"]),
        ],
        services=[
            dict(
                slug="mediazione",
                name=T("Mediazione linguistico-culturale su appuntamento", "Linguistic and cultural mediation by appointment", "Médiation linguistique et culturelle sur rendez-vous", "وساطة لغوية وثقافية بموعد"),
                desc=T("Un mediatore della vostra lingua vi accompagna a un colloquio a scuola, dal medico o in un ufficio, e aiuta a capire lettere e moduli.",
                       "A mediator who speaks your language goes with you to a meeting at school, at the doctor's or at an office, and helps you understand letters and forms.",
                       "Un médiateur qui parle votre langue vous accompagne à un rendez-vous à l'école, chez le médecin ou dans un bureau, et aide à comprendre les lettres et les formulaires.",
                       "يرافقك وسيط يتكلم لغتك إلى موعد في المدرسة أو عند الطبيب أو في مكتب، ويساعدك على فهم الرسائل والاستمارات."),
                cats=["mediation"], langs=["it", "ar", "sq", "ro", "zh", "en", "fr", "uk", "ru", "es"], fees=FREE,
                at=[("mediatori-tanaro-asti", None), ("mediatori-tanaro-nizza", None), ("mediatori-tanaro-canelli", None)],
            ),
            dict(
                slug="scuole",
                name=T("Mediazione per famiglie e scuole", "Mediation for families and schools", "Médiation pour les familles et les écoles", "الوساطة للأسر والمدارس"),
                desc=T("Aiuto ai genitori per iscrizioni, colloqui con gli insegnanti e pagelle; accoglienza dei bambini appena arrivati in classe.",
                       "Help for parents with enrolment, meetings with teachers and school reports; welcome for newly arrived children in class.",
                       "Aide aux parents pour les inscriptions, les rencontres avec les enseignants et les bulletins ; accueil des enfants nouvellement arrivés en classe.",
                       "مساعدة الآباء في التسجيل ولقاءات المعلمين والشهادات المدرسية، واستقبال الأطفال القادمين حديثًا في الصف."),
                cats=["mediation", "school_minors"], langs=["it", "ar", "sq", "ro", "zh"], fees=FREE,
                at=[("mediatori-tanaro-asti", ["TU,TH 14:00-17:00"])],
            ),
        ],
    ),
    dict(
        slug="casa-culture-asti",
        demo=True,
        name=T("Casa delle Culture Astigiana", "Casa delle Culture Astigiana (house of cultures)", "Casa delle Culture Astigiana (maison des cultures)", "Casa delle Culture Astigiana (بيت الثقافات)"),
        description=T(
            "Centro di quartiere aperto a tutte le comunità: doposcuola per bambini e ragazzi, sportello di ascolto per le famiglie e attività interculturali.",
            "Neighbourhood centre open to all communities: after-school help for children and teenagers, a listening desk for families and intercultural activities.",
            "Centre de quartier ouvert à toutes les communautés : aide aux devoirs pour enfants et adolescents, écoute pour les familles et activités interculturelles.",
            "مركز حيّ مفتوح لكل الجاليات: دعم مدرسي بعد الدوام للأطفال والمراهقين، وشباك استماع للأسر، وأنشطة بين الثقافات.",
        ),
        phones=["+39 0141 000 017"],
        locations=[
            dict(key="casa-culture-asti", comune="005005", name=T("Casa delle Culture – Asti", "Casa delle Culture – Asti", "Casa delle Culture – Asti", "Casa delle Culture – أستي"),
                 street="Corso Casale, 112", hours=["MO-FR 14:30-19:00", "SA 10:00-12:30"], access=[ACC_WHEELCHAIR]),
            dict(key="casa-culture-rocchetta", comune="005096", name=T("Casa delle Culture – punto di Rocchetta Tanaro", "Casa delle Culture – Rocchetta Tanaro point", "Casa delle Culture – point de Rocchetta Tanaro", "Casa delle Culture – نقطة Rocchetta Tanaro"),
                 street="Via Roma, 10", hours=["TU,TH 15:00-18:00"]),
        ],
        services=[
            dict(
                slug="doposcuola",
                name=T("Doposcuola per bambini e ragazzi", "After-school help for children and teenagers", "Aide aux devoirs pour enfants et adolescents", "دعم مدرسي بعد الدوام للأطفال والمراهقين"),
                desc=T("Aiuto nei compiti e nell'italiano per studenti delle elementari e delle medie, con giochi e merenda. Gratis, su iscrizione dei genitori.",
                       "Help with homework and Italian for primary and middle school pupils, with games and a snack. Free, parents sign up their children.",
                       "Aide aux devoirs et en italien pour les élèves du primaire et du collège, avec des jeux et un goûter. Gratuit, inscription par les parents.",
                       "مساعدة في الواجبات واللغة الإيطالية لتلاميذ الابتدائي والمتوسط، مع ألعاب ووجبة خفيفة. مجاني، ويسجّل الآباء أطفالهم."),
                cats=["school_minors", "associations"], langs=["it", "ar", "sq", "ro", "en"], fees=FREE,
                at=[("casa-culture-asti", ["MO-FR 14:30-18:00"]), ("casa-culture-rocchetta", None)],
            ),
            dict(
                slug="famiglie",
                name=T("Incontri e ascolto per famiglie", "Meetings and listening for families", "Rencontres et écoute pour les familles", "لقاءات واستماع للأسر"),
                desc=T("Gruppi di genitori, consulenza con una psicologa e informazioni sui servizi per le famiglie, nelle lingue delle comunità.",
                       "Parents' groups, advice from a psychologist and information on family services, in the communities' languages.",
                       "Groupes de parents, conseils d'une psychologue et informations sur les services aux familles, dans les langues des communautés.",
                       "مجموعات للآباء، واستشارة مع أخصائية نفسية، ومعلومات عن خدمات الأسرة بلغات الجاليات."),
                cats=["associations", "social_services"], langs=["it", "ar", "en", "fr"], fees=FREE,
                at=[("casa-culture-asti", ["SA 10:00-12:30"])],
            ),
        ],
    ),
    dict(
        slug="donne-valle-belbo",
        demo=True,
        name=T("Rete Donne Migranti Valle Belbo", "Valle Belbo Migrant Women's Network", "Réseau des femmes migrantes de la Valle Belbo", "شبكة النساء المهاجرات في Valle Belbo"),
        description=T(
            "Gruppo di donne di tanti paesi che si aiutano a vicenda: italiano con servizio di babysitting, laboratori e accompagnamento ai servizi.",
            "A group of women from many countries who help each other: Italian with babysitting, workshops and support to use services.",
            "Un groupe de femmes de nombreux pays qui s'entraident : italien avec garde d'enfants, ateliers et accompagnement vers les services.",
            "مجموعة من النساء من بلدان كثيرة يساعدن بعضهن: دروس الإيطالية مع رعاية للأطفال، وورش عمل، ومرافقة إلى الخدمات.",
        ),
        phones=["+39 0141 000 018"],
        locations=[
            dict(key="donne-belbo-canelli", comune="005017", name=T("Rete Donne Migranti – Canelli", "Migrant Women's Network – Canelli", "Réseau des femmes migrantes – Canelli", "شبكة النساء المهاجرات – Canelli"),
                 street="Via Giovanni XXIII, 9", hours=["TU,TH 09:00-11:30", "FR 15:00-17:30"], access=[ACC_GROUND]),
            dict(key="donne-belbo-nizza", comune="005080", name=T("Rete Donne Migranti – Nizza Monferrato", "Migrant Women's Network – Nizza Monferrato", "Réseau des femmes migrantes – Nizza Monferrato", "شبكة النساء المهاجرات – Nizza Monferrato"),
                 street="Via Maestra, 21", hours=["WE 09:00-11:30"]),
        ],
        services=[
            dict(
                slug="italiano-mamme",
                name=T("Italiano per mamme con babysitting", "Italian for mothers with babysitting", "Italien pour les mamans avec garde d'enfants", "الإيطالية للأمهات مع رعاية الأطفال"),
                desc=T("Lezioni di italiano per donne al mattino, mentre le volontarie giocano con i bambini piccoli nella stanza accanto.",
                       "Italian lessons for women in the morning, while volunteers play with the small children in the next room.",
                       "Cours d'italien pour les femmes le matin, pendant que des bénévoles jouent avec les petits enfants dans la pièce à côté.",
                       "دروس الإيطالية للنساء صباحًا، بينما تلعب المتطوعات مع الأطفال الصغار في الغرفة المجاورة."),
                cats=["italian_courses", "associations"], langs=["it", "ar", "ur", "sq", "en"], fees=FREE,
                at=[("donne-belbo-canelli", ["TU,TH 09:00-11:30"]), ("donne-belbo-nizza", None)],
            ),
            dict(
                slug="laboratori",
                name=T("Laboratori e accompagnamento ai servizi", "Workshops and support to use services", "Ateliers et accompagnement vers les services", "ورش عمل ومرافقة إلى الخدمات"),
                desc=T("Laboratori di cucito e cucina, incontri su salute e diritti, e una volontaria che accompagna al consultorio o in Comune.",
                       "Sewing and cooking workshops, meetings on health and rights, and a volunteer who goes with you to the family health centre or the town hall.",
                       "Ateliers de couture et de cuisine, rencontres sur la santé et les droits, et une bénévole qui accompagne au centre de santé familiale ou à la mairie.",
                       "ورش خياطة وطبخ، ولقاءات عن الصحة والحقوق، ومتطوعة ترافقك إلى مركز صحة الأسرة أو إلى البلدية."),
                cats=["associations", "mediation"], langs=["it", "ar", "ur", "en"], fees=FREE,
                at=[("donne-belbo-canelli", ["FR 15:00-17:30"])],
            ),
        ],
    ),
    dict(
        slug="mediterraneo-insieme",
        demo=True,
        name=T("Associazione Mediterraneo Insieme", "Mediterraneo Insieme association", "Association Mediterraneo Insieme", "جمعية Mediterraneo Insieme"),
        description=T(
            "Associazione interculturale di Matera: corsi di italiano con volontari, eventi delle comunità e aiuto per preparare il test A2.",
            "Intercultural association in Matera: Italian courses with volunteers, community events and help to prepare the A2 test.",
            "Association interculturelle de Matera : cours d'italien avec des bénévoles, événements des communautés et aide pour préparer le test A2.",
            "جمعية بين الثقافات في ماتيرا: دروس الإيطالية مع متطوعين، وفعاليات الجاليات، ومساعدة في التحضير لاختبار A2.",
        ),
        phones=["+39 0835 000 017"],
        locations=[
            dict(key="mediterraneo-matera", comune="077014", name=T("Mediterraneo Insieme – sede di Matera", "Mediterraneo Insieme – Matera centre", "Mediterraneo Insieme – local de Matera", "Mediterraneo Insieme – مقر ماتيرا"),
                 street="Via delle Beccherie, 22", hours=["MO-TH 17:30-20:30", "SA 10:00-12:30"], access=[ACC_STEPS]),
            dict(key="mediterraneo-bernalda", comune="077003", name=T("Mediterraneo Insieme – punto di Bernalda", "Mediterraneo Insieme – Bernalda point", "Mediterraneo Insieme – point de Bernalda", "Mediterraneo Insieme – نقطة Bernalda"),
                 street="Corso Umberto I, 112", hours=["TU,TH 18:00-20:00"]),
        ],
        services=[
            dict(
                slug="italiano",
                name=T("Italiano con volontari e preparazione al test A2", "Italian with volunteers and A2 test preparation", "Italien avec des bénévoles et préparation au test A2", "الإيطالية مع متطوعين والتحضير لاختبار A2"),
                desc=T("Lezioni serali di italiano per tutti i livelli e simulazioni del test A2 per il permesso di lungo periodo.",
                       "Evening Italian lessons for all levels and practice A2 tests for the long-term permit.",
                       "Cours d'italien du soir pour tous les niveaux et entraînements au test A2 pour le permis de longue durée.",
                       "دروس مسائية للإيطالية لكل المستويات، واختبارات تجريبية لـ A2 الخاص بتصريح الإقامة الطويلة."),
                cats=["italian_courses", "associations"], langs=["it", "en", "fr", "ar", "uk"], fees=FEE_MEMBER,
                at=[("mediterraneo-matera", ["MO-TH 18:00-20:00"]), ("mediterraneo-bernalda", None)],
            ),
            dict(
                slug="comunita",
                name=T("Eventi e incontri delle comunità", "Community events and meetings", "Événements et rencontres des communautés", "فعاليات ولقاءات الجاليات"),
                desc=T("Cene, feste e tornei per conoscersi tra materani e nuovi cittadini; i volontari danno anche informazioni sui servizi della città.",
                       "Dinners, festivals and tournaments for people from Matera and newcomers to meet; volunteers also give information on the city's services.",
                       "Dîners, fêtes et tournois pour que les habitants de Matera et les nouveaux arrivants se rencontrent ; les bénévoles informent aussi sur les services de la ville.",
                       "عشاءات واحتفالات ومسابقات للتعارف بين أهل ماتيرا والقادمين الجدد، ويقدّم المتطوعون أيضًا معلومات عن خدمات المدينة."),
                cats=["associations"], langs=["it", "en", "fr", "ar", "uk", "ru"], fees=FREE,
                at=[("mediterraneo-matera", ["SA 10:00-12:30"])],
            ),
        ],
    ),
    dict(
        slug="casa-popoli-metapontino",
        demo=True,
        name=T("Casa dei Popoli del Metapontino", "Casa dei Popoli del Metapontino (house of peoples)", "Casa dei Popoli del Metapontino (maison des peuples)", "Casa dei Popoli del Metapontino (بيت الشعوب)"),
        description=T(
            "Associazione di braccianti, famiglie e volontari della costa jonica: punto di incontro, informazioni su diritti e servizi, sostegno nei mesi della raccolta.",
            "Association of farm workers, families and volunteers on the Ionian coast: meeting point, information on rights and services, support during the harvest months.",
            "Association d'ouvriers agricoles, de familles et de bénévoles de la côte ionienne : lieu de rencontre, informations sur les droits et les services, soutien pendant les mois de récolte.",
            "جمعية لعمال الزراعة والأسر والمتطوعين على الساحل الأيوني: نقطة لقاء، ومعلومات عن الحقوق والخدمات، ودعم خلال أشهر الحصاد.",
        ),
        phones=["+39 0835 000 018"],
        locations=[
            dict(key="casa-popoli-policoro", comune="077021", name=T("Casa dei Popoli – Policoro", "Casa dei Popoli – Policoro", "Casa dei Popoli – Policoro", "Casa dei Popoli – Policoro"),
                 street="Via Ionio, 25", hours=["MO-FR 17:00-20:30", "SU 10:00-13:00"], access=[ACC_GROUND]),
            dict(key="casa-popoli-scanzano", comune="077031", name=T("Casa dei Popoli – punto di Scanzano Jonico", "Casa dei Popoli – Scanzano Jonico point", "Casa dei Popoli – point de Scanzano Jonico", "Casa dei Popoli – نقطة Scanzano Jonico"),
                 street="Via Pompei, 6", hours=["TU,TH 18:00-20:30"]),
            dict(key="casa-popoli-nova-siri", comune="077018", name=T("Casa dei Popoli – punto di Nova Siri", "Casa dei Popoli – Nova Siri point", "Casa dei Popoli – point de Nova Siri", "Casa dei Popoli – نقطة Nova Siri"),
                 street="Via Roma, 90", hours=["WE 18:00-20:30"]),
        ],
        services=[
            dict(
                slug="incontro",
                name=T("Punto di incontro e informazione", "Meeting and information point", "Point de rencontre et d'information", "نقطة لقاء ومعلومات"),
                desc=T("Un posto dove stare insieme dopo il lavoro, ricaricare il telefono, chiedere informazioni su permesso, salute e lavoro regolare.",
                       "A place to be together after work, charge your phone, and ask about permits, health and legal work.",
                       "Un endroit pour se retrouver après le travail, recharger son téléphone, se renseigner sur le permis, la santé et le travail déclaré.",
                       "مكان للاجتماع بعد العمل وشحن الهاتف والسؤال عن التصريح والصحة والعمل القانوني."),
                cats=["associations", "social_services"], langs=["it", "en", "fr", "ar", "bn", "pa", "wo", "tw"], fees=FREE,
                at=[("casa-popoli-policoro", ["MO-FR 17:00-20:30"]), ("casa-popoli-scanzano", None), ("casa-popoli-nova-siri", None)],
            ),
            dict(
                slug="italiano-domenica",
                name=T("Italiano della domenica", "Sunday Italian class", "Italien du dimanche", "دروس الإيطالية يوم الأحد"),
                desc=T("Lezioni di italiano semplice la domenica mattina, per chi lavora nei campi tutta la settimana.",
                       "Simple Italian lessons on Sunday morning, for people who work in the fields all week.",
                       "Cours d'italien simple le dimanche matin, pour ceux qui travaillent aux champs toute la semaine.",
                       "دروس إيطالية بسيطة صباح الأحد لمن يعمل في الحقول طوال الأسبوع."),
                cats=["italian_courses", "associations"], langs=["it", "en", "fr", "pa", "bn"], fees=FREE,
                at=[("casa-popoli-policoro", ["SU 10:00-12:00"])],
            ),
        ],
    ),
    dict(
        slug="ponte-lucano",
        demo=True,
        name=T("Cooperativa sociale Ponte Lucano", "Ponte Lucano social cooperative", "Coopérative sociale Ponte Lucano", "التعاونية الاجتماعية Ponte Lucano"),
        description=T(
            "Cooperativa di mediatori linguistico-culturali della provincia di Matera, presenti su appuntamento in uffici pubblici, scuole e ospedali.",
            "Cooperative of linguistic and cultural mediators in the province of Matera, available by appointment in public offices, schools and hospitals.",
            "Coopérative de médiateurs linguistiques et culturels de la province de Matera, présents sur rendez-vous dans les bureaux publics, les écoles et les hôpitaux.",
            "تعاونية وسطاء لغويين وثقافيين في مقاطعة ماتيرا، يحضرون بموعد في المكاتب العامة والمدارس والمستشفيات.",
        ),
        phones=["+39 0835 000 019"],
        locations=[
            dict(key="ponte-lucano-matera", comune="077014", name=T("Ponte Lucano – sede di Matera", "Ponte Lucano – Matera office", "Ponte Lucano – bureau de Matera", "Ponte Lucano – مكتب ماتيرا"),
                 street="Via La Martella, 50", hours=["MO-FR 09:00-13:00", "MO,WE 15:00-18:00"], access=[ACC_WHEELCHAIR]),
            dict(key="ponte-lucano-policoro", comune="077021", name=T("Ponte Lucano – sportello di Policoro", "Ponte Lucano – Policoro desk", "Ponte Lucano – guichet de Policoro", "Ponte Lucano – شباك Policoro"),
                 street="Corso Alcide De Gasperi, 60", hours=["TU,TH 09:00-13:00"]),
            dict(key="ponte-lucano-pisticci", comune="077020", name=T("Ponte Lucano – sportello di Pisticci", "Ponte Lucano – Pisticci desk", "Ponte Lucano – guichet de Pisticci", "Ponte Lucano – شباك Pisticci"),
                 street="Piazza Umberto I, 8", hours=["FR 09:00-12:00"]),
        ],
        services=[
            dict(
                slug="mediazione",
                name=T("Mediazione linguistico-culturale su appuntamento", "Linguistic and cultural mediation by appointment", "Médiation linguistique et culturelle sur rendez-vous", "وساطة لغوية وثقافية بموعد"),
                desc=T("Un mediatore della vostra lingua vi accompagna a un colloquio a scuola, dal medico o in un ufficio, e aiuta a capire lettere e moduli.",
                       "A mediator who speaks your language goes with you to a meeting at school, at the doctor's or at an office, and helps you understand letters and forms.",
                       "Un médiateur qui parle votre langue vous accompagne à un rendez-vous à l'école, chez le médecin ou dans un bureau, et aide à comprendre les lettres et les formulaires.",
                       "يرافقك وسيط يتكلم لغتك إلى موعد في المدرسة أو عند الطبيب أو في مكتب، ويساعدك على فهم الرسائل والاستمارات."),
                cats=["mediation"], langs=["it", "ar", "en", "fr", "bn", "pa", "ur", "hi", "ro", "uk"], fees=FREE,
                at=[("ponte-lucano-matera", None), ("ponte-lucano-policoro", None), ("ponte-lucano-pisticci", None)],
            ),
            dict(
                slug="traduzioni",
                name=T("Aiuto con lettere, moduli e traduzioni", "Help with letters, forms and translations", "Aide pour les lettres, les formulaires et les traductions", "مساعدة في الرسائل والاستمارات والترجمات"),
                desc=T("Spiegazione di lettere di uffici e scuole, aiuto a compilare moduli e traduzione semplice di documenti (non giurata).",
                       "Explanation of letters from offices and schools, help filling in forms and simple translation of documents (not sworn).",
                       "Explication des lettres des bureaux et des écoles, aide pour remplir les formulaires et traduction simple de documents (non assermentée).",
                       "شرح رسائل المكاتب والمدارس، والمساعدة في تعبئة الاستمارات، وترجمة بسيطة للوثائق (غير محلّفة)."),
                cats=["mediation", "legal_immigration"], langs=["it", "ar", "en", "fr", "bn", "pa"],
                fees=T("Gratuito; traduzioni lunghe con piccolo contributo (demo)", "Free; long translations for a small fee (demo)", "Gratuit ; petite contribution pour les longues traductions (démo)", "مجاني، مع مساهمة صغيرة للترجمات الطويلة (تجريبي)"),
                at=[("ponte-lucano-matera", ["MO,WE 15:00-18:00"])],
            ),
        ],
    ),
    dict(
        slug="donne-mondo-montescaglioso",
        demo=True,
        name=T("Associazione Donne del Mondo", "Donne del Mondo association (women of the world)", "Association Donne del Mondo (femmes du monde)", "جمعية Donne del Mondo (نساء العالم)"),
        description=T(
            "Associazione di donne italiane e straniere della collina materana: doposcuola, sostegno alle mamme e attività insieme.",
            "Association of Italian and foreign women in the hills near Matera: after-school help, support for mothers and activities together.",
            "Association de femmes italiennes et étrangères des collines de Matera : aide aux devoirs, soutien aux mamans et activités ensemble.",
            "جمعية نساء إيطاليات وأجنبيات في تلال ماتيرا: دعم مدرسي، ومساندة الأمهات، وأنشطة مشتركة.",
        ),
        phones=["+39 0835 000 020"],
        locations=[
            dict(key="donne-mondo-montescaglioso", comune="077017", name=T("Donne del Mondo – Montescaglioso", "Donne del Mondo – Montescaglioso", "Donne del Mondo – Montescaglioso", "Donne del Mondo – Montescaglioso"),
                 street="Via Indipendenza, 18", hours=["MO-FR 15:00-18:30"], access=[ACC_GROUND]),
            dict(key="donne-mondo-ferrandina", comune="077008", name=T("Donne del Mondo – punto di Ferrandina", "Donne del Mondo – Ferrandina point", "Donne del Mondo – point de Ferrandina", "Donne del Mondo – نقطة Ferrandina"),
                 street="Via Mazzini, 7", hours=["TU,TH 15:00-18:00"]),
        ],
        services=[
            dict(
                slug="doposcuola",
                name=T("Doposcuola e sostegno alle mamme", "After-school help and support for mothers", "Aide aux devoirs et soutien aux mamans", "دعم مدرسي ومساندة الأمهات"),
                desc=T("Aiuto nei compiti per bambini delle elementari e delle medie; nello stesso pomeriggio, incontri per mamme su scuola, salute e servizi.",
                       "Homework help for primary and middle school children; in the same afternoon, meetings for mothers about school, health and services.",
                       "Aide aux devoirs pour les enfants du primaire et du collège ; le même après-midi, rencontres pour les mamans sur l'école, la santé et les services.",
                       "مساعدة في الواجبات لأطفال الابتدائي والمتوسط، وفي العصر نفسه لقاءات للأمهات عن المدرسة والصحة والخدمات."),
                cats=["school_minors", "associations"], langs=["it", "ar", "ro", "sq", "en"], fees=FREE,
                at=[("donne-mondo-montescaglioso", ["MO-TH 15:00-18:00"]), ("donne-mondo-ferrandina", None)],
            ),
            dict(
                slug="insieme",
                name=T("Attività e feste insieme", "Activities and celebrations together", "Activités et fêtes ensemble", "أنشطة واحتفالات مشتركة"),
                desc=T("Cucina, cucito, passeggiate e feste delle diverse culture, per fare amicizia e non sentirsi sole.",
                       "Cooking, sewing, walks and festivals of different cultures, to make friends and not feel alone.",
                       "Cuisine, couture, promenades et fêtes des différentes cultures, pour se faire des amies et ne pas se sentir seule.",
                       "طبخ وخياطة ونزهات واحتفالات بثقافات مختلفة، لتكوين صداقات وعدم الشعور بالوحدة."),
                cats=["associations"], langs=["it", "ar", "ro", "sq"], fees=FEE_MEMBER,
                at=[("donne-mondo-montescaglioso", ["FR 15:00-18:30"])],
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

    def clean(t: str) -> bool:
        """No control or invisible format characters (soft hyphens, zero-width spaces)."""
        return not any(unicodedata.category(c) in ("Cc", "Cf") for c in t)

    def text(base: str, tr: dict, field: str, path: str, limit: int) -> None:
        need(bool(base and base.strip()), f"{path}.{field}: empty Italian text")
        need(clean(base), f"{path}.{field}: control or invisible characters")
        need(set(tr) <= set(ALL_LANGS[1:]), f"{path}: translations in unknown languages {set(tr) - set(ALL_LANGS)}")
        need(len(base.encode()) <= limit, f"{path}.{field}: longer than {limit} bytes")
        for lang in BASE_LANGS[1:]:
            t = tr.get(lang, {}).get(field, "")
            need(bool(t.strip()), f"{path}.{field}: missing {lang}")
        for lang, fields in tr.items():
            if field in fields:
                need(len(fields[field].encode()) <= limit, f"{path}.{field}.{lang}: too long")
                need(clean(fields[field]), f"{path}.{field}.{lang}: control or invisible characters")

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
        sys.exit(1)
    text = json.dumps(document, ensure_ascii=False, indent=1) + "\n"
    OUTPUT.write_text(text, encoding="utf-8")
    print(f"Wrote {OUTPUT} ({len(text.encode())} bytes)")


if __name__ == "__main__":
    main()
