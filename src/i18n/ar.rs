//! Arabic (right to left).

use super::Key;

pub(super) fn text(key: Key) -> &'static str {
    match key {
        Key::PhoneLabel => "رقم الهاتف",
        Key::PhoneHint => "مع رمز الدولة، مثل +966 50 123 4567",
        Key::SendCode => "أرسل الرمز",
        Key::Sending => "جارٍ الإرسال…",
        Key::CodeLabel => "أدخل الرمز المكوّن من {n} أرقام المرسل إلى {phone}",
        Key::Verify => "تحقّق",
        Key::Verifying => "جارٍ التحقق من الرمز…",
        Key::Verified => "تم التحقق من رقم هاتفك.",
        Key::WrongCode => "هذا الرمز غير صحيح.",
        Key::AttemptsLeftOne => "بقيت محاولة واحدة",
        Key::AttemptsLeft => "المحاولات المتبقية: {n}",
        Key::Expired => "انتهت صلاحية هذا الرمز. اطلب رمزًا جديدًا للمتابعة.",
        Key::Locked => "رموز خاطئة كثيرة. اطلب رمزًا جديدًا للمحاولة مرة أخرى.",
        Key::AlreadyUsed => "سبق استخدام هذا الرمز. اطلب رمزًا جديدًا للمتابعة.",
        Key::NotFound => "لم يتم العثور على عملية التحقق هذه. اطلب رمزًا جديدًا للمتابعة.",
        Key::NewCode => "أرسل رمزًا جديدًا",
        Key::Resend => "أعد إرسال الرمز",
        Key::ResendIn => "إعادة إرسال الرمز بعد {time}",
        Key::ExpiresIn => "تنتهي صلاحية الرمز بعد {time}",
        Key::ChangeNumber => "غيّر الرقم",
        Key::CallMe => "اتصل بي بدلًا من ذلك",
        Key::RateLimited => "طلبات كثيرة. حاول مرة أخرى بعد {time}.",
        Key::RateLimitedLater => "طلبات كثيرة. حاول مرة أخرى لاحقًا.",
        Key::Network => "تعذّر الوصول إلى الخادم. تحقّق من اتصالك وحاول مرة أخرى.",
        Key::Timeout => "استغرق الخادم وقتًا طويلًا للرد. حاول مرة أخرى.",
        Key::Offline => "أنت غير متصل. اتصل بالإنترنت وحاول مرة أخرى.",
        Key::Server => "حدث خطأ من جهتنا. حاول مرة أخرى.",
        Key::BadPhone => "أدخل الرقم مع رمز الدولة، بدءًا بـ +.",
        Key::CodeRefused => "يتكوّن الرمز من أرقام فقط.",
        Key::Rejected => "لا يمكن لهذا الرقم تلقّي رمز.",
    }
}
