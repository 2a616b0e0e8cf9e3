//! Malay.

use super::Key;

pub(super) fn text(key: Key) -> &'static str {
    match key {
        Key::PhoneLabel => "Nombor telefon",
        Key::PhoneHint => "Dengan kod negara, contohnya +60 18 225 8491",
        Key::SendCode => "Hantar kod",
        Key::Sending => "Menghantar…",
        Key::CodeLabel => "Masukkan kod {n} digit yang dihantar ke {phone}",
        Key::Verify => "Sahkan",
        Key::Verifying => "Menyemak kod…",
        Key::Verified => "Nombor telefon anda telah disahkan.",
        Key::WrongCode => "Kod itu tidak betul.",
        Key::AttemptsLeftOne => "1 cubaan lagi",
        Key::AttemptsLeft => "{n} cubaan lagi",
        Key::Expired => "Kod ini telah tamat tempoh. Hantar kod baharu untuk meneruskan.",
        Key::Locked => "Terlalu banyak kod yang salah. Hantar kod baharu untuk mencuba lagi.",
        Key::AlreadyUsed => "Kod ini telah digunakan. Hantar kod baharu untuk meneruskan.",
        Key::NotFound => "Pengesahan ini tidak ditemui. Hantar kod baharu untuk meneruskan.",
        Key::NewCode => "Hantar kod baharu",
        Key::Resend => "Hantar semula kod",
        Key::ResendIn => "Hantar semula kod dalam {time}",
        Key::ExpiresIn => "Kod tamat tempoh dalam {time}",
        Key::ChangeNumber => "Tukar nombor",
        Key::CallMe => "Telefon saya sahaja",
        Key::RateLimited => "Terlalu banyak permintaan. Cuba lagi dalam {time}.",
        Key::RateLimitedLater => "Terlalu banyak permintaan. Cuba lagi nanti.",
        Key::Network => "Tidak dapat menghubungi pelayan. Semak sambungan anda dan cuba lagi.",
        Key::Timeout => "Pelayan mengambil masa terlalu lama untuk menjawab. Cuba lagi.",
        Key::Offline => "Anda di luar talian. Sambung ke internet dan cuba lagi.",
        Key::Server => "Berlaku ralat di pihak kami. Cuba lagi.",
        Key::BadPhone => "Masukkan nombor dengan kod negara, bermula dengan +.",
        Key::CodeRefused => "Kod hanya mengandungi digit.",
        Key::Rejected => "Nombor ini tidak boleh menerima kod.",
    }
}
